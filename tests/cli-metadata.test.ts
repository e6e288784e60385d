/**
 * Article metadata from the command line: `extract --title --outlet --date --url` and
 * `build --article-title --outlet --article-date --url` set the one input article's metadata;
 * with several inputs (or a structured-data file, which carries its own) they are refused in
 * one line. The commands run in-process (runExtract, runBuild); flag parsing runs through the
 * built bundle as a user runs it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_METADATA_FLAGS, EXTRACT_METADATA_FLAGS, checkArticleMetadata, runBuild, runExtract, type Reporter } from '../src/cli/commands';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'briefsmith.mjs');
const quiet: Reporter = { progress: () => undefined, warn: () => undefined };

const ARTICLE = [
  'Envoys from Latvia and Estonia met in Valga on Tuesday to discuss a shared rail timetable.',
  'The Latvian delegation was led by transport adviser Ilze Marova, officials said.',
  'Latvia demanded a single ticket for both networks before any timetable is signed.',
  'The two sides agreed to meet again in Tartu next month.',
].join('\n\n');

let tmp = '';
let file = '';
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'briefsmith-cli-meta-'));
  file = path.join(tmp, 'rail-talks.txt');
  await writeFile(file, ARTICLE);
});

describe('article metadata flags', () => {
  it('set title, outlet, date and url of the one input article (extract --json)', async () => {
    const article = { title: 'Rail talks in Valga', outlet: 'Baltic Rail Review', published: '2025-04-08', url: 'https://example.org/rail-talks' };
    const { text } = await runExtract([file], { json: true, published: null, article }, quiet);
    const a = JSON.parse(text).articles[0];
    expect(a).toMatchObject({ title: 'Rail talks in Valga', source: 'Baltic Rail Review', published: '2025-04-08', url: 'https://example.org/rail-talks' });
    // Without flags the file's own (here: none) is kept.
    const plain = JSON.parse((await runExtract([file], { json: true, published: null }, quiet)).text).articles[0];
    expect(plain.source).toBeNull();
    expect(plain.url).toBeUndefined();
  }, 60_000);

  it('reach the source list of a built briefing, with no file name printed', async () => {
    const out = path.join(tmp, 'out');
    await runBuild(
      [file],
      { sections: ['bluf', 'sources'], templateId: 'bluf', formats: ['html'], outDir: out, baseName: 'b', title: 'Rail brief', subtitle: null, author: '', marking: null, date: '2025-04-09', notes: '', published: null, article: { title: 'Rail talks in Valga', outlet: 'Baltic Rail Review', published: '2025-04-08', url: null } },
      quiet,
    );
    const html = await readFile(path.join(out, 'b.html'), 'utf8');
    expect(html).toContain('Baltic Rail Review. “Rail talks in Valga.” 8 April 2025.');
    expect(html).not.toContain('rail-talks.txt');
  }, 60_000);

  it('come from the JSON route too: a structured-data file carries title, source, published and url', async () => {
    const data = {
      articles: [{ id: 'a1', path: null, title: 'Rail talks in Valga', source: 'Baltic Rail Review', published: '2025-04-08', url: 'https://example.org/rail-talks' }],
      positions: [{ party: 'Latvia', kind: 'demand', text: 'wants a single ticket for both rail networks', speaker: null, sources: [{ article: 'a1', sentence: 'Latvia demanded a single ticket for both networks.' }] }],
    };
    const json = path.join(tmp, 'data.json');
    await writeFile(json, JSON.stringify(data));
    const out = path.join(tmp, 'out-json');
    await runBuild(
      [json],
      { sections: ['positions', 'sources'], templateId: 'situation', formats: ['html'], outDir: out, baseName: 'b', title: 'Rail brief', subtitle: null, author: '', marking: null, date: '2025-04-09', notes: '', published: null },
      quiet,
    );
    const html = await readFile(path.join(out, 'b.html'), 'utf8');
    for (const s of ['Baltic Rail Review', 'Rail talks in Valga', '8 Apr 2025', 'example.org/rail-talks']) expect(html).toContain(s);
  }, 60_000);

  it('are refused in one line with several inputs, with a structured-data file, or with a bad value', () => {
    const meta = { title: null, outlet: 'Baltic Rail Review', published: null, url: 'https://example.org/x' };
    expect(() => checkArticleMetadata(['a.txt', 'b.txt'], meta, BUILD_METADATA_FLAGS)).toThrow(/^--outlet, --url: article metadata describes one article; give one input file \(got 2\)\.$/);
    expect(() => checkArticleMetadata(['data.json'], meta, BUILD_METADATA_FLAGS)).toThrow(/structured-data file carries/);
    expect(() => checkArticleMetadata(['a.txt'], { ...meta, url: 'example.org/x' }, EXTRACT_METADATA_FLAGS)).toThrow(/^--url: expected a web address/);
    expect(() => checkArticleMetadata(['a.txt'], { ...meta, outlet: '  ' }, EXTRACT_METADATA_FLAGS)).toThrow(/^--outlet: must not be empty\.$/);
    expect(() => checkArticleMetadata(['a.txt', 'b.txt'], { title: null, outlet: null, published: null, url: null }, EXTRACT_METADATA_FLAGS)).not.toThrow();
  });

  it('are parsed by the command: one line on stderr and exit 1 with several files', async () => {
    if (!existsSync(path.join(root, 'dist', 'cli.cjs'))) await run('node', ['scripts/build-core.mjs'], { cwd: root });
    const r = await run(process.execPath, [bin, 'extract', file, file, '--title', 'Rail talks', '--json'], { cwd: root }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['briefsmith: --title: article metadata describes one article; give one input file (got 2).']);
  }, 120_000);
});
