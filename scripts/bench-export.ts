/**
 * Export benchmark, like for like: one ~21-page dossier (synthesised data, all sections) as the
 * command line builds it, whole process, against LibreOffice converting that same DOCX to PDF,
 * cold (one `soffice` process per file, as a user or a script runs it) and warm (one LibreOffice
 * kept running, as a conversion server such as Carbone keeps it). Target: our whole-process PDF
 * export at least 10× faster than cold LibreOffice (issue 13).
 *
 *   npx tsx scripts/bench-export.ts
 *
 * Whole process: `node bin/briefsmith.mjs build data.json --template dossier --format pdf` from a
 * structured-data file (what `extract --json` writes), Node's start-up, module loading, schema
 * checks, compose, render and the atomic write included; median of three runs, wall and CPU
 * (user + system, from /usr/bin/time when it is installed). LibreOffice's warm figure is the
 * extra time one `soffice --convert-to` takes for each further copy of the file: (T(1 + k) − T(1)) / k.
 * The in-process figures (`pdf_ms`, `docx_ms`: median of three after a warm-up) are kept for
 * comparison with earlier runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compose } from '../src/compose/compose';
import { loadTemplate } from '../src/compose/templates-node';
import { toContractJson } from '../src/extract/contract';
import { SECTION_IDS } from '../src/model';
import { renderDocx } from '../src/render/docx';
import { renderPdf } from '../src/render/pdf';
import { loadRenderResources } from '../src/render/resources-node';
import { briefing, syntheticCase } from '../tests/fixtures/findings';

/** Rounds of synthetic events: 78 make a 21-page dossier (issue 13 compares at 21 pages). */
const ROUNDS = 78;
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r1 = (n: number) => Math.round(n * 10) / 10;

export interface Timed {
  readonly wall_ms: number;
  /** User + system CPU of the process and its children, or null without /usr/bin/time. */
  readonly cpu_ms: number | null;
}

const hasTime = existsSync('/usr/bin/time');

