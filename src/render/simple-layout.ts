/**
 * Word shaping for the PDF without fontkit's OpenType engine, where that engine can only apply
 * pair kerning. Liberation Sans has no ligatures and no contextual forms; its only default
 * feature is `kern`, and its legacy `kern` table holds the same pairs as its GPOS kerning. So a
 * run of characters from SIMPLE_RANGES shapes to the glyph the cmap gives each character,
 * advanced by its width plus the kerning pair with the next glyph: exactly what fontkit's
 * `layout` returns (tests/render-simple-layout.test.ts compares them), at a fraction of the cost:
 * fontkit parses its GSUB/GPOS tables and compiles its shaper in every new process, which was
 * most of a cold PDF export. Anything else (other scripts, combining marks, tabs, soft hyphens,
 * requested features) still goes to fontkit.
 */

/** What we use of a fontkit glyph and font. */
interface Glyph {
  readonly id: number;
  readonly advanceWidth: number;
}
interface KernTable {
  readonly tables?: ReadonlyArray<{ readonly subtable?: { readonly pairs?: ReadonlyArray<{ left: number; right: number; value: number }> } }>;
}
export interface LayoutFont {
  layout(text: string, features?: unknown, ...rest: unknown[]): unknown;
  glyphForCodePoint(cp: number): Glyph;
  readonly kern?: KernTable;
  readonly directory?: { readonly tables?: Record<string, unknown> };
}

/**
 * Code points shaped here: printable ASCII, Latin-1 letters and signs (not the soft hyphen, which
 * fontkit treats as invisible), Cyrillic, and the dashes, quotes, ellipsis, bullets and
 * guillemets of General Punctuation. The font has no mark class for any of them.
 */
export const SIMPLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0xff],
  [0x400, 0x45f],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
];

const simple = new Uint8Array(0x2040);
for (const [a, b] of SIMPLE_RANGES) simple.fill(1, a, b + 1);

/** Whether every character of `text` is one this module shapes. */
export function isSimpleText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= simple.length || !simple[c]) return false;
  }
  return true;
}

/** A shaped run with fontkit's shape: glyphs, positions and the total advance (read after pdfkit scales the positions). */
class Run {
  constructor(
    readonly glyphs: Glyph[],
    readonly positions: Position[],
  ) {}
  get advanceWidth(): number {
    let w = 0;
    for (const p of this.positions) w += p.xAdvance;
    return w;
  }
}
/** fontkit's GlyphPosition: pdfkit scales every own field of it. */
class Position {
  yAdvance = 0;
  xOffset = 0;
  yOffset = 0;
  constructor(public xAdvance: number) {}
}

const installed = new WeakSet<object>();

/**
 * Makes `font.layout` shape simple text itself (the rest, and any call with features, goes to
 * fontkit's own). Only for a TrueType font whose kerning is a legacy `kern` table with no GPOS
 * or GSUB feature other than kerning in use: the embedded Liberation Sans. Idempotent.
 */
export function installSimpleLayout(font: LayoutFont): void {
  if (installed.has(font)) return;
  installed.add(font);
  if (!font.directory?.tables?.kern) return;
  const pairs = new Map<number, number>();
  for (const t of font.kern?.tables ?? []) for (const p of t.subtable?.pairs ?? []) pairs.set(p.left * 0x10000 + p.right, p.value);
  const fontkitLayout = font.layout.bind(font);
  font.layout = (text: string, features?: unknown, ...rest: unknown[]) => {
    if (features !== undefined || rest.length || !isSimpleText(text)) return fontkitLayout(text, features, ...rest);
    const glyphs: Glyph[] = [];
    for (let i = 0; i < text.length; i++) glyphs.push(font.glyphForCodePoint(text.charCodeAt(i)));
    const positions = glyphs.map((g, i) => new Position(g.advanceWidth + (i + 1 < glyphs.length ? (pairs.get(g.id * 0x10000 + glyphs[i + 1]!.id) ?? 0) : 0)));
    return new Run(glyphs, positions);
  };
}
