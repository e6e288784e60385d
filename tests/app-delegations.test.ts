// A delegation's members as chips (remove, mark leader, add a person) and the split of a
// delegation by meeting, as pure functions and as one undo step of the document. No DOM.
import { describe, expect, it } from 'vitest';
import { emptyFindings, emptyOverlay, type Delegation, type DelegationMember, type Person, type Project } from '../src/model';
import { docReducer, initialDocState, undoLabel } from '../renderer/state/project';
import { addMember, meetingLabel, peopleOutside, removeMember, splitDelegation, toggleLeader } from '../renderer/state/delegations';
import { reviewRows } from '../renderer/state/review';

const src = (article: string, start: number) => ({ article, sentence: `sentence ${start}`, start, end: start + 10 });
const member = (name: string, leads = false, article = 'a1', start = 0): DelegationMember => ({ personId: `p-${name}`, name, role: null, leads, sources: [src(article, start)] });
const person = (id: string, name: string, variants: string[] = [], roles: string[] = []): Person => ({ id, name, variants, roles, party: 'Ostria', sources: [], confidence: 0.9, conflicts: [] });
const delegation = (members: DelegationMember[]): Delegation => ({ id: 'd1', party: 'Ostria', venue: 'Velmora', date: '2026-03-02', members, sources: [src('a1', 0)], confidence: 0.8, conflicts: [] });
const project = (d: Delegation): Project => ({
  format: 'briefsmith',
  version: 2,
  articles: [],
  findings: { ...emptyFindings(), delegations: [d] },
  overlay: emptyOverlay(),
  briefing: { title: 'T', subtitle: null, date: '2026-01-02', author: '', marking: '', sections: ['bluf'], templateId: 'situation', notes: '', options: { citations: null, language: 'en-GB' } },
});

describe('member chips', () => {
  const team = [member('Ilse Varga', true), member('Tomas Reuben')];

  it('removes one member and marks or unmarks a leader', () => {
    expect(removeMember(team, 0).map((m) => m.name)).toEqual(['Tomas Reuben']);
    const both = toggleLeader(team, 1);
    expect(both.map((m) => m.leads)).toEqual([true, true]);
    expect(toggleLeader(both, 0).map((m) => m.leads)).toEqual([false, true]);
    expect(team.map((m) => m.leads)).toEqual([true, false]); // never changed in place
  });

  it('adds a known person by any spelling, with id, main name and role; a stranger as typed; no one twice', () => {
    const people = [person('p9', 'Marek Odell', ['Marek Odel'], ['envoy'])];
    const added = addMember(team, people, ' marek odel ');
    expect(added.at(-1)).toEqual({ personId: 'p9', name: 'Marek Odell', role: 'envoy', leads: false, sources: [] });
    expect(addMember(added, people, 'Marek Odell')).toBe(added);
    expect(addMember(team, people, 'Ilse Varga')).toBe(team);
    expect(addMember(team, people, 'Hanne Lorrin').at(-1)).toMatchObject({ personId: null, name: 'Hanne Lorrin', role: null });
    expect(addMember(team, people, '   ')).toBe(team);
    expect(peopleOutside(added, [...people, person('p-Ilse Varga', 'Ilse Varga')]).map((p) => p.id)).toEqual([]);
  });
});

describe('split a delegation by meeting', () => {
  const d = delegation([member('Ilse Varga', true, 'a1', 0), member('Tomas Reuben', false, 'a2', 40), member('Anja Koss', false, 'a2', 40)]);

  it('moves the ticked members, with their own sources, to a delegation of the same party at the other meeting', () => {
    const parts = splitDelegation(d, ['Tomas Reuben', 'Anja Koss'], { venue: 'Port Selm', date: '2026-03-09' }, 'added-delegations-1')!;
    expect(parts.remaining.map((m) => m.name)).toEqual(['Ilse Varga']);
    expect(parts.split).toMatchObject({ id: 'added-delegations-1', party: 'Ostria', venue: 'Port Selm', date: '2026-03-09' });
    expect(parts.split.members.map((m) => m.name)).toEqual(['Tomas Reuben', 'Anja Koss']);
    expect(parts.split.sources).toEqual([src('a2', 40)]); // the shared sentence once
    expect(splitDelegation(d, [], { venue: 'X', date: null }, 'n')).toBeNull();
    expect(splitDelegation(d, d.members.map((m) => m.name), { venue: 'X', date: null }, 'n')).toBeNull();
    expect(meetingLabel({ venue: 'Port Selm', date: null })).toBe('in Port Selm, date not stated');
  });

  it('is one undo step: the review shows two delegations, Undo brings back one', () => {
    const s0 = initialDocState(project(d));
    const s1 = docReducer(s0, { type: 'splitDelegation', id: 'd1', members: ['Tomas Reuben'], meeting: { venue: 'Port Selm', date: null }, newId: 'added-delegations-1', label: 'Split 1' });
    expect(undoLabel(s1)).toBe('Split 1');
    const rows = reviewRows(s1.project.findings, s1.project.overlay, 'delegations');
    expect(rows.map((r) => [r.id, (r.item as Delegation).members.map((m) => m.name).join(', '), (r.item as Delegation).venue])).toEqual(
      expect.arrayContaining([
        ['d1', 'Ilse Varga, Anja Koss', 'Velmora'],
        ['added-delegations-1', 'Tomas Reuben', 'Port Selm'],
      ]),
    );
    const s2 = docReducer(s1, { type: 'undo' });
    expect(s2.project).toBe(s0.project);
    // A split that would leave nobody changes nothing.
    expect(docReducer(s0, { type: 'splitDelegation', id: 'd1', members: d.members.map((m) => m.name), meeting: { venue: null, date: null }, newId: 'x' })).toBe(s0);
  });

  it('keeps the edits made before the split', () => {
    let s = initialDocState(project(d));
    s = docReducer(s, { type: 'edit', id: 'd1', fields: { venue: 'Velmora harbour' } });
    s = docReducer(s, { type: 'splitDelegation', id: 'd1', members: ['Anja Koss'], meeting: { venue: 'Port Selm', date: null }, newId: 'added-delegations-1' });
    const dec = s.project.overlay.decisions.d1;
    expect(dec?.status === 'edited' && dec.fields.venue).toBe('Velmora harbour');
    expect(dec?.status === 'edited' && (dec.fields.members as DelegationMember[]).map((m) => m.name)).toEqual(['Ilse Varga', 'Tomas Reuben']);
  });
});
