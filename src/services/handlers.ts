/**
 * The handlers behind every method of `BriefsmithApi`. Electron main registers them for
 * the IPC channels; the tests call the very same functions over HTTP. What differs between
 * the two (dialogs, the user-data folder, the shell, the clock, where progress goes) comes
 * in through `ServiceEnv`.
 *
 * Rule for the file system: a handler writes only to a path the analyst chose in a dialog
 * (or that came from the recent list / the OS's file-open event, which main approved), and
 * opens only files it exported. The renderer cannot name an arbitrary path to write.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BriefsmithError, fail, ok, type Article, type Project, type Result } from '../model';
import { importBytes, importText } from '../import';
import { extractionHandOver, extractionPort, extractProject, extractProjectUpdate, warmExtractWorker } from './extract-host';
import { articleKey } from './article-key';
import { adoptExtraction, autosaveProject, documentOfHeld, heldTextPart, openProjectHeld, primeExtractionFromHeld, recoverHeld, saveHeldProject } from './autosave-host';
import { cancelFlag, exportDocumentTo, newCancelFlag, previewHtml, previewPages, writeAtomic, type DocumentDirs } from './document-jobs';
import { loadTemplates } from '../compose/templates-node';
import { newProject } from '../project/project';
import { autosaveFileOf, backupPathOf, discardAutosave, ProjectOpenError, saveProjectFile, type ProjectSizeLimits } from '../project/store';
import { addRecent, loadRecent, samePath } from '../project/recent';
import {
  RequestSchemas,
  type ApiMethod,
  type BriefsmithApi,
  type ExportedFile,
  type ExportFormat,
  type HeldMissing,
  type ImportFailure,
  type ProjectReply,
  type ProgressEvent,
  type RecentProject,
  type SavedProject,
  type TemplateSummary,
} from './api';

export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/** What differs between Electron and the tests. */
export interface ServiceEnv {
  /** Open dialog; absolute paths, or null when cancelled. */
  chooseFilesToOpen(options: { title: string; filters: readonly FileFilter[]; multiple: boolean }): Promise<string[] | null>;
  /** Save dialog; an absolute path, or null when cancelled. */
  chooseSavePath(options: { title: string; defaultName: string; filters: readonly FileFilter[] }): Promise<string | null>;
  /** Per-user folder for the recent list and the autosave copy. */
  readonly userDataDir: string;
  openPath(path: string): Promise<void>;
  showInFolder(path: string): void;
  now(): Date;
  emitProgress(event: ProgressEvent): void;
  /** Paths the analyst chose (dialogs, recent list, OS file-open). Handlers add to it; main may too. */
  readonly approvedPaths: Set<string>;
  /** The templates folder; the core's default (found from the module's location) when absent. */
  readonly templatesDir?: string;
  /** The fonts the DOCX/PDF renderers embed; the core's default when absent. */
  readonly fontsDir?: string;
  /** Project size limits for saves (tests make them small); the store's defaults when absent. */
  readonly projectLimits?: ProjectSizeLimits;
}

