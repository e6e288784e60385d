import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { noteText, type DocTree } from '../src/compose/doctree';
import { renderPdf } from '../src/render/pdf';
import { loadRenderResources, type RenderResources } from '../src/render/resources-node';
import { SECTION_IDS, SECTION_TITLES } from '../src/model';
import { hasTool, TEMPLATE_IDS, treeFor } from './fixtures/findings-trees';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: PdfJs;
let res: RenderResources;
beforeAll(async () => {
  pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  res = await loadRenderResources();
});

interface Outline {
  title: string;
  items: Outline[];
}
async function readPdf(bytes: Uint8Array) {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const tc = await (await doc.getPage(i)).getTextContent();
    pages.push(tc.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  const outline = ((await doc.getOutline()) ?? []) as Outline[];
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages, text: pages.join(' '), outline, info: meta.info as Record<string, unknown> };
}
const squash = (s: string) => s.replace(/\s+/g, '');

const headingTexts = (t: DocTree, level = 1) => t.blocks.flatMap((b) => (b.kind === 'heading' && b.level === level ? [b.text] : []));

describe('renderPdf', () => {
  it.each(TEMPLATE_IDS)('%s: prints every chosen section, notes, Cyrillic, bookmarks and "Page X of Y"', async (id) => {
    const tree = treeFor(id, { sections: [...SECTION_IDS] });
    const bytes = await renderPdf(tree, res);
    expect(new TextDecoder().decode(bytes.slice(0, 8))).toBe('%PDF-1.7');
    const pdf = await readPdf(bytes);
    // Text is compared without spaces: our own line layout places words one run at a time.
    const flat = squash(pdf.text);
    for (const h of headingTexts(tree)) expect(flat).toContain(squash(h));
    expect(flat).toContain('ОлегМиронов');
    if (id === 'bluf') {
      // The one-pager caps each section; the rest is counted, not printed.
      expect(flat).toMatch(/\d+moreinthefullbrief\./);
      expect(flat).not.toContain(squash('«Мы не уступим ни метра»'));
    } else expect(flat).toContain(squash('«Мы не уступим ни метра»'));
    expect(flat).toContain(squash(tree.notes[0].quote !== null ? tree.notes[0].quote.replace(/ …$/, '') : noteText(tree.notes[0], tree.sources)));
    expect(pdf.pages.length).toBeGreaterThan(1);
    if (tree.titleBlock.layout === 'cover') {
      // A cover carries neither running head nor foot, as in the DOCX; the count starts on it.
      expect(pdf.pages[0]).not.toContain('Page 1 of');
      expect(pdf.pages[1]).toContain(`Page 2 of ${pdf.pages.length}`);
    } else expect(pdf.pages[0]).toContain(`Page 1 of ${pdf.pages.length}`);
    expect(pdf.pages[pdf.pages.length - 1]).toContain(`Page ${pdf.pages.length} of ${pdf.pages.length}`);
    expect(pdf.pages.every((p) => p.includes(tree.titleBlock.marking))).toBe(true);
    const bookmarks = pdf.outline.map((o) => o.title);
    for (const h of headingTexts(tree)) expect(bookmarks).toContain(h);
    const parties = tree.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 && b.id.startsWith('sec-positions-') ? [b.text] : []));
    expect(parties).toEqual(id === 'bluf' ? ['Veloria'] : ['Veloria', 'Kastrava']);
    expect(pdf.outline.find((o) => o.title === 'Positions')?.items.map((i) => i.title)).toEqual(parties);
    expect(pdf.info.Title).toBe(tree.titleBlock.title);
    expect(pdf.info.Author).toBe('Desk analyst');
  });

  it('renders a briefing without author, subtitle or marking', async () => {
    const tree = treeFor('situation', { author: '', subtitle: null, marking: '' });
    const pdf = await readPdf(await renderPdf(tree, res));
    expect(pdf.info.Author).toBeUndefined();
    expect(pdf.pages[0]).toContain('Page 1 of');
  });

  it('renders empty findings on Letter paper, leaving every empty section out', async () => {
    const { compose } = await import('../src/compose/compose');
    const { loadTemplate } = await import('../src/compose/templates-node');
    const { parseTemplate } = await import('../src/compose/templates');
    const { briefing } = await import('./fixtures/findings');
    const letter = parseTemplate({ ...JSON.parse(JSON.stringify(loadTemplate('dossier'))), page: { size: 'Letter', margins: { top: 25, right: 25, bottom: 25, left: 25 } } }, 'dossier');
    const tree = compose(briefing({ sections: [...SECTION_IDS], notes: '' }), { articles: [], findings: { people: [], delegations: [], positions: [], outlook: [], attacks: [] } }, letter);
    const bytes = await renderPdf(tree, res);
    const doc = await pdfjs.getDocument({ data: bytes.slice() }).promise;
    const view = (await doc.getPage(1)).view;
    expect(view.slice(2)).toEqual([612, 792]);
    await doc.destroy();
    const pdf = await readPdf(bytes);
    expect(tree.blocks.filter((b) => b.kind === 'heading')).toEqual([]);
    expect(pdf.text).toContain(tree.titleBlock.title);
    for (const s of SECTION_IDS) expect(pdf.text).not.toContain(SECTION_TITLES[s]);
    expect(pdf.text).not.toMatch(/Nothing reported in the sources|No analyst notes/);
  });

  it('splits a table row taller than a page, keeping the body inside the margins', async () => {
    const { compose } = await import('../src/compose/compose');
    const { loadTemplate } = await import('../src/compose/templates-node');
    const { articles, briefing, findings } = await import('./fixtures/findings');
    const words = Array.from({ length: 900 }, (_, i) => `role${i}`);
    const people = [{ ...findings.people[0], roles: [words.join(' ')] }];
    const tree = compose(briefing({ sections: ['people'] }), { articles, findings: { ...findings, people } }, loadTemplate('situation'));
    const bytes = await renderPdf(tree, res);
    const doc = await pdfjs.getDocument({ data: bytes.slice() }).promise;
    const bottomMargin = tree.page.margins.bottom;
    const seen = new Set<string>();
    for (let i = 1; i <= doc.numPages; i++) {
      const items = (await (await doc.getPage(i)).getTextContent()).items.filter((it) => 'str' in it && it.str.trim());
      for (const it of items) {
        if (!('str' in it)) continue;
        for (const w of it.str.split(/\s+/)) if (/^role\d+$/.test(w)) seen.add(w);
        // Only the footer lives in the bottom margin.
        if (it.transform[5] < bottomMargin - 2) expect(it.transform[5]).toBeLessThan(bottomMargin * 0.75);
      }
    }
    expect(doc.numPages).toBeGreaterThan(2);
    expect(seen.size).toBe(900);
    await doc.destroy();
  });

  it('carries footnotes that do not fit on their page over to the next', async () => {
    const { compose } = await import('../src/compose/compose');
    const { loadTemplate } = await import('../src/compose/templates-node');
    const { articles, briefing, findings } = await import('./fixtures/findings');
    // compose cites at most two passages per fact and keeps notes to a third of the text, so the
    // renderer is given a tree directly: one line citing over a hundred passages, whose notes
    // cannot fit under it.
    const base = compose(briefing({ sections: ['outlook'] }), { articles, findings }, loadTemplate('situation'));
    const notes = articles.flatMap((a) => a.text.split('\n').filter((l) => l.trim().length > 20).flatMap((line) => Array.from({ length: 6 }, (_, k) => ({ quote: line.slice(k).trim(), articleId: a.id, source: articles.indexOf(a) + 1 }))));
    const numbered = notes.map((x, i) => ({ ...x, n: i + 1 }));
    const tree: DocTree = {
      ...base,
      blocks: [
        { kind: 'heading', level: 1, text: 'Outlook', id: 'sec-outlook' },
        { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'One line citing every passage' }, { kind: 'cite', notes: numbered.map((x) => x.n) }]] },
      ],
      notes: numbered,
    };
    const bytes = await renderPdf(tree, res);
    const pdf = await readPdf(bytes);
    const flat = squash(pdf.text);
    expect(tree.notes.length).toBeGreaterThan(100);
    expect(pdf.pages.length).toBeGreaterThan(2);
    for (const n of tree.notes) expect(flat).toContain(squash(n.quote !== null ? n.quote.slice(0, 30) : `[${n.source}]`));
    const doc = await pdfjs.getDocument({ data: bytes.slice() }).promise;
    for (let i = 1; i <= doc.numPages; i++) {
      for (const it of (await (await doc.getPage(i)).getTextContent()).items) {
        if ('str' in it && it.str.trim()) expect(it.transform[5]).toBeLessThan(tree.page.height - tree.page.margins.top * 0.3);
      }
    }
    await doc.destroy();
  });

  it('keeps the BLUF template to one page with its default sections', async () => {
    const pdf = await readPdf(await renderPdf(treeFor('bluf'), res));
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.pages[0]).toContain('Page 1 of 1');
  });

  it('is tagged with the document language, embeds subset fonts, and passes qpdf --check', async () => {
    const tree = treeFor('dossier', { options: { citations: null, language: 'en-GB' } });
    const bytes = await renderPdf(tree, res);
    const raw = new TextDecoder('latin1').decode(bytes);
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/StructTreeRoot/);
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSans/);
    if (!hasTool('qpdf')) return void console.warn('qpdf not installed: skipping qpdf --check');
    const dir = mkdtempSync(path.join(tmpdir(), 'bs-pdf-'));
    const file = path.join(dir, 'dossier.pdf');
    writeFileSync(file, bytes);
    const out = execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(out).toMatch(/No syntax or stream encoding errors/);
  });

  it('never leaves a table\'s last row alone on a page', async () => {
    const base = treeFor('situation', { sections: [] });
    const text = (x: string) => [{ kind: 'text' as const, text: x }];
    const table = {
      kind: 'table' as const,
      columns: [{ header: 'Weapon type', width: 0.7, align: 'left' as const }, { header: 'Count', width: 0.3, align: 'right' as const }],
      rows: [...[1, 2, 3, 4, 5].map((i) => [text(`Kind ${i}`), text(String(i))]), [text('Total'), text('15')]],
      caption: null,
      totalRow: true,
    };
    // Filler paragraphs move the table down a line at a time, so one of them puts its end at a page break.
    let broken = 0;
    for (let k = 18; k <= 30; k++) {
      const filler = Array.from({ length: k }, (_, i) => ({ kind: 'paragraph' as const, style: 'body' as const, runs: text(`Invented filler line ${i}.`) }));
      const pdf = await readPdf(await renderPdf({ ...base, blocks: [...filler, table], notes: [] }, res));
      const at = pdf.pages.findIndex((p) => p.includes('Total 15'));
      if (!pdf.pages[at]!.includes('Kind 1')) broken++;
      expect(pdf.pages[at], `after ${k} lines`).toContain('Kind 5');
    }
    expect(broken, 'the table was split at least once').toBeGreaterThan(0);
  });

  it('repeats a table header row on the next page', async () => {
    const { syntheticCase, briefing } = await import('./fixtures/findings');
    const { compose } = await import('../src/compose/compose');
    const { loadTemplate } = await import('../src/compose/templates-node');
    const data = syntheticCase(60);
    // The dossier prints every attack (the situation brief caps them to hold its page budget).
    const tree = compose(briefing({ sections: ['attacks'] }), data, loadTemplate('dossier'));
    const pdf = await readPdf(await renderPdf(tree, res));
    expect(pdf.pages.length).toBeGreaterThan(2);
    expect(pdf.pages.filter((p) => /Date Place Attacker Weapons Killed Injured Target/.test(p)).length).toBeGreaterThanOrEqual(2);
    // Pages the table runs over (after the cover and contents) each start with its header row.
    const first = pdf.pages.findIndex((p) => /Date Place Attacker/.test(p));
    expect(first).toBeGreaterThan(0);
    for (const p of pdf.pages.slice(first, first + 2)) expect(p).toMatch(/Date Place Attacker Weapons Killed Injured Target/);
  });

  it('puts endnotes after the body when the briefing asks for them', async () => {
    const tree = treeFor('situation', { options: { citations: 'endnotes', language: 'en-GB' } });
    const pdf = await readPdf(await renderPdf(tree, res));
    const last = squash(pdf.pages[pdf.pages.length - 1]);
    expect(pdf.outline.map((o) => o.title)).toContain('Notes');
    expect(last).toContain(squash(`${tree.notes.length}.`));
  });
});
