/**
 * bin/briefsmith.mjs, the command's entry: it runs the built bundle with the code cache the build
 * wrote (a cache that does not fit only costs time, so nothing else would notice a broken one),
 * and runs the TypeScript sources when no bundle is built. And the bundle, though it holds every
 * package, evaluates only the modules a command needs.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'briefsmith.mjs');
const debugEnv = { ...process.env, BRIEFSMITH_DEBUG: '1', NODE_OPTIONS: '' };

let tmp = '';
beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist', 'cli.cjs'))) await run(process.execPath, ['scripts/build-core.mjs'], { cwd: root });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'briefsmith-bin-'));
}, 180_000);
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('bin/briefsmith.mjs', () => {
  it('runs the bundle with the code cache the build wrote', async () => {
    const { stdout, stderr } = await run(process.execPath, [bin, 'templates', '--json'], { cwd: root, env: debugEnv });
    expect(stderr).toContain('briefsmith: code cache accepted');
    expect((JSON.parse(stdout) as Array<{ id: string }>).map((t) => t.id)).toContain('situation');
  });

  it('runs the TypeScript sources when no bundle is built', async () => {
    // A project folder without dist/: the same bin, sources, templates and packages.
    const project = path.join(tmp, 'project');
    await mkdir(path.join(project, 'bin'), { recursive: true });
    await cp(bin, path.join(project, 'bin', 'briefsmith.mjs'));
    for (const entry of ['src', 'templates', 'assets', 'node_modules', 'package.json']) await symlink(path.join(root, entry), path.join(project, entry));
    const { stdout, stderr } = await run(process.execPath, [path.join(project, 'bin', 'briefsmith.mjs'), 'templates', '--json'], { cwd: tmp, env: debugEnv });
    expect(stderr).not.toContain('code cache');
    expect((JSON.parse(stdout) as Array<{ id: string }>).map((t) => t.id)).toContain('situation');
  }, 60_000);
});

/**
 * The bundle run with its module helpers patched to name each module as it is first evaluated
 * (esbuild's __esm and __commonJS wrappers, and the require of the packages left outside).
 */
async function modulesEvaluated(args: string[]): Promise<string[]> {
  const project = path.join(tmp, 'traced');
  if (!existsSync(project)) {
    await mkdir(path.join(project, 'dist'), { recursive: true });
    for (const entry of ['templates', 'assets', 'node_modules', 'package.json']) await symlink(path.join(root, entry), path.join(project, entry));
    const source = await readFile(path.join(root, 'dist', 'cli.cjs'), 'utf8');
    const helpers = [
      ['var __esm=(fn,res,err3)=>function(){', 'var __esm=(fn,res,err3)=>function(){if(fn)process.stderr.write("module "+__getOwnPropNames(fn)[0]+"\\n");'],
      ['var __commonJS=(cb2,mod)=>function(){', 'var __commonJS=(cb2,mod)=>function(){if(!mod)process.stderr.write("module "+__getOwnPropNames(cb2)[0]+"\\n");'],
    ];
    let traced = source;
    for (const [from, to] of helpers) {
      expect(traced, `the bundle's helper ${from}`).toContain(from);
      traced = traced.replace(from, to);
    }
    await writeFile(path.join(project, 'dist', 'cli.cjs'), traced);
    await writeFile(
      path.join(project, 'run.cjs'),
      `const Module = require('node:module'), fs = require('node:fs'), path = require('node:path'), vm = require('node:vm');
const file = path.join(__dirname, 'dist', 'cli.cjs');
const inner = Module.createRequire(file);
const req = Object.assign((id) => { if (!id.startsWith('node:')) process.stderr.write('module ' + id + '\\n'); return inner(id); }, inner);
const m = { exports: {} };
new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER })
  .runInThisContext()(m.exports, req, m, file, path.dirname(file));
`,
    );
  }
  const { stderr } = await run(process.execPath, [path.join(project, 'run.cjs'), ...args], { cwd: tmp, env: { ...process.env, NODE_OPTIONS: '' } });
  return stderr.split('\n').filter((l) => l.startsWith('module ')).map((l) => l.slice(7));
}

const HEAVY: Record<string, RegExp> = {
  'NLP (wink)': /wink-/,
  'date parser (chrono)': /chrono-node/,
  'DOM (jsdom)': /^jsdom$|node_modules\/jsdom\//,
  'Word reader (mammoth)': /mammoth/,
  'Word writer (docx)': /node_modules\/docx\//,
  'PDF writer (pdfkit)': /pdfkit/,
  'fonts (fontkit)': /fontkit/,
  'schemas (zod)': /node_modules\/zod\//,
};
const heavyIn = (modules: string[]): string[] => Object.entries(HEAVY).filter(([, re]) => modules.some((m) => re.test(m))).map(([name]) => name);

describe('the bundle evaluates only what a command needs', () => {
  it('templates: no heavy package at all', async () => {
    expect(heavyIn(await modulesEvaluated(['templates']))).toEqual([]);
  }, 60_000);

  it('a PDF from a structured-data file: no NLP, date parser, DOM or Word library', async () => {
    const data = path.join(tmp, 'data.json');
    const { stdout } = await run(process.execPath, [bin, 'extract', path.join(root, 'assets', 'samples', '01-talks-open-astana.txt'), '--json'], { cwd: root });
    await writeFile(data, stdout);
    const modules = await modulesEvaluated(['build', data, '--format', 'pdf', '--out', path.join(tmp, 'pdf'), '--date', '2026-01-01']);
    expect(heavyIn(modules)).toEqual(['PDF writer (pdfkit)', 'fonts (fontkit)', 'schemas (zod)']);
  }, 120_000);
});
