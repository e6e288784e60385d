/**
 * PDF block layout: the document tree turned into rows for the paginator — the title block or
 * cover, then each block (an exhaustive switch over block kinds), the endnotes, and the table of
 * contents from the one contents-list builder the HTML renderer also uses (`contentsEntries`).
 * Each row knows its height before anything is drawn and how to draw itself.
 */
import { assertNever, contentsEntries, ENDNOTES_ID, type ChartBlock, type DocTree, type Inline, type TableBlock } from '../compose/doctree';
import type { DrawLine, Frame } from './pdf-draw';
import type { Row } from './pdf-paginate';
import type { StructEl, Tagger } from './pdf-tagging';
import type { Doc, FontKey, Line, NoteLayout, RunStyle, TextLayout } from './pdf-text';
import type { ExportSteps } from './progress';

export interface LayoutEnv {
  readonly doc: Doc;
  readonly tree: DocTree;
  readonly frame: Frame;
  readonly text: TextLayout;
  readonly notes: NoteLayout;
  readonly tagger: Tagger;
  readonly drawLine: DrawLine;
  readonly steps: ExportSteps;
}

export interface BlockLayout {
  readonly rows: Row[];
  /** Heading rows with an id: after pagination the caller records their pages here. */
  readonly headingRowIds: Map<Row, string>;
  /** Page index of each heading id, read by the contents rows when they are drawn. */
  readonly headingPage: Map<string, number>;
}

