/**
 * The project off the main thread: one worker thread keeps the window's project (as the
 * autosave patches of `project-patch.ts` build it, or as a file opened there) and does all the
 * project-file work of `project-jobs.ts`: autosave, explicit Save / Save As of the held
 * project, opening a project file, its backup or the crash-recovery copy. Electron's main
 * process only copies and validates small patches and passes text on. When no worker can
 * start (no worker file in this build), the same is done in-process.
 */
import type { MessagePort, Worker } from 'node:worker_threads';
import { BriefsmithError } from '../model/result';
import type { ProjectSizeLimits } from '../project/store';
import type { ProjectPatch } from './project-patch';
import type { PreviewPages } from './api';
import type { DocumentDirs, DocumentProgress } from './document-jobs';
import { jobError, runProjectJob, type DocumentWork, type ProjectHolder, type ProjectJob, type ProjectJobReply } from './project-jobs';
import { startServiceWorker } from './worker-entry';
import { HeldTexts, type ReplyText } from './reply-text';

/** What a patch came to: written, held for the next step, or built on what the worker does not hold (send the whole project). */
export type AutosaveOutcome = 'saved' | 'staged' | 'missing';

/** A job without its id (the host numbers them). */
type JobRequest = ProjectJob extends infer J ? (J extends ProjectJob ? Omit<J, 'id'> : never) : never;

interface Slot {
  readonly w: Worker;
  readonly pending: Map<number, { resolve: (r: ProjectJobReply | { id: number; kind: 'lost' }) => void; progress?: DocumentProgress }>;
}
let slot: Slot | null = null;
let broken = false;
let nextId = 1;
/** The held project where no worker runs. */
const local: ProjectHolder = { held: null, texts: new HeldTexts(`local:${process.pid}`) };

function getWorker(): Slot | null {
  if (slot) return slot;
  if (broken) return null;
  try {
    const w = startServiceWorker('autosave-worker');
    if (!w) {
      broken = true;
      return null;
    }
    const s: Slot = { w, pending: new Map() };
    let ready = false;
    // A worker that died holds nothing: its jobs answer `lost` (a patch or save: send the whole project to a new one).
    const settle = () => {
      if (slot === s) slot = null;
      for (const [id, p] of s.pending) p.resolve({ id, kind: 'lost' });
      s.pending.clear();
    };
    w.on('message', (m: ProjectJobReply | { ready: true } | { id: number; progress: { done: number; total: number; label: string } }) => {
      if ('ready' in m) {
        ready = true;
        return;
      }
      const p = s.pending.get(m.id);
      if ('progress' in m) {
        p?.progress?.(m.progress);
        return;
      }
      s.pending.delete(m.id);
      if (s.pending.size === 0) w.unref();
      p?.resolve(m);
    });
    w.on('error', (e: Error) => {
      if (process.env.BRIEFSMITH_DEBUG) console.error('project worker:', e);
      if (!ready) broken = true; // could not even load: do the work in-process from now on
      settle();
    });
    w.on('exit', settle);
    w.unref();
    slot = s;
    return s;
  } catch {
    broken = true;
    return null;
  }
}

/** Runs one job where the project is held: in the worker, or in-process where none can start. */
async function run(request: JobRequest, progress?: DocumentProgress): Promise<ProjectJobReply> {
  const job = { ...request, id: nextId++ } as ProjectJob;
  const handsOver = job.kind === 'prime' || job.kind === 'adopt';
  const s = getWorker();
  if (!s) {
    // Handing the articles over from here would copy them on main: the window sends them instead.
    if (handsOver) {
      job.port.close();
      return { id: job.id, kind: 'missing' };
    }
    return runProjectJob(local, job, progress);
  }
  const reply = await new Promise<ProjectJobReply | { id: number; kind: 'lost' }>((resolve) => {
    s.pending.set(job.id, { resolve, progress });
    s.w.ref();
    s.w.postMessage(job, handsOver ? [job.port] : []);
  });
  if (reply.kind !== 'lost') return reply;
  // The worker could not load: from now on in-process. It died later: what it held is gone.
  if (broken && !slot && !handsOver) return runProjectJob(local, job, progress);
  if (job.kind === 'patch' || job.kind === 'save' || job.kind === 'document' || job.kind === 'part' || handsOver) return { id: job.id, kind: 'missing' };
  throw new BriefsmithError('internal', 'The project worker stopped; try again.');
}

const unexpected = (r: ProjectJobReply): BriefsmithError => new BriefsmithError('internal', `The project worker answered "${r.kind}" out of turn.`);

/**
 * Applies a validated patch to the held project and, with `write`, writes the autosave of the
 * project it makes. `missing`: the patch builds on a version not held (send the whole project).
 */
export async function autosaveProject(patch: ProjectPatch, write: { readonly dir: string; readonly key: string } | null): Promise<AutosaveOutcome> {
  const r = await run({ kind: 'patch', patch, write });
  switch (r.kind) {
    case 'saved':
    case 'staged':
    case 'missing':
      return r.kind;
    case 'failed':
      throw jobError(r);
    default:
      throw unexpected(r);
  }
}

/**
 * Writes the held project of version `held` to `path` (validated, atomically, with a backup):
 * its title and the size warning, or `missing` when the worker does not hold that version.
 */
