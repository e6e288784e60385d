import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { analyseWithDelegations } from '../src/extract/analyse';

/** Delegations: members and leaders named behind long titles. */
const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const teams = (text: string) => analyseWithDelegations(art(text)).delegations.map((d) => ({ party: d.party, members: d.members.map((m) => `${m.name}${m.leads ? '*' : ''}`) }));

describe('delegations: titles with an object', () => {
  it('lists "PARTY’s ambassador to PLACE NAME" as a member, not "adviser to Prime Minister NAME"', () => {
    expect(teams('Ana Soto will head the Chilean delegation to the talks, which includes Chile’s ambassador to Lima Tomas Ruiz and Eva Lind, a senator.')).toEqual([
      { party: 'Chile', members: ['Ana Soto*', 'Tomas Ruiz', 'Eva Lind'] },
    ]);
    const t = teams('Ana Soto will head the Chilean delegation to the talks, which includes an adviser to Prime Minister Jorge Vidal.');
    expect(t.flatMap((d) => d.members)).not.toContain('Jorge Vidal');
  });
  it('takes the holder of a long title after "headed by" as the leader', () => {
    expect(teams('For the talks, Peru’s delegation is headed by Vice Minister for Policy and Planning at the Defence Ministry Rosa Quispe.')).toEqual([
      { party: 'Peru', members: ['Rosa Quispe*'] },
    ]);
  });
});

describe('delegations: the party after the team noun', () => {
  it('reads "a delegation from PARTY led by X" and "the delegation of the DEMONYM government"', () => {
    expect(teams('A delegation from Estonia led by Foreign Minister Mari Tamm arrived in Riga on Monday for talks with Latvia.')).toEqual([{ party: 'Estonia', members: ['Mari Tamm*'] }]);
    expect(teams('The delegation of the Latvian government, led by Deputy Minister Janis Ozols, met the Estonians in Riga for talks.')).toEqual([{ party: 'Latvia', members: ['Janis Ozols*'] }]);
  });
});

describe('delegations: a modifier between the team and its "headed by"', () => {
  it('reads "the X delegation, currently in talks with Y and headed by Z" and not a modifier naming a person', () => {
    expect(teams('The Estonian government delegation, currently in talks with Latvia over the border and headed by former Foreign Minister Mari Tamm, arrived in Riga on Monday.')).toEqual([{ party: 'Estonia', members: ['Mari Tamm*'] }]);
  });
});

describe('delegations: those a known member travels with', () => {
  it('adds "X travelled to PLACE with A, and delegates B and C" to X’s team, not a companion of someone on no team', () => {
    const text = 'The Estonian delegation, headed by Foreign Minister Mari Tamm, arrived in Riga on Monday for talks with Latvia.\nTamm travelled to Riga with the border commissioner, Peeter Kask, and delegates Jaan Lepp and Kadri Mets.\nThe singer Anu Saar flew to Riga with her band, Toomas Kivi and Rein Org.';
    expect(teams(text)).toEqual([{ party: 'Estonia', members: ['Mari Tamm*', 'Peeter Kask', 'Jaan Lepp', 'Kadri Mets'] }]);
  });
});
