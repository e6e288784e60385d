import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { analyseWithDelegations } from '../src/extract/analyse';
import { withoutSideModel } from '../src/extract/learn/side-model';

/** People: clean names behind stacked titles, things that are not people, and a person's side from the document. The rule table alone (withoutSideModel): the learned chooser is tested in learn-side.test.ts. */
const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const people = (text: string) => withoutSideModel(() => analyseWithDelegations(art(text))).analysed.people;
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

describe('people: sides from an owning group, a led coalition or a local place', () => {
  it('gives "the group\'s leader" the organisation named before', () => {
    const text = 'According to a Hamas spokesman, the group’s top political leader Omar Fadel met the mediators.';
    expect(sideOf(text, 'Omar Fadel')).toBe('Hamas');
  });
  it('gives an organisation before a role its side', () => {
    expect(sideOf('Estonia’s prosecutor dropped a warrant for ELN guerrilla leader Tomas Rivas on Monday.', 'Tomas Rivas')).toBe('ELN');
  });
  it('gives the spokesman of a PARTY-led coalition that party', () => {
    expect(sideOf('Dan Holt, the spokesman for the Estonia-led coalition in the region, said two rockets landed in Latvia.', 'Dan Holt')).toBe('Estonia');
  });
  it('gives a local governor the country of the region named before', () => {
    expect(sideOf('Russia’s southern Rostov region, which borders Ukraine, was hit overnight, local governor Ivan Petrov said.', 'Ivan Petrov')).toBe('Russia');
  });
  it('does not give a local governor a side when no region is named', () => {
    expect(sideOf('Flights were cancelled, local governor Ivan Petrov said.', 'Ivan Petrov') ?? null).toBeNull();
  });
});

describe('people: the side of the team a person heads', () => {
  it('gives the head of "PARTY\'s delegation" that party', () => {
    const text = 'Latvia’s delegation is headed by Special Envoy Karl Berzins, Estonia’s delegation is led by Deputy Minister Mari Tamm.';
    expect(sideOf(text, 'Karl Berzins')).toBe('Latvia');
    expect(sideOf(text, 'Mari Tamm')).toBe('Estonia');
  });
});

describe('people: a party word just before a role', () => {
  it('gives the role that party', () => {
    expect(sideOf('Fighting went on, Latvian defense ministry’s undersecretary and spokesperson Colonel Anna Ozola said.', 'Anna Ozola')).toBe('Latvia');
  });
  it('does not read a party across a comma or after "with" as the role\'s side', () => {
    expect(sideOf('Officials said talks with Latvia, mediator Tom Reed said, would resume.', 'Tom Reed') ?? null).toBeNull();
  });
});
