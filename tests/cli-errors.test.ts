/**
 * Ordinary mistakes give one clear line naming the file, exit 1, no stack trace and no partial
 * output (issue 14, item 5), through the built bundle as a user runs it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'briefsmith.mjs');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

/** The stderr lines that are not progress. */
const errors = (stderr: string) => stderr.split('\n').filter((l) => l && !/^\[\d+\/\d+\]/.test(l));

let tmp = '';
let article = '';
beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist', 'cli.cjs'))) await run('node', ['scripts/build-core.mjs'], { cwd: root });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'briefsmith-cli-errors-'));
  article = path.join(tmp, 'talks.txt');
  await writeFile(article, 'Ceasefire Talks Resume\n\nNegotiators met in Astana on Sunday for a second round of talks, officials said.\n');
}, 120_000);

describe('briefsmith errors', () => {
  it('a title over 300 characters: one line naming the flag, no ZodError', async () => {
    const r = await cli(['build', article, '--format', 'html', '--out', path.join(tmp, 'o1'), '--title', 'T'.repeat(301)]);
    expect(r.code).toBe(1);
    expect(errors(r.stderr)).toEqual(['briefsmith: --title: too long (at most 300 characters).']);
    expect(existsSync(path.join(tmp, 'o1', 'briefing.html'))).toBe(false);
  }, 120_000);

  it('a missing --notes file and an --out that is a file: one line each naming it', async () => {
    const notes = path.join(tmp, 'nope.txt');
    const a = await cli(['build', article, '--format', 'html', '--out', path.join(tmp, 'o2'), '--notes', notes]);
    expect(a.code).toBe(1);
    expect(errors(a.stderr)).toEqual([`briefsmith: --notes: ${notes}: no such file.`]);
    const file = path.join(tmp, 'plain-file');
    await writeFile(file, 'x');
    const b = await cli(['build', article, '--format', 'html', '--out', file]);
    expect(b.code).toBe(1);
    expect(errors(b.stderr)).toHaveLength(1);
    expect(errors(b.stderr)[0]).toMatch(new RegExp(`^briefsmith: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*(file|folder)`));
    expect(b.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('writes whole files only (no temp files left) and prints file names without escape sequences', async () => {
    const weird = path.join(tmp, 'esc\x1b[31mred.txt');
    await writeFile(weird, '...');
    const out = path.join(tmp, 'o3');
    const r = await cli(['build', article, weird, '--format', 'html', '--out', out]);
    expect(r.code).toBe(1); // the weird file holds no readable text
    expect(r.stderr).not.toContain('\x1b');
    expect(r.stderr).toContain('esc\\x1b[31mred.txt');
    expect(await readdir(out)).toEqual(['briefing.html']);
  }, 120_000);
});
