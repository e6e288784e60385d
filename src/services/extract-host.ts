/**
 * Extraction off the main thread: one worker thread extracts each article and merges them all,
 * keeping every article's own findings, so an import extracts only the new article and
 * re-merges there; Electron's main process keeps answering the window (progress, Cancel, other
 * requests) and only receives the merged findings. Cancel terminates the worker, even in the middle of a
 * long article; the next request starts a fresh one.
 *
 * Where the worker's code is: see `worker-entry.ts`. When no worker can start (no such file
 * in this build), articles are extracted in-process, one per turn of the event loop.
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { BriefsmithError, type Article, type CancelToken, type Findings } from '../model';
import { extractArticle } from '../extract';
import { ExtractCache, extractUpdate, type ExtractProgress, type ExtractRequest, type ExtractTimings } from './extract-cache';
import { applyFindingsUpdate, type FindingsUpdate } from './findings-update';
import { startServiceWorker } from './worker-entry';

type Reply = { id: number; ok: true; update: FindingsUpdate; timings: ExtractTimings } | { id: number; ok: false; message: string; missing?: string };
type Message = ({ ready?: boolean; progress?: undefined } & Reply) | { id: number; progress: { done: number; total: number; label: string }; ready?: undefined };

interface Slot {
  readonly w: Worker;
  readonly pending: Map<number, { resolve: (r: Reply) => void; progress?: ExtractProgress }>;
  /** Keys of the articles this worker has extracted (its cache). */
  readonly known: Set<string>;
  ready: boolean;
}
let slot: Slot | null = null;
let broken = false;
let nextId = 1;
/** The in-process cache, where no worker runs. */
const local = new ExtractCache();
let timings: ExtractTimings = local.timings;
/** How long the last extraction's parts took where it ran (wall ms): for the bench. */
export const lastExtractTimings = (): ExtractTimings => timings;

function settleAll(s: Slot, message: string): void {
  for (const [id, p] of s.pending) p.resolve({ id, ok: false, message });
  s.pending.clear();
}

function getWorker(): Slot | null {
  if (slot) return slot;
  if (broken) return null;
  try {
    const w = startServiceWorker('extract-worker');
    if (!w) {
      broken = true;
      return null;
    }
    const s: Slot = { w, pending: new Map(), known: new Set(), ready: false };
    w.on('message', (m: Message) => {
      if (m.ready) {
        s.ready = true;
        return;
      }
      const p = s.pending.get(m.id);
      if (m.progress) {
        p?.progress?.(m.progress);
        return;
      }
      s.pending.delete(m.id);
      p?.resolve(m as Reply);
    });
    w.on('error', (e: Error) => {
      if (process.env.BRIEFSMITH_DEBUG) console.error('extract worker:', e);
      if (slot === s) slot = null;
      if (!s.ready) broken = true; // could not even load: extract in-process from now on
      settleAll(s, s.ready ? e.message : 'no-worker');
    });
    w.on('exit', () => {
      if (slot === s) slot = null;
      settleAll(s, 'stopped');
    });
    w.unref();
    slot = s;
    return s;
  } catch {
    broken = true;
    return null;
  }
}

const cancelled = (): BriefsmithError => new BriefsmithError('cancelled', 'Extraction was cancelled.');

export interface KeyedArticle {
  readonly key: string;
  /** Null when the window sent only a reference: the article is one the extraction already holds. */
  readonly article: Article | null;
}

/** The findings as what changed since `base`, or the keys of referenced articles the extraction does not hold (send them in full). */
export type ProjectUpdate = { readonly kind: 'update'; readonly update: FindingsUpdate } | { readonly kind: 'missing'; readonly keys: readonly string[] };

const missingOf = (items: readonly KeyedArticle[], holds: (key: string) => boolean): string[] => items.filter((x) => !x.article && !holds(x.key)).map((x) => x.key);

/** Extracts in-process, one article per turn of the event loop, with the same cache rules. */
async function inProcess(items: readonly KeyedArticle[], base: string | null, cancel: CancelToken, progress?: ExtractProgress): Promise<ProjectUpdate> {
  const missing = missingOf(items, (k) => local.has(k));
  if (missing.length) return { kind: 'missing', keys: missing };
  const todo = items.filter((x) => !local.has(x.key));
  for (const [i, x] of todo.entries()) {
    await new Promise((r) => setImmediate(r));
    if (cancel.cancelled) throw cancelled();
    progress?.({ done: i, total: todo.length, label: `Extracting ${i + 1} of ${todo.length}: ${x.article?.title ?? 'untitled article'}` });
    local.set(x.key, extractArticle(x.article as Article));
  }
  if (cancel.cancelled) throw cancelled();
  const update = extractUpdate(local, { id: 0, keys: items.map((x) => x.key), articles: {}, base }, progress);
  timings = local.timings;
  return { kind: 'update', update };
}

