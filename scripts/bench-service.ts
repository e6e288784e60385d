/**
 * One new article into a 500-article project (issue 12: its findings on screen in < 300 ms,
 * Electron's main process never blocked > 50 ms), measured part by part through the same
 * handlers the app's main process runs, with the extraction in its worker:
 *
 *   renderer → main   the request as the window sends it (500 references and the new article),
 *                     copied as IPC copies it (v8 serialise/deserialise) and validated once;
 *   worker            extraction of the new article, the running merge, what changed (wall ms
 *                     in the worker);
 *   main → renderer   the reply copied as IPC copies it;
 *   renderer          the update applied to the window's findings, the store's `addArticles`
 *                     and the step bar's counts (the pure part of putting it on screen).
 *
 * `longest_stall_ms` is the longest gap of a 5 ms timer on the thread that plays main while
 * all of this runs (for the add, that thread runs the window's parts as well, so it is an upper
 * bound; the store's autosave, Save, Open, preview and export run main in a worker thread of its
 * own, `startMainThread`, whose stalls are its own); `full_reply_ms` is the same article count answered the old way (every
 * article's text sent, the whole findings back) for comparison. `parts` are wall ms;
 * `cpu_parts` the CPU ms of the same parts, each measured on its own in this thread (the
 * worker's extraction, merge and diff done here in-process on the same project), the median of
 * three adds: on a loaded machine wall time is several times CPU time.
 *
 *   npx tsx scripts/bench-service.ts     (npm run bench imports it as `service`)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import type { Findings } from '../src/model';
import type { ExtractUpdateReply } from '../src/services/api';
import { buildRealisticCorpus } from './bench-corpus';
import { benchHandlers, startMainThread, type IpcStats } from './bench-handlers';
import { startStallMeter } from './bench-stalls';

const BASE = Number(process.env.BENCH_ADD_BASE ?? 500);

export interface ServiceBench {
  base_articles: number;
  corpus: string;
  /** Request to findings applied in the window's store, wall. */
  add_one_ms: number;
  /** The sum of `cpu_parts`: what the add costs on a quiet machine. */
  add_one_cpu_ms: number;
  /** CPU of the whole process (every thread, GC included) during the add. */
  process_cpu_ms: number;
  longest_stall_ms: number;
  /** The same timer with nothing running: what the machine's load alone gives. */
  idle_stall_ms: number;
  parts: {
    renderer_request_ms: number;
    main_request_ms: number;
    worker_extract_ms: number;
    worker_merge_ms: number;
    worker_diff_ms: number;
    main_reply_ms: number;
    renderer_apply_ms: number;
    renderer_store_ms: number;
  };
  /** The same parts as CPU ms, measured in this one thread (the worker's parts run here in-process). */
  cpu_parts: Record<string, number>;
  request_kb: number;
  reply_kb: number;
  /** Items sent of all the project's items. */
  items_sent: number;
  items_total: number;
  /** The old way: all texts sent, the whole findings back (one more new article). */
  full_reply_ms: number;
  full_reply_kb: number;
  /** CPU to copy the whole findings once (the old way copied them twice: worker → main → window). */
  full_copy_cpu_ms: number;
  thread: string;
  /**
   * The autosave the window makes after a change to the 500-article project (the store's own
   * `autosave`, with main in a worker thread of its own, messages copied by postMessage as
   * Electron's IPC copies them): the longest stall of the thread that plays Electron's main process while it handles the save's messages (issue 12:
   * never > 50 ms), its busy time (event-loop utilisation, ms) and the save's wall ms. `first`:
   * the first autosave of the session (nothing saved before), `after_change`: the next one,
   * after one more decision. The store imported the project itself, so its first autosave has
   * the project worker take the extraction's articles and findings (`adoptExtraction`).
   */
  autosave_500_main_block_ms: number;
  autosave_500_first_main_block_ms: number;
  /** Main's longest stretch of its own work meanwhile (its thread's CPU between two ticks, `StallMeter.worstOwn`). */
  autosave_500_first_main_own_ms: number;
  /** The longest GC pause of main's thread during the first autosave (as `open_500_main_gc_ms`). */
  autosave_500_first_main_gc_ms: number;
  autosave_500_main_busy_ms: number;
  autosave_500_first_main_busy_ms: number;
  autosave_500_ms: number;
  autosave_500_first_ms: number;
  autosave_500_messages: number;
  autosave_500_first_messages: number;
  autosave_500_kb: number;
  autosave_500_first_kb: number;
  /** CPU ms of main's share of the longest message of each autosave (see `IpcStats.cpu`). */
  autosave_500_main_cpu_ms: number;
  autosave_500_first_main_cpu_ms: number;
  /** The median message of the first autosave (the longest is often the first, while validation's code is still cold). */
  autosave_500_first_main_cpu_median_ms: number;
  /** The old way, for comparison: the whole project copied in, validated and serialised on main (CPU ms). */
  autosave_500_whole_main_cpu_ms: number;
  /** Where the autosave was serialised and written: `worker`, or `in-process` (main) where no worker starts. */
  autosave_thread: string;
  /**
   * Explicit saves and Open of the 500-article project by the window's store, through the same
   * IPC stand-in (issue 12: main never blocked > 50 ms). `main_cpu_ms`: main's share of the
   * longest message (copy in, validation, copy of what the handler passes on, copy of the
   * reply out); `main_block_ms`: the longest stall of main's event loop meanwhile (wall, so the
   * machine's load is in it: compare `idle_stall_ms`); `ms`: wall. `save_as`: Save As right
   * after an autosave (the worker holds that version); `save`: Save after one more decision
   * (one step with what changed, then the save); `open`: Open of the file (the project's text
   * read by the window in parts of at most 1 Mi characters, `readTextPart`), with the handing of
   * its articles to the extraction that follows. `*_whole_main_cpu_ms`: the old way on main
   * (the project copied in, validated and serialised; the file read, parsed, validated and the
   * project copied out).
   */
  save_as_500_main_cpu_ms: number;
  save_as_500_main_block_ms: number;
  save_as_500_ms: number;
  save_500_main_cpu_ms: number;
  save_500_main_block_ms: number;
  /** Main's longest stretch of its own work meanwhile (its thread's CPU between two ticks, `StallMeter.worstOwn`). */
  save_500_main_own_ms: number;
  save_500_ms: number;
  save_500_messages: number;
  save_500_whole_main_cpu_ms: number;
  open_500_main_cpu_ms: number;
  open_500_main_block_ms: number;
  /** Main's longest stretch of its own work meanwhile (its thread's CPU between two ticks, `StallMeter.worstOwn`). */
  open_500_main_own_ms: number;
  /** Main's event loop busy over Open's messages (event-loop utilisation's active ms: its own thread's turns, wall, so the load is in it). */
  open_500_main_busy_ms: number;
  /** The longest GC pause of main's thread during Open (main's own heap: it runs in a thread of its own). */
  open_500_main_gc_ms: number;
  open_500_ms: number;
  open_500_messages: number;
  /** The window's one parse of the project's text (CPU ms, in the window's process). */
  open_500_window_parse_cpu_ms: number;
  open_500_whole_main_cpu_ms: number;
  project_file_kb: number;
  /**
   * Preview (HTML), preview pages (the PDF) and a PDF export of the opened 500-article project by
   * the window's store, through the same IPC stand-in: composed and rendered in the project
   * worker, main only relays (issue 12). `main_cpu_ms`, `main_block_ms`, `ms` as for Save;
   * `preview_pages_500_whole_main_cpu_ms`: the old way, the project copied in, validated,
   * composed and rendered on main.
   */
  preview_500_main_cpu_ms: number;
  preview_500_main_block_ms: number;
  /** Main's longest stretch of its own work meanwhile (its thread's CPU between two ticks, `StallMeter.worstOwn`). */
  preview_500_main_own_ms: number;
  preview_500_main_busy_ms: number;
  /** The longest GC pause of main's thread during the preview (as `open_500_main_gc_ms`). */
  preview_500_main_gc_ms: number;
  preview_500_ms: number;
  preview_pages_500_main_cpu_ms: number;
  preview_pages_500_main_block_ms: number;
  preview_pages_500_ms: number;
  preview_pages_500_whole_main_cpu_ms: number;
  export_pdf_500_main_cpu_ms: number;
  export_pdf_500_main_block_ms: number;
  /** Main's longest stretch of its own work meanwhile (its thread's CPU between two ticks, `StallMeter.worstOwn`). */
  export_pdf_500_main_own_ms: number;
  export_pdf_500_main_busy_ms: number;
  export_pdf_500_ms: number;
  export_pdf_500_messages: number;
}

