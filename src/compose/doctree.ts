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

/**
 * One numbered note: the source it points into (a number of `DocTree.sources`) and, in quote
 * style, the sentence quoted. A fact citing the same sentence again reuses the note's number, so
 * a note number can appear several times in the text: the first time it is the note itself,
 * later times a reference to it (a NOTEREF field in Word).
 */
export interface Note {
  /** 1-based, in order of first appearance. */
  readonly n: number;
  /** Number of the source in `DocTree.sources`. */
  readonly source: number;
  /** The article's sentence (perhaps shortened with an ellipsis), or null in source-only style. */
  readonly quote: string | null;
  readonly articleId: string;
}

/** One entry of the numbered source list. */
export interface SourceEntry {
  /** 1-based: the number notes point to. */
  readonly n: number;
  readonly articleId: string;
  /** The publication, or null when neither the file nor the analyst names it (never a file name). */
  readonly outlet: string | null;
  readonly title: string | null;
  /** YYYY-MM-DD, or null. */
  readonly date: string | null;
  /** Where to find it: the URL, else the file name, else "pasted text". */
  readonly location: string;
  /** What `location` is: a file name or "pasted text" is printed only for a source with neither outlet nor title. */
  readonly where: 'url' | 'file' | 'paste';
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
  /** A line above the table ("Delegation of …: talks in …"), perhaps with a citation. */
  readonly caption: readonly Inline[] | null;
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
  /** "DRAFT — 12 of 40 items not yet reviewed", printed as a banner; null in a final document. */
  readonly draft: string | null;
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
  /** The numbered source list the notes point into (printed by the sources section). */
  readonly sources: readonly SourceEntry[];
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

/** What a source with no headline is called: "Untitled article (file a.txt)" (a file name is never an outlet or a title). */
export const untitledLabel = (s: SourceEntry): string =>
  s.where === 'file' || (s.where === 'paste' && !s.outlet) ? `Untitled article (${s.location})` : 'Untitled article';

/** How a source is named in short: its outlet, else its title, else "Source N". */
export const sourceShortName = (s: SourceEntry): string => s.outlet ?? (s.title ? `“${s.title.length > 60 ? `${s.title.slice(0, 57)}…` : s.title}”` : `Source ${s.n}`);

/**
 * The text of a note as a reader sees it: `[2] “sentence”` (quote style) or
 * `[2] Outlet, 14 Mar 2026` (source-only style); `[2]` is the source list's number.
 */
export const noteText = (n: Note, sources: readonly SourceEntry[]): string => {
  // A sentence that is itself a quotation keeps its own marks (not ““…””).
  if (n.quote !== null) return /^[“"«].*[”"»]$/su.test(n.quote) && !/[“"«]/u.test(n.quote.slice(1, -1)) ? `[${n.source}] ${n.quote}` : `[${n.source}] “${n.quote}”`;
  const s = sources[n.source - 1];
  // A source with neither outlet nor title is named as untitled, by where it is (its URL or file), not "Source 1".
  return s ? `[${n.source}] ${[s.outlet || s.title ? sourceShortName(s) : s.where === 'url' ? s.location : untitledLabel(s), formatDate(s.date, true)].filter(Boolean).join(', ')}.` : `[${n.source}]`;
};

/** The text of a source list entry: `Outlet. “Title.” 14 March 2026. example.org/x` (parts left out when unknown). */
export const sourceText = (s: SourceEntry): string => {
  const named = !!(s.outlet || s.title);
  // A source with neither outlet nor title: "Untitled article (file a.txt). Date not stated."
  if (!named) return [stop(untitledLabel(s)), stop(s.date ? formatDate(s.date) : 'Date not stated'), s.where === 'url' ? stop(s.location) : null].filter(Boolean).join(' ');
  const parts = [
    s.outlet ? stop(s.outlet) : null,
    // Title punctuation inside the quotes: “Talks end without a deal.”
    s.title ? `“${stop(s.title)}”` : null,
    stop(s.date ? formatDate(s.date) : 'Date not stated'),
    s.where === 'url' ? stop(s.location) : null,
  ];
  return parts.filter(Boolean).join(' ');
};
/** A part of a source entry ended with a full stop, unless it already ends in punctuation. */
const stop = (x: string): string => (/[.!?…]$/.test(x.trim()) ? x.trim() : `${x.trim()}.`);

/** One entry of the table of contents. */
export interface ContentsEntry {
  readonly id: string;
  readonly text: string;
  readonly level: 1 | 2;
}

/**
 * The table of contents of a tree: headings of levels 1–2 in order, plus the endnotes list when
 * notes are printed at the end. The HTML and PDF renderers both list exactly these entries.
 */
export function contentsEntries(tree: DocTree): ContentsEntry[] {
  const out: ContentsEntry[] = [];
  for (const b of tree.blocks) if (b.kind === 'heading' && b.level <= 2) out.push({ id: b.id, text: b.text, level: b.level === 1 ? 1 : 2 });
  if (tree.citations === 'endnotes' && tree.notes.length) out.push({ id: ENDNOTES_ID, text: tree.notesTitle, level: 1 });
  return out;
}

/** Anchor of the endnotes list. */
export const ENDNOTES_ID = 'sec-notes-list';

/** Fails to compile when a switch over block kinds misses one. */
export function assertNever(x: never): never {
  throw new Error(`unexpected block ${JSON.stringify(x)}`);
}

/**
 * Every citation of the tree in reading order, with whether it is the note's first appearance
 * (the note itself) or a later one (a reference back to it).
 */
export function citationOrder(tree: DocTree): Map<Inline, boolean[]> {
  const seen = new Set<number>();
  const out = new Map<Inline, boolean[]>();
  const visit = (runs: readonly Inline[] | null) => {
    for (const r of runs ?? [])
      if (r.kind === 'cite')
        out.set(
          r,
          r.notes.map((n) => (seen.has(n) ? false : (seen.add(n), true))),
        );
  };
  for (const b of tree.blocks) {
    switch (b.kind) {
      case 'paragraph':
        visit(b.runs);
        break;
      case 'list':
        b.items.forEach(visit);
        break;
      case 'table':
        visit(b.caption);
        b.rows.forEach((r) => r.forEach(visit));
        break;
      case 'heading':
      case 'chart':
      case 'toc':
      case 'pageBreak':
        break;
      default:
        assertNever(b);
    }
  }
  return out;
}

/** Plain text of runs (citations left out). */
export const plainText = (runs: readonly Inline[]): string =>
  runs.map((r) => (r.kind === 'text' ? r.text : '')).join('');
