/**
 * Importer fuzzer: `npx tsx scripts/fuzz-import.ts --cases 10000` (also `npm run fuzz -- --cases N`).
 *
 * For each importer (txt, md, html, docx, pdf) it builds valid seed files in-process, then
 * feeds importBytes random bytes, truncations, byte flips, spliced chunks, deeply nested
 * HTML and big files. A case fails when importBytes throws anything but a BriefsmithError,
 * returns an Article that does not match the schema (or whose text is not normalised),
 * takes longer than the time bound (+1 s to stop), or the process grows past the memory bound.
 * Prints per importer: cases, articles, errors by code, failures, max ms per file, peak RSS.
 *
 * Options: --cases N (per importer, default 1000), --seed S, --only txt,pdf, --from I (replay
 * cases I.. of the same seed), --dump DIR (write failing cases there),
 * --bound-ms MS (default 10000), --rss-mb MB (default 3072), --json (summary on stdout).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { importBytes, normaliseText } from '../src/import';
import { ArticleSchema, BriefsmithError } from '../src/model';
import { enc, makeDocx, makePdf, utf16 } from '../tests/fixtures/import/make-fixtures';

type Kind = 'txt' | 'md' | 'html' | 'docx' | 'pdf';
const KINDS: Kind[] = ['txt', 'md', 'html', 'docx', 'pdf'];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const CASES = Number(arg('cases', '1000'));
const SEED = Number(arg('seed', '1'));
const ONLY = arg('only', KINDS.join(',')).split(',') as Kind[];
const BOUND_MS = Number(arg('bound-ms', '10000'));
const RSS_MB = Number(arg('rss-mb', '3072'));
const JSON_OUT = process.argv.includes('--json');
/** Replay: generate cases from 0 (the PRNG must advance) but run only cases >= FROM. */
const FROM = Number(arg('from', '0'));
/** Folder where failing cases are written, to replay them by hand. */
const DUMP = arg('dump', '');
const MAX_BYTES = 50 * 1024 * 1024;

