// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- fontkit ships no types, and tests/ compiles src/ only through imports
/// <reference path="./fontkit.d.ts" />
/**
 * Characters of a document that the embedded fonts cannot draw (Arabic, CJK … with Liberation
 * Sans): counted per script, so the PDF export can warn once, by name, instead of printing empty
 * boxes in silence.
 */
import { assertNever, noteText, plainText, sourceText, type Block, type DocTree } from '../compose/doctree';
import { fontkitFont } from './fontkit-cache';
import type { RenderResources } from './resources';

/** Scripts named in the warning, as data rows; anything else counts as "other". */
export const SCRIPTS: ReadonlyArray<{ readonly name: string; readonly re: RegExp }> = [
  { name: 'Arabic', re: /\p{Script=Arabic}/u },
  { name: 'Hebrew', re: /\p{Script=Hebrew}/u },
  { name: 'Syriac', re: /\p{Script=Syriac}/u },
  { name: 'Thaana', re: /\p{Script=Thaana}/u },
  { name: 'CJK', re: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u },
  { name: 'Korean', re: /\p{Script=Hangul}/u },
  { name: 'Thai', re: /\p{Script=Thai}/u },
  { name: 'Lao', re: /\p{Script=Lao}/u },
  { name: 'Khmer', re: /\p{Script=Khmer}/u },
  { name: 'Myanmar', re: /\p{Script=Myanmar}/u },
  { name: 'Devanagari', re: /\p{Script=Devanagari}/u },
  { name: 'Bengali', re: /\p{Script=Bengali}/u },
  { name: 'Tamil', re: /\p{Script=Tamil}/u },
  { name: 'Gurmukhi', re: /\p{Script=Gurmukhi}/u },
  { name: 'Georgian', re: /\p{Script=Georgian}/u },
  { name: 'Armenian', re: /\p{Script=Armenian}/u },
  { name: 'Ethiopic', re: /\p{Script=Ethiopic}/u },
  { name: 'Tibetan', re: /\p{Script=Tibetan}/u },
  { name: 'emoji', re: /\p{Extended_Pictographic}/u },
];

export interface MissingScript {
  readonly script: string;
  /** Characters of that script in the document the fonts cannot draw (each occurrence counts). */
  readonly count: number;
}

interface GlyphFont {
  hasGlyphForCodePoint(cp: number): boolean;
}

/** Every string a reader sees in the document, in no particular order. */
export function documentStrings(tree: DocTree): string[] {
  const tb = tree.titleBlock;
  const out: string[] = [tb.title, tb.subtitle ?? '', tb.dateText, tb.author, tb.marking, tb.kindLabel, tb.draft ?? '', tree.notesTitle];
  out.push(...Object.values(tree.header), ...Object.values(tree.footer));
  for (const b of tree.blocks) out.push(...blockStrings(b));
  for (const n of tree.notes) out.push(noteText(n, tree.sources));
  for (const s of tree.sources) out.push(sourceText(s), s.outlet ?? '', s.title ?? '');
  return out.filter(Boolean);
}

function blockStrings(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
      return [b.text];
    case 'paragraph':
      return [plainText(b.runs)];
    case 'list':
      return b.items.map((i) => plainText(i));
    case 'table':
      return [...b.columns.map((c) => c.header), plainText(b.caption ?? []), ...b.rows.flatMap((r) => r.map((c) => plainText(c)))];
    case 'chart':
      return [b.title, ...b.labels];
    case 'toc':
      return [b.title];
    case 'pageBreak':
      return [];
    default:
      return assertNever(b);
  }
}

/** Code points that draw nothing anyway (spaces, controls, joiners, variation selectors). */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Mn}\uFE00-\uFE0F]/u;

/**
 * Characters of the tree the regular face cannot draw, per script, most first. The other faces
 * of the family cover the same characters (Liberation Sans), so one face is asked.
 */
export function missingGlyphs(tree: DocTree, resources: RenderResources): MissingScript[] {
  const font = fontkitFont<GlyphFont>(resources.fonts.regular);
  const known = new Map<number, boolean>();
  const counts = new Map<string, number>();
  for (const s of documentStrings(tree))
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80) continue;
      let has = known.get(cp);
      if (has === undefined) known.set(cp, (has = INVISIBLE.test(ch) || font.hasGlyphForCodePoint(cp)));
      if (has) continue;
      const script = SCRIPTS.find((x) => x.re.test(ch))?.name ?? 'other';
      counts.set(script, (counts.get(script) ?? 0) + 1);
    }
  return [...counts].map(([script, count]) => ({ script, count })).sort((a, b) => b.count - a.count || a.script.localeCompare(b.script));
}

/** One line for the analyst, or null when every character can be drawn. */
export function missingGlyphWarning(missing: readonly MissingScript[], format = 'PDF'): string | null {
  if (!missing.length) return null;
  const parts = missing.map((m) => `${m.count} ${m.script === 'other' ? 'other' : m.script} character${m.count === 1 ? '' : 's'}`);
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `the ${format} cannot draw ${list}: the embedded font (Liberation Sans) has no glyphs for them, so they print as empty boxes.`;
}
