// Pure state of the review as an analyst signs it off: one undo step per action with its name,
// imports and removals that never leave articles and findings apart, filters and bulk accept,
// the pre-export check, merges that keep the chosen name, and a rejected person leaving the
// delegation tables. No DOM, no Electron.
import { describe, expect, it } from 'vitest';
import { emptyFindings, emptyOverlay, type Article, type Delegation, type Findings, type Person, type Position, type Project } from '../src/model';
import { canUndo, docReducer, initialDocState, undoLabel, type DocAction, type DocState } from '../renderer/state/project';
import { allRows, exportIssues, filterRows, reviewProgress, reviewRows, rowsAtOrAbove } from '../renderer/state/review';
import { reviewedFindings } from '../src/services/reviewed';

const project = (over: Partial<Project> = {}): Project => ({
  format: 'briefsmith',
  version: 2,
  articles: [],
  findings: emptyFindings(),
  overlay: emptyOverlay(),
  briefing: { title: 'T', subtitle: null, date: '2026-01-02', author: '', marking: '', sections: ['bluf'], templateId: 'situation', notes: '', options: { citations: null, language: 'en-GB' } },
  ...over,
});
const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const article = (id: string, title: string | null = id, text = words(120)): Article => ({ id, title, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const src = (a: string) => ({ article: a, sentence: 's', start: 0, end: 1 });
const position = (id: string, confidence: number, a = 'a1', party: string | null = 'Ruritania'): Position => ({ id, sources: [src(a)], confidence, conflicts: [], party, kind: 'demand', text: `position ${id}`, speaker: null });
const person = (id: string, name: string, confidence = 0.9): Person => ({ id, name, variants: [], roles: [], party: 'Ruritania', sources: [src('a1')], confidence, conflicts: [] });
const run = (s: DocState, ...actions: DocAction[]): DocState => actions.reduce(docReducer, s);

describe('undo as in Word', () => {
  it('an import is one step with its findings; one Undo leaves no findings without their article', () => {
    const f1: Findings = { ...emptyFindings(), positions: [position('p1', 0.9, 'a1')] };
    const f2: Findings = { ...emptyFindings(), positions: [position('p1', 0.9, 'a1'), position('p2', 0.9, 'a2')] };
    const s0 = initialDocState(project({ articles: [article('a1')], findings: f1 }));
    const s1 = run(s0, { type: 'addArticles', articles: [article('a2')], findings: f2, label: 'Imported 1 new article' });
    expect(s1.past.length).toBe(1);
    expect(undoLabel(s1)).toBe('Imported 1 new article');
    expect(s1.lastChange).toMatchObject({ kind: 'do', label: 'Imported 1 new article' });
    const s2 = run(s1, { type: 'undo' });
    expect(s2.project.articles.map((a) => a.id)).toEqual(['a1']);
    expect(s2.project.findings).toBe(f1);
    expect(s2.lastChange).toMatchObject({ kind: 'undo', label: 'Imported 1 new article' });
    expect(canUndo(s2)).toBe(false);
    // Removal: the article and the findings without it, together.
    const s3 = run(s1, { type: 'removeArticle', id: 'a2', findings: f1, label: "Removed 'a2'" });
    expect(s3.project.findings).toBe(f1);
    const s4 = run(s3, { type: 'undo' });
    expect(s4.project.articles.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(s4.project.findings).toBe(f2);
  });

  it('every action names its step, with a default when the caller gives none', () => {
    const s = run(initialDocState(project()), { type: 'decide', id: 'x', decision: { status: 'rejected' } }, { type: 'decide', id: 'y', decision: { status: 'accepted' }, label: "Accepted 'Y'" });
    expect(s.past.map((p) => p.label)).toEqual(['Rejected an item', "Accepted 'Y'"]);
    const r = run(s, { type: 'undo' }, { type: 'redo' });
    expect(r.lastChange).toMatchObject({ kind: 'redo', label: "Accepted 'Y'" });
  });

  it('article details are corrected in one step; bulk accept is one step', () => {
    const s0 = initialDocState(project({ articles: [article('a1', null)] }));
    const s1 = run(s0, { type: 'editArticle', id: 'a1', patch: { title: 'Border talks resume', outlet: 'Steppe Wire', published: '2026-10-12', url: 'https://example.org/a' } });
    expect(s1.project.articles[0]).toMatchObject({ title: 'Border talks resume', outlet: 'Steppe Wire', published: '2026-10-12', url: 'https://example.org/a' });
    expect(run(s1, { type: 'editArticle', id: 'a1', patch: { title: 'Border talks resume' } })).toBe(s1);
    const s2 = run(s1, { type: 'decideMany', ids: ['p1', 'p2', 'p3'], decision: { status: 'accepted' } });
    expect(s2.past.length).toBe(2);
    expect(Object.keys(s2.project.overlay.decisions)).toEqual(['p1', 'p2', 'p3']);
  });
});

describe('triage', () => {
  const findings: Findings = {
    ...emptyFindings(),
    positions: [position('p1', 0.95), position('p2', 0.4, 'a2', 'Freedonia'), { ...position('p3', 1), conflicts: [{ field: 'party', values: [{ value: 'Ruritania', sources: [] }, { value: 'Freedonia', sources: [] }] }] }],
  };
  it('a conflicting item shows at most 50 % and sorts among the doubtful', () => {
    const rows = reviewRows(findings, emptyOverlay(), 'positions');
    expect(rows.map((r) => [r.id, r.confidence])).toEqual([
      ['p2', 0.4],
      ['p3', 0.5],
      ['p1', 0.95],
    ]);
  });
  it('filters by status, conflicts, confidence, article, party and words', () => {
    const overlay = { ...emptyOverlay(), decisions: { p1: { status: 'accepted' as const } } };
    const rows = reviewRows(findings, overlay, 'positions');
    const ids = (q: Parameters<typeof filterRows>[1]) => filterRows(rows, q).map((r) => r.id);
    expect(ids({ filter: 'pending' })).toEqual(['p2', 'p3']);
    expect(ids({ filter: 'conflicts' })).toEqual(['p3']);
    expect(ids({ filter: 'low' })).toEqual(['p2', 'p3']);
    expect(ids({ article: 'a2' })).toEqual(['p2']);
    expect(ids({ party: 'Freedonia' })).toEqual(['p2']);
    expect(ids({ search: 'POSITION p3' })).toEqual(['p3']);
    expect(rowsAtOrAbove(rows, 0.5).map((r) => r.id)).toEqual(['p3']);
    expect(reviewProgress(findings, overlay)).toEqual({ total: 3, pending: 2 });
  });
});

describe('the step bar', () => {
  it('counts the rows and the pending ones as the review shows them: merged people once, added items decided', () => {
    const findings: Findings = {
      ...emptyFindings(),
      people: [person('u1', 'Ada Tull'), person('u2', 'A. Tull'), person('u3', 'Bo Venn'), person('u4', 'Cy Moor')],
      positions: [position('p1', 0.9), position('p2', 0.5), position('p3', 0.7)],
    };
    const overlay = {
      ...emptyOverlay(),
      personMerges: [['u2', 'u1', 'gone'], ['gone', 'u4']],
      decisions: { u3: { status: 'rejected' as const }, p1: { status: 'accepted' as const }, p2: { status: 'edited' as const, fields: { text: 'x' } }, n2: { status: 'rejected' as const } },
      added: [
        { section: 'positions' as const, item: position('n1', 1) },
        { section: 'positions' as const, item: position('n2', 1) },
        { section: 'people' as const, item: person('n3', 'Di Roe') },
      ],
    };
    const rows = allRows(findings, overlay);
    const counted = reviewProgress(findings, overlay);
    expect(counted).toEqual({ total: rows.length, pending: rows.filter((r) => r.status === 'pending').length });
    // u1 is shown inside u2's row; u2, u4 and p3 wait; added items start accepted.
    expect(counted).toEqual({ total: 9, pending: 3 });
  });
});

describe('the pre-export check', () => {
  it('lists unreviewed items, unsettled conflicts, untitled sources and clipped texts, each with where to fix it', () => {
    const findings: Findings = { ...emptyFindings(), positions: [position('p1', 0.9), { ...position('p2', 0.9), conflicts: [{ field: 'party', values: [] }] }, position('p3', 0.9)] };
    const p = project({ articles: [article('a1', null), article('a2', 'Short', 'Only a few words here.')], findings, overlay: { ...emptyOverlay(), decisions: { p3: { status: 'accepted' } } } });
    const issues = exportIssues(p);
    expect(issues.map((i) => [i.kind, i.target])).toEqual([
      ['conflict', { step: 'review', section: 'positions', id: 'p2' }],
      ['unreviewed', { step: 'review', section: 'positions', id: 'p1' }],
      ['untitled', { step: 'articles', id: 'a1' }],
      ['clipped', { step: 'articles', id: 'a2' }],
    ]);
    // A conflict settled with "use this value" (an edit of that field) leaves the list.
    const settled = exportIssues({ ...p, overlay: { ...p.overlay, decisions: { ...p.overlay.decisions, p2: { status: 'edited', fields: { party: 'Ruritania' } } } } });
    expect(settled.some((i) => i.kind === 'conflict')).toBe(false);
  });
});

describe('people decisions flow everywhere', () => {
  const del = (members: Delegation['members']): Delegation => ({ id: 'd1', sources: [], confidence: 0.9, conflicts: [], party: 'Ruritania', venue: null, date: null, members });
  const member = (personId: string | null, name: string, leads = false) => ({ personId, name, role: null, leads, sources: [] });

  it('a rejected person leaves every delegation table, by id or by name', () => {
    const f: Findings = { ...emptyFindings(), people: [person('pa', 'Anna Kovar'), person('pb', 'Boris Lenk')], delegations: [del([member('pa', 'Anna Kovar', true), member(null, 'Boris Lenk'), member(null, 'Cyril Dane')])] };
    const out = reviewedFindings(f, { ...emptyOverlay(), decisions: { pa: { status: 'rejected' }, pb: { status: 'rejected' } } });
    expect(out.people).toEqual([]);
    expect(out.delegations[0]!.members.map((m) => m.name)).toEqual(['Cyril Dane']);
  });

  it('merging keeps the chosen main name, shows one row, and members print under it', () => {
    const f: Findings = { ...emptyFindings(), people: [person('pa', 'A. Kovar'), person('pb', 'Anna Kovar')], delegations: [del([member('pa', 'A. Kovar', true)])] };
    const s = run(initialDocState(project({ findings: f })), { type: 'mergePeople', ids: ['pa', 'pb'], main: 'pb' });
    expect(s.project.overlay.personMerges).toEqual([['pb', 'pa']]);
    const rows = reviewRows(f, s.project.overlay, 'people');
    expect(rows.map((r) => [r.id, r.cells[0], r.mergedWith.length])).toEqual([['pb', 'Anna Kovar', 2]]);
    expect(reviewedFindings(f, s.project.overlay).delegations[0]!.members.map((m) => m.name)).toEqual(['Anna Kovar']);
  });

  it('edited delegation members are what prints', () => {
    const f: Findings = { ...emptyFindings(), delegations: [del([member(null, 'Cyril Dane', true)])] };
    const overlay = { ...emptyOverlay(), decisions: { d1: { status: 'edited' as const, fields: { members: [member(null, 'Dora Vale', true), member(null, 'Cyril Dane')] } } } };
    expect(reviewedFindings(f, overlay).delegations[0]!.members.map((m) => [m.name, m.leads])).toEqual([
      ['Dora Vale', true],
      ['Cyril Dane', false],
    ]);
  });
});

describe('the workflow as pure plans', async () => {
  const { planImport, planRemoval, planReimport } = await import('../renderer/state/workflow');
  it('an import says how many are new and how many were duplicates', () => {
    const plan = planImport([article('a1')], { articles: [article('a1'), article('a2'), article('a2'), article('a3')] });
    expect(plan.fresh.map((a) => a.id)).toEqual(['a2', 'a3']);
    expect(plan.duplicates).toBe(2);
    expect(plan.label).toBe('Imported 2 new articles, 2 duplicates skipped');
    expect(plan.extract.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(planImport([article('a1')], { articles: [article('a1')] }).nothingNew).toBe('No new article: 1 duplicate skipped.');
  });
  it('removal and re-import plan the articles to extract', () => {
    expect(planRemoval([article('a1'), article('a2')], 'a1')).toEqual({ extract: [article('a2')], label: "Removed 'a1'" });
    expect(planRemoval([article('a1')], 'zz')).toBeNull();
    expect(planReimport([article('a1'), article('a2')], 'a1', article('a2')).map((a) => a.id)).toEqual(['a2']);
  });
});
