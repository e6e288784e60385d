import { describe, expect, it } from 'vitest';
import { applyOverlay, orphanDecisions } from '../src/review/apply';
import { emptyOverlay, type Overlay } from '../src/model';
import { findings, ref } from './fixtures/findings';

const overlay = (o: Partial<Overlay>): Overlay => ({ ...emptyOverlay(), ...o });

describe('applyOverlay', () => {
  it('keeps findings unchanged under an empty overlay', () => {
    expect(applyOverlay(findings, emptyOverlay())).toEqual(findings);
  });

  it('drops rejected items and applies edited fields', () => {
    const out = applyOverlay(findings, overlay({ decisions: { 'pos-2': { status: 'rejected' }, 'a-harwick': { status: 'edited', fields: { killed: 5 } }, 'o-1': { status: 'accepted' } } }));
    expect(out.positions.map((p) => p.id)).toEqual(['pos-1', 'pos-3', 'pos-4']);
    expect(out.attacks.find((a) => a.id === 'a-harwick')?.killed).toBe(5);
    expect(out.outlook).toHaveLength(3);
    // the input is not mutated
    expect(findings.attacks.find((a) => a.id === 'a-harwick')?.killed).toBe(4);
  });

  it('ignores an edit that does not fit the schema and never changes the id', () => {
    const out = applyOverlay(findings, overlay({ decisions: { 'a-calder': { status: 'edited', fields: { killed: -3 } }, 'o-2': { status: 'edited', fields: { id: 'other', text: 'edited text' } } } }));
    expect(out.attacks.find((a) => a.id === 'a-calder')?.killed).toBeNull();
    expect(out.outlook.find((o) => o.id === 'o-2')?.text).toBe('edited text');
  });

  it('appends added items, which decisions can also reach', () => {
    const added = { id: 'o-added', text: 'a new round of talks', who: 'the analyst', horizon: null, date: null, sources: [ref('art-wire', 'Analysts expect')], confidence: 1, conflicts: [] };
    const out = applyOverlay(findings, overlay({ added: [{ section: 'outlook', item: added }] }));
    expect(out.outlook.at(-1)?.id).toBe('o-added');
    const rejected = applyOverlay(findings, overlay({ added: [{ section: 'outlook', item: added }], decisions: { 'o-added': { status: 'rejected' } } }));
    expect(rejected.outlook.map((o) => o.id)).not.toContain('o-added');
  });

  it('merges people (first id wins) and repoints delegation members', () => {
    const out = applyOverlay(findings, overlay({ personMerges: [['p-sorell', 'p-brede']] }));
    expect(out.people.map((p) => p.id)).toEqual(['p-sorell', 'p-mironov', 'p-varga']);
    const merged = out.people[0];
    expect(merged.variants).toContain('Tomas Brede');
    expect(merged.sources.length).toBe(3);
    expect(out.delegations[0].members.map((m) => m.personId)).toEqual(['p-sorell', 'p-sorell']);
  });

  it('splits a cross-article person into one person per article', () => {
    const out = applyOverlay(findings, overlay({ personSplits: ['p-sorell'] }));
    const parts = out.people.filter((p) => p.id.startsWith('p-sorell'));
    expect(parts.map((p) => p.id)).toEqual(['p-sorell~art-ledger', 'p-sorell~art-courier']);
    expect(parts[0].name).toBe('Anika Sorell');
    expect(parts[1].name).toBe('Sorell');
    expect(parts.every((p) => p.sources.every((s) => p.id.endsWith(s.article)))).toBe(true);
  });
});

describe('orphanDecisions', () => {
  it('lists decisions, merges and splits whose item vanished', () => {
    const o = overlay({
      decisions: { 'pos-1': { status: 'accepted' }, gone: { status: 'edited', fields: { text: 'x' } } },
      personMerges: [['p-sorell', 'p-missing']],
      personSplits: ['p-nobody'],
    });
    const orphans = orphanDecisions(findings, o);
    expect(orphans).toEqual([
      { kind: 'decision', id: 'gone', decision: { status: 'edited', fields: { text: 'x' } } },
      { kind: 'merge', id: 'p-missing', group: ['p-sorell', 'p-missing'] },
      { kind: 'split', id: 'p-nobody' },
    ]);
    // the orphaned decision does not break applying the rest
    expect(applyOverlay(findings, o).positions).toHaveLength(4);
  });
});
