/**
 * DOCX read back for what Word and LibreOffice care about: identical bytes for identical input,
 * every XML part parses (even with noncharacters in the input), the document language, note
 * separators without a note reference, NOTEREF fields for repeated citations, one table style,
 * cached PAGE/NUMPAGES values and no running head on a cover page.
 */
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderDocx } from '../src/render/docx';
import { loadRenderResources, type RenderResources } from '../src/render/resources-node';
import { TEMPLATE_IDS, treeFor } from './fixtures/findings-trees';

let res: RenderResources;
beforeAll(async () => {
  res = await loadRenderResources();
});

const parts = async (bytes: Uint8Array) => {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const n of Object.keys(zip.files)) if (/\.(xml|rels)$/.test(n)) out[n] = await zip.file(n)!.async('string');
  return out;
};

describe('DOCX fidelity', () => {
  it.each(TEMPLATE_IDS)('%s: the same input gives the same bytes, at any time of export', async (id) => {
    // Two exports a day apart by the clock (zip entry dates, document dates and random ids would show).
    vi.useFakeTimers({ now: new Date('2031-05-06T07:08:09Z'), toFake: ['Date'] });
    try {
      const a = await renderDocx(treeFor(id), res);
      vi.setSystemTime(new Date('2031-05-07T19:20:21Z'));
      const b = await renderDocx(treeFor(id), res);
      expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each(TEMPLATE_IDS)('%s: every part parses, even with noncharacters in title, notes and text', async (id) => {
    const tree = treeFor(id, { title: 'Talks\uFFFE resume\uFFFF', author: 'A\u0001B', notes: 'Note \uFFFE one\u0008.' });
    const bad = { ...tree, blocks: [...tree.blocks, { kind: 'paragraph' as const, style: 'body' as const, runs: [{ kind: 'text' as const, text: 'x\uFFFFy\uD800z' }] }] };
    for (const [name, xml] of Object.entries(await parts(await renderDocx(bad, res)))) {
      const errors: string[] = [];
      new DOMParser({ onError: (level: string, msg: string) => void (level !== 'warning' && errors.push(msg)) } as never).parseFromString(xml, 'text/xml');
      expect(errors, name).toEqual([]);
      // eslint-disable-next-line no-control-regex
      expect(xml, name).not.toMatch(/[\uFFFE\uFFFF\u0001\u0008]/);
    }
  });

  it('sets the language, keeps separators clean, refers back with NOTEREF, styles tables, caches page fields', async () => {
    const tree = treeFor('situation');
    const p = await parts(await renderDocx(tree, res));
    expect(p['word/styles.xml']).toMatch(/<w:lang w:val="en-GB"/);
    const notes = p['word/footnotes.xml']!;
    for (const m of notes.matchAll(/<w:footnote w:type="(?:separator|continuationSeparator)"[\s\S]*?<\/w:footnote>/g)) expect(m[0]).not.toContain('footnoteRef');
    const doc = p['word/document.xml']!;
    const repeated = tree.notes.length < JSON.stringify(tree.blocks).match(/"kind":"cite"/g)!.length;
    if (repeated) expect(doc).toMatch(/<w:fldSimple w:instr="NOTEREF _RefNote\d+ \\f \\h"/);
    expect(doc).toMatch(/<w:bookmarkStart [^>]*w:name="_RefNote1"/);
    expect(doc).toMatch(/<w:tblStyle w:val="BriefsmithTable"\/>/);
    expect(doc).not.toMatch(/<w:tcBorders>|<w:shd [^>]*w:fill="1F3A5F"/);
    expect(p['word/styles.xml']).toMatch(/w:styleId="BriefsmithTable"/);
    const footer = Object.entries(p).find(([n, x]) => /^word\/footer\d*\.xml$/.test(n) && x.includes('NUMPAGES'))![1];
    expect(footer).toMatch(/NUMPAGES\s*<\/w:instrText><\/w:r><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:fldChar w:fldCharType="separate"\/><\/w:r><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t>\d+<\/w:t>/);
  });

  it('gives a cover page neither running head nor foot (dossier)', async () => {
    const p = await parts(await renderDocx(treeFor('dossier'), res));
    expect(p['word/document.xml']).toMatch(/<w:titlePg\/>/);
    expect(p['word/document.xml']).toMatch(/<w:headerReference w:type="first"/);
  });
});
