// Bundles the core entry points with esbuild: the CLI and Electron's main and
// preload. Dependencies stay external (resolved from node_modules at run time) except in the
// preload, which Electron's sandbox requires to be a single self-contained file.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };
const entries = [
  // The CLI and the import worker (src/import/parse-host.ts finds it beside the bundle), split into
  // chunks so that each dynamic import() loads its packages only when a command needs them
  // (in one file esbuild hoists every package import to the top: `templates` took 2.7 s cold).
  {
    entryPoints: { cli: 'src/cli/main.ts', 'import-worker': 'src/import/parse-worker.ts' },
    outdir: 'dist', splitting: true, entryNames: '[name]', chunkNames: 'chunks/[name]-[hash]', outExtension: { '.js': '.mjs' },
    format: 'esm', packages: 'external',
  },
  // The import worker for Electron main (dist/main/ is what the installers pack).
  { entryPoints: ['src/import/parse-worker.ts'], outfile: 'dist/main/import-worker.mjs', format: 'esm', packages: 'external' },
  // The extraction worker for Electron main (src/services/extract-host.ts finds it beside main.cjs).
  { entryPoints: ['src/services/extract-worker.ts'], outfile: 'dist/main/extract-worker.mjs', format: 'esm', packages: 'external' },
  // The autosave worker for Electron main (src/services/autosave-host.ts finds it beside main.cjs).
  { entryPoints: ['src/services/autosave-worker.ts'], outfile: 'dist/main/autosave-worker.mjs', format: 'esm', packages: 'external' },
  // main passes the templates and fonts folders explicitly, so the core's import.meta-based
  // defaults (empty in CommonJS) are never used there.
  { entryPoints: ['main/main.ts'], outfile: 'dist/main/main.cjs', format: 'cjs', packages: 'external', external: ['electron'], logOverride: { 'empty-import-meta': 'silent' } },
  { entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'] },
];
// Chunk names carry a content hash: without this, every build would leave the last one's chunks
// behind (and the installers would pack them).
rmSync('dist/chunks', { recursive: true, force: true });
for (const e of entries) {
  if (!existsSync(Array.isArray(e.entryPoints) ? e.entryPoints[0] : Object.values(e.entryPoints)[0])) continue; // not written yet
  await build({ ...common, ...e });
}
