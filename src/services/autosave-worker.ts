/**
 * The project worker: holds the window's project and does the project-file work of
 * `project-jobs.ts` (autosave patches, explicit saves, opening a file or the recovery copy),
 * off the thread that answers the window. Started by `autosave-host.ts`.
 */
import { randomUUID } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { runProjectJob, type ProjectHolder, type ProjectJob } from './project-jobs';
import { HeldTexts } from './reply-text';

const holder: ProjectHolder = { held: null, texts: new HeldTexts(randomUUID()) };

/** One job at a time, in the order they came: a write must see the patch before it. */
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (job: ProjectJob) => {
  const progress = (p: { done: number; total: number; label: string }) => parentPort?.postMessage({ id: job.id, progress: p });
  // A part of a text already made touches nothing the queue orders: answered at once, not after a long preview queued meanwhile.
  if (job.kind === 'part') {
    void runProjectJob(holder, job).then((r) => parentPort?.postMessage(r));
    return;
  }
  queue = queue.then(async () => parentPort?.postMessage(await runProjectJob(holder, job, progress)));
});
parentPort?.postMessage({ ready: true });
