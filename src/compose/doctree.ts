/**
 * DocTree: the briefing as a document, with every formatting decision made. `compose()` builds
 * it; the HTML, DOCX and PDF renderers only draw it, so the preview cannot drift from the exports.
 * Plain readonly data (no classes), safe to import from the renderer process.
 */

/** A run of text in one style. */
export interface TextRun {
  readonly kind: 'text';
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/** A citation mark: the numbers of the notes (see `DocTree.notes`) it points to. */
export interface CiteRun {
  readonly kind: 'cite';
  readonly notes: readonly number[];
}

export type Inline = TextRun | CiteRun;

/** One numbered note: where a fact comes from, quoting the sentence. */
export interface Note {
  /** 1-based, in order of first appearance. */
  readonly n: number;
  readonly outlet: string;
  /** YYYY-MM-DD, or null when the article shows none. */
  readonly date: string | null;
  readonly title: string | null;
  /** The article's sentence the fact was taken from. */
  readonly sentence: string;
  readonly articleId: string;
  /** When the same sentence was cited before: the number of the note that quotes it in full. */
  readonly repeatOf: number | null;
}

export interface HeadingBlock {
  readonly kind: 'heading';
  readonly level: 1 | 2 | 3;
  readonly text: string;
  /** Stable anchor (bookmarks, links from the table of contents). */
  readonly id: string;
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly runs: readonly Inline[];
  /** `lead`: a little larger (key judgement); `small`: captions and remarks; `quote`: indented. */
  readonly style: 'body' | 'lead' | 'small' | 'quote';
}

export interface ListBlock {
  readonly kind: 'list';
  readonly ordered: boolean;
  readonly items: readonly (readonly Inline[])[];
}

export interface TableColumn {
  readonly header: string;
  /** Share of the text width, 0..1; the columns of a table add up to 1. */
  readonly width: number;
  readonly align: 'left' | 'right';
}

export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly TableColumn[];
  /** Never empty: compose writes a sentence instead of a table without rows. */
  readonly rows: readonly (readonly (readonly Inline[])[])[];
  /** A line above the table ("Delegation of …: talks in …"). */
  readonly caption: string | null;
  /** Bold last row (totals). */
  readonly totalRow: boolean;
}

/** A horizontal bar chart, as data: the PDF draws vectors, DOCX embeds a PNG, HTML inline SVG. */
export interface ChartBlock {
  readonly kind: 'chart';
  readonly title: string;
  readonly labels: readonly string[];
  readonly values: readonly number[];
  /** Accessible description (alt text). */
  readonly description: string;
}

/** Where the table of contents goes; renderers list the headings of levels 1–2. */
export interface TocBlock {
  readonly kind: 'toc';
  readonly title: string;
}

export interface PageBreakBlock {
  readonly kind: 'pageBreak';
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | ChartBlock | TocBlock | PageBreakBlock;

/** Text of a header or footer slot; `{page}` and `{pages}` are left for the renderer to fill. */
export interface PageSlots {
  readonly left: string;
  readonly center: string;
  readonly right: string;
}

/** Sizes in points (1/72 inch); colours as `#rrggbb`. */
export interface DocStyle {
  readonly fontFamily: string;
  readonly bodySize: number;
  readonly smallSize: number;
  readonly noteSize: number;
  readonly titleSize: number;
  readonly subtitleSize: number;
  readonly h1Size: number;
  readonly h2Size: number;
  readonly h3Size: number;
  /** Line height as a multiple of the font size. */
  readonly lineHeight: number;
  /** Space after a paragraph, in points. */
  readonly paragraphSpacing: number;
  readonly text: string;
  readonly accent: string;
  readonly muted: string;
  readonly rule: string;
  readonly tableHeaderFill: string;
  readonly tableHeaderText: string;
  readonly tableStripe: string;
  readonly marking: string;
  readonly chartBar: string;
}

export interface PageSetup {
  readonly size: 'A4' | 'Letter';
  /** Points. */
  readonly width: number;
  readonly height: number;
  readonly margins: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

export interface TitleBlock {
  /** `cover`: a page of its own; `block`: at the top of the first page. */
  readonly layout: 'cover' | 'block';
  readonly title: string;
  readonly subtitle: string | null;
  /** As printed ("21 March 2026"). */
  readonly dateText: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly author: string;
  readonly marking: string;
  /** Small line under the title ("Situation brief"). */
  readonly kindLabel: string;
}

export interface DocTree {
  readonly templateId: string;
  /** BCP 47 language tag of the text ("en-GB"). */
  readonly language: string;
  readonly page: PageSetup;
  readonly style: DocStyle;
  readonly titleBlock: TitleBlock;
  readonly header: PageSlots;
  readonly footer: PageSlots;
  readonly blocks: readonly Block[];
  /** `footnotes`: at the bottom of the page citing them; `endnotes`: a list after the body. */
  readonly citations: 'footnotes' | 'endnotes';
  /** Heading of the endnotes list. */
  readonly notesTitle: string;
  readonly notes: readonly Note[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-03-14" → "14 March 2026" ("14 Mar 2026" when short); anything else is returned as it is. */
export function formatDate(iso: string | null, short = false): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1] ?? m[2];
  return `${Number(m[3])} ${short ? month.slice(0, 3) : month} ${m[1]}`;
}

/** Replace `{page}` and `{pages}` in a header or footer slot. */
export const fillPageSlot = (s: string, page: number, pages: number): string =>
  s.replace(/\{page\}/g, String(page)).replace(/\{pages\}/g, String(pages));

/** The text of a note as a reader sees it: `Outlet, 2026-03-21, “Title”: “sentence”`. */
export const noteText = (n: Note): string => {
  if (n.repeatOf !== null) return `${[n.outlet, formatDate(n.date)].filter(Boolean).join(', ')}: as note ${n.repeatOf}.`;
  const head = [n.outlet, formatDate(n.date), n.title ? `“${n.title}”` : null].filter(Boolean).join(', ');
  return `${head}: “${n.sentence}”`;
};

/** Plain text of runs (citations left out). */
export const plainText = (runs: readonly Inline[]): string =>
  runs.map((r) => (r.kind === 'text' ? r.text : '')).join('');