export async function layoutBlocks(env: LayoutEnv): Promise<BlockLayout> {
  const { doc, tree, frame, text, notes, tagger, drawLine, steps } = env;
  const { breakLines, measure, lineHeightOf } = text;
  const st = tree.style;
  const { left, textWidth, top, bottom } = frame;
  const footnotes = tree.citations === 'footnotes';
  const rows: Row[] = [];
  const headingPage = new Map<string, number>();
  const headingRowIds = new Map<Row, string>();
  let currentH1: PDFKit.PDFOutline | null = null;

  const textRows = (lines: Line[], rs: RunStyle, el: () => StructEl, opts: { indent?: number; spaceBefore?: number; spaceAfter?: number; marker?: string; label?: () => StructEl; keepWithNext?: boolean }) => {
    const lh = lineHeightOf(rs.size);
    lines.forEach((line, i) => {
      const last = i === lines.length - 1;
      rows.push({
        height: lh + (last ? (opts.spaceAfter ?? 0) : 0),
        spaceBefore: i === 0 ? (opts.spaceBefore ?? 0) : 0,
        notes: line.notes,
        keepWithNext: opts.keepWithNext || (lines.length > 1 && (i === 0 || i === lines.length - 2)),
        draw: (ctx, y) => {
          const marker = opts.marker;
          if (i === 0 && marker)
            tagger.tagged(ctx, opts.label ?? el, () => {
              ctx.doc.font('R').fontSize(rs.size).fillColor(st.accent).text(marker, left + (opts.indent ?? 0) - rs.size * 1.1, y + (lh - rs.size) / 2, { lineBreak: false });
            });
          tagger.tagged(ctx, el, () => drawLine(ctx.doc, line, left + (opts.indent ?? 0), y, rs.size));
        },
      });
    });
  };

  const headingSize = (level: number) => (level === 1 ? st.h1Size : level === 2 ? st.h2Size : st.h3Size);
  const headingRow = (headingText: string, level: 1 | 2 | 3, id: string | null, bookmark: boolean) => {
    const size = headingSize(level);
    const lines = breakLines([{ kind: 'text', text: headingText, bold: true }], textWidth, { size, color: st.accent, bold: true });
    const lh = lineHeightOf(size);
    const ruleGap = level === 1 ? 4 : 0;
    let outlineParent: PDFKit.PDFOutline | null = null;
    const row: Row = {
      height: lines.length * lh + ruleGap + size * 0.35,
      spaceBefore: level === 1 ? size * 1.1 : size * 0.8,
      notes: [],
      keepWithNext: true,
      draw: (ctx, y) => {
        if (id) {
          headingPage.set(id, ctx.pageIndex);
          ctx.doc.addNamedDestination(id, 'XYZ', 0, frame.pageHeight - y + 4, null);
        }
        if (bookmark && id) {
          // pdfkit measures `left` from the right edge and `top` from the top: this lands on the heading.
          const at = { top: Math.max(0, y - 4), left: frame.pageWidth };
          if (level === 1) outlineParent = ctx.doc.outline.addItem(headingText, at as never);
          else (currentH1 ?? ctx.doc.outline).addItem(headingText, at as never);
          if (level === 1) currentH1 = outlineParent;
        }
        tagger.tagged(ctx, tagger.lazy(`H${level}`), () => lines.forEach((l, i) => drawLine(ctx.doc, l, left, y + i * lh, size)));
        if (level === 1) {
          const ry = y + lines.length * lh + 1.5;
          tagger.artifact(ctx.doc, () => ctx.doc.moveTo(left, ry).lineTo(left + textWidth, ry).lineWidth(0.6).strokeColor(st.rule).stroke());
        }
      },
    };
    rows.push(row);
    if (id) headingRowIds.set(row, id);
  };

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
        if (cover) tagger.artifact(d, () => d.rect(0, 0, 14, frame.pageHeight).fill(st.accent));
        if (tb.marking || tb.draft) {
          let x = left;
          if (tb.marking)
            tagger.tagged(ctx, tagger.lazy('P'), () => {
              const w = measure('B', st.smallSize, tb.marking) + 12;
              d.rect(left, y, w, st.smallSize * 1.7).fill(st.marking);
              d.font('B').fontSize(st.smallSize).fillColor('#ffffff').text(tb.marking, left + 6, y + st.smallSize * 0.38, { lineBreak: false });
              x += w + 6;
            });
          const draft = tb.draft;
          if (draft)
            tagger.tagged(ctx, tagger.lazy('P'), () => {
              const w = measure('B', st.smallSize, draft) + 12;
              d.rect(x, y + 0.6, w, st.smallSize * 1.7 - 1.2).lineWidth(1.2).strokeColor(st.marking).stroke();
              d.font('B').fontSize(st.smallSize).fillColor(st.marking).text(draft, x + 6, y + st.smallSize * 0.38, { lineBreak: false });
            });
          y += markH;
        }
        tagger.tagged(ctx, tagger.lazy('Title'), () => titleLines.forEach((l, i) => drawLine(d, l, left, y + i * tLh - (tLh - tSize * st.lineHeight) / 2, tSize)));
        y += titleLines.length * tLh;
        if (subLines.length) {
          y += 4;
          tagger.tagged(ctx, tagger.lazy('P'), () => subLines.forEach((l, i) => drawLine(d, l, left, y + i * sLh, st.subtitleSize)));
          y += subLines.length * sLh;
        }
        y += 6;
        tagger.artifact(d, () => d.moveTo(left, y).lineTo(left + textWidth, y).lineWidth(1.2).strokeColor(st.accent).stroke());
        y += 4;
        tagger.tagged(ctx, tagger.lazy('P'), () => metaLines.forEach((l, i) => drawLine(d, l, left, y + i * mLh, st.smallSize)));
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
    const tableEl = tagger.lazy('Table');
    if (b.caption) {
      const capLines = breakLines(b.caption, textWidth, { size: st.smallSize, color: st.accent, bold: true });
      textRows(capLines, { size: st.smallSize, color: st.accent, bold: true }, tagger.lazy('Caption'), { spaceBefore: 6, spaceAfter: 2, keepWithNext: true });
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
          tagger.artifact(d, () => {
            if (header) d.rect(left, y, textWidth, height).fill(st.tableHeaderFill);
            else if (index % 2 === 1) d.rect(left, y, textWidth, height).fill(st.tableStripe);
            d.moveTo(left, y + height).lineTo(left + textWidth, y + height).lineWidth(total ? 0.9 : 0.4).strokeColor(total ? st.accent : st.rule).stroke();
          });
          if (!ctx.artifact) trEl ??= tagger.lazyWithin(tableEl, 'TR');
          cellLines.forEach((ls, ci) => {
            const draw = () => ls.forEach((l, li) => drawLine(d, l, xs[ci] + pad, y + pad + li * lh, size, b.columns[ci].align, widths[ci] - 2 * pad));
            if (ctx.artifact) tagger.tagged(ctx, () => tableEl(), draw);
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
    // A short table (totals, a delegation) stays on one page; a longer one never leaves its last row
    // (a total) alone under a repeated header.
    const keepTogether = b.rows.length <= 3;
    const n = b.rows.length;
    b.rows.forEach((r, i) => rows.push(...makeRows(r, false, i).map((row) => ({ ...row, repeatHeader: headerRow, keepWithNext: (keepTogether && i < n - 1) || i === n - 2 }))));
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
        tagger.tagged(ctx, tagger.lazy('Figure', { alt: `${b.title}: ${b.description}` }), () => {
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
  let tocTitle = 'Contents';
  const blocks = tree.blocks;
  for (const [bi, b] of blocks.entries()) {
    steps.step(0, 30, bi, blocks.length, `laying out block ${bi + 1} of ${blocks.length}`);
    await steps.breathe();
    switch (b.kind) {
      case 'heading':
        headingRow(b.text, b.level, b.id, true);
        break;
      case 'paragraph': {
        const rs = paraStyle(b.style);
        textRows(breakLines(b.runs, textWidth - (b.style === 'quote' ? 18 : 0), rs), rs, tagger.lazy('P'), { spaceAfter: st.paragraphSpacing, indent: b.style === 'quote' ? 18 : 0 });
        break;
      }
      case 'list': {
        const indent = st.bodySize * 1.4;
        const listEl = tagger.lazy('L');
        b.items.forEach((item, i) => {
          const liEl = tagger.lazyWithin(listEl, 'LI');
          // LI holds a label (the bullet or number) and a body, as PDF/UA asks.
          textRows(breakLines(item, textWidth - indent, bodyRs), bodyRs, tagger.lazyChild(liEl, 'LBody'), {
            indent,
            label: tagger.lazyChild(liEl, 'Lbl'),
            marker: b.ordered ? `${i + 1}.` : '•',
            spaceAfter: i === b.items.length - 1 ? st.paragraphSpacing : st.paragraphSpacing * 0.45,
          });
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
        if (tocRowsAt < 0) tocTitle = b.title;
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
    const el = tagger.lazy('L');
    for (const n of tree.notes) {
      const ls = notes.linesOf(n.n);
      const lh = lineHeightOf(st.noteSize);
      ls.forEach((l, i) =>
        rows.push({
          height: lh + (i === ls.length - 1 ? notes.gap + 1 : 0),
          spaceBefore: 0,
          notes: [],
          keepWithNext: ls.length > 1 && i === 0,
          draw: (ctx, y) => {
            if (i === 0) ctx.doc.addNamedDestination(`note-${n.n}`, 'XYZ', 0, frame.pageHeight - y + 2, null);
            tagger.tagged(ctx, el, () => {
              if (i === 0) ctx.doc.font('B').fontSize(st.noteSize).fillColor(st.accent).text(`${n.n}.`, left, y + (lh - st.noteSize) / 2, { lineBreak: false });
              drawLine(ctx.doc, l, left + notes.indent, y, st.noteSize);
            });
          },
        }),
      );
    }
  }
  // Table of contents: one row per heading (levels 1–2) of the whole document.
  if (tocRowsAt >= 0) {
    const saved = rows.splice(tocRowsAt);
    headingRow(tocTitle, 1, null, false);
    const size = st.bodySize;
    const lh = lineHeightOf(size) + 3;
    for (const h of contentsEntries(tree)) {
      const indent = h.level === 1 ? 0 : 16;
      const rs: RunStyle = { size, color: st.text, bold: h.level === 1 };
      const ls = breakLines([{ kind: 'text', text: h.text }], textWidth - indent - 40, rs, false);
      const el = tagger.lazy('TOCI');
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
          tagger.tagged(ctx, el, () => {
            ls.forEach((l, i) => drawLine(d, l, left + indent, y + i * lh, size));
            d.font(font).fontSize(size).fillColor(st.text).text(p, left + textWidth - pw, ly + (lineHeightOf(size) - size) / 2, { lineBreak: false });
          });
          const dotsFrom = left + indent + last.width + 6;
          const dotsTo = left + textWidth - pw - 6;
          const dotY = ly + (lineHeightOf(size) - size) / 2 + size * text.ascentRatio;
          tagger.artifact(d, () => {
            for (let x = dotsFrom; x < dotsTo; x += 4) d.circle(x, dotY - 0.5, 0.45).fill(st.muted);
          });
          d.goTo(left + indent, y, textWidth - indent, ls.length * lh, h.id, (ctx.artifact ? {} : { structParent: tagger.linkUnder(el) }) as never);
        },
      });
    }
    rows.push(...saved);
  }
  return { rows, headingRowIds, headingPage };
}
