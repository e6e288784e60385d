/**
 * Whole-pipeline fuzzer: `npm run fuzz -- --cases 10000 --seed 1 --jobs 2`.
 *
 * Cases come from fuzz-cases.ts (each case from its own PRNG, so any case can be run alone).
 * What is checked for every case:
 * 1. import: `importBytes` returns an Article that matches its schema, with normalised,
 *    non-empty text, or throws a BriefsmithError whose message names the file; anything else
 *    fails. The import takes at most the bound (10 s, +1 s to stop) of CPU time.
 * 2. extraction: each imported article is extracted (in a batch, with `extractAll` as the CLI
 *    calls it: an article over its budget or size is skipped by name, a correct outcome); the
 *    case's import plus its own extraction take at most 25 s of CPU; the findings match their
 *    schema and every source reference gives its sentence back from the article's text.
 * 3. export: each batch is composed with the dossier template (every section; noncharacters in
 *    title, author and notes), rendered to DOCX and PDF and read back (fuzz-readback.ts): every
 *    XML part of the DOCX parses, the PDF has its header and %%EOF and passes `qpdf --check`.
 *    The compose, render and read-back of a batch (at most --batch articles or --batch-chars
 *    characters) take at most 25 s of CPU.
 * 4. the process never passes the memory bound (2.5 GB RSS).
 * An article identical to one already sent down the pipeline (same text and metadata: a seed
 * file, or a flip inside a part that no importer reads) is counted but not sent again; the
 * pipeline is a function of the articles, so it would give the same result.
 * Besides, a device linked as .txt and a FIFO are imported once per kind (refused by name).
 *
 * Times are CPU time of the process (all threads: the import workers and GC included), so a
 * machine shared with other work does not fail cases; wall times are reported beside them.
 *
 * Options: --kinds txt,pdf (or --only), --cases N per kind (default 1000), --seed S, --jobs J
 * (processes; case i goes to the process a hash of i picks, see `shardOf`), --from I and --to I (run only cases I..), --case I
 * (one case), --max-minutes M (start no case after M minutes), --batch N (default 100),
 * --batch-chars N (default 150000), --dump DIR (write
 * failing cases there), --bound-ms MS (default 10000), --rss-mb MB (default 2560),
 * --import-only, --json (summary on stdout).
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeImportWorkers, importBytes, importFiles, normaliseText } from '../src/import';
import { extractAll } from '../src/extract';
import { compose } from '../src/compose/compose';
import { loadTemplate } from '../src/compose/templates-node';
import { renderDocx } from '../src/render/docx';
import { renderPdf } from '../src/render/pdf';
import { loadRenderResources } from '../src/render/resources-node';
import { type Article, ArticleSchema, BriefingSchema, BriefsmithError } from '../src/model';
import { type Kind, KINDS, type Mutation, fuzzCase, makeSeeds, shardOf } from './fuzz-cases';
import { HAVE_QPDF, cleanupReadback, docxError, findingsError, pdfError } from './fuzz-readback';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const CASES = Number(arg('cases', '1000'));
const SEED = Number(arg('seed', '1'));
const ONLY = arg('kinds', arg('only', KINDS.join(','))).split(',') as Kind[];
const JOBS = Math.max(1, Number(arg('jobs', '1')));
/** `k/n`: this process runs the cases i with shardOf(i, n) === k (set by the parent of --jobs). */
const SHARD = arg('shard', '0/1').split('/').map(Number) as [number, number];
const ONE = arg('case', '');
const FROM = ONE ? Number(ONE) : Number(arg('from', '0'));
const TO = ONE ? Number(ONE) + 1 : Number(arg('to', String(CASES)));
const BOUND_MS = Number(arg('bound-ms', '10000'));
const CASE_MS = 25_000;
const RSS_MB = Number(arg('rss-mb', '2560'));
const JSON_OUT = process.argv.includes('--json');
const DUMP = arg('dump', '');
const BATCH = Number(arg('batch', '100'));
const BATCH_CHARS = Number(arg('batch-chars', '150000'));
const PIPELINE = !process.argv.includes('--import-only');
/** Start no new case after this many minutes (0: no limit); the summary says how far the run got. */
const MAX_MINUTES = Number(arg('max-minutes', '0'));

