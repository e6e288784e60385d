/**
 * The window's whole state as pure transitions, `(state, action) → state`: the document (with
 * its undo history, `state/project.ts`), the step shown, the running job, notices, import
 * failures, the offers (crash recovery, a backup, Save / Don't save / Cancel) and the lists the
 * header and Compose show. No React and no API here: `state/store.ts` runs the asynchronous
 * work and dispatches these actions; components only read the state and call the store.
 */
import type { ItemSection, Project } from '../../src/model';
import type { ImportFailure, ExportedFile, OpenedProject, ProgressEvent, RecentProject, RecoveredProject, TemplateSummary } from '../../src/services/api';
import { docReducer, initialDocState, isDirty, type DocAction, type DocState } from './project';
import { reviewProgress } from './review';

export type Step = 'articles' | 'review' | 'compose' | 'preview';
export const STEPS: ReadonlyArray<{ id: Step; label: string }> = [
  { id: 'articles', label: 'Articles' },
  { id: 'review', label: 'Review' },
  { id: 'compose', label: 'Compose' },
  { id: 'preview', label: 'Preview & Export' },
];

export type NoticeKind = 'error' | 'warning' | 'info';

export interface Notice {
  readonly id: number;
  /** Errors and warnings stay until dismissed; information goes after a few seconds. */
  readonly kind: NoticeKind;
  readonly text: string;
  /** A notice of an undoable change offers Undo (or Redo, after an undo). */
  readonly offer?: 'undo' | 'redo';
}

/** How long an information notice stays (one with Undo or Redo stays longer). */
export const noticeLifetimeMs = (n: Notice): number | null => (n.kind !== 'info' ? null : n.offer ? 10_000 : 5_000);
/** At most this many notices are shown: the newest, and the last errors and warnings before it. */
export const MAX_LASTING_NOTICES = 3;

export interface Busy {
  readonly job: string;
  readonly label: string;
  readonly done: number;
  readonly total: number;
}

/** Whether the running job can be cancelled (extraction and export can; an import cannot). */
export const cancellable = (b: Busy): boolean => b.job.startsWith('extract') || b.job.startsWith('export');

export interface BackupOffer {
  /** The project file that failed to open. */
  readonly file: string;
  /** What is wrong with it (names the file). */
  readonly message: string;
  readonly savedAt: string | null;
}

/** What waits for the answer to Save / Don't save / Cancel. */
export type AfterUnsaved = { readonly kind: 'new' } | { readonly kind: 'open'; readonly path?: string };

/** An item the pre-export check asked to open in Review. */
export interface ReviewTarget {
  readonly section: ItemSection;
  readonly id: string;
}

export interface AppState {
  /** Null until the first project arrives. */
  readonly doc: DocState | null;
  readonly ready: boolean;
  readonly step: Step;
  readonly busy: Busy | null;
  readonly notices: readonly Notice[];
  readonly nextNoticeId: number;
  readonly failures: readonly ImportFailure[];
  readonly recovery: RecoveredProject | null;
  readonly backupOffer: BackupOffer | null;
  readonly recent: readonly RecentProject[];
  readonly templates: readonly TemplateSummary[];
  readonly lastExport: ExportedFile | null;
  readonly reviewTarget: ReviewTarget | null;
  /** An article the pre-export check asked to correct. */
  readonly articleTarget: string | null;
  /** Save / Don't save / Cancel, while it is asked, and what it was asked for. */
  readonly unsavedAsk: { readonly action: string; readonly then: AfterUnsaved } | null;
}

export const initialAppState: AppState = {
  doc: null,
  ready: false,
  step: 'articles',
  busy: null,
  notices: [],
  nextNoticeId: 1,
  failures: [],
  recovery: null,
  backupOffer: null,
  recent: [],
  templates: [],
  lastExport: null,
  reviewTarget: null,
  articleTarget: null,
  unsavedAsk: null,
};

export type AppAction =
  | { type: 'started'; opened: OpenedProject; recent: readonly RecentProject[]; templates: readonly TemplateSummary[]; recovery: RecoveredProject | null }
  /** A change to the document (undoable ones carry their name). */
  | { type: 'doc'; action: DocAction }
  /** A project opened, restored or started: the document is replaced and the window reset. */
  | { type: 'opened'; opened: OpenedProject; dirty?: boolean }
  | { type: 'saved'; path: string; rev: number }
  | { type: 'goTo'; step: Step }
  | { type: 'busy'; job: string; label: string }
  | { type: 'progress'; event: ProgressEvent }
  | { type: 'idle'; job: string }
  | { type: 'notify'; kind: NoticeKind; text: string; offer?: 'undo' | 'redo' }
  | { type: 'dismiss'; id: number }
  /** Failures of an import: these files' new failures replace their old ones. */
  | { type: 'failures'; failures: readonly ImportFailure[]; clearFiles?: readonly string[] }
  | { type: 'clearFailures' }
  | { type: 'recovery'; recovery: RecoveredProject | null }
  | { type: 'backupOffer'; offer: BackupOffer | null }
  | { type: 'recent'; recent: readonly RecentProject[] }
  | { type: 'exported'; file: ExportedFile }
  /** The pre-export check opens an item in Review, or an article in Articles. */
  | { type: 'openReviewItem'; target: ReviewTarget }
  | { type: 'openArticle'; id: string }
  | { type: 'askUnsaved'; action: string; then: AfterUnsaved }
  | { type: 'answeredUnsaved' };

