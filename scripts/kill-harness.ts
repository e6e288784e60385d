/**
 * Kill harness for project saves: proves that `saveProjectFile` never leaves a partial or
 * missing project, whatever moment the process dies.
 *
 *   npx tsx scripts/kill-harness.ts --trials 1000 [--articles 300] [--seed 1] [--json] [--keep] [--verbose] [--naive]
 *
 * Per trial, a child process (this file, bundled once with esbuild so that it starts fast)
 * saves two large projects A and B alternately to one file in a loop, announcing each save
 * on stdout before it starts ("begin A") and after it returns ("done A"). The parent kills
 * it with SIGKILL at a random moment, then opens the file with `openProjectFile` and checks
 * that its bytes are exactly A or B:
 * - "new": the save in flight (or the last one done) reached the disk;
 * - "old": the file still holds the version before the save in flight (most kills land
 *   while the new text is being built or written, before the rename);
 * - failure: anything else (unparseable, missing, a mix, or older than a save that was done).
 * The backup `.bak` must also be A or B. Stale temp files left by killed children must be
 * cleaned by the next save. Exits 1 on any failure. `--naive` makes the child overwrite the
 * file in place (fs.writeFile) instead: the harness must then report failures.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyFindings } from '../src/model/findings';
import type { Project } from '../src/model/project';
import { newProject, serializeProject } from '../src/project/project';
import { openProjectFile, saveProjectFile } from '../src/project/store';

type Version = 'A' | 'B';

// ---------------------------------------------------------------------------------------
// Deterministic large projects
// ---------------------------------------------------------------------------------------

const WORDS = (
  'the council met on the question of supply routes while officials said talks would resume after ' +
  'a pause and negotiators described progress as slow but real with further meetings planned for ' +
  'the coming weeks as observers noted that the ceasefire terms remained disputed by both parties'
).split(' ');

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** A project of `articles` articles (~4 KB each) and findings; A and B differ throughout. */
export function makeProject(version: Version, articles: number, seed: number): Project {
  const rand = rng(seed * 7919 + (version === 'A' ? 1 : 2));
  const p = newProject({ now: new Date(Date.UTC(2026, 0, 15)) });
  p.briefing.title = `Kill harness project ${version}`;
  const sentence = () => {
    const n = 8 + Math.floor(rand() * 14);
    const w = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]);
    return w.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
  };
  const findings = emptyFindings();
  for (let i = 0; i < articles; i++) {
    const text = Array.from({ length: 30 }, sentence).join(' ');
    const id = `art-${version}-${i}`;
    p.articles.push({ id, title: `Article ${i} (${version})`, outlet: 'Harness Wire', published: '2026-01-14', byline: null, text, origin: { kind: 'paste' } });
    const first = text.slice(0, text.indexOf('.') + 1);
    findings.positions.push({
      id: `pos-${version}-${i}`,
      sources: [{ article: id, sentence: first, start: 0, end: first.length }],
      confidence: Math.round(rand() * 100) / 100,
      conflicts: [],
      party: null,
      kind: 'goal',
      text: first,
      speaker: null,
    });
  }
  p.findings = findings;
  p.overlay.decisions = Object.fromEntries(findings.positions.slice(0, 50).map((x) => [x.id, { status: 'accepted' as const }]));
  return p;
}

// ---------------------------------------------------------------------------------------
// Child: save A and B alternately until killed
// ---------------------------------------------------------------------------------------

async function child(file: string, articles: number, seed: number, onDisk: Version, naive: boolean): Promise<void> {
  const projects = { A: makeProject('A', articles, seed), B: makeProject('B', articles, seed) };
  // --naive: a plain overwrite, to show that the harness catches a save that is not atomic.
  const texts = naive ? { A: serializeProject(projects.A), B: serializeProject(projects.B) } : null;
  const save = texts ? (v: Version) => writeFile(file, texts[v]) : (v: Version) => saveProjectFile(file, projects[v]);
  // Warm up (JIT, schema) so that the kill delay, calibrated on warm saves, spans saves.
  for (const v of ['A', 'B'] as const) serializeProject(projects[v]);
  // Synchronous writes: each line is in the pipe before the next step starts.
  writeSync(1, 'ready\n');
  let next: Version = onDisk === 'A' ? 'B' : 'A';
  for (;;) {
    writeSync(1, `begin ${next}\n`);
    await save(next);
    writeSync(1, `done ${next}\n`);
    next = next === 'A' ? 'B' : 'A';
  }
}

