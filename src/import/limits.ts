/** Size and time bounds for importing one file. */

/** Default size limit for one file: 50 MB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Default time bound for one file's parsing by a library that could hang. */
export const DEFAULT_TIMEOUT_MS = 30_000;

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
