/**
 * Extraction with each article's own findings kept by key (its content id and the metadata
 * extraction reads): a request extracts only the articles not seen before, then merges all.
 * Used in the extraction worker, and in-process where no worker runs.
 */
import { extractArticle } from '../extract';
import { FindingsMerge } from '../extract/merge';
import type { Article, Findings } from '../model';

export interface ExtractRequest {
  readonly id: number;
  /** The project's articles in order, by key. */
  readonly keys: readonly string[];
  /** The articles the cache may not hold yet (the host sends only those). */
  readonly articles: Readonly<Record<string, Article>>;
}

export type ExtractProgress = (p: { done: number; total: number; label: string }) => void;

export class MissingArticle extends Error {}

/**
 * Each article's findings by key, and the running merge of the project in hand: the keys
 * added to it, in order. A request whose keys extend those keys adds only the new articles;
 * any other request (an article removed, reordered or re-extracted, another project) merges
 * all its articles anew, so the result always equals mergeFindings over the request's keys.
 */
export class ExtractCache extends Map<string, Findings> {
  running: { keys: string[]; merge: FindingsMerge } | null = null;
}

/** The merge holding exactly `keys` in order: the running one extended when it is a prefix, else a new one. */
function mergeFor(cache: ExtractCache, keys: readonly string[]): FindingsMerge {
  const run = cache.running;
  const extends_ = run !== null && run.keys.length <= keys.length && run.keys.every((k, i) => keys[i] === k);
  const next = extends_ ? run : { keys: [] as string[], merge: new FindingsMerge() };
  for (const k of keys.slice(next.keys.length)) {
    next.merge.add(cache.get(k)!);
    next.keys.push(k);
  }
  cache.running = next;
  return next.merge;
}

export function extractCached(cache: ExtractCache, req: ExtractRequest, progress?: ExtractProgress): Findings {
  const todo = req.keys.filter((k) => !cache.has(k));
  todo.forEach((k, i) => {
    const a = req.articles[k];
    if (!a) throw new MissingArticle(k);
    progress?.({ done: i, total: todo.length, label: `Extracting ${i + 1} of ${todo.length}: ${a.title ?? 'untitled article'}` });
    // A key seen anew (evicted, then re-added) must not be merged twice: drop the running merge if it holds it.
    if (cache.running?.keys.includes(k)) cache.running = null;
    cache.set(k, extractArticle(a));
  });
  progress?.({ done: todo.length, total: todo.length, label: 'Merging' });
  const findings = mergeFor(cache, req.keys).result();
  // Keep the cache to about the project in hand.
  if (cache.size > req.keys.length * 2 + 50) {
    const keep = new Set(req.keys);
    for (const k of cache.keys()) if (!keep.has(k)) cache.delete(k);
    if (cache.running?.keys.some((k) => !keep.has(k))) cache.running = null;
  }
  return findings;
}
