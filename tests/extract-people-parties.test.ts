import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { analyseWithDelegations } from '../src/extract/analyse';
import { withoutSideModel } from '../src/extract/learn/side-model';

/** People's party and name edges on reporting of a round of talks: a side belongs to the phrase that names it. The rule table alone (withoutSideModel): the learned chooser is tested in learn-side.test.ts. */
const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const run = (text: string) => withoutSideModel(() => analyseWithDelegations(art(text)));
const sideOf = (text: string, name: string) => run(text).analysed.people.find((p) => p.name === name)?.party;
const names = (text: string) => run(text).analysed.people.map((p) => p.name);
const teams = (text: string) => run(text).delegations.map((d) => ({ party: d.party, members: d.members.map((m) => `${m.name}${m.leads ? '*' : ''}`) }));

describe('people: a demonym belongs to the name in its own phrase', () => {
  it('does not give "DEMONYM negotiator X" to another negotiator named with no side', () => {
    const text = 'Negotiator Sven Holm met Estonian negotiator Mari Tamm in Riga for talks on Monday.';
    expect(sideOf(text, 'Mari Tamm')).toBe('Estonia');
    expect(sideOf(text, 'Sven Holm')).not.toBe('Estonia');
  });
  it('ties a bare title only to a state whose title was left unnamed', () => {
    const text = 'Latvia’s president walked out on Monday, and Estonian president Mari Tamm stayed.\nPresident Janis Ozols said the offer was late.';
    expect(sideOf(text, 'Janis Ozols')).toBe('Latvia');
  });
});

describe('people: a romanised name with a hyphenated syllable before punctuation', () => {
  it('keeps "Ri Son-gwon," and "Pak Ho-yong." whole', () => {
    const text = 'The team includes Vice Minister Ri Son-gwon, Choe Myong-ho and Pak Ho-yong.';
    expect(names(text)).toEqual(['Ri Son-gwon', 'Choe Myong-ho', 'Pak Ho-yong']);
  });
});

describe('delegations: a team owned by a party of two words', () => {
  it('reads "X is leading South Ruritania’s delegation" with X as the leader', () => {
    expect(teams('Foreign Minister Ana Soto is leading South Korea’s four-member delegation, which includes Tomas Ruiz, a senator.')).toEqual([
      { party: 'South Korea', members: ['Ana Soto*', 'Tomas Ruiz'] },
    ]);
  });
});

describe('people: a possessive party before the name', () => {
  it('gives "PARTY’s X" and "PARTY’s President X" that party, each their own', () => {
    const text = 'Estonia’s Mari Tamm spoke with Latvia’s President Janis Ozols on Monday.';
    expect(sideOf(text, 'Mari Tamm')).toBe('Estonia');
    expect(sideOf(text, 'Janis Ozols')).toBe('Latvia');
  });
});

describe('people: places that are no side', () => {
  it('does not read "the South American country" as the United States, nor "the DEMONYM capital" as a side', () => {
    const text = 'President Ana Ruiz said she would fly to Lima, the Peruvian capital, to close the talks that started in the South American country in May.';
    expect(sideOf(text, 'Ana Ruiz')).toBeNull();
  });
  it('gives a regional governor the country of the region named in an earlier sentence', () => {
    const text = 'A fuel depot near Kursk caught fire on Tuesday after a drone attack.\nNo one was hurt, regional governor Ivan Petrenko wrote on Telegram.';
    expect(sideOf(text, 'Ivan Petrenko')).toBe('Russia');
  });
});

describe('people: roles with an object and backers', () => {
  it('reads "the ORG’s special envoy for PLACE, X" as X’s role, owned by ORG', () => {
    const text = 'The EU’s special envoy for the Sahel, Marta Gil, met both sides in Niamey.';
    const p = run(text).analysed.people.find((x) => x.name === 'Marta Gil');
    expect(p?.roles[0]).toBe('EU’s special envoy for the Sahel');
    expect(p?.party).toBe('European Union');
  });
  it('does not give a person the side of a state that backs their government', () => {
    expect(sideOf('Envoys of the Qatari-backed government of President Ana Ruiz arrived on Monday.', 'Ana Ruiz')).toBeNull();
  });
});

describe('parties: sides the text defines with an acronym', () => {
  it('reads "the DEMONYM government (ACR)" as the state and "the Long Name Front (ACR)" as a side of its own', () => {
    const text = 'The Chilean government (GOC) and the National Liberation Front (NLF) opened talks in Oslo. GOC panel chair Ana Ruiz and NLF counterpart Luis Soto led the talks.';
    expect(sideOf(text, 'Ana Ruiz')).toBe('Chile');
    expect(sideOf(text, 'Luis Soto')).toBe('National Liberation Front');
  });
  it('names a defined side without a title, an owner or a "-based" lead-in', () => {
    const partiesOf = (text: string) => [...new Set(run(text).analysed.parties.map((p) => p.party))];
    expect(partiesOf('Luis Soto, Chairman of the Andean Renewal Council (ARC), met the envoys.')).toEqual(['Andean Renewal Council']);
    expect(partiesOf('Talks with the Kokor-based National Salvation Congress (NSC) resumed.')).toEqual(['National Salvation Congress']);
    expect(partiesOf('Fighters of Kokor’s Highland Defence Army (HDA) held the pass.')).toEqual(['Highland Defence Army']);
    expect(partiesOf('Members of the People’s Renewal Party (PRP) walked out.')).toEqual(['People’s Renewal Party']);
  });
  it('keeps a known party’s own name and does not make a side of a lone capitalised word', () => {
    const parties = run('The Sudanese Armed Forces (SAF) said a Council (CC) would meet.').analysed.parties.map((p) => p.party);
    expect(parties).toEqual(['Sudan', 'Sudan']);
  });
});

describe('parties: one armed group under the spellings outlets use', () => {
  it('reads "Al Shabaab", "al-Shabab" and "Al-Shabaab" as one party', () => {
    const text = 'Al Shabaab fighters attacked a base on Monday. Officials said al-Shabab had warned of more raids, and Al-Shabaab later claimed both.';
    const parties = new Set(run(text).analysed.parties.map((m) => m.party));
    expect([...parties]).toEqual(['al-Shabaab']);
  });
});

describe('people: a title before a comma that names its organisation and its charge', () => {
  it('reads "the UN Special Envoy for X, NAME" as the envoy’s role and the organisation’s side', () => {
    const text = 'The rebel leader received the UN Special Envoy for Ruritania, Ana Ruiz, in his residence on Tuesday.';
    expect(sideOf(text, 'Ana Ruiz')).toBe('United Nations');
    expect(names('Talks opened under the UN Special Envoy to Western Ruritania Ana Ruiz in Geneva.')).toEqual(['Ana Ruiz']);
  });
});

describe('people: international bodies by their usual names', () => {
  it('gives "Nato Secretary General X", a Red Cross spokeswoman and a UN agency head their body', () => {
    const text = 'Nato Secretary General Mari Tamm met the envoys in Riga.\nRed Cross spokeswoman Ana Soto said two clinics were hit.\nUNRWA director Sven Holm said the school was full.';
    expect(sideOf(text, 'Mari Tamm')).toBe('NATO');
    expect(sideOf(text, 'Ana Soto')).toBe('International Committee of the Red Cross');
    expect(sideOf(text, 'Sven Holm')).toBe('United Nations');
  });
});
