/**
 * The recent-files list: at most 10 project paths, newest first, no duplicates, stored as
 * `recent-files.json` in the app's user-data folder. The file is validated on read; a
 * damaged file counts as an empty list (it is rewritten on the next change), never an error
 * that stops the app from starting.
 *
 * The list operations (`pushRecent`, `removeRecentEntry`) are pure; `loadRecent`,
 * `addRecent`, `removeRecent` and `clearRecent` do the file work with the same atomic write
 * as project files.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as nodePath from 'node:path';
import { z } from 'zod';
import { BriefsmithError } from '../model/result';

export const RECENT_MAX = 10;
export const RECENT_FILE = 'recent-files.json';

export const RecentEntrySchema = z.object({
  /** Absolute path of the project file. */
  path: z.string().min(1).max(4096),
  /** Briefing title when last opened or saved, for the menu. */
  title: z.string().max(300).default(''),
  /** ISO time of the last open or save. */
  openedAt: z.string().min(1).max(64),
});
export type RecentEntry = z.infer<typeof RecentEntrySchema>;

const RecentFileSchema = z.object({
  version: z.literal(1),
  entries: z.array(z.unknown()),
});

/** Paths are the same file when equal after normalising (case-insensitive on Windows and macOS). */
export function samePath(a: string, b: string, platform: NodeJS.Platform = process.platform): boolean {
  const norm = (p: string) => {
    const n = (platform === 'win32' ? nodePath.win32 : nodePath.posix).normalize(p);
    return platform === 'win32' || platform === 'darwin' ? n.toLowerCase() : n;
  };
  return norm(a) === norm(b);
}

/** `entry` put first, any older entry for the same file dropped, at most `max` kept. */
export function pushRecent(list: readonly RecentEntry[], entry: RecentEntry, max = RECENT_MAX): RecentEntry[] {
  return [entry, ...list.filter((e) => !samePath(e.path, entry.path))].slice(0, max);
}

export function removeRecentEntry(list: readonly RecentEntry[], path: string): RecentEntry[] {
  return list.filter((e) => !samePath(e.path, path));
}

/**
 * The valid entries of a recent-files document: bad entries and relative paths are dropped,
 * duplicates keep their first (newest) occurrence, at most `RECENT_MAX`.
 */
export function parseRecent(json: string): RecentEntry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return [];
  }
  const file = RecentFileSchema.safeParse(doc);
  if (!file.success) return [];
  let out: RecentEntry[] = [];
  for (const raw of file.data.entries) {
    const e = RecentEntrySchema.safeParse(raw);
    if (!e.success || !nodePath.isAbsolute(e.data.path) || e.data.path.includes('\u0000')) continue;
    if (out.some((o) => samePath(o.path, e.data.path))) continue;
    out.push(e.data);
  }
  out = out.slice(0, RECENT_MAX);
  return out;
}

const fileOf = (userDataDir: string) => nodePath.join(userDataDir, RECENT_FILE);

/** The recent-files list; empty when the file is missing or damaged. */
export async function loadRecent(userDataDir: string): Promise<RecentEntry[]> {
  try {
    return parseRecent(await fs.readFile(fileOf(userDataDir), 'utf8'));
  } catch {
    return [];
  }
}

async function writeRecent(userDataDir: string, list: readonly RecentEntry[]): Promise<void> {
  const file = fileOf(userDataDir);
  const text = JSON.stringify({ version: 1, entries: list }, null, 2) + '\n';
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    await fs.mkdir(userDataDir, { recursive: true });
    const h = await fs.open(tmp, 'wx', 0o600);
    try {
      await h.writeFile(text, 'utf8');
      await h.sync();
    } finally {
      await h.close();
    }
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new BriefsmithError('unreadable', `Could not save the recent-files list "${file}": ${e instanceof Error ? e.message : String(e)}.`, file);
  }
}

/** Records that `path` was opened or saved at `now`; returns the new list. */
export async function addRecent(userDataDir: string, entry: { path: string; title?: string; now: Date }): Promise<RecentEntry[]> {
  if (!nodePath.isAbsolute(entry.path)) {
    throw new BriefsmithError('invalid-input', `Recent files need an absolute path, not "${entry.path}".`, entry.path);
  }
  const list = pushRecent(await loadRecent(userDataDir), {
    path: nodePath.normalize(entry.path),
    title: (entry.title ?? '').slice(0, 300),
    openedAt: entry.now.toISOString(),
  });
  await writeRecent(userDataDir, list);
  return list;
}

/** Drops `path` from the list (e.g. the file was not found); returns the new list. */
export async function removeRecent(userDataDir: string, path: string): Promise<RecentEntry[]> {
  const list = removeRecentEntry(await loadRecent(userDataDir), path);
  await writeRecent(userDataDir, list);
  return list;
}

export async function clearRecent(userDataDir: string): Promise<void> {
  await writeRecent(userDataDir, []);
}
