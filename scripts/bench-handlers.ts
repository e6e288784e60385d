/**
 * The service handlers as the benches drive them: no dialogs (or the paths a bench queues in
 * `dialogs`), a fixed clock, no progress sink, user data in a scratch folder. One definition for
 * bench-service.ts and bench-renderer.ts; and a worker thread that plays Electron's main process
 * with them (`startMainThread`), so that main's stalls measured there are its own.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ApiMethod, BriefsmithApi, BriefsmithBridge } from '../src/services/api';
import { startGcMeter, startStallMeter } from './bench-stalls';

export interface BenchDialogs {
  /** What the next open dialogs answer, in order (then: cancelled). */
  readonly open: string[][];
  /** What the next save dialogs answer, in order (then: cancelled). */
  readonly save: string[];
}

export async function benchHandlers(userDataDir: string, dialogs: BenchDialogs = { open: [], save: [] }): Promise<ReturnType<typeof import('../src/services/handlers').createHandlers>> {
  const { createHandlers } = await import('../src/services/handlers');
  return createHandlers({
    chooseFilesToOpen: async () => dialogs.open.shift() ?? null,
    chooseSavePath: async () => dialogs.save.shift() ?? null,
    userDataDir,
    openPath: async () => undefined,
    showInFolder: () => undefined,
    now: () => new Date('2025-03-10T00:00:00Z'),
    emitProgress: () => undefined,
    approvedPaths: new Set(),
  });
}

// ---------------------------------------------------------------------------------------
// Electron's main process as a thread of its own
// ---------------------------------------------------------------------------------------


/** What main saw of the messages of one piece of work (measured in main's own thread). */
export interface IpcStats {
  /** The longest stall of main's event loop while it handled one of the messages (wall: the machine's load is in it). */
  block: number;
  /** The most CPU main's own thread ran between two ticks of that meter (`StallMeter.worstOwn`): its longest stretch of its own work. */
  own: number;
  /** The longest garbage-collection pause of main's thread meanwhile (main's own heap: the window runs in another thread). */
  gc: number;
  /** Main's event loop busy (event-loop utilisation's active ms) over the messages. */
  busy: number;
  /**
   * CPU ms of main's own share of the longest message: the copy in, the validation, and the
   * copy out, done again in main's thread once the message is answered (`process.cpuUsage` is
   * the whole process's, so a worker busy at that moment would count too).
   */
  cpu: number;
  /** The same CPU ms, every message in order. */
  cpus: number[];
  messages: number;
  bytes: number;
  /** Where main's project worker ran the autosaves: `worker`, `in-process` (main) or `idle`. */
  autosaveThread: string;
}

const noStats = (): IpcStats => ({ block: 0, own: 0, gc: 0, busy: 0, cpu: 0, cpus: [], messages: 0, bytes: 0, autosaveThread: 'idle' });

type ToMain =
  | { readonly kind: 'call'; readonly id: number; readonly method: ApiMethod; readonly req: unknown }
  | { readonly kind: 'dialog'; readonly open?: string[]; readonly save?: string }
  | { readonly kind: 'reset' }
  | { readonly kind: 'stats'; readonly id: number }
  | { readonly kind: 'close'; readonly id: number };

type FromMain = { readonly kind: 'reply'; readonly id: number; readonly value: unknown } | { readonly kind: 'stats'; readonly id: number; readonly stats: IpcStats } | { readonly kind: 'closed'; readonly id: number };

const cpuNow = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** The worker's side: the handlers, each call validated as main's `registerApi` does, under main's own meters. */
async function serveAsMain(port: NonNullable<typeof parentPort>, userDataDir: string): Promise<void> {
  const { validateRequest } = await import('../src/services/handlers');
  const dialogs: BenchDialogs = { open: [], save: [] };
  const api: BriefsmithApi = await benchHandlers(userDataDir, dialogs);
  let stats = noStats();
  const post = (m: FromMain): void => port.postMessage(m);
  const call = async (id: number, method: ApiMethod, req: unknown): Promise<void> => {
    stats.messages++;
    stats.bytes += v8.serialize(req ?? {}).byteLength;
    const meter = startStallMeter();
    const gc = startGcMeter();
    const elu = performance.eventLoopUtilization();
    let result: unknown;
    try {
      const parsed = validateRequest(method, req);
      const handler = api[method] as (r: unknown) => Promise<unknown>;
      result = parsed.ok ? await handler(parsed.data) : { ok: false, error: { code: 'invalid-input', message: parsed.message, file: null } };
      // The reply is copied out by postMessage, in this thread, as Electron's IPC copies it.
      post({ kind: 'reply', id, value: result });
    } finally {
      meter.stop();
      stats.block = Math.max(stats.block, meter.worst());
      stats.own = Math.max(stats.own, meter.worstOwn());
      stats.gc = Math.max(stats.gc, gc.stop());
      stats.busy += performance.eventLoopUtilization(elu).active;
    }
    const c = cpuNow();
    const again = validateRequest(method, v8.deserialize(v8.serialize(req ?? {})));
    if (again.ok) v8.serialize(again.data);
    v8.serialize(result);
    const spent = cpuNow() - c;
    stats.cpus.push(spent);
    stats.cpu = Math.max(stats.cpu, spent);
  };
  port.on('message', (m: ToMain) => {
    switch (m.kind) {
      case 'call':
        void call(m.id, m.method, m.req);
        return;
      case 'dialog':
        if (m.open) dialogs.open.push(m.open);
        if (m.save) dialogs.save.push(m.save);
        return;
      case 'reset':
        stats = noStats();
        return;
      case 'stats':
        void import('../src/services/autosave-host').then(({ autosaveThread }) => post({ kind: 'stats', id: m.id, stats: { ...stats, autosaveThread: autosaveThread() } }));
        return;
      case 'close':
        void (async () => {
          await (await import('../src/services/extract-host')).closeExtractWorker();
          await (await import('../src/services/autosave-host')).closeAutosaveWorker();
          post({ kind: 'closed', id: m.id });
        })();
        return;
    }
  });
}

