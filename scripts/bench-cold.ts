/**
 * Cold start per command (issue 13): each command as a user runs it, `node bin/briefsmith.mjs …`,
 * a new process every time (Node's start-up, module loading and the work itself), median of
 * five runs after one run that fills the operating system's file cache. Wall time, and CPU time
 * (user + system, from /usr/bin/time) which a loaded machine inflates less; `code_cache` says
 * whether the bundle ran with the code cache the build wrote (`accepted`). Targets:
 * `templates` < 0.5 s and a 4-article `build` < 2 s.
 *
 *   npx tsx scripts/bench-cold.ts     (npm run bench imports it)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { medianRun, timedRun, type Timed } from './bench-export';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const RUNS = 5;

export async function benchCold(): Promise<Record<string, Timed | number | string>> {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-core.mjs')], { cwd: ROOT, stdio: 'ignore' });
  const dir = mkdtempSync(path.join(tmpdir(), 'bs-bench-cold-'));
  const samples = readdirSync(path.join(ROOT, 'assets/samples'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(ROOT, 'assets/samples', f));
  const bin = path.join(ROOT, 'bin/briefsmith.mjs');
  const commands: Record<string, string[]> = {
    node_alone: ['-e', '0'],
    templates: [bin, 'templates'],
    extract_4: [bin, 'extract', ...samples, '--json', '-o', path.join(dir, 'x.json')],
    build_4: [bin, 'build', ...samples, '--out', path.join(dir, 'out'), '--date', '2026-11-30'],
    build_4_pdf: [bin, 'build', ...samples, '--format', 'pdf', '--out', path.join(dir, 'out-pdf'), '--date', '2026-11-30'],
  };
  // Whether bin/briefsmith.mjs ran the bundle with the build's code cache (figures without it are slower).
  const debug = spawnSync(process.execPath, [bin, 'templates'], { env: { ...process.env, BRIEFSMITH_DEBUG: '1' }, encoding: 'utf8' });
  const codeCache = /code cache (\w+)/.exec(debug.stderr ?? '')?.[1] ?? 'none (sources)';
  const out: Record<string, Timed | number | string> = { articles: samples.length, runs: RUNS, code_cache: codeCache };
  try {
    for (const [name, args] of Object.entries(commands)) {
      timedRun(process.execPath, args);
      out[name] = medianRun(RUNS, () => timedRun(process.execPath, args));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (/bench-cold\.ts$/.test(process.argv[1] ?? '') && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchCold().then((r) => console.log(JSON.stringify(r, null, 2)));
}
