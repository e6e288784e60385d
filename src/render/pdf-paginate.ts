/**
 * PDF pagination: rows (lines, table rows, charts) placed on pages, with the footnotes each page
 * cites at its foot. Keep chains (heading + first line, caption + header + first row) stay
 * together, a table row starting a page gets its header again, and footnotes that do not fit
 * are carried to the next page. Pure: nothing is drawn here.
 */
import type { DrawCtx } from './pdf-tagging';

/** One unbreakable thing the paginator places: a line of text, a table row, a chart. */
export interface Row {
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

export interface PageLayout {
  placed: { row: Row; y: number; artifact: boolean }[];
  /** Footnotes printed at this page's foot. */
  notes: number[];
}

export interface PageFrame {
  readonly top: number;
  readonly bottom: number;
  /** Notes go at the foot of the page that cites them (else they are rows of their own). */
  readonly footnotes: boolean;
  readonly noteHeight: (n: number) => number;
  readonly separatorHeight: number;
}

export function paginate(rows: readonly Row[], f: PageFrame): PageLayout[] {
  const { top, bottom, footnotes, noteHeight, separatorHeight } = f;
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
  return pages;
}
