/**
 * bin/briefsmith.mjs, the command's entry: it runs the built bundle with the code cache the build
 * wrote (a cache that does not fit only costs time, so nothing else would notice a broken one),
 * and runs the TypeScript sources when no bundle is built.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
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
