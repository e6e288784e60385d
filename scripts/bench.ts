/**
 * `npm run bench` — speed and memory figures of the main jobs, on this machine.
 *   npm run bench              human-readable
 *   npm run bench -- --json    one JSON object on stdout: { extraction, export, cold, renderer, service }
 *   npm run bench -- --only extraction,export
 * Each part is measured by its own module; a part that cannot run here (no LibreOffice, no
 * Chromium) reports { error } instead of stopping the others.
 */
import { benchExtraction } from './bench-extract';
import { benchCold } from './bench-cold';
import { benchExport } from './bench-export';
import { benchAddOnScreen, benchRenderer } from './bench-renderer';
import { benchService } from './bench-service';

const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyArg = args.find((a, i) => args[i - 1] === '--only');
const only = onlyArg ? new Set(onlyArg.split(',')) : null;
const parts: Record<string, () => Promise<object>> = {
  extraction: benchExtraction,
  export: benchExport,
  // Each command in a new process, as a user runs it: templates, extract and build of the 4 samples.
  cold: benchCold,
  // Time to interactive, then one article into a 500-article project, on screen (issue 12).
  renderer: async () => ({ ...(await benchRenderer()), ...(await benchAddOnScreen().catch((e: unknown) => ({ add_one_error: e instanceof Error ? e.message : String(e) }))) }),
  service: benchService,
};
const log = (s: string) => (json ? process.stderr : process.stdout).write(s + '\n');

const result: Record<string, unknown> = {};
for (const [name, run] of Object.entries(parts)) {
  if (only && !only.has(name)) continue;
  log(`bench: ${name} …`);
  try {
    result[name] = await run();
  } catch (e) {
    result[name] = { error: e instanceof Error ? e.message : String(e) };
  }
  log(`  ${JSON.stringify(result[name])}`);
}
const ex = result.export as { speedup_vs_libreoffice?: number } | undefined;
if (ex?.speedup_vs_libreoffice) log(`PDF export, whole process, is ${ex.speedup_vs_libreoffice.toFixed(1)}× faster than LibreOffice converting the DOCX cold (target ≥ 10×).`);
const x = result.extraction as { articles_per_s?: number } | undefined;
if (x?.articles_per_s) log(`Extraction: ${x.articles_per_s.toFixed(0)} articles/s on one core (target ≥ 200).`);
if (json) process.stdout.write(JSON.stringify(result) + '\n');
