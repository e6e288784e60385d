/**
 * Project files on disk, written so that work is never lost:
 *
 * - **Atomic save.** The new text goes to `path.tmp-<pid>-<rand>` in the same directory, is
 *   fsynced, then renamed over `path`, and the directory is fsynced. A crash or power cut at
 *   any moment leaves either the old file or the new one at `path`, never a mix, never none.
 * - **Backup.** Before the rename, the previous file is kept as `path.bak` (a hard link, or a
 *   copy where links are not possible), itself replaced atomically.
 * - **Autosave.** `writeAutosave` writes the same way into an autosave folder, one file per
 *   key; `listRecoverable` lists them at start-up, `discardAutosave` drops one.
 * - **Clear errors.** A damaged or newer file is a `ProjectOpenError` (a `BriefsmithError`)
 *   whose message names the file and says whether a backup can be opened instead
 *   (`openBackup`).
 */
import { randomBytes } from 'node:crypto';
import { constants as fsc, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as nodePath from 'node:path';
import { BriefsmithError, type BriefsmithErrorCode } from '../model/result';
import type { Project } from '../model/project';
import { PROJECT_EXTENSION, parseProject, projectTitle, serializeCheckedProject, serializeProject } from './project';

/**
 * Projects larger than this are refused before reading: far above real projects (2,000
 * articles take about 40 MB) and safely below the longest string V8 can build (~512 M chars).
 */
export const MAX_PROJECT_BYTES = 256 * 1024 * 1024;
/** A save larger than this (80 % of the open limit) succeeds with a warning. */
export const PROJECT_WARN_BYTES = Math.floor(MAX_PROJECT_BYTES * 0.8);

/** The size a save refuses (what open would refuse) and the size it warns at. */
export interface ProjectSizeLimits {
  readonly max: number;
  readonly warnAt: number;
}
export const DEFAULT_PROJECT_LIMITS: ProjectSizeLimits = { max: MAX_PROJECT_BYTES, warnAt: PROJECT_WARN_BYTES };

const mb = (n: number): string => `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MB`;

/**
 * Saving and opening agree on the size limit: a project that could not be opened again is
 * refused before anything is written (the file on disk is left as it was), and one near the
 * limit is saved with a warning. Returns that warning, or null.
 */
export function checkProjectSize(text: string, path: string, max = MAX_PROJECT_BYTES, warnAt = PROJECT_WARN_BYTES): string | null {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > max) {
    throw new BriefsmithError('too-large', `Cannot save "${path}": the project would be ${mb(bytes)}, over the ${mb(max)} that Briefsmith can open; remove some articles or split the project. The file on disk was not changed.`, path);
  }
  return bytes > warnAt ? `"${path}" is ${mb(bytes)}, near the ${mb(max)} limit for opening a project; remove some articles or split the project before it grows further.` : null;
}

export const BACKUP_SUFFIX = '.bak';
export const AUTOSAVE_SUFFIX = '.autosave' + PROJECT_EXTENSION;
const TMP_MARK = '.tmp-';

/** A project that cannot be opened; says whether `openBackup(file)` would work. */
export class ProjectOpenError extends BriefsmithError {
  constructor(
    code: BriefsmithErrorCode,
    message: string,
    file: string | null,
    readonly backupAvailable: boolean,
    readonly backupPath: string | null,
  ) {
    super(code, message, file);
  }
}

export const backupPathOf = (path: string): string => path + BACKUP_SUFFIX;

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

// ---------------------------------------------------------------------------------------
// Atomic writing
// ---------------------------------------------------------------------------------------

/** Temp files this process is writing right now (never cleaned up as stale). */
const inFlight = new Set<string>();

/** Windows may refuse a rename for a moment while a scanner holds the file. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      const transient = ['EPERM', 'EACCES', 'EBUSY'].includes(errno(e) ?? '');
      if (process.platform !== 'win32' || !transient || attempt >= 10) throw e;
      await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
    }
  }
}

/** Flushes a directory entry (the rename) to disk. Not possible on Windows; harmless there. */
async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(dir, fsc.O_RDONLY);
    await handle.sync();
  } catch (e) {
    // Some file systems (network shares) cannot fsync a directory; the data file was synced.
    if (!['EINVAL', 'ENOTSUP', 'EISDIR', 'EPERM', 'EBADF'].includes(errno(e) ?? '')) throw e;
  } finally {
    await handle?.close();
  }
}

/** Writes `data` to a fresh temp file beside `target`, fsynced; returns its path. */
async function writeTemp(target: string, data: string, mode: number): Promise<string> {
  const tmp = `${target}${TMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`;
  inFlight.add(tmp);
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(tmp, 'wx', mode);
    await handle.writeFile(data, 'utf8');
    await handle.sync();
    await handle.close();
    handle = null;
    return tmp;
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    inFlight.delete(tmp);
    throw e;
  }
}

