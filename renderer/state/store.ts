/**
 * The window's store: the state of `state/app.ts` behind `getState`/`subscribe` (for React's
 * `useSyncExternalStore`), and the workflow's commands, which talk to the API and dispatch the
 * pure actions. It knows the API only as the bridge's shape, so tests drive it in Node with a
 * stand-in (no browser), the way GitHub Desktop keeps `lib/stores` apart from `ui/`.
 */
import type { Article, Findings, Project } from '../../src/model';
import { readProjectReply, readText, type BriefsmithBridge, type ExportedFile, type ExportFormat, type HeldMissing, type ImportReport, type NotHeld, type OpenedProject, type PreviewPages, type TemplateSummary } from '../../src/services/api';
import { articleKey, articleRef } from '../../src/services/article-key';
import { applyFindingsUpdate, sameFindings } from '../../src/services/findings-update';
import { planProjectPatches, type PatchStep, type SentProject } from '../../src/services/project-patch';
import { ApiError, call } from '../api';
import { appReducer, initialAppState, noticeLifetimeMs, type AfterUnsaved, type AppAction, type AppState, type BackupOffer, type NoticeKind } from './app';
import type { DocAction } from './project';
import { planImport, planReimport, planRemoval } from './workflow';

/** The core's message ends by offering the backup in words; the banner's button makes that offer. */
export const withoutBackupSentence = (message: string): string => message.replace(/\s*A backup from the previous save\b[\s\S]*$/, '') || message;

const fileName = (p: string): string => p.split(/[\\/]/).pop() ?? p;

/** A local date and time for people, e.g. "24 Mar 2025, 09:30". */
export const formatTime = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

/** A dropped file as the API takes it. */
export interface DroppedFile {
  readonly name: string;
  readonly bytesBase64: string;
}

export interface StoreDeps {
  readonly api: BriefsmithBridge;
  /** A fresh id that tags the progress events of one request. */
  newJobId(kind: string): string;
  /** Timers for notices that go by themselves (tests pass a manual clock). */
  setTimer(fn: () => void, ms: number): unknown;
}

export type AppStore = ReturnType<typeof createAppStore>;

