/**
 * DocTree → DOCX with the `docx` package. Word's built-in styles (Title, Heading 1–3 with
 * outline levels, so the TOC and PDF bookmarks work), a TOC whose page numbers are estimated
 * when the file is written (docx/layout; above about 150 pages left to Word, see MAX_TOC_LAYOUT_UNITS), real footnotes or endnotes, header and footer with
 * the marking and "Page X of Y", repeating table header rows, Liberation Sans set explicitly and
 * embedded, document properties, and the chart as a PNG we rasterise ourselves.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  EndnoteReferenceRun,
  FootnoteReferenceRun,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  NumberFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
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
import { estimatePageNumbersWith } from 'docx/layout';
import JSZip from 'jszip';
import { noteText, type Block, type DocTree, type Inline, type PageSlots, type TableBlock } from '../compose/doctree';
import { chartPng } from './chart-png';
import { ExportSteps, type ExportControl } from './progress';
import type { RenderResources } from './resources';

/** Points → twentieths of a point (twips), and half-points for font sizes. */
const tw = (pt: number) => Math.round(pt * 20);
const hp = (pt: number) => Math.round(pt * 2);
const colour = (c: string) => c.replace('#', '').toUpperCase();

/** `progress` and `cancel` (see ExportControl): building paragraphs, laying out and writing, compressing. */
/**
 * Above this many paragraphs, list items, table rows and notes (about 150 pages), laying the pages
 * out to number the table of contents takes minutes and over a gigabyte (a 512-page dossier: 134 s,
 * 1.2 GB, against 12 s without). Then the contents are written with every entry and its link but no
 * page numbers, marked for update: Word fills them in when it opens the file (it asks first).
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

export async function renderDocx(tree: DocTree, resources: RenderResources, options: DocxOptions = {}): Promise<Uint8Array> {
  const steps = new ExportSteps(options);
  steps.check();
  const st = tree.style;
  const font = st.fontFamily;
  const footnotes = tree.citations === 'footnotes';
  const textWidthPt = tree.page.width - tree.page.margins.left - tree.page.margins.right;
  const lineSpacing = Math.round(240 * st.lineHeight);
  const toc = tree.blocks.some((b) => b.kind === 'toc');
  const estimatePages = toc && layoutUnits(tree) <= MAX_TOC_LAYOUT_UNITS;

  const cite = (notes: readonly number[]): ParagraphChild[] =>
    notes.flatMap((n, i) => [
      ...(i ? [new TextRun({ text: ',', superScript: true, color: colour(st.accent) })] : []),
      footnotes ? new FootnoteReferenceRun(n) : new EndnoteReferenceRun(n),
    ]);
  const runs = (inl: readonly Inline[], o: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}): ParagraphChild[] =>
    inl.flatMap((r): ParagraphChild[] =>
      r.kind === 'cite'
        ? cite(r.notes)
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
  const table = (b: TableBlock): Table => {
    const widths = b.columns.map((c) => Math.round(tw(textWidthPt) * c.width));
    const border = { style: BorderStyle.SINGLE, size: 4, color: colour(st.rule) };
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    const cell = (content: readonly Inline[], i: number, header: boolean, rowIndex: number) =>
      new TableCell({
        width: { size: widths[i], type: WidthType.DXA },
        shading: header ? { type: ShadingType.CLEAR, fill: colour(st.tableHeaderFill), color: 'auto' } : rowIndex % 2 === 1 ? { type: ShadingType.CLEAR, fill: colour(st.tableStripe), color: 'auto' } : undefined,
        margins: { top: tw(2.5), bottom: tw(2.5), left: tw(3.5), right: tw(3.5) },
        borders: { top: none, left: none, right: none, bottom: border },
        children: [
          new Paragraph({
            style: 'TableText',
            alignment: b.columns[i].align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
            children: runs(content, header ? { bold: true, color: colour(st.tableHeaderText) } : b.totalRow && rowIndex === b.rows.length - 1 ? { bold: true } : {}),
          }),
        ],
      });
    return new Table({
      width: { size: tw(textWidthPt), type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: border, bottom: border, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, insideHorizontal: border, insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } },
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
        if (b.caption) out.push(new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(b.caption)] }));
        out.push(table(b), new Paragraph({ spacing: { after: 0 }, style: 'Small', children: [] }));
        return out;
      }
      case 'chart': {
        const img = chartPng(b, st, resources.fonts);
        const wPx = Math.round((textWidthPt * 0.9 * 96) / 72);
        return [
          new Paragraph({
            keepNext: false,
            spacing: { before: tw(6), after: tw(6), line: 240, lineRule: LineRuleType.AUTO },
            children: [new ImageRun({ type: 'png', data: img.png, transformation: { width: wPx, height: Math.round((wPx * img.height) / img.width) }, altText: { name: 'Chart', title: b.title, description: b.description } })],
          }),
        ];
      }
      case 'toc':
        return [
          new Paragraph({ style: 'TOCHeading', children: [new TextRun(b.title)] }),
          new TableOfContents(b.title, { hyperlink: true, headingStyleRange: '1-2' }),
        ];
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
    }
  };
  for (const [bi, b] of tree.blocks.entries()) {
    steps.step(0, 10, bi, tree.blocks.length, `building block ${bi + 1} of ${tree.blocks.length}`);
    await steps.breathe();
    children.push(...block(b));
  }

  const notePara = (n: number) => {
    const note = tree.notes[n - 1];
    return new Paragraph({ style: footnotes ? 'FootnoteText' : 'EndnoteText', children: [new TextRun(` ${note ? noteText(note) : ''}`)] });
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
  const buf = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  const fonts = [{ name: font, data: buf(resources.fonts.regular), bold: buf(resources.fonts.bold), italic: buf(resources.fonts.italic), boldItalic: buf(resources.fonts.boldItalic) }];
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
    ...(estimatePages ? { pageNumbers: estimatePageNumbersWith({ guess: true }) } : {}),
    styles: {
      default: {
        document: { run: { font, size: hp(st.bodySize), color: colour(st.text) }, paragraph: { spacing: { after: tw(st.paragraphSpacing), line: lineSpacing, lineRule: LineRuleType.AUTO } } },
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
          footnoteProperties: { numberFormat: { type: NumberFormat.DECIMAL } },
          endnoteProperties: { numberFormat: { type: NumberFormat.DECIMAL } },
          page: {
            size: { width: tw(tree.page.width), height: tw(tree.page.height) },
            margin: { top: tw(m.top), right: tw(m.right), bottom: tw(m.bottom), left: tw(m.left), header: tw(m.top * 0.4), footer: tw(m.bottom * 0.4) },
          },
        },
        headers: { default: new Header({ children: [slotsPara(tree.header, 'bottom')] }) },
        footers: { default: new Footer({ children: [slotsPara(tree.footer, 'top')] }) },
        children: [
          ...children,
          ...(!footnotes && tree.notes.length ? [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(tree.notesTitle)] })] : []),
        ],
      },
    ],
  });
  // One call to the docx package: writing the XML and, with a table of contents, laying the pages out.
  steps.step(10, 10, 1, 1, estimatePages ? 'laying out pages for the table of contents' : 'writing the document');
  await steps.breathe(1);
  const packed = await Packer.toBuffer(doc);
  steps.step(80, 80, 1, 1, 'setting document dates');
  // Document dates: the clock is passed in (default: the briefing's date), so output is reproducible.
  const when = (options.now ?? new Date(`${tb.date}T12:00:00Z`)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const zip = await JSZip.loadAsync(packed);
  const core = await zip.file('docProps/core.xml')?.async('string');
  if (core) {
    zip.file('docProps/core.xml', core.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${when}$3`));
    for (const f of Object.values(zip.files)) f.date = new Date(`${tb.date}T12:00:00Z`);
  }
  steps.step(85, 85, 1, 1, 'compressing');
  const out = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } }, (m) => steps.report(85, 99, m.percent, 100, 'compressing'));
  steps.finish();
  return out;
}
