/**
 * The one place the renderer reaches the outside world: `window.briefsmith`, exposed by the
 * preload in Electron (or by the browser implementation in the end-to-end tests).
 */
import type { BriefsmithBridge } from '../src/services/api';
import type { Result, ResultError } from '../src/model/result';

declare global {
  interface Window {
    briefsmith?: BriefsmithBridge;
  }
}

export function getApi(): BriefsmithBridge {
  const api = window.briefsmith;
  if (!api) throw new Error('The Briefsmith API is not available: start the app through Electron.');
  return api;
}

/** Unwraps a Result; the error's message is meant for people. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly file: string | null,
    /** Set when a project could not be opened but its backup can be. */
    readonly backup: ResultError['backup'] = undefined,
  ) {
    super(message);
  }
}

export async function call<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p;
  if (r.ok) return r.value;
  throw new ApiError(r.error.code, r.error.message, r.error.file, r.error.backup);
}

let jobCounter = 0;
/** A fresh id that tags the progress events of one request. */
export const newJobId = (kind: string): string => `${kind}-${Date.now().toString(36)}-${++jobCounter}`;

/** Reads a dropped file for `importFileContents`. */
export async function fileToBase64(file: Blob): Promise<string> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < buf.length; i += CHUNK) bin += String.fromCharCode(...buf.subarray(i, i + CHUNK));
  return btoa(bin);
}
