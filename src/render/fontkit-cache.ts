// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- fontkit ships no types, and tests/ compiles src/ only through imports
/// <reference path="./fontkit.d.ts" />
/**
 * Parsed fonts (fontkit), kept per font file between exports: parsing a full TTF and shaping
 * words again for every export is most of the cost of a PDF. Keyed by the bytes' identity, so
 * `loadRenderResources()` (which caches its bytes) gets the same parsed font every time.
 */
import * as fontkit from 'fontkit';

const parsed = new WeakMap<Uint8Array, unknown>();
const layouts = new WeakMap<Uint8Array, Record<string, unknown>>();

export function fontkitFont<T>(bytes: Uint8Array): T {
  let f = parsed.get(bytes);
  if (!f) {
    const create = (fontkit as unknown as { create: (b: Uint8Array) => unknown }).create;
    f = create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    parsed.set(bytes, f);
  }
  return f as T;
}

/** pdfkit's per-font cache of shaped words, shared between documents using the same font file. */
export function layoutCache(bytes: Uint8Array): Record<string, unknown> {
  let c = layouts.get(bytes);
  if (!c || Object.keys(c).length > 100_000) layouts.set(bytes, (c = Object.create(null) as Record<string, unknown>));
  return c;
}

interface CmapFont {
  readonly characterSet: readonly number[];
  readonly _cmapProcessor: { lookup(cp: number): number };
}
const reverse = new WeakMap<object, Map<number, number>>();

/** Original glyph id → the first code point the font's cmap maps to it. */
function codePointOf(font: CmapFont): Map<number, number> {
  let m = reverse.get(font);
  if (!m) {
    m = new Map();
    for (const cp of font.characterSet) {
      const gid = font._cmapProcessor.lookup(cp);
      if (gid && !m.has(gid)) m.set(gid, cp);
    }
    reverse.set(font, m);
  }
  return m;
}

interface EmbeddedFontLike {
  readonly font?: CmapFont;
  readonly subset?: { readonly glyphs?: readonly number[] };
  unicode?: (readonly number[] | null | undefined)[];
}

/**
 * Fill the text (ToUnicode) of glyphs pdfkit recorded without code points. fontkit caches glyph
 * objects per parsed font, and a glyph first loaded by the subsetter or as a component of an
 * accented letter keeps empty code points; as the parsed font is shared between exports, a later
 * PDF would then draw "O" but copy, search and read aloud nothing for it. Call before `doc.end()`.
 */
export function repairToUnicode(fontFamilies: Record<string, unknown>): number {
  let repaired = 0;
  for (const f of Object.values(fontFamilies) as EmbeddedFontLike[]) {
    if (!f.font || !f.subset?.glyphs || !f.unicode || typeof f.font._cmapProcessor?.lookup !== 'function') continue;
    const rev = codePointOf(f.font);
    f.subset.glyphs.forEach((orig, gid) => {
      if (gid === 0 || gid >= f.unicode!.length) return;
      if (f.unicode![gid]?.length) return;
      const cp = rev.get(orig);
      if (cp !== undefined) {
        f.unicode![gid] = [cp];
        repaired += 1;
      }
    });
  }
  return repaired;
}
