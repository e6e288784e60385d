import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { analyseWithDelegations } from '../src/extract/analyse';

/** People: clean names behind stacked titles, things that are not people, and a person's side from the document. */
const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const people = (text: string) => analyseWithDelegations(art(text)).analysed.people;
const names = (text: string) => people(text).map((p) => p.name);
const sideOf = (text: string, name: string) => people(text).find((p) => p.name === name)?.party;

describe('people: names behind titles', () => {
  it('drops stacked ranks, acronyms and a place before the last title', () => {
    expect(names('HQ Brig Gen Otto Lindqvist said the bridge was closed.')).toContain('Otto Lindqvist');
    expect(names('Tartu Mayor Reet Saar said the school would reopen.')).toContain('Reet Saar');
    expect(names('HQ Brig Gen Otto Lindqvist said the bridge was closed.')).not.toContain('HQ Brig Gen Otto Lindqvist');
  });
  it('takes the name after a long organisational title', () => {
    const ps = people('Deputy director of the Coastal Mapping Directorate Ines Varela met the press.');
    expect(ps.map((p) => p.name)).toEqual(['Ines Varela']);
    expect(ps[0].roles[0]).toMatch(/Directorate$/);
  });
  it('keeps a nationality word that is a surname after a role and given name', () => {
    expect(sideOf('The talks were attended by Estonian consul Mara Welsh on Monday.', 'Mara Welsh')).toBe('Estonia');
    // no title or role before it: "Many Estonian" is no person
    expect(names('Many Estonian families left on Monday.')).toEqual([]);
  });
  it('does not take capitalised common nouns, ships or role words for people', () => {
    const text = 'The patrol boat ENS Kestrel left the harbour.\nPassengers said the engine failed.\nLiis Mets, Spokeswoman for Estonia’s coast guard, confirmed the delay.';
    expect(names(text)).toEqual(['Liis Mets']);
    expect(sideOf(text, 'Liis Mets')).toBe('Estonia');
  });
  it('takes a lone surname opening a sentence as a person when a personal pronoun takes it up', () => {
    expect(names('Kallasmaa still refuses any timetable, her advisers said.')).toEqual(['Kallasmaa']);
    expect(names('Tallinnmaa still refuses any timetable, the statement said.')).toEqual([]);
  });
});

describe('people: a side from the document', () => {
  it('gives a bare title the state the text tied to that title', () => {
    expect(sideOf('Latvia’s prime minister rejected the offer.\nPrime Minister Janis Ozols said the offer was late.', 'Janis Ozols')).toBe('Latvia');
    // two states gave the title: no guess
    expect(sideOf('Latvia’s prime minister met Estonia’s prime minister.\nPrime Minister Janis Ozols said the offer was late.', 'Janis Ozols')).toBeNull();
  });
  it('inherits the side of the person whose aide someone is', () => {
    expect(sideOf('Estonian President Kaja Tamm spoke first. Tamm’s chief adviser, Rein Kask, spoke later.', 'Rein Kask')).toBe('Estonia');
  });
  it('reads the side from the person’s own sentences when nothing else says it', () => {
    expect(sideOf('Peeter Lind, who has run Latvia’s ports for a decade, said the ships were ready.', 'Peeter Lind')).toBe('Latvia');
    // a state after "against" is the target, not the side
    expect(sideOf('Peeter Lind said the sanctions against Latvia were unfair.', 'Peeter Lind')).toBeNull();
  });
});