const cpuNow = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** IPC copies a message with the structured clone algorithm, as v8's serialiser does. */
const ipcCopy = <T>(x: T): { value: T; bytes: number } => {
  const b = v8.serialize(x);
  return { value: v8.deserialize(b) as T, bytes: b.byteLength };
};

export async function benchService(): Promise<ServiceBench> {
  const { validateRequest } = await import('../src/services/handlers');
  const { closeExtractWorker, extractionThread, lastExtractTimings } = await import('../src/services/extract-host');
  const { closeAutosaveWorker } = await import('../src/services/autosave-host');
  const { articleKey, articleRef } = await import('../src/services/article-key');
  const { applyFindingsUpdate } = await import('../src/services/findings-update');
  const { appReducer, initialAppState, stepCounts } = await import('../renderer/state/app');
  const { newProject } = await import('../src/project/project');
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'briefsmith-bench-service-'));
  const api = await benchHandlers(tmp);
  let main: ReturnType<typeof startMainThread> | null = null;
  try {
    const { articles, corpus } = buildRealisticCorpus(BASE + 5);
    const base = articles.slice(0, BASE);
    const [added, other] = [articles[BASE]!, articles[BASE + 1]!];
    /** Three more new articles for the CPU figures (the median of three adds). */
    const extras = articles.slice(BASE + 2, BASE + 5);

    // The project as the window holds it after extracting its 500 articles.
    const warm = await api.extractUpdate({ articles: base, base: null });
    if (!warm.ok || warm.value.kind !== 'update') throw new Error('the warm-up extraction failed');
    const held = new Set(base.map(articleKey));
    const findings0 = applyFindingsUpdate(null, ipcCopy(warm.value.update).value);
    const version0 = warm.value.update.version;
    let state = appReducer(initialAppState, {
      type: 'started',
      opened: { project: { ...newProject({ now: new Date('2025-03-10T00:00:00Z') }), articles: base, findings: findings0 }, path: null, migratedFrom: null },
      recent: [],
      templates: [],
      recovery: null,
    });

    const stalls = { worst: 0 };
    const watch = async <T>(work: () => Promise<T>): Promise<T> => {
      const meter = startStallMeter();
      try {
        return await work();
      } finally {
        meter.stop();
        stalls.worst = meter.worst();
      }
    };
    await watch(() => new Promise((r) => setTimeout(r, 1000)));
    const idle = stalls.worst;

    // ---- one new article, as the window sends it ----
    const time = <T>(f: () => T): [T, number] => {
      const t = performance.now();
      const v = f();
      return [v, performance.now() - t];
    };
    const c0 = cpuNow();
    const t0 = performance.now();
    const parts = { renderer_request_ms: 0, main_request_ms: 0, worker_extract_ms: 0, worker_merge_ms: 0, worker_diff_ms: 0, main_reply_ms: 0, renderer_apply_ms: 0, renderer_store_ms: 0 };
    let requestBytes = 0;
    let replyBytes = 0;
    const reply = await watch(async () => {
      const list = [...base, added];
      const [req, tReq] = time(() => ({ base: version0, articles: list.map((a) => (held.has(articleKey(a)) ? articleRef(a) : a)) }));
      const [copied, tCopy] = time(() => ipcCopy(req));
      requestBytes = copied.bytes;
      parts.renderer_request_ms = tReq + tCopy / 2;
      const [parsed, tParse] = time(() => validateRequest('extractUpdate', copied.value));
      parts.main_request_ms = tCopy / 2 + tParse;
      if (!parsed.ok) throw new Error(parsed.message);
      const r = await api.extractUpdate(parsed.data);
      if (!r.ok) throw new Error(r.error.message);
      const t = lastExtractTimings();
      parts.worker_extract_ms = t.extract_ms;
      parts.worker_merge_ms = t.merge_ms;
      parts.worker_diff_ms = t.diff_ms;
      const [back, tBack] = time(() => ipcCopy(r.value));
      replyBytes = back.bytes;
      parts.main_reply_ms = tBack / 2;
      return { value: back.value as ExtractUpdateReply, tBack };
    });
    if (reply.value.kind !== 'update') throw new Error('the extraction lost articles it was sent');
    const update = reply.value.update;
    const [findings1, tApply] = time(() => applyFindingsUpdate(findings0, update));
    parts.renderer_apply_ms = reply.tBack / 2 + tApply;
    const [, tStore] = time(() => {
      state = appReducer(state, { type: 'doc', action: { type: 'addArticles', articles: [added], findings: findings1 } });
      return stepCounts(state.doc!.project);
    });
    parts.renderer_store_ms = tStore;
    const addMs = performance.now() - t0;
    const addCpu = cpuNow() - c0;
    const stall = stalls.worst;

    // ---- the old way, for comparison: every text sent, the whole findings back ----
    const t1 = performance.now();
    let fullBytes = 0;
    await watch(async () => {
      const req = ipcCopy({ articles: [...base, added, other] });
      const parsed = validateRequest('extract', req.value);
      if (!parsed.ok) throw new Error(parsed.message);
      const r = await api.extract(parsed.data);
      if (!r.ok) throw new Error(r.error.message);
      const back = ipcCopy(r.value as Findings);
      fullBytes = back.bytes;
    });
    const fullMs = performance.now() - t1;

    // This thread's extraction worker is done: main's own starts with the store's import.
    await closeExtractWorker();

    // ---- the autosave after a change, by the window's own store, with main in a thread of its own ----
    // The store imports the 501 articles itself (the import dialog answers them, on the window's
    // side), so its first autosave is that of a freshly imported project. Main is a worker thread
    // (`startMainThread`) with its own extraction and project workers: its stalls, GC pauses and
    // busy time are its own, not the window's (in one thread they were: Open's 90 ms block at 3 ms
    // of main's CPU).
    const { createAppStore } = await import('../renderer/state/store');
    const imported = [...base, added];
    main = startMainThread(path.join(tmp, 'main'), { importFiles: async () => ({ ok: true, value: { articles: imported, failures: [] } }) });
    const ipc = main;
    const store = createAppStore({ api: ipc.bridge, newJobId: (k) => `${k}-bench`, setTimer: () => 0 });
    await store.start();
    await store.importDialog();
    await ipc.settled();
    if (store.getState().doc?.project.articles.length !== imported.length) throw new Error(`the store did not import the articles: ${JSON.stringify(store.getState().notices)}`);
    const itemIds = store.getState().doc!.project.findings.positions.map((x) => x.id);
    const autosaveAfter = async (id: string): Promise<IpcStats & { ms: number }> => {
      store.doc({ type: 'decide', id, decision: { status: 'accepted' } });
      ipc.reset();
      const t = performance.now();
      await store.autosave();
      await ipc.settled();
      const ms = performance.now() - t;
      return { ...(await ipc.stats()), ms };
    };
    const firstSave = await autosaveAfter(itemIds[0]!);
    const nextSave = await autosaveAfter(itemIds[1]!);
    const { serializeProject } = await import('../src/project/project');
    const { ProjectSchema } = await import('../src/model');
    const wholeCpu = (() => {
      const bytes = v8.serialize({ project: store.getState().doc!.project, path: null });
      const c = cpuNow();
      const got = v8.deserialize(bytes) as { project: unknown };
      serializeProject(ProjectSchema.parse(got.project));
      return cpuNow() - c;
    })();

    // ---- explicit Save As, Save and Open by the window's store ----
    const projectFile = path.join(tmp, 'bench.briefsmith');
    const through = async (work: () => Promise<unknown>): Promise<IpcStats & { ms: number }> => {
      ipc.reset();
      const t = performance.now();
      await work();
      await ipc.settled();
      const ms = performance.now() - t;
      return { ...(await ipc.stats()), ms };
    };
    ipc.dialogSave(projectFile);
    const saveAsRun = await through(() => store.saveAs());
    if (store.getState().doc?.path !== projectFile) throw new Error(`Save As did not save: ${JSON.stringify(store.getState().notices)}`);
    store.doc({ type: 'decide', id: itemIds[2]!, decision: { status: 'accepted' } });
    const saveRun = await through(() => store.save());
    const { readFile } = await import('node:fs/promises');
    const fileBytes = (await readFile(projectFile)).byteLength;
    const openRun = await through(() => store.openProject(projectFile));
    if (store.getState().doc?.path !== projectFile) throw new Error(`Open did not open: ${JSON.stringify(store.getState().notices)}`);
    const { openProjectFile } = await import('../src/project/store');
    const openWholeCpu = await (async () => {
      const c = cpuNow();
      const { project } = await openProjectFile(projectFile);
      v8.serialize({ ok: true, value: { project, path: projectFile, migratedFrom: null } });
      return cpuNow() - c;
    })();
    // ---- preview and export by the window's store: made in the project worker, main relays ----
    const shown = store.getState().doc!.project;
    const previewRun = await through(() => store.preview(shown));
    const pagesRun = await through(() => store.previewPages(shown));
    ipc.dialogSave(path.join(tmp, 'bench.pdf'));
    const exportRun = await through(() => store.exportAs('pdf'));
    if (!store.getState().lastExport) throw new Error(`the PDF export failed: ${JSON.stringify(store.getState().notices)}`);
    // The old way, for comparison: the whole project copied in and validated on main, which composed and rendered the PDF there.
    const pagesWholeCpu = await (async () => {
      const { previewPages } = await import('../src/services/document-jobs');
      const bytes = v8.serialize({ project: shown });
      const c = cpuNow();
      const got = validateRequest('previewPages', v8.deserialize(bytes));
      if (!got.ok || !('project' in got.data)) throw new Error('the whole project did not validate');
      v8.serialize(await previewPages(got.data.project, {}));
      return cpuNow() - c;
    })();
    const parseCpu = (() => {
      const text = JSON.stringify(store.getState().doc!.project);
      const c = cpuNow();
      JSON.parse(text);
      return cpuNow() - c;
    })();

    // ---- CPU of each part, in this one thread (the worker's parts done here, in-process) ----
    const cpuOf = <T>(f: () => T): [T, number] => {
      const c = cpuNow();
      const v = f();
      return [v, cpuNow() - c];
    };
    const { ExtractCache, extractUpdate } = await import('../src/services/extract-cache');
    const { extractArticle } = await import('../src/extract');
    const { diffFindings } = await import('../src/services/findings-update');
    const cache = new ExtractCache();
    const keyed = (list: typeof base) => ({ id: 0, keys: list.map(articleKey), articles: Object.fromEntries(list.map((a) => [articleKey(a), a])) });
    const first = extractUpdate(cache, { ...keyed(base), base: null });
    const before = cache.versions.get(first.version)!;
    extractArticle(articles[0]!); // this thread's first extraction loads the language model: not part of an add
    const runs: Array<Record<string, number>> = [];
    let known = base;
    let prior = first;
    let after = before;
    for (const next of extras) {
      const cpu = { renderer_request: 0, main_request: 0, worker_extract: 0, worker_merge: 0, worker_diff: 0, main_reply: 0, renderer_apply: 0, renderer_store: 0 };
      const list = [...known, next];
      const sent = new Set(known.map(articleKey));
      const [req, cReq] = cpuOf(() => ({ base: prior.version, articles: list.map((a) => (sent.has(articleKey(a)) ? articleRef(a) : a)) }));
      const [bytes, cSer] = cpuOf(() => v8.serialize(req));
      const [got, cDe] = cpuOf(() => v8.deserialize(bytes) as unknown);
      const [, cVal] = cpuOf(() => validateRequest('extractUpdate', got));
      cpu.renderer_request = cReq + cSer;
      cpu.main_request = cDe + cVal;
      const [fresh, cExtract] = cpuOf(() => extractArticle(next));
      cpu.worker_extract = cExtract;
      cache.set(articleKey(next), fresh);
      const [u, cMergeDiff] = cpuOf(() => extractUpdate(cache, { ...keyed(list), base: prior.version }));
      const was = after;
      after = cache.versions.get(u.version)!;
      const [, cDiff] = cpuOf(() => diffFindings(was, after, 'again', prior.version));
      cpu.worker_diff = cDiff;
      cpu.worker_merge = Math.max(0, cMergeDiff - cDiff);
      const [replyBuf, cRep] = cpuOf(() => v8.serialize({ kind: 'update', update: u }));
      cpu.main_reply = cRep;
      const windowCopy = structuredClone(was);
      const [replyCopy, cRepDe] = cpuOf(() => v8.deserialize(replyBuf) as ExtractUpdateReply);
      const [, cApply] = cpuOf(() => replyCopy.kind === 'update' && applyFindingsUpdate(windowCopy, replyCopy.update));
      cpu.renderer_apply = cRepDe + cApply;
      const [, cStore] = cpuOf(() => stepCounts(appReducer(state, { type: 'doc', action: { type: 'addArticles', articles: [next], findings: after } }).doc!.project));
      cpu.renderer_store = cStore;
      runs.push(cpu);
      known = list;
      prior = u;
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const cpu = Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, median(runs.map((r) => r[k]!))]));
    const [, cFull] = cpuOf(() => v8.deserialize(v8.serialize(after)));

    const round = (x: number) => Math.round(x * 10) / 10;
    const count = (o: Readonly<Record<string, readonly unknown[]>>) => Object.values(o).reduce((n, l) => n + l.length, 0);
    return {
      base_articles: BASE,
      corpus,
      add_one_ms: Math.round(addMs),
      add_one_cpu_ms: Math.round(Object.values(cpu).reduce((a, b) => a + b, 0)),
      process_cpu_ms: Math.round(addCpu),
      longest_stall_ms: Math.round(stall),
      idle_stall_ms: Math.round(idle),
      parts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, round(v)])) as ServiceBench['parts'],
      cpu_parts: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [`${k}_ms`, round(v)])),
      request_kb: Math.round(requestBytes / 1024),
      reply_kb: Math.round(replyBytes / 1024),
      items_sent: count(update.items),
      items_total: count(update.order),
      full_reply_ms: Math.round(fullMs),
      full_reply_kb: Math.round(fullBytes / 1024),
      full_copy_cpu_ms: Math.round(cFull),
      thread: extractionThread(),
      autosave_500_main_block_ms: Math.round(nextSave.block),
      autosave_500_first_main_block_ms: Math.round(firstSave.block),
      autosave_500_first_main_own_ms: Math.round(firstSave.own),
      autosave_500_first_main_gc_ms: Math.round(firstSave.gc),
      autosave_500_main_busy_ms: Math.round(nextSave.busy),
      autosave_500_first_main_busy_ms: Math.round(firstSave.busy),
      autosave_500_ms: Math.round(nextSave.ms),
      autosave_500_first_ms: Math.round(firstSave.ms),
      autosave_500_messages: nextSave.messages,
      autosave_500_first_messages: firstSave.messages,
      autosave_500_kb: Math.round(nextSave.bytes / 1024),
      autosave_500_first_kb: Math.round(firstSave.bytes / 1024),
      autosave_500_main_cpu_ms: Math.round(nextSave.cpu),
      autosave_500_first_main_cpu_ms: Math.round(firstSave.cpu),
      autosave_500_first_main_cpu_median_ms: Math.round(median(firstSave.cpus)),
      autosave_500_whole_main_cpu_ms: Math.round(wholeCpu),
      autosave_thread: nextSave.autosaveThread,
      save_as_500_main_cpu_ms: Math.round(saveAsRun.cpu),
      save_as_500_main_block_ms: Math.round(saveAsRun.block),
      save_as_500_ms: Math.round(saveAsRun.ms),
      save_500_main_cpu_ms: Math.round(saveRun.cpu),
      save_500_main_block_ms: Math.round(saveRun.block),
      save_500_main_own_ms: Math.round(saveRun.own),
      save_500_ms: Math.round(saveRun.ms),
      save_500_messages: saveRun.messages,
      save_500_whole_main_cpu_ms: Math.round(wholeCpu),
      open_500_main_cpu_ms: Math.round(openRun.cpu),
      open_500_main_block_ms: Math.round(openRun.block),
      open_500_main_own_ms: Math.round(openRun.own),
      open_500_main_busy_ms: Math.round(openRun.busy),
      open_500_main_gc_ms: Math.round(openRun.gc),
      open_500_ms: Math.round(openRun.ms),
      open_500_messages: openRun.messages,
      open_500_window_parse_cpu_ms: Math.round(parseCpu),
      open_500_whole_main_cpu_ms: Math.round(openWholeCpu),
      project_file_kb: Math.round(fileBytes / 1024),
      preview_500_main_cpu_ms: Math.round(previewRun.cpu),
      preview_500_main_block_ms: Math.round(previewRun.block),
      preview_500_main_own_ms: Math.round(previewRun.own),
      preview_500_main_busy_ms: Math.round(previewRun.busy),
      preview_500_main_gc_ms: Math.round(previewRun.gc),
      preview_500_ms: Math.round(previewRun.ms),
      preview_pages_500_main_cpu_ms: Math.round(pagesRun.cpu),
      preview_pages_500_main_block_ms: Math.round(pagesRun.block),
      preview_pages_500_ms: Math.round(pagesRun.ms),
      preview_pages_500_whole_main_cpu_ms: Math.round(pagesWholeCpu),
      export_pdf_500_main_cpu_ms: Math.round(exportRun.cpu),
      export_pdf_500_main_block_ms: Math.round(exportRun.block),
      export_pdf_500_main_own_ms: Math.round(exportRun.own),
      export_pdf_500_main_busy_ms: Math.round(exportRun.busy),
      export_pdf_500_ms: Math.round(exportRun.ms),
      export_pdf_500_messages: exportRun.messages,
    };
  } finally {
    await main?.close();
    await closeExtractWorker();
    await closeAutosaveWorker();
    await rm(tmp, { recursive: true, force: true });
  }
}

if (/bench-service\.ts$/.test(process.argv[1] ?? '')) {
  benchService().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
