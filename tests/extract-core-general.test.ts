import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { analyseWithDelegations } from '../src/extract/analyse';

/** General patterns of news prose, with invented people; each with a case that must not fire. */
const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const people = (text: string) => analyseWithDelegations(art(text)).analysed.people;
const person = (text: string, surname: string) => people(text).find((p) => p.name.endsWith(surname));

describe('pre-posed role with a party possessive and a comma', () => {
  it('gives role and party after a verb: "sat Kenya\'s foreign minister, Name"', () => {
    const p = person('Across the table sat Kenya’s foreign minister, Daniel Otieno Waweru, accompanied by two aides.', 'Waweru');
    expect(p?.party).toBe('Kenya');
    expect(p?.roles.join(' ')).toMatch(/foreign minister/);
  });
  it('takes no role from a phrase without a role noun', () => {
    const p = person('Across the table sat Kenya’s best hope, Daniel Waweru, who said little.', 'Waweru');
    expect(p?.roles.some((r) => /hope/.test(r)) ?? false).toBe(false);
  });
});

describe('given name after an abbreviated title', () => {
  it('keeps a given name that is also a common word: "Gen. Christian Obi"', () => {
    const names = people('The delegation included Gen. Christian Obi, the deputy chief of staff, who spoke first.').map((p) => p.name);
    expect(names).toContain('Christian Obi');
  });
  it('still strips a party word after a title: "President Kenyan X" is not written, "Kenyan President X" is', () => {
    const names = people('Kenyan President Samuel Kiprop said the talks would go on.').map((p) => p.name);
    expect(names).toContain('Samuel Kiprop');
  });
});

describe('later mentions of part of a longer name', () => {
  it('joins "Ms. Nandi" and "Mr. Abu Karim" to the full names', () => {
    const text =
      'Asha Nandi Okoro, the foreign minister, opened the session. Samir Abu Karim, a senior negotiator, joined her. ' +
      'Ms. Nandi told reporters the talks were hard. Mr. Abu Karim declined to comment.';
    const ps = people(text);
    expect(ps.map((p) => p.name).sort()).toEqual(['Asha Nandi Okoro', 'Samir Abu Karim']);
    expect(ps.find((p) => p.name === 'Asha Nandi Okoro')?.mentions.length).toBe(2);
  });
  it('does not join a first name or a two-word name to someone else', () => {
    const text = 'Asha Okoro, the foreign minister, spoke. Ms. Nandi, a lawyer, said she disagreed.';
    const names = people(text).map((p) => p.name);
    expect(names).not.toContain('Nandi Okoro');
    expect(people(text).find((p) => p.name === 'Asha Okoro')?.mentions.length).toBe(1);
  });
});

describe('delegations announced without "delegation" or "led by"', () => {
  const dels = (text: string) => analyseWithDelegations(art(text)).delegations;
  it('"X, accompanied by Y and Z" puts the companions in the team of X\'s party, X leading', () => {
    const d = dels(
      'The talks opened on Monday. Across the table sat Kenya’s foreign minister, Daniel Waweru, accompanied by Gen. Amos Kiprono, the army chief, and by Grace Achieng, a senior adviser.',
    );
    const kenya = d.find((x) => x.party === 'Kenya');
    expect(kenya?.members.map((m) => [m.name, m.leads])).toEqual([
      ['Daniel Waweru', true],
      ['Amos Kiprono', false],
      ['Grace Achieng', false],
    ]);
  });
  it('no team when the accompanied person has no side or no talks are near', () => {
    expect(dels('Daniel Waweru, accompanied by his wife Grace Achieng, opened a school on Monday.')).toHaveLength(0);
  });
});

describe('venue from the dateline', () => {
  const venue = (text: string) => analyseWithDelegations(art(text)).delegations[0]?.venue;
  const body =
    'Kenya’s delegation was led by Daniel Waweru, the foreign minister, and included Grace Achieng. ' +
    'Negotiators will stay on in Nairobi to draft a text. A separate round of talks in Kampala is due next week.';
  it('prefers the dateline city when the talks are also placed there', () => {
    expect(venue(`NAIROBI — Ministers met for talks on Thursday.\n${body}`)).toBe('Nairobi');
  });
  it('without a dateline, the place the text weights most wins', () => {
    expect(venue(`Ministers met for talks on Thursday.\n${body}`)).toBe('Kampala');
  });
});

describe('sides implied by "the group", "the army", a possessive office', () => {
  const text =
    'Fighting went on between Malian troops and Hamas near the border. Farid Nasser, the group’s commander, said the truce was over. ' +
    'Lena Brandt, the army’s spokeswoman, denied it. Omar Selim, a spokesman for Egypt’s Foreign Office, urged calm.';
  it('resolves the group to the last organisation named, the army to the last state, an office to its possessor', () => {
    expect(person(text, 'Nasser')?.party).toBe('Hamas');
    expect(person(text, 'Brandt')?.party).toBe('Mali');
    expect(person(text, 'Selim')?.party).toBe('Egypt');
  });
  it('leaves the side open when no such party was named before', () => {
    expect(person('Farid Nasser, the group’s commander, said the truce was over.', 'Nasser')?.party ?? null).toBeNull();
  });
});

describe('"with Y at his side"', () => {
  const dels = (text: string) => analyseWithDelegations(art(text)).delegations;
  it('adds Y to the team X heads', () => {
    const d = dels('The talks resumed on Monday. The Kenyan team is headed by Daniel Waweru, the foreign minister, with Grace Achieng, a senior adviser, at his side.');
    expect(d.find((x) => x.party === 'Kenya')?.members.map((m) => [m.name, m.leads])).toEqual([
      ['Daniel Waweru', true],
      ['Grace Achieng', false],
    ]);
  });
  it('adds nobody without "at his side"', () => {
    const d = dels('The talks resumed on Monday. The Kenyan team is headed by Daniel Waweru, the foreign minister, who met Grace Achieng, a journalist, later.');
    expect(d.find((x) => x.party === 'Kenya')?.members.map((m) => m.name)).toEqual(['Daniel Waweru']);
  });
});

describe('"PARTY sent X, ..., together with Y"', () => {
  const dels = (text: string) => analyseWithDelegations(art(text)).delegations;
  it('makes a team of the sending party, X leading', () => {
    const d = dels('Indirect talks resumed in Cairo. Hamas sent Samir Abu Karim, who has led its negotiators for a year, together with Omar Haddad, a political adviser.');
    expect(d.find((x) => x.party === 'Hamas')?.members.map((m) => [m.name, m.leads])).toEqual([
      ['Samir Abu Karim', true],
      ['Omar Haddad', false],
    ]);
  });
  it('no team when no party is the subject of "sent"', () => {
    const d = dels('Indirect talks resumed in Cairo. The letter sent Samir Abu Karim, a negotiator, into a rage.');
    expect(d).toHaveLength(0);
  });
});
