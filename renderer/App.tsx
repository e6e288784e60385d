/**
 * The one window: project commands in the header, four steps the analyst moves between
 * freely (Articles · Review · Compose · Preview & Export). Document state lives in the pure
 * reducer of `state/project.ts`; everything outside the page goes through `api.ts`.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Article, Findings } from '../src/model';
import type { ExportFormat, ExportedFile, ImportFailure, ImportReport, MenuCommand, OpenedProject, ProgressEvent, RecentProject, RecoveredProject, TemplateSummary } from '../src/services/api';
import { ApiError, call, fileToBase64, getApi, newJobId } from './api';
import { canRedo, canUndo, docReducer, initialDocState, isDirty, redoLabel, undoLabel, type DocAction, type DocState } from './state/project';
import { exportIssues, reviewProgress, type ExportIssue } from './state/review';
import { planImport, planReimport, planRemoval } from './state/workflow';
import { ArticlesStep } from './components/ArticlesStep';
import { ReviewStep, type ReviewTarget } from './components/ReviewStep';
import { UnsavedDialog } from './components/UnsavedDialog';
import { ComposeStep } from './components/ComposeStep';
import { PreviewStep } from './components/PreviewStep';
import { Header } from './components/Header';

export type Step = 'articles' | 'review' | 'compose' | 'preview';
const STEPS: ReadonlyArray<{ id: Step; label: string }> = [
  { id: 'articles', label: 'Articles' },
  { id: 'review', label: 'Review' },
  { id: 'compose', label: 'Compose' },
  { id: 'preview', label: 'Preview & Export' },
];

export interface Notice {
  readonly id: number;
  /** Errors and warnings stay until dismissed; information goes after a few seconds. */
  readonly kind: 'error' | 'warning' | 'info';
  readonly text: string;
  /** A notice of an undoable change offers Undo (or Redo, after an undo). */
  readonly offer?: 'undo' | 'redo';
}

interface Busy {
  readonly job: string;
  readonly label: string;
  readonly done: number;
  readonly total: number;
}

const AUTOSAVE_DELAY_MS = 1500;

const fileName = (p: string): string => p.split(/[\\/]/).pop() ?? p;

/** A local date and time for people, e.g. "24 Mar 2025, 09:30". */
const formatTime = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

/** The core's message ends by offering the backup in words; the banner's button makes that offer. */
const withoutBackupSentence = (message: string): string => message.replace(/\s*A backup from the previous save\b[\s\S]*$/, '') || message;

interface BackupOffer {
  /** The project file that failed to open. */
  readonly file: string;
  /** What is wrong with it (names the file). */
  readonly message: string;
  readonly savedAt: string | null;
}

