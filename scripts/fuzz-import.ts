/**
 * Whole-pipeline fuzzer: `npx tsx scripts/fuzz-import.ts --cases 10000` (also `npm run fuzz -- --cases N`).
 *
 * Every case is imported; the articles that import go on, in batches of --batch (default 10; a batch over 25 s fails),
 * through extraction, compose and both renderers, and the exports are read back: every XML
 * part of the DOCX must parse (saxes, XML 1.0 characters) and the PDF must pass `qpdf --check`
 * (when qpdf is installed). Besides the mutations below it makes floods and depths up to and
 * past the limits, zips whose headers lie about sizes, long tokens, noncharacters and
 * zero-width text, and it opens special files (a device linked as .txt, a FIFO) once per kind.
 *
 * For each importer (txt, md, html, docx, pdf) it builds valid seed files in-process, then
 * feeds importBytes random bytes, truncations, byte flips, spliced chunks, deeply nested
 * HTML and big files. A case fails when importBytes throws anything but a BriefsmithError,
 * returns an Article that does not match the schema (or whose text is not normalised),
 * takes longer than the time bound (+1 s to stop; CPU time of the process, so that a shared
 * machine does not fail cases), or the process grows past the memory bound.
 * Prints per importer: cases, articles, errors by code, failures, max ms per file, peak RSS.
 *
 * Options: --cases N (per importer, default 1000), --seed S, --only txt,pdf, --from I (replay
 * cases I.. of the same seed), --dump DIR (write failing cases there),
 * --bound-ms MS (default 10000), --rss-mb MB (default 2560), --json (summary on stdout).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { SaxesParser } from 'saxes';
import { closeImportWorkers, importBytes, importFiles, normaliseText } from '../src/import';
import { extractAll } from '../src/extract';
import { compose } from '../src/compose/compose';
import { loadTemplate } from '../src/compose/templates-node';
import { renderDocx } from '../src/render/docx';
import { renderPdf } from '../src/render/pdf';
import { loadRenderResources } from '../src/render/resources-node';
import { type Article, ArticleSchema, BriefingSchema, BriefsmithError } from '../src/model';
import { enc, makeDocx, makePdf, utf16 } from '../tests/fixtures/import/make-fixtures';
import { rng } from './seeded-random';

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
const RSS_MB = Number(arg('rss-mb', '2560'));
const JSON_OUT = process.argv.includes('--json');
/** Replay: generate cases from 0 (the PRNG must advance) but run only cases >= FROM. */
const FROM = Number(arg('from', '0'));
/** Folder where failing cases are written, to replay them by hand. */
const DUMP = arg('dump', '');
const MAX_BYTES = 50 * 1024 * 1024;
/** Articles per pipeline batch (extract → compose → DOCX and PDF → read back). */
const BATCH = Number(arg('batch', '10'));
const PIPELINE = !process.argv.includes('--import-only');
const HAVE_QPDF = spawnSync('qpdf', ['--version']).status === 0;


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

