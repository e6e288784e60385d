/**
 * Export at scale, small enough for CI: a dossier of about 36 pages from synthesised data exports
 * to PDF and DOCX with progress that only grows and ends at its total; a cancel token set after
 * the first progress report stops both renderers with BriefsmithError('cancelled'); the PDF
 * passes `qpdf --check`. The 500-page run is `npx tsx scripts/limits-export.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose } from '../src/compose/compose';
import type { DocTree } from '../src/compose/doctree';
import { loadTemplate } from '../src/compose/templates-node';
import { BriefsmithError } from '../src/model';
import JSZip from 'jszip';
import { layoutUnits, MAX_TOC_LAYOUT_UNITS, renderDocx } from '../src/render/docx';
import { renderPdf } from '../src/render/pdf';
import { loadRenderResources, type RenderResources } from '../src/render/resources-node';
import { limitsBriefing, syntheticDossierData } from '../scripts/limits-export';

type Report = { done: number; total: number; label: string };

const hasTool = (cmd: string, versionFlag: string): boolean => {
  try {
    execFileSync(cmd, [versionFlag], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

let tree: DocTree;
let res: RenderResources;
let dir: string;
beforeAll(async () => {
  tree = compose(limitsBriefing(null, 20), syntheticDossierData(95), loadTemplate('dossier'));
  res = await loadRenderResources();
  dir = mkdtempSync(path.join(tmpdir(), 'bs-limits-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function documentXml(docx: Uint8Array): Promise<string> {
  return (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
}
const tocEntries = (xml: string): number => (xml.match(/w:val="TOC[12]"/g) ?? []).length;

function expectSteadyProgress(reports: Report[]): void {
  expect(reports.length).toBeGreaterThan(3);
  const total = reports[0].total;
  expect(total).toBeGreaterThan(0);
  for (const r of reports) expect(r.total).toBe(total);
  for (let i = 1; i < reports.length; i++) expect(reports[i].done).toBeGreaterThanOrEqual(reports[i - 1].done);
  expect(reports[reports.length - 1].done).toBe(total);
  expect(reports.every((r) => r.label.length > 0)).toBe(true);
}

async function expectCancelled(p: Promise<unknown>): Promise<void> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BriefsmithError);
  expect((e as BriefsmithError).code).toBe('cancelled');
  expect((e as BriefsmithError).message).toMatch(/cancelled/i);
}

describe('export of a long dossier', () => {
  it('PDF: about 36 pages, progress grows to its total, qpdf --check passes', { timeout: 180_000 }, async () => {
    const reports: Report[] = [];
    const pdf = await renderPdf(tree, res, { progress: (p) => reports.push(p) });
    expectSteadyProgress(reports);
    expect(reports.some((r) => /page \d+ of \d+/.test(r.label))).toBe(true);
    const file = path.join(dir, 'long.pdf');
    writeFileSync(file, pdf);
    if (!hasTool('pdfinfo', '-v')) return void console.warn('skipping page count: pdfinfo (poppler-utils) is not installed');
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    // 93 pages before e430390, most of them holding one table row under a repeated header; 36 full pages since.
    expect(pages).toBeGreaterThanOrEqual(30);
    if (!hasTool('qpdf', '--version')) return void console.warn('skipping qpdf --check: qpdf is not installed');
    // qpdf exits non-zero (and execFileSync throws) on errors; warnings exit 3.
    const out = execFileSync('qpdf', ['--check', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(out).toMatch(/No syntax or stream encoding errors found/);
  });

  it('DOCX: progress grows to its total', { timeout: 180_000 }, async () => {
    const reports: Report[] = [];
    const docx = await renderDocx(tree, res, { progress: (p) => reports.push(p) });
    expectSteadyProgress(reports);
    // Small enough to lay out: the contents carry page numbers and are not marked for update.
    expect(layoutUnits(tree)).toBeLessThanOrEqual(MAX_TOC_LAYOUT_UNITS);
    const xml = await documentXml(docx);
    expect(tocEntries(xml)).toBeGreaterThan(5);
    expect(xml).not.toMatch(/w:dirty="true"/);
  });

  it('DOCX above the layout limit: contents listed, marked for Word to number them', { timeout: 180_000 }, async () => {
    // Repeated citations reuse their notes, so it takes more articles than it did to pass the limit.
    const big = compose(limitsBriefing(null, 5), syntheticDossierData(600), loadTemplate('dossier'));
    expect(layoutUnits(big)).toBeGreaterThan(MAX_TOC_LAYOUT_UNITS);
    const xml = await documentXml(await renderDocx(big, res));
    expect(tocEntries(xml)).toBeGreaterThan(5);
    expect(xml).toMatch(/w:dirty="true"/);
  });

  it('a cancel token set at the first progress report stops the PDF', { timeout: 60_000 }, async () => {
    const cancel = { cancelled: false };
    const reports: Report[] = [];
    await expectCancelled(renderPdf(tree, res, { cancel, progress: (p) => (reports.push(p), (cancel.cancelled = true)) }));
    expect(reports).toHaveLength(1);
  });

  it('a cancel token set at the first progress report stops the DOCX', { timeout: 60_000 }, async () => {
    const cancel = { cancelled: false };
    const reports: Report[] = [];
    await expectCancelled(renderDocx(tree, res, { cancel, progress: (p) => (reports.push(p), (cancel.cancelled = true)) }));
    expect(reports).toHaveLength(1);
  });

  it('a cancel that arrives later from the event loop (a click, an IPC message) is seen while pages are drawn', { timeout: 60_000 }, async () => {
    const cancel = { cancelled: false };
    const reports: Report[] = [];
    let armed = false;
    const progress = (p: Report) => {
      reports.push(p);
      if (!armed && /drawing page/.test(p.label)) {
        armed = true;
        setTimeout(() => (cancel.cancelled = true), 0);
      }
    };
    await expectCancelled(renderPdf(tree, res, { cancel, progress }));
    expect(reports[reports.length - 1].done).toBeLessThan(100);
  });
});
