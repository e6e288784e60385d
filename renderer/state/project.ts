/**
 * The app's document state as pure transitions: `(state, action) → state`.
 *
 * The project (articles, findings, review overlay, briefing) is immutable; every edit makes
 * a new one and pushes the old one on the undo stack. "Unsaved" is a revision comparison,
 * so undoing back to the saved state clears the marker again.
 */
import type { Article, Briefing, Decision, Findings, ItemSection, ItemOf, Project, SectionId } from '../../src/model';

export const HISTORY_LIMIT = 200;

interface Snapshot {
  readonly project: Project;
  readonly rev: number;
}

export interface DocState {
  readonly project: Project;
  /** Where the project is saved; null until the first Save As. */
  readonly path: string | null;
  /** Identifies this version of the project; every edit gets a fresh one. */
  readonly rev: number;
  /** The revision on disk. */
  readonly savedRev: number;
  /** Source of fresh revision numbers (never reused, so undo + new edit stays dirty). */
  readonly nextRev: number;
  readonly past: readonly Snapshot[];
  readonly future: readonly Snapshot[];
}

export type DocAction =
  | { type: 'load'; project: Project; path: string | null; dirty?: boolean }
  | { type: 'saved'; path: string; rev: number }
  | { type: 'addArticles'; articles: readonly Article[] }
  | { type: 'removeArticle'; id: string }
  /** A re-imported file replaces the article it came from (its id changes when its text did). */
  | { type: 'replaceArticles'; pairs: ReadonlyArray<{ oldId: string; article: Article }> }
  | { type: 'setFindings'; findings: Findings }
  | { type: 'decide'; id: string; decision: Decision | null }
  | { type: 'edit'; id: string; fields: Record<string, unknown> }
  | { type: 'addItem'; section: ItemSection; item: ItemOf<ItemSection> }
  | { type: 'removeAdded'; id: string }
  | { type: 'mergePeople'; ids: readonly string[] }
  | { type: 'splitPerson'; id: string }
  | { type: 'setBriefing'; patch: Partial<Omit<Briefing, 'sections' | 'options'>> }
  | { type: 'toggleSection'; section: SectionId }
  | { type: 'moveSection'; section: SectionId; to: number }
  | { type: 'undo' }
  | { type: 'redo' };

export function initialDocState(project: Project, path: string | null = null): DocState {
  return { project, path, rev: 0, savedRev: 0, nextRev: 1, past: [], future: [] };
}

export const isDirty = (s: DocState): boolean => s.rev !== s.savedRev;
export const canUndo = (s: DocState): boolean => s.past.length > 0;
export const canRedo = (s: DocState): boolean => s.future.length > 0;

/** Replaces the project with an edited one, recording the old one for undo. */
function commit(s: DocState, project: Project): DocState {
  if (project === s.project) return s;
  const past = [...s.past, { project: s.project, rev: s.rev }];
  return { ...s, project, rev: s.nextRev, nextRev: s.nextRev + 1, past: past.length > HISTORY_LIMIT ? past.slice(-HISTORY_LIMIT) : past, future: [] };
}

const withOverlay = (p: Project, overlay: Partial<Project['overlay']>): Project => ({ ...p, overlay: { ...p.overlay, ...overlay } });