function withNotice(s: AppState, kind: NoticeKind, text: string, offer?: 'undo' | 'redo'): AppState {
  const notice: Notice = { id: s.nextNoticeId, kind, text, ...(offer ? { offer } : {}) };
  // One confirmation at a time; errors and warnings stay until dismissed (the last few).
  const kept = kind === 'info' ? s.notices.filter((n) => n.kind !== 'info') : s.notices;
  const lasting = kept.filter((n) => n.kind !== 'info');
  const drop = new Set(lasting.slice(0, Math.max(0, lasting.length - (MAX_LASTING_NOTICES - 1))));
  return { ...s, notices: [...kept.filter((n) => !drop.has(n)), notice], nextNoticeId: s.nextNoticeId + 1 };
}

/** What the notice says after a change, an undo or a redo (null when the action changed nothing). */
function changeNotice(before: DocState | null, after: DocState): AppState['notices'][number] | null {
  const c = after.lastChange;
  if (!c || c === before?.lastChange) return null;
  if (c.kind === 'do') return { id: 0, kind: 'info', text: `${c.label}.`, offer: 'undo' };
  if (c.kind === 'undo') return { id: 0, kind: 'info', text: `Undone: ${c.label}.`, offer: 'redo' };
  return { id: 0, kind: 'info', text: `Redone: ${c.label}.`, offer: 'undo' };
}

function load(s: AppState, o: OpenedProject, dirty: boolean): AppState {
  const fresh = initialDocState(o.project, o.path);
  return {
    ...s,
    doc: dirty ? { ...fresh, rev: 1, nextRev: 2 } : fresh,
    failures: [],
    lastExport: null,
    reviewTarget: null,
    articleTarget: null,
    step: o.project.articles.length ? 'review' : 'articles',
  };
}

export function appReducer(s: AppState, a: AppAction): AppState {
  switch (a.type) {
    case 'started':
      return { ...load(s, a.opened, false), step: 'articles', recent: a.recent, templates: a.templates, recovery: a.recovery, ready: true };
    case 'doc': {
      if (!s.doc) return s;
      const doc = docReducer(s.doc, a.action);
      if (doc === s.doc) return s;
      const n = changeNotice(s.doc, doc);
      const next = { ...s, doc };
      return n ? withNotice(next, n.kind, n.text, n.offer) : next;
    }
    case 'opened':
      return load(s, a.opened, a.dirty ?? false);
    case 'saved':
      return s.doc ? { ...s, doc: docReducer(s.doc, { type: 'saved', path: a.path, rev: a.rev }) } : s;
    case 'goTo':
      return s.step === a.step ? s : { ...s, step: a.step };
    case 'busy':
      return { ...s, busy: { job: a.job, label: a.label, done: 0, total: 0 } };
    case 'progress':
      return s.busy && s.busy.job === a.event.job ? { ...s, busy: { ...s.busy, done: a.event.done, total: a.event.total, label: a.event.label } } : s;
    case 'idle':
      return s.busy?.job === a.job ? { ...s, busy: null } : s;
    case 'notify':
      return withNotice(s, a.kind, a.text, a.offer);
    case 'dismiss':
      return s.notices.some((n) => n.id === a.id) ? { ...s, notices: s.notices.filter((n) => n.id !== a.id) } : s;
    case 'failures': {
      const replaced = new Set([...(a.clearFiles ?? []), ...a.failures.map((f) => f.file)]);
      return { ...s, failures: [...a.failures, ...s.failures.filter((f) => !replaced.has(f.file))] };
    }
    case 'clearFailures':
      return s.failures.length ? { ...s, failures: [] } : s;
    case 'recovery':
      return { ...s, recovery: a.recovery };
    case 'backupOffer':
      return { ...s, backupOffer: a.offer };
    case 'recent':
      return { ...s, recent: a.recent };
    case 'exported':
      return { ...s, lastExport: a.file, step: 'preview' };
    case 'openReviewItem':
      return { ...s, reviewTarget: a.target, step: 'review' };
    case 'openArticle':
      return { ...s, articleTarget: a.id, step: 'articles' };
    case 'askUnsaved':
      return { ...s, unsavedAsk: { action: a.action, then: a.then } };
    case 'answeredUnsaved':
      return s.unsavedAsk ? { ...s, unsavedAsk: null } : s;
  }
}

// ---- what the window shows, derived ----

const fileName = (p: string): string => p.split(/[\\/]/).pop() ?? p;

/** The project's name for the title bar: its file name, else the briefing's title. */
export function displayName(s: AppState): string {
  if (!s.doc) return 'Untitled briefing';
  return s.doc.path ? fileName(s.doc.path).replace(/\.briefsmith$/i, '') : s.doc.project.briefing.title || 'Untitled briefing';
}

export const dirtyOf = (s: AppState): boolean => (s.doc ? isDirty(s.doc) : false);

/** The numbers in the step bar. */
export function stepCounts(p: Project): { articles: number; items: number; pending: number; sections: number } {
  const progress = reviewProgress(p.findings, p.overlay);
  return { articles: p.articles.length, items: progress.total, pending: progress.pending, sections: p.briefing.sections.length };
}
