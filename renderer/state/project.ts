/**
 * The app's document state as pure transitions: `(state, action) → state`.
 *
 * The project (articles, findings, review overlay, briefing) is immutable; every edit makes
 * a new one and pushes the old one on the undo stack. "Unsaved" is a revision comparison,
 * so undoing back to the saved state clears the marker again.
 *
 * One user action is one undo step, named for people ("Rejected 'X'"): an import carries its
 * articles and the findings re-merged with them, a removal the findings without the article,
 * so no single Undo ever leaves articles without findings or findings without their article.
 */
import type { Article, Briefing, Decision, Delegation, Findings, ItemSection, ItemOf, Project, SectionId } from '../../src/model';
import { splitDelegation, type Meeting } from './delegations';
import { effectiveItem } from './review';

export const HISTORY_LIMIT = 200;

interface Snapshot {
  readonly project: Project;
  readonly rev: number;
  /** What the step did, for "Undo Rejected 'X'" (the label of the action that left this state). */
  readonly label: string;
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
  /** The last change by the analyst, undo or redo: what the notice says (null after load). */
  readonly lastChange: { readonly kind: 'do' | 'undo' | 'redo'; readonly label: string; readonly rev: number } | null;
}

/** The fields of an article the analyst may correct (`url` where the model has it). */
export type ArticlePatch = Partial<Pick<Article, 'title' | 'outlet' | 'published' | 'byline'>> & { readonly url?: string | null };

export type DocAction =
  | { type: 'load'; project: Project; path: string | null; dirty?: boolean }
  | { type: 'saved'; path: string; rev: number }
  /** New or re-imported articles with the findings of the whole project after them: one step. */
  | { type: 'addArticles'; articles: readonly Article[]; findings?: Findings; label?: string }
  /** The article and the findings without it: one step. */
  | { type: 'removeArticle'; id: string; findings?: Findings; label?: string }
  /** A re-imported file replaces the article it came from (its id changes when its text did). */
  | { type: 'replaceArticles'; pairs: ReadonlyArray<{ oldId: string; article: Article }>; findings?: Findings; label?: string }
  /** The analyst corrects what the file said about an article (printed in the sources list). */
  | { type: 'editArticle'; id: string; patch: ArticlePatch; label?: string }
  /** Briefing options (citations, what happens to unreviewed items …), merged into the current ones. */
  | { type: 'setOptions'; patch: Readonly<Record<string, unknown>>; label?: string }
  | { type: 'setFindings'; findings: Findings; label?: string }
  | { type: 'decide'; id: string; decision: Decision | null; label?: string }
  /** One decision for many items (bulk accept): one step. */
  | { type: 'decideMany'; ids: readonly string[]; decision: Decision; label?: string }
  | { type: 'edit'; id: string; fields: Record<string, unknown>; label?: string }
  | { type: 'addItem'; section: ItemSection; item: ItemOf<ItemSection>; label?: string }
  | { type: 'removeAdded'; id: string; label?: string }
  /** `ids[0]` (or `main`) is the person the group becomes: their name is kept. */
  | { type: 'mergePeople'; ids: readonly string[]; main?: string; label?: string }
  | { type: 'splitPerson'; id: string; label?: string }
  /** Members named in `members` leave delegation `id` for a new one at another meeting: one step. */
  | { type: 'splitDelegation'; id: string; members: readonly string[]; meeting: Meeting; newId: string; label?: string }
  | { type: 'setBriefing'; patch: Partial<Omit<Briefing, 'sections' | 'options'>>; label?: string }
  | { type: 'toggleSection'; section: SectionId; label?: string }
  | { type: 'moveSection'; section: SectionId; to: number; label?: string }
  | { type: 'undo' }
  | { type: 'redo' };

export function initialDocState(project: Project, path: string | null = null): DocState {
  return { project, path, rev: 0, savedRev: 0, nextRev: 1, past: [], future: [], lastChange: null };
}

/** What Undo would take back, for its button and the notice ("Rejected 'X'"). */
export const undoLabel = (s: DocState): string | null => s.past[s.past.length - 1]?.label ?? null;
export const redoLabel = (s: DocState): string | null => s.future[0]?.label ?? null;

/** The briefing's fields as the Compose step names them, for undo steps and notices. */
export const BRIEFING_FIELD_NAMES: Readonly<Record<Exclude<keyof Briefing, 'sections' | 'options'>, string>> = {
  title: 'title',
  subtitle: 'subtitle',
  date: 'date',
  author: 'author',
  marking: 'handling marking',
  templateId: 'template',
  notes: 'analyst notes',
  bottomLine: 'bottom line',
};

/** The default name of an action's undo step, when the caller gave none. */
export function defaultLabel(a: DocAction): string {
  switch (a.type) {
    case 'addArticles':
      return `Imported ${a.articles.length} article${a.articles.length === 1 ? '' : 's'}`;
    case 'removeArticle':
      return 'Removed an article';
    case 'replaceArticles':
      return 'Re-imported an article';
    case 'editArticle':
      return 'Edited an article';
    case 'setFindings':
      return 'Re-extracted';
    case 'decide':
      return a.decision === null ? 'Reset a decision' : a.decision.status === 'rejected' ? 'Rejected an item' : 'Accepted an item';
    case 'decideMany':
      return `Accepted ${a.ids.length} items`;
    case 'edit':
      return 'Edited an item';
    case 'addItem':
      return 'Added an item';
    case 'removeAdded':
      return 'Deleted an added item';
    case 'mergePeople':
      return `Merged ${a.ids.length} people`;
    case 'splitPerson':
      return 'Split a person';
    case 'splitDelegation':
      return 'Split a delegation by meeting';
    case 'setBriefing':
      return `Changed the ${(Object.keys(a.patch) as Array<keyof typeof BRIEFING_FIELD_NAMES>).map((k) => BRIEFING_FIELD_NAMES[k] ?? k).join(', ')}`;
    case 'toggleSection':
      return 'Changed the sections';
    case 'setOptions':
      return 'Changed the export options';
    case 'moveSection':
      return 'Moved a section';
    default:
      return '';
  }
}

