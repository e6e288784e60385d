/**
 * The one window: project commands in the header, four steps the analyst moves between
 * freely (Articles · Review · Compose · Preview & Export). All state lives in the store
 * (`state/store.ts`, pure transitions in `state/app.ts`); this component reads it, wires the
 * browser's events (keys, timers, focus, the window title) and lays out the steps.
 */
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { MenuCommand } from '../src/services/api';
import { fileToBase64, getApi, newJobId } from './api';
import { cancellable, displayName as displayNameOf, dirtyOf, stepCounts, STEPS, type AppState } from './state/app';
import { createAppStore, formatTime, type AppStore } from './state/store';
import { canRedo, canUndo, redoLabel, undoLabel, type DocAction } from './state/project';
import { exportIssues, type ExportIssue } from './state/review';
import { ArticlesStep } from './components/ArticlesStep';
import { ReviewStep } from './components/ReviewStep';
import { UnsavedDialog } from './components/UnsavedDialog';
import { ComposeStep } from './components/ComposeStep';
import { PreviewStep } from './components/PreviewStep';
import { Header } from './components/Header';

export type { Step } from './state/app';

const AUTOSAVE_DELAY_MS = 1500;

const fileName = (p: string): string => p.split(/[\\/]/).pop() ?? p;

/** The window's one store, made on first use (the API exists once the page has loaded). */
let theStore: AppStore | null = null;
const appStore = (): AppStore => (theStore ??= createAppStore({ api: getApi(), newJobId, setTimer: (fn, ms) => setTimeout(fn, ms) }));

/** Focus goes to an article's row, so the keyboard carries on from there. */
function focusArticle(id: string | null): void {
  if (!id) return;
  setTimeout(() => document.querySelector<HTMLElement>(`tr[data-article="${CSS.escape(id)}"] .title-cell button, tr[data-article="${CSS.escape(id)}"] button`)?.focus(), 50);
}

