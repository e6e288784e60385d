import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { analyseWithDelegations } from '../src/extract/analyse';
import { sideName } from '../src/extract/delegations';

/** Delegations from list shapes, who represents a side, and several teams in one clause (invented sentences, real but uninvolved states). */
const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const teams = (text: string) =>
  analyseWithDelegations(art(text))
    .delegations.map((d) => ({ party: d.party, members: d.members.map((m) => `${m.name}${m.leads ? '*' : ''}`) }))
    .sort((x, y) => x.party.localeCompare(y.party));

describe('delegations: who represents a side', () => {
  it('reads "N officials will represent X, including A, B and C"', () => {
    expect(teams('Talks between Estonia and Latvia open in Riga on Monday. Four senior officials will represent Estonia, including Mari Tamm, Jaan Kask and Peeter Mets.')).toEqual([
      { party: 'Estonia', members: ['Mari Tamm', 'Jaan Kask', 'Peeter Mets'] },
    ]);
  });
  it('reads coordinated names before "will represent X"', () => {
    expect(teams('Talks between Estonia and Latvia open in Riga on Monday. Janis Ozols and Ilze Berzina will represent Latvia.')).toEqual([
      { party: 'Latvia', members: ['Janis Ozols', 'Ilze Berzina'] },
    ]);
  });
});

describe('delegations: list items', () => {
  it('reads a list whose items carry an affiliation in brackets, separated by semicolons', () => {
    expect(teams('Officials said the Estonian delegation to the Riga talks would include Mari Tamm (Centre Party); Jaan Kask (Reform Party) and Peeter Mets (Greens).')).toEqual([
      { party: 'Estonia', members: ['Mari Tamm', 'Jaan Kask', 'Peeter Mets'] },
    ]);
  });
  it('still ends a list at a semicolon that opens a new clause', () => {
    expect(teams('The Estonian delegation to the Riga talks includes Mari Tamm; Latvian Defence Minister Janis Ozols arrived later.')).toEqual([{ party: 'Estonia', members: ['Mari Tamm'] }]);
  });
  it('reads "the TEAM members are A, B and C"', () => {
    expect(teams('The talks resume in Riga on Monday. The Latvian delegation members now in Riga are Janis Ozols, Ilze Berzina and Andris Kalnins.')).toEqual([
      { party: 'Latvia', members: ['Janis Ozols', 'Ilze Berzina', 'Andris Kalnins'] },
    ]);
  });
  it('reads a head of delegation named right after the title with no comma', () => {
    expect(teams('The head of the Latvian delegation Janis Ozols said the talks in Riga were useful.')).toEqual([{ party: 'Latvia', members: ['Janis Ozols*'] }]);
  });
  it('gives no delegation to a person who met its head', () => {
    expect(teams('Estonian negotiator Mari Tamm, Estonia’s top negotiator at the Riga talks, said she had useful negotiations with the head of the Latvian delegation.')).toEqual([{ party: 'Estonia', members: ['Mari Tamm*'] }]);
  });
});

describe('delegations: titles owned by someone else', () => {
  it('takes the holder of "PERSON’s adviser X" in a list, not the owner', () => {
    expect(teams('The Latvian delegation that travelled to the Riga talks includes the premier’s adviser Ilze Berzina and General Andris Kalnins.')).toEqual([
      { party: 'Latvia', members: ['Ilze Berzina', 'Andris Kalnins'] },
    ]);
    expect(teams('The Latvian delegation that travelled to the Riga talks includes Janis Ozols’s adviser Ilze Berzina.')).toEqual([{ party: 'Latvia', members: ['Ilze Berzina'] }]);
  });
  it('reads an adverb in the passive: "will be officially headed by"', () => {
    expect(teams('The Latvian team at the talks will be officially headed by Janis Ozols.')).toEqual([{ party: 'Latvia', members: ['Janis Ozols*'] }]);
  });
  it('adds "X is also accompanying them" to the team of the sentence before', () => {
    expect(teams('The Latvian delegation to the Riga talks includes Janis Ozols and Ilze Berzina. General Andris Kalnins is also accompanying them.')).toEqual([
      { party: 'Latvia', members: ['Janis Ozols', 'Ilze Berzina', 'Andris Kalnins'] },
    ]);
  });
});

describe('delegations: several teams in one clause', () => {
  it('gives each leader of "the respective delegations were led by" their own side', () => {
    expect(teams('The respective delegations were led by the foreign ministers, for Estonia, Mari Tamm, and for Latvia, Janis Ozols, at the talks in Riga.')).toEqual([
      { party: 'Estonia', members: ['Mari Tamm*'] },
      { party: 'Latvia', members: ['Janis Ozols*'] },
    ]);
  });
});

describe('delegations: side names', () => {
  it('reads "Members of the X" as the side X', () => {
    expect(sideName('Members of the Popular Liberation Front')).toBe('Popular Liberation Front');
    expect(sideName('Popular Liberation Front')).toBe('Popular Liberation Front');
  });
});