/** Keeps the current `target` as `target.bak`, replacing the old backup atomically. */
async function keepBackup(target: string): Promise<void> {
  const bak = backupPathOf(target);
  const staging = `${bak}${TMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`;
  inFlight.add(staging);
  try {
    try {
      await fs.link(target, staging);
    } catch (e) {
      if (errno(e) === 'ENOENT') return; // nothing to back up
      // No hard links here (FAT, some network shares): copy, and flush the copy.
      await fs.copyFile(target, staging);
      const h = await fs.open(staging, 'r+');
      try {
        await h.sync();
      } finally {
        await h.close();
      }
    }
    await renameWithRetry(staging, bak);
  } finally {
    await fs.rm(staging, { force: true }).catch(() => undefined);
    inFlight.delete(staging);
  }
}

/** Where a save to `path` really goes: a symlinked project is saved through its link. */
async function saveTarget(path: string): Promise<{ target: string; mode: number; exists: boolean }> {
  const abs = nodePath.resolve(path);
  try {
    const st = await fs.stat(abs);
    if (!st.isFile()) throw new BriefsmithError('invalid-input', `Cannot save to "${path}": it is not a regular file.`, path);
    const target = (await fs.lstat(abs)).isSymbolicLink() ? await fs.realpath(abs) : abs;
    return { target, mode: st.mode & 0o777, exists: true };
  } catch (e) {
    if (errno(e) === 'ENOENT') return { target: abs, mode: 0o644, exists: false };
    throw e;
  }
}

/** Removes temp files beside `target` left by processes that are no longer running. */
async function removeStaleTemps(target: string): Promise<void> {
  const dir = nodePath.dirname(target);
  const base = nodePath.basename(target);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const isOurs = name.startsWith(base + TMP_MARK) || name.startsWith(base + BACKUP_SUFFIX + TMP_MARK);
    if (!isOurs) continue;
    const m = /\.tmp-(\d+)-[0-9a-f]+$/.exec(name);
    if (!m) continue;
    const full = nodePath.join(dir, name);
    if (inFlight.has(full)) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && isAlive(pid)) continue;
    await fs.rm(full, { force: true }).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errno(e) === 'EPERM'; // exists, owned by someone else
  }
}

