/** Size and time bounds for importing one file. */

/** Default size limit for one file: 50 MB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/**
 * Default time bound for one file's parsing (all formats but plain text run in a worker that is
 * terminated at this bound): 20 s, so a hostile file ends well within 25 s.
 */
export const DEFAULT_TIMEOUT_MS = 20_000;
/** Heap limit of the parsing workers; buffers outside the heap are bounded by MAX_WORKER_GROWTH. */
export const WORKER_HEAP_MB = 1024;
/** A parsing worker is stopped when the process grows by more than this while it runs (Flate bombs: pdfjs buffers live outside the heap). */
export const MAX_WORKER_GROWTH = 1536 * 1024 * 1024;
/** Most paragraphs read from one Word document (a long report has a few thousand). */
export const MAX_DOCX_PARAGRAPHS = 20_000;
/** Most XML elements in one Word document body. */
export const MAX_DOCX_ELEMENTS = 1_000_000;
/** Most unpacked bytes of document.xml (checked while inflating). */
export const MAX_DOCX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** Deepest list or quotation nesting read from a Markdown file. */
export const MAX_MARKDOWN_DEPTH = 100;
/** Most HTML elements in one page. */
export const MAX_HTML_ELEMENTS = 500_000;

/**
 * Limit on the total unpacked size of a .docx: checked from the zip directory before anything
 * is unpacked, then again with the real sizes while inflating (headers can lie).
 */
export const MAX_EXPANDED = 512 * 1024 * 1024;

/** A file over one of the limits above: `message` says which, in words for the user (no file name). */
export class LimitError extends Error {}

/** Thousands separators for limit messages. */
export const count = (n: number): string => n.toLocaleString('en-US');

export class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`took longer than ${ms} ms`);
  }
}

/**
 * Races `work` against a timer. The timer can only fire while `work` awaits (pdfjs and
 * mammoth yield between pages and parts), so it bounds asynchronous stalls; `onTimeout`
 * then tells the library to stop (pdfjs: destroy the loading task). Synchronous parsing
 * (jsdom, marked) is bounded instead by limiting what it is given (nesting, size).
 */
export async function within<T>(work: Promise<T>, ms: number, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      try {
        onTimeout?.();
      } catch {
        // the library is already being torn down
      }
      reject(new TimeoutError(ms));
    }, ms);
    timer.unref?.();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
  }
}

export function formatSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
