/**
 * What the project worker does with one job. The worker (`autosave-worker.ts`, started by
 * `autosave-host.ts`) holds the window's project as the patches of `project-patch.ts` build it,
 * and does every piece of project-file work that costs time in proportion to the project, so
 * that Electron's main process only passes small messages and text on:
 *
 * - `patch`: applies a patch to the held project; with `write`, writes the autosave file;
 * - `save`: validates, serialises and writes the held project to a project file (atomically,
 *   keeping the previous file as `.bak`): explicit Save and Save As;
 * - `open`: reads and parses a project file (or its backup) and holds the project it gives,
 *   answering with the project's JSON text, which the window parses (main never builds it),
 *   held here and read by the window in parts (`reply-text.ts`: main copies a part at a time);
 * - `recover`: the same for the crash-recovery copy;
 * - `prime`: hands the held project's articles and findings to the extraction worker over a
 *   port of their own (`extractionPort`), so the window's next import sends references only;
 * - `adopt`: the other way: takes the articles and findings of one of the extraction's versions
 *   from the extraction worker (`extractionHandOver`), so that the first autosave of a freshly
 *   imported project sends only what the extraction does not have (the analyst's decisions and
 *   the briefing), not the whole project through main;
 * - `document`: composes and renders the held project: the preview's HTML or PDF pages, or an
 *   export written to the file the analyst chose (`document-jobs.ts`), with progress and a
 *   cancel flag main sets; the HTML, too, is held here and read in parts;
 * - `part`: one part of a held text (answered at once, ahead of the jobs queued before it).
 *
 * Run in the worker, and in-process where no worker can start.
 */
import type { MessagePort } from 'node:worker_threads';
import { BriefsmithError, type BriefsmithErrorCode } from '../model/result';
import type { Project } from '../model/project';
import { autosaveFileOf, openBackup, openProjectFile, ProjectOpenError, saveProjectFile, writeAutosave, type ProjectSizeLimits } from '../project/store';
import { articleKey } from './article-key';
import type { HandOver, PrimeRequest } from './extract-cache';
import type { DocumentDirs, DocumentProgress } from './document-jobs';
import type { ExportFormat, PreviewPages } from './api';
import { applyProjectPatch, MissingBase, type HeldProject, type ProjectPatch } from './project-patch';
import { newProject, serializeCheckedProject } from '../project/project';
import type { HeldTexts, ReplyText } from './reply-text';

/** What a `document` job makes of the held project. */
export type DocumentWork = { readonly kind: 'html' } | { readonly kind: 'pages' } | { readonly kind: 'export'; readonly format: ExportFormat; readonly target: string };

export type ProjectJob =
  | {
      readonly id: number;
      readonly kind: 'patch';
      readonly patch: ProjectPatch;
      /** Where to write the autosave of the project the patch makes; null: only hold it (a step of a whole project sent in pieces). */
      readonly write: { readonly dir: string; readonly key: string } | null;
    }
  | { readonly id: number; readonly kind: 'save'; readonly held: string; readonly path: string; readonly limits: ProjectSizeLimits | null }
  | { readonly id: number; readonly kind: 'open'; readonly path: string; readonly backup: boolean; readonly version: string }
  | { readonly id: number; readonly kind: 'recover'; readonly dir: string; readonly key: string; readonly version: string }
  | { readonly id: number; readonly kind: 'part'; readonly ticket: string; readonly index: number }
  | { readonly id: number; readonly kind: 'prime'; readonly held: string; readonly port: MessagePort }
  | { readonly id: number; readonly kind: 'adopt'; readonly version: string; readonly port: MessagePort }
  | {
      readonly id: number;
      readonly kind: 'document';
      readonly held: string;
      readonly work: DocumentWork;
      readonly dirs: DocumentDirs;
      /** Set by main to cancel (`cancelFlag`), read between the renderer's steps. */
      readonly cancel: SharedArrayBuffer;
    };

export type ProjectJobReply =
  | { readonly id: number; readonly kind: 'saved' | 'staged' | 'missing' | 'none' }
  | { readonly id: number; readonly kind: 'written'; readonly warning: string | null; readonly title: string }
  | { readonly id: number; readonly kind: 'opened'; readonly projectText: ReplyText; readonly migratedFrom: number | null; readonly title: string }
  | { readonly id: number; readonly kind: 'primed'; readonly keys: readonly string[] }
  | { readonly id: number; readonly kind: 'adopted' }
  | { readonly id: number; readonly kind: 'html'; readonly html: ReplyText }
  | { readonly id: number; readonly kind: 'part'; readonly text: string }
  | { readonly id: number; readonly kind: 'pages'; readonly pages: PreviewPages }
  | { readonly id: number; readonly kind: 'exported'; readonly bytes: number; readonly warnings: readonly string[] }
  | { readonly id: number; readonly kind: 'failed'; readonly code: BriefsmithErrorCode; readonly message: string; readonly file: string | null; readonly backupPath: string | null };

/** What the worker keeps between jobs: the project of the last patch, save or open, and the long texts of its replies until the window has read them. */
export interface ProjectHolder {
  held: HeldProject | null;
  readonly texts: HeldTexts;
}

const hold = (version: string, project: Project): HeldProject => ({ version, project, byKey: new Map(project.articles.map((a) => [articleKey(a), a])) });

/** The held project of version `version`, when it is whole (an adopted one waits for its first patch). */
const heldWhole = (h: ProjectHolder, version: string): HeldProject | null => (h.held?.version === version && !h.held.partial ? h.held : null);