for (const k of ONLY) if (!KINDS.includes(k)) throw new Error(`--kinds: unknown kind ${k} (${KINDS.join(', ')})`);

interface Stats {
  cases: number;
  articles: number;
  /** Articles sent down the pipeline (the others repeat one already sent). */
  distinct: number;
  /** Articles extraction skipped by name (over the time budget or the size it reads). */
  skipped: number;
  errors: Record<string, number>;
  failures: number;
  overTime: number;
  examples: string[];
  /** Slowest case: import plus its own extraction, CPU ms (and the wall ms of its import). */
  maxCaseCpuMs: number;
  maxCase: string;
  maxImportWallMs: number;
  batches: number;
  maxBatchCpuMs: number;
  maxBatchWallMs: number;
  /** Largest RSS of the process seen after a case or batch of this kind, MB (the process runs every kind). */
  maxRssMb: number;
  /** CPU ms spent per stage, to see where a run's time goes. */
  cpu: { import: number; extract: number; render: number; readback: number };
  byMutation: Partial<Record<Mutation, { cases: number; importCpuMs: number }>>;
}

const newStats = (): Stats => ({
  cases: 0, articles: 0, distinct: 0, skipped: 0, errors: {}, failures: 0, overTime: 0, examples: [],
  maxCaseCpuMs: 0, maxCase: '', maxImportWallMs: 0, batches: 0, maxBatchCpuMs: 0, maxBatchWallMs: 0, maxRssMb: 0,
  cpu: { import: 0, extract: 0, render: 0, readback: 0 }, byMutation: {},
});

interface Summary {
  casesPerKind: number;
  /** The last case number run (lower than cases - 1 when --max-minutes stopped the run). */
  lastCase: number;
  seed: number;
  jobs: number;
  boundMs: number;
  rssBoundMb: number;
  qpdf: boolean;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  overMemory: number;
  strayRejections: number;
  kinds: Record<string, Stats>;
}

