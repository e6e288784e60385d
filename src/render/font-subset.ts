// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- subset-font ships no types, and tests/ compiles src/ only through imports
/// <reference path="./subset-font.d.ts" />
/**
 * Font subsets for the DOCX: each embedded face cut down to the characters the document uses
 * (plus printable ASCII and common punctuation, so a small edit in Word still finds its letters),
 * with HarfBuzz's subsetter (`subset-font`), which keeps the cmap, name, OS/2 and post tables
 * Word and LibreOffice need. The same text gives the same bytes.
 */
import subsetFont from 'subset-font';
import type { DocTree } from '../compose/doctree';
import { documentStrings } from './missing-glyphs';

/** Always kept: printable ASCII, no-break space, bullets, dashes, quotes, ellipsis, section and degree signs. */
const BASE = `${Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')}\u00a0•–—‘’“”…§°·`;

/** The characters a subset of the document's fonts must keep, each once, in code point order. */
export function subsetText(tree: DocTree): string {
  const set = new Set<number>();
  for (const s of [BASE, ...documentStrings(tree)]) for (const ch of s) set.add(ch.codePointAt(0)!);
  return String.fromCodePoint(...[...set].sort((a, b) => a - b));
}

/** A TrueType subset of `font` holding the glyphs of `text`. */
export async function subsetTrueType(font: Uint8Array, text: string): Promise<Buffer> {
  return subsetFont(Buffer.from(font.buffer, font.byteOffset, font.byteLength), text, { targetFormat: 'truetype' });
}