/** What the worker's script loads (tsx registered first), as `src/services/worker-entry.ts` does for the service workers. */
const MAIN_SOURCE = `
const { workerData } = require('node:worker_threads');
(async () => {
  (await import(workerData.tsx)).register();
  await import(workerData.entry);
})().catch((e) => { setImmediate(() => { throw e; }); });
`;

export interface MainThread {
  /** The window's bridge: each call posted to main (copied as IPC copies it), its reply posted back. */
  readonly bridge: BriefsmithBridge;
  /** What main's next open and save dialogs answer (in order with the calls that follow). */
  dialogOpen(files: string[]): void;
  dialogSave(file: string): void;
  /** Starts counting afresh. */
  reset(): void;
  stats(): Promise<IpcStats>;
  /** Waits until no call is running, including calls the finished ones led to. */
  settled(): Promise<void>;
  /** Closes main's service workers, then main. */
  close(): Promise<void>;
}

/**
 * Starts a worker thread that plays Electron's main process: the service handlers with their
 * extraction and project workers, each call validated at the edge, main's stalls, GC pauses and
 * busy time measured in its own thread. In the app the window, main and the service workers are
 * separate processes or threads; in one thread the window's work and garbage would count as main's.
 * `answers`: calls answered on the window's side, outside main (e.g. an import dialog's files).
 */
export function startMainThread(userDataDir: string, answers: Partial<Record<ApiMethod, (req: unknown) => Promise<unknown>>> = {}): MainThread {
  const here = import.meta.url;
  const tsx = path.join(path.dirname(createRequire(here).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs');
  const worker = new Worker(MAIN_SOURCE, { eval: true, workerData: { entry: here, tsx: pathToFileURL(tsx).href, benchMain: { userDataDir } }, stdout: false, stderr: false });
  let next = 0;
  const waiting = new Map<number, (m: FromMain) => void>();
  worker.on('message', (m: FromMain) => {
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  });
  const failed = new Promise<never>((_, reject) => worker.once('error', reject));
  failed.catch(() => undefined);
  const ask = (m: (id: number) => ToMain): Promise<FromMain> => {
    const id = ++next;
    const got = new Promise<FromMain>((resolve) => waiting.set(id, resolve));
    worker.postMessage(m(id));
    return Promise.race([got, failed]);
  };
  const send = (m: ToMain): void => worker.postMessage(m);
  const pending: Array<Promise<unknown>> = [];
  const bridge = new Proxy({} as BriefsmithBridge, {
    get(_, key: string) {
      if (key === 'onProgress' || key === 'onMenu' || key === 'onOpenFile') return () => () => undefined;
      if (key === 'setDirty') return () => undefined;
      const answer = answers[key as ApiMethod];
      if (answer) return answer;
      return (req: unknown) => {
        const p = ask((id) => ({ kind: 'call', id, method: key as ApiMethod, req })).then((m) => (m.kind === 'reply' ? m.value : undefined));
        pending.push(p);
        return p;
      };
    },
  });
  return {
    bridge,
    dialogOpen: (open) => send({ kind: 'dialog', open }),
    dialogSave: (save) => send({ kind: 'dialog', save }),
    reset: () => send({ kind: 'reset' }),
    stats: async () => {
      const m = await ask((id) => ({ kind: 'stats', id }));
      return m.kind === 'stats' ? m.stats : noStats();
    },
    async settled() {
      while (pending.length) {
        await Promise.allSettled(pending.splice(0));
        await new Promise((r) => setImmediate(r));
      }
    },
    async close() {
      await ask((id) => ({ kind: 'close', id })).catch(() => undefined);
      await worker.terminate();
    },
  };
}

if (!isMainThread && parentPort && (workerData as { benchMain?: { userDataDir: string } } | null)?.benchMain) {
  void serveAsMain(parentPort, (workerData as { benchMain: { userDataDir: string } }).benchMain.userDataDir);
}
