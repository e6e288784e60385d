// Bundles the core entry points with esbuild: the CLI and Electron's main and
// preload. Dependencies stay external (resolved from node_modules at run time) except in the
// preload, which Electron's sandbox requires to be a single self-contained file.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };
const entries = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.mjs', format: 'esm', packages: 'external' },
  // main passes the templates and fonts folders explicitly, so the core's import.meta-based
  // defaults (empty in CommonJS) are never used there.
  { entryPoints: ['main/main.ts'], outfile: 'dist/main/main.cjs', format: 'cjs', packages: 'external', external: ['electron'], logOverride: { 'empty-import-meta': 'silent' } },
  { entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'] },
];
for (const e of entries) {
  if (!existsSync(e.entryPoints[0])) continue; // not written yet
  await build({ ...common, ...e });
}
