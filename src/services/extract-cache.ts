/**
 * Extraction with each article's own findings kept by key (its content id and the metadata
 * extraction reads): a request extracts only the articles not seen before, then merges all.
 * Used in the extraction worker, and in-process where no worker runs.
 */
import { extractArticle } from '../extract';
import { mergeFindings } from '../extract/merge';
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

export function extractCached(cache: Map<string, Findings>, req: ExtractRequest, progress?: ExtractProgress): Findings {
  const todo = req.keys.filter((k) => !cache.has(k));
  todo.forEach((k, i) => {
    const a = req.articles[k];
    if (!a) throw new MissingArticle(k);
    progress?.({ done: i, total: todo.length, label: `Extracting ${i + 1} of ${todo.length}: ${a.title ?? 'untitled article'}` });
    cache.set(k, extractArticle(a));
  });
  progress?.({ done: todo.length, total: todo.length, label: 'Merging' });
  const findings = mergeFindings(req.keys.map((k) => cache.get(k)!));
  // Keep the cache to about the project in hand.
  if (cache.size > req.keys.length * 2 + 50) {
    const keep = new Set(req.keys);
    for (const k of cache.keys()) if (!keep.has(k)) cache.delete(k);
  }
  return findings;
}
