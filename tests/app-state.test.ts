// Pure state transitions of the renderer: undo/redo, the unsaved marker, review decisions,
// merges and section order. No DOM, no Electron.
import { describe, expect, it } from 'vitest';
import { AttackSchema, DelegationSchema, emptyFindings, emptyOverlay, ITEM_SECTIONS, OutlookSchema, PersonSchema, PositionSchema, type Article, type Findings, type Position, type Project } from '../src/model';
import { canRedo, canUndo, defaultLabel, docReducer, initialDocState, isDirty, HISTORY_LIMIT, type DocAction, type DocState } from '../renderer/state/project';
import { articleLabel, blankItem, EDITABLE_FIELDS, effectiveItem, fieldsFromForm, formFromItem, nextAddedNumber, reviewRows, sectionCounts, wordCount } from '../renderer/state/review';

const project = (): Project => ({
  format: 'briefsmith',
  version: 2,
  articles: [],
  findings: emptyFindings(),
  overlay: emptyOverlay(),
  briefing: {
    title: 'T',
    subtitle: null,
    date: '2025-01-02',
    author: '',
    marking: '',
    sections: ['bluf', 'positions', 'people'],
    templateId: 'situation',
    notes: '',
    options: { citations: null, language: 'en-GB' },
  },
});

const article = (id: string, text = 'Some words here.'): Article => ({ id, title: id, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const position = (id: string, confidence: number, text = `position ${id}`): Position => ({ id, sources: [], confidence, conflicts: [], party: 'A', kind: 'demand', text, speaker: null });
const findingsWith = (...positions: Position[]): Findings => ({ ...emptyFindings(), positions });

const run = (s: DocState, ...actions: DocAction[]): DocState => actions.reduce(docReducer, s);

describe('document reducer: undo, redo and the unsaved marker', () => {
  it('starts clean with nothing to undo', () => {
    const s = initialDocState(project());
    expect(isDirty(s)).toBe(false);
    expect(canUndo(s)).toBe(false);
    expect(canRedo(s)).toBe(false);
  });

  it('an edit makes the project dirty; undo restores it exactly and clears the marker', () => {
    const s0 = initialDocState(project());
    const s1 = run(s0, { type: 'decide', id: 'p1', decision: { status: 'rejected' } });
    expect(isDirty(s1)).toBe(true);
    expect(s1.project.overlay.decisions.p1).toEqual({ status: 'rejected' });
    const s2 = run(s1, { type: 'undo' });
    expect(s2.project).toBe(s0.project);
    expect(isDirty(s2)).toBe(false);
    expect(canRedo(s2)).toBe(true);
    const s3 = run(s2, { type: 'redo' });
    expect(s3.project).toBe(s1.project);
    expect(isDirty(s3)).toBe(true);
  });

  it('a new edit after undo clears the redo stack and stays dirty', () => {
    const s = run(initialDocState(project()), { type: 'toggleSection', section: 'notes' }, { type: 'undo' }, { type: 'toggleSection', section: 'outlook' });
    expect(canRedo(s)).toBe(false);
    expect(isDirty(s)).toBe(true);
    expect(s.project.briefing.sections).toEqual(['bluf', 'positions', 'people', 'outlook']);
  });

  it('saving records the saved revision; undoing past it marks dirty again', () => {
    const s1 = run(initialDocState(project()), { type: 'setBriefing', patch: { title: 'New' } });
    const s2 = run(s1, { type: 'saved', path: '/x/a.briefsmith', rev: s1.rev });
    expect(isDirty(s2)).toBe(false);
    expect(s2.path).toBe('/x/a.briefsmith');
    const s3 = run(s2, { type: 'undo' });
    expect(isDirty(s3)).toBe(true);
    expect(s3.project.briefing.title).toBe('T');
    expect(isDirty(run(s3, { type: 'redo' }))).toBe(false);
  });

  it('no-op actions do not create undo steps', () => {
    const s0 = initialDocState(project());
    const s = run(s0, { type: 'setBriefing', patch: { title: 'T' } }, { type: 'moveSection', section: 'bluf', to: 0 }, { type: 'removeArticle', id: 'none' }, { type: 'addArticles', articles: [] });
    expect(s).toBe(s0);
  });

  it('history is bounded', () => {
    let s = initialDocState(project());
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) s = docReducer(s, { type: 'setBriefing', patch: { author: `a${i}` } });
    expect(s.past.length).toBe(HISTORY_LIMIT);
  });

  it('load resets history; a recovered project loads as dirty', () => {
    const s = run(initialDocState(project()), { type: 'toggleSection', section: 'notes' }, { type: 'load', project: project(), path: '/p.briefsmith', dirty: true });
    expect(canUndo(s)).toBe(false);
    expect(isDirty(s)).toBe(true);
    expect(s.path).toBe('/p.briefsmith');
  });
});

describe('undo step names', () => {
  it('name the briefing fields as the Compose step does, not by their keys', () => {
    expect(defaultLabel({ type: 'setBriefing', patch: { bottomLine: 'x' } })).toBe('Changed the bottom line');
    expect(defaultLabel({ type: 'setBriefing', patch: { marking: 'x', templateId: 'dossier' } })).toBe('Changed the handling marking, template');
  });
});

describe('document reducer: articles and sections', () => {
  it('re-importing an article replaces it in place; new ones are appended', () => {
    const s = run(initialDocState(project()), { type: 'addArticles', articles: [article('a'), article('b')] }, { type: 'addArticles', articles: [{ ...article('a'), title: 'A2' }, article('c')] });
    expect(s.project.articles.map((a) => [a.id, a.title])).toEqual([
      ['a', 'A2'],
      ['b', 'b'],
      ['c', 'c'],
    ]);
    expect(run(s, { type: 'removeArticle', id: 'b' }).project.articles.map((a) => a.id)).toEqual(['a', 'c']);
  });

  it('a re-imported article replaces the old one in place, even with a new id', () => {
    const s0 = run(initialDocState(project()), { type: 'addArticles', articles: [article('a'), article('b'), article('c')] });
    const s1 = run(s0, { type: 'replaceArticles', pairs: [{ oldId: 'b', article: { ...article('b2'), text: 'changed' } }] });
    expect(s1.project.articles.map((x) => x.id)).toEqual(['a', 'b2', 'c']);
    // New text equal to an article already there: no duplicate.
    const s2 = run(s0, { type: 'replaceArticles', pairs: [{ oldId: 'c', article: article('a') }] });
    expect(s2.project.articles.map((x) => x.id)).toEqual(['a', 'b']);
    expect(run(s0, { type: 'replaceArticles', pairs: [{ oldId: 'zz', article: article('q') }] })).toBe(s0);
  });

  it('moves, toggles and clamps sections', () => {
    const s0 = initialDocState(project());
    expect(run(s0, { type: 'moveSection', section: 'people', to: 0 }).project.briefing.sections).toEqual(['people', 'bluf', 'positions']);
    expect(run(s0, { type: 'moveSection', section: 'bluf', to: 99 }).project.briefing.sections).toEqual(['positions', 'people', 'bluf']);
    expect(run(s0, { type: 'toggleSection', section: 'positions' }).project.briefing.sections).toEqual(['bluf', 'people']);
    expect(run(s0, { type: 'moveSection', section: 'notes', to: 0 })).toBe(s0);
  });
});

describe('review decisions', () => {
  const base = () => run(initialDocState(project()), { type: 'setFindings', findings: findingsWith(position('p-high', 0.9), position('p-low', 0.3), position('p-mid', 0.6)) });

  it('lists doubtful items first', () => {
    const s = base();
    expect(reviewRows(s.project.findings, s.project.overlay, 'positions').map((r) => r.id)).toEqual(['p-low', 'p-mid', 'p-high']);
  });

  it('accept / reject / reset change the status shown', () => {
    const s = run(base(), { type: 'decide', id: 'p-low', decision: { status: 'rejected' } }, { type: 'decide', id: 'p-mid', decision: { status: 'accepted' } });
    const rows = reviewRows(s.project.findings, s.project.overlay, 'positions');
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ 'p-low': 'rejected', 'p-mid': 'accepted', 'p-high': 'pending' });
    expect(sectionCounts(s.project.findings, s.project.overlay, 'positions')).toEqual({ total: 3, pending: 1, rejected: 1 });
    const reset = run(s, { type: 'decide', id: 'p-low', decision: null });
    expect(reset.project.overlay.decisions['p-low']).toBeUndefined();
  });

  it('edits merge field by field and show in the row; the extracted item is untouched', () => {
    const s = run(base(), { type: 'edit', id: 'p-high', fields: { text: 'Edited text' } }, { type: 'edit', id: 'p-high', fields: { speaker: 'Someone' } });
    expect(s.project.overlay.decisions['p-high']).toEqual({ status: 'edited', fields: { text: 'Edited text', speaker: 'Someone' } });
    const row = reviewRows(s.project.findings, s.project.overlay, 'positions').find((r) => r.id === 'p-high');
    expect(row?.status).toBe('edited');
    expect(row?.cells).toContain('Edited text');
    expect(s.project.findings.positions.find((p) => p.id === 'p-high')?.text).toBe('position p-high');
  });

  it('form helpers keep only changed fields, with types', () => {
    const item = position('x', 0.5, 'old');
    const form = formFromItem('positions', item);
    expect(form).toEqual({ text: 'old', party: 'A', kind: 'demand', speaker: '' });
    expect(fieldsFromForm('positions', item, { ...form, text: ' new ', kind: 'offer' })).toEqual({ text: 'new', kind: 'offer' });
    expect(fieldsFromForm('positions', item, { ...form, kind: 'nonsense' })).toEqual({});
    const attack = blankItem('attacks', 1);
    expect(fieldsFromForm('attacks', attack, { ...formFromItem('attacks', attack), killed: '12', injured: '' })).toEqual({ killed: 12 });
    expect(fieldsFromForm('people', blankItem('people', 1), { name: 'New person', roles: 'a, b ,', party: '' })).toEqual({ roles: ['a', 'b'] });
    expect(effectiveItem(item, { status: 'edited', fields: { text: 'e' } }).text).toBe('e');
  });

  it('every edit form gives fields that keep the item valid; emptied optional fields become null', () => {
    const schemas = { people: PersonSchema, delegations: DelegationSchema, positions: PositionSchema, outlook: OutlookSchema, attacks: AttackSchema };
    for (const section of ITEM_SECTIONS) {
      const item = blankItem(section, 7);
      const form = formFromItem(section, item);
      const filled = Object.fromEntries(EDITABLE_FIELDS[section].map((f) => [f.key, f.kind === 'int' ? '3' : f.kind === 'kind' ? 'offer' : f.kind === 'list' ? 'a, b' : `${f.key} value`]));
      const edited = { ...item, ...fieldsFromForm(section, item, { ...form, ...filled }) };
      expect(schemas[section].safeParse(edited).success, section).toBe(true);
      const cleared = Object.fromEntries(EDITABLE_FIELDS[section].filter((f) => f.nullable).map((f) => [f.key, '  ']));
      const back = { ...edited, ...fieldsFromForm(section, edited, { ...formFromItem(section, edited), ...cleared }) };
      expect(schemas[section].safeParse(back).success, section).toBe(true);
      for (const f of EDITABLE_FIELDS[section].filter((x) => x.nullable)) expect((back as Record<string, unknown>)[f.key], `${section}.${f.key}`).toBeNull();
    }
  });

  it('added items get fresh ids and appear as accepted', () => {
    let s = base();
    const n1 = nextAddedNumber(s.project.overlay);
    s = run(s, { type: 'addItem', section: 'positions', item: blankItem('positions', n1) });
    const n2 = nextAddedNumber(s.project.overlay);
    expect(n2).toBe(n1 + 1);
    const row = reviewRows(s.project.findings, s.project.overlay, 'positions').find((r) => r.added);
    expect(row?.status).toBe('accepted');
    expect(run(s, { type: 'removeAdded', id: row!.id }).project.overlay.added).toEqual([]);
  });

  it('merging people folds overlapping groups; split undoes a merge or marks an automatic one', () => {
    let s = run(initialDocState(project()), { type: 'mergePeople', ids: ['a', 'b'] }, { type: 'mergePeople', ids: ['b', 'c'] });
    expect(s.project.overlay.personMerges).toEqual([['b', 'c', 'a']]);
    s = run(s, { type: 'splitPerson', id: 'c' });
    expect(s.project.overlay.personMerges).toEqual([]);
    s = run(s, { type: 'splitPerson', id: 'z' });
    expect(s.project.overlay.personSplits).toEqual(['z']);
    expect(run(s, { type: 'mergePeople', ids: ['z', 'y'] }).project.overlay.personSplits).toEqual([]);
    expect(run(s, { type: 'mergePeople', ids: ['q'] })).toBe(s);
  });

  it('names articles by title, outlet or file', () => {
    expect(articleLabel(article('x'))).toBe('x');
    expect(articleLabel({ ...article('x'), title: null, outlet: 'Gazette' })).toBe('Gazette');
    expect(articleLabel({ ...article('x'), title: null, origin: { kind: 'file', path: '/a/b/c.txt', format: 'txt' } })).toBe('c.txt');
    expect(articleLabel({ ...article('x'), title: null })).toBe('Pasted text');
  });

  it('counts words', () => {
    expect(wordCount('  one two\nthree ')).toBe(3);
    expect(wordCount('')).toBe(0);
    // The same count as /\S+/g for every kind of space JavaScript's \s knows, next to other characters.
    const pieces = ['a', 'é', '—', '“x”', ' ', '\t', '\n', '\r\n', '\u00a0', '\u2009', '\u202f', '\u3000', '\ufeff', '\u2028', '\u200b', '\u0085'];
    for (let seed = 1; seed < 200; seed++) {
      let text = '';
      for (let i = 0, x = seed; i < 40; i++, x = (x * 1103515245 + 12345) % 2147483648) text += pieces[x % pieces.length];
      expect(wordCount(text)).toBe((text.match(/\S+/g) ?? []).length);
    }
  });
});
