/**
 * Where a service worker's code is, and the small script that loads it: in development and
 * tests the TypeScript source beside this file, loaded through tsx; in a bundle,
 * `<name>.mjs` beside it (or one folder up). Null when this build has no such file (the caller
 * then does the work in-process). Shared by the extraction and autosave hosts.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The service workers, by the name of their source file (and bundle) without extension. */
export type ServiceWorkerName = 'extract-worker' | 'autosave-worker';

export interface WorkerEntry {
  readonly entry: string;
  /** tsx's ESM entry, to register before loading TypeScript; null for a bundle. */
  readonly tsx: string | null;
}

export function workerEntry(name: ServiceWorkerName): WorkerEntry | null {
  try {
    const here = typeof import.meta === 'object' && import.meta.url ? import.meta.url : '';
    if (here.endsWith('.ts')) {
      const req = createRequire(here);
      // tsx's ESM entry (the `import` condition; require.resolve would give the CommonJS one, which cannot register ESM hooks).
      const tsx = path.join(path.dirname(req.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs');
      return { entry: new URL(`./${name}.ts`, here).href, tsx: pathToFileURL(tsx).href };
    }
    const dir = here ? path.dirname(fileURLToPath(here)) : typeof __dirname === 'string' ? __dirname : null;
    if (!dir) return null;
    for (const f of [path.join(dir, `${name}.mjs`), path.join(dir, '..', `${name}.mjs`)]) if (existsSync(f)) return { entry: pathToFileURL(f).href, tsx: null };
    return null;
  } catch {
    return null;
  }
}

/** The worker's script (`eval: true`, `workerData` a `WorkerEntry`): registers tsx when needed, then loads the entry. */
export const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.entry);
})().catch((e) => { setImmediate(() => { throw e; }); });
`;

/**
 * Starts a service worker with its output drained, or null when this build has no such worker
 * (the caller then works in-process). Throws what `new Worker` throws.
 */
export function startServiceWorker(name: ServiceWorkerName): Worker | null {
  const where = workerEntry(name);
  if (!where) return null;
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: where, stdout: true, stderr: true });
  w.stdout.resume();
  w.stderr.resume();
  return w;
}
