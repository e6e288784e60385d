// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- jsdom ships no types; see jsdom.d.ts
/// <reference path="./jsdom.d.ts" />
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { JSDOM } from 'jsdom';
import { domToLines, flattenNesting } from './html';
import { decodeEntities } from './markdown';
import { parseMetaDate } from './metadata';

/**
 * Word .docx → paragraphs as lines. mammoth turns the document body into simple HTML
 * (headings and the Title style as `<h1>`.., images dropped), which is read back with the
 * same block walker as web pages. Core properties (docProps/core.xml) give title, author
 * and creation date.
 */
export interface DocxContent {
  readonly lines: string[];
  readonly title: string | null;
  readonly byline: string | null;
  readonly published: string | null;
  readonly firstHeading: string | null;
}

export class NotWordError extends Error {}
/** The zip's entries would expand past MAX_EXPANDED bytes (a "zip bomb" or an absurd file). */
export class ZipTooLargeError extends Error {
  constructor(readonly expanded: number) {
    super('expands too far');
  }
}

/** Limit on the total unpacked size of a .docx, checked from the zip directory before anything is unpacked. */
export const MAX_EXPANDED = 512 * 1024 * 1024;

/** The sizes JSZip read from the zip directory (internal field; JSZip checks them while unpacking). */
function expandedSize(zip: JSZip): number {
  let total = 0;
  zip.forEach((_, file) => {
    const data = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data;
    if (data && typeof data.uncompressedSize === 'number') total += data.uncompressedSize;
  });
  return total;
}

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", 'p.Title => h1:fresh', "p[style-name='Subtitle'] => h2:fresh", 'p.Subtitle => h2:fresh'];

function xmlField(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]{0,2000}?)</${tag}>`).exec(xml);
  if (!m) return null;
  const v = decodeEntities(m[1].replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
  return v || null;
}

/** Opens the zip; throws NotWordError when it is a zip but not a Word document. */
export async function readDocx(bytes: Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  if (!zip.file('word/document.xml')) {
    const hint = zip.file('content.xml') ? 'an OpenDocument file' : zip.file('xl/workbook.xml') ? 'an Excel workbook' : zip.file('ppt/presentation.xml') ? 'a PowerPoint file' : 'a zip archive';
    throw new NotWordError(hint);
  }
  const expanded = expandedSize(zip);
  if (expanded > MAX_EXPANDED) throw new ZipTooLargeError(expanded);
  const coreFile = zip.file('docProps/core.xml');
  const core = coreFile ? await coreFile.async('string') : '';
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result = await mammoth.convertToHtml(
    { buffer },
    { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
  );
  const frag = JSDOM.fragment(flattenNesting(result.value).html);
  const h = frag.querySelector('h1, h2, h3');
  const firstHeading = h?.textContent?.replace(/\s+/g, ' ').trim() || null;
  return {
    lines: domToLines(frag, false),
    title: xmlField(core, 'dc:title'),
    byline: xmlField(core, 'dc:creator'),
    published: parseMetaDate(xmlField(core, 'dcterms:created')),
    firstHeading,
  };
}
