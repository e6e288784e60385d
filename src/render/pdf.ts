/**
 * DocTree → PDF with pdfkit. Pure: fonts come in as bytes (`RenderResources`), bytes go out.
 *
 * We lay out the text ourselves (line breaking with the embedded font's metrics) so that we
 * know, before drawing, what lands on which page: that gives footnotes at the bottom of the page
 * that cites them, table header rows repeated after a page break, headings kept with what
 * follows, and a clickable table of contents with page numbers. The PDF is tagged (structure
 * tree, document language), has bookmarks for headings and "Page X of Y" on every page.
 */
import PDFDocument from 'pdfkit';
import { assertNever, citationOrder, contentsEntries, ENDNOTES_ID, fillPageSlot, noteText, type Block, type ChartBlock, type DocTree, type Inline, type TableBlock } from '../compose/doctree';
import { fontkitFont, layoutCache, repairToUnicode } from './fontkit-cache';
import { ExportSteps, type ExportControl } from './progress';
import { missingGlyphs, missingGlyphWarning } from './missing-glyphs';
import type { RenderResources } from './resources';

type FontKey = 'R' | 'B' | 'I' | 'BI';
type Doc = PDFKit.PDFDocument;
type StructEl = PDFKit.PDFStructureElement;
type StructOpts = { title?: string; lang?: string; alt?: string };

