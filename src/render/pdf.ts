/**
 * DocTree → PDF with pdfkit. Pure: fonts come in as bytes (`RenderResources`), bytes go out.
 *
 * We lay out the text ourselves (line breaking with the embedded font's metrics) so that we
 * know, before drawing, what lands on which page: that gives footnotes at the bottom of the page
 * that cites them, table header rows repeated after a page break, headings kept with what
 * follows, and a clickable table of contents with page numbers. The PDF is tagged (structure
 * tree, document language), has bookmarks for headings and "Page X of Y" on every page.
 *
 * The stages live in their own modules: text layout (`pdf-text`), block layout into rows
 * (`pdf-layout`), pagination (`pdf-paginate`), drawing (`pdf-draw`) and the structure tree
 * (`pdf-tagging`); this file sets up the document and runs them in order.
 */
import PDFDocument from 'pdfkit';
import type { DocTree } from '../compose/doctree';
import { fontkitFont, layoutCache, repairToUnicode } from './fontkit-cache';
import { missingGlyphs, missingGlyphWarning } from './missing-glyphs';
import { drawPages, drawPageSlots, lineDrawer, type Frame } from './pdf-draw';
import { layoutBlocks } from './pdf-layout';
import { paginate } from './pdf-paginate';
import { Tagger } from './pdf-tagging';
import { noteLayout, textLayout, type FontKey } from './pdf-text';
import { installSimpleLayout, type LayoutFont } from './simple-layout';
import { ExportSteps, type ExportControl } from './progress';
import type { RenderResources } from './resources';

/**
 * `control` (optional) receives progress as a share of 100 — laying out blocks, then drawing pages,
 * then writing — and is checked for cancellation between blocks and between pages; its `warn`
 * hears once about characters the embedded fonts cannot draw.
 */
export async function renderPdf(tree: DocTree, resources: RenderResources, control: ExportControl = {}): Promise<Uint8Array> {
  const steps = new ExportSteps(control);
  steps.check();
  const glyphWarning = missingGlyphWarning(missingGlyphs(tree, resources));
  if (glyphWarning) control.warn?.(glyphWarning);
  const { doc, env } = setUp(tree, resources, steps);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const { pages } = await layOut(env);
  await drawPages(pages, env);
  drawPageSlots(doc, tree, env.frame, env.text, pages.length, steps);
  steps.step(92, 92, 1, 1, 'writing the PDF');
  repairToUnicode((doc as unknown as { _fontFamilies: Record<string, unknown> })._fontFamilies);
  doc.end();
  await done;
  const out = uniqueSubsetTags(new Uint8Array(Buffer.concat(chunks)));
  steps.finish();
  return out;
}

/**
 * The PDF's pagination without drawing it: the page count and the page (from 0) each heading
 * starts on, by heading id. The DOCX export numbers its table of contents from this, so both
 * files list the same pages (LibreOffice lays the DOCX out on the same pages, within a page).
 */
export async function pdfPagination(tree: DocTree, resources: RenderResources, control: ExportControl = {}): Promise<{ pageCount: number; headingPages: ReadonlyMap<string, number> }> {
  const { env } = setUp(tree, resources, new ExportSteps(control));
  const { pages, headingPage } = await layOut(env);
  return { pageCount: pages.length, headingPages: headingPage };
}

/** The document, its fonts and what every stage reads (the frame, text and note layout, the tagger). */
function setUp(tree: DocTree, resources: RenderResources, steps: ExportSteps) {
  const { page } = tree;
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
  // Parsed fonts and shaped words are shared between exports (see fontkit-cache).
  const faces: [FontKey, Uint8Array][] = [
    ['R', resources.fonts.regular],
    ['B', resources.fonts.bold],
    ['I', resources.fonts.italic],
    ['BI', resources.fonts.boldItalic],
  ];
  for (const [key, bytes] of faces) {
    const font = fontkitFont<LayoutFont>(bytes);
    installSimpleLayout(font);
    doc.registerFont(key, font as never);
    doc.font(key);
    (doc as unknown as { _font: { layoutCache?: unknown } })._font.layoutCache = layoutCache(bytes);
  }

  const text = textLayout(doc, tree, resources.fonts.regular);
  const frame: Frame = {
    left: page.margins.left,
    textWidth: page.width - page.margins.left - page.margins.right,
    top: page.margins.top,
    bottom: page.height - page.margins.bottom,
    pageWidth: page.width,
    pageHeight: page.height,
  };
  const notes = noteLayout(tree, text, frame.textWidth);
  const tagger = new Tagger(doc);
  const drawLine = lineDrawer(text, tagger);
  return { doc, env: { doc, tree, frame, text, notes, tagger, drawLine, steps } };
}

/** Blocks → rows → pages, and the page of each heading (known before drawing, for the table of contents). */
async function layOut(env: ReturnType<typeof setUp>['env']) {
  const { rows, headingRowIds, headingPage } = await layoutBlocks(env);
  env.steps.step(30, 30, 1, 1, 'breaking pages');
  const { frame, notes, tree } = env;
  const pages = paginate(rows, { top: frame.top, bottom: frame.bottom, footnotes: tree.citations === 'footnotes', noteHeight: notes.heightOf, separatorHeight: notes.separatorHeight });
  for (let p = 0; p < pages.length; p++)
    for (const x of pages[p].placed) {
      const id = headingRowIds.get(x.row);
      if (id) headingPage.set(id, p);
    }
  return { pages, headingPage };
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