type Mutation = 'random' | 'truncate' | 'flip' | 'splice' | 'nested' | 'big' | 'oversize' | 'seed' | 'flood' | 'depth' | 'zip-lie' | 'long-token' | 'nonchar';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
/** A minimal .docx whose document body is `body`, stored with DEFLATE. */
function docxOf(body: string): Uint8Array {
  return zipOf([['_rels/.rels', enc('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')], ['word/document.xml', enc(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`)]]);
}

/** A zip of DEFLATE entries; `declare` overrides the uncompressed sizes written in the headers. */
function zipOf(entries: Array<[string, Uint8Array]>, declare?: number): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const n = enc(name);
    const deflated = deflateSync(data, { level: 6 });
    const local = new Uint8Array(30 + n.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, deflated.length, true);
    lv.setUint32(22, declare ?? data.length, true);
    lv.setUint16(26, n.length, true);
    local.set(n, 30);
    const central = new Uint8Array(46 + n.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, deflated.length, true);
    cv.setUint32(24, declare ?? data.length, true);
    cv.setUint16(28, n.length, true);
    cv.setUint32(42, offset, true);
    central.set(n, 46);
    locals.push(local, deflated);
    centrals.push(central);
    offset += local.length + deflated.length;
  }
  const dir = concat(...centrals);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dir.length, true);
  ev.setUint32(16, offset, true);
  return concat(...locals, dir, end);
}

/** Article text in the kind's format. */
function wrap(kind: Kind, text: string): Uint8Array {
  const paras = text.split('\n');
  switch (kind) {
    case 'md':
      return enc(`# Fuzz\n\n${paras.join('\n\n')}\n`);
    case 'html':
      return enc(`<html><head><meta charset="utf-8"><title>Fuzz</title></head><body>${paras.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('')}</body></html>`);
    case 'docx':
      return docxOf(paras.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`).join(''));
    default:
      return enc(text);
  }
}

const NONCHARS = ['\uFFFE', '\uFFFF', '\uFDD0', '\uFDEF', '\u{1FFFE}', '\u{10FFFF}', '\u200B', '\u200D', '\u2060', '\uFEFF', '\uD800', '\uDC00', '\u0000', '\u001B[31m', '\u202E'];

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
  // Floods and depths up to the limits and past them; lying zips; long tokens; noncharacters.
  if (i % 200 === 5) {
    const n = int(r() < 0.8 ? 5_000 : 25_000);
    if (kind === 'docx') return { bytes: docxOf('<w:p><w:r><w:t>word</w:t></w:r></w:p>'.repeat(n)), how: 'flood' };
    if (kind === 'pdf') return { bytes: base, how: 'seed' };
    return { bytes: wrap(kind, Array.from({ length: Math.min(n, 3000) }, (_, k) => (k % 7 === 0 ? EN : 'word')).join('\n')), how: 'flood' };
  }
  if (kind === 'md' && i % 50 === 6) {
    const depth = 1 + int(150);
    return { bytes: enc(Array.from({ length: depth }, (_, k) => ' '.repeat(2 * k) + '- ' + (k % 10 === 0 ? EN : 'item')).join('\n') + '\n'), how: 'depth' };
  }
  if (kind === 'docx' && i % 500 === 7) {
    // Headers declare 9 KB; the real document.xml is 1-80 MB (over 64 MB it must be refused while inflating).
    const mb = 1 + int(80);
    const xml = enc(`<w:document ${W}><w:body>` + `<w:p><w:r><w:t>${EN}</w:t></w:r></w:p>`.repeat(Math.floor((mb * 1048576) / 150)) + '</w:body></w:document>');
    return { bytes: zipOf([['word/document.xml', xml]], 9 * 1024), how: 'zip-lie' };
  }
  if (kind !== 'pdf' && i % 20 === 8) {
    const len = 1_000 + int(r() < 0.9 ? 50_000 : 300_000);
    let token = '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/.';
    while (token.length < len) token += alphabet.slice(int(60), 60 + int(5)) + alphabet[int(alphabet.length)].repeat(int(50));
    return { bytes: wrap(kind, `${EN}\n${EN} ${token.slice(0, len)}.\n${RU}`), how: 'long-token' };
  }
  if (kind !== 'pdf' && i % 10 === 9) {
    let t = `${EN}\n${RU}\n${AR}`;
    for (let k = 0, n = 1 + int(20); k < n; k++) {
      const at = int(t.length);
      t = t.slice(0, at) + NONCHARS[int(NONCHARS.length)] + t.slice(at);
    }
    if (r() < 0.1) t = NONCHARS.slice(6, 10).join('').repeat(1 + int(100));
    return { bytes: kind === 'txt' && r() < 0.3 ? new Uint8Array(Buffer.from(t, 'utf8')) : wrap(kind, t), how: 'nonchar' };
  }
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
  /** Pipeline batches run and the slowest (ms). */
  batches: number;
  batchMaxMs: number;
  batchMaxCpuMs: number;
  maxCpuMs: number;
}

/** CPU time of the whole process (every thread: workers and GC included), in ms. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

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

/** XML 1.0 well-formedness of one part (saxes rejects the characters XML forbids, U+FFFE included). */
function xmlError(xml: string): string | null {
  const p = new SaxesParser({ xmlns: false });
  let err: string | null = null;
  p.on('error', (e) => {
    err ??= e.message;
  });
  try {
    p.write(xml).close();
  } catch (e) {
    err ??= e instanceof Error ? e.message : String(e);
  }
  return err;
}

/**
 * The rest of the pipeline for a batch of imported articles: extraction (articles over their
 * budget are skipped, as the CLI does), compose with the dossier template (every section),
 * DOCX and PDF, then read back. Returns a failure or null.
 */
async function pipeline(articles: Article[]): Promise<string | null> {
  try {
    renderSetup ??= (async () => ({ template: await loadTemplate('dossier'), resources: await loadRenderResources() }))();
    const { template, resources } = await renderSetup;
    const kept = new Set(articles.map((a) => a.id));
    const findings = extractAll(articles, { skipped: (a) => kept.delete(a.id) });
    const briefing = BriefingSchema.parse({ title: 'Fuzz \uFFFE briefing', subtitle: null, date: '2025-03-23', author: 'F\uFFFFuzz', marking: template.defaults.marking, sections: template.sections, templateId: template.id, notes: 'Notes \uFDD0 with noncharacters \uFFFE.' });
    const tree = compose(briefing, { articles: articles.filter((a) => kept.has(a.id)), findings }, template);
    const docx = await renderDocx(tree, resources);
    const parts = unzipSync(docx);
    for (const [name, data] of Object.entries(parts)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const err = xmlError(new TextDecoder().decode(data));
      if (err) return `DOCX part ${name} does not parse: ${err.slice(0, 200)}`;
    }
    const pdf = await renderPdf(tree, resources);
    if (HAVE_QPDF) {
      const dir = mkdtempSync(join(tmpdir(), 'briefsmith-fuzz-pdf-'));
      try {
        writeFileSync(join(dir, 'b.pdf'), pdf);
        const q = spawnSync('qpdf', ['--check', join(dir, 'b.pdf')], { encoding: 'utf8' });
        // qpdf exits 0 when clean, 3 for warnings only; 2 is an error.
        if (q.status !== 0 && q.status !== 3) return `qpdf --check failed (${q.status}): ${(q.stdout + q.stderr).slice(0, 200)}`;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else if (!new TextDecoder('latin1').decode(pdf.subarray(0, 8)).startsWith('%PDF-')) return 'PDF has no header';
    return null;
  } catch (e) {
    return `pipeline threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`.slice(0, 300);
  }
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
  const special = specialFiles();
  for (const kind of ONLY) {
    const s: Stats = { cases: 0, articles: 0, errors: {}, failures: 0, overTime: 0, maxMs: 0, maxMsCase: '', totalMs: 0, examples: [], batches: 0, batchMaxMs: 0, batchMaxCpuMs: 0, maxCpuMs: 0 };
    results[kind] = s;
    const r = rng(SEED * 1000 + KINDS.indexOf(kind));
    const batch: Array<{ article: Article; label: string }> = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const t0 = performance.now();
      const c0 = cpuMs();
      const failure = await pipeline(batch.map((b) => b.article));
      const ms = performance.now() - t0;
      const cpu = cpuMs() - c0;
      s.batches++;
      s.batchMaxMs = Math.max(s.batchMaxMs, ms);
      s.batchMaxCpuMs = Math.max(s.batchMaxCpuMs, cpu);
      const labels = `${batch[0].label} .. ${batch[batch.length - 1].label}`;
      const fail = failure ?? (cpu > 25_000 ? `pipeline took ${Math.round(cpu)} ms of CPU (${Math.round(ms)} ms wall) for ${batch.length} articles` : null);
      if (fail) {
        s.failures++;
        process.stderr.write(`FAIL pipeline ${labels}: ${fail}\n`);
        if (s.examples.length < 10) s.examples.push(`pipeline ${labels}: ${fail}`);
      }
      batch.length = 0;
    };
    // Special files, as a user could pick them: a device named .txt and a FIFO.
    for (const p of special.paths) {
      const t0 = performance.now();
      const [res] = await importFiles([p], { timeoutMs: BOUND_MS });
      const ms = performance.now() - t0;
      s.cases++;
      if (res.result.ok || !res.result.error.message.includes(p) || ms > 5000) {
        s.failures++;
        s.examples.push(`special ${p}: ${res.result.ok ? 'imported' : `${res.result.error.message} in ${Math.round(ms)} ms`}`);
      } else s.errors[res.result.error.code] = (s.errors[res.result.error.code] ?? 0) + 1;
    }
    for (let i = 0; i < CASES; i++) {
      const { bytes, how } = mutate(kind, seeds[kind], r, i);
      if (i < FROM) continue;
      const label = `${kind}#${i} (${how}, ${bytes.length} bytes)`;
      const t0 = performance.now();
      const c0 = cpuMs();
      let failure: string | null = null;
      try {
        const a = await importBytes(bytes, { path: `fuzz-${i}.${kind}`, timeoutMs: BOUND_MS });
        const parsed = ArticleSchema.safeParse(a);
        if (!parsed.success) failure = `invalid Article: ${parsed.error.message.slice(0, 200)}`;
        else if (normaliseText(a.text) !== a.text) failure = 'text is not normalised';
        else if (!a.text.trim()) failure = 'empty text accepted';
        else {
          s.articles++;
          if (PIPELINE) batch.push({ article: a, label });
        }
      } catch (e) {
        if (e instanceof BriefsmithError) {
          s.errors[e.code] = (s.errors[e.code] ?? 0) + 1;
          if (!e.message.includes(`fuzz-${i}.${kind}`)) failure = `error message does not name the file: ${e.message}`;
        } else failure = `unhandled ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`.slice(0, 300);
      }
      const ms = performance.now() - t0;
      const cpu = cpuMs() - c0;
      s.cases++;
      s.totalMs += ms;
      if (ms > s.maxMs) {
        s.maxMs = ms;
        s.maxMsCase = label;
      }
      s.maxCpuMs = Math.max(s.maxCpuMs, cpu);
      // The importer's own (wall-clock) bound is BOUND_MS; allow 1 s for stopping the work. The
      // check is on the process's CPU time (all threads), so that a machine shared with other
      // work does not count as a slow case; wall times are reported beside it.
      if (cpu > BOUND_MS + 1000) {
        s.overTime++;
        failure ??= `took ${Math.round(cpu)} ms of CPU, ${Math.round(ms)} ms wall (bound ${BOUND_MS} ms + 1 s to stop)`;
      }
      const rss = process.memoryUsage().rss;
      peakRss = Math.max(peakRss, rss);
      if (rss > RSS_MB * 1024 * 1024) {
        overMemory++;
        failure ??= `RSS ${Math.round(rss / 1048576)} MB over the ${RSS_MB} MB bound`;
      }
      if (failure) {
        s.failures++;
        process.stderr.write(`FAIL ${label}: ${failure}\n`);
        if (DUMP) {
          mkdirSync(DUMP, { recursive: true });
          writeFileSync(join(DUMP, `${kind}-${i}.${kind}`), bytes);
        }
        if (s.examples.length < 10) s.examples.push(`${label}: ${failure}`);
      }
      if (batch.length >= BATCH) await flush();
      if ((i + 1) % 250 === 0) {
        process.stderr.write(`${kind}: ${i + 1}/${CASES} cases, ${s.articles} articles, ${s.batches} batches (slowest ${Math.round(s.batchMaxCpuMs)} ms CPU, ${Math.round(s.batchMaxMs)} wall), ${s.failures} failures, slowest case ${Math.round(s.maxCpuMs)} ms CPU (${Math.round(s.maxMs)} wall), peak rss ${Math.round(peakRss / 1048576)} MB\n`);
      }
    }
    await flush();
  }
  special.cleanup();
  await closeImportWorkers();
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
      Object.entries(results).map(([k, s]) => [k, { ...s, maxMs: Math.round(s.maxMs), maxCpuMs: Math.round(s.maxCpuMs), batchMaxMs: Math.round(s.batchMaxMs), batchMaxCpuMs: Math.round(s.batchMaxCpuMs), meanMs: +(s.totalMs / Math.max(1, s.cases)).toFixed(2), totalMs: Math.round(s.totalMs) }]),
    ),
  };
  if (JSON_OUT) console.log(JSON.stringify(summary, null, 2));
  else {
    console.log(`kind      cases  articles  failures  over-time  max-ms  mean-ms  batches  batch-max-ms  errors`);
    for (const [k, s] of Object.entries(summary.importers)) {
      const errs = Object.entries(s.errors)
        .map(([c, n]) => `${c}=${n}`)
        .join(' ');
      console.log(`${k.padEnd(8)}  ${String(s.cases).padStart(5)}  ${String(s.articles).padStart(8)}  ${String(s.failures).padStart(8)}  ${String(s.overTime).padStart(9)}  ${String(s.maxMs).padStart(6)}  ${String(s.meanMs).padStart(7)}  ${String(s.batches).padStart(7)}  ${String(Math.round(s.batchMaxMs)).padStart(12)}  ${errs}`);
      if (s.maxMsCase) console.log(`          slowest: ${s.maxMsCase}`);
      for (const ex of s.examples) console.log(`          FAIL ${ex}`);
    }
    console.log(`peak RSS ${summary.peakRssMb} MB; stray rejections ${stray}; ${summary.seconds} s in all`);
  }
  const failed = Object.values(results).some((s) => s.failures > 0) || stray > 0;
  process.exitCode = failed ? 1 : 0;
}

await main();