/** Small deterministic PRNG (mulberry32) so a failing case can be replayed with its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN = 'Negotiators met on Sunday for a second round of talks aimed at ending the war, officials said in a statement.';
const RU = 'Переговоры в столице продолжились в воскресенье, и делегации обсудили прекращение огня.';
const AR = 'المفاوضات استؤنفت يوم الأحد في العاصمة.';

async function makeSeeds(): Promise<Record<Kind, Uint8Array[]>> {
  const article = `Truce Talks Resume\nBy Jane Doe | Example News\nPublished: March 23, 2025\n\n${EN}\n${RU}\n${AR}\n`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>T | S</title><meta property="og:site_name" content="Example"><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2025-03-23","author":{"name":"Jane Doe"}}</script></head><body><nav>a b c</nav><article><h1>Headline here</h1>${[EN, RU, AR, EN].map((p) => `<p>${p} <b>bold</b> <a href="/x">link</a></p>`).join('')}<table><tr><td>1</td><td>2</td></tr></table><pre>a\n b</pre></article><script>x()</script></body></html>`;
  const md = `# Truce talks\n\n*By* **Jane Doe**\n\n${EN} [link](http://x)\n\n- ${RU}\n- item\n\n> quote\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\`\`\`\ncode\n\`\`\`\n`;
  return {
    txt: [enc(article), new Uint8Array(iconv.encode(article, 'windows-1251')), utf16(article, 'le', false), utf16(article, 'be', true)],
    md: [enc(md)],
    html: [enc(html), new Uint8Array(iconv.encode(html.replace('utf-8', 'windows-1251'), 'windows-1251'))],
    docx: [await makeDocx({ title: 'T', creator: 'Jane Doe', created: '2025-03-23T00:00:00Z', titleParagraph: 'Title', paragraphs: [EN, RU, AR, EN] })],
    pdf: [await makePdf({ title: 'T', author: 'A', headline: 'Truce Talks Resume', paragraphs: [EN + ' ' + EN, RU, AR], pageBreaksBefore: [2], pageNumbers: true })],
  };
}

type Mutation = 'random' | 'truncate' | 'flip' | 'splice' | 'nested' | 'big' | 'oversize' | 'seed';

function mutate(kind: Kind, seeds: Uint8Array[], r: () => number, i: number): { bytes: Uint8Array; how: Mutation } {
  const int = (n: number): number => Math.floor(r() * n);
  const base = seeds[int(seeds.length)];
  // A few heavy cases at fixed intervals, so that their cost stays bounded.
  if (i % 2500 === 1) return { bytes: new Uint8Array(MAX_BYTES + 1 + int(1000)), how: 'oversize' };
  if (i % 1000 === 2) return { bytes: big(kind, r), how: 'big' };
  if (kind === 'html' && i % 50 === 3) {
    const n = 100 + int(30_000);
    const tag = ['div', 'span', 'b', 'table', 'ul', 'p'][int(6)];
    return { bytes: enc(`<html><body>${`<${tag}>`.repeat(n)}${EN}${r() < 0.5 ? `</${tag}>`.repeat(n) : ''}</body></html>`), how: 'nested' };
  }
  if (kind === 'md' && i % 50 === 3) return { bytes: enc('>'.repeat(1 + int(20_000)) + ' ' + EN + '\n' + '- '.repeat(int(5000)) + 'x'), how: 'nested' };
  if (i % 100 === 4) return { bytes: base, how: 'seed' };
  const roll = r();
  if (roll < 0.15) {
    const n = int(r() < 0.9 ? 4096 : 65536);
    const b = new Uint8Array(n);
    for (let k = 0; k < n; k++) b[k] = int(256);
    // half of them start with the right signature, to get past sniffing
    const sig = kind === 'pdf' ? enc('%PDF-1.7\n') : kind === 'docx' ? new Uint8Array([0x50, 0x4b, 0x03, 0x04]) : kind === 'html' ? enc('<html>') : new Uint8Array(0);
    if (r() < 0.5 && n >= sig.length) b.set(sig, 0);
    return { bytes: b, how: 'random' };
  }
  if (roll < 0.4) return { bytes: base.slice(0, int(base.length)), how: 'truncate' };
  if (roll < 0.85) {
    const b = base.slice();
    const flips = 1 + int(r() < 0.7 ? 4 : 64);
    for (let k = 0; k < flips; k++) b[int(b.length)] = int(256);
    return { bytes: b, how: 'flip' };
  }
  // splice: repeat or drop a chunk
  const a = int(base.length);
  const len = int(Math.min(4096, base.length - a));
  const chunk = base.subarray(a, a + len);
  const at = int(base.length);
  const out = r() < 0.5 ? concat(base.subarray(0, at), chunk, chunk, base.subarray(at)) : concat(base.subarray(0, a), base.subarray(a + len));
  return { bytes: out, how: 'splice' };
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function big(kind: Kind, r: () => number): Uint8Array {
  const mb = 2 + Math.floor(r() * 6);
  const para = `${EN} ${RU}\n`;
  const n = Math.floor((mb * 1024 * 1024) / enc(para).length);
  switch (kind) {
    case 'html':
      return enc(`<html><body><article>${`<p>${para}</p>`.repeat(n)}</article></body></html>`);
    case 'md':
      return enc(`# Big\n\n${para.repeat(n)}`);
    case 'pdf':
      return concat(enc('%PDF-1.4\n'), new Uint8Array(mb * 1024 * 1024).fill(0x20));
    case 'docx':
      return concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), new Uint8Array(mb * 1024 * 1024));
    default:
      return enc(para.repeat(n));
  }
}

interface Stats {
  cases: number;
  articles: number;
  errors: Record<string, number>;
  failures: number;
  overTime: number;
  maxMs: number;
  maxMsCase: string;
  totalMs: number;
  examples: string[];
}

let stray = 0;
process.on('unhandledRejection', (e) => {
  stray++;
  console.error('unhandled rejection:', e);
});
process.on('uncaughtException', (e) => {
  stray++;
  console.error('uncaught exception:', e);
});

async function main(): Promise<void> {
  const seeds = await makeSeeds();
  const results: Record<string, Stats> = {};
  let peakRss = process.memoryUsage().rss;
  let overMemory = 0;
  const started = Date.now();
  for (const kind of ONLY) {
    const s: Stats = { cases: 0, articles: 0, errors: {}, failures: 0, overTime: 0, maxMs: 0, maxMsCase: '', totalMs: 0, examples: [] };
    results[kind] = s;
    const r = rng(SEED * 1000 + KINDS.indexOf(kind));
    for (let i = 0; i < CASES; i++) {
      const { bytes, how } = mutate(kind, seeds[kind], r, i);
      if (i < FROM) continue;
      const label = `${kind}#${i} (${how}, ${bytes.length} bytes)`;
      const t0 = performance.now();
      let failure: string | null = null;
      try {
        const a = await importBytes(bytes, { path: `fuzz-${i}.${kind}`, timeoutMs: BOUND_MS });
        const parsed = ArticleSchema.safeParse(a);
        if (!parsed.success) failure = `invalid Article: ${parsed.error.message.slice(0, 200)}`;
        else if (normaliseText(a.text) !== a.text) failure = 'text is not normalised';
        else if (!a.text.trim()) failure = 'empty text accepted';
        else s.articles++;
      } catch (e) {
        if (e instanceof BriefsmithError) {
          s.errors[e.code] = (s.errors[e.code] ?? 0) + 1;
          if (!e.message.includes(`fuzz-${i}.${kind}`)) failure = `error message does not name the file: ${e.message}`;
        } else failure = `unhandled ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`.slice(0, 300);
      }
      const ms = performance.now() - t0;
      s.cases++;
      s.totalMs += ms;
      if (ms > s.maxMs) {
        s.maxMs = ms;
        s.maxMsCase = label;
      }
      // The importer's own time bound is BOUND_MS; allow 1 s for stopping the work.
      if (ms > BOUND_MS + 1000) {
        s.overTime++;
        failure ??= `took ${Math.round(ms)} ms (bound ${BOUND_MS} ms + 1 s to stop)`;
      }
      const rss = process.memoryUsage().rss;
      peakRss = Math.max(peakRss, rss);
      if (rss > RSS_MB * 1024 * 1024) {
        overMemory++;
        failure ??= `RSS ${Math.round(rss / 1048576)} MB over the ${RSS_MB} MB bound`;
      }
      if (failure) {
        s.failures++;
        if (DUMP) {
          mkdirSync(DUMP, { recursive: true });
          writeFileSync(join(DUMP, `${kind}-${i}.${kind}`), bytes);
        }
        if (s.examples.length < 10) s.examples.push(`${label}: ${failure}`);
      }
      if ((i + 1) % 1000 === 0 && !JSON_OUT) {
        process.stderr.write(`${kind}: ${i + 1}/${CASES} cases, ${s.failures} failures, max ${Math.round(s.maxMs)} ms, rss ${Math.round(rss / 1048576)} MB\n`);
      }
    }
  }
  const maxRssKb = process.resourceUsage().maxRSS;
  const summary = {
    casesPerImporter: CASES,
    seed: SEED,
    boundMs: BOUND_MS,
    rssBoundMb: RSS_MB,
    seconds: Math.round((Date.now() - started) / 1000),
    peakRssMb: Math.round(Math.max(peakRss, maxRssKb * 1024) / 1048576),
    overMemory,
    strayRejections: stray,
    importers: Object.fromEntries(
      Object.entries(results).map(([k, s]) => [k, { ...s, maxMs: Math.round(s.maxMs), meanMs: +(s.totalMs / Math.max(1, s.cases)).toFixed(2), totalMs: Math.round(s.totalMs) }]),
    ),
  };
  if (JSON_OUT) console.log(JSON.stringify(summary, null, 2));
  else {
    console.log(`importer  cases  articles  failures  over-time  max-ms  mean-ms  errors`);
    for (const [k, s] of Object.entries(summary.importers)) {
      const errs = Object.entries(s.errors)
        .map(([c, n]) => `${c}=${n}`)
        .join(' ');
      console.log(`${k.padEnd(8)}  ${String(s.cases).padStart(5)}  ${String(s.articles).padStart(8)}  ${String(s.failures).padStart(8)}  ${String(s.overTime).padStart(9)}  ${String(s.maxMs).padStart(6)}  ${String(s.meanMs).padStart(7)}  ${errs}`);
      if (s.maxMsCase) console.log(`          slowest: ${s.maxMsCase}`);
      for (const ex of s.examples) console.log(`          FAIL ${ex}`);
    }
    console.log(`peak RSS ${summary.peakRssMb} MB; stray rejections ${stray}; ${summary.seconds} s in all`);
  }
  const failed = Object.values(results).some((s) => s.failures > 0) || stray > 0;
  process.exitCode = failed ? 1 : 0;
}

await main();