export const isDirty = (s: DocState): boolean => s.rev !== s.savedRev;
export const canUndo = (s: DocState): boolean => s.past.length > 0;
export const canRedo = (s: DocState): boolean => s.future.length > 0;

/** Replaces the project with an edited one, recording the old one for undo under the step's name. */
function commitAs(s: DocState, project: Project, label: string): DocState {
  if (project === s.project) return s;
  const past = [...s.past, { project: s.project, rev: s.rev, label }];
  const rev = s.nextRev;
  return { ...s, project, rev, nextRev: rev + 1, past: past.length > HISTORY_LIMIT ? past.slice(-HISTORY_LIMIT) : past, future: [], lastChange: { kind: 'do', label, rev } };
}

const withOverlay = (p: Project, overlay: Partial<Project['overlay']>): Project => ({ ...p, overlay: { ...p.overlay, ...overlay } });

export function docReducer(s: DocState, a: DocAction): DocState {
  const p = s.project;
  const label = ('label' in a && a.label) || defaultLabel(a);
  const commit = (st: DocState, project: Project): DocState => commitAs(st, project, label);
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
      return commit(s, { ...p, articles: [...replaced, ...added], findings: a.findings ?? p.findings });
    }
    case 'removeArticle': {
      if (!p.articles.some((x) => x.id === a.id)) return s;
      return commit(s, { ...p, articles: p.articles.filter((x) => x.id !== a.id), findings: a.findings ?? p.findings });
    }
    case 'editArticle': {
      const i = p.articles.findIndex((x) => x.id === a.id);
      const old = p.articles[i];
      if (!old) return s;
      const next = { ...old, ...a.patch };
      const was = old as Record<string, unknown>;
      const now = next as Record<string, unknown>;
      if (Object.keys(a.patch).every((k) => (was[k] ?? null) === (now[k] ?? null))) return s;
      const articles = [...p.articles];
      articles[i] = next;
      return commit(s, { ...p, articles });
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
      return same && !a.findings ? s : commit(s, { ...p, articles, findings: a.findings ?? p.findings });
    }
    case 'setFindings':
      return commit(s, { ...p, findings: a.findings });
    case 'decide': {
      const decisions = { ...p.overlay.decisions };
      if (a.decision === null) delete decisions[a.id];
      else decisions[a.id] = a.decision;
      return commit(s, withOverlay(p, { decisions }));
    }
    case 'decideMany': {
      const ids = a.ids.filter((id) => JSON.stringify(p.overlay.decisions[id]) !== JSON.stringify(a.decision));
      if (ids.length === 0) return s;
      const decisions = { ...p.overlay.decisions };
      for (const id of ids) decisions[id] = a.decision;
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
      const ids = [...new Set(a.main ? [a.main, ...a.ids] : a.ids)];
      if (ids.length < 2) return s;
      // One person belongs to at most one group: fold existing groups that share a member.
      // The chosen main person goes first (the group takes that person's name and id).
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
    case 'splitDelegation': {
      const extracted = p.findings.delegations.find((d) => d.id === a.id) ?? p.overlay.added.find((x) => x.section === 'delegations' && x.item.id === a.id)?.item;
      if (!extracted) return s;
      const prev = p.overlay.decisions[a.id];
      const parts = splitDelegation(effectiveItem(extracted as Delegation, prev), a.members, a.meeting, a.newId);
      if (!parts) return s;
      const fields = { ...(prev?.status === 'edited' ? prev.fields : {}), members: parts.remaining };
      return commit(
        s,
        withOverlay(p, {
          decisions: { ...p.overlay.decisions, [a.id]: { status: 'edited', fields } },
          added: [...p.overlay.added, { section: 'delegations', item: parts.split } as Project['overlay']['added'][number]],
        }),
      );
    }
    case 'setBriefing': {
      const briefing = { ...p.briefing, ...a.patch };
      const same = (Object.keys(a.patch) as Array<keyof typeof a.patch>).every((k) => p.briefing[k] === briefing[k]);
      return same ? s : commit(s, { ...p, briefing });
    }
    case 'setOptions': {
      const was = p.briefing.options as Record<string, unknown>;
      if (Object.entries(a.patch).every(([k, v]) => was[k] === v)) return s;
      return commit(s, { ...p, briefing: { ...p.briefing, options: { ...p.briefing.options, ...a.patch } as Project['briefing']['options'] } });
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
      return {
        ...s,
        project: prev.project,
        rev: prev.rev,
        past: s.past.slice(0, -1),
        future: [{ project: s.project, rev: s.rev, label: prev.label }, ...s.future],
        lastChange: { kind: 'undo', label: prev.label, rev: prev.rev },
      };
    }
    case 'redo': {
      const next = s.future[0];
      if (!next) return s;
      return {
        ...s,
        project: next.project,
        rev: next.rev,
        past: [...s.past, { project: s.project, rev: s.rev, label: next.label }],
        future: s.future.slice(1),
        lastChange: { kind: 'redo', label: next.label, rev: next.rev },
      };
    }
  }
}
