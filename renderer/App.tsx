/**
 * The one window: project commands in the header, four steps the analyst moves between
 * freely (Articles · Review · Compose · Preview & Export). Document state lives in the pure
 * reducer of `state/project.ts`; everything outside the page goes through `api.ts`.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Article } from '../src/model';
import type { ExportFormat, ExportedFile, ImportFailure, ImportReport, MenuCommand, OpenedProject, ProgressEvent, RecentProject, RecoveredProject, TemplateSummary } from '../src/services/api';
import { ApiError, call, fileToBase64, getApi, newJobId } from './api';
import { canRedo, canUndo, docReducer, initialDocState, isDirty, type DocAction, type DocState } from './state/project';
import { ArticlesStep } from './components/ArticlesStep';
import { ReviewStep } from './components/ReviewStep';
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
  readonly kind: 'error' | 'info';
  readonly text: string;
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
  const noticeId = useRef(0);

  const notify = useCallback((kind: Notice['kind'], text: string) => {
    const id = ++noticeId.current;
    // One confirmation at a time; errors stay until dismissed (at most three).
    setNotices((n) => [...n.filter((x) => x.kind === 'error').slice(-2), { id, kind, text }]);
    if (kind === 'info') setTimeout(() => setNotices((n) => n.filter((x) => x.id !== id)), 5000);
  }, []);
  const report = useCallback((e: unknown) => notify('error', e instanceof ApiError || e instanceof Error ? e.message : String(e)), [notify]);

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

  const confirmDiscard = useCallback((): boolean => !dirty || window.confirm('Discard the unsaved changes of this project?'), [dirty]);

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
    if (!confirmDiscard()) return;
    try {
      loadOpened(await call(getApi().newProject({})));
      await getApi().discardRecovery({});
    } catch (e) {
      report(e);
    }
  }, [confirmDiscard, loadOpened, report]);

  const openProject = useCallback(
    async (path?: string) => {
      if (!confirmDiscard()) return;
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
      return true;
    } catch (e) {
      report(e);
      return false;
    }
  }, [doc, notify, report, saveAs]);

  // ---- articles ----
  const extract = useCallback(
    async (articles: readonly Article[]) => {
      if (articles.length === 0) {
        dispatch({ type: 'setFindings', findings: { people: [], delegations: [], positions: [], outlook: [], attacks: [] } });
        return;
      }
      const findings = await withBusy('extract', `Extracting from ${articles.length} article${articles.length === 1 ? '' : 's'}`, (job) => call(getApi().extract({ job, articles: [...articles] })));
      if (findings) dispatch({ type: 'setFindings', findings });
    },
    [withBusy],
  );

  const afterImport = useCallback(
    async (r: ImportReport | null | undefined) => {
      if (!r || !doc) return;
      setFailures((f) => [...r.failures, ...f.filter((x) => !r.failures.some((y) => y.file === x.file))]);
      if (r.articles.length === 0) return;
      const incoming = new Map(r.articles.map((a) => [a.id, a]));
      const all = [...doc.project.articles.map((a) => incoming.get(a.id) ?? a), ...r.articles.filter((a) => !doc.project.articles.some((x) => x.id === a.id))];
      dispatch({ type: 'addArticles', articles: r.articles });
      notify('info', `Imported ${r.articles.length} article${r.articles.length === 1 ? '' : 's'}.`);
      await extract(all);
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
      dispatch({ type: 'replaceArticles', pairs: [{ oldId: article.id, article: fresh }] });
      notify('info', `Re-imported ${fileName(file)}.`);
      await extract(doc.project.articles.map((a) => (a.id === article.id ? fresh : a)).filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i));
    },
    [doc, extract, notify, withBusy],
  );

  const removeArticle = useCallback(
    async (id: string) => {
      if (!doc) return;
      dispatch({ type: 'removeArticle', id });
      await extract(doc.project.articles.filter((a) => a.id !== id));
    },
    [doc, extract],
  );

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
    const f = project.findings;
    return { articles: project.articles.length, items: f.people.length + f.delegations.length + f.positions.length + f.outlook.length + f.attacks.length + project.overlay.added.length, sections: project.briefing.sections.length };
  }, [project]);

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
        onNew={() => void newProject()}
        onOpen={(p) => void openProject(p)}
        onSave={() => void save()}
        onSaveAs={() => void saveAs()}
        onUndo={() => dispatch({ type: 'undo' })}
        onRedo={() => dispatch({ type: 'redo' })}
      />
      <nav className="steps" aria-label="Steps">
        {STEPS.map((s, i) => (
          <button key={s.id} type="button" className={`step${step === s.id ? ' current' : ''}`} aria-current={step === s.id ? 'step' : undefined} onClick={() => setStep(s.id)} data-step={s.id}>
            <span className="step-number">{i + 1}</span>
            <span className="step-label">{s.label}</span>
            {counts && (
              <span className="step-count">
                {s.id === 'articles' ? counts.articles : s.id === 'review' ? counts.items : s.id === 'compose' ? `${counts.sections} sections` : ''}
              </span>
            )}
          </button>
        ))}
      </nav>
      {busy && (
        <div className="progress" role="status" aria-live="polite" data-testid="progress">
          <span>{busy.label}</span>
          <progress max={busy.total || 1} value={busy.total ? busy.done : undefined} />
        </div>
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
          <div key={n.id} className={`notice ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
            <span>{n.text}</span>
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
            onReextract={() => void extract(project.articles)}
            onDismissFailures={() => setFailures([])}
            onNext={() => setStep('review')}
          />
        )}
        {step === 'review' && <ReviewStep project={project} dispatch={dispatch} />}
        {step === 'compose' && <ComposeStep briefing={project.briefing} templates={templates} dispatch={dispatch} />}
        {step === 'preview' && <PreviewStep project={project} busy={busy !== null} lastExport={lastExport} onExport={(f) => void exportAs(f)} onError={report} />}
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