/** CPU time of the whole process (every thread: workers and GC included), in ms. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function noteRss(s: Stats): void {
  s.maxRssMb = Math.max(s.maxRssMb, Math.round(process.memoryUsage().rss / 1048576));
}

function failed(s: Stats, what: string): void {
  s.failures++;
  process.stderr.write(`FAIL ${what}\n`);
  if (s.examples.length < 10) s.examples.push(what);
}

/** A FIFO and /dev/zero linked as .txt, in a temp folder (not on Windows). */
function specialFiles(): { paths: string[]; cleanup: () => void } {
  if (process.platform === 'win32') return { paths: [], cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'briefsmith-fuzz-'));
  const paths: string[] = [];
  try {
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    paths.push(join(dir, 'zero.txt'));
    execFileSync('mkfifo', [join(dir, 'fifo.md')]);
    paths.push(join(dir, 'fifo.md'));
  } catch {
    // no mkfifo here: the device alone
  }
  return { paths, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let renderSetup: Promise<{ template: Awaited<ReturnType<typeof loadTemplate>>; resources: Awaited<ReturnType<typeof loadRenderResources>> }> | null = null;

interface Pending {
  readonly article: Article;
  readonly label: string;
  readonly importCpuMs: number;
}

/**
 * Extraction, compose, DOCX and PDF for one batch, and the read-back; a failure is recorded
 * against the batch (its first and last case), a slow article against its case.
 */
async function runBatch(s: Stats, batch: readonly Pending[]): Promise<void> {
  const labels = `pipeline ${batch[0].label} .. ${batch[batch.length - 1].label}`;
  const articles = batch.map((b) => b.article);
  const t0 = performance.now();
  const c0 = cpuMs();
  let c1: number | undefined;
  let t1: number | undefined;
  try {
    renderSetup ??= (async () => ({ template: await loadTemplate('dossier'), resources: await loadRenderResources() }))();
    const { template, resources } = await renderSetup;
    const kept = new Set(articles.map((a) => a.id));
    // extractAll reports each article before extracting it: the CPU between two reports is one article's.
    let mark = cpuMs();
    let at = -1;
    const perArticle = (done: number): void => {
      const now = cpuMs();
      if (at >= 0) {
        const b = batch[at];
        const total = b.importCpuMs + (now - mark);
        if (total > s.maxCaseCpuMs) {
          s.maxCaseCpuMs = total;
          s.maxCase = b.label;
        }
        if (total > CASE_MS) {
          s.overTime++;
          failed(s, `${b.label}: import and extraction took ${Math.round(total)} ms of CPU (bound ${CASE_MS} ms)`);
        }
      }
      at = done;
      mark = now;
    };
    const findings = extractAll(articles, { progress: (p) => perArticle(p.done), skipped: (a) => (kept.delete(a.id), s.skipped++) });
    c1 = cpuMs();
    t1 = performance.now();
    s.cpu.extract += c1 - c0;
    const bad = findingsError(articles, findings);
    if (bad) return failed(s, `${labels}: ${bad}`);
    const briefing = BriefingSchema.parse({ title: 'Fuzz \uFFFE briefing', subtitle: null, date: '2025-03-23', author: 'F\uFFFFuzz', marking: template.defaults.marking, sections: template.sections, templateId: template.id, notes: 'Notes \uFDD0 with noncharacters \uFFFE.' });
    const tree = compose(briefing, { articles: articles.filter((a) => kept.has(a.id)), findings }, template);
    const docx = await renderDocx(tree, resources);
    const pdf = await renderPdf(tree, resources);
    const c2 = cpuMs();
    s.cpu.render += c2 - c1;
    const err = docxError(docx) ?? pdfError(pdf);
    s.cpu.readback += cpuMs() - c2;
    if (err) return failed(s, `${labels}: ${err}`);
  } catch (e) {
    return failed(s, `${labels}: pipeline threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`.slice(0, 400));
  } finally {
    // Extraction is bounded per case above; the batch's own work is compose, render and read-back.
    const cpu = cpuMs() - (c1 ?? c0);
    const ms = performance.now() - (t1 ?? t0);
    s.batches++;
    noteRss(s);
    s.maxBatchCpuMs = Math.max(s.maxBatchCpuMs, cpu);
    s.maxBatchWallMs = Math.max(s.maxBatchWallMs, ms);
    if (cpu > CASE_MS) failed(s, `${labels}: compose, render and read-back of ${batch.length} articles took ${Math.round(cpu)} ms of CPU (${Math.round(ms)} ms wall; bound ${CASE_MS} ms)`);
  }
}

/** Imports one case; returns the article when it imported. */
async function runCase(s: Stats, kind: Kind, i: number, bytes: Uint8Array, label: string): Promise<{ article: Article; cpu: number } | null> {
  const t0 = performance.now();
  const c0 = cpuMs();
  let failure: string | null = null;
  let article: Article | null = null;
  try {
    const a = await importBytes(bytes, { path: `fuzz-${i}.${kind}`, timeoutMs: BOUND_MS });
    const parsed = ArticleSchema.safeParse(a);
    if (!parsed.success) failure = `invalid Article: ${parsed.error.message.slice(0, 200)}`;
    else if (normaliseText(a.text) !== a.text) failure = 'text is not normalised';
    else if (!a.text.trim()) failure = 'empty text accepted';
    else article = a;
  } catch (e) {
    if (e instanceof BriefsmithError) {
      s.errors[e.code] = (s.errors[e.code] ?? 0) + 1;
      if (!e.message.includes(`fuzz-${i}.${kind}`)) failure = `error message does not name the file: ${e.message}`;
      else if (e.message.includes('\n')) failure = `error message is more than one line: ${e.message.slice(0, 200)}`;
    } else failure = `unhandled ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`.slice(0, 300);
  }
  const ms = performance.now() - t0;
  const cpu = cpuMs() - c0;
  s.cpu.import += cpu;
  s.maxImportWallMs = Math.max(s.maxImportWallMs, ms);
  if (cpu > s.maxCaseCpuMs) {
    s.maxCaseCpuMs = cpu;
    s.maxCase = label;
  }
  // The importer's own bound is BOUND_MS (wall clock); allow 1 s to stop the work.
  if (cpu > BOUND_MS + 1000) {
    s.overTime++;
    failure ??= `took ${Math.round(cpu)} ms of CPU, ${Math.round(ms)} ms wall (bound ${BOUND_MS} ms + 1 s to stop)`;
  }
  noteRss(s);
  if (process.memoryUsage().rss > RSS_MB * 1024 * 1024) {
    overMemory++;
    failure ??= `RSS ${Math.round(process.memoryUsage().rss / 1048576)} MB over the ${RSS_MB} MB bound`;
  }
  if (failure) {
    failed(s, `${label}: ${failure}`);
    if (DUMP) {
      mkdirSync(DUMP, { recursive: true });
      writeFileSync(join(DUMP, `seed${SEED}-${kind}-${i}.${kind}`), bytes);
    }
    return null;
  }
  return article ? { article, cpu } : null;
}

let stray = 0;
let overMemory = 0;

/**
 * Imports and extracts the first seed of every kind once, uncounted, so that loading the
 * importers' workers, the tagger and the lexicons (about 2 s of CPU) is not charged to whichever
 * case happens to come first.
 */
async function warmUp(seeds: Awaited<ReturnType<typeof makeSeeds>>): Promise<void> {
  for (const kind of ONLY) {
    try {
      extractAll([await importBytes(seeds[kind][0], { path: `warm-up.${kind}`, timeoutMs: BOUND_MS })]);
    } catch {
      // a seed that does not import is the cases' business, not the warm-up's
    }
  }
}

/** Runs this process's share of the cases (those shardOf gives it). */
async function runShard(): Promise<Summary> {
  process.on('unhandledRejection', (e) => {
    stray++;
    console.error('unhandled rejection:', e);
  });
  process.on('uncaughtException', (e) => {
    stray++;
    console.error('uncaught exception:', e);
  });
  const seeds = await makeSeeds();
  await warmUp(seeds);
  const kinds: Record<string, Stats> = {};
  const started = Date.now();
  const c0 = cpuMs();
  const special = SHARD[0] === 0 ? specialFiles() : { paths: [], cleanup: () => undefined };
  const [shard, of] = SHARD;
  const deadline = MAX_MINUTES > 0 ? started + MAX_MINUTES * 60_000 : Infinity;
  // Kinds are interleaved case by case, so a run stopped by --max-minutes has reached about as far in each.
  const state = new Map(ONLY.map((kind) => [kind, { s: newStats(), seen: new Set<string>(), batch: [] as Pending[], chars: 0 }]));
  for (const [kind, k] of state) {
    kinds[kind] = k.s;
    for (const p of special.paths) {
      const t0 = performance.now();
      const [res] = await importFiles([p], { timeoutMs: BOUND_MS });
      const ms = performance.now() - t0;
      k.s.cases++;
      if (res.result.ok || !res.result.error.message.includes(p) || ms > 5000) failed(k.s, `special ${p}: ${res.result.ok ? 'imported' : `${res.result.error.message} in ${Math.round(ms)} ms`}`);
      else k.s.errors[res.result.error.code] = (k.s.errors[res.result.error.code] ?? 0) + 1;
    }
  }
  let last = FROM - 1;
  const end = Math.min(TO, CASES);
  let mine = 0;
  for (let i = FROM; i < end; i++) if (shardOf(i, of) === shard) mine++;
  let done = 0;
  let reported = started;
  for (let i = FROM; i < end && Date.now() < deadline; i++) {
    if (shardOf(i, of) !== shard) continue;
    last = i;
    for (const [kind, k] of state) {
      const s = k.s;
      const { bytes, how } = fuzzCase(seeds, SEED, kind, i);
      const label = `${kind}#${i} (${how}, ${bytes.length} bytes)`;
      const before = s.cpu.import;
      const got = await runCase(s, kind, i, bytes, label);
      s.cases++;
      const m = (s.byMutation[how] ??= { cases: 0, importCpuMs: 0 });
      m.cases++;
      m.importCpuMs += s.cpu.import - before;
      if (got) {
        s.articles++;
        const { article: a } = got;
        const key = JSON.stringify([a.title, a.outlet, a.published, a.byline, a.text]);
        if (PIPELINE && !k.seen.has(key)) {
          k.seen.add(key);
          s.distinct++;
          k.batch.push({ article: a, label, importCpuMs: got.cpu });
          k.chars += a.text.length;
        }
      }
      if (k.batch.length >= BATCH || k.chars >= BATCH_CHARS) {
        await runBatch(s, k.batch);
        k.batch = [];
        k.chars = 0;
      }
    }
    done++;
    if (Date.now() - reported >= PROGRESS_MS || done === mine) {
      reported = Date.now();
      etaLine(done, mine, started, [...state.values()].map((k) => k.s));
    }
    if (done % 2000 === 0) for (const [kind, k] of state) progressLine(kind, i, k.s);
  }
  for (const [kind, k] of state) {
    if (k.batch.length) await runBatch(k.s, k.batch);
    progressLine(kind, last, k.s);
  }
  special.cleanup();
  cleanupReadback();
  await closeImportWorkers();
  return {
    casesPerKind: CASES,
    lastCase: last,
    seed: SEED,
    jobs: of,
    boundMs: BOUND_MS,
    rssBoundMb: RSS_MB,
    qpdf: HAVE_QPDF,
    seconds: Math.round((Date.now() - started) / 1000),
    cpuSeconds: Math.round((cpuMs() - c0) / 1000),
    peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 1048576),
    overMemory,
    strayRejections: stray,
    kinds,
  };
}

