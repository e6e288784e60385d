import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { analyseArticle, analyseWithDelegations } from '../src/extract/analyse';
import { goBetweens } from '../src/extract/learn/delegation-features';

/** Delegations: whose team a team noun names when its owner is a state body ("the government's negotiating team"). */
const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const teams = (text: string) => analyseWithDelegations(art(text)).delegations.map((d) => ({ party: d.party, members: d.members.map((m) => `${m.name}${m.leads ? '*' : ''}`) }));

describe('delegations: a team owned by "the government"', () => {
  it('gives "the government’s negotiating team" to the state whose government the article names', () => {
    const text = 'Estonia’s federal government and a rebel movement opened talks in Oslo on Tuesday.\nThe government’s negotiating team in Oslo includes Justice Minister Mari Tamm and Jaan Kask, a security adviser.';
    expect(teams(text)).toEqual([{ party: 'Estonia', members: ['Mari Tamm', 'Jaan Kask'] }]);
  });
  it('reads "the government of PARTY" and an acronym between the party and "government"', () => {
    expect(teams('Talks between the government of Latvia and the rebels resumed in Vilnius.\nThe government delegation is headed by Deputy Minister Janis Ozols.')).toEqual([{ party: 'Latvia', members: ['Janis Ozols*'] }]);
    expect(teams('A new round of talks between the Republic of Latvia (ROL)’s government and armed groups began in Vilnius.\nThe government delegation is headed by Deputy Minister Janis Ozols.')).toEqual([{ party: 'Latvia', members: ['Janis Ozols*'] }]);
  });
  it('gives no party when the article names two governments', () => {
    const text = 'Estonia’s government and Latvia’s government met for talks in Oslo.\nThe government’s negotiating team includes Justice Minister Mari Tamm.';
    expect(teams(text)).toEqual([]);
  });
});

describe('go-betweens', () => {
  it('names the mediator or host of talks, not their sides', () => {
    const a = analyseArticle(art('Estonia and Latvia held talks mediated by Norway in Oslo on Monday.\nFinnish mediators said the Swedish-brokered truce held.\nDenmark, which hosted the last round, sent no envoy.'));
    expect([...goBetweens(a)].sort()).toEqual(['Denmark', 'Finland', 'Norway', 'Sweden']);
  });
});
