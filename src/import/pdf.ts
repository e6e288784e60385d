import { createRequire } from 'node:module';
import path from 'node:path';
import { parseMetaDate } from './metadata';
import { TimeoutError, within } from './limits';
import { extractInWorker, pdfjsOptions, type RawItem } from './pdf-worker';

/**
 * A require for resolving packages from this module. Not the bare `require`: in the split ESM
 * bundle esbuild turns it into a stub that exists but cannot resolve, which sent every PDF of
 * the CLI to the in-process fallback (no time or memory bound: a Flate bomb reached 4 GB).
 */
function requireHere(): NodeRequire {
  const here = typeof import.meta === 'object' && import.meta.url ? import.meta.url : null;
  if (here) return createRequire(here);
  return createRequire(typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js'));
}

/**
 * PDF → text with pdfjs-dist's legacy build in Node, run in a worker thread (pdf-worker.ts)
 * for a hard time and memory bound: no font loading, no eval, no network (CMaps and
 * standard fonts are read from the installed package when found). Lines are rebuilt from the text
 * items' positions, then wrapped lines are joined into paragraphs (one paragraph per line
 * of the result); bare page numbers at the top or bottom of a page are left out.
 */
export interface PdfContent {
  readonly lines: string[];
  readonly title: string | null;
  readonly byline: string | null;
  readonly published: string | null;
  /** Pages in the file when only the first MAX_PAGES were read. */
  readonly cutFrom?: number;
}

export class PdfPasswordError extends Error {}
export class PdfInvalidError extends Error {}
/** The worker reading the PDF ran out of its heap (a PDF bomb, or absurdly complex pages). */
export class PdfMemoryError extends Error {}

/** Pages read from one PDF; a longer file is cut here, with a warning. */
export const MAX_PAGES = 2000;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | null = null;
const loadPdfJs = (): Promise<PdfJs> => (loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** pdfjs-dist's own folder (its cmaps and standard fonts lie there), or undefined when it cannot be found. */
function pdfjsDir(): string | undefined {
  try {
    return path.dirname(requireHere().resolve('pdfjs-dist/package.json'));
  } catch {
    return undefined;
  }
}

type Item = RawItem;
interface Line {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

const PAGE_NUMBER = /^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/** Items (in content order) → lines: a new line where the baseline moves by half a line height. */
export function itemsToLines(items: readonly Item[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | null = null;
  let end = 0;
  let breakNext = false;
  for (const it of items) {
    if (!it.str && !it.eol) continue;
    const h = it.h > 0 ? it.h : 10;
    if (!cur || breakNext || Math.abs(it.y - cur.y) > 0.5 * Math.max(h, cur.h)) {
      if (cur && cur.text.trim()) lines.push(cur);
      cur = { text: it.str, x: it.x, y: it.y, w: it.w, h };
    } else {
      const gap = it.x - end;
      if (gap > 0.15 * h && !/\s$/.test(cur.text) && !/^\s/.test(it.str)) cur.text += ' ';
      cur.text += it.str;
      cur.w = Math.max(cur.w, it.x + it.w - cur.x);
      cur.h = Math.max(cur.h, h);
    }
    end = it.x + it.w;
    breakNext = it.eol;
  }
  if (cur && cur.text.trim()) lines.push(cur);
  for (const l of lines) l.text = l.text.replace(/\s+/g, ' ').trim();
  return lines.filter((l) => l.text);
}

const ENDS_SENTENCE = /[.!?…:"”»)]$/u;

/** Joins wrapped lines into paragraphs: a paragraph ends at a short line, a wider gap, or a change of type size. */
export function linesToParagraphs(pages: readonly Line[][]): string[] {
  const out: string[] = [];
  let para = '';
  let last: Line | null = null;
  let lastPageEnd = false;
  const push = (): void => {
    if (para.trim()) out.push(para.trim());
    para = '';
  };
  const join = (next: string): void => {
    if (!para) para = next;
    else if (/\p{L}-$/u.test(para) && /^\p{Ll}/u.test(next)) para += next;
    else para += ' ' + next;
  };
  for (const page of pages) {
    const widths = page.map((l) => l.w).sort((a, b) => a - b);
    const full = widths[Math.floor(widths.length * 0.9)] ?? 0;
    const gaps: number[] = [];
    for (let i = 1; i < page.length; i++) {
      const dy = page[i - 1].y - page[i].y;
      if (dy > 0 && Math.abs(page[i].h - page[i - 1].h) < 0.5) gaps.push(dy);
    }
    gaps.sort((a, b) => a - b);
    const typical = gaps[Math.floor(gaps.length / 2)] ?? 0;
    page.forEach((line, i) => {
      if (i === 0) {
        if (lastPageEnd && last && !ENDS_SENTENCE.test(para) && /^\p{Ll}/u.test(line.text)) join(line.text);
        else {
          push();
          para = line.text;
        }
      } else {
        const prev = page[i - 1];
        const dy = prev.y - line.y;
        const newPara =
          dy <= 0 ||
          (typical > 0 && dy > typical * 1.4) ||
          Math.abs(line.h - prev.h) > Math.max(0.5, prev.h * 0.15) ||
          (full > 0 && prev.w < full * 0.7) ||
          line.x > prev.x + prev.h * 1.5;
        if (newPara) {
          push();
          para = line.text;
        } else join(line.text);
      }
      last = line;
    });
    lastPageEnd = page.length > 0;
  }
  push();
  return out;
}

function infoString(info: unknown, key: string): string | null {
  if (!info || typeof info !== 'object') return null;
  const v = (info as Record<string, unknown>)[key];
  return typeof v === 'string' && v.trim() ? v.replace(/\s+/g, ' ').trim() : null;
}

/** A PDF Title that is only a file name or an editor's label is no title. */
function usefulTitle(t: string | null): string | null {
  if (!t) return null;
  const s = t.replace(/^Microsoft (?:Word|PowerPoint) - /i, '').trim();
  if (!s || /\.(?:docx?|pdf|odt|rtf|txt|html?|indd|pages)$/i.test(s) || /^untitled\b/i.test(s)) return null;
  return s;
}

function toContent(info: unknown, pageItems: readonly Item[][]): PdfContent {
  const pages = pageItems.map((items) => {
    const lines = itemsToLines(items);
    while (lines.length > 0 && PAGE_NUMBER.test(lines[0].text)) lines.shift();
    while (lines.length > 0 && PAGE_NUMBER.test(lines[lines.length - 1].text)) lines.pop();
    return lines;
  });
  return {
    lines: linesToParagraphs(pages),
    title: usefulTitle(infoString(info, 'Title')),
    byline: infoString(info, 'Author'),
    published: parseMetaDate(infoString(info, 'CreationDate')),
  };
}

/**
 * Reads a PDF in the worker thread (hard time and memory bound, see pdf-worker.ts), or
 * in-process when no worker can be started here.
 */
export async function readPdf(bytes: Uint8Array, timeoutMs: number): Promise<PdfContent> {
  const out = await extractInWorker(bytes, timeoutMs, MAX_PAGES);
  if (out === null) return readPdfInProcess(bytes, timeoutMs);
  if (out.ok) {
    const c = toContent(out.value.info, out.value.pages);
    const n = out.value.numPages ?? 0;
    return n > MAX_PAGES ? { ...c, cutFrom: n } : c;
  }
  switch (out.kind) {
    case 'password':
      throw new PdfPasswordError('password');
    case 'invalid':
      throw new PdfInvalidError(out.message);
    case 'timeout':
      throw new TimeoutError(timeoutMs);
    case 'memory':
      throw new PdfMemoryError(out.message);
    default:
      throw new Error(out.message);
  }
}

/** pdfjs on this thread: the time bound holds only while pdfjs awaits (see limits.ts). */
export async function readPdfInProcess(bytes: Uint8Array, timeoutMs: number): Promise<PdfContent> {
  const pdfjs = await loadPdfJs();
  // pdfjs may transfer the buffer: give it a copy so the caller's bytes stay intact.
  const data = new Uint8Array(bytes);
  const task = pdfjs.getDocument({ data, ...pdfjsOptions(pdfjsDir()) });
  const stop = (): void => void task.destroy();
  const deadline = Date.now() + timeoutMs;
  const left = (): number => Math.max(1, deadline - Date.now());
  try {
    let doc;
    try {
      doc = await within(task.promise, left(), stop);
    } catch (e) {
      const name = e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
      if (name === 'PasswordException') throw new PdfPasswordError('password');
      if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException' || name === 'MissingPDFException') {
        throw new PdfInvalidError(e instanceof Error ? e.message : String(e));
      }
      throw e;
    }
    let info: unknown = null;
    try {
      info = (await within(doc.getMetadata(), left(), stop)).info;
    } catch {
      info = null;
    }
    const pages: Item[][] = [];
    const n = Math.min(doc.numPages, MAX_PAGES);
    for (let p = 1; p <= n; p++) {
      let items: Item[] = [];
      try {
        const page = await within(doc.getPage(p), left(), stop);
        const content = await within(page.getTextContent(), left(), stop);
        items = content.items
          .filter((it): it is Extract<typeof it, { str: string }> => 'str' in it)
          .map((it) => ({
            str: it.str,
            x: it.transform[4] as number,
            y: it.transform[5] as number,
            w: it.width,
            h: it.height || Math.abs(it.transform[3] as number),
            eol: it.hasEOL,
          }));
        page.cleanup();
      } catch (e) {
        if (Date.now() >= deadline) throw e;
        // one damaged page: keep the others
      }
      pages.push(items);
    }
    const c = toContent(info, pages);
    return doc.numPages > MAX_PAGES ? { ...c, cutFrom: doc.numPages } : c;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
