#!/usr/bin/env node
// The `briefsmith` command. Runs the bundled CLI, dist/cli.cjs (built by `npm run build:core`),
// compiled with the V8 code cache the build wrote beside it, so that Node parses and compiles
// almost none of it again (issue 13: start-up was mostly module loading). Without a bundle it
// runs the TypeScript sources through tsx (a development install), which is slower.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const bundle = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));

/**
 * Runs the bundle as Node runs a CommonJS file, but through vm.Script so that the code cache
 * can be given (and, for the build, taken: BRIEFSMITH_WRITE_CODE_CACHE names the file to write
 * when the command ends, with every function the run compiled).
 */
function runBundle() {
  const cacheFile = `${bundle}.cache`;
  const writeTo = process.env.BRIEFSMITH_WRITE_CODE_CACHE;
  delete process.env.BRIEFSMITH_WRITE_CODE_CACHE; // not for child processes
  const source = readFileSync(bundle, 'utf8');
  // The build's name, on the bundle's last line; the cache starts with it (scripts/build-core.mjs).
  const id = /\/\/ briefsmith-build (\w+)\s*$/.exec(source.slice(-100))?.[1] ?? '';
  const header = Buffer.from(`${id}\n`);
  let cachedData;
  if (!writeTo && id) {
    try {
      const cache = readFileSync(cacheFile);
      if (cache.subarray(0, header.length).equals(header)) cachedData = cache.subarray(header.length);
    } catch {
      // no cache: a normal compile
    }
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (process.env.BRIEFSMITH_DEBUG) {
    const state = !cachedData ? 'absent (or from another build)' : script.cachedDataRejected ? `rejected (made by another Node or with other flags than ${process.version})` : 'accepted';
    process.stderr.write(`briefsmith: code cache ${state}\n`);
  }
  if (writeTo) {
    process.once('exit', () => {
      const tmp = `${writeTo}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.concat([header, script.createCachedData()]));
      renameSync(tmp, writeTo);
    });
  }
  const module = { exports: {}, filename: bundle, id: bundle, loaded: false };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
}

async function runSources() {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    console.error('briefsmith: the CLI is not built yet. Run `npm run build:core` in the project folder first.');
    process.exit(2);
  }
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}

if (existsSync(bundle)) runBundle();
else await runSources();
