import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { analyseWithDelegations } from '../src/extract/analyse';

/** Delegations led by the two principals of the talks, and a leader who speaks in the first person. */
const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const teams = (text: string) => analyseWithDelegations(art(text)).delegations.map((d) => ({ party: d.party, members: d.members.map((m) => `${m.name}${m.leads ? '*' : ''}`) }));

describe('delegations: principals and first-person leaders', () => {
  it('gives each of "the talks are being held by X and Y" the lead of their own side', () => {
    const text = 'The talks are being held by Chile’s foreign minister, Ana Soto, and Peru’s envoy Luis Paredes, through Bolivian mediators.';
    expect(teams(text)).toEqual([
      { party: 'Chile', members: ['Ana Soto*'] },
      { party: 'Peru', members: ['Luis Paredes*'] },
    ]);
  });
  it('reads "X met with Y" as two leaders only in a sentence about talks or peace, and only for two sides', () => {
    expect(teams('Chilean Foreign Minister Ana Soto met with Peruvian peace envoy Luis Paredes in Lima on Monday.')).toHaveLength(2);
    expect(teams('Chilean Foreign Minister Ana Soto met Peruvian President Luis Paredes in Lima and discussed trade.')).toEqual([]);
    expect(teams('Chilean Foreign Minister Ana Soto met with Chilean peace envoy Jorge Vidal in Santiago.')).toEqual([]);
  });
  it('takes the speaker of a quotation whose subject is "I" as the leader', () => {
    expect(teams('“I will lead the Chilean delegation to the talks in Lima,” Ana Soto said on Monday.')).toEqual([{ party: 'Chile', members: ['Ana Soto*'] }]);
    expect(teams('“They will lead the Chilean delegation to the talks in Lima,” Ana Soto said on Monday.')).toEqual([]);
  });
});

describe('delegations: leaders named by their offices', () => {
  it('resolves "a team led by the heads of A and B" to the people later named as A’s chief and B’s head', () => {
    const text = 'Chile sends a team led by the heads of Carabineros and the Investigative Police to the talks in Lima.\nChilean officials said Carabineros chief Ana Soto and Investigative Police head Luis Vidal would take part.';
    expect(teams(text)).toEqual([{ party: 'Chile', members: ['Ana Soto*', 'Luis Vidal*'] }]);
    // without the team described by those offices, holding an office makes no leader by office
    const rules = analyseWithDelegations(art('Chilean officials said Carabineros chief Ana Soto and Investigative Police head Luis Vidal would take part in the talks in Lima.')).delegations.flatMap((d) => d.rules);
    expect(rules).not.toContain('leader-by-office');
  });
});
