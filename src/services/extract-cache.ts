/**
 * Extraction with each article's own findings kept by key (its content id and the metadata
 * extraction reads): a request extracts only the articles not seen before, then merges all.
 * Used in the extraction worker, and in-process where no worker runs.
 */
import { randomUUID } from 'node:crypto';
import { extractArticle } from '../extract';
import { FindingsMerge } from '../extract/merge';
import type { Article, Findings } from '../model';
import { diffFindings, type FindingsUpdate } from './findings-update';

export interface ExtractRequest {
  readonly id: number;
  /** The project's articles in order, by key. */
  readonly keys: readonly string[];
  /** The articles the cache may not hold yet (the host sends only those). */
  readonly articles: Readonly<Record<string, Article>>;
  /** The version of the findings the window holds (`FindingsUpdate.version`), if any: the reply is what changed since. */
  readonly base?: string | null;
}

export type ExtractProgress = (p: { done: number; total: number; label: string }) => void;

/**
 * An opened project's articles, handed to the extraction by the project worker (straight, over
 * a port of their own: main never copies them), with the findings the window holds, kept as
 * version `version`: the window's next request builds on that version with references only.
 */
export interface PrimeRequest {
  readonly keys: readonly string[];
  readonly articles: Readonly<Record<string, Article>>;
  readonly findings: Findings;
  readonly version: string;
}

/**
 * One version of the extraction's findings with the articles it was made from, handed to the
 * project worker (`adopt` in project-jobs.ts) over a port of their own: after an import the
 * extraction holds all of a new project but the analyst's decisions, so its first autosave need
 * not carry the articles and findings through main.
 */
export interface HandOver {
  readonly keys: readonly string[];
  readonly articles: Readonly<Record<string, Article>>;
  readonly findings: Findings;
}

export class MissingArticle extends Error {}

/**
 * Each article's findings by key, and the running merge of the project in hand: the keys
 * added to it, in order. A request whose keys extend those keys adds only the new articles;
 * any other request (an article removed, reordered or re-extracted, another project) merges
 * all its articles anew, so the result always equals mergeFindings over the request's keys.
 */
export class ExtractCache extends Map<string, Findings> {
  running: { keys: string[]; merge: FindingsMerge } | null = null;
  /** Each article's date by key (the merge dates a meeting by its article when the sentence does not). */
  readonly published = new Map<string, string | null>();
  /** Each article by key, while its findings are kept (for `handOver`). */
  readonly articles = new Map<string, Article>();
  /** The last few results by version, so the next reply can be what changed since the one the window holds. */
  readonly versions = new Map<string, Findings>();
  /** The keys each kept version was made from, in order. */
  readonly versionKeys = new Map<string, readonly string[]>();
  /** Versions are unique across caches (a worker started again has a new cache). */
  private readonly name = randomUUID();
  /** How long the last request's parts took here (wall ms), for the bench. */
  timings: ExtractTimings = { extract_ms: 0, merge_ms: 0, diff_ms: 0 };
  private count = 0;
  nextVersion(): string {
    return `${this.name}:${++this.count}`;
  }
}

export interface ExtractTimings {
  /** Extracting the articles not seen before. */
  extract_ms: number;
  /** Adding them to the running merge and reading its result. */
  merge_ms: number;
  /** Finding what changed since the window's version. */
  diff_ms: number;
}

/** How many past results a cache keeps (the window holds one; undo may bring back an older one). */
const KEPT_VERSIONS = 4;

/** The merge holding exactly `keys` in order: the running one extended when it is a prefix, else a new one. */
function mergeFor(cache: ExtractCache, keys: readonly string[]): FindingsMerge {
  const run = cache.running;
  const extends_ = run !== null && run.keys.length <= keys.length && run.keys.every((k, i) => keys[i] === k);
  const next = extends_ ? run : { keys: [] as string[], merge: new FindingsMerge() };
  for (const k of keys.slice(next.keys.length)) {
    next.merge.add(cache.get(k)!, cache.published.get(k) ?? null);
    next.keys.push(k);
  }
  cache.running = next;
  return next.merge;
}

export function extractCached(cache: ExtractCache, req: ExtractRequest, progress?: ExtractProgress): Findings {
  const t0 = performance.now();
  const todo = req.keys.filter((k) => !cache.has(k));
  todo.forEach((k, i) => {
    const a = req.articles[k];
    if (!a) throw new MissingArticle(k);
    progress?.({ done: i, total: todo.length, label: `Extracting ${i + 1} of ${todo.length}: ${a.title ?? 'untitled article'}` });
    // A key seen anew (evicted, then re-added) must not be merged twice: drop the running merge if it holds it.
    if (cache.running?.keys.includes(k)) cache.running = null;
    cache.set(k, extractArticle(a));
    cache.published.set(k, a.published);
    cache.articles.set(k, a);
  });
  progress?.({ done: todo.length, total: todo.length, label: 'Merging' });
  const t1 = performance.now();
  const findings = mergeFor(cache, req.keys).result();
  cache.timings = { extract_ms: t1 - t0, merge_ms: performance.now() - t1, diff_ms: 0 };
  // Keep the cache to about the project in hand.
  if (cache.size > req.keys.length * 2 + 50) {
    const keep = new Set(req.keys);
    for (const k of cache.keys()) if (!keep.has(k)) {
      cache.delete(k);
      cache.published.delete(k);
      cache.articles.delete(k);
    }
    if (cache.running?.keys.some((k) => !keep.has(k))) cache.running = null;
  }
  return findings;
}

/**
 * Extracts a primed project's articles and keeps the window's findings as its version, so the
 * next reply is what changed since them (whatever a newer extractor makes of the articles).
 */
export function primeCache(cache: ExtractCache, req: PrimeRequest): void {
  extractCached(cache, { id: 0, keys: req.keys, articles: req.articles });
  keepVersion(cache, req.version, req.findings, req.keys);
}

function keepVersion(cache: ExtractCache, version: string, findings: Findings, keys: readonly string[]): void {
  cache.versions.set(version, findings);
  cache.versionKeys.set(version, keys);
  for (const v of cache.versions.keys()) {
    if (cache.versions.size <= KEPT_VERSIONS) break;
    cache.versions.delete(v);
    cache.versionKeys.delete(v);
  }
}

/** The findings of a kept version with the articles they were made from; null when the version or one of its articles is gone. */
export function handOver(cache: ExtractCache, version: string): HandOver | null {
  const findings = cache.versions.get(version);
  const keys = cache.versionKeys.get(version);
  if (!findings || !keys) return null;
  const articles: Record<string, Article> = {};
  for (const k of keys) {
    const a = cache.articles.get(k);
    if (!a) return null;
    articles[k] = a;
  }
  return { keys, articles, findings };
}

/**
 * `extractCached`, answered as what changed since the findings of `req.base` (a full copy when
 * that version is not kept), and kept as a new version.
 */
export function extractUpdate(cache: ExtractCache, req: ExtractRequest, progress?: ExtractProgress): FindingsUpdate {
  const findings = extractCached(cache, req, progress);
  const base = req.base ? (cache.versions.get(req.base) ?? null) : null;
  const version = cache.nextVersion();
  const t0 = performance.now();
  const update = diffFindings(base, findings, version, req.base ?? null);
  cache.timings.diff_ms = performance.now() - t0;
  keepVersion(cache, version, findings, req.keys);
  return update;
}
