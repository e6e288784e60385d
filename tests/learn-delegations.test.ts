import { describe, expect, it } from 'vitest';
import { expectNoHeldOutIds } from './fixtures/training-ids';
import type { Article } from '../src/model';
import { analyseArticle, analyseWithDelegations } from '../src/extract/analyse';
import { ruleFinds, ruleMemberships } from '../src/extract/delegations';
import { delegationCases } from '../src/extract/learn/delegation-features';
import { delegationModel, memberProbability, memberThreshold, type DelegationModelFile } from '../src/extract/learn/delegation-model';
import model from '../src/extract/models/delegations.json';

/** The learned delegation detector (rule 'learned-member'): the committed model on invented articles. */
const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const probability = (text: string, name: string): number => {
  const a = analyseArticle(art(text));
  const c = delegationCases(a, ruleMemberships(ruleFinds(a))).find((x) => x.person.name === name);
  if (!c) throw new Error(`no person ${name}`);
  return memberProbability(delegationModel(), c);
};
const learned = (text: string) =>
  analyseWithDelegations(art(text))
    .delegations.filter((d) => (d.rules ?? []).includes('learned-member'))
    .map((d) => ({ party: d.party, members: d.members.map((m) => m.name) }));

const TALKS = 'Talks between Chile and Peru on the border dispute opened in Quito on Monday.\nChilean Defence Minister Ana Soto and Deputy Foreign Minister Jorge Vidal sat across the table from Peruvian envoy Luis Paredes.\nThe negotiations are expected to last three days, officials said.';
const STRIKE = 'A Peruvian drone struck a depot near Arica on Monday, killing two soldiers, Chilean army spokesman Jorge Vidal said.\nChile said it would respond.';

describe('learned delegation members', () => {
  it('puts ministers seated at talks in their side’s team, though no team cue names them', () => {
    expect(probability(TALKS, 'Jorge Vidal')).toBeGreaterThanOrEqual(delegationModel().threshold);
    expect(learned(TALKS)).toEqual([{ party: 'Chile', members: ['Ana Soto', 'Jorge Vidal'] }]);
  });
  it('makes no member of a spokesman in a strike report', () => {
    expect(probability(STRIKE, 'Jorge Vidal')).toBeLessThan(delegationModel().threshold);
    expect(learned(STRIKE)).toEqual([]);
  });
  it('scores a minister seated at the talks as a member beside a team the rules found (used in union mode only)', () => {
    const text = 'Talks between Chile and Peru on the border dispute opened in Quito on Monday.\nThe Peruvian delegation is led by envoy Luis Paredes.\nChilean Defence Minister Ana Soto and Deputy Foreign Minister Jorge Vidal sat across the table from the Peruvian team.\nThe negotiations are expected to last three days, officials said.';
    expect(probability(text, 'Ana Soto')).toBeGreaterThanOrEqual(0.6);
    expect(probability(STRIKE, 'Jorge Vidal')).toBeLessThan(0.6);
  });
  it('makes no member where the article never speaks of talks', () => {
    expect(learned('Chilean Foreign Minister Ana Soto met Peruvian President Luis Paredes in Lima and discussed trade.')).toEqual([]);
  });
});

describe('where learned members may join', () => {
  const m = delegationModel();
  it('uses the threshold where the rules are silent, and beside the rules’ teams only in union mode', () => {
    expect(memberThreshold(m, false)).toBe(m.threshold);
    expect(memberThreshold({ ...m, mode: 'silent' }, true)).toBeNull();
    expect(memberThreshold({ member: m.member, threshold: m.threshold, leader: m.leader, mode: 'union' }, true)).toBe(m.threshold);
    expect(memberThreshold({ ...m, mode: 'union', besideRules: 0.9 }, true)).toBe(0.9);
  });
  it('adds learned members beside the rules’ teams no more readily than where the rules are silent', () => {
    const beside = memberThreshold(m, true);
    expect(beside === null || beside >= m.threshold).toBe(true);
  });
});

describe('learned delegation features', () => {
  it('leaves out the people a caller skips, and common words when asked to', () => {
    const a = analyseArticle(art(TALKS));
    const all = delegationCases(a, new Map());
    const some = delegationCases(a, new Map(), { eligibleOnly: true, words: false, skip: (p) => p.name === 'Ana Soto' });
    expect(all.map((c) => c.person.name)).toContain('Ana Soto');
    expect(some.map((c) => c.person.name)).not.toContain('Ana Soto');
    expect(some.length).toBeGreaterThan(0);
    for (const c of some) expect([...c.features.keys()].filter((n) => n.startsWith('w:') || n.startsWith('near:w:'))).toEqual([]);
    // the same person gets the same class features either way
    const vidal = (cs: typeof all) => [...cs.find((c) => c.person.name === 'Jorge Vidal')!.features].filter(([n]) => !n.startsWith('w:') && !n.startsWith('near:w:'));
    expect(vidal(some)).toEqual(vidal(all));
    expect(all.find((c) => c.person.name === 'Jorge Vidal')!.features.has('w:across')).toBe(true);
  });
});

describe('the delegation model file', () => {
  const file = model as unknown as DelegationModelFile;
  it('records how it was made and reads as general features, with no name or number', () => {
    expect(file.made).toMatch(/train-delegations/);
    for (const f of Object.keys(file.member.weights)) expect(f).toMatch(/^[a-z:+-][a-z0-9:+-]*$/);
  });
  it('was trained on no check, blind or blind2 article', () => {
    expectNoHeldOutIds(file.trainingIds);
  });
});
