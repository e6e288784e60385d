// Bundles the core entry points with esbuild: the CLI, the import worker, and Electron's main,
// preload and workers. Dependencies stay external (resolved from node_modules at run time) except
// in the CLI, which inlines them, and the preload, which Electron's sandbox requires to be a
// single self-contained file.
//
// The CLI is one CommonJS file, dist/cli.cjs, with its V8 code cache, dist/cli.cjs.cache:
// bin/briefsmith.mjs compiles the bundle with that cache, so a command parses and compiles
// almost nothing (issue 13). Each command still runs only the modules it needs: esbuild wraps
// every module reached by a dynamic import() in a function it calls on first use, so `templates`
// evaluates no wink-nlp, chrono, pdfkit or docx code even though they are in the file. The cache
// is written by one run of the bundle on the sample articles (build, every format), so it holds
// the functions that run compiled, not only the top level; V8 checks it against the source and
// the Node version and flags, and a rejected cache only means a normal compile.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

/**
 * pdfkit's Node build loads its standard fonts with a require made from its own file's URL and
 * the package's private `#standard-fonts/…` imports; inlined, that require starts from dist/ and
 * cannot see them. Its public export `pdfkit/standard-fonts/…` names the same files.
 */
const pdfkitStandardFonts = {
  name: 'pdfkit-standard-fonts',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(args.path, 'utf8');
      return { contents: text.replaceAll("'#standard-fonts/", "'pdfkit/standard-fonts/"), loader: 'js' };
    });
  },
};

const cli = {
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  format: 'cjs',
  // jsdom finds a worker file beside its own sources and pdfjs-dist is ES modules only (loaded by
  // import()); both serve importers that run in the import and PDF workers anyway. subset-font
  // reads harfbuzz's WebAssembly file with require.resolve, which finds it in node_modules. The
  // wink model is 3.5 MB of JSON that Node's require parses faster than the same data as code,
  // and every command would read it as part of the bundle.
  external: ['jsdom', 'pdfjs-dist', 'pdfjs-dist/*', 'harfbuzzjs/*', 'wink-eng-lite-web-model'],
  // Less source to read and scan at every start; names are kept for stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  // In CommonJS there is no import.meta: the modules that find files from their own URL
  // (templates, fonts, the workers, pdfkit's own require) get the bundle's URL.
  define: { 'import.meta.url': '__briefsmith_bundle_url' },
  banner: { js: "var __briefsmith_bundle_url = require('node:url').pathToFileURL(__filename).href;" },
  logOverride: { 'empty-import-meta': 'silent' },
  plugins: [pdfkitStandardFonts],
};

const entries = [
  cli,
  // The import worker (src/import/parse-host.ts finds it beside the CLI bundle).
  { entryPoints: ['src/import/parse-worker.ts'], outfile: 'dist/import-worker.mjs', format: 'esm', packages: 'external' },
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

/**
 * Builds in memory and replaces each output file by a rename, so that a command or test running
 * the CLI while another process rebuilds it never reads half a file.
 */
async function buildWhole(options) {
  const result = await build({ ...common, ...options, write: false });
  for (const f of result.outputFiles) {
    const contents = f.path.endsWith('.cjs') && options === cli ? withBuildId(f.contents) : f.contents;
    // An unchanged file is left alone: its code cache stays valid (a rebuild by a test changes nothing).
    if (existsSync(f.path) && readFileSync(f.path).equals(contents)) continue;
    mkdirSync(path.dirname(f.path), { recursive: true }); // a clean clone has no dist/ yet
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, contents);
    renameSync(tmp, f.path);
  }
}

/**
 * The CLI bundle ends with a line naming its build (a hash of its text), and its code cache
 * starts with the same name: V8 checks a cache only against the length of the source, so a
 * cache left from another build of the same length would otherwise be taken.
 */
function withBuildId(contents) {
  const id = createHash('sha256').update(contents).digest('hex').slice(0, 32);
  return Buffer.concat([contents, Buffer.from(`\n// briefsmith-build ${id}\n`)]);
}

// The split ESM CLI of earlier builds (dist/cli.mjs and dist/chunks/) is no longer made.
rmSync('dist/chunks', { recursive: true, force: true });
for (const f of ['dist/cli.mjs', 'dist/cli.mjs.map']) rmSync(f, { force: true });
for (const e of entries) {
  if (!existsSync(e.entryPoints[0])) continue; // not written yet
  await buildWhole(e);
}

/** Writes dist/cli.cjs.cache: one run of the bundle on the samples, every format, in a scratch folder. */
function writeCodeCache() {
  const cache = 'dist/cli.cjs.cache';
  const id = /\/\/ briefsmith-build (\w+)\s*$/.exec(readFileSync('dist/cli.cjs', 'latin1').slice(-100))?.[1];
  if (id && existsSync(cache) && readFileSync(cache).subarray(0, id.length + 1).equals(Buffer.from(`${id}\n`))) return; // made for this bundle
  const samples = readdirSync('assets/samples').filter((f) => f.endsWith('.txt')).sort().map((f) => path.join('assets/samples', f));
  const out = mkdtempSync(path.join(tmpdir(), 'briefsmith-code-cache-'));
  try {
    execFileSync(process.execPath, ['bin/briefsmith.mjs', 'build', ...samples, '--format', 'docx,pdf,html', '--out', out, '--date', '2026-01-01'], {
      env: { ...process.env, BRIEFSMITH_WRITE_CODE_CACHE: cache },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (e) {
    // The CLI runs without a cache, only slower (a cache of another build is never used); its
    // own tests report a broken build.
    console.warn(`build-core: the CLI's code cache run failed (the cache, if any, covers less): ${String(e.stderr ?? e.message).trim().split('\n').pop()}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
if (existsSync('dist/cli.cjs') && process.env.BRIEFSMITH_NO_CODE_CACHE !== '1') writeCodeCache();