/** A piece of a line in one style. */
interface Seg {
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
interface Line {
  segs: Seg[];
  width: number;
  notes: number[];
}

/** One unbreakable thing the paginator places: a line of text, a table row, a chart. */
interface Row {
  height: number;
  spaceBefore: number;
  notes: number[];
  /** Keep on the same page as the next row (headings, captions, table headers). */
  keepWithNext?: boolean;
  /** Start a new page before this row. */
  pageBreak?: boolean;
  /** For table body rows: the header row to repeat at the top of a new page. */
  repeatHeader?: Row;
  draw: (ctx: DrawCtx, y: number) => void;
}
interface DrawCtx {
  doc: Doc;
  pageIndex: number;
  /** Marks drawn content as repeated (artifact) rather than part of the structure. */
  artifact: boolean;
}

const SUP_SCALE = 0.62;
/** Text widths per font set, kept between exports (the app re-exports the same briefing often). */
const widthCaches = new WeakMap<Uint8Array, Map<string, number>>();

/**
 * `control` (optional) receives progress as a share of 100 — laying out blocks, then drawing pages,
 * then writing — and is checked for cancellation between blocks and between pages.
 */
export async function renderPdf(tree: DocTree, resources: RenderResources, control: ExportControl = {}): Promise<Uint8Array> {
  const steps = new ExportSteps(control);
  steps.check();
  const glyphWarning = missingGlyphWarning(missingGlyphs(tree, resources));
  if (glyphWarning) control.warn?.(glyphWarning);
  const { page, style: st } = tree;
  const created = new Date(`${tree.titleBlock.date}T12:00:00Z`);
  const doc = new PDFDocument({
    size: [page.width, page.height],
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: tree.language,
    displayTitle: true,
    // pdfkit fails on undefined values: leave empty fields out.
    info: Object.fromEntries(
      Object.entries({
        Title: tree.titleBlock.title,
        Author: tree.titleBlock.author || undefined,
        Subject: [tree.titleBlock.kindLabel, tree.titleBlock.subtitle].filter(Boolean).join(' — ') || undefined,
        Keywords: tree.titleBlock.marking || undefined,
        Creator: 'Briefsmith',
        Producer: 'Briefsmith (pdfkit)',
        CreationDate: created,
        ModDate: created,
      }).filter(([, v]) => v !== undefined),
    ),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  // Parsed fonts and shaped words are shared between exports (see fontkit-cache).
  const faces: [FontKey, Uint8Array][] = [
    ['R', resources.fonts.regular],
    ['B', resources.fonts.bold],
    ['I', resources.fonts.italic],
    ['BI', resources.fonts.boldItalic],
  ];
  for (const [key, bytes] of faces) {
    doc.registerFont(key, fontkitFont<ArrayBuffer>(bytes));
    doc.font(key);
    (doc as unknown as { _font: { layoutCache?: unknown } })._font.layoutCache = layoutCache(bytes);
  }

  // ---------------------------------------------------------------- measuring and breaking
  let widthCache = widthCaches.get(resources.fonts.regular);
  if (!widthCache) widthCaches.set(resources.fonts.regular, (widthCache = new Map()));
  if (widthCache.size > 200_000) widthCache.clear();
  const measure = (font: FontKey, size: number, text: string): number => {
    const k = `${font}\u0000${size}\u0000${text}`;
    let w = widthCache.get(k);
    if (w === undefined) {
      w = doc.font(font).fontSize(size).widthOfString(text);
      widthCache!.set(k, w);
    }
    return w;
  };
  doc.font('R');
  const ascentRatio = (doc as unknown as { _font: { ascender: number; unitsPerEm?: number } })._font.ascender / 1000;

  const left = page.margins.left;
  const textWidth = page.width - page.margins.left - page.margins.right;
  const top = page.margins.top;
  const bottom = page.height - page.margins.bottom;

  interface RunStyle {
    size: number;
    color: string;
    bold?: boolean;
    italic?: boolean;
  }
  const fontOf = (bold: boolean, italic: boolean): FontKey => (bold ? (italic ? 'BI' : 'B') : italic ? 'I' : 'R');

  const firstUse = citationOrder(tree);
  /** Break runs into lines of at most `width` points. */
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

  const lineHeightOf = (size: number) => size * st.lineHeight;

  function drawLine(d: Doc, line: Line, x: number, y: number, size: number, align: 'left' | 'right' | 'center' = 'left', width = 0) {
    const dx = align === 'right' ? width - line.width : align === 'center' ? (width - line.width) / 2 : 0;
    // Baseline of the line: top + leading/2 + ascent of the main size.
    const baseline = y + (lineHeightOf(size) - size) / 2 + size * ascentRatio;
    for (const s of line.segs) {
      d.font(s.font).fontSize(s.size).fillColor(s.color);
      const sx = x + dx + s.x;
      const sy = baseline - s.rise - s.size * ascentRatio;
      d.text(s.text, sx, sy, { lineBreak: false });
      if (s.goTo) d.goTo(sx, sy, Math.max(s.width, 3), s.size, s.goTo, linkOptions() as never);
    }
  }

  // ---------------------------------------------------------------- notes
  const noteRs: RunStyle = { size: st.noteSize, color: st.text };
  // Room for the widest note number: "151" (footnotes, small bold) or "151." (endnotes).
  const widestNote = String(Math.max(1, tree.notes.length));
  const noteIndent =
    tree.citations === 'footnotes'
      ? Math.max(st.noteSize * 1.4, measure('B', st.noteSize * 0.8, widestNote) + 4)
      : Math.max(st.noteSize * 2.2, measure('B', st.noteSize, `${widestNote}.`) + 5);
  const noteLines = new Map<number, Line[]>();
  const notesOf = (n: number): Line[] => {
    let ls = noteLines.get(n);
    if (!ls) {
      const note = tree.notes[n - 1];
      ls = breakLines([{ kind: 'text', text: note ? noteText(note, tree.sources) : '' }], textWidth - noteIndent, noteRs);
      noteLines.set(n, ls);
    }
    return ls;
  };
  const noteGap = 2;
  const noteHeight = (n: number) => notesOf(n).length * lineHeightOf(st.noteSize) + noteGap;
  const footnotes = tree.citations === 'footnotes';
  const separatorHeight = 10;

  // ---------------------------------------------------------------- structure
  // Everything hangs under one Document element.
  const root = doc.struct('Document');
  doc.addStructure(root);
  const structStack: StructEl[] = [];
  const attach = (tag: string, opts?: StructOpts): StructEl => {
    const el = doc.struct(tag, opts ?? {});
    (structStack[structStack.length - 1] ?? root).add(el);
    return el;
  };
  /** A child element of the element `parent` returns, made when first drawn. */
  const lazyChild = (parent: () => StructEl, tag: string): (() => StructEl) => {
    let el: StructEl | null = null;
    return () => {
      if (!el) {
        el = doc.struct(tag);
        parent().add(el);
      }
      return el;
    };
  };
  /** The element being drawn into: link annotations drawn now become its Link children. */
  let drawingInto: StructEl | null = null;
  const linkOptions = (): { structParent?: StructEl } => {
    if (!drawingInto) return {};
    const link = doc.struct('Link');
    drawingInto.add(link);
    return { structParent: link };
  };
  /** Draw inside a structure element, or as an artifact (repeated headers). */
  const tagged = (ctx: DrawCtx, el: () => StructEl, draw: () => void) => {
    if (ctx.artifact) {
      ctx.doc.markContent('Artifact', { type: 'Pagination' });
      draw();
      ctx.doc.endMarkedContent();
    } else {
      const target = el();
      target.add(() => {
        drawingInto = target;
        try {
          draw();
        } finally {
          drawingInto = null;
        }
      });
    }
  };
  const lazy = (tag: string, opts?: StructOpts): (() => StructEl) => {
    let el: StructEl | null = null;
    return () => (el ??= attach(tag, opts));
  };

  // ---------------------------------------------------------------- rows for each block
  const rows: Row[] = [];
  const headings: { id: string; text: string; level: number }[] = [];
  const headingPage = new Map<string, number>();

  const textRows = (lines: Line[], rs: RunStyle, el: () => StructEl, opts: { indent?: number; spaceBefore?: number; spaceAfter?: number; marker?: string; label?: () => StructEl; keepWithNext?: boolean }) => {
    const lh = lineHeightOf(rs.size);
    lines.forEach((line, i) => {
      const last = i === lines.length - 1;
      rows.push({
        height: lh + (last ? (opts.spaceAfter ?? 0) : 0),
        spaceBefore: i === 0 ? (opts.spaceBefore ?? 0) : 0,
        notes: line.notes,
        keepWithNext: opts.keepWithNext || (lines.length > 1 && (i === 0 || i === lines.length - 2)),
        draw: (ctx, y) =>
          {
            const marker = opts.marker;
            if (i === 0 && marker)
              tagged(ctx, opts.label ?? el, () => {
                ctx.doc.font('R').fontSize(rs.size).fillColor(st.accent).text(marker, left + (opts.indent ?? 0) - rs.size * 1.1, y + (lh - rs.size) / 2, { lineBreak: false });
              });
            tagged(ctx, el, () => drawLine(ctx.doc, line, left + (opts.indent ?? 0), y, rs.size));
          },
      });
    });
  };

  const headingSize = (level: number) => (level === 1 ? st.h1Size : level === 2 ? st.h2Size : st.h3Size);
  const headingRow = (text: string, level: 1 | 2 | 3, id: string | null, bookmark: boolean) => {
    const size = headingSize(level);
    const lines = breakLines([{ kind: 'text', text, bold: true }], textWidth, { size, color: st.accent, bold: true });
    const lh = lineHeightOf(size);
    const ruleGap = level === 1 ? 4 : 0;
    if (id) headings.push({ id, text, level });
    let outlineParent: PDFKit.PDFOutline | null = null;
    const row: Row = {
      height: lines.length * lh + ruleGap + size * 0.35,
      spaceBefore: level === 1 ? size * 1.1 : size * 0.8,
      notes: [],
      keepWithNext: true,
      draw: (ctx, y) => {
        if (id) {
          headingPage.set(id, ctx.pageIndex);
          ctx.doc.addNamedDestination(id, 'XYZ', 0, page.height - y + 4, null);
        }
        if (bookmark && id) {
          // pdfkit measures `left` from the right edge and `top` from the top: this lands on the heading.
          const at = { top: Math.max(0, y - 4), left: page.width };
          if (level === 1) outlineParent = ctx.doc.outline.addItem(text, at as never);
          else (currentH1 ?? ctx.doc.outline).addItem(text, at as never);
          if (level === 1) currentH1 = outlineParent;
        }
        tagged(ctx, lazy(`H${level}`), () => lines.forEach((l, i) => drawLine(ctx.doc, l, left, y + i * lh, size)));
        if (level === 1) {
          const ry = y + lines.length * lh + 1.5;
          ctx.doc.markContent('Artifact', { type: 'Layout' });
          ctx.doc.moveTo(left, ry).lineTo(left + textWidth, ry).lineWidth(0.6).strokeColor(st.rule).stroke();
          ctx.doc.endMarkedContent();
        }
      },
    };
    rows.push(row);
    if (id) headingRowIds.set(row, id);
  };
  const headingRowIds = new Map<Row, string>();
  let currentH1: PDFKit.PDFOutline | null = null;

  const bodyRs: RunStyle = { size: st.bodySize, color: st.text };
  const paraStyle = (s: string): RunStyle =>
    s === 'lead' ? { size: st.bodySize * 1.12, color: st.text } : s === 'small' ? { size: st.smallSize, color: st.muted } : s === 'quote' ? { size: st.bodySize, color: st.muted, italic: true } : bodyRs;

  // Title block (top of page 1) or cover (a page of its own).
  const tb = tree.titleBlock;
  const titleRows = () => {
    const cover = tb.layout === 'cover';
    const tSize = st.titleSize;
    const titleLines = breakLines([{ kind: 'text', text: tb.title, bold: true }], textWidth, { size: tSize, color: st.accent, bold: true });
    const subLines = tb.subtitle ? breakLines([{ kind: 'text', text: tb.subtitle }], textWidth, { size: st.subtitleSize, color: st.muted }) : [];
    const meta = [tb.kindLabel, tb.dateText, tb.author].filter(Boolean).join('  ·  ');
    const metaLines = breakLines([{ kind: 'text', text: meta }], textWidth, { size: st.smallSize, color: st.muted });
    const tLh = tSize * 1.15;
    const sLh = lineHeightOf(st.subtitleSize);
    const mLh = lineHeightOf(st.smallSize);
    const markH = tb.marking || tb.draft ? st.smallSize * 2.2 : 0;
    const h = markH + titleLines.length * tLh + (subLines.length ? 4 + subLines.length * sLh : 0) + 8 + metaLines.length * mLh + 10;
    rows.push({
      height: cover ? bottom - top : h,
      spaceBefore: 0,
      notes: [],
      draw: (ctx, y0) => {
        const d = ctx.doc;
        let y = cover ? top + (bottom - top) * 0.28 : y0;
        if (cover) {
          d.markContent('Artifact', { type: 'Layout' });
          d.rect(0, 0, 14, page.height).fill(st.accent);
          d.endMarkedContent();
        }
        if (tb.marking || tb.draft) {
          let x = left;
          if (tb.marking)
            tagged(ctx, lazy('P'), () => {
              const w = measure('B', st.smallSize, tb.marking) + 12;
              d.rect(left, y, w, st.smallSize * 1.7).fill(st.marking);
              d.font('B').fontSize(st.smallSize).fillColor('#ffffff').text(tb.marking, left + 6, y + st.smallSize * 0.38, { lineBreak: false });
              x += w + 6;
            });
          const draft = tb.draft;
          if (draft)
            tagged(ctx, lazy('P'), () => {
              const w = measure('B', st.smallSize, draft) + 12;
              d.rect(x, y + 0.6, w, st.smallSize * 1.7 - 1.2).lineWidth(1.2).strokeColor(st.marking).stroke();
              d.font('B').fontSize(st.smallSize).fillColor(st.marking).text(draft, x + 6, y + st.smallSize * 0.38, { lineBreak: false });
            });
          y += markH;
        }
        tagged(ctx, lazy('Title'), () => titleLines.forEach((l, i) => drawLine(d, l, left, y + i * tLh - (tLh - tSize * st.lineHeight) / 2, tSize)));
        y += titleLines.length * tLh;
        if (subLines.length) {
          y += 4;
          tagged(ctx, lazy('P'), () => subLines.forEach((l, i) => drawLine(d, l, left, y + i * sLh, st.subtitleSize)));
          y += subLines.length * sLh;
        }
        y += 6;
        d.markContent('Artifact', { type: 'Layout' });
        d.moveTo(left, y).lineTo(left + textWidth, y).lineWidth(1.2).strokeColor(st.accent).stroke();
        d.endMarkedContent();
        y += 4;
        tagged(ctx, lazy('P'), () => metaLines.forEach((l, i) => drawLine(d, l, left, y + i * mLh, st.smallSize)));
      },
    });
    if (cover) rows.push({ height: 0, spaceBefore: 0, notes: [], pageBreak: true, draw: () => undefined });
  };
  titleRows();

  const tableRows = (b: TableBlock) => {
    const pad = 3.2;
    const size = st.smallSize;
    const lh = lineHeightOf(size);
    const widths = b.columns.map((c) => c.width * textWidth);
    const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const tableEl = lazy('Table');
    if (b.caption) {
      const capLines = breakLines(b.caption, textWidth, { size: st.smallSize, color: st.accent, bold: true });
      textRows(capLines, { size: st.smallSize, color: st.accent, bold: true }, lazy('Caption'), { spaceBefore: 6, spaceAfter: 2, keepWithNext: true });
    }
    /** Rows of one table row: one, or several when the row is taller than a page. */
    const makeRows = (cells: readonly (readonly Inline[])[], header: boolean, index: number): Row[] => {
      const total = b.totalRow && index === b.rows.length - 1;
      const rs: RunStyle = { size, color: header ? st.tableHeaderText : st.text, bold: header || total };
      const all = cells.map((c, i) => breakLines(c, widths[i] - 2 * pad, rs));
      const maxLines = Math.max(1, Math.floor((bottom - top - 6 * lh - 2 * pad) / lh));
      const tallest = Math.max(...all.map((ls) => ls.length));
      const parts: Line[][][] = [];
      for (let from = 0; from < tallest; from += maxLines) parts.push(all.map((ls) => ls.slice(from, from + maxLines)));
      return parts.map((cellLines) => makeRow(cellLines, header, index, total));
    };
    const makeRow = (cellLines: Line[][], header: boolean, index: number, total: boolean): Row => {
      const height = Math.max(...cellLines.map((ls) => ls.length)) * lh + 2 * pad;
      const notes = cellLines.flatMap((ls) => ls.flatMap((l) => l.notes));
      let trEl: (() => StructEl) | null = null;
      return {
        height,
        spaceBefore: 0,
        notes,
        keepWithNext: header,
        draw: (ctx, y) => {
          const d = ctx.doc;
          d.markContent('Artifact', { type: 'Layout' });
          if (header) d.rect(left, y, textWidth, height).fill(st.tableHeaderFill);
          else if (index % 2 === 1) d.rect(left, y, textWidth, height).fill(st.tableStripe);
          d.moveTo(left, y + height).lineTo(left + textWidth, y + height).lineWidth(total ? 0.9 : 0.4).strokeColor(total ? st.accent : st.rule).stroke();
          d.endMarkedContent();
          if (!ctx.artifact) {
            trEl ??= (() => {
              let el: StructEl | null = null;
              return () => {
                if (!el) {
                  structStack.push(tableEl());
                  el = attach('TR');
                  structStack.pop();
                }
                return el;
              };
            })();
          }
          cellLines.forEach((ls, ci) => {
            const draw = () => ls.forEach((l, li) => drawLine(d, l, xs[ci] + pad, y + pad + li * lh, size, b.columns[ci].align, widths[ci] - 2 * pad));
            if (ctx.artifact) tagged(ctx, () => tableEl(), draw);
            else {
              const tr = trEl!();
              const cell = doc.struct(header ? 'TH' : 'TD');
              // Header cells say they head their column.
              if (header) (cell as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = { O: 'Table', Scope: 'Column' };
              tr.add(cell);
              cell.add(draw);
            }
          });
        },
      };
    };
    const headerRow = makeRows(
      b.columns.map((c) => [{ kind: 'text', text: c.header }]),
      true,
      -1,
    )[0];
    rows.push({ ...headerRow, spaceBefore: b.caption ? 0 : 6 });
    // A short table (totals, a delegation) stays on one page.
    const keepTogether = b.rows.length <= 3;
    b.rows.forEach((r, i) =>
      rows.push(...makeRows(r, false, i).map((row) => ({ ...row, repeatHeader: headerRow, keepWithNext: keepTogether && i < b.rows.length - 1 }))),
    );
    rows.push({ height: st.paragraphSpacing + 2, spaceBefore: 0, notes: [], draw: () => undefined });
  };

  const chartRows = (b: ChartBlock) => {
    const size = st.smallSize;
    const barH = size * 1.5;
    const gap = size * 0.6;
    const labelW = Math.min(textWidth * 0.28, Math.max(...b.labels.map((l) => measure('R', size, l))) + 8);
    const max = Math.max(1, ...b.values);
    const valueW = measure('B', size, String(max)) + 6;
    const plotW = Math.min(textWidth * 0.75, textWidth - labelW - valueW);
    const titleH = lineHeightOf(size) + 4;
    const height = titleH + b.values.length * (barH + gap) + 4;
    rows.push({
      height,
      spaceBefore: 6,
      notes: [],
      draw: (ctx, y) =>
        tagged(ctx, lazy('Figure', { alt: `${b.title}: ${b.description}` }), () => {
          const d = ctx.doc;
          d.font('B').fontSize(size).fillColor(st.accent).text(b.title, left, y, { lineBreak: false });
          let by = y + titleH;
          b.labels.forEach((label, i) => {
            const w = (b.values[i] / max) * plotW;
            d.font('R').fontSize(size).fillColor(st.text).text(label, left, by + (barH - size) / 2, { lineBreak: false, width: labelW - 6 });
            d.rect(left + labelW, by, Math.max(w, 0.8), barH).fill(st.chartBar);
            d.font('B').fontSize(size).fillColor(st.text).text(String(b.values[i]), left + labelW + w + 4, by + (barH - size) / 2, { lineBreak: false });
            by += barH + gap;
          });
          d.moveTo(left + labelW, y + titleH - 2).lineTo(left + labelW, by - gap + 2).lineWidth(0.6).strokeColor(st.muted).stroke();
        }),
    });
  };

  let tocRowsAt = -1;
  const tocEntries: { id: string; text: string; level: number }[] = [];
  const blocks: Block[] = [...tree.blocks];

  for (const [bi, b] of blocks.entries()) {
    steps.step(0, 30, bi, blocks.length, `laying out block ${bi + 1} of ${blocks.length}`);
    await steps.breathe();
    switch (b.kind) {
      case 'heading':
        headingRow(b.text, b.level, b.id, true);
        break;
      case 'paragraph': {
        const rs = paraStyle(b.style);
        textRows(breakLines(b.runs, textWidth - (b.style === 'quote' ? 18 : 0), rs), rs, lazy('P'), { spaceAfter: st.paragraphSpacing, indent: b.style === 'quote' ? 18 : 0 });
        break;
      }
      case 'list': {
        const indent = st.bodySize * 1.4;
        const listEl = lazy('L');
        b.items.forEach((item, i) => {
          const liEl = (() => {
            let el: StructEl | null = null;
            return () => {
              if (!el) {
                structStack.push(listEl());
                el = attach('LI');
                structStack.pop();
              }
              return el;
            };
          })();
          // LI holds a label (the bullet or number) and a body, as PDF/UA asks.
          textRows(breakLines(item, textWidth - indent, bodyRs), bodyRs, lazyChild(liEl, 'LBody'), { indent, label: lazyChild(liEl, 'Lbl'), marker: b.ordered ? `${i + 1}.` : '•', spaceAfter: i === b.items.length - 1 ? st.paragraphSpacing : st.paragraphSpacing * 0.45 });
        });
        break;
      }
      case 'table':
        tableRows(b);
        break;
      case 'chart':
        chartRows(b);
        break;
      case 'toc':
        tocRowsAt = rows.length;
        break;
      case 'pageBreak':
        rows.push({ height: 0, spaceBefore: 0, notes: [], pageBreak: true, draw: () => undefined });
        break;
      default:
        assertNever(b);
    }
  }
  if (!footnotes && tree.notes.length) {
    headingRow(tree.notesTitle, 1, ENDNOTES_ID, true);
    const el = lazy('L');
    for (const n of tree.notes) {
      const ls = notesOf(n.n);
      const lh = lineHeightOf(st.noteSize);
      ls.forEach((l, i) =>
        rows.push({
          height: lh + (i === ls.length - 1 ? noteGap + 1 : 0),
          spaceBefore: 0,
          notes: [],
          keepWithNext: ls.length > 1 && i === 0,
          draw: (ctx, y) => {
            if (i === 0) ctx.doc.addNamedDestination(`note-${n.n}`, 'XYZ', 0, page.height - y + 2, null);
            tagged(ctx, el, () => {
              if (i === 0) ctx.doc.font('B').fontSize(st.noteSize).fillColor(st.accent).text(`${n.n}.`, left, y + (lh - st.noteSize) / 2, { lineBreak: false });
              drawLine(ctx.doc, l, left + noteIndent, y, st.noteSize);
            });
          },
        }),
      );
    }
  }
  // Table of contents: one row per heading (levels 1–2) of the whole document.
  if (tocRowsAt >= 0) {
    const tocBlock = blocks.find((b) => b.kind === 'toc');
    const saved = rows.splice(tocRowsAt);
    headingRow(tocBlock && tocBlock.kind === 'toc' ? tocBlock.title : 'Contents', 1, null, false);
    tocEntries.push(...contentsEntries(tree));
    const size = st.bodySize;
    const lh = lineHeightOf(size) + 3;
    for (const h of tocEntries) {
      const indent = h.level === 1 ? 0 : 16;
      const rs: RunStyle = { size, color: st.text, bold: h.level === 1 };
      const ls = breakLines([{ kind: 'text', text: h.text }], textWidth - indent - 40, rs, false);
      const el = lazy('TOCI');
      rows.push({
        height: ls.length * lh,
        spaceBefore: h.level === 1 ? 3 : 0,
        notes: [],
        draw: (ctx, y) => {
          const d = ctx.doc;
          const p = String((headingPage.get(h.id) ?? 0) + 1);
          const last = ls[ls.length - 1];
          const ly = y + (ls.length - 1) * lh;
          const font: FontKey = rs.bold ? 'B' : 'R';
          const pw = measure(font, size, p);
          tagged(ctx, el, () => {
            ls.forEach((l, i) => drawLine(d, l, left + indent, y + i * lh, size));
            d.font(font).fontSize(size).fillColor(st.text).text(p, left + textWidth - pw, ly + (lineHeightOf(size) - size) / 2, { lineBreak: false });
          });
          const dotsFrom = left + indent + last.width + 6;
          const dotsTo = left + textWidth - pw - 6;
          const dotY = ly + (lineHeightOf(size) - size) / 2 + size * ascentRatio;
          d.markContent('Artifact', { type: 'Layout' });
          for (let x = dotsFrom; x < dotsTo; x += 4) d.circle(x, dotY - 0.5, 0.45).fill(st.muted);
          d.endMarkedContent();
          d.goTo(left + indent, y, textWidth - indent, ls.length * lh, h.id, (ctx.artifact ? {} : { structParent: (() => { const l = doc.struct('Link'); el().add(l); return l; })() }) as never);
        },
      });
    }
    rows.push(...saved);
  }

  // ---------------------------------------------------------------- pagination
  steps.step(30, 30, 1, 1, 'breaking pages');
  interface PageLayout {
    placed: { row: Row; y: number; artifact: boolean }[];
    notes: number[];
  }
  const pages: PageLayout[] = [];
  let pg: PageLayout = { placed: [], notes: [] };
  let y = top;
  let notesH = 0;
  /** Footnotes that did not fit on their page (a line citing very many): they continue on the next. */
  let carry: number[] = [];
  const notesHeight = (ns: readonly number[]) => (ns.length ? ns.reduce((s, n) => s + noteHeight(n), 0) + separatorHeight : 0);
  const newPage = () => {
    pages.push(pg);
    pg = { placed: [], notes: carry };
    carry = [];
    y = top;
    notesH = notesHeight(pg.notes);
  };
  const extraNotes = (r: Row): { h: number; nums: number[] } => {
    if (!footnotes) return { h: 0, nums: [] };
    const nums = r.notes.filter((n) => !pg.notes.includes(n));
    const h = nums.reduce((s, n) => s + noteHeight(n), 0) + (nums.length && !pg.notes.length ? separatorHeight : 0);
    return { h, nums };
  };
  const fits = (r: Row, extraH: number, atY: number) => atY + (pg.placed.length ? r.spaceBefore : 0) + r.height + notesH + extraH <= bottom + 0.01;

  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.pageBreak) {
      if (pg.placed.length) newPage();
      continue;
    }
    // Keep chains (heading + first line, caption + header + first row) together.
    let chainH = 0;
    let chainNotes: number[] = [];
    for (let j = i; j < rows.length && rows[j].keepWithNext && j + 1 < rows.length && !rows[j + 1].pageBreak && j - i < 10; j++) {
      const nx = rows[j + 1];
      chainH += nx.spaceBefore + nx.height;
      chainNotes = chainNotes.concat(nx.notes);
    }
    const ex = extraNotes({ ...r, notes: [...r.notes, ...chainNotes] });
    if (pg.placed.length && !fits(r, ex.h + chainH, y) && chainH + r.height + ex.h < bottom - top) newPage();
    else if (pg.placed.length && !fits(r, extraNotes(r).h, y)) newPage();
    // A table row starting a page gets its header again.
    if (!pg.placed.length && r.repeatHeader) {
      pg.placed.push({ row: r.repeatHeader, y, artifact: true });
      y += r.repeatHeader.height;
    }
    const own = extraNotes(r);
    if (pg.placed.length) y += r.spaceBefore;
    pg.placed.push({ row: r, y, artifact: false });
    y += r.height;
    pg.notes.push(...own.nums);
    notesH += own.h;
    while (pg.notes.length > 1 && y + notesH > bottom + 0.01) {
      carry.unshift(pg.notes.pop()!);
      notesH = notesHeight(pg.notes);
    }
  }
  if (pg.placed.length || pg.notes.length || !pages.length) newPage();
  // Pages holding only footnotes carried over from the last page.
  while (pg.notes.length) {
    while (pg.notes.length > 1 && top + notesHeight(pg.notes) > bottom + 0.01) carry.unshift(pg.notes.pop()!);
    newPage();
  }

  // Page numbers of headings, known before drawing, for the table of contents.
  for (let p = 0; p < pages.length; p++)
    for (const x of pages[p].placed) {
      const id = headingRowIds.get(x.row);
      if (id) headingPage.set(id, p);
    }

  // ---------------------------------------------------------------- drawing
  const total = pages.length;
  for (let p = 0; p < total; p++) {
    steps.step(35, 85, p, total, `drawing page ${p + 1} of ${total}`);
    await steps.breathe(10);
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    const ctx: DrawCtx = { doc, pageIndex: p, artifact: false };
    for (const x of pages[p].placed) x.row.draw({ ...ctx, artifact: x.artifact }, x.y);
    if (footnotes && pages[p].notes.length) {
      const nh = pages[p].notes.reduce((s, n) => s + noteHeight(n), 0);
      let ny = bottom - nh;
      doc.markContent('Artifact', { type: 'Layout' });
      doc.moveTo(left, ny - 5).lineTo(left + 90, ny - 5).lineWidth(0.5).strokeColor(st.muted).stroke();
      doc.endMarkedContent();
      const lh = lineHeightOf(st.noteSize);
      for (const n of pages[p].notes) {
        doc.addNamedDestination(`note-${n}`, 'XYZ', 0, page.height - ny + 2, null);
        const el = attach('Note');
        el.add(() => {
          doc.font('B').fontSize(st.noteSize * 0.8).fillColor(st.accent).text(String(n), left, ny + (lh - st.noteSize) / 2 - st.noteSize * 0.15, { lineBreak: false });
          notesOf(n).forEach((l, i) => drawLine(doc, l, left + noteIndent, ny + i * lh, st.noteSize));
        });
        ny += noteHeight(n);
      }
    }
  }
  // Header and footer on every page, now that the number of pages is known.
  const slotSize = Math.max(st.noteSize, st.smallSize * 0.9);
  for (let p = 0; p < total; p++) {
    steps.step(85, 92, p, total, `page header and footer ${p + 1} of ${total}`);
    doc.switchToPage(p);
    doc.markContent('Artifact', { type: 'Pagination' });
    const drawSlots = (slots: DocTree['header'], yy: number) => {
      const parts: [string, 'left' | 'center' | 'right'][] = [
        [slots.left, 'left'],
        [slots.center, 'center'],
        [slots.right, 'right'],
      ];
      for (const [s, align] of parts) {
        const text = fillPageSlot(s, p + 1, total);
        if (!text) continue;
        const isMarking = text === tree.titleBlock.marking;
        const font: FontKey = isMarking ? 'B' : 'R';
        const w = measure(font, slotSize, text);
        const x = align === 'left' ? left : align === 'right' ? left + textWidth - w : left + (textWidth - w) / 2;
        doc.font(font).fontSize(slotSize).fillColor(isMarking ? st.marking : st.muted).text(text, x, yy, { lineBreak: false });
      }
    };
    drawSlots(tree.header, page.margins.top / 2 - slotSize / 2);
    drawSlots(tree.footer, page.height - page.margins.bottom / 2 - slotSize / 2);
    doc.endMarkedContent();
  }
  steps.step(92, 92, 1, 1, 'writing the PDF');
  repairToUnicode((doc as unknown as { _fontFamilies: Record<string, unknown> })._fontFamilies);
  doc.end();
  await done;
  const out = uniqueSubsetTags(new Uint8Array(Buffer.concat(chunks)));
  steps.finish();
  return out;
}

/**
 * pdfkit names every subset after its resource id ("CZZZZZ+LiberationSans" in every PDF), but a
 * subset tag must differ between different subsets: readers that cache fonts by name (pdf.js in
 * one process, Acrobat when combining files) otherwise map one document's glyphs with another's
 * ToUnicode and lose letters. The tag is replaced by six letters hashed from the document, so the
 * same input still gives the same bytes; the length is kept, so the cross-reference table stays valid.
 */
export function uniqueSubsetTags(bytes: Uint8Array): Uint8Array {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  const text = new TextDecoder('latin1').decode(bytes);
  const re = /\/(?:BaseFont|FontName) ?\/([A-Z]{6})\+/g;
  const tags = new Map<string, string>();
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const old = m[1];
    let tag = tags.get(old);
    if (!tag) {
      let x = h;
      for (const ch of old) x = Math.imul(x ^ ch.charCodeAt(0), 0x01000193) >>> 0;
      tag = '';
      for (let k = 0; k < 6; k++) {
        tag += String.fromCharCode(65 + (x % 26));
        x = (Math.floor(x / 26) ^ Math.imul(x, 0x9e3779b1)) >>> 0;
      }
      tags.set(old, tag);
    }
    const at = m.index + m[0].length - 7;
    for (let k = 0; k < 6; k++) bytes[at + k] = tag.charCodeAt(k);
  }
  return bytes;
}