export async function saveHeldProject(held: string, path: string, limits: ProjectSizeLimits | null): Promise<{ kind: 'written'; warning: string | null; title: string } | { kind: 'missing' }> {
  const r = await run({ kind: 'save', held, path, limits });
  switch (r.kind) {
    case 'written':
      return { kind: 'written', warning: r.warning, title: r.title };
    case 'missing':
      return { kind: 'missing' };
    case 'failed':
      throw jobError(r);
    default:
      throw unexpected(r);
  }
}

/** A project read and held by the worker: its JSON text for the window (read in parts when long), and the version it is held under. */
export interface HeldOpen {
  readonly projectText: ReplyText;
  readonly migratedFrom: number | null;
  readonly title: string;
  readonly held: string;
}

let opens = 0;
/** Versions of opened projects: never one the window names (its own carry its session's job id). */
const openVersion = (): string => `opened:${process.pid}:${Date.now().toString(36)}:${++opens}`;

const heldOpen = (r: ProjectJobReply, version: string): HeldOpen | null => {
  switch (r.kind) {
    case 'opened':
      return { projectText: r.projectText, migratedFrom: r.migratedFrom, title: r.title, held: version };
    case 'none':
      return null;
    case 'failed':
      throw jobError(r);
    default:
      throw unexpected(r);
  }
};

/** Opens a project file (or, with `backup`, its `.bak`) in the worker; a damaged one throws as `openProjectFile` does. */
export async function openProjectHeld(path: string, backup: boolean): Promise<HeldOpen> {
  const version = openVersion();
  const r = heldOpen(await run({ kind: 'open', path, backup, version }), version);
  if (!r) throw new BriefsmithError('internal', `${path}: the project worker found nothing to open.`, path);
  return r;
}

/** Opens the crash-recovery copy under `key` in `dir`, in the worker; null when there is none that opens cleanly. */
export async function recoverHeld(dir: string, key: string): Promise<HeldOpen | null> {
  const version = openVersion();
  return heldOpen(await run({ kind: 'recover', dir, key, version }), version);
}

/**
 * Hands the held project of version `held` to the extraction worker through `port` (from
 * `extractionPort`): the keys of its articles, or null when the worker does not hold that
 * version (or works in-process).
 */
export async function primeExtractionFromHeld(held: string, port: MessagePort): Promise<readonly string[] | null> {
  const r = await run({ kind: 'prime', held, port });
  switch (r.kind) {
    case 'primed':
      return r.keys;
    case 'missing':
      return null;
    case 'failed':
      throw jobError(r);
    default:
      throw unexpected(r);
  }
}

/**
 * Has the project worker take the articles and findings of the extraction's version
 * `extracted` from the extraction worker (`port`, from `extractionHandOver`) and hold them as
 * `version`, a base for the window's next autosave patch. False when either worker cannot
 * (that version is gone, or a worker runs in-process).
 */
export async function adoptExtraction(version: string, port: MessagePort): Promise<boolean> {
  const r = await run({ kind: 'adopt', version, port });
  switch (r.kind) {
    case 'adopted':
      return true;
    case 'missing':
      return false;
    case 'failed':
      throw jobError(r);
    default:
      throw unexpected(r);
  }
}

/** What a document job made of the held project, or `missing` when the worker does not hold that version. */
export type HeldDocument =
  | { readonly kind: 'html'; readonly html: ReplyText }
  | { readonly kind: 'pages'; readonly pages: PreviewPages }
  | { readonly kind: 'exported'; readonly bytes: number; readonly warnings: readonly string[] }
  | { readonly kind: 'missing' };

/**
 * Composes and renders the held project of version `held` where it is held: the preview's HTML
 * or PDF pages, or an export written to `work.target`; `cancel` is a flag main sets
 * (`cancelFlag`), `progress` gets the export's steps.
 */
export async function documentOfHeld(held: string, work: DocumentWork, dirs: DocumentDirs, cancel: SharedArrayBuffer, progress?: DocumentProgress): Promise<HeldDocument> {
  const r = await run({ kind: 'document', held, work, dirs, cancel }, progress);
  switch (r.kind) {
    case 'html':
      return { kind: 'html', html: r.html };
    case 'pages':
      return { kind: 'pages', pages: r.pages };
    case 'exported':
      return { kind: 'exported', bytes: r.bytes, warnings: r.warnings };
    case 'missing':
      return { kind: 'missing' };
    case 'failed':
      throw jobError(r);
    default:
      throw unexpected(r);
  }
}

/**
 * Part `index` of a long reply text the worker holds (`reply-text.ts`); null when it does not
 * hold it (read already, replaced by newer ones, or the worker started again).
 */
export async function heldTextPart(ticket: string, index: number): Promise<string | null> {
  const r = await run({ kind: 'part', ticket, index });
  switch (r.kind) {
    case 'part':
      return r.text;
    case 'missing':
      return null;
    case 'failed':
      throw jobError(r);
    default:
      throw unexpected(r);
  }
}

/** Where the project work runs now (for the bench and tests). */
export const autosaveThread = (): 'worker' | 'in-process' | 'idle' => (broken ? 'in-process' : slot ? 'worker' : 'idle');

/** Ends the worker (tests, app quit). */
export async function closeAutosaveWorker(): Promise<void> {
  const s = slot;
  slot = null;
  if (s) await s.w.terminate();
}