/** Runs a command to completion; wall time, and CPU time when /usr/bin/time can report it. */
export function timedRun(cmd: string, args: readonly string[], cwd: string = ROOT): Timed {
  const out = path.join(tmpdir(), `bs-bench-time-${process.pid}.txt`);
  const argv = hasTime ? ['-f', '%U %S', '-o', out, cmd, ...args] : [...args];
  const t0 = performance.now();
  const r = spawnSync(hasTime ? '/usr/bin/time' : cmd, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr?.toString().trim().split('\n').pop() ?? r.status}`);
  let cpu: number | null = null;
  if (hasTime) {
    const [u, s] = readFileSync(out, 'utf8').trim().split('\n').pop()!.split(/\s+/).map(Number);
    cpu = ((u ?? 0) + (s ?? 0)) * 1000;
    rmSync(out, { force: true });
  }
  return { wall_ms: wall, cpu_ms: cpu };
}

/** Median wall and CPU of `n` runs. */
export function medianRun(n: number, run: () => Timed): Timed {
  const runs = Array.from({ length: n }, run);
  const cpus = runs.map((x) => x.cpu_ms).filter((x): x is number => x !== null);
  return { wall_ms: r1(median(runs.map((x) => x.wall_ms))), cpu_ms: cpus.length ? r1(median(cpus)) : null };
}

const pdfPages = (bytes: Uint8Array) => Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(new TextDecoder('latin1').decode(bytes))?.[1] ?? 0);
const pdfinfoPages = (file: string): number => {
  try {
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
  } catch {
    return 0;
  }
};

export async function benchExport(): Promise<Record<string, number | null>> {
  const data = syntheticCase(ROUNDS);
  const b = briefing({ sections: [...SECTION_IDS], templateId: 'dossier' });
  const dir = mkdtempSync(path.join(tmpdir(), 'bs-bench-'));
  try {
    // ---- whole process: the command line, from a structured-data file
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-core.mjs')], { cwd: ROOT, stdio: 'ignore' });
    const input = path.join(dir, 'data.json');
    writeFileSync(input, JSON.stringify(toContractJson(data.articles, data.findings)));
    writeFileSync(path.join(dir, 'notes.txt'), b.notes);
    const cli = (format: string, out: string) => [
      path.join(ROOT, 'bin/briefsmith.mjs'), 'build', input, '--template', 'dossier', '--sections', b.sections.join(','), '--format', format, '--out', out,
      '--title', b.title, '--subtitle', b.subtitle ?? '', '--author', b.author, '--marking', b.marking, '--date', b.date, '--notes', path.join(dir, 'notes.txt'),
    ];
    // One run first: the operating system's file cache holds the modules afterwards, as for a user's second command.
    timedRun(process.execPath, cli('pdf', path.join(dir, 'warmup')));
    const pdfProcess = medianRun(3, () => timedRun(process.execPath, cli('pdf', path.join(dir, 'pdf'))));
    const docxProcess = medianRun(3, () => timedRun(process.execPath, cli('docx', path.join(dir, 'docx'))));
    const ourPdf = path.join(dir, 'pdf', 'briefing.pdf');
    const docxFile = path.join(dir, 'docx', 'briefing.docx');

    // ---- in process, warm (the earlier figures): the same tree rendered again and again
    const tree = compose(b, data, loadTemplate('dossier'));
    const res = await loadRenderResources();
    const timed = async (f: () => Promise<Uint8Array>) => {
      await f();
      const runs: number[] = [];
      let value!: Uint8Array;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        value = await f();
        runs.push(performance.now() - t0);
      }
      return { value, ms: median(runs) };
    };
    const pdf = await timed(() => renderPdf(tree, res));
    const docx = await timed(() => renderDocx(tree, res));

    // ---- LibreOffice converting our DOCX: cold (a process per file) and warm (one process, more files)
    let lo: { cold: Timed; warm_ms: number; pages: number } | null = null;
    try {
      const profile = `-env:UserInstallation=file://${dir}/lo-profile`;
      const convert = (files: string[], out: string) => timedRun('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files], dir);
      convert([docxFile], path.join(dir, 'lo-first')); // creates the profile, as a user's first run does
      const cold = medianRun(3, () => convert([docxFile], path.join(dir, 'lo')));
      const k = 3;
      const copies = Array.from({ length: k + 1 }, (_, i) => {
        const f = path.join(dir, `copy${i}.docx`);
        copyFileSync(docxFile, f);
        return f;
      });
      const one = medianRun(3, () => convert([copies[0]!], path.join(dir, 'lo-one')));
      const many = medianRun(3, () => convert(copies, path.join(dir, 'lo-many')));
      lo = { cold, warm_ms: r1(Math.max(1, (many.wall_ms - one.wall_ms) / k)), pages: pdfinfoPages(path.join(dir, 'lo', 'briefing.pdf')) };
    } catch (e) {
      process.stderr.write(`bench-export: LibreOffice unavailable (${(e as Error).message.split('\n')[0]})\n`);
    }
    const pdfBytes = readFileSync(ourPdf);
    return {
      pages: pdfPages(pdfBytes),
      // whole process, the command line (the figures the targets are about)
      pdf_process_ms: pdfProcess.wall_ms,
      pdf_process_cpu_ms: pdfProcess.cpu_ms,
      docx_process_ms: docxProcess.wall_ms,
      docx_process_cpu_ms: docxProcess.cpu_ms,
      libreoffice_ms: lo ? lo.cold.wall_ms : null,
      libreoffice_cpu_ms: lo ? lo.cold.cpu_ms : null,
      libreoffice_warm_ms: lo ? lo.warm_ms : null,
      libreoffice_pages: lo ? lo.pages : null,
      speedup_vs_libreoffice: lo ? r1(lo.cold.wall_ms / pdfProcess.wall_ms) : null,
      speedup_vs_libreoffice_warm: lo ? r1(lo.warm_ms / pdfProcess.wall_ms) : null,
      // in process, warm
      in_process_pages: pdfPages(pdf.value),
      pdf_ms: r1(pdf.ms),
      docx_ms: r1(docx.ms),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly (not when bundled into dist/bench.mjs, where import.meta.url is the bundle's).
if (/bench-export\.ts$/.test(process.argv[1] ?? '') && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchExport().then((r) => console.log(JSON.stringify(r, null, 2)));
}