export const ARTICLE_FILTERS: readonly FileFilter[] = [
  { name: 'Articles', extensions: ['txt', 'md', 'html', 'htm', 'docx', 'pdf'] },
  { name: 'All files', extensions: ['*'] },
];
export const PROJECT_EXTENSION = 'briefsmith';
const PROJECT_FILTERS: readonly FileFilter[] = [{ name: 'Briefsmith project', extensions: [PROJECT_EXTENSION] }];
const EXPORT_FILTERS: Record<ExportFormat, readonly FileFilter[]> = {
  docx: [{ name: 'Word document', extensions: ['docx'] }],
  pdf: [{ name: 'PDF document', extensions: ['pdf'] }],
};
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Payloads already validated at the IPC boundary (main's `registerApi`): the very objects the
 * schema returned. A handler given one of them does not parse it again, so every payload is
 * validated once (a large project is not checked twice). The renderer cannot forge membership:
 * these are objects of main's own heap.
 */
const validated = new WeakSet<object>();

/** Validates a payload against the method's schema: the parsed request, or a message naming the method and field. */
export function validateRequest<M extends ApiMethod>(method: M, payload: unknown): { ok: true; data: z.output<(typeof RequestSchemas)[M]> } | { ok: false; message: string } {
  const r = RequestSchemas[method].safeParse(payload ?? {});
  if (!r.success) {
    const first = r.error.issues[0];
    const where = first && first.path.length ? ` at ${first.path.join('.')}` : '';
    return { ok: false, message: `${method}: the request is not valid${where}: ${first?.message ?? 'unknown problem'}.` };
  }
  if (r.data && typeof r.data === 'object') validated.add(r.data);
  return { ok: true, data: r.data as z.output<(typeof RequestSchemas)[M]> };
}

/** The handlers' check: a clear `invalid-input` error, unless the boundary validated this payload already. */
export function parseRequest<M extends ApiMethod>(method: M, payload: unknown): z.output<(typeof RequestSchemas)[M]> {
  if (payload && typeof payload === 'object' && validated.has(payload)) return payload as z.output<(typeof RequestSchemas)[M]>;
  const r = validateRequest(method, payload);
  if (!r.ok) throw new BriefsmithError('invalid-input', r.message);
  return r.data;
}

const withExtension = (p: string, ext: string): string => (path.extname(p).toLowerCase() === `.${ext}` ? p : `${p}.${ext}`);

const safeBaseName = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80) || 'Briefing';

export { pdfPageCount, writeFailure } from './document-jobs';

async function readJson(file: string): Promise<unknown | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** The one autosave slot of this app (the store supports several; one window needs one). */
const AUTOSAVE_KEY = 'session';