/** Where extraction runs now: `worker` once the worker has loaded, `in-process` where none can (a build without the worker file). */
export const extractionThread = (): 'worker' | 'starting' | 'in-process' | 'idle' => (broken ? 'in-process' : slot?.ready ? 'worker' : slot ? 'starting' : 'idle');

/**
 * The merged findings of these articles, as what changed since the findings of version `base`
 * (a full copy when the extraction no longer keeps that version). Only articles the worker has
 * not seen are sent and extracted; progress comes back per article; Cancel terminates the
 * worker at once.
 */
export async function extractProjectUpdate(items: readonly KeyedArticle[], base: string | null, cancel: CancelToken & { onCancel?: (() => void) | null }, progress?: ExtractProgress): Promise<ProjectUpdate> {
  if (cancel.cancelled) throw cancelled();
  const s = getWorker();
  if (!s) return inProcess(items, base, cancel, progress);
  const missing = missingOf(items, (k) => s.known.has(k));
  if (missing.length) return { kind: 'missing', keys: missing };
  const id = nextId++;
  const fresh = items.filter((x) => !s.known.has(x.key));
  const reply = await new Promise<Reply>((resolve) => {
    s.pending.set(id, { resolve, progress });
    cancel.onCancel = () => {
      // Stop for real, even in the middle of a long article: the next request gets a fresh worker.
      if (slot === s) slot = null;
      void s.w.terminate();
    };
    s.w.ref();
    s.w.postMessage({ id, keys: items.map((x) => x.key), articles: Object.fromEntries(fresh.map((x) => [x.key, x.article as Article])), base } satisfies ExtractRequest);
  });
  cancel.onCancel = null;
  if (s.pending.size === 0) s.w.unref();
  if (cancel.cancelled) throw cancelled();
  if (reply.ok) {
    for (const x of items) s.known.add(x.key);
    if (s.known.size > items.length * 2 + 50) {
      s.known.clear();
      for (const x of items) s.known.add(x.key);
    }
    timings = reply.timings;
    return { kind: 'update', update: reply.update };
  }
  if (reply.message === 'no-worker') return inProcess(items, base, cancel, progress);
  if (reply.message === 'missing' && reply.missing !== undefined) {
    // The worker dropped an article it was thought to hold: ask for it again.
    s.known.delete(reply.missing);
    return { kind: 'missing', keys: [reply.missing] };
  }
  if (slot === s) slot = null;
  void s.w.terminate();
  throw new BriefsmithError('internal', `Extraction failed: ${reply.message}`);
}

/** The merged findings of these articles, whole. */
export async function extractProject(items: ReadonlyArray<{ readonly key: string; readonly article: Article }>, cancel: CancelToken & { onCancel?: (() => void) | null }, progress?: ExtractProgress): Promise<Findings> {
  const r = await extractProjectUpdate(items, null, cancel, progress);
  if (r.kind === 'missing') throw new BriefsmithError('internal', `Extraction failed: article ${r.keys[0]} was not at hand.`);
  return applyFindingsUpdate(null, r.update);
}

/**
 * A port straight into the extraction worker, for the project worker to hand it an opened
 * project's articles (a `PrimeRequest`) without main copying them; `primed(keys)` then tells
 * this host the worker holds them (if it is still the same worker). Null where extraction runs
 * in-process.
 */
export function extractionPort(): { readonly port: MessagePort; primed(keys: readonly string[]): void } | null {
  const s = getWorker();
  if (!s) return null;
  const { port1, port2 } = new MessageChannel();
  s.w.postMessage({ prime: port2 }, [port2]);
  return {
    port: port1,
    primed(keys) {
      // A worker stopped meanwhile (Cancel) holds nothing: its successor is not told so.
      if (slot === s) for (const k of keys) s.known.add(k);
    },
  };
}

/**
 * A port on which the extraction worker sends the articles and findings of its version
 * `version` (a `HandOver`, or null when it no longer keeps it), for the project worker to take
 * them (`adopt`) without main copying them. Null where extraction runs in-process or its worker
 * has not started.
 */
export function extractionHandOver(version: string): MessagePort | null {
  const s = slot;
  if (!s || broken) return null;
  const { port1, port2 } = new MessageChannel();
  s.w.postMessage({ handOver: port2, version }, [port2]);
  return port1;
}

/** Starts the worker ahead of the first import, so its start-up is not the analyst's wait. */
export function warmExtractWorker(): void {
  getWorker();
}

/** Ends the worker (tests, app quit). */
export async function closeExtractWorker(): Promise<void> {
  const s = slot;
  slot = null;
  if (s) await s.w.terminate();
}
