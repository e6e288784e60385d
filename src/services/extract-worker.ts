/**
 * The extraction worker: keeps each article's own findings by key, extracts only the articles
 * it has not seen, and merges them all. Runs off the thread that answers the window (Electron's
 * main process); started by `extract-host.ts`. An opened project's articles may come from the
 * project worker over a port of their own (`{ prime: port }`, then one `PrimeRequest` on it);
 * the other way, `{ handOver: port, version }` sends the project worker one version's articles
 * and findings (a `HandOver`, or null when that version is gone).
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { ExtractCache, extractUpdate, handOver, MissingArticle, primeCache, type ExtractRequest, type PrimeRequest } from './extract-cache';

const cache = new ExtractCache();
parentPort?.on('message', (m: ExtractRequest | { prime: MessagePort } | { handOver: MessagePort; version: string }) => {
  if ('handOver' in m) {
    m.handOver.postMessage(handOver(cache, m.version));
    m.handOver.close();
    return;
  }
  if ('prime' in m) {
    m.prime.once('message', (p: PrimeRequest) => {
      try {
        primeCache(cache, p);
      } catch (e) {
        // A head start lost: the window's next request names what it lacks.
        if (process.env.BRIEFSMITH_DEBUG) console.error('extract worker prime:', e);
      }
      // the project worker waits for this before main is told the articles are here
      m.prime.postMessage({ primed: true });
      m.prime.close();
    });
    return;
  }
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
