/**
 * DocTree → DOCX with the `docx` package. Word's built-in styles (Title, Heading 1–3 with
 * outline levels, so the TOC and PDF bookmarks work), a TOC with the PDF's page numbers
 * (above about 150 pages left to Word, see MAX_TOC_LAYOUT_UNITS), real footnotes or endnotes, header and footer with
 * the marking and "Page X of Y", repeating table header rows, Liberation Sans set explicitly and
 * embedded, document properties, and the chart as a native Word chart (docx-chart.ts).
 */
import { createHash } from 'node:crypto';
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  EndnoteReferenceRun,
  FootnoteReferenceRun,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  NumberFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  SimpleField,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { estimatePages as estimatePageCount } from '../compose/compose';
import { assertNever, citationOrder, contentsEntries, noteText, type Block, type DocTree, type Inline, type PageSlots, type TableBlock } from '../compose/doctree';
import { xmlSafe, xmlSafeTree } from './xml-safe';
import { subsetText, subsetTrueType } from './font-subset';
import { ExportSteps, type ExportControl } from './progress';
import type { RenderResources } from './resources';

/** Points → twentieths of a point (twips), and half-points for font sizes. */
const tw = (pt: number) => Math.round(pt * 20);
const hp = (pt: number) => Math.round(pt * 2);
const colour = (c: string) => c.replace('#', '').toUpperCase();

/** `progress` and `cancel` (see ExportControl): building paragraphs, laying out and writing, compressing. */
/**
 * Above this many paragraphs, list items, table rows and notes (about 150 pages), the contents are
 * written with every entry and its link but no page numbers, marked for update: Word fills them in
 * when it opens the file (it asks first). (The docx package's layout engine, used until the PDF's
 * pagination numbered the contents, took minutes there: a 512-page dossier 134 s and 1.2 GB.)
 */
export const MAX_TOC_LAYOUT_UNITS = 4000;

/** How much there is to lay out: paragraphs, list items, table rows and notes. */
export function layoutUnits(tree: DocTree): number {
  let n = tree.notes.length;
  for (const b of tree.blocks) n += b.kind === 'list' ? b.items.length : b.kind === 'table' ? b.rows.length + 1 : 1;
  return n;
}

export interface DocxOptions extends ExportControl {
  /** Written as the document's created and modified dates; default: noon UTC on the briefing's date. */
  readonly now?: Date;
}

