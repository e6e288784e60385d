/**
 * Extraction speed, measured honestly (issue 13):
 * - a realistic corpus (scripts/bench-corpus.ts): 1,000 distinct generated articles of about
 *   1,000 words, each with its own publication date and outlet, so no cache answers across
 *   articles;
 * - warm-up stated: 20 other articles from another seed run first (language model load, JIT),
 *   outside the timing;
 * - every stage per article (extractArticle) and then the merge of all 1,000, timed apart;
 * - `articles_per_s` is the one-core rate from the CPU time the process used (wall time on a
 *   2-core machine includes GC threads on the second core); the wall rate is given beside it;
 * - merge CPU time at 1,000 and at 5,000 articles (the 5,000 are the 1,000 findings five times
 *   over with renamed people and places, so the merge cannot collapse copies into one block), and
 *   the CPU time to add one article to a 500-article merge (what the app does on an import).
 *
 *   npx tsx scripts/bench-extract.ts     (npm run bench imports it)
 */
import { performance } from 'node:perf_hooks';
import type { Findings } from '../src/model';
import { extractArticle } from '../src/extract';
import { FindingsMerge, mergeFindings } from '../src/extract/merge';
import { buildRealisticCorpus } from './bench-corpus';

const ARTICLES = 1000;
const WARM_UP = 20;

export interface ExtractionBench {
  articles: number;
  words: number;
  warm_up: string;
  /** One-core rate from CPU time, extraction of each article plus the merge of all. */
  articles_per_s: number;
  /** The same from wall-clock time. */
  wall_articles_per_s: number;
  /** Per-article extraction alone, CPU-based. */
  extract_only_articles_per_s: number;
  words_per_s: number;
  merge_1000_ms: number;
  merge_5000_ms: number;
  /** merge time per article at 5,000 over that at 1,000: 1 is linear. */
  merge_scaling: number;
  /** CPU ms to add one article's findings to a 500-article merge and read the result (FindingsMerge), median of 5. */
  merge_add_one_to_500_ms: number;
  peak_rss_mb: number;
  corpus: string;
}

const cpuNow = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};

/** The findings of one article with its people and places renamed, as if from another story. */
function renamed(f: Findings, k: number): Findings {
  const tag = (s: string | null): string | null => (s == null ? s : `${s}${'xyzw'[k % 4]}${k}`);
  const json = JSON.stringify(f, (key, v: unknown) => (typeof v === 'string' && (key === 'name' || key === 'location' || key === 'venue') ? tag(v) : v));
  return JSON.parse(json) as Findings;
}

/** CPU milliseconds of one merge of all the findings. */
function timeMerge(per: readonly Findings[]): number {
  const c0 = cpuNow();
  mergeFindings(per);
  return (cpuNow() - c0) * 1000;
}

/** CPU milliseconds to add one more article to a merge of `base` articles and read the result (median of 5). */
function timeAddOne(per: readonly Findings[], base: number): number {
  const merge = new FindingsMerge();
  for (const f of per.slice(0, base)) merge.add(f);
  merge.result();
  const runs: number[] = [];
  for (const f of per.slice(base, base + 5)) {
    const c0 = cpuNow();
    merge.add(f).result();
    runs.push((cpuNow() - c0) * 1000);
  }
  return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? Number.NaN;
}

export async function benchExtraction(): Promise<ExtractionBench> {
  const { articles, words, corpus } = buildRealisticCorpus(ARTICLES);
  for (const a of buildRealisticCorpus(WARM_UP, 1000, 7).articles) extractArticle(a);
  let peak = process.memoryUsage().rss;
  const c0 = cpuNow();
  const t0 = performance.now();
  const per: Findings[] = [];
  for (let i = 0; i < articles.length; i++) {
    per.push(extractArticle(articles[i]!));
    if (i % 50 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const cExtract = cpuNow() - c0;
  mergeFindings(per);
  const cpuSeconds = cpuNow() - c0;
  const wallSeconds = (performance.now() - t0) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  const merge1000 = Math.min(timeMerge(per), timeMerge(per));
  const five = [...per, ...[1, 2, 3, 4].flatMap((k) => per.map((f) => renamed(f, k)))];
  const merge5000 = timeMerge(five);
  const addOne = timeAddOne(per, 500);
  const r1 = (n: number): number => Math.round(n * 10) / 10;
  return {
    articles: articles.length,
    words,
    warm_up: `${WARM_UP} articles of another seed, untimed`,
    articles_per_s: r1(articles.length / cpuSeconds),
    wall_articles_per_s: r1(articles.length / wallSeconds),
    extract_only_articles_per_s: r1(articles.length / cExtract),
    words_per_s: Math.round(words / cpuSeconds),
    merge_1000_ms: Math.round(merge1000),
    merge_5000_ms: Math.round(merge5000),
    merge_scaling: r1(merge5000 / 5 / merge1000),
    merge_add_one_to_500_ms: Math.round(addOne),
    peak_rss_mb: Math.round(peak / 1e5) / 10,
    corpus,
  };
}

// `npx tsx scripts/bench-extract.ts`: run on its own and print the figures
if (/bench-extract\.ts$/.test(process.argv[1] ?? '')) {
  benchExtraction()
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    });
}
