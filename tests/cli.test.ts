/**
 * The `briefsmith` command as a user runs it: the built bundle in a child process.
 * `npm test` builds it first (npm run build); the suite builds it itself when run alone.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'briefsmith.mjs');
const samplesDir = path.join(root, 'assets', 'samples');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

let samples: string[] = [];
let tmp = '';
beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist', 'cli.cjs'))) await run('node', ['scripts/build-core.mjs'], { cwd: root });
  samples = (await readdir(samplesDir)).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(samplesDir, f));
  tmp = await mkdtemp(path.join(os.tmpdir(), 'briefsmith-cli-'));
}, 120_000);

describe('briefsmith extract', () => {
  it('prints the JSON contract with valid provenance for the samples', async () => {
    const { code, stdout, stderr } = await cli(['extract', ...samples, '--json']);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out).sort()).toEqual(['articles', 'attacks', 'delegations', 'outlook', 'people', 'positions']);
    expect(out.articles).toHaveLength(samples.length);
    for (const a of out.articles) expect(a).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String) }));
    // Every cited sentence stands at its offsets in the article it names.
    const texts = new Map<string, string>();
    for (const a of out.articles) texts.set(a.id, await readFile(a.path, 'utf8'));
    let refs = 0;
    for (const section of ['people', 'delegations', 'positions', 'outlook', 'attacks'])
      for (const item of out[section])
        for (const r of item.sources) {
          refs++;
          expect(texts.get(r.article)!.slice(r.start, r.end)).toBe(r.sentence);
        }
    expect(refs).toBeGreaterThan(50);
    // The samples exercise every section.
    for (const section of ['people', 'delegations', 'positions', 'outlook', 'attacks']) expect(out[section].length, section).toBeGreaterThan(0);
    expect(stderr).toMatch(/\[\d+\/\d+\]/); // progress on stderr
  });

  it('reports a bad file by name, goes on with the others and exits 1', async () => {
    const bad = path.join(tmp, 'broken.pdf');
    await writeFile(bad, 'this is not a pdf');
    const { code, stdout, stderr } = await cli(['extract', bad, samples[0]!, '--json']);
    expect(code).toBe(1);
    expect(stderr).toContain('broken.pdf');
    expect(JSON.parse(stdout).articles).toHaveLength(1);
  });

  it('rejects unknown options with usage help', async () => {
    const { code, stderr } = await cli(['build', samples[0]!, '--sections', 'delegations,nonsense']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/unknown section "nonsense"/);
  });
});

describe('briefsmith build', () => {
  it('goes extract → edit → build from a structured-data file', async () => {
    const { stdout } = await cli(['extract', ...samples, '--json']);
    const data = JSON.parse(stdout);
    // The analyst keeps one position and rewrites it (a template may list only the first few by kind).
    data.positions = [{ ...data.positions[0], kind: 'demand', text: 'An edited position that the analyst wrote by hand' }];
    data.attacks = data.attacks.slice(1);
    const file = path.join(tmp, 'edited.json');
    await writeFile(file, JSON.stringify(data));
    const out = path.join(tmp, 'out');
    const r = await cli(['build', file, '--sections', 'positions,attacks', '--template', 'situation', '--format', 'html', '--out', out, '--title', 'Edited brief']);
    expect(r.code, r.stderr).toBe(0);
    const html = await readFile(path.join(out, 'briefing.html'), 'utf8');
    expect(html).toContain('An edited position that the analyst wrote by hand');
    expect(html).toContain('Edited brief');
  }, 180_000);

  it('says what is wrong with a malformed structured-data file', async () => {
    const file = path.join(tmp, 'bad.json');
    await writeFile(file, JSON.stringify({ positions: [{ kind: 'wish', text: 'x' }] }));
    const r = await cli(['build', file, '--out', path.join(tmp, 'x')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json: positions\.0\.kind/);
  });

  it('names the templates it knows when given an unknown one', async () => {
    const r = await cli(['build', samples[0]!, '--template', 'nope', '--out', path.join(tmp, 'y')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/situation/);
  });
});

describe('briefsmith templates', () => {
  it('lists the three shipped templates as JSON', async () => {
    const { code, stdout } = await cli(['templates', '--json']);
    expect(code).toBe(0);
    const ids = JSON.parse(stdout).map((t: { id: string }) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['bluf', 'situation', 'dossier']));
  });
});
