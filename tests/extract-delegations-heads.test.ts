import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { analyseWithDelegations } from '../src/extract/analyse';

/** Delegations: two "led" clauses are two teams, each with its own head. */
const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const teams = (text: string) => analyseWithDelegations(art(text)).delegations;
const members = (text: string, party: string) => (teams(text).find((d) => d.party === party)?.members ?? []).map((m) => `${m.name}${m.leads ? '*' : ''}`);
const OPEN = 'Talks between Latvia and Estonia resumed in Vilnius on Monday.\n';

describe('delegations: team clauses and their heads', () => {
  it('keeps "A led the X delegation and B led the Y delegation" as two teams', () => {
    const text = `${OPEN}Mr. Janis Ozols led the Latvian delegation and Dr. Mari Tamm led the Estonian delegation.`;
    expect(members(text, 'Latvia')).toEqual(['Janis Ozols*']);
    expect(members(text, 'Estonia')).toEqual(['Mari Tamm*']);
  });
  it('still reads a compound subject of one team', () => {
    expect(members(`${OPEN}Estonian Foreign Minister Tiit Rebane and security adviser Mari Kuusk jointly headed the Estonian team.`, 'Estonia')).toEqual(['Tiit Rebane*', 'Mari Kuusk*']);
  });
});