/** How often a process prints its progress and ETA (wall ms). */
const PROGRESS_MS = Number(arg('progress-s', '60')) * 1000;

/** One line: case numbers done of this process's share, failures so far, and when it should end at the rate so far. */
function etaLine(done: number, mine: number, started: number, stats: readonly Stats[]): void {
  const ms = Date.now() - started;
  const left = mine > done ? (ms / done) * (mine - done) : 0;
  const at = new Date(Date.now() + left).toISOString().slice(11, 16);
  const failures = stats.reduce((n, s) => n + s.failures, 0);
  const slow = stats.reduce((m, s) => (s.maxCaseCpuMs > m.maxCaseCpuMs ? s : m), stats[0]);
  process.stderr.write(
    `[${SHARD.join('/')}] ${done}/${mine} case numbers (${((100 * done) / Math.max(1, mine)).toFixed(1)}%) in ${(ms / 60_000).toFixed(1)} min; ETA ${at} UTC (${(left / 60_000).toFixed(1)} min left); ${failures} failures; slowest case ${Math.round(slow?.maxCaseCpuMs ?? 0)} ms CPU${slow?.maxCase ? ` (${slow.maxCase})` : ''}; rss ${Math.round(process.memoryUsage().rss / 1048576)} MB\n`,
  );
}

