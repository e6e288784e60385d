import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { analyseWithDelegations } from '../src/extract/analyse';

/** Delegations from structures any outlet uses: appositions, pronouns, gapped clauses, negotiators, talks between two people. */
const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const teams = (text: string) => analyseWithDelegations(art(text)).delegations.map((d) => ({ party: d.party, members: d.members.map((m) => `${m.name}${m.leads ? '*' : ''}`) }));

describe('delegations: members named after the team', () => {
  it('reads an apposition closed by a comma, not a speaker after a comma', () => {
    expect(teams('The Estonian negotiators, Mari Tamm and Jaan Kask, reached Riga on Sunday for talks with Latvia.')).toEqual([{ party: 'Estonia', members: ['Mari Tamm', 'Jaan Kask'] }]);
    expect(teams('We met the Estonian team, Mari Tamm said after the talks in Riga.')).toEqual([]);
  });
  it('takes up the team of the sentence before with "It is led by X and includes Y"', () => {
    expect(teams('Estonia sent a delegation to Riga for the talks. It is led by Deputy Minister Mari Tamm and includes General Jaan Kask.')).toEqual([
      { party: 'Estonia', members: ['Jaan Kask', 'Mari Tamm*'] },
    ]);
  });
  it('reads "Also in the team is X" after the team is introduced', () => {
    expect(teams('The Estonian delegation to the Riga talks is headed by Mari Tamm, a deputy minister. Also in the team is General Jaan Kask.')).toEqual([
      { party: 'Estonia', members: ['Mari Tamm*', 'Jaan Kask'] },
    ]);
  });
});

describe('delegations: one clause, two sides', () => {
  it('gives a gapped second party its own members: "A was represented by X, and B by Y"', () => {
    expect(teams('At the talks in Riga, Estonia was represented by Mari Tamm and Jaan Kask, and Latvia by Janis Ozols.')).toEqual([
      { party: 'Estonia', members: ['Mari Tamm', 'Jaan Kask'] },
      { party: 'Latvia', members: ['Janis Ozols'] },
    ]);
  });
  it('ends one team’s list where the next team’s "headed by" starts', () => {
    expect(teams('The Estonian delegation, led by presidential aide Mari Tamm, and the Latvian delegation, headed by Defence Minister Janis Ozols, met for two hours of talks.')).toEqual([
      { party: 'Estonia', members: ['Mari Tamm*'] },
      { party: 'Latvia', members: ['Janis Ozols*'] },
    ]);
  });
  it('gives each of two people who led the talks their own side', () => {
    expect(teams('Estonia’s Mari Tamm and Latvia’s Janis Ozols led the talks in Riga.')).toEqual([
      { party: 'Estonia', members: ['Mari Tamm*'] },
      { party: 'Latvia', members: ['Janis Ozols*'] },
    ]);
  });
  it('reads "talks between A and B" as the two principals, not a future meeting', () => {
    expect(teams('Talks between Estonia’s foreign minister Mari Tamm and her Latvian counterpart Janis Ozols began in Riga on Monday.')).toEqual([
      { party: 'Estonia', members: ['Mari Tamm*'] },
      { party: 'Latvia', members: ['Janis Ozols*'] },
    ]);
    expect(teams('Officials in Riga discussed possible talks between Estonian President Mari Tamm and Latvian President Janis Ozols.')).toEqual([]);
  });
});

describe('delegations: roles that place a person on a side’s team', () => {
  it('puts "DEMONYM negotiator X" on that side’s team in a sentence about talks', () => {
    expect(teams('Estonian negotiator Mari Tamm told reporters in Riga that the next round of talks would start on Tuesday.')).toEqual([{ party: 'Estonia', members: ['Mari Tamm'] }]);
    expect(teams('Estonian negotiator Mari Tamm said the weather in Riga was cold.')).toEqual([]);
  });
  it('puts "X is representing PARTY at the talks" on that side', () => {
    expect(teams('Mari Tamm is representing Estonia at the talks in Riga.')).toEqual([{ party: 'Estonia', members: ['Mari Tamm'] }]);
  });
});

describe('delegations: a plural role after two names, and a side that sends its team', () => {
  it('gives "X and Y, PARTY’s negotiators," the role and the team both', () => {
    expect(teams('Mari Tamm and Jaan Kask, Estonia’s negotiators, said the talks in Riga had been useful.')).toEqual([{ party: 'Estonia', members: ['Mari Tamm', 'Jaan Kask'] }]);
  });
  it('reads "PARTY will send X and Y to the talks"', () => {
    expect(teams('Estonia will send Deputy Minister Mari Tamm and Jaan Kask to the talks in Riga.')).toEqual([{ party: 'Estonia', members: ['Mari Tamm*', 'Jaan Kask'] }]);
  });
});