/** `text`: the file's own text when it is the project's checked text (`parseProject`), passed on without writing the project out again. */
const opened = (h: ProjectHolder, id: number, project: Project, migratedFrom: number | null, text: string | null): ProjectJobReply => ({
  id,
  kind: 'opened',
  // The file's form (no sentence its article holds again): the window reads it in parts, parses it once and puts the sentences back.
  projectText: h.texts.keep(text ?? serializeCheckedProject(project)),
  migratedFrom,
  title: project.briefing.title,
});

/** The preview or export a `document` job asks for, of the held project. */
async function documentJob(h: ProjectHolder, project: Project, job: Extract<ProjectJob, { kind: 'document' }>, progress?: DocumentProgress): Promise<ProjectJobReply> {
  // The renderers load here, on the first preview or export, not when the worker starts.
  const docs = await import('./document-jobs');
  const { id, work } = job;
  switch (work.kind) {
    case 'html':
      return { id, kind: 'html', html: h.texts.keep(await docs.previewHtml(project, job.dirs)) };
    case 'pages':
      return { id, kind: 'pages', pages: await docs.previewPages(project, job.dirs) };
    case 'export': {
      const r = await docs.exportDocumentTo(project, work.format, work.target, job.dirs, docs.flagToken(job.cancel), progress);
      return { id, kind: 'exported', bytes: r.bytes, warnings: r.warnings };
    }
  }
}

/** Waits for the one message of a port (null when it closes first). */
const onePortMessage = <T>(port: MessagePort): Promise<T | null> =>
  new Promise<T | null>((resolve) => {
    port.once('message', (m: T) => resolve(m));
    port.once('close', () => resolve(null));
  });

export async function runProjectJob(h: ProjectHolder, job: ProjectJob, progress?: DocumentProgress): Promise<ProjectJobReply> {
  const { id } = job;
  try {
    switch (job.kind) {
      case 'patch': {
        const next = applyProjectPatch(h.held, job.patch);
        h.held = next;
        if (!job.write) return { id, kind: 'staged' };
        // The pieces were validated at the IPC edge: the project is the schema's output already.
        await writeAutosave(job.write.dir, job.write.key, next.project, { checked: true });
        return { id, kind: 'saved' };
      }
      case 'save': {
        const held = heldWhole(h, job.held);
        if (!held) return { id, kind: 'missing' };
        // Validated against the whole schema here, as a save from anywhere is: a file that could not be opened again is never written.
        const { warning } = await saveProjectFile(job.path, held.project, job.limits ?? undefined);
        return { id, kind: 'written', warning, title: held.project.briefing.title };
      }
      case 'adopt': {
        // The extraction worker answers on the port with what it holds of its version, or null.
        const got = await onePortMessage<HandOver | null>(job.port);
        job.port.close();
        if (!got) return { id, kind: 'missing' };
        const articles = got.keys.map((k) => got.articles[k]!);
        // Overlay and briefing are the window's: its first patch brings them; until then this version is not saved.
        h.held = { ...hold(job.version, { ...newProject({ now: new Date(0) }), articles, findings: got.findings }), partial: true };
        return { id, kind: 'adopted' };
      }
      case 'document': {
        const held = heldWhole(h, job.held);
        return held ? await documentJob(h, held.project, job, progress) : { id, kind: 'missing' };
      }
      case 'open': {
        const { project, migratedFrom, text } = job.backup ? await openBackup(job.path) : await openProjectFile(job.path);
        h.held = hold(job.version, project);
        return opened(h, id, project, migratedFrom, text);
      }
      case 'prime': {
        const held = heldWhole(h, job.held);
        if (!held) {
          job.port.close();
          return { id, kind: 'missing' };
        }
        const keys = held.project.articles.map(articleKey);
        const request: PrimeRequest = { keys, articles: Object.fromEntries(held.byKey), findings: held.project.findings, version: held.version };
        // The extraction worker answers once it holds them (or closes the port if it cannot): only
        // then is main told, so its next request cannot overtake the articles on the other channel.
        const answered = new Promise<void>((resolve) => {
          job.port.once('message', () => resolve());
          job.port.once('close', () => resolve());
        });
        job.port.postMessage(request);
        await answered;
        job.port.close();
        return { id, kind: 'primed', keys };
      }
      case 'recover': {
        let got: Awaited<ReturnType<typeof openProjectFile>>;
        try {
          got = await openProjectFile(autosaveFileOf(job.dir, job.key));
        } catch {
          // Missing or not opening cleanly: never offered.
          return { id, kind: 'none' };
        }
        h.held = hold(job.version, got.project);
        return opened(h, id, got.project, got.migratedFrom, got.text);
      }
      case 'part': {
        const text = h.texts.part(job.ticket, job.index);
        return text === null ? { id, kind: 'missing' } : { id, kind: 'part', text };
      }
    }
  } catch (e) {
    if (e instanceof MissingBase) {
      h.held = null;
      return { id, kind: 'missing' };
    }
    return {
      id,
      kind: 'failed',
      code: e instanceof BriefsmithError ? e.code : 'internal',
      message: e instanceof Error ? e.message : String(e),
      file: e instanceof BriefsmithError ? e.file : null,
      backupPath: e instanceof ProjectOpenError && e.backupAvailable ? e.backupPath : null,
    };
  }
}

/** The error a `failed` reply stands for (a damaged project keeps its backup offer). */
export function jobError(r: Extract<ProjectJobReply, { kind: 'failed' }>): BriefsmithError {
  return r.backupPath !== null ? new ProjectOpenError(r.code, r.message, r.file, true, r.backupPath) : new BriefsmithError(r.code, r.message, r.file);
}
