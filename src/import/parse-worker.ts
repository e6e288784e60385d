/**
 * Entry of the import worker thread (bundled as dist/import-worker.mjs; run from source with
 * tsx in development and tests): parses Markdown, HTML and Word documents off the caller's
 * thread, under a heap limit and a time bound enforced by parse-host.ts.
 */
import { parentPort } from 'node:worker_threads';
import { runParseJob, type ParseJob } from './parse-job';

parentPort?.on('message', (job: ParseJob & { id: number }) => {
  void runParseJob(job).then((out) => parentPort?.postMessage({ id: job.id, ...out }));
});
parentPort?.postMessage({ ready: true });
