import type { Article, ArticleOrigin, Progress, Result } from '../model/index';
import { BriefsmithError, fail, ok } from '../model/result';
import { readError, readRegularFile } from './read-file';
import { declaredCharset } from './charset';
import { controlRatio, decodeBytes } from './decode';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, MAX_EXPANDED, TimeoutError, formatSize } from './limits';
import { blankFurniture } from './furniture';
import { detectTextMetadata, type TextMetadata } from './metadata';
import { articleId, normaliseText } from './normalise';
import { parseInWorker } from './parse-host';
import type { ParseJob, Parsed } from './parse-job';
import { MAX_PAGES, PdfInvalidError, PdfMemoryError, PdfPasswordError, readPdf } from './pdf';
import { sniff } from './sniff';

/**
 * Article import: one importer per format (txt, md, html, docx, pdf), all returning an
 * `Article` whose `text` is normalised once (see `normaliseText`) and has its page furniture
 * lines blanked (see `blankFurniture`; no offset moves); every later offset refers to that
 * text. Errors are `BriefsmithError`s whose message names the file.
 */
export { articleId, normaliseText } from './normalise';
export { blankFurniture, furnitureKind } from './furniture';
export { detectTextMetadata, parseDate } from './metadata';
export { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './limits';
// Reading a file is its own module, so that a command reading a JSON or notes file loads no importer.
export { readRegularFile } from './read-file';

/** Stops the import workers (Markdown/HTML/Word and PDF); the next import starts fresh ones. */
export async function closeImportWorkers(): Promise<void> {
  const [{ closeParseWorker }, { closePdfWorker }] = await Promise.all([import('./parse-host'), import('./pdf-worker')]);
  await Promise.all([closeParseWorker(), closePdfWorker()]);
}

export const SUPPORTED_EXTENSIONS: readonly string[] = ['.txt', '.md', '.html', '.htm', '.docx', '.pdf'];

export interface ImportOptions {
  /** Shown in errors and stored as the origin path. */
  readonly path: string;
  /** Files larger than this are refused with 'too-large' (default 50 MB). */
  readonly maxBytes?: number;
  /** Bound on parsing time (md, html, docx and pdf are parsed in workers stopped at this bound); default 20 s. */
  readonly timeoutMs?: number;
  /** Told about a file that imported with a loss (a PDF cut at its page limit); the message names the file. */
  readonly warn?: (message: string) => void;
}

type Format = ArticleOrigin extends infer O ? (O extends { kind: 'file'; format: infer F } ? F : never) : never;

const EXTENSION_FORMAT: Record<string, Format> = { '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.docx': 'docx', '.pdf': 'pdf' };

function extensionOf(p: string): string {
  const base = p.split(/[\\/]/).pop() ?? p;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

interface Content {
  readonly text: string;
  readonly meta: Partial<TextMetadata>;
  /** Whether to look for a headline line in the text when the file gave none. */
  readonly titleFromText: boolean;
}

function build(content: Content, path: string, format: Format): Article {
  const text = blankFurniture(normaliseText(content.text));
  if (!text.trim()) throw new BriefsmithError('empty', `${path}: no text found in this ${format.toUpperCase()} file.`, path);
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new BriefsmithError('empty', `${path}: no readable text in this ${format.toUpperCase()} file (only invisible characters, marks or punctuation).`, path);
  }
  const found = detectTextMetadata(text);
  const pick = (a: string | null | undefined, b: string | null): string | null => {
    const v = a?.replace(/\s+/g, ' ').trim();
    return v ? v : b;
  };
  return {
    id: articleId(text),
    title: pick(content.meta.title, content.titleFromText ? found.title : null),
    outlet: pick(content.meta.outlet, found.outlet),
    published: content.meta.published ?? found.published,
    byline: pick(content.meta.byline, found.byline),
    text,
    origin: { kind: 'file', path, format },
  };
}

/** Decodes a text file and refuses binary data. */
function decodeText(bytes: Uint8Array, path: string, declared?: string | null): string {
  const { text } = decodeBytes(bytes, declared);
  if (controlRatio(text) > 0.05) {
    throw new BriefsmithError('corrupt', `${path}: this does not look like a text file (it holds binary data).`, path);
  }
  return text;
}

const WHAT: Record<ParseJob['format'], string> = { md: 'Markdown file', html: 'web page', docx: 'Word document' };

/** Parses Markdown, HTML or Word in the import worker (bounded in time and memory); errors name the file. */
async function parse(job: ParseJob, path: string, timeoutMs: number): Promise<Parsed> {
  const out = await parseInWorker(job, timeoutMs);
  if (out.ok) return out.value;
  const what = WHAT[job.format];
  switch (out.kind) {
    case 'not-word':
      throw new BriefsmithError('unsupported-format', `${path}: this is ${out.message}, not a Word document; Briefsmith reads ${SUPPORTED_EXTENSIONS.join(' ')} files.`, path);
    case 'zip-too-large':
      throw new BriefsmithError('too-large', `${path}: the Word document unpacks to more than the ${formatSize(MAX_EXPANDED)} limit${out.expanded ? ` (${formatSize(out.expanded)} counted)` : ''}.`, path);
    case 'limit':
      throw new BriefsmithError('too-large', `${path}: ${out.message}.`, path);
    case 'range':
      throw new BriefsmithError('corrupt', `${path}: the ${what}'s structure is too deeply nested or too large to read.`, path);
    case 'timeout':
      throw new BriefsmithError('unreadable', `${path}: reading this ${what} took longer than ${Math.round(timeoutMs / 1000)} s; the file may be damaged or built to stall readers.`, path);
    case 'memory':
      throw new BriefsmithError('too-large', `${path}: reading this ${what} needs more memory than Briefsmith allows for one file; it may be damaged.`, path);
    default:
      throw new BriefsmithError('corrupt', `${path}: the ${what} is damaged and cannot be read (${out.message.split('\n')[0].slice(0, 160)}).`, path);
  }
}

async function importAs(format: Format, bytes: Uint8Array, path: string, timeoutMs: number, warn?: (m: string) => void): Promise<Article> {
  switch (format) {
    case 'txt':
      return build({ text: decodeText(bytes, path), meta: {}, titleFromText: true }, path, 'txt');
    case 'md': {
      const md = await parse({ format: 'md', text: normaliseText(decodeText(bytes, path)) }, path, timeoutMs);
      return build({ text: md.lines.join('\n'), meta: { title: md.firstHeading }, titleFromText: false }, path, 'md');
    }
    case 'html': {
      const html = decodeText(bytes, path, declaredCharset(bytes));
      const c = await parse({ format: 'html', text: html }, path, timeoutMs);
      return build({ text: c.lines.join('\n'), meta: c, titleFromText: false }, path, 'html');
    }
    case 'docx': {
      const c = await parse({ format: 'docx', bytes }, path, timeoutMs);
      return build({ text: c.lines.join('\n'), meta: { title: c.title ?? c.firstHeading, byline: c.byline, published: c.published }, titleFromText: false }, path, 'docx');
    }
    case 'pdf': {
      let c;
      try {
        c = await readPdf(bytes, timeoutMs);
      } catch (e) {
        if (e instanceof PdfPasswordError) throw new BriefsmithError('unreadable', `${path}: the PDF is password-protected; remove the password and import it again.`, path);
        if (e instanceof PdfMemoryError) throw new BriefsmithError('too-large', `${path}: the PDF needs more memory to read than Briefsmith allows for one file; it may be damaged.`, path);
        if (e instanceof PdfInvalidError) throw new BriefsmithError('corrupt', `${path}: the PDF is damaged or not a PDF (${e.message}).`, path);
        throw asCorrupt(e, path, 'PDF');
      }
      if (c.cutFrom) warn?.(`${path}: the PDF has ${c.cutFrom.toLocaleString('en-US')} pages; only the first ${MAX_PAGES.toLocaleString('en-US')} were imported.`);
      if (c.lines.length === 0) {
        throw new BriefsmithError('empty', `${path}: the PDF has no text layer (a scan or images only?); run OCR on it first.`, path);
      }
      return build({ text: c.lines.join('\n'), meta: c, titleFromText: true }, path, 'pdf');
    }
  }
}

function asCorrupt(e: unknown, path: string, what: string): BriefsmithError {
  if (e instanceof BriefsmithError) return e;
  if (e instanceof TimeoutError) return new BriefsmithError('unreadable', `${path}: reading this ${what} took longer than ${Math.round(e.ms / 1000)} s; the file may be damaged.`, path);
  const reason = e instanceof Error ? e.message.split('\n')[0].slice(0, 160) : String(e).slice(0, 160);
  return new BriefsmithError('corrupt', `${path}: the ${what} is damaged and cannot be read (${reason}).`, path);
}

/**
 * Imports one file's bytes. The extension picks the importer; the content overrides it
 * when they disagree (a PDF or HTML page named .txt, a .docx that is really a PDF). A zip
 * that is not a Word document, a legacy .doc, images and other binaries are refused with
 * 'unsupported-format'.
 */
export async function importBytes(bytes: Uint8Array, options: ImportOptions): Promise<Article> {
  const path = options.path;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (bytes.length === 0) throw new BriefsmithError('empty', `${path}: the file is empty.`, path);
  if (bytes.length > maxBytes) {
    throw new BriefsmithError('too-large', `${path}: the file is ${formatSize(bytes.length)}, over the ${formatSize(maxBytes)} limit for one article.`, path);
  }
  const ext = extensionOf(path);
  const byName = EXTENSION_FORMAT[ext] as Format | undefined;
  const seen = sniff(bytes);
  let format: Format;
  switch (seen.kind) {
    case 'pdf':
      format = 'pdf';
      break;
    case 'zip':
      format = 'docx';
      break;
    case 'html':
      format = byName === 'md' ? 'md' : 'html';
      break;
    case 'other':
      throw new BriefsmithError('unsupported-format', `${path}: this is ${seen.what}; Briefsmith reads ${SUPPORTED_EXTENSIONS.join(' ')} files.`, path);
    case 'text':
      if (byName === 'pdf' || byName === 'docx') {
        throw new BriefsmithError('corrupt', `${path}: not a valid ${byName.toUpperCase()} file (its signature is missing; the file may be damaged or renamed).`, path);
      }
      if (!byName) {
        throw new BriefsmithError('unsupported-format', `${path}: unknown file type${ext ? ` "${ext}"` : ''}; Briefsmith reads ${SUPPORTED_EXTENSIONS.join(' ')} files.`, path);
      }
      format = byName;
      break;
  }
  try {
    return await importAs(format, bytes, path, timeoutMs, options.warn);
  } catch (e) {
    if (e instanceof BriefsmithError) throw e;
    if (e instanceof RangeError) throw new BriefsmithError('corrupt', `${path}: the file's structure is too deeply nested or too large to read.`, path);
    throw asCorrupt(e, path, format.toUpperCase() + ' file');
  }
}

/** Imports pasted text. `title` overrides the detected headline. */
export function importText(raw: string, options: { title?: string } = {}): Article {
  const text = blankFurniture(normaliseText(raw));
  if (!text.trim()) throw new BriefsmithError('empty', 'The pasted text is empty.');
  const found = detectTextMetadata(text);
  const title = options.title?.trim() ? options.title.trim() : found.title;
  return { id: articleId(text), title, outlet: found.outlet, published: found.published, byline: found.byline, text, origin: { kind: 'paste' } };
}

/**
 * Imports files one after another; a file that fails gives an error result and the
 * batch goes on. `progress` is called after each file with its path as the label.
 */
export async function importFiles(
  paths: readonly string[],
  options: { readFile?: (p: string) => Promise<Uint8Array>; progress?: Progress; maxBytes?: number; timeoutMs?: number; warn?: (message: string) => void } = {},
): Promise<Array<{ path: string; result: Result<Article> }>> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const out: Array<{ path: string; result: Result<Article> }> = [];
  for (let i = 0; i < paths.length; i++) {
    const p = paths[i];
    let result: Result<Article>;
    try {
      let bytes: Uint8Array;
      try {
        bytes = options.readFile ? await options.readFile(p) : await readRegularFile(p, maxBytes);
      } catch (e) {
        throw readError(e, p);
      }
      result = ok(await importBytes(bytes, { path: p, maxBytes, timeoutMs: options.timeoutMs, warn: options.warn }));
    } catch (e) {
      result = fail(e instanceof BriefsmithError ? e : new BriefsmithError('internal', `${p}: ${e instanceof Error ? e.message : String(e)}`, p), p);
    }
    out.push({ path: p, result });
    options.progress?.({ done: i + 1, total: paths.length, label: p });
  }
  return out;
}
