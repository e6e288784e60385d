/**
 * Extraction speed on one core: a corpus of 1,000 articles of about 1,000 words each, built
 * from the paragraphs of `assets/samples/*.txt` (rotated, so no two articles are the same text).
 * When the samples are absent it falls back to synthetic text and says so in `corpus`.
 * Every stage runs: sentences, parties, people, delegations, positions, outlook, attacks, merge
 * per article (extractArticle), as the app does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Article } from '../src/model';
import { extractArticle } from '../src/extract';

const ARTICLES = 1000;
const WORDS_PER_ARTICLE = 1000;
const countWords = (s: string): number => s.split(/\s+/).filter(Boolean).length;

function sampleParagraphs(): { paragraphs: string[]; corpus: string } {
  const dir = path.resolve('assets/samples');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort() : [];
  const paragraphs = files.flatMap((f) =>
    readFileSync(path.join(dir, f), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => countWords(l) >= 12),
  );
  if (paragraphs.length >= 10) return { paragraphs, corpus: `assets/samples (${files.length} files, ${paragraphs.length} paragraphs)` };
  // synthetic fallback: the same kinds of sentences the extractor looks for
  const synth: string[] = [];
  for (let i = 0; i < 40; i++) {
    synth.push(
      `Officials from Ukraine and Russia met in Geneva on Monday for talks number ${i}. The Ukrainian delegation was led by Petro Hnat${i}, ` +
        `the defence minister, and included Oksana Lys${i}, a presidential adviser. “We want a lasting ceasefire,” Mr. Hnat${i} said. ` +
        `Russian drones attacked Kharkiv overnight, killing at least ${i % 7} people, regional officials said.`,
    );
  }
  return { paragraphs: synth, corpus: 'synthetic (assets/samples absent)' };
}

export function buildCorpus(): { articles: Article[]; words: number; corpus: string } {
  const { paragraphs, corpus } = sampleParagraphs();
  const articles: Article[] = [];
  let words = 0;
  for (let i = 0; i < ARTICLES; i++) {
    const parts: string[] = [];
    let n = 0;
    for (let k = 0; n < WORDS_PER_ARTICLE; k++) {
      const p = paragraphs[(i * 7 + k) % paragraphs.length];
      parts.push(p);
      n += countWords(p);
    }
    const text = parts.join('\n');
    words += n;
    articles.push({ id: `bench-${i}`, title: null, outlet: null, published: '2026-10-12', byline: null, text, origin: { kind: 'paste' } });
  }
  return { articles, words, corpus };
}

export interface ExtractionBench {
  articles: number;
  words: number;
  /** Wall-clock rates. */
  articles_per_s: number;
  words_per_s: number;
  peak_rss_mb: number;
  /** The same rate from the CPU time the process used: steadier on a machine shared with other work. */
  cpu_articles_per_s: number;
  corpus: string;
}

export async function benchExtraction(): Promise<ExtractionBench> {
  const { articles, words, corpus } = buildCorpus();
  // warm up: load the language model and compile the patterns outside the timing
  extractArticle(articles[0]);
  let peak = process.memoryUsage().rss;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < articles.length; i++) {
    extractArticle(articles[i]);
    if (i % 50 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    articles: articles.length,
    words,
    articles_per_s: Math.round((articles.length / seconds) * 10) / 10,
    words_per_s: Math.round(words / seconds),
    peak_rss_mb: Math.round(peak / 1e5) / 10,
    cpu_articles_per_s: Math.round((articles.length / cpuSeconds) * 10) / 10,
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
