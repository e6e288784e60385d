import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MAX_WORKER_GROWTH, WORKER_HEAP_MB, within, TimeoutError } from './limits';
import type { ParseJob, ParseOutcome } from './parse-job';

/**
 * Runs Markdown, HTML and Word parsing in a worker thread (like the PDF importer), so that a
 * hostile file is stopped for real: the worker has a heap limit, is terminated at the time
 * bound (parsing is synchronous: no timer on the caller's thread could fire), and is also
 * terminated when the process grows by more than MAX_WORKER_GROWTH while it works. One
 * worker is kept and reused; the next file after a stopped one gets a fresh worker.
 *
 * Where the worker's code is: in development and tests the TypeScript source, loaded through
 * tsx; in the bundles, dist/import-worker.mjs beside dist/cli.mjs (or one folder up from
 * dist/main/main.cjs). When no worker can start, jobs run in-process.
 */

function workerEntry(): { entry: string; tsx: string | null } | null {
  try {
    const here = typeof import.meta === 'object' && import.meta.url ? import.meta.url : '';
    if (here.endsWith('.ts')) {
      const req = createRequire(here);
      return { entry: new URL('./parse-worker.ts', here).href, tsx: pathToFileURL(req.resolve('tsx/esm/api')).href };
    }
    const dir = here ? path.dirname(fileURLToPath(here)) : typeof __dirname === 'string' ? __dirname : null;
    if (!dir) return null;
    for (const f of [path.join(dir, 'import-worker.mjs'), path.join(dir, '..', 'import-worker.mjs')]) {
      if (existsSync(f)) return { entry: pathToFileURL(f).href, tsx: null };
    }
    return null;
  } catch {
    return null;
  }
}

const SOURCE = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.entry);
})().catch((e) => { setImmediate(() => { throw e; }); });
`;

interface Slot {
  readonly w: Worker;
  readonly pending: Map<number, (o: ParseOutcome) => void>;
  ready: boolean;
}
let slot: Slot | null = null;
let broken = false;
let nextId = 1;

function settleAll(s: Slot, o: ParseOutcome): void {
  for (const resolve of s.pending.values()) resolve(o);
  s.pending.clear();
}

function getWorker(): Slot | null {
  if (slot) return slot;
  if (broken) return null;
  const where = workerEntry();
  if (!where) {
    broken = true;
    return null;
  }
  try {
    const w = new Worker(SOURCE, { eval: true, workerData: where, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, stdout: true, stderr: true });
    w.stdout.resume();
    w.stderr.resume();
    const s: Slot = { w, pending: new Map(), ready: false };
    w.on('message', (m: { ready?: boolean; id?: number } & ParseOutcome) => {
      if (m.ready) {
        s.ready = true;
        return;
      }
      const resolve = s.pending.get(m.id ?? -1);
      s.pending.delete(m.id ?? -1);
      resolve?.(m);
    });
    w.on('error', (e: Error & { code?: string }) => {
      if (slot === s) slot = null;
      if (!s.ready) {
        // The worker could not even load (an unusual runtime): parse in-process from now on.
        broken = true;
        settleAll(s, { ok: false, kind: 'failed', message: 'no-worker' });
        return;
      }
      const memory = e.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap|memory/i.test(e.message);
      settleAll(s, { ok: false, kind: memory ? 'memory' : 'failed', message: e.message });
    });
    w.on('exit', () => {
      if (slot === s) slot = null;
      settleAll(s, { ok: false, kind: 'failed', message: 'the reader stopped' });
    });
    w.unref();
    slot = s;
    return s;
  } catch {
    broken = true;
    return null;
  }
}

async function inProcess(job: ParseJob, timeoutMs: number): Promise<ParseOutcome> {
  const { runParseJob } = await import('./parse-job');
  try {
    return await within(runParseJob(job), timeoutMs);
  } catch (e) {
    if (e instanceof TimeoutError) return { ok: false, kind: 'timeout', message: e.message };
    throw e;
  }
}

/** Parses in the worker, with the time bound and the memory watch; in-process when no worker runs here. */
export async function parseInWorker(job: ParseJob, timeoutMs: number): Promise<ParseOutcome> {
  const s = getWorker();
  if (!s) return inProcess(job, timeoutMs);
  const { w, pending } = s;
  const id = nextId++;
  const baseline = process.memoryUsage.rss();
  const out = await new Promise<ParseOutcome>((resolve) => {
    const stop = (o: ParseOutcome): void => {
      if (!pending.has(id)) return;
      pending.delete(id);
      clearTimeout(timer);
      clearInterval(watch);
      resolve(o);
      if (slot === s) slot = null;
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
    if (job.format === 'docx') {
      const bytes = new Uint8Array(job.bytes); // a copy, transferred
      w.postMessage({ id, format: 'docx', bytes }, [bytes.buffer]);
    } else w.postMessage({ id, ...job });
  }).finally(() => {
    if (pending.size === 0) w.unref();
  });
  if (!out.ok && out.message === 'no-worker' && broken) return inProcess(job, timeoutMs);
  return out;
}

/** Stops the idle worker (the CLI calls this before it exits; a worker's stdio ports can keep the process alive). */
export async function closeParseWorker(): Promise<void> {
  const s = slot;
  slot = null;
  if (s) await s.w.terminate();
}