export function createAppStore(deps: StoreDeps) {
  const { api } = deps;
  let state: AppState = initialAppState;
  const listeners = new Set<() => void>();

  const dispatch = (a: AppAction): void => {
    const before = state;
    state = appReducer(state, a);
    if (state === before) return;
    // Information notices go by themselves.
    for (const n of state.notices) {
      if (before.notices.includes(n)) continue;
      const ms = noticeLifetimeMs(n);
      if (ms !== null) deps.setTimer(() => dispatch({ type: 'dismiss', id: n.id }), ms);
    }
    for (const l of listeners) l();
  };
  const getState = (): AppState => state;
  const subscribe = (l: () => void): (() => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };

  const notify = (kind: NoticeKind, text: string): void => dispatch({ type: 'notify', kind, text });
  const report = (e: unknown): void => {
    if (e instanceof ApiError && e.code === 'cancelled') notify('info', e.message);
    else notify('error', e instanceof Error ? e.message : String(e));
  };
  const doc = (action: DocAction): void => dispatch({ type: 'doc', action });

  // ---- autosave: the crash-recovery copy (never the project file itself), sent as what changed ----
  /** What the autosave holds of this window's project (null: nothing, or not known). */
  let autosaved: SentProject | null = null;
  const autosaveSession = deps.newJobId('autosave');
  let autosaveCount = 0;
  const autosaveVersion = (): string => `${autosaveSession}:${++autosaveCount}`;
  /** The project the worker holds as `autosaved` (null: not known), so a Save right after an autosave sends nothing. */
  let heldProject: Project | null = null;

  /** Runs long work with the progress bar; progress events of its job move the bar. */
  async function withBusy<T>(kind: string, label: string, work: (job: string) => Promise<T>): Promise<T | undefined> {
    const job = deps.newJobId(kind);
    dispatch({ type: 'busy', job, label });
    try {
      return await work(job);
    } catch (e) {
      report(e);
      return undefined;
    } finally {
      dispatch({ type: 'idle', job });
    }
  }

  async function refreshRecent(): Promise<void> {
    try {
      dispatch({ type: 'recent', recent: await call(api.recentProjects({})) });
    } catch {
      /* the list is a convenience */
    }
  }

  function loadOpened(o: OpenedProject, dirty = false): void {
    dispatch({ type: 'opened', opened: o, dirty });
    // The project worker holds what it opened: the next autosave or Save sends only what changed.
    const project = state.doc?.project;
    autosaved = o.held && project ? { version: o.held, keys: new Set(project.articles.map(articleKey)), findings: project.findings } : null;
    heldProject = autosaved ? (project ?? null) : null;
    if (o.migratedFrom !== null) notify('info', `Converted from an older project format (version ${o.migratedFrom}). Save to keep it in the new format.`);
    void refreshRecent();
    if (project) prime(project, o.held ?? null);
  }

  /**
   * An opened project's articles are extracted in the background, so that the first article
   * dropped into it extracts only itself. Where the project worker holds the project (`held`),
   * it hands the articles to the extraction itself, worker to worker, and the window's findings
   * are that extraction's version `held`. Otherwise the window sends them, and when the
   * extraction's findings are the ones the file holds, its version is theirs. Either way the
   * next reply is only what changed. Nothing is shown and nothing changes in the project; a
   * failure or a Cancel only loses the head start.
   */
  function prime(project: Project, heldVersion: string | null): void {
    if (project.articles.length === 0) return;
    if (heldVersion) {
      void api.primeExtraction({ held: heldVersion }).then(
        (r) => {
          if (!r.ok || !r.value.primed) return sendToPrime(project);
          for (const a of project.articles) held.add(articleKey(a));
          versions.set(project.findings, { version: heldVersion, keys: project.articles.map(articleKey) });
        },
        () => sendToPrime(project),
      );
      return;
    }
    sendToPrime(project);
  }

  function sendToPrime(project: Project): void {
    const articles = [...project.articles];
    void api.extractUpdate({ articles, base: null }).then(
      (r) => {
        if (!r.ok || r.value.kind !== 'update') return;
        for (const a of articles) held.add(articleKey(a));
        const current = state.doc?.project.findings;
        if (current === project.findings && sameFindings(current, applyFindingsUpdate(null, r.value.update))) versions.set(current, { version: r.value.update.version, keys: articles.map(articleKey) });
      },
      () => undefined,
    );
  }

  // ---- start-up: a new project, the recent list, templates, and any crash-recovery copy ----
  async function start(): Promise<void> {
    try {
      const [opened, recent, templates, recovery] = await Promise.all([
        call(api.newProject({})).then((r) => readProjectReply(api, r)),
        call(api.recentProjects({})),
        call(api.listTemplates({})).catch(() => [] as TemplateSummary[]),
        call(api.recover({}))
          .then((r) => (r ? readProjectReply(api, r) : null))
          .catch(() => null),
      ]);
      dispatch({ type: 'started', opened, recent, templates, recovery });
    } catch (e) {
      report(e);
    }
  }

  // ---- project commands; New and Open ask Save / Don't save / Cancel over unsaved changes ----
  async function newProjectNow(): Promise<void> {
    try {
      loadOpened(await readProjectReply(api, await call(api.newProject({}))));
      await api.discardRecovery({});
    } catch (e) {
      report(e);
    }
  }

  async function openProjectNow(path?: string): Promise<void> {
    try {
      const r = await call(api.openProject(path ? { path } : {}));
      if (!r) return;
      const o = await readProjectReply(api, r);
      dispatch({ type: 'backupOffer', offer: null });
      loadOpened(o);
      notify('info', `Opened ${fileName(o.path ?? '')}.`);
    } catch (e) {
      if (e instanceof ApiError && e.backup && e.file) {
        dispatch({ type: 'backupOffer', offer: { file: e.file, message: withoutBackupSentence(e.message), savedAt: e.backup.savedAt } });
      } else {
        dispatch({ type: 'backupOffer', offer: null });
        report(e);
      }
    }
  }

  const proceed = (then: AfterUnsaved): Promise<void> => {
    switch (then.kind) {
      case 'new':
        return newProjectNow();
      case 'open':
        return openProjectNow(then.path);
    }
  };

  /** Runs `then` now, or asks first when there are unsaved changes. */
  async function unlessUnsaved(action: string, then: AfterUnsaved): Promise<void> {
    const s = state;
    if (s.doc && s.doc.rev !== s.doc.savedRev) dispatch({ type: 'askUnsaved', action, then });
    else await proceed(then);
  }

  /** The answer to Save / Don't save / Cancel. */
  async function answerUnsaved(choice: 'save' | 'discard' | 'cancel'): Promise<void> {
    const ask = state.unsavedAsk;
    if (!ask) return;
    dispatch({ type: 'answeredUnsaved' });
    switch (choice) {
      case 'cancel':
        return;
      case 'discard':
        return proceed(ask.then);
      case 'save':
        if (await save()) await proceed(ask.then);
    }
  }

  async function openBackup(offer: BackupOffer): Promise<void> {
    try {
      const o = await readProjectReply(api, await call(api.openProjectBackup({ path: offer.file })));
      dispatch({ type: 'backupOffer', offer: null });
      // Unsaved on purpose: Save writes the recovered project back over the damaged file.
      loadOpened(o, true);
      notify('info', `Opened the backup of ${fileName(o.path ?? offer.file)} (saved ${formatTime(o.savedAt)}). Save to replace the damaged file.`);
    } catch (e) {
      dispatch({ type: 'backupOffer', offer: null });
      report(e);
    }
  }

  function restoreRecovery(): void {
    const r = state.recovery;
    if (!r) return;
    loadOpened(r, true);
    dispatch({ type: 'recovery', recovery: null });
  }

  function discardRecovery(): void {
    dispatch({ type: 'recovery', recovery: null });
    void api.discardRecovery({});
  }

  /** After a save: the marker, the recovery copy gone, and what the save said. */
  async function afterSave(path: string, rev: number, warning: string | null): Promise<void> {
    dispatch({ type: 'saved', path, rev });
    await api.discardRecovery({});
    notify('info', `Saved ${fileName(path)}.`);
    // Near the size that can be opened again: said, and it stays until dismissed.
    if (warning) notify('warning', warning);
  }

  /**
   * Saves the document as it is now to `path` (null: ask where, Save As). The project worker
   * is first brought to hold it (what changed since the last autosave, as autosave steps that
   * write nothing), then writes that version: the project never crosses main whole. When the
   * worker lost it meanwhile (restarted), the whole project is sent again, once.
   */
  async function saveDoc(path: string | null): Promise<boolean> {
    const d = state.doc;
    if (!d) return false;
    try {
      const r = await onWorker(async () => {
        for (let whole = false; ; whole = true) {
          const held = await holdInWorker(d.project, whole);
          const r = await call(path ? api.saveProject({ held, path }) : api.saveProjectAs({ held, suggestedName: d.project.briefing.title }));
          if (!r || !('kind' in r)) return r;
          if (whole) throw new Error(`Could not save ${fileName(r.path)}: the project was lost on the way; try again.`);
          path = r.path; // approved by the dialog already: no second dialog
        }
      });
      if (!r) return false;
      await afterSave(r.path, d.rev, r.warning);
      void refreshRecent();
      return true;
    } catch (e) {
      report(e);
      return false;
    }
  }

  const saveAs = (): Promise<boolean> => saveDoc(null);

  async function save(): Promise<boolean> {
    const d = state.doc;
    if (!d) return false;
    return saveDoc(d.path);
  }

  let autosaving: Promise<void> | null = null;
  let autosaveAgain = false;
  /** Work with the project worker, one at a time: each builds on the version the one before left it holding. */
  let workerQueue: Promise<unknown> = Promise.resolve();
  function onWorker<T>(work: () => Promise<T>): Promise<T> {
    const next = workerQueue.then(work, work);
    workerQueue = next.catch(() => undefined);
    return next;
  }

  /**
   * Sends the steps of one autosave in order, writing the recovery copy at the last when
   * `write`; false when the worker does not hold what they build on.
   */
  async function sendAutosave(steps: readonly PatchStep[], path: string | null, write: boolean, project: Project): Promise<boolean> {
    for (const [i, { patch, after }] of steps.entries()) {
      const r = await call(api.autosave({ ...patch, path, write: write && i === steps.length - 1 }));
      if (r.kind === 'missing') {
        autosaved = null;
        heldProject = null;
        return false;
      }
      autosaved = after;
      heldProject = i === steps.length - 1 ? project : null;
    }
    return true;
  }

  /**
   * The steps that bring the worker from `from` (what it holds; null: nothing) to `project`. When that is the whole
   * project in steps (nothing held yet, as after a first import, or too much changed) and the
   * extraction made the project's findings, the project worker first takes the extraction's
   * articles and findings from it, worker to worker (`adoptExtraction`): then one patch with the
   * decisions and the briefing does, and the project never crosses main whole.
   */
  async function planPatches(project: Project, from: SentProject | null): Promise<PatchStep[]> {
    const extracted = versions.get(project.findings);
    // Nothing held: no need to plan the whole project's steps before asking for the extraction's copy.
    const plan = from || !extracted ? planProjectPatches(from, project, autosaveVersion) : null;
    if (plan?.length === 1 || !extracted) return plan!;
    const whole = (): PatchStep[] => plan ?? planProjectPatches(null, project, autosaveVersion);
    const version = autosaveVersion();
    try {
      if (!(await call(api.adoptExtraction({ extracted: extracted.version, version }))).held) return whole();
    } catch {
      return whole();
    }
    autosaved = { version, keys: new Set(extracted.keys), findings: project.findings };
    heldProject = null;
    return planProjectPatches(autosaved, project, autosaveVersion);
  }

  /**
   * Sends `project` to the worker: what changed since what it holds; when it lost that, from
   * the extraction's copy; when that is lost too (another job replaced what it holds meanwhile),
   * the whole project, which builds on nothing. False only when even that was lost.
   */
  async function bringWorkerTo(project: Project, path: string | null, write: boolean): Promise<boolean> {
    const from = autosaved;
    if (await sendAutosave(await planPatches(project, from), path, write, project)) return true;
    if (from && versions.has(project.findings) && (await sendAutosave(await planPatches(project, null), path, write, project))) return true;
    return sendAutosave(planProjectPatches(null, project, autosaveVersion), path, write, project);
  }

  /** Brings the worker to hold `project` (the whole of it when `whole`); the version it holds it under. */
  async function holdInWorker(project: Project, whole: boolean): Promise<string> {
    if (!whole && autosaved && heldProject === project) return autosaved.version;
    if (whole) await sendAutosave(planProjectPatches(null, project, autosaveVersion), null, false, project);
    else await bringWorkerTo(project, null, false);
    if (!autosaved) throw new Error('The project could not be handed over for saving; try again.');
    return autosaved.version;
  }

  /** One autosave of the document as it is now; the whole project again when the autosave lost what it held. */
  async function autosaveOnce(): Promise<void> {
    const d = state.doc;
    if (!d || d.rev === d.savedRev) return;
    try {
      await onWorker(() => bringWorkerTo(d.project, d.path, true));
    } catch {
      // A recovery copy is a safety net: a failed one is not the analyst's problem now; the next change tries again.
      autosaved = null;
      heldProject = null;
    }
  }

  /** Writes the crash-recovery copy; one at a time, and once more at the end when asked again meanwhile. */
  function autosave(): Promise<void> {
    if (autosaving) {
      autosaveAgain = true;
      return autosaving;
    }
    autosaving = (async () => {
      do {
        autosaveAgain = false;
        await autosaveOnce();
      } while (autosaveAgain);
    })().finally(() => {
      autosaving = null;
    });
    return autosaving;
  }

  // ---- articles: each change is one undo step with the findings that go with it ----
  /** Articles (by `articleKey`) the extraction was sent: they go as references, without their text. */
  const held = new Set<string>();
  /** The extraction's version of findings this window got from it (the next reply is what changed since), and the keys of the articles it was made from. */
  const versions = new WeakMap<Findings, { readonly version: string; readonly keys: readonly string[] }>();

  /**
   * The merged findings of these articles (only articles not seen before are extracted). The
   * extraction answers with what changed since the project's findings, when it made them; an
   * article it no longer holds (its worker started again) is sent again in full.
   */
  async function extract(articles: readonly Article[]): Promise<Findings | undefined> {
    if (articles.length === 0) return { people: [], delegations: [], positions: [], outlook: [], attacks: [] };
    const base = state.doc?.project.findings ?? null;
    return withBusy('extract', `Extracting from ${articles.length} article${articles.length === 1 ? '' : 's'}`, async (job) => {
      for (let whole = false; ; whole = true) {
        const version = (base && versions.get(base)?.version) ?? null;
        const r = await call(api.extractUpdate({ job, base: version, articles: articles.map((a) => (!whole && held.has(articleKey(a)) ? articleRef(a) : a)) }));
        if (r.kind === 'missing') {
          if (whole) throw new Error(`Extraction lost ${r.ids.length === 1 ? 'an article' : `${r.ids.length} articles`} it was sent.`);
          held.clear();
          continue;
        }
        const findings = applyFindingsUpdate(r.update.base === null ? null : base, r.update);
        versions.set(findings, { version: r.update.version, keys: articles.map(articleKey) });
        for (const a of articles) held.add(articleKey(a));
        return findings;
      }
    });
  }

  /** Adds what an import brought; returns the id of the first new article (for focus), if any. */
  async function afterImport(r: ImportReport | null | undefined): Promise<string | null> {
    const d = state.doc;
    if (!r || !d) return null;
    dispatch({ type: 'failures', failures: r.failures });
    if (r.articles.length === 0) return null;
    // Files with the same text as an article already here (or as another file of the batch) are skipped, and said so.
    const plan = planImport(d.project.articles, r);
    if (plan.nothingNew) {
      notify('info', plan.nothingNew);
      return null;
    }
    const findings = await extract(plan.extract);
    if (!findings) return null;
    doc({ type: 'addArticles', articles: plan.fresh, findings, label: plan.label });
    return plan.fresh[0]?.id ?? null;
  }

  async function importDialog(): Promise<string | null> {
    return afterImport(await withBusy('import', 'Importing articles', (job) => call(api.importFiles({ job }))));
  }

  async function importDropped(count: number, read: () => Promise<readonly DroppedFile[]>): Promise<string | null> {
    const r = await withBusy('import', `Importing ${count} file${count === 1 ? '' : 's'}`, async (job) => call(api.importFileContents({ job, files: [...(await read())] })));
    return afterImport(r);
  }

  async function importPasted(text: string): Promise<boolean> {
    try {
      const article = await call(api.importText({ text }));
      await afterImport({ articles: [article], failures: [] });
      return true;
    } catch (e) {
      report(e);
      return false;
    }
  }

  async function reimport(article: Article): Promise<void> {
    const d = state.doc;
    if (!d || article.origin.kind !== 'file') return;
    const file = article.origin.path;
    const r = await withBusy('import', `Re-importing ${fileName(file)}`, (job) => call(api.reimportFiles({ job, paths: [file] })));
    if (!r) return;
    dispatch({ type: 'failures', failures: r.failures, clearFiles: [file] });
    const fresh = r.articles[0];
    if (!fresh) return;
    const findings = await extract(planReimport(state.doc?.project.articles ?? d.project.articles, article.id, fresh));
    if (!findings) return;
    doc({ type: 'replaceArticles', pairs: [{ oldId: article.id, article: fresh }], findings, label: `Re-imported ${fileName(file)}` });
  }

  async function removeArticle(id: string): Promise<void> {
    const d = state.doc;
    if (!d) return;
    const plan = planRemoval(d.project.articles, id);
    if (!plan) return;
    const findings = await extract(plan.extract);
    if (!findings) return;
    // No confirmation: the notice offers Undo, which brings the article and its findings back together.
    doc({ type: 'removeArticle', id, findings, label: plan.label });
  }

  async function reextract(): Promise<void> {
    const d = state.doc;
    if (!d) return;
    const findings = await extract(d.project.articles);
    if (findings) doc({ type: 'setFindings', findings, label: 'Re-extracted the findings' });
  }

  function cancelBusy(): void {
    const b = state.busy;
    if (b) void api.cancelJob({ job: b.job });
  }

  // ---- preview and export: made where the project is held (the project worker), never sent whole through main ----
  /**
   * Brings the project worker to hold `project` and asks `ask` of the version it holds; when the
   * worker lost it meanwhile (restarted), the whole project is sent again, once.
   */
  function ofHeld<T>(project: Project, ask: (held: string, again: T | null) => Promise<T>, missing: (r: T) => boolean): Promise<T> {
    return onWorker(async () => {
      let last: T | null = null;
      for (let whole = false; ; whole = true) {
        const r = await ask(await holdInWorker(project, whole), last);
        if (!missing(r)) return r;
        if (whole) throw new Error('The project was lost on the way to the preview and export; try again.');
        last = r;
      }
    });
  }
  const notHeld = (r: object | null): boolean => r !== null && 'kind' in r && (r as { kind: unknown }).kind === 'missing';
  const heldValue = <T extends object>(r: T | NotHeld): T => {
    if (notHeld(r)) throw new Error('The project was lost on the way to the preview; try again.');
    return r as T;
  };

  /** The reading view's HTML of `project` (the document as it is, or as it was a moment ago). */
  async function preview(project: Project): Promise<{ html: string }> {
    const r = heldValue(await ofHeld(project, (held) => call(api.preview({ held })), notHeld));
    // A long HTML stays in the project worker: read in parts, so main copies one part at a time.
    return { html: await readText(api, r.html) };
  }

  /** The PDF export of `project` as it would be now: its pages for the preview to draw. */
  async function previewPages(project: Project): Promise<PreviewPages> {
    return heldValue(await ofHeld(project, (held) => call(api.previewPages({ held })), notHeld));
  }

  async function exportAs(format: ExportFormat): Promise<void> {
    const d = state.doc;
    if (!d) return;
    const r = await withBusy('export', `Exporting ${format.toUpperCase()}`, (job) =>
      ofHeld<ExportedFile | HeldMissing | null>(
        d.project,
        // Again after `missing`: to the file already chosen, without a second dialog.
        (held, again) => call(again && 'path' in again ? api.exportDocument({ job, format, held, path: again.path }) : api.exportDocument({ job, format, held, suggestedName: d.project.briefing.title })),
        notHeld,
      ),
    );
    // The preview step shows the result, with Open file and Show in folder.
    if (r && !('kind' in r)) dispatch({ type: 'exported', file: r });
  }

  async function openExported(which: 'openPath' | 'showInFolder'): Promise<void> {
    const f = state.lastExport;
    if (!f) return;
    try {
      await call(api[which]({ path: f.path }));
    } catch (e) {
      report(e);
    }
  }

  /** Events from outside the page: progress of jobs. Returns the unsubscribe. */
  const listen = (): (() => void) => api.onProgress((event) => dispatch({ type: 'progress', event }));

  return {
    getState,
    subscribe,
    dispatch,
    doc,
    notify,
    report,
    listen,
    start,
    newProject: () => unlessUnsaved('starting a new project', { kind: 'new' }),
    openProject: (path?: string) => unlessUnsaved('opening another project', path ? { kind: 'open', path } : { kind: 'open' }),
    answerUnsaved,
    openBackup,
    restoreRecovery,
    discardRecovery,
    save,
    saveAs,
    autosave,
    importDialog,
    importDropped,
    importPasted,
    reimport,
    removeArticle,
    reextract,
    cancelBusy,
    preview,
    previewPages,
    exportAs,
    openExported,
  };
}
