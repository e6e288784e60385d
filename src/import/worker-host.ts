import { Worker } from 'node:worker_threads';
import { MAX_WORKER_GROWTH, WORKER_HEAP_MB } from './limits';

/**
 * One bounded worker thread for an importer (parse-host.ts: Markdown, HTML and Word;
 * pdf-worker.ts: PDF). The host starts the worker from a CommonJS source string (so it runs in
 * any build: tsx, vitest, esbuild bundles), keeps one and reuses it, and bounds every job:
 * - time: the worker is terminated at the job's bound (parsing is synchronous: no timer on
 *   the caller's thread could interrupt it there);
 * - heap: `WORKER_HEAP_MB`; buffers outside the heap (a Flate bomb inflates into ArrayBuffers)
 *   are watched as the process's growth while the job runs, stopped past `MAX_WORKER_GROWTH`;
 * - a worker that dies fails only its own jobs; the next job gets a fresh worker.
 *
 * The worker posts `{ ready: true }` once its code has loaded, then answers each `{ id, ... }`
 * job with one `{ id, ... }` message. A worker that fails before it is ready (its code cannot
 * be found or loaded here) marks the host broken: `run` then returns null, for this job and
 * every later one, and the caller parses in-process.
 */

/** How a job can fail in the host itself, whatever the worker's own outcomes. */
export type HostFailure = { ok: false; kind: 'timeout' | 'memory' | 'failed'; message: string };

export interface WorkerSpec {
  /** What the worker reads, in messages ("the PDF reader stopped"). */
  readonly name: string;
  /** CommonJS source of the worker, run with `eval`. */
  readonly source: string;
  /** The worker's `workerData`; null when its code cannot be found here (then no worker starts). */
  readonly data: () => unknown;
}

interface Slot {
  readonly w: Worker;
  readonly pending: Map<number, (o: unknown) => void>;
  ready: boolean;
  /** Terminated by the host (a job over its bound, or close()): its exit says nothing about loading. */
  stopped: boolean;
}

/** Sent to a job whose worker could not load: the caller runs it in-process. */
const NO_WORKER = Symbol('no worker');

export class WorkerHost<Job extends object, Outcome extends { ok: boolean }> {
  private slot: Slot | null = null;
  private broken = false;
  private nextId = 1;

  constructor(private readonly spec: WorkerSpec) {}

  private settleAll(s: Slot, o: unknown): void {
    for (const resolve of s.pending.values()) resolve(o);
    s.pending.clear();
  }

  private worker(): Slot | null {
    if (this.slot) return this.slot;
    if (this.broken) return null;
    try {
      const data = this.spec.data();
      if (data === null) {
        this.broken = true;
        return null;
      }
      const w = new Worker(this.spec.source, { eval: true, workerData: data, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, stdout: true, stderr: true });
      // Libraries may print warnings; keep them off the CLI's stdout.
      w.stdout.resume();
      w.stderr.resume();
      const s: Slot = { w, pending: new Map(), ready: false, stopped: false };
      w.on('message', (m: { ready?: boolean; id?: number }) => {
        if (m.ready) {
          s.ready = true;
          return;
        }
        const resolve = s.pending.get(m.id ?? -1);
        s.pending.delete(m.id ?? -1);
        resolve?.(m);
      });
      w.on('error', (e: Error & { code?: string }) => {
        if (this.slot === s) this.slot = null;
        if (!s.ready) {
          // The worker could not even load (its code is missing here, an unusual runtime): in-process from now on.
          this.broken = true;
          this.settleAll(s, NO_WORKER);
          return;
        }
        const memory = e.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap|memory/i.test(e.message);
        this.settleAll(s, { ok: false, kind: memory ? 'memory' : 'failed', message: e.message } satisfies HostFailure);
      });
      w.on('exit', () => {
        if (this.slot === s) this.slot = null;
        if (!s.ready && !s.stopped) {
          this.broken = true;
          this.settleAll(s, NO_WORKER);
          return;
        }
        this.settleAll(s, { ok: false, kind: 'failed', message: `the ${this.spec.name} stopped` } satisfies HostFailure);
      });
      w.unref(); // after the listeners: adding a 'message' listener refs the port again
      this.slot = s;
      return s;
    } catch {
      this.broken = true;
      return null;
    }
  }

  /**
   * Runs one job in the worker with the time bound and the memory watch. `transfer` lists
   * buffers moved to the worker (the caller passes copies). Returns null when no worker can
   * run here: the caller then does the work in-process.
   */
  async run(job: Job, timeoutMs: number, transfer: ArrayBuffer[] = []): Promise<Outcome | HostFailure | null> {
    const s = this.worker();
    if (!s) return null;
    const { w, pending } = s;
    const id = this.nextId++;
    const baseline = process.memoryUsage.rss();
    const out = await new Promise<unknown>((resolve) => {
      const stop = (o: HostFailure): void => {
        if (!pending.has(id)) return;
        pending.delete(id);
        clearTimeout(timer);
        clearInterval(watch);
        resolve(o);
        if (this.slot === s) this.slot = null;
        s.stopped = true;
        void w.terminate();
      };
      const timer = setTimeout(() => stop({ ok: false, kind: 'timeout', message: `took longer than ${timeoutMs} ms` }), timeoutMs);
      const watch = setInterval(() => {
        if (process.memoryUsage.rss() - baseline > MAX_WORKER_GROWTH) stop({ ok: false, kind: 'memory', message: 'used too much memory' });
      }, 100);
      pending.set(id, (o) => {
        clearTimeout(timer);
        clearInterval(watch);
        resolve(o);
      });
      w.ref();
      w.postMessage({ ...job, id }, transfer);
    }).finally(() => {
      if (pending.size === 0) w.unref();
    });
    return out === NO_WORKER ? null : (out as Outcome | HostFailure);
  }

  /** Stops the idle worker (the CLI calls this before it exits: a worker's stdio ports can keep the process alive). */
  async close(): Promise<void> {
    const s = this.slot;
    this.slot = null;
    if (!s) return;
    s.stopped = true;
    await s.w.terminate();
  }
}
