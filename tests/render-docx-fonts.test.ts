/**
 * The DOCX embeds font subsets, not whole font files: each face cut to the document's characters,
 * still a font Word and LibreOffice can use (a cmap for every character of the text), under a key
 * derived from its bytes, so the same input gives the same file.
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import * as fontkit from 'fontkit';
import { documentStrings } from '../src/render/missing-glyphs';
import { renderDocx } from '../src/render/docx';
import { loadRenderResources, type RenderResources } from '../src/render/resources-node';
import { treeFor } from './fixtures/findings-trees';

let res: RenderResources;
beforeAll(async () => {
  res = await loadRenderResources();
});

/** The embedded fonts of a DOCX, de-obfuscated (XOR of the first 32 bytes with the reversed key). */
async function embeddedFonts(docx: Uint8Array): Promise<{ name: string; bytes: Buffer }[]> {
  const zip = await JSZip.loadAsync(docx);
  const table = await zip.file('word/fontTable.xml')!.async('string');
  const rels = await zip.file('word/_rels/fontTable.xml.rels')!.async('string');
  const out: { name: string; bytes: Buffer }[] = [];
  for (const m of table.matchAll(/<w:(embed\w+) [^>]*?(?:r:id="([^"]+)"[^>]*?w:fontKey="\{([^}]+)\}"|w:fontKey="\{([^}]+)\}"[^>]*?r:id="([^"]+)")/g)) {
    const rid = m[2] ?? m[5];
    const key = (m[3] ?? m[4])!.replace(/-/g, '');
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
    const bytes = Buffer.from(await zip.file(`word/${(target[1] ?? target[2]).replace(/^\.?\//, '')}`)!.async('uint8array'));
    const k = key.match(/../g)!.map((h) => parseInt(h, 16)).reverse();
    for (let i = 0; i < 32; i++) bytes[i] ^= k[i % 16];
    out.push({ name: m[1], bytes });
  }
  return out;
}

describe('DOCX fonts', () => {
  it('embeds small subsets that map every character of the document', async () => {
    const tree = treeFor('situation');
    const docx = await renderDocx(tree, res);
    expect(docx.length).toBeLessThan(200_000); // the four whole faces alone were 1.6 MB (0.87 MB zipped)
    const fonts = await embeddedFonts(docx);
    expect(fonts.map((f) => f.name).sort()).toEqual(['embedBold', 'embedItalic', 'embedRegular']);
    const used = new Set([...documentStrings(tree).join('')].map((c) => c.codePointAt(0)!).filter((cp) => cp > 32));
    expect([...used].some((cp) => cp >= 0x400 && cp < 0x500)).toBe(true); // Cyrillic in the fixture
    for (const f of fonts) {
      expect(f.bytes.length).toBeLessThan(60_000);
      const font = fontkit.create(f.bytes) as { familyName: string; characterSet: number[]; numGlyphs: number };
      expect(font.familyName).toBe('Liberation Sans');
      const mapped = new Set(font.characterSet);
      expect([...used].filter((cp) => !mapped.has(cp))).toEqual([]);
      expect(font.numGlyphs).toBeLessThan(400); // the whole face has 2,600+
    }
  }, 60_000);

  it('gives the same bytes for the same input', async () => {
    const a = await renderDocx(treeFor('bluf'), res);
    const b = await renderDocx(treeFor('bluf'), res);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  }, 60_000);
});
