// The recent-files list: max 10, newest first, deduplicated, validated on read.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RECENT_FILE, RECENT_MAX, addRecent, clearRecent, loadRecent, parseRecent, pushRecent, removeRecent, samePath } from '../src/project/recent';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'briefsmith-recent-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const abs = (name: string) => path.resolve('/projects', name);
const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i));

describe('recent files', () => {
  it('a missing file is an empty list', async () => {
    expect(await loadRecent(fresh())).toEqual([]);
  });

  it('newest first, deduplicated, at most 10', async () => {
    const dir = fresh();
    for (let i = 0; i < 12; i++) await addRecent(dir, { path: abs(`p${i}.briefsmith`), title: `P${i}`, now: at(i) });
    await addRecent(dir, { path: abs('p5.briefsmith'), title: 'P5 again', now: at(20) });
    const list = await loadRecent(dir);
    expect(list).toHaveLength(RECENT_MAX);
    expect(list[0]).toEqual({ path: abs('p5.briefsmith'), title: 'P5 again', openedAt: at(20).toISOString() });
    expect(list.map((e) => path.basename(e.path))).toEqual(['p5', 'p11', 'p10', 'p9', 'p8', 'p7', 'p6', 'p4', 'p3', 'p2'].map((x) => x + '.briefsmith'));
    expect(list.filter((e) => e.path === abs('p5.briefsmith'))).toHaveLength(1);
  });

  it('dedupes paths that differ only by normalisation (and by case on Windows/macOS)', () => {
    const e = (p: string) => ({ path: p, title: '', openedAt: 'x' });
    expect(pushRecent([e('/a/b/../c.briefsmith')], e('/a/c.briefsmith'))).toHaveLength(1);
    expect(samePath('C:\\P\\X.briefsmith', 'c:\\p\\x.briefsmith', 'win32')).toBe(true);
    expect(samePath('/P/X.briefsmith', '/p/x.briefsmith', 'linux')).toBe(false);
  });

  it('remove and clear', async () => {
    const dir = fresh();
    await addRecent(dir, { path: abs('a.briefsmith'), now: at(1) });
    await addRecent(dir, { path: abs('b.briefsmith'), now: at(2) });
    expect((await removeRecent(dir, abs('a.briefsmith'))).map((e) => e.path)).toEqual([abs('b.briefsmith')]);
    await clearRecent(dir);
    expect(await loadRecent(dir)).toEqual([]);
  });

  it('refuses a relative path', async () => {
    await expect(addRecent(fresh(), { path: 'rel.briefsmith', now: at(1) })).rejects.toThrow(/absolute path/);
  });

  it('a damaged file reads as empty, and is rewritten on the next change', async () => {
    const dir = fresh();
    for (const junk of ['', '{', 'null', '[1,2]', '{"version": 2, "entries": []}', '\u0000\u0001']) {
      writeFileSync(path.join(dir, RECENT_FILE), junk);
      expect(await loadRecent(dir)).toEqual([]);
    }
    await addRecent(dir, { path: abs('x.briefsmith'), now: at(1) });
    expect(JSON.parse(readFileSync(path.join(dir, RECENT_FILE), 'utf8')).entries).toHaveLength(1);
  });

  it('bad entries are dropped, good ones kept', () => {
    const doc = {
      version: 1,
      entries: [
        { path: abs('ok.briefsmith'), title: 'OK', openedAt: '2026-01-01T00:00:00.000Z' },
        { path: 'relative.briefsmith', openedAt: 'x' },
        { path: 42 },
        'string',
        { path: abs('ok.briefsmith'), title: 'dup', openedAt: 'y' },
        { path: abs('no-title.briefsmith'), openedAt: 'z' },
      ],
    };
    expect(parseRecent(JSON.stringify(doc))).toEqual([
      { path: abs('ok.briefsmith'), title: 'OK', openedAt: '2026-01-01T00:00:00.000Z' },
      { path: abs('no-title.briefsmith'), title: '', openedAt: 'z' },
    ]);
  });
});
