/**
 * Autosave off the main thread: one worker thread keeps the project of the window's last
 * autosave and takes each new one as a patch (`project-patch.ts`: references and changed items,
 * or the whole project in small steps), then serialises and writes the autosave file there.
 * Electron's main process only copies and validates the small patches. When no worker can start
 * (no worker file in this build), the same is done in-process.
 */
import { Worker } from 'node:worker_threads';
import { BriefsmithError, type BriefsmithErrorCode } from '../model/result';
import { writeAutosave } from '../project/store';
import { applyProjectPatch, MissingBase, type HeldProject, type ProjectPatch } from './project-patch';
import { startServiceWorker } from './worker-entry';

export interface AutosaveJob {
  readonly id: number;
  readonly patch: ProjectPatch;
  /** Where to write the project the patch makes; null: only hold it (a step of a whole project sent in pieces). */
  readonly write: { readonly dir: string; readonly key: string } | null;
}

export type AutosaveReply =
  | { readonly id: number; readonly kind: 'saved' | 'staged' | 'missing' }
  | { readonly id: number; readonly kind: 'failed'; readonly code: BriefsmithErrorCode; readonly message: string };

/** What a patch came to: written, held for the next step, or built on what the worker does not hold (send the whole project). */
export type AutosaveOutcome = 'saved' | 'staged' | 'missing';

interface Slot {
  readonly w: Worker;
  readonly pending: Map<number, (r: AutosaveReply) => void>;
}
let slot: Slot | null = null;
let broken = false;
let nextId = 1;
/** The held project where no worker runs. */
let local: HeldProject | null = null;

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
    // A worker that died holds nothing: its jobs answer `missing`, and the window sends the whole project to a new one.
    const settle = () => {
      if (slot === s) slot = null;
      for (const [id, resolve] of s.pending) resolve({ id, kind: 'missing' });
      s.pending.clear();
    };
    w.on('message', (m: AutosaveReply | { ready: true }) => {
      if ('ready' in m) {
        ready = true;
        return;
      }
      const resolve = s.pending.get(m.id);
      s.pending.delete(m.id);
      if (s.pending.size === 0) w.unref();
      resolve?.(m);
    });
    w.on('error', (e: Error) => {
      if (process.env.BRIEFSMITH_DEBUG) console.error('autosave worker:', e);
      if (!ready) broken = true; // could not even load: autosave in-process from now on
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

async function inProcess(job: AutosaveJob): Promise<AutosaveOutcome> {
  try {
    local = applyProjectPatch(local, job.patch);
  } catch (e) {
    if (!(e instanceof MissingBase)) throw e;
    local = null;
    return 'missing';
  }
  if (!job.write) return 'staged';
  await writeAutosave(job.write.dir, job.write.key, local.project, { checked: true });
  return 'saved';
}

/**
 * Applies a validated patch to the held autosave project and, with `write`, writes the
 * project it makes. `missing`: the patch builds on a version not held (send the whole project).
 */
export async function autosaveProject(patch: ProjectPatch, write: AutosaveJob['write']): Promise<AutosaveOutcome> {
  const s = getWorker();
  const job: AutosaveJob = { id: nextId++, patch, write };
  if (!s) return inProcess(job);
  const reply = await new Promise<AutosaveReply>((resolve) => {
    s.pending.set(job.id, resolve);
    s.w.ref();
    s.w.postMessage(job);
  });
  if (reply.kind === 'failed') throw new BriefsmithError(reply.code, reply.message);
  if (reply.kind === 'missing' && broken && !slot) return inProcess(job);
  return reply.kind;
}

/** Where autosave runs now (for the bench and tests). */
export const autosaveThread = (): 'worker' | 'in-process' | 'idle' => (broken ? 'in-process' : slot ? 'worker' : 'idle');

/** Ends the worker (tests, app quit). */
export async function closeAutosaveWorker(): Promise<void> {
  const s = slot;
  slot = null;
  if (s) await s.w.terminate();
}
