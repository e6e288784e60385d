/**
 * Each template's DOCX converts to PDF in LibreOffice without error (one conversion per
 * template: LibreOffice is slow). Skips with a message when soffice is not installed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../src/render/docx';
import { loadRenderResources } from '../src/render/resources-node';
import { hasTool, TEMPLATE_IDS, treeFor } from './fixtures/findings-trees';
import { noteText } from '../src/compose/doctree';

const soffice = hasTool('soffice');

describe.skipIf(!soffice)('LibreOffice opens our DOCX', () => {
  it.each(TEMPLATE_IDS)('%s converts to PDF with its headings and notes', async (id) => {
    const dir = mkdtempSync(path.join(tmpdir(), `bs-lo-${id}-`));
    try {
      const tree = treeFor(id);
      const docx = path.join(dir, `${id}.docx`);
      writeFileSync(docx, await renderDocx(tree, await loadRenderResources()));
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'pipe', timeout: 120_000 });
      const pdf = path.join(dir, `${id}.pdf`);
      expect(existsSync(pdf)).toBe(true);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(tree.titleBlock.title);
      for (const b of tree.blocks) if (b.kind === 'heading' && b.level === 1) expect(text).toContain(b.text);
      expect(text).toContain(tree.notes[0].quote !== null ? tree.notes[0].quote.slice(0, 40) : noteText(tree.notes[0], tree.sources));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
      // LibreOffice sets endnotes on a page of their own (its "Endnote" page style, without our
      // footer): the last page numbered is the one before them.
      const lastNumbered = tree.citations === 'endnotes' ? pages - 1 : pages;
      expect(text).toContain(`Page ${lastNumbered} of ${pages}`);
      if (tree.citations === 'endnotes') expect(execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), pdf, '-'], { encoding: 'utf8' })).toContain('[1]');
      // A cover page carries no running head or footer; other first pages do.
      const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' });
      if (tree.titleBlock.layout === 'cover') expect(first).not.toMatch(/Page \d+ of/);
      else expect(first.replace(/\s+/g, ' ')).toContain(`Page 1 of ${pages}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

if (!soffice) console.warn('render-libreoffice: soffice is not installed, LibreOffice conversion tests skipped.');