export async function renderDocx(input: DocTree, resources: RenderResources, options: DocxOptions = {}): Promise<Uint8Array> {
  // Every string that reaches the file goes through one XML sanitiser (see xml-safe).
  const tree = xmlSafeTree(input);
  const steps = new ExportSteps(options);
  steps.check();
  const st = tree.style;
  const font = st.fontFamily;
  const footnotes = tree.citations === 'footnotes';
  const textWidthPt = tree.page.width - tree.page.margins.left - tree.page.margins.right;
  const lineSpacing = Math.round(240 * st.lineHeight);
  const toc = tree.blocks.some((b) => b.kind === 'toc');
  const estimatePages = toc && layoutUnits(tree) <= MAX_TOC_LAYOUT_UNITS;
  // Loaded only for a document that has one.
  const charts = tree.blocks.some((b) => b.kind === 'chart') ? await import('./docx-chart') : null;

  // A note's first citation is the note itself, inside a bookmark; a later citation of the same
  // note is a NOTEREF field to that bookmark (Word keeps its number right when notes move).
  const firstUse = citationOrder(tree);
  const cite = (r: Extract<Inline, { kind: 'cite' }>): ParagraphChild[] =>
    r.notes.flatMap((n, i) => [
      ...(i ? [new TextRun({ text: ',', superScript: true, color: colour(st.accent) })] : []),
      firstUse.get(r)?.[i] !== false
        ? new Bookmark({ id: `_RefNote${n}`, children: [footnotes ? new FootnoteReferenceRun(n) : new EndnoteReferenceRun(n)] })
        : new SimpleField(`NOTEREF _RefNote${n} \\f \\h`, String(n)),
    ]);
  const runs = (inl: readonly Inline[] | null, o: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}): ParagraphChild[] =>
    (inl ?? []).flatMap((r): ParagraphChild[] =>
      r.kind === 'cite'
        ? cite(r)
        : [new TextRun({ text: r.text, bold: r.bold ?? o.bold, italics: r.italic ?? o.italics, color: o.color, size: o.size ? hp(o.size) : undefined })],
    );

  // ---------------------------------------------------------------- title block
  const tb = tree.titleBlock;
  const children: (Paragraph | Table | TableOfContents)[] = [];
  const cover = tb.layout === 'cover';
  if (cover) children.push(new Paragraph({ spacing: { before: tw(tree.page.height * 0.22) } }));
  if (tb.marking)
    children.push(
      new Paragraph({
        spacing: { after: tw(8) },
        children: [new TextRun({ text: ` ${tb.marking} `, bold: true, color: 'FFFFFF', size: hp(st.smallSize), shading: { type: ShadingType.CLEAR, fill: colour(st.marking), color: 'auto' } })],
      }),
    );
  if (tb.draft)
    children.push(
      new Paragraph({
        spacing: { after: tw(8) },
        border: { top: { style: BorderStyle.SINGLE, size: 8, color: colour(st.marking), space: 2 }, bottom: { style: BorderStyle.SINGLE, size: 8, color: colour(st.marking), space: 2 } },
        children: [new TextRun({ text: tb.draft, bold: true, color: colour(st.marking), size: hp(st.smallSize) })],
      }),
    );
  children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(tb.title)] }));
  if (tb.subtitle) children.push(new Paragraph({ style: 'Subtitle', children: [new TextRun(tb.subtitle)] }));
  children.push(
    new Paragraph({
      border: { top: { style: BorderStyle.SINGLE, size: 12, color: colour(st.accent), space: 4 } },
      spacing: { after: tw(cover ? 0 : 10) },
      children: [new TextRun({ text: [tb.kindLabel, tb.dateText, tb.author].filter(Boolean).join('  ·  '), color: colour(st.muted), size: hp(st.smallSize) })],
    }),
  );
  if (cover) children.push(new Paragraph({ children: [new PageBreak()] }));

  // ---------------------------------------------------------------- body
  let numberedLists = 0;
  // Tables take their borders, header shading, banding and cell margins from one table style
  // (BriefsmithTable, written into styles.xml below); cells carry only their width and alignment.
  const table = (b: TableBlock): Table => {
    const widths = b.columns.map((c) => Math.round(tw(textWidthPt) * c.width));
    const cell = (content: readonly Inline[], i: number, header: boolean, rowIndex: number) =>
      new TableCell({
        width: { size: widths[i], type: WidthType.DXA },
        children: [
          new Paragraph({
            style: 'TableText',
            alignment: b.columns[i].align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
            children: runs(content, !header && b.totalRow && rowIndex === b.rows.length - 1 ? { bold: true } : {}),
          }),
        ],
      });
    return new Table({
      style: TABLE_STYLE,
      width: { size: tw(textWidthPt), type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: b.columns.map((c, i) => cell([{ kind: 'text', text: c.header }], i, true, -1)) }),
        ...b.rows.map((r, ri) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false, ri)) })),
      ],
    });
  };

  const block = (b: Block): (Paragraph | Table | TableOfContents)[] => {
    switch (b.kind) {
      case 'heading': {
        const level = b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
        return [new Paragraph({ heading: level, children: [new TextRun(b.text)] })];
      }
      case 'paragraph': {
        const o: IParagraphOptions = { children: runs(b.runs) };
        if (b.style === 'small') return [new Paragraph({ ...o, style: 'Small' })];
        if (b.style === 'lead') return [new Paragraph({ ...o, style: 'Lead' })];
        if (b.style === 'quote') return [new Paragraph({ ...o, style: 'Quote' })];
        return [new Paragraph(o)];
      }
      case 'list': {
        const instance = b.ordered ? ++numberedLists : 0;
        return b.items.map(
          (item, i) =>
            new Paragraph({
              style: 'ListParagraph',
              numbering: { reference: b.ordered ? 'numbers' : 'bullets', level: 0, instance },
              spacing: { after: tw(i === b.items.length - 1 ? st.paragraphSpacing : st.paragraphSpacing * 0.45) },
              children: runs(item),
            }),
        );
      }
      case 'table': {
        const out: (Paragraph | Table)[] = [];
        if (b.caption) out.push(new Paragraph({ style: 'Caption', keepNext: true, children: runs(b.caption) }));
        out.push(table(b), new Paragraph({ spacing: { after: 0 }, style: 'Small', children: [] }));
        return out;
      }
      case 'chart':
        // A native Word chart (docx-chart.ts): drawn from its data, no picture.
        return [
          new Paragraph({
            keepNext: false,
            spacing: { before: tw(6), after: tw(6), line: 240, lineRule: LineRuleType.AUTO },
            children: [charts!.chartRun(b, st, textWidthPt * 0.9)],
          }),
        ];
      case 'toc':
        return [
          new Paragraph({ style: 'TOCHeading', children: [new TextRun(b.title)] }),
          new TableOfContents(b.title, { hyperlink: true, headingStyleRange: '1-2' }),
        ];
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
      default:
        return assertNever(b);
    }
  };
  for (const [bi, b] of tree.blocks.entries()) {
    steps.step(0, 10, bi, tree.blocks.length, `building block ${bi + 1} of ${tree.blocks.length}`);
    await steps.breathe();
    children.push(...block(b));
  }

  const notePara = (n: number) => {
    const note = tree.notes[n - 1];
    return new Paragraph({ style: footnotes ? 'FootnoteText' : 'EndnoteText', children: [new TextRun(` ${note ? noteText(note, tree.sources) : ''}`)] });
  };
  const notes = Object.fromEntries(tree.notes.map((n) => [String(n.n), { children: [notePara(n.n)] }]));

  // ---------------------------------------------------------------- header and footer
  const slotsPara = (s: PageSlots, border: 'top' | 'bottom') => {
    const parts = (text: string): ParagraphChild[] => {
      const out: ParagraphChild[] = [];
      const re = /\{(page|pages)\}/g;
      let last = 0;
      let m: RegExpExecArray | null;
      const isMarking = text === tb.marking && !!text;
      const opts = { color: colour(isMarking ? st.marking : st.muted), bold: isMarking, size: hp(Math.max(st.noteSize, st.smallSize * 0.9)) };
      while ((m = re.exec(text))) {
        if (m.index > last) out.push(new TextRun({ text: text.slice(last, m.index), ...opts }));
        out.push(new TextRun({ children: [m[1] === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES], ...opts }));
        last = m.index + m[0].length;
      }
      if (last < text.length) out.push(new TextRun({ text: text.slice(last), ...opts }));
      return out;
    };
    return new Paragraph({
      tabStops: [
        { type: TabStopType.CENTER, position: tw(textWidthPt / 2) },
        { type: TabStopType.RIGHT, position: tw(textWidthPt) },
      ],
      border: { [border]: { style: BorderStyle.SINGLE, size: 4, color: colour(st.rule), space: 4 } },
      children: [...parts(s.left), new TextRun({ text: '\t' }), ...parts(s.center), new TextRun({ text: '\t' }), ...parts(s.right)],
    });
  };

  // ---------------------------------------------------------------- styles
  const headingStyle = (size: number, before: number, outlineLevel: number) => ({
    run: { font, size: hp(size), bold: true, color: colour(st.accent) },
    paragraph: { outlineLevel, keepNext: true, keepLines: true, spacing: { before: tw(before), after: tw(size * 0.4), line: 240, lineRule: LineRuleType.AUTO } },
  });
  // Only the faces the document uses are embedded (bold italic rarely is), each a subset of the
  // characters it holds (font-subset.ts); keys are fixed below.
  // The contents' page numbers are the PDF's: its layout and pagination (not drawn) give the page of
  // every heading. LibreOffice lays the DOCX out on the same pages, give or take one; the docx
  // package's own layout engine took 90 % of the export (4 s for 20 pages) and was no closer.
  let pagination: { pageCount: number; headingPages: ReadonlyMap<string, number> } | null = null;
  if (estimatePages) {
    steps.step(10, 10, 1, 1, 'laying out pages for the table of contents');
    await steps.breathe(1);
    pagination = await (await import('./pdf')).pdfPagination(tree, resources, { cancel: options.cancel });
  }
  const usesBoldItalic = JSON.stringify(tree.blocks).includes('"bold":true,"italic":true');
  const chars = subsetText(tree);
  const [regular, bold, italic, boldItalic] = await Promise.all([resources.fonts.regular, resources.fonts.bold, resources.fonts.italic, ...(usesBoldItalic ? [resources.fonts.boldItalic] : [])].map((f) => subsetTrueType(f, chars)));
  const fonts = [{ name: font, data: regular, bold, italic, ...(boldItalic ? { boldItalic } : {}) }];
  const m = tree.page.margins;
  const doc = new Document({
    title: tb.title,
    subject: [tb.kindLabel, tb.subtitle].filter(Boolean).join(' — ') || undefined,
    creator: tb.author || 'Briefsmith',
    lastModifiedBy: tb.author || 'Briefsmith',
    description: tb.marking ? `Marking: ${tb.marking}` : undefined,
    keywords: tb.marking || undefined,
    fonts,
    // Laying the pages out is the slow part of a DOCX export: only needed for a table of contents
    // (Word and LibreOffice compute PAGE and NUMPAGES themselves when they open the file).
    ...(pagination ? { pageNumbers: contentsPageNumbers(tree, pagination) } : {}),
    styles: {
      default: {
        document: { run: { font, size: hp(st.bodySize), color: colour(st.text), language: { value: tree.language } }, paragraph: { spacing: { after: tw(st.paragraphSpacing), line: lineSpacing, lineRule: LineRuleType.AUTO } } },
        title: { run: { font, size: hp(st.titleSize), bold: true, color: colour(st.accent) }, paragraph: { spacing: { after: tw(4), line: 240, lineRule: LineRuleType.AUTO } } },
        heading1: headingStyle(st.h1Size, st.h1Size * 1.1, 0),
        heading2: headingStyle(st.h2Size, st.h2Size * 0.8, 1),
        heading3: headingStyle(st.h3Size, st.h3Size * 0.8, 2),
        listParagraph: { run: { font }, paragraph: { spacing: { after: tw(st.paragraphSpacing * 0.45), line: lineSpacing, lineRule: LineRuleType.AUTO } } },
        caption: { run: { font, size: hp(st.smallSize), bold: true, italics: false, color: colour(st.accent) }, paragraph: { spacing: { before: tw(6), after: tw(2) } } },
        footnoteText: { run: { font, size: hp(st.noteSize) }, paragraph: { spacing: { after: tw(1), line: 240, lineRule: LineRuleType.AUTO } } },
        endnoteText: { run: { font, size: hp(st.noteSize) }, paragraph: { spacing: { after: tw(2), line: 240, lineRule: LineRuleType.AUTO } } },
        footnoteReference: { run: { superScript: true, color: colour(st.accent) } },
        endnoteReference: { run: { superScript: true, color: colour(st.accent) } },
      },
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font, size: hp(st.subtitleSize), color: colour(st.muted) }, paragraph: { spacing: { after: tw(6) } } },
        { id: 'Small', name: 'Small', basedOn: 'Normal', quickFormat: true, run: { font, size: hp(st.smallSize), color: colour(st.muted) } },
        { id: 'Lead', name: 'Lead', basedOn: 'Normal', quickFormat: true, run: { font, size: hp(st.bodySize * 1.12) } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', quickFormat: true, run: { font, italics: true, color: colour(st.muted) }, paragraph: { indent: { left: tw(18) } } },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { font, size: hp(st.smallSize) }, paragraph: { spacing: { before: 0, after: 0, line: Math.round(240 * Math.min(st.lineHeight, 1.2)), lineRule: LineRuleType.AUTO } } },
        { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { font, size: hp(st.h1Size), bold: true, color: colour(st.accent) }, paragraph: { spacing: { before: tw(st.h1Size), after: tw(8) } } },
      ],
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: tw(st.bodySize * 1.6), hanging: tw(st.bodySize * 1.1) } }, run: { color: colour(st.accent) } } }] },
        { reference: 'numbers', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: tw(st.bodySize * 1.8), hanging: tw(st.bodySize * 1.3) } } } }] },
      ],
    },
    ...(footnotes ? { footnotes: notes } : { endnotes: notes }),
    sections: [
      {
        properties: {
          // A cover page carries neither running head nor foot.
          ...(cover ? { titlePage: true } : {}),
          footnoteProperties: { numberFormat: { type: NumberFormat.DECIMAL } },
          endnoteProperties: { numberFormat: { type: NumberFormat.DECIMAL } },
          page: {
            size: { width: tw(tree.page.width), height: tw(tree.page.height) },
            margin: { top: tw(m.top), right: tw(m.right), bottom: tw(m.bottom), left: tw(m.left), header: tw(m.top * 0.4), footer: tw(m.bottom * 0.4) },
          },
        },
        headers: { default: new Header({ children: [slotsPara(tree.header, 'bottom')] }), ...(cover ? { first: new Header({ children: [new Paragraph({})] }) } : {}) },
        footers: { default: new Footer({ children: [slotsPara(tree.footer, 'top')] }), ...(cover ? { first: new Footer({ children: [new Paragraph({})] }) } : {}) },
        children: [
          ...children,
          ...(!footnotes && tree.notes.length ? [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(tree.notesTitle)] })] : []),
        ],
      },
    ],
  });
  // One call to the docx package: writing the XML and, with a table of contents, laying the pages out.
  steps.step(10, 10, 1, 1, 'writing the document');
  await steps.breathe(1);
  const parts = await packageParts(doc);
  steps.step(80, 80, 1, 1, 'setting document dates');
  // Document dates: the clock is passed in (default: the briefing's date), so output is reproducible.
  const when = (options.now ?? new Date(`${tb.date}T12:00:00Z`)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  finishParts(parts, tree, pagination?.pageCount ?? estimatePageCount(tree));
  const core = parts.get('docProps/core.xml');
  if (typeof core === 'string') parts.set('docProps/core.xml', core.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${when}$3`));
  steps.step(85, 85, 1, 1, 'compressing');
  await steps.breathe(1);
  // One zip, written once: every entry dated by the briefing's date, so the same input gives the same bytes.
  const mtime = new Date(`${tb.date}T12:00:00Z`);
  // [Content_Types].xml first, as Word writes it.
  const names = [...parts.keys()].sort((a, b) => Number(b === CONTENT_TYPES) - Number(a === CONTENT_TYPES));
  const out = zipSync(Object.fromEntries(names.map((name) => { const data = parts.get(name)!; return [name, typeof data === 'string' ? strToU8(data) : data]; })), { level: 6, mtime });
  steps.finish();
  return out;
}

const CONTENT_TYPES = '[Content_Types].xml';

/** A part of the XML the docx package writes, before it is text: elements as `{ name: children }`. */
type Xmlable = { readonly [name: string]: unknown } | readonly unknown[] | string | number | boolean | null | undefined;

/** The names of the contents' bookmarks (`_Toc…`) and the text of each bookmarked paragraph, in document order. */
function tocBookmarks(body: Xmlable): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const textOf = (x: Xmlable, inT = false): string =>
    typeof x === 'string' ? (inT ? x : '') : Array.isArray(x) ? x.map((c: Xmlable) => textOf(c, inT)).join('') : x && typeof x === 'object' ? Object.entries(x).map(([k, v]) => (k === '_attr' ? '' : textOf(v as Xmlable, inT || k === 'w:t'))).join('') : '';
  const walk = (x: Xmlable): void => {
    if (Array.isArray(x)) return x.forEach((c: Xmlable) => walk(c));
    if (!x || typeof x !== 'object') return;
    for (const [k, v] of Object.entries(x)) {
      if (k === 'w:p' && Array.isArray(v)) {
        const start = v.find((c: Xmlable) => c && typeof c === 'object' && 'w:bookmarkStart' in c) as { 'w:bookmarkStart': { _attr?: Record<string, unknown> } } | undefined;
        const name = start?.['w:bookmarkStart']._attr?.['w:name'];
        if (typeof name === 'string' && name.startsWith('_Toc')) out.push({ name, text: textOf(v) });
      } else if (k !== '_attr') walk(v as Xmlable);
    }
  };
  walk(body);
  return out;
}

/**
 * The page numbers the docx package writes into the contents (and NUMPAGES): the n-th heading it
 * bookmarks is the n-th contents entry, and takes that entry's page in the PDF's pagination. If
 * the headings do not line up (a bookmark whose text is not the entry's), no number is written
 * rather than a wrong one: Word fills them in when the fields are updated.
 */
function contentsPageNumbers(tree: DocTree, pagination: { pageCount: number; headingPages: ReadonlyMap<string, number> }) {
  const entries = contentsEntries(tree);
  return (body: object) => {
    const marks = tocBookmarks(body as Xmlable);
    const bookmarks = new Map<string, string>();
    const lined = marks.length === entries.length && marks.every((m, i) => m.text === entries[i]!.text);
    if (lined)
      marks.forEach((m, i) => {
        const page = pagination.headingPages.get(entries[i]!.id);
        if (page !== undefined) bookmarks.set(m.name, String(page + 1));
      });
    return { bookmarks, pageCount: pagination.pageCount };
  };
}

/** A package part: XML as text, anything else (fonts, the chart's workbook) as bytes. */
type Parts = Map<string, string | Uint8Array>;

interface DocxCompiler {
  compile(doc: Document): Map<string, string | Uint8Array | ArrayBuffer>;
}

/**
 * The package's parts by name, unzipped: from the docx package's compiler, so the XML is
 * zipped once, by us (`Packer` zips it, and its zip entries carry the time of the export); or,
 * if that compiler is not there, from `Packer`'s zip. Embedded zips (a chart's workbook) are
 * written again with a fixed date.
 */
async function packageParts(doc: Document): Promise<Parts> {
  const compiler = (Packer as unknown as { compiler?: DocxCompiler }).compiler;
  const raw: Map<string, string | Uint8Array | ArrayBuffer> =
    compiler && typeof compiler.compile === 'function' ? compiler.compile(doc) : new Map(Object.entries(unzipSync(await Packer.toBuffer(doc))));
  const parts: Parts = new Map();
  for (const [name, data] of raw) {
    const bytes = typeof data === 'string' ? null : data instanceof Uint8Array ? data : new Uint8Array(data);
    if (bytes === null) parts.set(name, data as string);
    else if (/\.(xml|rels)$/.test(name)) parts.set(name, strFromU8(bytes));
    else if (/\.xlsx$/.test(name)) parts.set(name, zipSync(unzipSync(bytes), { level: 6, mtime: FIXED_ZIP_DATE }));
    else parts.set(name, bytes);
  }
  return parts;
}

/** The date written into the entries of an embedded zip (a chart's workbook). */
const FIXED_ZIP_DATE = new Date('2000-01-01T00:00:00Z');

/** Id of the table style every table uses. */
const TABLE_STYLE = 'BriefsmithTable';

/** The table style: header row shaded, banded rows, rules between rows, cell margins. */
function tableStyleXml(tree: DocTree): string {
  const st = tree.style;
  const c = (x: string) => x.replace('#', '').toUpperCase();
  const rule = `w:val="single" w:sz="4" w:space="0" w:color="${c(st.rule)}"`;
  return (
    `<w:style w:type="table" w:customStyle="1" w:styleId="${TABLE_STYLE}"><w:name w:val="Briefsmith Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>` +
    `<w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>` +
    `<w:tblPr><w:tblStyleRowBandSize w:val="1"/><w:tblBorders><w:top ${rule}/><w:bottom ${rule}/><w:insideH ${rule}/></w:tblBorders>` +
    `<w:tblCellMar><w:top w:w="${tw(2.5)}" w:type="dxa"/><w:left w:w="${tw(3.5)}" w:type="dxa"/><w:bottom w:w="${tw(2.5)}" w:type="dxa"/><w:right w:w="${tw(3.5)}" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="${c(st.tableHeaderText)}"/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${c(st.tableHeaderFill)}"/></w:tcPr></w:tblStylePr>` +
    `<w:tblStylePr w:type="band2Horz"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${c(st.tableStripe)}"/></w:tcPr></w:tblStylePr>` +
    `</w:style>`
  );
}

