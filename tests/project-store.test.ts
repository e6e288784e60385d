// Project files on disk: atomic save with backup, open errors offering the backup,
// autosave and recovery, and resolveInside against path tricks.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BriefsmithError } from '../src/model/result';
import type { Project } from '../src/model/project';
import { newProject, serializeProject } from '../src/project/project';
import {
  MAX_PROJECT_BYTES,
  ProjectOpenError,
  discardAutosave,
  listRecoverable,
  openBackup,
  openProjectFile,
  resolveInside,
  saveProjectFile,
  writeAutosave,
} from '../src/project/store';

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'briefsmith-store-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

let n = 0;
const fresh = () => {
  const d = path.join(root, `case-${++n}`);
  mkdirSync(d);
  return d;
};

function project(title: string): Project {
  const p = newProject({ now: new Date('2026-02-01T00:00:00Z') });
  p.briefing.title = title;
  p.articles.push({ id: 'a', title: 't', outlet: null, published: null, byline: null, text: 'Some text. ' + title, origin: { kind: 'paste' } });
  return p;
}

async function rejection(promise: Promise<unknown>): Promise<BriefsmithError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof BriefsmithError) return e;
    throw e;
  }
  throw new Error('expected a BriefsmithError');
}

describe('saveProjectFile / openProjectFile', () => {
  it('round-trips through the file, byte-stable', async () => {
    const file = path.join(fresh(), 'talks.briefsmith');
    const p = project('One');
    await saveProjectFile(file, p);
    expect(readFileSync(file, 'utf8')).toBe(serializeProject(p));
    const opened = await openProjectFile(file);
    // The file is the project's checked text: passed on as it is (the project worker's reply).
    expect(opened).toEqual({ project: p, migratedFrom: null, usedBackup: false, text: serializeProject(p) });
  });

  it('keeps the previous file as .bak and leaves no temp files', async () => {
    const dir = fresh();
    const file = path.join(dir, 'talks.briefsmith');
    await saveProjectFile(file, project('One'));
    expect(readdirSync(dir)).toEqual(['talks.briefsmith']);
    await saveProjectFile(file, project('Two'));
    expect(readFileSync(file + '.bak', 'utf8')).toBe(serializeProject(project('One')));
    await saveProjectFile(file, project('Three'));
    expect(readFileSync(file + '.bak', 'utf8')).toBe(serializeProject(project('Two')));
    expect(readFileSync(file, 'utf8')).toBe(serializeProject(project('Three')));
    expect(readdirSync(dir).sort()).toEqual(['talks.briefsmith', 'talks.briefsmith.bak']);
  });

  it('the backup is a separate file: a later save does not change it in place', async () => {
    const file = path.join(fresh(), 'p.briefsmith');
    await saveProjectFile(file, project('One'));
    await saveProjectFile(file, project('Two'));
    const bakBefore = readFileSync(file + '.bak', 'utf8');
    writeFileSync(file, 'scribbled over by another program');
    expect(readFileSync(file + '.bak', 'utf8')).toBe(bakBefore);
  });

  it('removes temp files left by a dead process, keeps the file mode', async () => {
    const dir = fresh();
    const file = path.join(dir, 'p.briefsmith');
    await saveProjectFile(file, project('One'));
    // pid 2^22+1 is above Linux's pid_max default: no such process.
    writeFileSync(`${file}.tmp-4194305-abcdef012345`, '{"half');
    writeFileSync(path.join(dir, 'other.txt.tmp-4194305-abcdef012345'), 'not ours');
    const { chmodSync } = await import('node:fs');
    chmodSync(file, 0o600);
    await saveProjectFile(file, project('Two'));
    expect(readdirSync(dir).sort()).toEqual(['other.txt.tmp-4194305-abcdef012345', 'p.briefsmith', 'p.briefsmith.bak']);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('saving through a symlink updates the target and keeps the link', async () => {
    if (process.platform === 'win32') return;
    const dir = fresh();
    const real = path.join(dir, 'real.briefsmith');
    const link = path.join(dir, 'link.briefsmith');
    await saveProjectFile(real, project('One'));
    symlinkSync(real, link);
    await saveProjectFile(link, project('Two'));
    expect(readFileSync(real, 'utf8')).toBe(serializeProject(project('Two')));
    expect(readdirSync(dir).sort()).toEqual(['link.briefsmith', 'real.briefsmith', 'real.briefsmith.bak']);
  });

  it('a failed save (missing folder) says so and names the file', async () => {
    const file = path.join(fresh(), 'no-such-dir', 'p.briefsmith');
    const e = await rejection(saveProjectFile(file, project('One')));
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/folder does not exist/);
  });

  it('refuses to save over a folder', async () => {
    const dir = fresh();
    mkdirSync(path.join(dir, 'x.briefsmith'));
    const e = await rejection(saveProjectFile(path.join(dir, 'x.briefsmith'), project('One')));
    expect(e.code).toBe('invalid-input');
  });

  it('refuses a file too large to hold in memory before reading it', async () => {
    const file = path.join(fresh(), 'huge.briefsmith');
    writeFileSync(file, '');
    truncateSync(file, MAX_PROJECT_BYTES + 1); // sparse: takes no disk space
    const e = await rejection(openProjectFile(file));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain(file);
  });

  it('a missing file is not-found', async () => {
    const file = path.join(fresh(), 'gone.briefsmith');
    const e = await rejection(openProjectFile(file));
    expect(e.code).toBe('not-found');
    expect(e.message).toContain(file);
  });
});

describe('damaged files: a clear error naming the file and offering the backup', () => {
  const damage: Array<[string, (good: string) => string | Buffer, RegExp]> = [
    ['truncated JSON', (g) => g.slice(0, g.length - 40), /cut short/],
    ['wrong schema', (g) => g.replace('"articles":[', '"articles":[42, '), /damaged: articles\[0\]/],
    ['not JSON', () => 'Dear analyst, this is not a project.', /not valid JSON/],
    ['empty', () => '', /is empty/],
    ['binary', () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x10, 0x00, 0x80]), /binary file/],
    ['invalid UTF-8', () => Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), /not valid UTF-8/],
  ];
  for (const [name, make, re] of damage) {
    it(`${name}, with a backup`, async () => {
      const file = path.join(fresh(), 'talks.briefsmith');
      await saveProjectFile(file, project('One'));
      await saveProjectFile(file, project('Two'));
      writeFileSync(file, make(readFileSync(file, 'utf8')));
      const e = await rejection(openProjectFile(file));
      expect(e).toBeInstanceOf(ProjectOpenError);
      expect(e.code).toBe('corrupt');
      expect(e.file).toBe(file);
      expect(e.message).toContain(`"${file}"`);
      expect(e.message).toMatch(re);
      expect(e.message).toMatch(/backup .*talks\.briefsmith\.bak.* is available/);
      expect((e as ProjectOpenError).backupAvailable).toBe(true);
      const fromBackup = await openBackup(file);
      expect(fromBackup.usedBackup).toBe(true);
      expect(fromBackup.project.briefing.title).toBe('One');
    });
  }

  it('without a backup, the message says none is available', async () => {
    const file = path.join(fresh(), 'p.briefsmith');
    writeFileSync(file, '{"format": "briefsmith", "version": 1, "articles": [');
    const e = (await rejection(openProjectFile(file))) as ProjectOpenError;
    expect(e.backupAvailable).toBe(false);
    expect(e.backupPath).toBeNull();
    expect(e.message).toMatch(/No usable backup is available/);
  });

  it('a damaged backup is not offered', async () => {
    const file = path.join(fresh(), 'p.briefsmith');
    writeFileSync(file, 'garbage');
    writeFileSync(file + '.bak', 'more garbage');
    const e = (await rejection(openProjectFile(file))) as ProjectOpenError;
    expect(e.backupAvailable).toBe(false);
  });

  it('a newer version names both versions and offers the backup', async () => {
    const file = path.join(fresh(), 'p.briefsmith');
    await saveProjectFile(file, project('One'));
    await saveProjectFile(file, project('Two'));
    writeFileSync(file, readFileSync(file, 'utf8').replace('"version":2', '"version":3'));
    const e = (await rejection(openProjectFile(file))) as ProjectOpenError;
    expect(e.code).toBe('newer-version');
    expect(e.message).toContain('made by a newer Briefsmith (v3); this app reads up to v2');
    expect(e.backupAvailable).toBe(true);
  });

  it('opens an old (v0) file, migrated', async () => {
    const file = path.join(fresh(), 'old.briefsmith');
    const doc = JSON.parse(serializeProject(project('Old')));
    doc.version = 0;
    doc.briefing.template = doc.briefing.templateId;
    delete doc.briefing.templateId;
    delete doc.briefing.options;
    delete doc.overlay.personMerges;
    writeFileSync(file, JSON.stringify(doc));
    const opened = await openProjectFile(file);
    expect(opened.migratedFrom).toBe(0);
    expect(opened.project.briefing.title).toBe('Old');
  });
});