function progressLine(kind: string, i: number, s: Stats): void {
  process.stderr.write(
    `[${SHARD.join('/')}] ${kind} case ${i}: ${s.cases} cases, ${s.articles} articles (${s.distinct} distinct), ${s.batches} batches, ${s.failures} failures; slowest case ${Math.round(s.maxCaseCpuMs)} ms CPU, batch ${Math.round(s.maxBatchCpuMs)} ms CPU; rss ${Math.round(process.memoryUsage().rss / 1048576)} MB\n`,
  );
}

/** Sums the shards' summaries: counts add up, maxima take the largest. */
function mergeSummaries(parts: Summary[]): Summary {
  const out: Summary = { ...parts[0], kinds: {}, seconds: 0, cpuSeconds: 0, peakRssMb: 0, overMemory: 0, strayRejections: 0, jobs: parts.length };
  for (const p of parts) {
    out.seconds = Math.max(out.seconds, p.seconds);
    out.lastCase = Math.max(out.lastCase, p.lastCase);
    out.cpuSeconds += p.cpuSeconds;
    out.peakRssMb = Math.max(out.peakRssMb, p.peakRssMb);
    out.overMemory += p.overMemory;
    out.strayRejections += p.strayRejections;
    for (const [k, s] of Object.entries(p.kinds)) {
      const t = (out.kinds[k] ??= newStats());
      for (const f of ['cases', 'articles', 'distinct', 'skipped', 'failures', 'overTime', 'batches'] as const) t[f] += s[f];
      for (const [c, n] of Object.entries(s.errors)) t.errors[c] = (t.errors[c] ?? 0) + n;
      for (const f of ['import', 'extract', 'render', 'readback'] as const) t.cpu[f] += s.cpu[f];
      for (const [m, v] of Object.entries(s.byMutation) as Array<[Mutation, { cases: number; importCpuMs: number }]>) {
        const u = (t.byMutation[m] ??= { cases: 0, importCpuMs: 0 });
        u.cases += v.cases;
        u.importCpuMs += v.importCpuMs;
      }
      if (s.maxCaseCpuMs > t.maxCaseCpuMs) {
        t.maxCaseCpuMs = s.maxCaseCpuMs;
        t.maxCase = s.maxCase;
      }
      t.maxImportWallMs = Math.max(t.maxImportWallMs, s.maxImportWallMs);
      t.maxBatchCpuMs = Math.max(t.maxBatchCpuMs, s.maxBatchCpuMs);
      t.maxBatchWallMs = Math.max(t.maxBatchWallMs, s.maxBatchWallMs);
      t.maxRssMb = Math.max(t.maxRssMb, s.maxRssMb);
      t.examples.push(...s.examples);
    }
  }
  return out;
}