export function createHandlers(env: ServiceEnv): BriefsmithApi {
  warmExtractWorker();
  const autosaveDir = path.join(env.userDataDir, 'autosave');
  /** Where the autosaved project lives on disk (its own file), kept beside the autosave. */
  const autosaveMeta = path.join(autosaveDir, 'session.json');
  /** Files this session exported: the only ones openPath/showInFolder will touch. */
  const exported = new Set<string>();
  /** Files chosen in the import dialog this session: the only ones re-import may read. */
  const importedPaths = new Set<string>();
  /** Projects the analyst chose to open this session: the only ones whose backup may be opened. */
  const openedPaths = new Set<string>();
  /** Running extract and export jobs, so cancelJob can stop them (`onCancel` stops an extraction worker at once). */
  const running = new Map<string, { cancelled: boolean; onCancel?: (() => void) | null }>();
  /** An article's findings are kept under its content id and the metadata extraction reads. */
  const cacheKey = (a: Article): string => articleKey(a);
  const tokenFor = (job: string | undefined): { cancelled: boolean; onCancel?: (() => void) | null } => {
    const token: { cancelled: boolean; onCancel?: (() => void) | null } = { cancelled: false };
    if (job) running.set(job, token);
    return token;
  };
  const dirs: DocumentDirs = { templatesDir: env.templatesDir ?? null, fontsDir: env.fontsDir ?? null };
  /** Files chosen in an export dialog this session: an export the project worker could not make (`missing`) may go to one again. */
  const exportTargets = new Set<string>();

  const approve = (p: string): string => {
    const abs = path.resolve(p);
    env.approvedPaths.add(abs);
    return abs;
  };
  const requireApproved = (p: string, what: string): string => {
    const abs = path.resolve(p);
    if (!env.approvedPaths.has(abs)) {
      throw new BriefsmithError('invalid-input', `${what}: ${abs} was not chosen in a dialog; choose it with Open or Save As.`, abs);
    }
    return abs;
  };
  const progressOf = (job: string | undefined) =>
    job ? (p: { done: number; total: number; label: string }) => env.emitProgress({ job, ...p }) : undefined;

  const isRecent = async (p: string): Promise<boolean> => (await loadRecent(env.userDataDir)).some((e) => samePath(e.path, p));
  const remember = async (p: string, title: string): Promise<void> => {
    await addRecent(env.userDataDir, { path: p, title, now: env.now() });
  };
  /**
   * Saves to an approved `file`: the project worker's held version (validated, serialised and
   * written there), or a whole project sent with the request (validated at the edge).
   */
  const saveTo = async (file: string, req: { held: string } | { project: Project }): Promise<SavedProject | HeldMissing> => {
    if ('held' in req) {
      const r = await saveHeldProject(req.held, file, env.projectLimits ?? null);
      if (r.kind === 'missing') return { kind: 'missing', path: file };
      await remember(file, r.title);
      return { path: file, warning: r.warning };
    }
    const { warning } = await saveProjectFile(file, req.project, env.projectLimits);
    await remember(file, req.project.briefing.title);
    return { path: file, warning };
  };

  const importPaths = async (paths: readonly string[], job: string | undefined) => {
    const progress = progressOf(job);
    const articles: Article[] = [];
    const failures: ImportFailure[] = [];
    for (const [i, p] of paths.entries()) {
      progress?.({ done: i, total: paths.length, label: `Importing ${path.basename(p)}` });
      try {
        const st = await stat(p);
        if (st.size > MAX_FILE_BYTES) throw new BriefsmithError('too-large', `${p}: the file is larger than 50 MB.`, p);
        articles.push(await importBytes(new Uint8Array(await readFile(p)), { path: p }));
      } catch (e) {
        const r = fail(e, p);
        if (!r.ok) failures.push({ file: p, code: r.error.code, message: messageNaming(r.error.message, p) });
      }
    }
    progress?.({ done: paths.length, total: paths.length, label: 'Imported' });
    return { articles, failures };
  };

  const handlers: BriefsmithApi = {
    async importFiles(req) {
      const { job } = parseRequest('importFiles', req);
      const paths = await env.chooseFilesToOpen({ title: 'Import articles', filters: ARTICLE_FILTERS, multiple: true });
      if (!paths || paths.length === 0) return ok(null);
      // Reading them again later (re-import) is allowed; writing never is (not in approvedPaths).
      for (const p of paths) importedPaths.add(path.resolve(p));
      return ok(await importPaths(paths, job));
    },

    async importFileContents(req) {
      const { files, job } = parseRequest('importFileContents', req);
      const progress = progressOf(job);
      const articles: Article[] = [];
      const failures: ImportFailure[] = [];
      for (const [i, f] of files.entries()) {
        progress?.({ done: i, total: files.length, label: `Importing ${f.name}` });
        try {
          const bytes = Buffer.from(f.bytesBase64, 'base64');
          if (bytes.byteLength > MAX_FILE_BYTES) throw new BriefsmithError('too-large', `${f.name}: the file is larger than 50 MB.`, f.name);
          articles.push(await importBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { path: f.name }));
        } catch (e) {
          const r = fail(e, f.name);
          if (!r.ok) failures.push({ file: f.name, code: r.error.code, message: messageNaming(r.error.message, f.name) });
        }
      }
      progress?.({ done: files.length, total: files.length, label: 'Imported' });
      return ok({ articles, failures });
    },

    async reimportFiles(req) {
      const { paths, job } = parseRequest('reimportFiles', req);
      const allowed = paths.filter((p) => importedPaths.has(path.resolve(p)));
      const refused: ImportFailure[] = paths
        .filter((p) => !importedPaths.has(path.resolve(p)))
        .map((p) => ({ file: p, code: 'invalid-input', message: `${p}: Briefsmith can read this file again only after you choose it with Choose files… in this session.` }));
      const r = await importPaths(allowed, job);
      return ok({ articles: r.articles, failures: [...r.failures, ...refused] });
    },

    async importText(req) {
      const { text } = parseRequest('importText', req);
      return ok(await importText(text));
    },

    async extract(req) {
      const { articles, job } = parseRequest('extract', req);
      const progress = progressOf(job);
      const token = tokenFor(job);
      try {
        // In a worker thread that keeps each article's findings: only new articles are extracted.
        const findings = await extractProject(
          articles.map((a) => ({ key: cacheKey(a), article: a })),
          token,
          progress,
        );
        return ok(findings);
      } finally {
        if (job) running.delete(job);
      }
    },

    async extractUpdate(req) {
      const { articles, base, job } = parseRequest('extractUpdate', req);
      const progress = progressOf(job);
      const token = tokenFor(job);
      try {
        const items = articles.map((a) => ({ key: articleKey(a), article: 'ref' in a ? null : a }));
        const r = await extractProjectUpdate(items, base, token, progress);
        if (r.kind === 'update') return ok(r);
        const missing = new Set(r.keys);
        return ok({ kind: 'missing' as const, ids: articles.filter((a) => missing.has(articleKey(a))).map((a) => a.id) });
      } finally {
        if (job) running.delete(job);
      }
    },

    async cancelJob(req) {
      const { job } = parseRequest('cancelJob', req);
      const token = running.get(job);
      if (token) {
        token.cancelled = true;
        token.onCancel?.();
      }
      return ok({ cancelled: token !== undefined });
    },

    async preview(req) {
      const r = parseRequest('preview', req);
      if ('project' in r) return ok({ html: { inline: await previewHtml(r.project, dirs) } });
      // Composed where the project is held, which keeps a long HTML for the window to read in parts.
      const d = await documentOfHeld(r.held, { kind: 'html' }, dirs, newCancelFlag());
      if (d.kind === 'missing') return ok({ kind: 'missing' as const });
      if (d.kind !== 'html') throw new BriefsmithError('internal', `The project worker answered "${d.kind}" to a preview.`);
      return ok({ html: d.html });
    },

    async previewPages(req) {
      const r = parseRequest('previewPages', req);
      if ('project' in r) return ok(await previewPages(r.project, dirs));
      const d = await documentOfHeld(r.held, { kind: 'pages' }, dirs, newCancelFlag());
      if (d.kind === 'missing') return ok({ kind: 'missing' as const });
      if (d.kind !== 'pages') throw new BriefsmithError('internal', `The project worker answered "${d.kind}" to a preview.`);
      return ok(d.pages);
    },

    async exportDocument(req) {
      const r = parseRequest('exportDocument', req);
      const { format, job } = r;
      const progress = progressOf(job);
      // From the first moment: Cancel works while the dialog is open too.
      const token = tokenFor(job);
      try {
        let target: string;
        if ('path' in r) {
          // An export that answered `missing`, again: only to a file chosen in an export dialog.
          target = path.resolve(r.path);
          if (!exportTargets.has(target)) throw new BriefsmithError('invalid-input', `Export: ${target} was not chosen in an export dialog; export again to choose it.`, target);
        } else {
          const title = 'project' in r ? r.project.briefing.title : (r.suggestedName ?? '');
          const chosen = await env.chooseSavePath({ title: `Export ${format.toUpperCase()}`, defaultName: `${safeBaseName(title)}.${format}`, filters: EXPORT_FILTERS[format] });
          if (!chosen) return ok(null);
          // A grant of its own: an export target goes to `exported` (open, show in folder), never to
          // `approvedPaths`, so the renderer cannot later save the project over an exported file.
          target = path.resolve(withExtension(chosen, format));
          exportTargets.add(target);
        }
        if (token.cancelled) throw new BriefsmithError('cancelled', 'Export was cancelled.');
        let made: { bytes: number; warnings: readonly string[] };
        if ('project' in r) {
          made = await exportDocumentTo(r.project, format, target, dirs, token, progress);
        } else {
          // Composed, rendered and written where the project is held; main relays progress and Cancel.
          const flag = newCancelFlag();
          token.onCancel = () => cancelFlag(flag);
          const d = await documentOfHeld(r.held, { kind: 'export', format, target }, dirs, flag, progress);
          if (d.kind === 'missing') return ok({ kind: 'missing' as const, path: target });
          if (d.kind !== 'exported') throw new BriefsmithError('internal', `The project worker answered "${d.kind}" to an export.`);
          made = d;
        }
        exported.add(target);
        const file: ExportedFile = { path: target, bytes: made.bytes, format, warnings: [...made.warnings] };
        return ok(file);
      } finally {
        if (job) running.delete(job);
      }
    },

    async listTemplates(req) {
      parseRequest('listTemplates', req);
      const list = env.templatesDir ? loadTemplates(env.templatesDir) : loadTemplates();
      return ok(list.map((t): TemplateSummary => ({ id: t.id, name: t.name, description: t.description })));
    },

    async newProject(req) {
      parseRequest('newProject', req);
      const reply: ProjectReply = { projectText: { inline: JSON.stringify(newProject({ now: env.now() })) }, path: null, migratedFrom: null, held: null };
      return ok(reply);
    },

    async openProject(req) {
      const { path: given } = parseRequest('openProject', req);
      let file: string;
      if (given) {
        const abs = path.resolve(given);
        if (!env.approvedPaths.has(abs) && !(await isRecent(abs))) {
          throw new BriefsmithError('invalid-input', `${abs}: open it with File › Open first.`, abs);
        }
        file = approve(abs);
      } else {
        const chosen = await env.chooseFilesToOpen({ title: 'Open project', filters: PROJECT_FILTERS, multiple: false });
        if (!chosen || !chosen[0]) return ok(null);
        file = approve(chosen[0]);
      }
      openedPaths.add(file);
      let opened: Awaited<ReturnType<typeof openProjectHeld>>;
      try {
        // Read, parsed and checked in the project worker, which keeps it and its text: the window reads that in parts.
        opened = await openProjectHeld(file, false);
      } catch (e) {
        // Damaged or newer: keep the store's offer of the backup as data the app can act on.
        if (!(e instanceof ProjectOpenError) || !e.backupAvailable || !e.backupPath) throw e;
        const failed = fail(e, file);
        if (failed.ok) throw e;
        return { ok: false, error: { ...failed.error, backup: { path: e.backupPath, savedAt: await mtimeOf(e.backupPath) } } };
      }
      await remember(file, opened.title);
      const reply: ProjectReply = { projectText: opened.projectText, path: file, migratedFrom: opened.migratedFrom, held: opened.held };
      return ok(reply);
    },

    async openProjectBackup(req) {
      const { path: given } = parseRequest('openProjectBackup', req);
      const file = path.resolve(given);
      if (!openedPaths.has(file)) {
        throw new BriefsmithError('invalid-input', `${file}: Briefsmith opens the backup of a project only after you tried to open that project with Open in this session.`, file);
      }
      const backupPath = backupPathOf(file);
      const savedAt = await mtimeOf(backupPath);
      if (savedAt === null) throw new BriefsmithError('not-found', `${file}: there is no backup (${path.basename(backupPath)}) beside it to open.`, file);
      const { projectText, migratedFrom, held } = await openProjectHeld(file, true);
      // Saving writes the recovered project back over the damaged file (the path stays approved).
      approve(file);
      return ok({ projectText, path: file, migratedFrom, held, backupPath, savedAt });
    },

    async saveProject(req) {
      const { path: p, ...what } = parseRequest('saveProject', req);
      const file = requireApproved(p, 'Save');
      return ok(await saveTo(file, what));
    },

    async saveProjectAs(req) {
      const { suggestedName, ...what } = parseRequest('saveProjectAs', req);
      const chosen = await env.chooseSavePath({
        title: 'Save project as',
        defaultName: `${safeBaseName(suggestedName ?? ('project' in what ? what.project.briefing.title : ''))}.${PROJECT_EXTENSION}`,
        filters: PROJECT_FILTERS,
      });
      if (!chosen) return ok(null);
      const file = approve(withExtension(chosen, PROJECT_EXTENSION));
      return ok(await saveTo(file, what));
    },

    async recentProjects(req) {
      parseRequest('recentProjects', req);
      const present: RecentProject[] = [];
      for (const e of await loadRecent(env.userDataDir)) {
        try {
          await stat(e.path);
          present.push({ path: e.path, title: e.title, openedAt: e.openedAt });
        } catch {
          /* moved or deleted: leave it out */
        }
      }
      return ok(present);
    },

    async autosave(req) {
      const { path: p, write, ...patch } = parseRequest('autosave', req);
      const savedAt = env.now().toISOString();
      const outcome = await autosaveProject(patch, write ? { dir: autosaveDir, key: AUTOSAVE_KEY } : null);
      if (outcome !== 'saved') return ok({ kind: outcome });
      await writeAtomic(autosaveMeta, JSON.stringify({ savedAt, path: p }));
      return ok({ kind: 'saved' as const, savedAt });
    },

    async recover(req) {
      parseRequest('recover', req);
      // Read and checked in the project worker, which keeps it (restoring it then costs main nothing).
      const found = await recoverHeld(autosaveDir, AUTOSAVE_KEY);
      if (!found) return ok(null);
      const meta = z.object({ savedAt: z.string(), path: z.string().nullable() }).safeParse(await readJson(autosaveMeta));
      const savedAt = meta.success ? meta.data.savedAt : ((await mtimeOf(autosaveFileOf(autosaveDir, AUTOSAVE_KEY))) ?? env.now().toISOString());
      const p = meta.success ? meta.data.path : null;
      // The path came from a dialog in the earlier session; approve it only if it is still on the recent list.
      const keep = p && (await isRecent(path.resolve(p))) ? approve(p) : null;
      return ok({ projectText: found.projectText, path: keep, migratedFrom: found.migratedFrom, held: found.held, savedAt });
    },

    async primeExtraction(req) {
      const { held } = parseRequest('primeExtraction', req);
      const link = extractionPort();
      if (!link) return ok({ primed: false });
      let keys: readonly string[] | null;
      try {
        keys = await primeExtractionFromHeld(held, link.port);
      } catch (e) {
        link.port.close();
        throw e;
      }
      if (keys) link.primed(keys);
      return ok({ primed: keys !== null });
    },

    async adoptExtraction(req) {
      const { extracted, version } = parseRequest('adoptExtraction', req);
      const port = extractionHandOver(extracted);
      if (!port) return ok({ held: false });
      return ok({ held: await adoptExtraction(version, port) });
    },

    async readTextPart(req) {
      const { ticket, index } = parseRequest('readTextPart', req);
      const text = await heldTextPart(ticket, index);
      return ok(text === null ? { kind: 'missing' as const } : { text });
    },

    async discardRecovery(req) {
      parseRequest('discardRecovery', req);
      await discardAutosave(autosaveDir, AUTOSAVE_KEY);
      await rm(autosaveMeta, { force: true });
      return ok(null);
    },

    async openPath(req) {
      const { path: p } = parseRequest('openPath', req);
      const abs = path.resolve(p);
      if (!exported.has(abs)) throw new BriefsmithError('invalid-input', `${abs}: only files exported in this session can be opened.`, abs);
      await env.openPath(abs);
      return ok(null);
    },

    async showInFolder(req) {
      const { path: p } = parseRequest('showInFolder', req);
      const abs = path.resolve(p);
      if (!exported.has(abs)) throw new BriefsmithError('invalid-input', `${abs}: only files exported in this session can be shown.`, abs);
      env.showInFolder(abs);
      return ok(null);
    },
  };

  return guardAll(handlers);
}

/** A file's modification time (ISO), or null when it does not exist. */
async function mtimeOf(file: string): Promise<string | null> {
  try {
    return (await stat(file)).mtime.toISOString();
  } catch {
    return null;
  }
}

/** A message for the analyst that names the file (import errors usually do already). */
function messageNaming(message: string, file: string): string {
  return message.includes(file) || message.includes(path.basename(file)) ? message : `${file}: ${message}`;
}

/** Every handler resolves to a Result: thrown errors become `{ ok: false }` data. */
function guardAll(api: BriefsmithApi): BriefsmithApi {
  const out: Record<string, (req: unknown) => Promise<Result<unknown>>> = {};
  for (const [name, fn] of Object.entries(api) as Array<[string, (req: unknown) => Promise<Result<unknown>>]>) {
    out[name] = async (req: unknown) => {
      try {
        return await fn(req);
      } catch (e) {
        return fail(e);
      }
    };
  }
  return out as unknown as BriefsmithApi;
}