export function App() {
  const store = appStore();
  const state: AppState = useSyncExternalStore(store.subscribe, store.getState);
  const { doc, ready, step, busy, notices, failures, recovery, backupOffer, recent, templates, lastExport, reviewTarget, articleTarget, unsavedAsk } = state;
  const dispatch = useCallback((action: DocAction) => store.doc(action), [store]);

  // ---- start-up and progress events ----
  useEffect(() => {
    void store.start();
    return store.listen();
  }, [store]);

  const project = doc?.project ?? null;
  const dirty = dirtyOf(state);
  const displayName = displayNameOf(state);

  // ---- unsaved marker: window title (main) and document title ----
  useEffect(() => {
    if (!doc) return;
    document.title = `${dirty ? '● ' : ''}${displayName} — Briefsmith`;
    getApi().setDirty({ dirty, title: displayName });
  }, [doc, dirty, displayName]);

  // ---- autosave: a recovery copy shortly after each change (never the project file itself) ----
  useEffect(() => {
    if (!doc || !dirty) return;
    const t = setTimeout(() => store.autosave(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(t);
  }, [doc, dirty, store]);

  // ---- menu commands and files opened by the OS ----
  const commands = useRef<Record<MenuCommand, () => void>>({} as Record<MenuCommand, () => void>);
  commands.current = {
    new: () => void store.newProject(),
    open: () => void store.openProject(),
    save: () => void store.save(),
    saveAs: () => void store.saveAs(),
    undo: () => (isTextField(document.activeElement) ? document.execCommand('undo') : dispatch({ type: 'undo' })),
    redo: () => (isTextField(document.activeElement) ? document.execCommand('redo') : dispatch({ type: 'redo' })),
    'export-docx': () => void store.exportAs('docx'),
    'export-pdf': () => void store.exportAs('pdf'),
  };
  useEffect(() => {
    const api = getApi();
    const offMenu = api.onMenu((c) => commands.current[c]?.());
    const offOpen = api.onOpenFile((p) => void store.openProject(p));
    return () => {
      offMenu();
      offOpen();
    };
  }, [store]);

  const counts = useMemo(() => (project ? stepCounts(project) : null), [project]);
  const issues = useMemo<readonly ExportIssue[]>(() => (project && step === 'preview' ? exportIssues(project) : []), [project, step]);
  const goToIssue = useCallback(
    (issue: ExportIssue) => store.dispatch(issue.target.step === 'review' ? { type: 'openReviewItem', target: { section: issue.target.section, id: issue.target.id } } : { type: 'openArticle', id: issue.target.id }),
    [store],
  );
  const setStep = useCallback((s: AppState['step']) => store.dispatch({ type: 'goTo', step: s }), [store]);
  const onStepKey = useCallback(
    (e: React.KeyboardEvent<HTMLButtonElement>, i: number) => {
      const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? STEPS.length - 1 : null;
      if (to === null) return;
      e.preventDefault();
      const next = STEPS[(to + STEPS.length) % STEPS.length]!;
      setStep(next.id);
      document.querySelector<HTMLElement>(`[data-step="${next.id}"]`)?.focus();
    },
    [setStep],
  );

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
        onNew={() => void store.newProject()}
        onOpen={(p) => void store.openProject(p)}
        onSave={() => void store.save()}
        onSaveAs={() => void store.saveAs()}
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
          {cancellable(busy) && (
            <button type="button" onClick={store.cancelBusy} data-testid="cancel-job">
              Cancel
            </button>
          )}
        </div>
      )}
      {unsavedAsk && (
        <UnsavedDialog
          name={displayName}
          action={unsavedAsk.action}
          onChoose={(choice) => void store.answerUnsaved(choice)}
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
            onClick={store.restoreRecovery}
          >
            Restore
          </button>
          <button
            type="button"
            onClick={store.discardRecovery}
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
          <button type="button" className="primary" onClick={() => void store.openBackup(backupOffer)}>
            {backupOffer.savedAt ? `Open the backup (saved ${formatTime(backupOffer.savedAt)})` : 'Open the backup'}
          </button>
          <button type="button" onClick={() => store.dispatch({ type: 'backupOffer', offer: null })}>
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
                  store.dispatch({ type: 'dismiss', id: n.id });
                  dispatch({ type: n.offer === 'undo' ? 'undo' : 'redo' });
                }}
              >
                {n.offer === 'undo' ? 'Undo' : 'Redo'}
              </button>
            )}
            <button type="button" className="link" aria-label="Dismiss" onClick={() => store.dispatch({ type: 'dismiss', id: n.id })}>
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
            onImportDialog={() => void store.importDialog().then(focusArticle)}
            onDropFiles={(files) => void store.importDropped(files.length, () => Promise.all(files.map(async (f) => ({ name: f.name, bytesBase64: await fileToBase64(f) })))).then(focusArticle)}
            onPaste={store.importPasted}
            onRemove={(id) => void store.removeArticle(id)}
            onReimport={(a) => void store.reimport(a)}
            onReextract={() => void store.reextract()}
            onEdit={(id, patch, label) => dispatch({ type: 'editArticle', id, patch, label })}
            target={articleTarget}
            onDismissFailures={() => store.dispatch({ type: 'clearFailures' })}
            onNext={() => setStep('review')}
          />
        )}
        {step === 'review' && <ReviewStep project={project} dispatch={dispatch} target={reviewTarget} />}
        {step === 'compose' && <ComposeStep briefing={project.briefing} templates={templates} dispatch={dispatch} />}
        {step === 'preview' && <PreviewStep project={project} busy={busy !== null} lastExport={lastExport} onExport={(f) => void store.exportAs(f)} onError={store.report} issues={issues} onGoToIssue={goToIssue} dispatch={dispatch} preview={store.preview} previewPages={store.previewPages} />}
      </main>
    </div>
  );
}

function isTextField(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'TEXTAREA' || (tag === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((el as HTMLInputElement).type)) || (el as HTMLElement).isContentEditable;
}
