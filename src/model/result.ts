/**
 * Errors the core reports to people. `code` is for programs, `message` for the analyst:
 * it names the file (when there is one) and says what is wrong and what to do.
 */
export type BriefsmithErrorCode =
  | 'unsupported-format'
  | 'empty'
  | 'corrupt'
  | 'too-large'
  | 'unreadable'
  | 'invalid-input'
  | 'not-found'
  | 'newer-version'
  | 'cancelled'
  | 'internal';

export class BriefsmithError extends Error {
  override readonly name = 'BriefsmithError';
  constructor(
    readonly code: BriefsmithErrorCode,
    message: string,
    readonly file: string | null = null,
  ) {
    super(message);
  }
}

/** A value or an error, for work that must go on past one failure (batches of files). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ResultError };

/** The error half of a `Result`: plain data, so it survives IPC. */
export interface ResultError {
  code: BriefsmithErrorCode;
  message: string;
  file: string | null;
  /** A project that could not be opened but whose backup (`file.bak`) opens cleanly. */
  backup?: { path: string; savedAt: string | null };
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (e: unknown, file: string | null = null): Result<never> => {
  if (e instanceof BriefsmithError) return { ok: false, error: { code: e.code, message: e.message, file: e.file ?? file } };
  const message = e instanceof Error ? e.message : String(e);
  return { ok: false, error: { code: 'internal', message, file } };
};

/** Progress of long work: `done` of `total` steps, with a short label for people. */
export type Progress = (p: { done: number; total: number; label: string }) => void;

/** Lets long work stop early; checked between steps. */
export interface CancelToken {
  readonly cancelled: boolean;
}
