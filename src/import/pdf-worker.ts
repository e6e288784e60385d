import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MAX_WORKER_GROWTH, WORKER_HEAP_MB } from './limits';

/**
 * Runs pdfjs in a worker thread so that a PDF that makes it spin (pdfjs's "fake worker"
 * otherwise runs on the caller's thread, where no timer can interrupt it) is stopped for
 * real: on timeout the worker is terminated and the next PDF gets a fresh one. The worker
 * also has a heap limit, so a PDF bomb ends that worker, not the app. One worker is kept
 * and reused (starting one and loading pdfjs costs ~100 ms).
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

const HEAP_MB = WORKER_HEAP_MB;

/** Worker source: plain CommonJS so it runs from a string in any build (tsx, vitest, esbuild bundles). */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let pdfjs = null;
parentPort.on('message', async (job) => {
  try {
    pdfjs ??= await import(workerData.pdfjsUrl);
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

/** A worker and the jobs sent to it (each worker has its own, so a dying worker fails only its jobs). */
interface Slot {
  readonly w: Worker;
  readonly pending: Map<number, (o: WorkerOutcome) => void>;
}
let worker: Slot | null = null;
let broken = false;
let nextId = 1;

function settleAll(slot: Slot, outcome: WorkerOutcome): void {
  for (const resolve of slot.pending.values()) resolve(outcome);
  slot.pending.clear();
}

function getWorker(): Slot | null {
  if (worker) return worker;
  if (broken) return null;
  const where = pdfjsLocation();
  if (!where) {
    broken = true;
    return null;
  }
  try {
    const w = new Worker(SOURCE, {
      eval: true,
      workerData: {
        pdfjsUrl: where.url,
        options: {
          verbosity: 0,
          isEvalSupported: false,
          disableFontFace: true,
          useSystemFonts: false,
          useWorkerFetch: false,
          stopAtErrors: false,
          enableXfa: false,
          cMapUrl: path.join(where.dir, 'cmaps') + path.sep,
          cMapPacked: true,
          standardFontDataUrl: path.join(where.dir, 'standard_fonts') + path.sep,
        },
      },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
      stdout: true,
      stderr: true,
    });
    // pdfjs may print warnings; keep them off the CLI's stdout.
    w.stdout.resume();
    w.stderr.resume();
    const slot: Slot = { w, pending: new Map() };
    w.on('message', (m: { id: number } & WorkerOutcome) => {
      const resolve = slot.pending.get(m.id);
      slot.pending.delete(m.id);
      resolve?.(m);
    });
    w.on('error', (e: Error & { code?: string }) => {
      if (worker === slot) worker = null;
      const memory = e.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap|memory/i.test(e.message);
      settleAll(slot, { ok: false, kind: memory ? 'memory' : 'failed', message: e.message });
    });
    w.on('exit', () => {
      if (worker === slot) worker = null;
      settleAll(slot, { ok: false, kind: 'failed', message: 'the PDF reader stopped' });
    });
    w.unref(); // after the listeners: adding a 'message' listener refs the port again
    worker = slot;
    return slot;
  } catch {
    broken = true;
    return null;
  }
}

/**
 * Extracts text items with a hard time bound. Returns null when no worker can run here.
 * PDFs are processed one at a time per worker; a timeout terminates the worker (and so
 * fails any PDF queued behind it with 'failed': callers import files one after another).
 */
export async function extractInWorker(bytes: Uint8Array, timeoutMs: number, maxPages: number): Promise<WorkerOutcome | null> {
  const slot = getWorker();
  if (!slot) return null;
  const { w, pending } = slot;
  const id = nextId++;
  const data = new Uint8Array(bytes); // a copy, transferred to the worker
  // The heap limit does not cover buffers (a Flate bomb inflates into ArrayBuffers): the
  // process's growth while this PDF is read is watched too, and the worker stopped past it.
  const baseline = process.memoryUsage.rss();
  return new Promise<WorkerOutcome>((resolve) => {
    const stop = (o: WorkerOutcome): void => {
      if (!pending.has(id)) return;
      pending.delete(id);
      clearTimeout(timer);
      clearInterval(watch);
      resolve(o);
      if (worker === slot) worker = null;
      void w.terminate();
    };
    const timer = setTimeout(() => stop({ ok: false, kind: 'timeout', message: `took longer than ${timeoutMs} ms` }), timeoutMs);
    const watch = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > MAX_WORKER_GROWTH) stop({ ok: false, kind: 'memory', message: 'used too much memory' });
    }, 100);
    pending.set(id, (o) => {
      clearTimeout(timer);
      clearInterval(watch);
      resolve(o);
    });
    w.ref();
    w.postMessage({ id, data, maxPages }, [data.buffer]);
  }).finally(() => {
    if (pending.size === 0) w.unref();
  });
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
  const s = worker;
  worker = null;
  if (s) await s.w.terminate();
}
