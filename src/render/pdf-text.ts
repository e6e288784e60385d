/**
 * PDF text layout: measuring with the embedded fonts' metrics and breaking runs into lines, so
 * that what lands on which page is known before anything is drawn. Also the layout of notes
 * (their lines and heights), which pagination needs.
 */
import { citationOrder, noteText, type DocTree, type Inline } from '../compose/doctree';

export type FontKey = 'R' | 'B' | 'I' | 'BI';
export type Doc = PDFKit.PDFDocument;

/** A piece of a line in one style. */
export interface Seg {
  text: string;
  font: FontKey;
  size: number;
  color: string;
  /** Raised by this many points (superscript citation marks). */
  rise: number;
  /** Named destination the segment links to. */
  goTo?: string;
  x: number;
  width: number;
}
export interface Line {
  segs: Seg[];
  width: number;
  notes: number[];
}

export interface RunStyle {
  size: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
}

export const fontOf = (bold: boolean, italic: boolean): FontKey => (bold ? (italic ? 'BI' : 'B') : italic ? 'I' : 'R');

const SUP_SCALE = 0.62;
/** Text widths per font set, kept between exports (the app re-exports the same briefing often). */
const widthCaches = new WeakMap<Uint8Array, Map<string, number>>();

export interface TextLayout {
  /** Width of `text` in points. */
  readonly measure: (font: FontKey, size: number, text: string) => number;
  /** Break runs into lines of at most `width` points; `links` makes citation marks links to their notes. */
  readonly breakLines: (runs: readonly Inline[], width: number, rs: RunStyle, links?: boolean) => Line[];
  readonly lineHeightOf: (size: number) => number;
  /** Ascent of the regular face as a share of the font size. */
  readonly ascentRatio: number;
}