/** XOR the first 32 bytes with a GUID key, as the OOXML font obfuscation does (its own inverse). */
function xorKey(bytes: Uint8Array, key: string): Uint8Array {
  const hex = key.replace(/[{}-]/g, '');
  const k = (hex.match(/../g) ?? []).map((h) => parseInt(h, 16)).reverse();
  const out = new Uint8Array(bytes);
  for (let i = 0; i < 32 && i < out.length; i++) out[i] ^= k[i % k.length];
  return out;
}

/**
 * What the docx package leaves to do, on the written parts: the table style; footnote
 * separators without a note reference; cached values of PAGE and NUMPAGES; NOTEREF results
 * set as note references; fixed font keys (derived from the font bytes, so the same input gives
 * the same file); and the XML sanitiser over every part.
 */
function finishParts(parts: Parts, tree: DocTree, pages: number): void {
  const edit = (name: string, f: (xml: string) => string) => {
    const xml = parts.get(name);
    if (typeof xml === 'string') parts.set(name, f(xml));
  };
  edit('word/styles.xml', (x) => x.replace('</w:styles>', `${tableStyleXml(tree)}</w:styles>`));
  for (const part of ['word/footnotes.xml', 'word/endnotes.xml'])
    edit(part, (x) =>
      // The separator and continuation notes hold only the separator run.
      x.replace(/(<w:(footnote|endnote) w:type="(?:separator|continuationSeparator)"[^>]*>)([\s\S]*?)(<\/w:\2>)/g, (_m, open: string, _k, _body, close: string) => {
        const sep = /continuationSeparator/.test(open) ? '<w:continuationSeparator/>' : '<w:separator/>';
        return `${open}<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r>${sep}</w:r></w:p>${close}`;
      }),
    );
  const cached = (x: string) =>
    x
      .replace(/(<w:instrText[^>]*>\s*(PAGE|NUMPAGES)\s*<\/w:instrText><\/w:r>)(\s*<w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:fldChar w:fldCharType="end"\/>)/g, (_m, instr: string, kind: string, end: string) => {
        const rPr = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(end)?.[0] ?? '';
        return `${instr}<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${rPr}<w:t>${kind === 'PAGE' ? 1 : pages}</w:t></w:r>${end}`;
      })
      .replace(/(<w:fldSimple w:instr="NOTEREF[^"]*"[^>]*>\s*<w:r>)(?!<w:rPr>)/g, `$1<w:rPr><w:rStyle w:val="${tree.citations === 'footnotes' ? 'FootnoteReference' : 'EndnoteReference'}"/></w:rPr>`);
  for (const name of parts.keys()) if (/^word\/(header|footer|document)\d*\.xml$/.test(name)) edit(name, cached);
  // The docx package numbers bookmarks and contents anchors with counters that lives across exports: number them from 1 in each file.
  edit('word/document.xml', (x) => {
    const ids = new Map<string, string>();
    const marks = new Map<string, string>();
    return x
      .replace(/_Toc\d+/g, (m) => ids.get(m) ?? (ids.set(m, `_Toc${ids.size + 1}`), ids.get(m)!))
      .replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)"/g, (_m, head: string, id: string) => `${head}${marks.get(id) ?? (marks.set(id, String(marks.size + 1)), marks.get(id)!)}"`)
      .replace(/(<wp:docPr id=")(\d+)"/g, (() => {
        let n = 0;
        return (_m: string, head: string) => `${head}${++n}"`;
      })());
  });

  // Fixed font keys: the key of each embedded font comes from a hash of its bytes.
  const table = parts.get('word/fontTable.xml');
  const rels = parts.get('word/_rels/fontTable.xml.rels');
  if (typeof table === 'string' && typeof rels === 'string') {
    let out = table;
    for (const m of table.matchAll(/<w:embed\w+ [^>]*?r:id="([^"]+)"[^>]*?w:fontKey="(\{[^}]+\})"[^>]*\/>|<w:embed\w+ [^>]*?w:fontKey="(\{[^}]+\})"[^>]*?r:id="([^"]+)"[^>]*\/>/g)) {
      const rid = m[1] ?? m[4];
      const oldKey = m[2] ?? m[3];
      const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
      const path = target ? `word/${(target[1] ?? target[2]).replace(/^\.?\//, '')}` : null;
      const file = path ? parts.get(path) : undefined;
      if (!path || !(file instanceof Uint8Array)) continue;
      const plain = xorKey(file, oldKey);
      const h = createHash('sha256').update(plain).digest('hex').toUpperCase();
      const newKey = `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
      parts.set(path, xorKey(plain, newKey));
      out = out.split(oldKey).join(newKey);
    }
    parts.set('word/fontTable.xml', out);
  }
  // The docx package gives a chart's relationship a random id: number such ids in each part instead.
  for (const name of [...parts.keys()]) {
    const m = /^(.*?)_rels\/([^/]+)\.rels$/.exec(name);
    const rels = parts.get(name);
    if (!m || typeof rels !== 'string') continue;
    const ids = [...new Set([...rels.matchAll(/\bId="(rId[^"]*[^\d"][^"]*)"/g)].map((x) => x[1]!))];
    if (!ids.length) continue;
    const renamed = (x: string) => ids.reduce((acc, id, i) => acc.split(`"${id}"`).join(`"rIdN${i + 1}"`), x);
    parts.set(name, renamed(rels));
    edit(`${m[1]}${m[2]}`, renamed);
  }
  // The sanitiser at the boundary: no part may carry a character XML 1.0 forbids.
  for (const name of parts.keys()) if (/\.(xml|rels)$/.test(name)) edit(name, xmlSafe);
}