async function atomicWrite(path: string, data: string, withBackup: boolean): Promise<void> {
  const { target, mode, exists } = await saveTarget(path);
  await removeStaleTemps(target);
  const tmp = await writeTemp(target, data, mode);
  try {
    if (withBackup && exists) await keepBackup(target);
    await renameWithRetry(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  } finally {
    inFlight.delete(tmp);
  }
  await fsyncDir(nodePath.dirname(target));
}

function saveError(path: string, e: unknown): BriefsmithError {
  if (e instanceof BriefsmithError) return e;
  const code = errno(e);
  const why =
    code === 'ENOSPC' ? 'the disk is full'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EROFS' ? 'the disk is read-only'
    : code === 'ENOENT' ? 'its folder does not exist'
    : e instanceof Error ? e.message : String(e);
  return new BriefsmithError('unreadable', `Could not save "${path}": ${why}. The previous version of the file is unchanged.`, path);
}

/**
 * Saves `p` to `path` atomically, keeping the previous file as `path.bak`.
 * On failure the file at `path` is unchanged and the error says why.
 */
export async function saveProjectFile(path: string, p: Project, limits: ProjectSizeLimits = DEFAULT_PROJECT_LIMITS): Promise<{ warning: string | null }> {
  const text = serializeProject(p);
  const warning = checkProjectSize(text, path, limits.max, limits.warnAt);
  try {
    await atomicWrite(path, text, true);
  } catch (e) {
    throw saveError(path, e);
  }
  return { warning };
}

// ---------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------

/** Reads and parses one project file; errors are plain `BriefsmithError`s naming `shownAs`. */
async function readProject(path: string, shownAs: string): Promise<{ project: Project; migratedFrom: number | null; text: string | null }> {
  let bytes: Buffer;
  // Only regular files: a device (/dev/zero) would be read forever, a FIFO would block the
  // open. Checked before opening, opened non-blocking, checked again on the open file, and
  // the read stops past the limit even if the file grows.
  const notFile = (st: { isDirectory(): boolean }): BriefsmithError =>
    st.isDirectory()
      ? new BriefsmithError('invalid-input', `"${shownAs}" is a folder, not a Briefsmith project.`, shownAs)
      : new BriefsmithError('invalid-input', `"${shownAs}" is not a regular file (a device, pipe or socket), not a Briefsmith project.`, shownAs);
  const tooLarge = (size: number): BriefsmithError =>
    new BriefsmithError('too-large', `"${shownAs}" is too large to open (${Math.round(size / 1048576)} MB; the limit is ${MAX_PROJECT_BYTES / 1048576} MB).`, shownAs);
  try {
    const st = await fs.stat(path);
    if (!st.isFile()) throw notFile(st);
    if (st.size > MAX_PROJECT_BYTES) throw tooLarge(st.size);
    const h = await fs.open(path, fsc.O_RDONLY | (fsc.O_NONBLOCK ?? 0));
    try {
      const hs = await h.stat();
      if (!hs.isFile()) throw notFile(hs);
      if (hs.size > MAX_PROJECT_BYTES) throw tooLarge(hs.size);
      const buf = Buffer.alloc(hs.size + 1);
      let n = 0;
      for (;;) {
        const { bytesRead } = await h.read(buf, n, buf.length - n, n);
        if (bytesRead === 0) break;
        n += bytesRead;
        if (n >= buf.length) {
          if (n > MAX_PROJECT_BYTES) throw tooLarge(n);
          break; // grew while being read: parse what a save finished writing
        }
      }
      bytes = buf.subarray(0, n);
    } finally {
      await h.close();
    }
  } catch (e) {
    if (e instanceof BriefsmithError) throw e;
    if (errno(e) === 'ENOENT') throw new BriefsmithError('not-found', `"${shownAs}" does not exist.`, shownAs);
    const why = errno(e) === 'EACCES' || errno(e) === 'EPERM' ? 'permission denied' : e instanceof Error ? e.message : String(e);
    throw new BriefsmithError('unreadable', `"${shownAs}" could not be read: ${why}.`, shownAs);
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new BriefsmithError('corrupt', `"${shownAs}" is a binary file, not a Briefsmith project.`, shownAs);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BriefsmithError('corrupt', `"${shownAs}" is damaged: it is not valid UTF-8 text.`, shownAs);
  }
  return parseProject(text, shownAs);
}

/** Whether `path.bak` exists and opens cleanly; with the backup's modification time. */
async function probeBackup(path: string): Promise<{ ok: boolean; savedAt: string | null }> {
  const bak = backupPathOf(path);
  try {
    await readProject(bak, bak);
    const st = await fs.stat(bak);
    return { ok: true, savedAt: st.mtime.toISOString() };
  } catch {
    return { ok: false, savedAt: null };
  }
}

/**
 * Opens a project file. A damaged or newer file throws a `ProjectOpenError` whose message
 * names the file and, when `path.bak` opens cleanly, offers it (`openBackup(path)`).
 * `usedBackup` is always false here; `openBackup` sets it.
 */
export async function openProjectFile(path: string): Promise<{ project: Project; migratedFrom: number | null; usedBackup: boolean; text: string | null }> {
  try {
    const { project, migratedFrom, text } = await readProject(path, path);
    return { project, migratedFrom, usedBackup: false, text };
  } catch (e) {
    if (!(e instanceof BriefsmithError)) throw e;
    if (e.code === 'invalid-input' || e.code === 'too-large') throw e;
    const bak = await probeBackup(path);
    const offer = bak.ok
      ? ` A backup from the previous save (${nodePath.basename(backupPathOf(path))}, saved ${bak.savedAt}) is available: open the backup instead?`
      : ' No usable backup is available.';
    throw new ProjectOpenError(e.code, e.message + offer, path, bak.ok, bak.ok ? backupPathOf(path) : null);
  }
}

/** Opens `path.bak`, the file kept by the previous save; for when the user accepts the offer. */
export async function openBackup(path: string): Promise<{ project: Project; migratedFrom: number | null; usedBackup: boolean; text: string | null }> {
  const bak = backupPathOf(path);
  const { project, migratedFrom, text } = await readProject(bak, bak);
  return { project, migratedFrom, usedBackup: true, text };
}

// ---------------------------------------------------------------------------------------
// Autosave and recovery
// ---------------------------------------------------------------------------------------

const KEY_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

function autosavePath(dir: string, key: string): string {
  if (!KEY_RE.test(key)) {
    throw new BriefsmithError('invalid-input', `Autosave key "${key}" is not allowed: use 1–128 letters, digits, "-" or "_".`);
  }
  return nodePath.join(nodePath.resolve(dir), key + AUTOSAVE_SUFFIX);
}

/** The file the autosave under `key` is written to. */
export const autosaveFileOf = (dir: string, key: string): string => autosavePath(dir, key);

/**
 * Writes an autosave of `p` under `key` (atomic, no backup); returns the file's path. `checked`:
 * `p` is built only of parts the schema already returned, so it is not validated again.
 */
export async function writeAutosave(dir: string, key: string, p: Project, options: { checked?: boolean } = {}): Promise<string> {
  const file = autosavePath(dir, key);
  const text = options.checked ? serializeCheckedProject(p) : serializeProject(p);
  checkProjectSize(text, file);
  try {
    await fs.mkdir(nodePath.dirname(file), { recursive: true });
    await atomicWrite(file, text, false);
  } catch (e) {
    throw saveError(file, e);
  }
  return file;
}

/**
 * Autosaves that can be recovered, newest first. Files that do not open cleanly are left out
 * (they are never offered); a missing folder gives an empty list.
 */
export async function listRecoverable(dir: string): Promise<Array<{ key: string; path: string; savedAt: string; title: string }>> {
  const root = nodePath.resolve(dir);
  let names: string[];
  try {
    names = await fs.readdir(root);
  } catch (e) {
    if (errno(e) === 'ENOENT') return [];
    throw new BriefsmithError('unreadable', `The autosave folder "${root}" could not be read: ${e instanceof Error ? e.message : String(e)}.`, root);
  }
  const out: Array<{ key: string; path: string; savedAt: string; title: string }> = [];
  for (const name of names) {
    if (!name.endsWith(AUTOSAVE_SUFFIX)) continue;
    const key = name.slice(0, -AUTOSAVE_SUFFIX.length);
    if (!KEY_RE.test(key)) continue;
    const path = nodePath.join(root, name);
    try {
      const st = await fs.lstat(path);
      if (!st.isFile()) continue;
      const { project } = await readProject(path, path);
      out.push({ key, path, savedAt: st.mtime.toISOString(), title: projectTitle(project) });
    } catch {
      continue;
    }
  }
  return out.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.key.localeCompare(b.key)));
}