/** --jobs J: J child processes, each running every J-th case, then one summary. */
async function runJobs(): Promise<Summary> {
  const script = fileURLToPath(import.meta.url);
  const rest = process.argv.slice(2).filter((a, i, all) => a !== '--json' && a !== '--jobs' && all[i - 1] !== '--jobs');
  const parts = await Promise.all(
    Array.from({ length: JOBS }, (_, k) =>
      new Promise<Summary>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', script, ...rest, '--shard', `${k}/${JOBS}`, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
        child.on('error', reject);
        child.on('close', (code) => {
          try {
            resolve(JSON.parse(out) as Summary);
          } catch {
            reject(new Error(`fuzz shard ${k}/${JOBS} ended with code ${code} and no summary`));
          }
        });
      }),
    ),
  );
  return mergeSummaries(parts);
}

function print(summary: Summary): void {
  if (JSON_OUT) {
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  console.log(`seed ${summary.seed}, ${summary.casesPerKind} cases per kind${summary.lastCase < Math.min(TO, summary.casesPerKind) - 1 ? ` (stopped by --max-minutes after case ${summary.lastCase})` : TO < summary.casesPerKind ? ` (cases ${FROM} to ${TO - 1} only)` : ''}, ${summary.jobs} process(es), qpdf ${summary.qpdf ? 'on every batch' : 'not installed'}`);
  console.log('kind   cases  articles  distinct  skipped  batches  failures  slowest-case-cpu-ms  slowest-batch-cpu-ms  max-rss-mb  cpu-s(import/extract/render/readback)  errors');
  for (const [k, s] of Object.entries(summary.kinds)) {
    const errs = Object.entries(s.errors).map(([c, n]) => `${c}=${n}`).join(' ');
    const cpu = [s.cpu.import, s.cpu.extract, s.cpu.render, s.cpu.readback].map((v) => Math.round(v / 1000)).join('/');
    console.log(`${k.padEnd(5)}  ${String(s.cases).padStart(5)}  ${String(s.articles).padStart(8)}  ${String(s.distinct).padStart(8)}  ${String(s.skipped).padStart(7)}  ${String(s.batches).padStart(7)}  ${String(s.failures).padStart(8)}  ${String(Math.round(s.maxCaseCpuMs)).padStart(19)}  ${String(Math.round(s.maxBatchCpuMs)).padStart(20)}  ${String(s.maxRssMb).padStart(10)}  ${cpu.padStart(37)}  ${errs}`);
    if (s.maxCase) console.log(`       slowest case: ${s.maxCase}; slowest import ${Math.round(s.maxImportWallMs)} ms wall, slowest batch ${Math.round(s.maxBatchWallMs)} ms wall`);
    for (const ex of s.examples) console.log(`       FAIL ${ex}`);
  }
  console.log(`peak RSS ${summary.peakRssMb} MB; stray rejections ${summary.strayRejections}; ${summary.cpuSeconds} s CPU, ${summary.seconds} s wall`);
}

const summary = JOBS > 1 && !process.argv.includes('--shard') ? await runJobs() : await runShard();
print(summary);
process.exitCode = Object.values(summary.kinds).some((s) => s.failures > 0) || summary.strayRejections > 0 || summary.overMemory > 0 ? 1 : 0;