describe('autosave and recovery', () => {
  it('writes, lists newest first with title and time, and discards', async () => {
    const dir = path.join(fresh(), 'autosave'); // created on first write
    expect(await listRecoverable(dir)).toEqual([]);
    const a = await writeAutosave(dir, 'untitled-1', project('First draft'));
    const b = await writeAutosave(dir, 'proj-2', project('Second'));
    utimesSync(a, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    expect((await openProjectFile(a)).project.briefing.title).toBe('First draft');
    const list = await listRecoverable(dir);
    expect(list.map((x) => [x.key, x.title])).toEqual([
      ['proj-2', 'Second'],
      ['untitled-1', 'First draft'],
    ]);
    expect(list[0].path).toBe(b);
    expect(list[1].savedAt).toBe('2026-01-01T00:00:00.000Z');
    await writeAutosave(dir, 'untitled-1', project('First draft, later'));
    expect((await listRecoverable(dir)).find((x) => x.key === 'untitled-1')?.title).toBe('First draft, later');
    await discardAutosave(dir, 'untitled-1');
    await discardAutosave(dir, 'untitled-1'); // twice is fine
    expect((await listRecoverable(dir)).map((x) => x.key)).toEqual(['proj-2']);
    expect(readdirSync(dir)).toEqual(['proj-2.autosave.briefsmith']);
  });

  it('skips damaged autosaves and unrelated files', async () => {
    const dir = fresh();
    await writeAutosave(dir, 'good', project('Good'));
    writeFileSync(path.join(dir, 'bad.autosave.briefsmith'), '{"format":"briefsmith"');
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    expect((await listRecoverable(dir)).map((x) => x.key)).toEqual(['good']);
  });

  it('rejects keys that could escape the folder', async () => {
    const dir = fresh();
    for (const key of ['../evil', 'a/b', '', '.hidden', 'x'.repeat(200), 'a\u0000b']) {
      const e = await rejection(writeAutosave(dir, key, project('x')));
      expect(e.code).toBe('invalid-input');
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('resolveInside', () => {
  it('resolves plain relative paths under the base', () => {
    const base = fresh();
    expect(resolveInside(base, 'a/b.txt')).toBe(path.join(base, 'a', 'b.txt'));
    expect(resolveInside(base, './c.txt')).toBe(path.join(base, 'c.txt'));
    expect(resolveInside(base, 'a/../d.txt')).toBe(path.join(base, 'd.txt'));
  });

  it('refuses .., absolute paths, drive and UNC forms, the base itself, NUL', () => {
    const base = fresh();
    for (const rel of ['..', '../x', 'a/../../x', '/etc/passwd', 'C:\\Windows\\x', 'c:x', '\\\\server\\share\\x', '.', '', 'a\u0000b']) {
      expect(() => resolveInside(base, rel), rel).toThrow(BriefsmithError);
    }
  });

  it('refuses symlinks that lead out, including dangling ones and links in the middle', () => {
    if (process.platform === 'win32') return;
    const base = fresh();
    const outside = fresh();
    symlinkSync(outside, path.join(base, 'out-dir'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(base, 'dangling'));
    writeFileSync(path.join(outside, 'x.txt'), 'x');
    symlinkSync(path.join(outside, 'x.txt'), path.join(base, 'file-link'));
    mkdirSync(path.join(base, 'in'));
    symlinkSync(path.join(base, 'in'), path.join(base, 'in-link'));
    expect(() => resolveInside(base, 'out-dir/x.txt')).toThrow(/symbolic link/);
    expect(() => resolveInside(base, 'out-dir/new/deeper.txt')).toThrow(/symbolic link/);
    expect(() => resolveInside(base, 'dangling')).toThrow(/symbolic link/);
    expect(() => resolveInside(base, 'file-link')).toThrow(/symbolic link/);
    // A link that stays inside is fine.
    expect(resolveInside(base, 'in-link/y.txt')).toBe(path.join(base, 'in-link', 'y.txt'));
  });

  it('works when the base itself is reached through a symlink', () => {
    if (process.platform === 'win32') return;
    const real = fresh();
    const alias = path.join(fresh(), 'alias');
    symlinkSync(real, alias);
    expect(resolveInside(alias, 'f.txt')).toBe(path.join(alias, 'f.txt'));
    expect(() => resolveInside(alias, '../x')).toThrow(BriefsmithError);
  });
});