export function App() {
  const [doc, dispatch] = useReducer(appReducer, null);
  const [ready, setReady] = useState(false);
  const [step, setStep] = useState<Step>('articles');
  const [busy, setBusy] = useState<Busy | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [failures, setFailures] = useState<ImportFailure[]>([]);
  const [recovery, setRecovery] = useState<RecoveredProject | null>(null);
  /** A project that failed to open but has a backup: what is wrong, and the backup's time. */
  const [backupOffer, setBackupOffer] = useState<BackupOffer | null>(null);
  const [recent, setRecent] = useState<readonly RecentProject[]>([]);
  const [templates, setTemplates] = useState<readonly TemplateSummary[]>([]);
  const [lastExport, setLastExport] = useState<ExportedFile | null>(null);
  /** An item the pre-export check asked to open in Review. */
  const [reviewTarget, setReviewTarget] = useState<ReviewTarget | null>(null);
  /** An article the pre-export check asked to correct. */
  const [articleTarget, setArticleTarget] = useState<string | null>(null);
  /** Save / Don't save / Cancel, while it is asked; resolves with whether to go on. */
  const [unsavedAsk, setUnsavedAsk] = useState<{ action: string; resolve: (go: boolean) => void } | null>(null);
  const noticeId = useRef(0);

  const notify = useCallback((kind: Notice['kind'], text: string, offer?: Notice['offer']) => {
    const id = ++noticeId.current;
    // One confirmation at a time; errors stay until dismissed (at most three).
    setNotices((n) => [...n.filter((x) => x.kind !== 'info').slice(-2), { id, kind, text, ...(offer ? { offer } : {}) }]);
    if (kind === 'info') setTimeout(() => setNotices((n) => n.filter((x) => x.id !== id)), offer ? 10000 : 5000);
  }, []);
  const report = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.code === 'cancelled') notify('info', e.message);
      else notify('error', e instanceof ApiError || e instanceof Error ? e.message : String(e));
    },
    [notify],
  );

  /** Runs long work with the progress bar; progress events of its job move the bar. */
  const withBusy = useCallback(
    async <T,>(kind: string, label: string, work: (job: string) => Promise<T>): Promise<T | undefined> => {
      const job = newJobId(kind);
      setBusy({ job, label, done: 0, total: 0 });
      try {
        return await work(job);
      } catch (e) {
        report(e);
        return undefined;
      } finally {
        setBusy((b) => (b?.job === job ? null : b));
      }
    },
    [report],
  );

  // ---- start-up: a new project, the recent list, templates, and any crash-recovery copy ----
  useEffect(() => {
    const api = getApi();
    let live = true;
    void (async () => {
      try {
        const [opened, rec, tpls, recovered] = await Promise.all([
          call(api.newProject({})),
          call(api.recentProjects({})),
          call(api.listTemplates({})).catch(() => [] as TemplateSummary[]),
          call(api.recover({})).catch(() => null),
        ]);
        if (!live) return;
        dispatch({ type: 'load', project: opened.project, path: null });
        setRecent(rec);
        setTemplates(tpls);
        setRecovery(recovered);
        setReady(true);
      } catch (e) {
        report(e);
      }
    })();
    const offProgress = api.onProgress((e: ProgressEvent) => setBusy((b) => (b && b.job === e.job ? { ...b, done: e.done, total: e.total, label: e.label } : b)));
    return () => {
      live = false;
      offProgress();
    };
  }, [report]);

  // ---- every change, undo and redo says what it did, with the way back ----
  const lastChange = doc?.lastChange ?? null;
  useEffect(() => {
    if (!lastChange) return;
    if (lastChange.kind === 'do') notify('info', `${lastChange.label}.`, 'undo');
    else if (lastChange.kind === 'undo') notify('info', `Undone: ${lastChange.label}.`, 'redo');
    else notify('info', `Redone: ${lastChange.label}.`, 'undo');
    // Only a new change makes a notice (not a re-render): `notify` is stable.
  }, [lastChange, notify]);

  const project = doc?.project ?? null;
  const dirty = doc ? isDirty(doc) : false;
  const displayName = doc?.path ? fileName(doc.path).replace(/\.briefsmith$/i, '') : (project?.briefing.title ?? 'Untitled briefing');

  // ---- unsaved marker: window title (main) and document title ----
  useEffect(() => {
    if (!doc) return;
    document.title = `${dirty ? '● ' : ''}${displayName} — Briefsmith`;
    getApi().setDirty({ dirty, title: displayName });
  }, [doc, dirty, displayName]);

  // ---- autosave: a recovery copy shortly after each change (never the project file itself) ----
  useEffect(() => {
    if (!doc || !dirty) return;
    const t = setTimeout(() => {
      void getApi().autosave({ project: doc.project, path: doc.path });
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(t);
  }, [doc, dirty]);

  /** Before New or Open: Save / Don't save / Cancel when there are unsaved changes. */
  const confirmDiscard = useCallback(
    (action: string): Promise<boolean> => (dirty ? new Promise<boolean>((resolve) => setUnsavedAsk({ action, resolve })) : Promise.resolve(true)),
    [dirty],
  );

  const refreshRecent = useCallback(async () => {
    try {
      setRecent(await call(getApi().recentProjects({})));
    } catch {
      /* the list is a convenience */
    }
  }, []);

  const loadOpened = useCallback(
    (o: OpenedProject, dirtyAfter = false) => {
      dispatch({ type: 'load', project: o.project, path: o.path, dirty: dirtyAfter });
      setFailures([]);
      setLastExport(null);
      setStep(o.project.articles.length ? 'review' : 'articles');
      if (o.migratedFrom !== null) notify('info', `Converted from an older project format (version ${o.migratedFrom}). Save to keep it in the new format.`);
      void refreshRecent();
    },
    [notify, refreshRecent],
  );

  // ---- project commands ----
  const newProject = useCallback(async () => {
    if (!(await confirmDiscard('starting a new project'))) return;
    try {
      loadOpened(await call(getApi().newProject({})));
      await getApi().discardRecovery({});
    } catch (e) {
      report(e);
    }
  }, [confirmDiscard, loadOpened, report]);

  const openProject = useCallback(
    async (path?: string) => {
      if (!(await confirmDiscard('opening another project'))) return;
      try {
        const o = await call(getApi().openProject(path ? { path } : {}));
        if (o) {
          setBackupOffer(null);
          loadOpened(o);
          notify('info', `Opened ${fileName(o.path ?? '')}.`);
        }
      } catch (e) {
        if (e instanceof ApiError && e.backup && e.file) {
          setBackupOffer({ file: e.file, message: withoutBackupSentence(e.message), savedAt: e.backup.savedAt });
        } else {
          setBackupOffer(null);
          report(e);
        }
      }
    },
    [confirmDiscard, loadOpened, notify, report],
  );

  const openBackup = useCallback(
    async (offer: BackupOffer) => {
      try {
        const o = await call(getApi().openProjectBackup({ path: offer.file }));
        setBackupOffer(null);
        // Unsaved on purpose: Save writes the recovered project back over the damaged file.
        loadOpened(o, true);
        notify('info', `Opened the backup of ${fileName(o.path ?? offer.file)} (saved ${formatTime(o.savedAt)}). Save to replace the damaged file.`);
      } catch (e) {
        setBackupOffer(null);
        report(e);
      }
    },
    [loadOpened, notify, report],
  );

  const saveAs = useCallback(async (): Promise<boolean> => {
    if (!doc) return false;
    const rev = doc.rev;
    try {
      const r = await call(getApi().saveProjectAs({ project: doc.project }));
      if (!r) return false;
      dispatch({ type: 'saved', path: r.path, rev });
      await getApi().discardRecovery({});
      notify('info', `Saved ${fileName(r.path)}.`);
      if (r.warning) notify('warning', r.warning);
      void refreshRecent();
      return true;
    } catch (e) {
      report(e);
      return false;
    }
  }, [doc, notify, refreshRecent, report]);

  const save = useCallback(async (): Promise<boolean> => {
    if (!doc) return false;
    if (!doc.path) return saveAs();
    const rev = doc.rev;
    try {
      const r = await call(getApi().saveProject({ project: doc.project, path: doc.path }));
      dispatch({ type: 'saved', path: r.path, rev });
      await getApi().discardRecovery({});
      notify('info', `Saved ${fileName(r.path)}.`);
      if (r.warning) notify('warning', r.warning);
      return true;
    } catch (e) {
      report(e);
      return false;
    }
  }, [doc, notify, report, saveAs]);

  // ---- articles: each change is one undo step with the findings that go with it ----
  /** The merged findings of these articles (only articles not seen before are extracted). */
  const extract = useCallback(
    async (articles: readonly Article[]): Promise<Findings | undefined> => {
      if (articles.length === 0) return { people: [], delegations: [], positions: [], outlook: [], attacks: [] };
      return withBusy('extract', `Extracting from ${articles.length} article${articles.length === 1 ? '' : 's'}`, (job) => call(getApi().extract({ job, articles: [...articles] })));
    },
    [withBusy],
  );

  const afterImport = useCallback(
    async (r: ImportReport | null | undefined) => {
      if (!r || !doc) return;
      setFailures((f) => [...r.failures, ...f.filter((x) => !r.failures.some((y) => y.file === x.file))]);
      if (r.articles.length === 0) return;
      // Files with the same text as an article already here (or as another file of the batch) are skipped, and said so.
      const plan = planImport(doc.project.articles, r);
      const fresh = plan.fresh;
      if (plan.nothingNew) {
        notify('info', plan.nothingNew);
        return;
      }
      const findings = await extract(plan.extract);
      if (!findings) return;
      dispatch({ type: 'addArticles', articles: fresh, findings, label: plan.label });
      // Focus goes to the first new article, so the keyboard carries on from there.
      setTimeout(() => document.querySelector<HTMLElement>(`tr[data-article="${CSS.escape(fresh[0]!.id)}"] .title-cell button, tr[data-article="${CSS.escape(fresh[0]!.id)}"] button`)?.focus(), 50);
    },
    [doc, extract, notify],
  );

  const importDialog = useCallback(async () => {
    const r = await withBusy('import', 'Importing articles', (job) => call(getApi().importFiles({ job })));
    await afterImport(r);
  }, [afterImport, withBusy]);

  const importDropped = useCallback(
    async (files: readonly File[]) => {
      const r = await withBusy('import', `Importing ${files.length} file${files.length === 1 ? '' : 's'}`, async (job) => {
        const payload = await Promise.all(files.map(async (f) => ({ name: f.name, bytesBase64: await fileToBase64(f) })));
        return call(getApi().importFileContents({ job, files: payload }));
      });
      await afterImport(r);
    },
    [afterImport, withBusy],
  );

  const importPasted = useCallback(
    async (text: string): Promise<boolean> => {
      try {
        const article = await call(getApi().importText({ text }));
        await afterImport({ articles: [article], failures: [] });
        return true;
      } catch (e) {
        report(e);
        return false;
      }
    },
    [afterImport, report],
  );

  const reimport = useCallback(
    async (article: Article) => {
      if (!doc || article.origin.kind !== 'file') return;
      const file = article.origin.path;
      const r = await withBusy('import', `Re-importing ${fileName(file)}`, (job) => call(getApi().reimportFiles({ job, paths: [file] })));
      if (!r) return;
      setFailures((f) => [...r.failures, ...f.filter((x) => x.file !== file)]);
      const fresh = r.articles[0];
      if (!fresh) return;
      const findings = await extract(planReimport(doc.project.articles, article.id, fresh));
      if (!findings) return;
      dispatch({ type: 'replaceArticles', pairs: [{ oldId: article.id, article: fresh }], findings, label: `Re-imported ${fileName(file)}` });
    },
    [doc, extract, withBusy],
  );

  const removeArticle = useCallback(
    async (id: string) => {
      if (!doc) return;
      const plan = planRemoval(doc.project.articles, id);
      if (!plan) return;
      const findings = await extract(plan.extract);
      if (!findings) return;
      // No confirmation: the notice offers Undo, which brings the article and its findings back together.
      dispatch({ type: 'removeArticle', id, findings, label: plan.label });
    },
    [doc, extract],
  );

  const reextract = useCallback(async () => {
    if (!doc) return;
    const findings = await extract(doc.project.articles);
    if (findings) dispatch({ type: 'setFindings', findings, label: 'Re-extracted the findings' });
  }, [doc, extract]);

  const cancelBusy = useCallback(() => {
    if (busy) void getApi().cancelJob({ job: busy.job });
  }, [busy]);

  // ---- export ----
  const exportAs = useCallback(
    async (format: ExportFormat) => {
      if (!doc) return;
      const r = await withBusy('export', `Exporting ${format.toUpperCase()}`, (job) => call(getApi().exportDocument({ job, format, project: doc.project })));
      if (r) {
        // The preview step shows the result, with Open file and Show in folder.
        setLastExport(r);
        setStep('preview');
      }
    },
    [doc, withBusy],
  );

  // ---- menu commands and files opened by the OS ----
  const commands = useRef<Record<MenuCommand, () => void>>({} as Record<MenuCommand, () => void>);
  commands.current = {
    new: () => void newProject(),
    open: () => void openProject(),
    save: () => void save(),
    saveAs: () => void saveAs(),
    undo: () => (isTextField(document.activeElement) ? document.execCommand('undo') : dispatch({ type: 'undo' })),
    redo: () => (isTextField(document.activeElement) ? document.execCommand('redo') : dispatch({ type: 'redo' })),
    'export-docx': () => void exportAs('docx'),
    'export-pdf': () => void exportAs('pdf'),
  };
  const openRef = useRef(openProject);
  openRef.current = openProject;
  useEffect(() => {
    const api = getApi();
    const offMenu = api.onMenu((c) => commands.current[c]?.());
    const offOpen = api.onOpenFile((p) => void openRef.current(p));
    return () => {
      offMenu();
      offOpen();
    };
  }, []);

  const counts = useMemo(() => {
    if (!project) return null;
    const progress = reviewProgress(project.findings, project.overlay);
    return { articles: project.articles.length, items: progress.total, pending: progress.pending, sections: project.briefing.sections.length };
  }, [project]);
  const issues = useMemo<readonly ExportIssue[]>(() => (project && step === 'preview' ? exportIssues(project) : []), [project, step]);
  const goToIssue = useCallback((issue: ExportIssue) => {
    if (issue.target.step === 'review') {
      setReviewTarget({ section: issue.target.section, id: issue.target.id });
      setStep('review');
    } else {
      setArticleTarget(issue.target.id);
      setStep('articles');
    }
  }, []);
  const onStepKey = useCallback((e: React.KeyboardEvent<HTMLButtonElement>, i: number) => {
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? STEPS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = STEPS[(to + STEPS.length) % STEPS.length]!;
    setStep(next.id);
    document.querySelector<HTMLElement>(`[data-step="${next.id}"]`)?.focus();
  }, []);

  if (!doc || !project || !ready) {
    return (
      <div className="app loading" aria-busy="true">
        <p>Starting Briefsmith…</p>
        {notices.map((n) => (
          <p key={n.id} role="alert" className="notice error">
            {n.text}
          </p>
        ))}
      </div>
    );
  }

  return (
    <div className="app">
      <Header
        name={displayName}
        dirty={dirty}
        path={doc.path}
        recent={recent}
        canUndo={canUndo(doc)}
        canRedo={canRedo(doc)}
        undoLabel={undoLabel(doc)}
        redoLabel={redoLabel(doc)}
        onNew={() => void newProject()}
        onOpen={(p) => void openProject(p)}
        onSave={() => void save()}
        onSaveAs={() => void saveAs()}
        onUndo={() => dispatch({ type: 'undo' })}
        onRedo={() => dispatch({ type: 'redo' })}
      />
      <nav className="steps" aria-label="Steps">
        {STEPS.map((s, i) => (
          <button
            key={s.id}
            type="button"
            className={`step${step === s.id ? ' current' : ''}`}
            aria-current={step === s.id ? 'step' : undefined}
            tabIndex={step === s.id ? 0 : -1}
            onClick={() => setStep(s.id)}
            onKeyDown={(e) => onStepKey(e, i)}
            data-step={s.id}
          >
            <span className="step-number">{i + 1}</span>
            <span className="step-label">{s.label}</span>
            {counts && (
              <span className="step-count">
                {s.id === 'articles' ? (
                  counts.articles
                ) : s.id === 'review' ? (
                  counts.items === 0 ? (
                    '0'
                  ) : (
                    <>
                      <span className="review-meter" aria-hidden="true">
                        <span style={{ width: `${Math.round((100 * (counts.items - counts.pending)) / counts.items)}%` }} />
                      </span>
                      {counts.pending ? `${counts.pending} of ${counts.items} to review` : `all ${counts.items} reviewed`}
                    </>
                  )
                ) : s.id === 'compose' ? (
                  `${counts.sections} sections`
                ) : (
                  ''
                )}
              </span>
            )}
          </button>
        ))}
      </nav>
      {busy && (
        <div className="progress" role="status" aria-live="polite" data-testid="progress">
          <span>{busy.label}</span>
          <progress max={busy.total || 1} value={busy.total ? busy.done : undefined} />
          {busy.total > 0 && <span className="small">{Math.round((100 * busy.done) / busy.total)} %</span>}
          {(busy.job.startsWith('extract') || busy.job.startsWith('export')) && (
            <button type="button" onClick={cancelBusy} data-testid="cancel-job">
              Cancel
            </button>
          )}
        </div>
      )}
      {unsavedAsk && (
        <UnsavedDialog
          name={displayName}
          action={unsavedAsk.action}
          onChoose={async (choice) => {
            const ask = unsavedAsk;
            setUnsavedAsk(null);
            if (choice === 'cancel') return ask.resolve(false);
            if (choice === 'discard') return ask.resolve(true);
            ask.resolve(await save());
          }}
        />
      )}
      {recovery && (
        <div className="banner" role="alert">
          <span>
            Briefsmith found unsaved work from {new Date(recovery.savedAt).toLocaleString()}
            {recovery.path ? ` (${fileName(recovery.path)})` : ''}.
          </span>
          <button
            type="button"
            className="primary"
            onClick={() => {
              loadOpened(recovery, true);
              setRecovery(null);
            }}
          >
            Restore
          </button>
          <button
            type="button"
            onClick={() => {
              setRecovery(null);
              void getApi().discardRecovery({});
            }}
          >
            Discard
          </button>
        </div>
      )}
      {backupOffer && (
        <div className="banner backup-offer" role="alertdialog" aria-labelledby="backup-offer-title" aria-describedby="backup-offer-message" data-testid="backup-offer">
          <div className="backup-offer-text">
            <strong id="backup-offer-title">{fileName(backupOffer.file)} could not be opened</strong>
            <span id="backup-offer-message">{backupOffer.message}</span>
            <small>The backup is this project as it was before its last save. Nothing is overwritten until you save.</small>
          </div>
          <button type="button" className="primary" onClick={() => void openBackup(backupOffer)}>
            {backupOffer.savedAt ? `Open the backup (saved ${formatTime(backupOffer.savedAt)})` : 'Open the backup'}
          </button>
          <button type="button" onClick={() => setBackupOffer(null)}>
            Cancel
          </button>
        </div>
      )}
      <div className="notices" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className={`notice ${n.kind}`} role={n.kind === 'info' ? 'status' : 'alert'} data-testid={`notice-${n.kind}`}>
            <span>{n.text}</span>
            {n.offer && (
              <button
                type="button"
                className="notice-action"
                onClick={() => {
                  dispatch({ type: n.offer === 'undo' ? 'undo' : 'redo' });
                  setNotices((all) => all.filter((x) => x.id !== n.id));
                }}
              >
                {n.offer === 'undo' ? 'Undo' : 'Redo'}
              </button>
            )}
            <button type="button" className="link" aria-label="Dismiss" onClick={() => setNotices((all) => all.filter((x) => x.id !== n.id))}>
              ×
            </button>
          </div>
        ))}
      </div>
      <main className="content">
        {step === 'articles' && (
          <ArticlesStep
            articles={project.articles}
            failures={failures}
            busy={busy !== null}
            onImportDialog={() => void importDialog()}
            onDropFiles={(files) => void importDropped(files)}
            onPaste={importPasted}
            onRemove={(id) => void removeArticle(id)}
            onReimport={(a) => void reimport(a)}
            onReextract={() => void reextract()}
            onEdit={(id, patch, label) => dispatch({ type: 'editArticle', id, patch, label })}
            target={articleTarget}
            onDismissFailures={() => setFailures([])}
            onNext={() => setStep('review')}
          />
        )}
        {step === 'review' && <ReviewStep project={project} dispatch={dispatch} target={reviewTarget} />}
        {step === 'compose' && <ComposeStep briefing={project.briefing} templates={templates} dispatch={dispatch} />}
        {step === 'preview' && <PreviewStep project={project} busy={busy !== null} lastExport={lastExport} onExport={(f) => void exportAs(f)} onError={report} issues={issues} onGoToIssue={goToIssue} dispatch={dispatch} />}
      </main>
    </div>
  );
}

/** The document reducer, with "nothing loaded yet" before the first project arrives. */
function appReducer(s: DocState | null, a: DocAction): DocState | null {
  if (a.type === 'load') return docReducer(initialDocState(a.project, a.path), a);
  return s ? docReducer(s, a) : s;
}

function isTextField(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'TEXTAREA' || (tag === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((el as HTMLInputElement).type)) || (el as HTMLElement).isContentEditable;
}
