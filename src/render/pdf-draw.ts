/**
 * PDF drawing: lines of laid-out text, the pages the paginator made (rows, then the footnotes at
 * the page foot), and the header and footer of every page once the page count is known.
 */
import { fillPageSlot, type DocTree } from '../compose/doctree';
import type { PageLayout } from './pdf-paginate';
import type { Tagger, DrawCtx } from './pdf-tagging';
import type { LayoutEnv } from './pdf-layout';
import type { Doc, FontKey, Line, TextLayout } from './pdf-text';
import type { ExportSteps } from './progress';

/** Where text may go on a page, in points. */
export interface Frame {
  readonly left: number;
  readonly textWidth: number;
  readonly top: number;
  readonly bottom: number;
  readonly pageWidth: number;
  readonly pageHeight: number;
}

export type DrawLine = (d: Doc, line: Line, x: number, y: number, size: number, align?: 'left' | 'right' | 'center', width?: number) => void;

/** Draws one laid-out line with its top at `y`; citation marks become links to their notes. */
export function lineDrawer(text: TextLayout, tagger: Tagger): DrawLine {
  return (d, line, x, y, size, align = 'left', width = 0) => {
    const dx = align === 'right' ? width - line.width : align === 'center' ? (width - line.width) / 2 : 0;
    // Baseline of the line: top + leading/2 + ascent of the main size.
    const baseline = y + (text.lineHeightOf(size) - size) / 2 + size * text.ascentRatio;
    for (const s of line.segs) {
      d.font(s.font).fontSize(s.size).fillColor(s.color);
      const sx = x + dx + s.x;
      const sy = baseline - s.rise - s.size * text.ascentRatio;
      d.text(s.text, sx, sy, { lineBreak: false });
      if (s.goTo) d.goTo(sx, sy, Math.max(s.width, 3), s.size, s.goTo, tagger.linkOptions() as never);
    }
  };
}

/** What drawing the pages needs: the same as laying them out. */
export type PagesEnv = LayoutEnv;

/** Draws every page: its rows, then (footnote style) the notes it cites at its foot. */
export async function drawPages(pages: readonly PageLayout[], env: PagesEnv): Promise<void> {
  const { doc, tree, frame, text, notes, tagger, drawLine, steps } = env;
  const st = tree.style;
  const { left, bottom } = frame;
  const footnotes = tree.citations === 'footnotes';
  const total = pages.length;
  for (let p = 0; p < total; p++) {
    steps.step(35, 85, p, total, `drawing page ${p + 1} of ${total}`);
    await steps.breathe(10);
    doc.addPage({ size: [frame.pageWidth, frame.pageHeight], margin: 0 });
    const ctx: DrawCtx = { doc, pageIndex: p, artifact: false };
    for (const x of pages[p].placed) x.row.draw({ ...ctx, artifact: x.artifact }, x.y);
    if (footnotes && pages[p].notes.length) {
      const nh = pages[p].notes.reduce((s, n) => s + notes.heightOf(n), 0);
      let ny = bottom - nh;
      tagger.artifact(doc, () => doc.moveTo(left, ny - 5).lineTo(left + 90, ny - 5).lineWidth(0.5).strokeColor(st.muted).stroke());
      const lh = text.lineHeightOf(st.noteSize);
      for (const n of pages[p].notes) {
        doc.addNamedDestination(`note-${n}`, 'XYZ', 0, frame.pageHeight - ny + 2, null);
        const el = tagger.attach('Note');
        const at = ny;
        el.add(() => {
          doc.font('B').fontSize(st.noteSize * 0.8).fillColor(st.accent).text(String(n), left, at + (lh - st.noteSize) / 2 - st.noteSize * 0.15, { lineBreak: false });
          notes.linesOf(n).forEach((l, i) => drawLine(doc, l, left + notes.indent, at + i * lh, st.noteSize));
        });
        ny += notes.heightOf(n);
      }
    }
  }
}

/** Header and footer on every page (an artifact) but a cover, as in the DOCX, now that the number of pages is known. */
export function drawPageSlots(doc: Doc, tree: DocTree, frame: Frame, text: TextLayout, total: number, steps: ExportSteps): void {
  const st = tree.style;
  const { left, textWidth } = frame;
  const margins = tree.page.margins;
  const slotSize = Math.max(st.noteSize, st.smallSize * 0.9);
  const first = tree.titleBlock.layout === 'cover' ? 1 : 0;
  for (let p = first; p < total; p++) {
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
        const t = fillPageSlot(s, p + 1, total);
        if (!t) continue;
        const isMarking = t === tree.titleBlock.marking;
        const font: FontKey = isMarking ? 'B' : 'R';
        const w = text.measure(font, slotSize, t);
        const x = align === 'left' ? left : align === 'right' ? left + textWidth - w : left + (textWidth - w) / 2;
        doc.font(font).fontSize(slotSize).fillColor(isMarking ? st.marking : st.muted).text(t, x, yy, { lineBreak: false });
      }
    };
    drawSlots(tree.header, margins.top / 2 - slotSize / 2);
    drawSlots(tree.footer, frame.pageHeight - margins.bottom / 2 - slotSize / 2);
    doc.endMarkedContent();
  }
}
