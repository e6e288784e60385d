import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { analyseWithDelegations } from '../src/extract/analyse';
import { withoutSideModel } from '../src/extract/learn/side-model';

/** Sides the text shows to be groups by how it uses their names (sides-from-usage.ts), and the people it ties to them. Invented sentences. */
const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const run = (text: string) => withoutSideModel(() => analyseWithDelegations(art(text)));
const partiesOf = (text: string) => [...new Set(run(text).analysed.parties.map((p) => p.party))];
const sideOf = (text: string, name: string) => run(text).analysed.people.find((p) => p.name === name)?.party;

describe('sides from usage: a name before a group noun', () => {
  it('makes a side of "the Kanu rebels" and ties "Kanu leader X" to it', () => {
    const text = 'Talks between the Estonian government and the Kanu rebels resumed on Monday. Kanu leader Tomas Vey said the talks would go on.';
    expect(partiesOf(text)).toEqual(['Estonia', 'Kanu']);
    expect(sideOf(text, 'Tomas Vey')).toBe('Kanu');
  });
  it('names the Maoists after "Maoist rebels"', () => {
    expect(sideOf('Maoist rebels met the envoys. Tomas Vey, the Maoist leader, said the truce held.', 'Tomas Vey')).toBe('Maoists');
  });
  it('makes no side of a creed, a determiner or a known state before the noun', () => {
    expect(partiesOf('Islamist militants and The rebels attacked. Estonian rebels fled.')).toEqual(['Estonia']);
  });
});

describe('sides from usage: a capitalised name ending in a group head', () => {
  it('makes a side of "the Hill Peoples Conference" and of its bare first word', () => {
    const text = 'Ana Soto, chairman of the Hill Peoples Conference, met the envoy. Later Zanu leader Tomas Vey joined the ruling Zanu Party.';
    expect(sideOf(text, 'Ana Soto')).toBe('Hill Peoples Conference');
    expect(sideOf(text, 'Tomas Vey')).toBe('Zanu Party');
  });
  it('leaves a backer, a seat and a modifier before the name out of it', () => {
    expect(partiesOf('Estonia met the Estonia-backed Southern Unity Council and the Tartu-based Hill Peoples Front.')).toEqual(['Estonia', 'Southern Unity Council', 'Hill Peoples Front']);
    expect(sideOf('Ana Soto, a Former Unity Council chairman, met the envoy.', 'Ana Soto')).toBe('Unity Council');
  });
  it('takes a known side before a group noun whole, a creed word and all', () => {
    expect(partiesOf('Islamic State fighters attacked the town.')).toEqual(['Islamic State']);
  });
  it('keeps a state body named with its state, and a security council, out', () => {
    expect(partiesOf('The Estonian Army and the National Security Council met.')).toEqual(['Estonia']);
  });
  it('takes no lone side word for a person', () => {
    expect(run('Zanu officials met the Zanu Party and Zanu leaders on Monday.').analysed.people).toEqual([]);
  });
});

describe('sides from usage: the opposition set against the government', () => {
  it('names the opposition after its country and ties its negotiators to it', () => {
    const text = 'Estonia’s government and the opposition sat down in Oslo. Ana Soto heads the opposition delegation. Opposition legislator Luis Vega said the opposition to the plan was strong.';
    expect(sideOf(text, 'Luis Vega')).toBe('Estonian opposition');
    expect(run(text).analysed.parties.filter((p) => p.party === 'Estonian opposition').map((p) => p.text)).toEqual(['opposition', 'opposition', 'Opposition']);
  });
  it('leaves a parliament’s opposition benches alone', () => {
    expect(partiesOf('Estonian opposition lawmakers criticised the budget on Monday.')).toEqual(['Estonia']);
  });
});

describe('sides from usage: the country of an opposition named by no demonym', () => {
  it('takes the state whose government faces the opposition, not a backer or the venue', () => {
    const text = 'Latvia’s government held a first round with the U.S.-backed opposition in Tallinn, Estonia on Monday. The U.S. praised the round hosted by Estonia. Opposition negotiator Ana Soto spoke.';
    expect(sideOf(text, 'Ana Soto')).toBe('Latvian opposition');
  });
});