/** Text layout on `doc`, whose fonts R, B, I, BI are registered; `widthKey` keys the width cache. */
export function textLayout(doc: Doc, tree: DocTree, widthKey: Uint8Array): TextLayout {
  const st = tree.style;
  let widthCache = widthCaches.get(widthKey);
  if (!widthCache) widthCaches.set(widthKey, (widthCache = new Map()));
  if (widthCache.size > 200_000) widthCache.clear();
  const cache = widthCache;
  const measure = (font: FontKey, size: number, text: string): number => {
    const k = `${font}\u0000${size}\u0000${text}`;
    let w = cache.get(k);
    if (w === undefined) {
      w = doc.font(font).fontSize(size).widthOfString(text);
      cache.set(k, w);
    }
    return w;
  };
  doc.font('R');
  const ascentRatio = (doc as unknown as { _font: { ascender: number; unitsPerEm?: number } })._font.ascender / 1000;

  const firstUse = citationOrder(tree);
  function breakLines(runs: readonly Inline[], width: number, rs: RunStyle, links = true): Line[] {
    type Tok = { text: string; font: FontKey; size: number; color: string; rise: number; goTo?: string; space: boolean; notes: number[] };
    const toks: Tok[] = [];
    for (const r of runs) {
      if (r.kind === 'cite') {
        const supSize = rs.size * SUP_SCALE;
        // Only a note's first citation places it (on that page); later ones link back to it.
        const first = firstUse.get(r);
        r.notes.forEach((n, i) =>
          toks.push({ text: `${i ? ',' : ''}${n}`, font: 'R', size: supSize, color: st.accent, rise: rs.size * 0.36, goTo: links ? `note-${n}` : undefined, space: false, notes: first?.[i] === false ? [] : [n] }),
        );
        continue;
      }
      const font = fontOf(!!(r.bold ?? rs.bold), !!(r.italic ?? rs.italic));
      for (const part of r.text.split(/(\s+)/)) {
        if (!part) continue;
        toks.push({ text: /^\s+$/.test(part) ? ' ' : part, font, size: rs.size, color: rs.color, rise: 0, space: /^\s+$/.test(part), notes: [] });
      }
    }
    const lines: Line[] = [];
    let cur: Line = { segs: [], width: 0, notes: [] };
    const push = (t: Tok, w: number) => {
      const last = cur.segs[cur.segs.length - 1];
      if (last && last.font === t.font && last.size === t.size && last.color === t.color && last.rise === t.rise && last.goTo === t.goTo && !t.goTo) {
        last.text += t.text;
        last.width += w;
      } else cur.segs.push({ text: t.text, font: t.font, size: t.size, color: t.color, rise: t.rise, goTo: t.goTo, x: cur.width, width: w });
      cur.width += w;
      cur.notes.push(...t.notes);
    };
    const newLine = () => {
      // drop trailing spaces
      const last = cur.segs[cur.segs.length - 1];
      if (last && / $/.test(last.text)) {
        const trimmed = last.text.replace(/ +$/, '');
        const w = measure(last.font, last.size, trimmed);
        cur.width -= last.width - w;
        last.width = w;
        last.text = trimmed;
      }
      lines.push(cur);
      cur = { segs: [], width: 0, notes: [] };
    };
    // Break between words only: a word is the tokens between two spaces, so a citation mark
    // stays with the word before it and a word set in two styles is never split.
    for (let i = 0; i < toks.length; ) {
      const t = toks[i];
      if (t.space) {
        if (cur.segs.length) push(t, measure(t.font, t.size, t.text));
        i++;
        continue;
      }
      let j = i;
      let ww = 0;
      for (; j < toks.length && !toks[j].space; j++) ww += measure(toks[j].font, toks[j].size, toks[j].text);
      if (cur.segs.length && cur.width + ww > width + 0.01) newLine();
      for (let k = i; k < j; k++) {
        const tk = toks[k];
        const w = measure(tk.font, tk.size, tk.text);
        if (w <= width - cur.width + 0.01 || !(ww > width)) {
          push(tk, w);
          continue;
        }
        // A word longer than the line: cut it by characters.
        let piece = '';
        for (const ch of tk.text) {
          if (measure(tk.font, tk.size, piece + ch) > width - cur.width && (piece || cur.segs.length)) {
            if (piece) push({ ...tk, text: piece }, measure(tk.font, tk.size, piece));
            newLine();
            piece = '';
          }
          piece += ch;
        }
        if (piece) push({ ...tk, text: piece }, measure(tk.font, tk.size, piece));
      }
      i = j;
    }
    if (cur.segs.length || !lines.length) newLine();
    return lines;
  }

  return { measure, breakLines, lineHeightOf: (size) => size * st.lineHeight, ascentRatio };
}

/** The notes laid out: their lines (made once each), heights and the indent of their text. */
export interface NoteLayout {
  readonly indent: number;
  readonly gap: number;
  /** Height of the rule above the footnotes of a page. */
  readonly separatorHeight: number;
  readonly linesOf: (n: number) => Line[];
  readonly heightOf: (n: number) => number;
}

export function noteLayout(tree: DocTree, text: TextLayout, textWidth: number): NoteLayout {
  const st = tree.style;
  const noteRs: RunStyle = { size: st.noteSize, color: st.text };
  // Room for the widest note number: "151" (footnotes, small bold) or "151." (endnotes).
  const widestNote = String(Math.max(1, tree.notes.length));
  const indent =
    tree.citations === 'footnotes'
      ? Math.max(st.noteSize * 1.4, text.measure('B', st.noteSize * 0.8, widestNote) + 4)
      : Math.max(st.noteSize * 2.2, text.measure('B', st.noteSize, `${widestNote}.`) + 5);
  const noteLines = new Map<number, Line[]>();
  const linesOf = (n: number): Line[] => {
    let ls = noteLines.get(n);
    if (!ls) {
      const note = tree.notes[n - 1];
      ls = text.breakLines([{ kind: 'text', text: note ? noteText(note, tree.sources) : '' }], textWidth - indent, noteRs);
      noteLines.set(n, ls);
    }
    return ls;
  };
  const gap = 2;
  return { indent, gap, separatorHeight: 10, linesOf, heightOf: (n) => linesOf(n).length * text.lineHeightOf(st.noteSize) + gap };
}
