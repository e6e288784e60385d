import JSZip from 'jszip';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentsEntries, noteText, type DocTree } from '../src/compose/doctree';
import { renderDocx } from '../src/render/docx';
import { pdfPagination } from '../src/render/pdf';
import { loadRenderResources, type RenderResources } from '../src/render/resources-node';
import { SECTION_IDS } from '../src/model';
import { TEMPLATE_IDS, treeFor } from './fixtures/findings-trees';

let res: RenderResources;
beforeAll(async () => {
  res = await loadRenderResources();
});

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** Paragraphs of a WordprocessingML part: style id and text. */
function paragraphs(xml: string): { style: string | null; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? null,
    text: decode([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  }));
}
async function open(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return { zip, read, document: await read('word/document.xml'), styles: await read('word/styles.xml') };
}
const headings = (t: DocTree) => t.blocks.flatMap((b) => (b.kind === 'heading' ? [{ level: b.level, text: b.text }] : []));

describe('renderDocx', () => {
  it.each(TEMPLATE_IDS)('%s: headings in order with outline levels, one note per citation, no empty table', async (id) => {
    const tree = treeFor(id, { sections: [...SECTION_IDS] });
    const d = await open(await renderDocx(tree, res));
    // Built-in styles with outline levels (TOC and PDF bookmarks depend on them).
    for (const [sid, lvl] of [['Heading1', 0], ['Heading2', 1], ['Heading3', 2]] as const) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${sid}"[\\s\\S]*?</w:style>`).exec(d.styles)?.[0] ?? '';
      expect(style).toContain(`<w:outlineLvl w:val="${lvl}"/>`);
      expect(style).toContain('w:ascii="Liberation Sans"');
    }
    expect(d.styles).toMatch(/w:styleId="Title"/);
    const ps = paragraphs(d.document);
    expect(ps.find((p) => p.style === 'Title')?.text).toBe(tree.titleBlock.title);
    const got = ps.filter((p) => /^Heading[123]$/.test(p.style ?? '')).map((p) => ({ level: Number(p.style!.slice(-1)), text: p.text }));
    const endnotes = tree.citations === 'endnotes';
    expect(got).toEqual([...headings(tree), ...(endnotes ? [{ level: 1, text: tree.notesTitle }] : [])]);
    // Real footnotes (or endnotes): one per citation, each quoting its sentence.
    const kind = endnotes ? 'endnote' : 'footnote';
    const refs = [...d.document.matchAll(new RegExp(`<w:${kind}Reference w:id="(\\d+)"/>`, 'g'))].map((m) => Number(m[1]));
    expect(refs).toEqual(tree.notes.map((n) => n.n));
    const notesXml = await d.read(`word/${kind}s.xml`);
    const bodies = [...notesXml.matchAll(new RegExp(`<w:${kind} (?:w:type="[^"]+" )?w:id="(\\d+)"[^>]*>([\\s\\S]*?)</w:${kind}>`, 'g'))].filter((m) => Number(m[1]) > 0);
    expect(bodies).toHaveLength(tree.notes.length);
    const first = bodies.find((m) => m[1] === '1')!;
    expect(decode(paragraphs(first[2]).map((p) => p.text).join(''))).toContain(tree.notes[0].quote !== null ? tree.notes[0].quote.replace(/ …$/, '') : noteText(tree.notes[0], tree.sources));
    // Tables: a repeating header row and at least one body row.
    const tables = [...d.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      const rows = t.match(/<w:tr[ >]/g) ?? [];
      expect(rows.length).toBeGreaterThan(1);
      expect(t).toMatch(/<w:tblHeader\/>/);
    }
  });

  it('has header and footer with the marking and "Page X of Y" fields, and document properties', async () => {
    const tree = treeFor('situation');
    const d = await open(await renderDocx(tree, res));
    const header = await d.read('word/header1.xml');
    const footer = await d.read('word/footer1.xml');
    expect(decode(header)).toContain('OFFICIAL — TEST');
    expect(decode(footer)).toContain('OFFICIAL — TEST');
    expect(footer).toMatch(/Page [\s\S]*PAGE[\s\S]* of [\s\S]*NUMPAGES/);
    const core = decode(await d.read('docProps/core.xml'));
    expect(core).toContain('<dc:title>Veloria–Kastrava talks: situation</dc:title>');
    expect(core).toContain('<dc:creator>Desk analyst</dc:creator>');
    expect(core).toMatch(/<dcterms:created[^>]*>2026-03-17T12:00:00Z</);
    // The font is set explicitly and embedded; the chart is a native chart (render-chart.test.ts), not a picture.
    expect(await d.read('word/fontTable.xml')).toMatch(/w:name="Liberation Sans"[\s\S]*w:embedRegular/);
    // Regular, bold and italic (bold italic only when the document uses it); no folder entries.
    expect(Object.keys(d.zip.files).filter((f) => f.startsWith('word/fonts/'))).toEqual(['word/fonts/font1.odttf', 'word/fonts/font2.odttf', 'word/fonts/font3.odttf']);
    expect(Object.keys(d.zip.files).filter((f) => f.startsWith('word/media/'))).toEqual([]);
    expect(await d.read('word/charts/chart1.xml')).toContain('<c:barChart>');
  });

  it('renders a briefing without author, subtitle or marking', async () => {
    const d = await open(await renderDocx(treeFor('dossier', { author: '', subtitle: null, marking: '' }), res));
    expect(paragraphs(d.document).some((p) => p.style === 'Subtitle')).toBe(false);
    expect(decode(await d.read('docProps/core.xml'))).toContain('<dc:creator>Briefsmith</dc:creator>');
  });

  it('writes a table of contents with page numbers before Word updates it (dossier)', async () => {
    const tree = treeFor('dossier');
    const d = await open(await renderDocx(tree, res));
    const instr = [...d.document.matchAll(/<w:instrText[^>]*>([^<]*)</g)].map((m) => decode(m[1]));
    expect(instr[0]).toBe('TOC \\h \\o "1-2"');
    const toc = paragraphs(d.document).filter((p) => /^TOC\d$/.test(p.style ?? ''));
    expect(toc.length).toBeGreaterThanOrEqual(headings(tree).filter((h) => h.level <= 2).length);
    expect(toc.find((p) => p.text.startsWith('Annex A — People'))?.text).toMatch(/\d+$/);
    // Each entry's number is the page its heading starts on in the PDF (pdfPagination, the PDF's own layout).
    const { headingPages, pageCount } = await pdfPagination(tree, res);
    const entries = contentsEntries(tree);
    expect(toc.map((p) => /(\d+)$/.exec(p.text)?.[1])).toEqual(entries.map((e) => String(headingPages.get(e.id)! + 1)));
    expect(new Set(toc.map((p) => p.text.replace(/\d+$/, '')))).toEqual(new Set(entries.map((e) => e.text)));
    // NUMPAGES carries the PDF's page count.
    expect(await d.read('word/footer1.xml')).toMatch(new RegExp(`NUMPAGES[\\s\\S]*?<w:t>${pageCount}</w:t>`));
  });

  it('reads back with mammoth: sections, Cyrillic and notes text', async () => {
    const tree = treeFor('situation', { sections: [...SECTION_IDS] });
    const bytes = await renderDocx(tree, res);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    for (const h of headings(tree)) expect(value).toContain(h.text);
    expect(value).toContain('Олег Миронов');
    expect(value).toContain('Комментарий: позиция Кастравы не изменилась.');
  });
});
