// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- jsdom ships no types; see jsdom.d.ts
/// <reference path="./jsdom.d.ts" />
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { JSDOM } from 'jsdom';
import { Inflate } from 'fflate';
import { domToLines, flattenNesting } from './html';
import { LimitError, MAX_EXPANDED, MAX_DOCX_DOCUMENT_BYTES, MAX_DOCX_ELEMENTS, MAX_DOCX_PARAGRAPHS, count, formatSize } from './limits';
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

export { MAX_EXPANDED } from './limits';

type Compressed = { compressedContent?: unknown; compression?: { magic?: string } };

/**
 * Inflates every XML part (what mammoth reads) in 64 KB steps, counting the real output and stopping as soon as the
 * total passes MAX_EXPANDED (a zip whose headers declare 9 KB for 2 GB of data is stopped at
 * 512 MB of counting, holding at most one step's output). Returns document.xml's text.
 */
export function realSizes(zip: JSZip): { total: number; documentXml: string } {
  let total = 0;
  let documentXml = '';
  zip.forEach((name, file) => {
    const data = (file as unknown as { _data?: Compressed })._data;
    const raw = data?.compressedContent;
    if (!(raw instanceof Uint8Array)) return;
    // Only the parts mammoth parses; images and other media are never unpacked (images are dropped).
    if (!/\.(?:xml|rels)$/i.test(name)) return;
    const keep = name === 'word/document.xml';
    const parts: Uint8Array[] = [];
    let size = 0;
    const take = (chunk: Uint8Array): void => {
      size += chunk.length;
      total += chunk.length;
      if (total > MAX_EXPANDED) throw new ZipTooLargeError(total);
      if (keep) {
        if (size > MAX_DOCX_DOCUMENT_BYTES) throw new LimitError(`the Word document's text part unpacks to more than ${formatSize(MAX_DOCX_DOCUMENT_BYTES)}`);
        parts.push(chunk.slice());
      }
    };
    if (data?.compression?.magic === '\x08\x00') {
      const inflate = new Inflate((chunk) => take(chunk));
      const STEP = 64 * 1024;
      for (let at = 0; at < raw.length; at += STEP) inflate.push(raw.subarray(at, Math.min(raw.length, at + STEP)), at + STEP >= raw.length);
      if (raw.length === 0) inflate.push(new Uint8Array(0), true);
    } else take(raw);
    if (keep) documentXml = Buffer.concat(parts).toString('utf8');
  });
  return { total, documentXml };
}

/** Refuses a body with more paragraphs or elements than any article has. */
export function checkDocxCounts(xml: string): void {
  let paragraphs = 0;
  const p = /<(?:\w+:)?p[\s>/]/g;
  while (p.exec(xml) !== null) paragraphs++;
  if (paragraphs > MAX_DOCX_PARAGRAPHS) throw new LimitError(`the Word document has ${count(paragraphs)} paragraphs, over the ${count(MAX_DOCX_PARAGRAPHS)} limit for one article`);
  let elements = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) elements++;
  if (elements > MAX_DOCX_ELEMENTS) throw new LimitError(`the Word document has ${count(elements)} XML elements, over the ${count(MAX_DOCX_ELEMENTS)} limit for one article`);
}

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
  checkDocxCounts(realSizes(zip).documentXml);
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
