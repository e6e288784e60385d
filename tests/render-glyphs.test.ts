/**
 * Characters the embedded fonts cannot draw: the PDF export warns once, naming the script and
 * the count; text the fonts cover (Latin, Cyrillic, Greek) gives no warning.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocTree } from '../src/compose/doctree';
import { missingGlyphWarning, missingGlyphs } from '../src/render/missing-glyphs';
import { renderPdf } from '../src/render/pdf';
import { loadRenderResources, type RenderResources } from '../src/render/resources-node';
import { treeFor } from './fixtures/findings-trees';

let res: RenderResources;
beforeAll(async () => {
  res = await loadRenderResources();
});

/** The fixture's bluf tree with one more paragraph of the given text. */
const withText = (text: string): DocTree => {
  const t = treeFor('bluf');
  return { ...t, blocks: [...t.blocks, { kind: 'paragraph', style: 'body', runs: [{ kind: 'text', text }] }] };
};

describe('missing glyphs', () => {
  it('counts the characters per script that Liberation Sans cannot draw', () => {
    // Invented: a place name in Arabic script (5 letters), two CJK characters and one emoji.
    const missing = missingGlyphs(withText('Talks at سلامة and 会谈 ended 🙂 — Ωmega, Привет, café.'), res);
    expect(missing).toEqual([
      { script: 'Arabic', count: 5 },
      { script: 'CJK', count: 2 },
      { script: 'emoji', count: 1 },
    ]);
    expect(missingGlyphWarning(missing)).toBe('the PDF cannot draw 5 Arabic characters, 2 CJK characters and 1 emoji character: the embedded font (Liberation Sans) has no glyphs for them, so they print as empty boxes.');
    expect(missingGlyphs(withText('Ωmega, Привет, café, naïve — “quoted” … 12 %'), res)).toEqual([]);
  });

  it('is warned once by the PDF export, and not at all when every character can be drawn', async () => {
    const warnings: string[] = [];
    await renderPdf(withText('Officials in مدينة and in 北京 and again مدينة.'), res, { warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([expect.stringMatching(/^the PDF cannot draw 10 Arabic characters and 2 CJK characters:/)]);
    const none: string[] = [];
    await renderPdf(withText('Officials in Riga and Tallinn.'), res, { warn: (m) => none.push(m) });
    expect(none).toEqual([]);
  }, 60_000);
});
