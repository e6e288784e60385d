/**
 * The extraction worker: keeps each article's own findings by key, extracts only the articles
 * it has not seen, and merges them all. Runs off the thread that answers the window (Electron's
 * main process); started by `extract-host.ts`.
 */
import { parentPort } from 'node:worker_threads';
import { ExtractCache, extractUpdate, MissingArticle, type ExtractRequest } from './extract-cache';

const cache = new ExtractCache();
parentPort?.on('message', (m: ExtractRequest) => {
  try {
    // What changed since the findings the window holds: a few items, not the whole project's.
    const update = extractUpdate(cache, m, (p) => parentPort?.postMessage({ id: m.id, progress: p }));
    parentPort?.postMessage({ id: m.id, ok: true, update, timings: cache.timings });
  } catch (e) {
    if (e instanceof MissingArticle) parentPort?.postMessage({ id: m.id, ok: false, message: 'missing', missing: e.message });
    else parentPort?.postMessage({ id: m.id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});
parentPort?.postMessage({ ready: true });
