import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkerHost } from './worker-host';

/**
 * Runs pdfjs in a bounded worker thread (worker-host.ts) so that a PDF that makes it spin
 * (pdfjs's "fake worker" otherwise runs on the caller's thread, where no timer can interrupt
 * it) is stopped for real: on timeout the worker is terminated and the next PDF gets a fresh
 * one; its heap limit ends a PDF bomb in that worker, not the app. One worker is kept and
 * reused (starting one and loading pdfjs costs ~100 ms).
 *
 * The worker only extracts raw text items and the info dictionary; line and paragraph
 * reconstruction happen in pdf.ts. When a worker cannot be started (an unusual runtime),
 * `extractInWorker` returns null and the caller runs pdfjs in-process instead.
 */
export interface RawItem {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
  eol: boolean;
}
export interface RawPdf {
  info: { Title?: string; Author?: string; CreationDate?: string };
  pages: RawItem[][];
  /** Pages in the file (more than `pages.length` when the import was cut at the page limit). */
  numPages?: number;
}
export type WorkerOutcome =
  | { ok: true; value: RawPdf }
  | { ok: false; kind: 'password' | 'invalid' | 'failed' | 'timeout' | 'memory'; message: string };

/** Worker source: plain CommonJS so it runs from a string in any build (tsx, vitest, esbuild bundles). */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.pdfjsUrl).then((pdfjs) => {
parentPort.on('message', async (job) => {
  try {
    const task = pdfjs.getDocument({ ...workerData.options, data: job.data });
    try {
      const doc = await task.promise;
      let info = {};
      try {
        const m = (await doc.getMetadata()).info || {};
        for (const k of ['Title', 'Author', 'CreationDate']) if (typeof m[k] === 'string') info[k] = m[k];
      } catch {}
      const pages = [];
      const n = Math.min(doc.numPages, job.maxPages);
      for (let p = 1; p <= n; p++) {
        try {
          const page = await doc.getPage(p);
          const c = await page.getTextContent();
          pages.push(c.items.filter((it) => typeof it.str === 'string').map((it) => ({
            str: it.str, x: +it.transform[4] || 0, y: +it.transform[5] || 0, w: +it.width || 0,
            h: +it.height || Math.abs(+it.transform[3]) || 0, eol: !!it.hasEOL })));
          page.cleanup();
        } catch {
          pages.push([]);
        }
      }
      parentPort.postMessage({ id: job.id, ok: true, value: { info, pages, numPages: doc.numPages } });
    } finally {
      await task.destroy().catch(() => {});
    }
  } catch (e) {
    const name = e && e.name ? String(e.name) : '';
    const kind = name === 'PasswordException' ? 'password'
      : ['InvalidPDFException', 'FormatError', 'UnknownErrorException', 'MissingPDFException'].includes(name) ? 'invalid' : 'failed';
    parentPort.postMessage({ id: job.id, ok: false, kind, message: String((e && e.message) || e).slice(0, 300) });
  }
});
parentPort.postMessage({ ready: true });
}, (e) => { setImmediate(() => { throw e; }); });
`;

function pdfjsLocation(): { url: string; dir: string } | null {
  try {
    const req = requireHere();
    const file = req.resolve('pdfjs-dist/legacy/build/pdf.mjs');
    return { url: pathToFileURL(file).href, dir: path.resolve(path.dirname(file), '..', '..') + path.sep };
  } catch {
    return null;
  }
}

function workerData(): unknown {
  const where = pdfjsLocation();
  if (!where) return null;
  return {
    pdfjsUrl: where.url,
    options: pdfjsOptions(where.dir),
  };
}

/**
 * The pdfjs document options both readers use (worker and in-process): no eval, no font faces,
 * no system fonts or fetches, and the cmaps and standard fonts from pdfjs-dist's folder `dir`.
 */
export function pdfjsOptions(dir: string | undefined) {
  return {
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    enableXfa: false,
    cMapUrl: dir == null ? undefined : path.join(dir, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: dir == null ? undefined : path.join(dir, 'standard_fonts') + path.sep,
  };
}

const host = new WorkerHost<{ data: Uint8Array; maxPages: number }, WorkerOutcome>({ name: 'PDF reader', source: SOURCE, data: workerData });

/**
 * Extracts text items with a hard time bound (see worker-host.ts). Returns null when no worker
 * can run here. PDFs are processed one at a time per worker; a timeout terminates the worker
 * (and so fails any PDF queued behind it with 'failed': callers import files one after another).
 */
export async function extractInWorker(bytes: Uint8Array, timeoutMs: number, maxPages: number): Promise<WorkerOutcome | null> {
  const data = new Uint8Array(bytes); // a copy, transferred to the worker
  return host.run({ data, maxPages }, timeoutMs, [data.buffer]);
}

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

/** Stops the idle PDF worker (the CLI calls this before it exits). */
export async function closePdfWorker(): Promise<void> {
  await host.close();
}
