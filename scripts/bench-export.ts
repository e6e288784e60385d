/**
 * Export benchmark: a ~20-page briefing from synthesised data (all sections, dossier
 * template: the situation template's page budget trims the same data to 5 pages), timed as DOCX and as PDF, then LibreOffice (`soffice --headless --convert-to pdf`)
 * converting that same DOCX, for comparison. Target: our PDF at least 10× faster than LibreOffice.
 *
 *   npx tsx scripts/bench-export.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compose } from '../src/compose/compose';
import { loadTemplate } from '../src/compose/templates-node';
import { renderDocx } from '../src/render/docx';
import { renderPdf } from '../src/render/pdf';
import { loadRenderResources } from '../src/render/resources-node';
import { SECTION_IDS } from '../src/model';
import { briefing, syntheticCase } from '../tests/fixtures/findings';

export async function benchExport(): Promise<{ pages: number; docx_ms: number; pdf_ms: number; libreoffice_ms: number; speedup_vs_libreoffice: number }> {
  const data = syntheticCase(70);
  const tree = compose(briefing({ sections: [...SECTION_IDS], templateId: 'dossier' }), data, loadTemplate('dossier'));
  const res = await loadRenderResources();
  // Warm up once (module loading, JIT), then take the median of three runs of each.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const timed = async <T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> => {
    const runs: number[] = [];
    let value!: T;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      value = await f();
      runs.push(performance.now() - t0);
    }
    return { value, ms: median(runs) };
  };
  await renderPdf(tree, res);
  const { value: pdf, ms: pdf_ms } = await timed(() => renderPdf(tree, res));
  await renderDocx(tree, res);
  const { value: docx, ms: docx_ms } = await timed(() => renderDocx(tree, res));
  let t: number;
  const pages = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(new TextDecoder('latin1').decode(pdf))?.[1] ?? 0);

  const dir = mkdtempSync(path.join(tmpdir(), 'bs-bench-'));
  let libreoffice_ms = Number.NaN;
  try {
    const file = path.join(dir, 'bench.docx');
    writeFileSync(file, docx);
    const args = [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir];
    // First run creates the LibreOffice profile; time the second, as a user with LibreOffice running would see.
    execFileSync('soffice', [...args, file], { stdio: 'ignore', timeout: 180_000 });
    t = performance.now();
    execFileSync('soffice', [...args, file], { stdio: 'ignore', timeout: 180_000 });
    libreoffice_ms = performance.now() - t;
  } catch (e) {
    process.stderr.write(`bench-export: LibreOffice unavailable (${(e as Error).message.split('\n')[0]})\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const r = (n: number) => Math.round(n * 10) / 10;
  return { pages, docx_ms: r(docx_ms), pdf_ms: r(pdf_ms), libreoffice_ms: r(libreoffice_ms), speedup_vs_libreoffice: r(libreoffice_ms / pdf_ms) };
}

// Run directly (not when bundled into dist/bench.mjs, where import.meta.url is the bundle's).
if (/bench-export\.ts$/.test(process.argv[1] ?? '') && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchExport().then((r) => console.log(JSON.stringify(r, null, 2)));
}