export function docReducer(s: DocState, a: DocAction): DocState {
  const p = s.project;
  switch (a.type) {
    case 'load': {
      const fresh = initialDocState(a.project, a.path);
      return a.dirty ? { ...fresh, rev: 1, nextRev: 2 } : fresh;
    }
    case 'saved':
      return { ...s, path: a.path, savedRev: a.rev };
    case 'addArticles': {
      if (a.articles.length === 0) return s;
      // Re-importing an article (same content → same id) replaces it in place.
      const incoming = new Map(a.articles.map((x) => [x.id, x]));
      const replaced = p.articles.map((x) => incoming.get(x.id) ?? x);
      const known = new Set(p.articles.map((x) => x.id));
      const added = [...incoming.values()].filter((x) => !known.has(x.id));
      return commit(s, { ...p, articles: [...replaced, ...added] });
    }
    case 'removeArticle': {
      if (!p.articles.some((x) => x.id === a.id)) return s;
      return commit(s, { ...p, articles: p.articles.filter((x) => x.id !== a.id) });
    }
    case 'replaceArticles': {
      const byOld = new Map(a.pairs.map((x) => [x.oldId, x.article]));
      const seen = new Set<string>();
      const articles: Article[] = [];
      for (const x of p.articles) {
        const next = byOld.get(x.id) ?? x;
        if (seen.has(next.id)) continue; // the new text equals another article already here
        seen.add(next.id);
        articles.push(next);
      }
      const same = articles.length === p.articles.length && articles.every((x, i) => x === p.articles[i]);
      return same ? s : commit(s, { ...p, articles });
    }
    case 'setFindings':
      return commit(s, { ...p, findings: a.findings });
    case 'decide': {
      const decisions = { ...p.overlay.decisions };
      if (a.decision === null) delete decisions[a.id];
      else decisions[a.id] = a.decision;
      return commit(s, withOverlay(p, { decisions }));
    }
    case 'edit': {
      const prev = p.overlay.decisions[a.id];
      const base = prev?.status === 'edited' ? prev.fields : {};
      return commit(s, withOverlay(p, { decisions: { ...p.overlay.decisions, [a.id]: { status: 'edited', fields: { ...base, ...a.fields } } } }));
    }
    case 'addItem':
      return commit(s, withOverlay(p, { added: [...p.overlay.added, { section: a.section, item: a.item } as Project['overlay']['added'][number]] }));
    case 'removeAdded': {
      const added = p.overlay.added.filter((x) => x.item.id !== a.id);
      return added.length === p.overlay.added.length ? s : commit(s, withOverlay(p, { added }));
    }
    case 'mergePeople': {
      const ids = [...new Set(a.ids)];
      if (ids.length < 2) return s;
      // One person belongs to at most one group: fold existing groups that share a member.
      const touching = p.overlay.personMerges.filter((g) => g.some((id) => ids.includes(id)));
      const merged = [...new Set([...ids, ...touching.flat()])];
      const others = p.overlay.personMerges.filter((g) => !touching.includes(g));
      return commit(s, withOverlay(p, { personMerges: [...others, merged], personSplits: p.overlay.personSplits.filter((id) => !merged.includes(id)) }));
    }
    case 'splitPerson': {
      const inGroup = p.overlay.personMerges.some((g) => g.includes(a.id));
      if (inGroup) return commit(s, withOverlay(p, { personMerges: p.overlay.personMerges.filter((g) => !g.includes(a.id)) }));
      if (p.overlay.personSplits.includes(a.id)) return s;
      return commit(s, withOverlay(p, { personSplits: [...p.overlay.personSplits, a.id] }));
    }
    case 'setBriefing': {
      const briefing = { ...p.briefing, ...a.patch };
      const same = (Object.keys(a.patch) as Array<keyof typeof a.patch>).every((k) => p.briefing[k] === briefing[k]);
      return same ? s : commit(s, { ...p, briefing });
    }
    case 'toggleSection': {
      const on = p.briefing.sections.includes(a.section);
      const sections = on ? p.briefing.sections.filter((x) => x !== a.section) : [...p.briefing.sections, a.section];
      return commit(s, { ...p, briefing: { ...p.briefing, sections } });
    }
    case 'moveSection': {
      const from = p.briefing.sections.indexOf(a.section);
      if (from < 0) return s;
      const to = Math.max(0, Math.min(p.briefing.sections.length - 1, a.to));
      if (to === from) return s;
      const sections = [...p.briefing.sections];
      sections.splice(from, 1);
      sections.splice(to, 0, a.section);
      return commit(s, { ...p, briefing: { ...p.briefing, sections } });
    }
    case 'undo': {
      const prev = s.past[s.past.length - 1];
      if (!prev) return s;
      return { ...s, project: prev.project, rev: prev.rev, past: s.past.slice(0, -1), future: [{ project: s.project, rev: s.rev }, ...s.future] };
    }
    case 'redo': {
      const next = s.future[0];
      if (!next) return s;
      return { ...s, project: next.project, rev: next.rev, past: [...s.past, { project: s.project, rev: s.rev }], future: s.future.slice(1) };
    }
  }
}
