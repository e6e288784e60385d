import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TimeoutError, within } from './limits';
import type { ParseJob, ParseOutcome } from './parse-job';
import { WorkerHost } from './worker-host';

/**
 * Runs Markdown, HTML and Word parsing in a bounded worker thread (worker-host.ts: heap limit,
 * terminated at the time bound or when the process grows too much; one worker reused), so
 * that a hostile file is stopped for real.
 *
 * Where the worker's code is: in development and tests the TypeScript source, loaded through
 * tsx; in the bundles, dist/import-worker.mjs beside dist/cli.cjs (or one folder up from
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

const host = new WorkerHost<ParseJob, ParseOutcome>({ name: 'reader', source: SOURCE, data: workerEntry });

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
  if (job.format === 'docx') {
    const bytes = new Uint8Array(job.bytes); // a copy, transferred
    return (await host.run({ format: 'docx', bytes }, timeoutMs, [bytes.buffer])) ?? inProcess(job, timeoutMs);
  }
  return (await host.run(job, timeoutMs)) ?? inProcess(job, timeoutMs);
}

/** Stops the idle worker (the CLI calls this before it exits; a worker's stdio ports can keep the process alive). */
export async function closeParseWorker(): Promise<void> {
  await host.close();
}
