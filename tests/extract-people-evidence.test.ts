import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { analyseWithDelegations } from '../src/extract/analyse';
import { withoutSideModel } from '../src/extract/learn/side-model';
import type { SidedPerson } from '../src/extract/people';

/** A person's side records the row of the evidence table that gave it. Invented sentences. The rule table alone (withoutSideModel): the learned chooser is tested in learn-side.test.ts. */
const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const person = (text: string, name: string): SidedPerson | undefined =>
  (withoutSideModel(() => analyseWithDelegations(art(text))).analysed.people as readonly SidedPerson[]).find((p) => p.name === name);
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

describe('people: whom a person speaks or negotiates for', () => {
  it('takes the side a verb of representing names', () => {
    expect(side('Osman Dlamini, speaking for Kenya, rejected the draft.', 'Osman Dlamini')).toEqual(['Kenya', 'speaks-for']);
    expect(side('Tanzania was represented by deputy minister Amina Juma at the opening session.', 'Amina Juma')).toEqual(['Tanzania', 'speaks-for']);
    expect(side('Karim Haddou, who heads Morocco’s delegation, said the gap was narrowing.', 'Karim Haddou')).toEqual(['Morocco', 'speaks-for']);
    expect(side('Uganda’s delegation was led by Grace Akello, while Kenya was represented by Osman Dlamini.', 'Osman Dlamini')).toEqual(['Kenya', 'speaks-for']);
  });
  it('does not take a side a person only heads toward', () => {
    // "heads to" is travel, not leadership of a side's team
    expect(side('Osman Dlamini, who heads Kenya’s port authority, spoke on Monday.', 'Osman Dlamini')[1]).not.toBe('speaks-for');
  });
});

describe('people: a side after a preposition of target', () => {
  it('takes the side that owns the body or principal the role serves', () => {
    expect(side('A spokesman for the Ghanaian army, Kofi Mensah, said two soldiers died.', 'Kofi Mensah')).toEqual(['Ghana', 'role']);
    expect(side('Amina Juma, an adviser to Tanzania’s president, said talks would resume.', 'Amina Juma')).toEqual(['Tanzania', 'role']);
  });
  it('keeps a target a target', () => {
    expect(side('Kofi Mensah, the special envoy for Sudan, said talks would resume.', 'Kofi Mensah')[0]).toBeNull();
    expect(side('Kofi Mensah, an envoy to Tanzania’s president, said talks would resume.', 'Kofi Mensah')[0]).toBeNull();
  });
  it('does not take a birthplace for a side', () => {
    expect(side('Kofi Mensah, the Ghanaian-born envoy of the United Nations, said talks would resume.', 'Kofi Mensah')).toEqual(['United Nations', 'role']);
  });
});

describe('people: a state office in an article about one state', () => {
  const text = 'Ghana and Togo resumed talks on Monday.\nGhana wants the border reopened.\nGhanaian officials said the road would be cleared.\nGhana’s army has moved back.\nPresident Kwame Boateng said the deal was close.';
  it('gives the state the article names most, when it leads clearly', () => {
    expect(side(text, 'Kwame Boateng')).toEqual(['Ghana', 'home-state']);
  });
  it('gives none when two states are named about as often', () => {
    const even = `${text}\nTogo wants a ceasefire.\nTogolese officials said so.\nTogo’s army agreed.`;
    expect(side(even, 'Kwame Boateng')).toEqual([null, null]);
  });
  it('gives it to an official of a state office too', () => {
    expect(side(text.replace('President Kwame Boateng', 'The deputy minister, Kwame Boateng,'), 'Kwame Boateng')).toEqual(['Ghana', 'home-state']);
  });
  it('gives none to a person without a state office', () => {
    expect(side(text.replace('President ', ''), 'Kwame Boateng')[1]).not.toBe('home-state');
    expect(side(text.replace('President Kwame Boateng', 'The analyst Kwame Boateng'), 'Kwame Boateng')[1]).not.toBe('home-state');
  });
});

describe('people: not the last words of a bracketed name', () => {
  it('takes no person from words whose initials end the acronym after them', () => {
    const names = (text: string) => analyseWithDelegations(art(text)).analysed.people.map((p) => p.name);
    expect(names('Both sides revived the Accord on Fisheries and Coastal Guarantees (AFCG) after Sina Tupou said the talks would go on.')).toEqual(['Sina Tupou']);
  });
});

describe('people: a companion goes with the person they join', () => {
  it('gives the side of the person joined or accompanied', () => {
    expect(side('Fijian Foreign Minister Sina Tupou was joined by Ratu Vosa, the trade secretary.', 'Ratu Vosa')).toEqual(['Fiji', 'companion']);
    expect(side('Fijian Foreign Minister Sina Tupou arrived on Monday. She was accompanied by Ratu Vosa and two aides.', 'Ratu Vosa')).toEqual(['Fiji', 'companion']);
  });
  it('takes nobody named in another sentence without a pronoun', () => {
    expect(side('Fijian Foreign Minister Sina Tupou arrived on Monday. The talks were joined by Ratu Vosa later.', 'Ratu Vosa')[1]).not.toBe('companion');
  });
});

describe('people: sides written in brackets and spoken for', () => {
  it('takes a party in brackets right after the name', () => {
    const text = 'The accord was signed by Sina Tupou (Fiji) and Mele Taufa (Tonga) on Friday.';
    expect(side(text, 'Sina Tupou')).toEqual(['Fiji', 'bracketed']);
    expect(side(text, 'Mele Taufa')).toEqual(['Tonga', 'bracketed']);
  });
  it('takes whom a spokesman speaks for, not where an envoy is sent', () => {
    expect(side('Ali Qasim, a spokesman for Hezbollah, said the group would respond.', 'Ali Qasim')).toEqual(['Hezbollah', 'role']);
    expect(side('Ali Qasim, the special envoy for Lebanon, said talks would resume.', 'Ali Qasim')[0]).toBeNull();
  });
});
