/**
 * The autosave worker: holds the project of the last patch it took (`project-patch.ts`),
 * applies the next one, and writes the autosave file (serialised and written here, atomically,
 * off the thread that answers the window). Started by `autosave-host.ts`.
 */
import { parentPort } from 'node:worker_threads';
import { BriefsmithError } from '../model/result';
import { writeAutosave } from '../project/store';
import { applyProjectPatch, MissingBase, type HeldProject } from './project-patch';
import type { AutosaveJob, AutosaveReply } from './autosave-host';

let held: HeldProject | null = null;

/** One job at a time, in the order they came: a write must see the patch before it. */
let queue: Promise<void> = Promise.resolve();

async function run(job: AutosaveJob): Promise<AutosaveReply> {
  try {
    const next = applyProjectPatch(held, job.patch);
    held = next;
    if (!job.write) return { id: job.id, kind: 'staged' };
    // The pieces were validated at the IPC edge: the project is the schema's output already.
    await writeAutosave(job.write.dir, job.write.key, next.project, { checked: true });
    return { id: job.id, kind: 'saved' };
  } catch (e) {
    if (e instanceof MissingBase) {
      held = null;
      return { id: job.id, kind: 'missing' };
    }
    return { id: job.id, kind: 'failed', code: e instanceof BriefsmithError ? e.code : 'internal', message: e instanceof Error ? e.message : String(e) };
  }
}

parentPort?.on('message', (job: AutosaveJob) => {
  queue = queue.then(async () => parentPort?.postMessage(await run(job)));
});
parentPort?.postMessage({ ready: true });