/** Deletes the autosave under `key`; nothing happens when there is none. */
export async function discardAutosave(dir: string, key: string): Promise<void> {
  const file = autosavePath(dir, key);
  await fs.rm(file, { force: true });
  await removeStaleTemps(file);
}

// ---------------------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------------------

function isWithin(base: string, candidate: string): boolean {
  const rel = nodePath.relative(base, candidate);
  return rel !== '' && !rel.startsWith('..' + nodePath.sep) && rel !== '..' && !nodePath.isAbsolute(rel);
}

/**
 * The real path of `p`, resolving symlinks in the part that exists (the rest may not yet).
 * A dangling symlink is followed to where it points, since writing through it lands there.
 */
function realpathOfPossiblyMissing(p: string, depth = 0): string {
  if (depth > 40) throw new BriefsmithError('invalid-input', `Too many symbolic links in "${p}".`, p);
  const tail: string[] = [];
  let cur = p;
  for (;;) {
    try {
      return nodePath.join(realpathSync.native(cur), ...tail.reverse());
    } catch (e) {
      if (errno(e) !== 'ENOENT' && errno(e) !== 'ENOTDIR') throw e;
      let link: string | null = null;
      try {
        link = lstatSync(cur).isSymbolicLink() ? readlinkSync(cur) : null;
      } catch {
        link = null;
      }
      if (link !== null) {
        const pointed = nodePath.resolve(nodePath.dirname(cur), link);
        return nodePath.join(realpathOfPossiblyMissing(pointed, depth + 1), ...tail.reverse());
      }
      const parent = nodePath.dirname(cur);
      if (parent === cur) return p;
      tail.push(nodePath.basename(cur));
      cur = parent;
    }
  }
}

/**
 * `relative` resolved under `base`; throws `invalid-input` when it would land outside `base`
 * (through `..`, an absolute path, a drive or UNC prefix, or a symlink pointing out), or is
 * `base` itself. The target need not exist yet. Returns the lexical path (under `base`).
 */
export function resolveInside(base: string, relative: string): string {
  const refuse = (why: string): never => {
    throw new BriefsmithError('invalid-input', `The path "${relative}" is not allowed: ${why}.`, relative);
  };
  if (typeof relative !== 'string' || relative === '') refuse('it is empty');
  if (relative.includes('\u0000')) refuse('it contains a NUL character');
  if (nodePath.isAbsolute(relative) || nodePath.win32.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) refuse('it is absolute');
  const absBase = nodePath.resolve(base);
  const resolved = nodePath.resolve(absBase, relative);
  if (!isWithin(absBase, resolved)) refuse(`it leads outside "${absBase}"`);
  let realBase: string;
  try {
    realBase = realpathSync.native(absBase);
  } catch {
    throw new BriefsmithError('not-found', `The folder "${absBase}" does not exist.`, absBase);
  }
  const real = realpathOfPossiblyMissing(resolved);
  if (!isWithin(realBase, real)) refuse(`it leads outside "${absBase}" through a symbolic link`);
  return resolved;
}
