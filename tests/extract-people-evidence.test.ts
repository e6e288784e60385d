import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { analyseWithDelegations } from '../src/extract/analyse';
import type { SidedPerson } from '../src/extract/people';

/** A person's side records the row of the evidence table that gave it. Invented sentences. */
const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const person = (text: string, name: string): SidedPerson | undefined =>
  (analyseWithDelegations(art(text)).analysed.people as readonly SidedPerson[]).find((p) => p.name === name);
const side = (text: string, name: string): [string | null, string | null] => {
  const p = person(text, name);
  return [p?.party ?? null, p?.partyBy ?? null];
};

describe('people: which evidence gave the side', () => {
  it('names the row: role, possessor, title coreference, principal', () => {
    expect(side('Estonian negotiator Mart Kask met Latvian negotiator Ilze Berzina in Riga.', 'Mart Kask')).toEqual(['Estonia', 'role']);
    expect(side('Estonian negotiator Mart Kask met Latvian negotiator Ilze Berzina in Riga.', 'Ilze Berzina')).toEqual(['Latvia', 'role']);
    expect(side('Latvia’s Ilze Berzina spoke first.', 'Ilze Berzina')).toEqual(['Latvia', 'possessor']);
    expect(side('Latvia’s prime minister rejected the offer.\nPrime Minister Janis Ozols said the offer was late.', 'Janis Ozols')).toEqual(['Latvia', 'title-coreference']);
    expect(side('Latvian President Janis Ozols arrived on Monday. An adviser to President Ozols, Ilze Berzina, said the talks were useful.', 'Ilze Berzina')).toEqual(['Latvia', 'principal']);
  });
  it('keeps no side and no evidence when nothing gives one', () => {
    expect(side('Janis Ozols said the talks were useful.', 'Janis Ozols')).toEqual([null, null]);
  });
});