// ---------------------------------------------------------------------------------------
// Parent
// ---------------------------------------------------------------------------------------

interface Options {
  trials: number;
  articles: number;
  seed: number;
  json: boolean;
  keep: boolean;
  verbose: boolean;
  naive: boolean;
}

export interface HarnessReport {
  trials: number;
  kills: number;
  openedOld: number;
  openedNew: number;
  /** Trials where the child was killed before it began its first save. */
  killedBeforeSave: number;
  /** Saves the children finished before being killed (shows kills land mid-loop). */
  savesCompleted: number;
  failures: number;
  failureDetails: string[];
  backupChecked: number;
  staleTempsAtEnd: number;
  projectBytes: number;
  meanSaveMs: number;
  maxDelayMs: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { trials: 100, articles: 300, seed: 1, json: false, keep: false, verbose: false, naive: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (name: string) => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`${name} needs a positive whole number`);
      return v;
    };
    if (a === '--trials') o.trials = num(a);
    else if (a === '--articles') o.articles = num(a);
    else if (a === '--seed') o.seed = num(a);
    else if (a === '--json') o.json = true;
    else if (a === '--keep') o.keep = true;
    else if (a === '--verbose') o.verbose = true;
    else if (a === '--naive') o.naive = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

async function bundleChild(dir: string): Promise<string> {
  const { build } = await import('esbuild');
  const self = fileURLToPath(import.meta.url);
  const out = nodePath.join(dir, 'child.mjs');
  await build({ entryPoints: [self], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20', external: ['esbuild'], logLevel: 'error' });
  return out;
}

function runTrial(childJs: string, file: string, o: Options, onDisk: Version, delayMs: number): Promise<{ lines: string[]; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [childJs, '--child', file, String(o.articles), String(o.seed), onDisk, o.naive ? 'naive' : 'atomic'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let timer: NodeJS.Timeout | null = null;
    let killed = false;
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (timer === null && out.includes('ready\n')) {
        timer = setTimeout(() => {
          killed = proc.kill('SIGKILL');
        }, delayMs);
      }
    });
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (code ${code}, signal ${signal}): ${out.slice(-300)}`));
      else resolve({ lines: out.split('\n').filter(Boolean), killed });
    });
  });
}

export async function runKillHarness(o: Options, log: (s: string) => void = () => undefined): Promise<HarnessReport> {
  const dir = mkdtempSync(nodePath.join(tmpdir(), 'briefsmith-kill-'));
  try {
    const childJs = await bundleChild(dir);
    const file = nodePath.join(dir, 'work', 'project.briefsmith');
    rmSync(nodePath.dirname(file), { recursive: true, force: true });
    await import('node:fs/promises').then((f) => f.mkdir(nodePath.dirname(file)));
    const texts = {
      A: serializeProject(makeProject('A', o.articles, o.seed)),
      B: serializeProject(makeProject('B', o.articles, o.seed)),
    };
    if (texts.A === texts.B) throw new Error('A and B must differ');

    // Calibrate: the kill delay spans about four saves, so kills land in every phase.
    const t0 = performance.now();
    const calib = 4;
    for (let i = 0; i < calib; i++) await saveProjectFile(file, makeProject(i % 2 ? 'B' : 'A', o.articles, o.seed));
    const meanSaveMs = (performance.now() - t0) / calib;
    await saveProjectFile(file, makeProject('A', o.articles, o.seed));
    const maxDelayMs = Math.max(5, Math.ceil(meanSaveMs * 4));
    log(`project ${(Buffer.byteLength(texts.A) / 1048576).toFixed(1)} MB, save ≈ ${meanSaveMs.toFixed(0)} ms, kill delay 0–${maxDelayMs} ms after start-up`);

    const r: HarnessReport = {
      trials: o.trials, kills: 0, openedOld: 0, openedNew: 0, killedBeforeSave: 0, savesCompleted: 0, failures: 0, failureDetails: [],
      backupChecked: 0, staleTempsAtEnd: 0, projectBytes: Buffer.byteLength(texts.A), meanSaveMs: Math.round(meanSaveMs), maxDelayMs,
    };
    const rand = rng(o.seed * 104729);
    let onDisk: Version = 'A';
    const fail = (trial: number, why: string) => {
      r.failures++;
      if (r.failureDetails.length < 20) r.failureDetails.push(`trial ${trial}: ${why}`);
    };
    for (let t = 1; t <= o.trials; t++) {
      const { lines, killed } = await runTrial(childJs, file, o, onDisk, Math.floor(rand() * maxDelayMs));
      if (killed) r.kills++;
      if (o.verbose) log(`trial ${t}: ${lines.join(' | ')}`);
      r.savesCompleted += lines.filter((l) => l.startsWith('done ')).length;
      // What the child announced: the last save begun, and whether it returned.
      const steps = lines.filter((l) => l.startsWith('begin ') || l.startsWith('done '));
      const last = steps[steps.length - 1];
      const lastDone = [...steps].reverse().find((l) => l.startsWith('done '));
      let got: Version | null = null;
      try {
        const bytes = readFileSync(file, 'utf8');
        got = bytes === texts.A ? 'A' : bytes === texts.B ? 'B' : null;
        if (got === null) fail(t, `file is neither A nor B (${bytes.length} chars)`);
        else await openProjectFile(file); // must also open cleanly
      } catch (e) {
        fail(t, `cannot open: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (got !== null) {
        if (last === undefined) {
          r.killedBeforeSave++;
          if (got === onDisk) r.openedOld++;
          else fail(t, `file changed to ${got} but no save had begun`);
        } else if (last.startsWith('done ')) {
          const expected = last.slice(5) as Version;
          if (got === expected) r.openedNew++;
          else fail(t, `save of ${expected} had returned but the file holds ${got}`);
        } else {
          const inFlight = last.slice(6) as Version;
          const before: Version = lastDone ? (lastDone.slice(5) as Version) : onDisk;
          if (got === inFlight) r.openedNew++;
          else if (got === before) r.openedOld++;
          else fail(t, `file holds ${got}; expected ${before} or ${inFlight}`);
        }
      }
      try {
        const bak = readFileSync(file + '.bak', 'utf8');
        r.backupChecked++;
        if (bak !== texts.A && bak !== texts.B) fail(t, `backup is neither A nor B (${bak.length} chars)`);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') fail(t, `backup unreadable: ${String(e)}`);
      }
      if (got !== null) onDisk = got;
      else {
        // Restore a known state so later trials stay meaningful.
        await saveProjectFile(file, makeProject('A', o.articles, o.seed));
        onDisk = 'A';
      }
      if (t % 50 === 0) log(`  ${t}/${o.trials}: old ${r.openedOld}, new ${r.openedNew}, failures ${r.failures}`);
    }
    // Temp files of killed children must be removed by the next save.
    const leftBefore = readdirSync(nodePath.dirname(file)).filter((n) => n.includes('.tmp-')).length;
    await saveProjectFile(file, makeProject(onDisk, o.articles, o.seed));
    r.staleTempsAtEnd = readdirSync(nodePath.dirname(file)).filter((n) => n.includes('.tmp-')).length;
    log(`temp files left by killed children: ${leftBefore}; after one more save: ${r.staleTempsAtEnd}`);
    if (r.staleTempsAtEnd > 0) fail(o.trials, `${r.staleTempsAtEnd} temp files not cleaned up`);
    return r;
  } finally {
    if (o.keep) writeFileSync(nodePath.join(dir, 'KEPT'), 'kept for inspection\n');
    else rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const [, file, articles, seed, onDisk, mode] = argv;
    await child(file, Number(articles), Number(seed), onDisk === 'B' ? 'B' : 'A', mode === 'naive');
    return;
  }
  const o = parseArgs(argv);
  const r = await runKillHarness(o, o.json ? () => undefined : (s) => console.log(s));
  if (o.json) console.log(JSON.stringify(r));
  else {
    console.log(`trials ${r.trials}, kills ${r.kills}, opened old ${r.openedOld}, opened new ${r.openedNew} (killed before first save ${r.killedBeforeSave}), saves completed before kills ${r.savesCompleted}, backups checked ${r.backupChecked}, failures ${r.failures}`);
    for (const d of r.failureDetails) console.log('  FAIL ' + d);
  }
  process.exitCode = r.failures > 0 || r.kills !== r.trials ? 1 : 0;
}

const isMain = process.argv[1] !== undefined && nodePath.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
const isChildBundle = process.argv[2] === '--child';
if (isMain || isChildBundle) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(2);
  });
}
