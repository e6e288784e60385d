import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { analyseWithDelegations } from '../src/extract/analyse';
import { nameKey, personId, sameFirstName, samePerson, sameSurname, stripTitles } from '../src/extract/names';

const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const run = (text: string) => analyseWithDelegations(art(text));
const person = (text: string, surname: string) => run(text).analysed.people.find((p) => p.name.endsWith(surname));

describe('names', () => {
  it('folds transliteration variants of one name', () => {
    expect(samePerson('Volodymyr Zelensky', 'Mr. Zelenskyy')).toBe(true);
    expect(samePerson('Sergey O. Beseda', 'Sergei Beseda')).toBe(true);
    expect(samePerson('Dmitri S. Peskov', 'Dmitry Peskov')).toBe(true);
    expect(samePerson('Rustem Umerov', 'Rustem Umyerov')).toBe(true);
    expect(samePerson('Mike Waltz', 'Michael Waltz')).toBe(true);
  });
  it('keeps different people apart', () => {
    expect(sameSurname('Kuznets', 'Kuznetsov')).toBe(false);
    expect(sameFirstName('Volodymyr', 'Vladimir')).toBe(false);
    expect(samePerson('Volodymyr Petrenko', 'Vladimir Petrenko')).toBe(false);
    expect(samePerson('Anna Karasina', 'Grigory Karasin')).toBe(false);
  });
  it('strips titles and middle initials for keys and ids', () => {
    expect(stripTitles('President Vladimir V. Putin')).toBe('Vladimir V. Putin');
    expect(nameKey('Mr. Vladimir V. Putin')).toBe(nameKey('Vladimir Putin'));
    expect(personId('Sergey O. Beseda')).toBe(personId('Sergei Beseda'));
    expect(personId('Ursula von der Leyen')).toBe('people:von-der-len:u');
  });
});

describe('people', () => {
  it('finds full names with roles and parties from appositions and titles', () => {
    const text =
      'Olena Marchuk, the Ukrainian deputy foreign minister, said the talks had ended. ' +
      'Russian Foreign Minister Ivan Sorokin disagreed. Ms. Marchuk replied later. ' +
      'Tomas Novak, a military analyst with the Czech outlet Deník, doubted it.';
    const { analysed } = run(text);
    const names = analysed.people.map((p) => p.name);
    expect(names).toEqual(['Olena Marchuk', 'Ivan Sorokin', 'Tomas Novak']);
    expect(person(text, 'Marchuk')).toMatchObject({ party: 'Ukraine', roles: ['Ukrainian deputy foreign minister'] });
    expect(person(text, 'Marchuk')?.variants).toContain('Ms. Marchuk');
    expect(person(text, 'Marchuk')?.mentions).toHaveLength(2);
    expect(person(text, 'Sorokin')?.party).toBe('Russia');
    // an analyst's outlet is not a side in the conflict
    expect(person(text, 'Novak')?.party).toBeNull();
  });

  it('reads roles before the name and "X of Country"', () => {
    const text = "Poland's defence minister Jan Kowal met President Ahmed Saleh of Egypt in Cairo. Foreign policy adviser Mira Holt took notes.";
    expect(person(text, 'Kowal')).toMatchObject({ party: 'Poland', roles: ["Poland's defence minister"] });
    expect(person(text, 'Saleh')?.party).toBe('Egypt');
    expect(person(text, 'Holt')?.roles[0]).toMatch(/adviser/i);
  });

  it('takes a lone surname as a person only with evidence', () => {
    const text = 'Talks resumed in Geneva on Monday. Officials in Odesa and Kharkiv said so. The Brandt administration objected, and Brandt said he would call Reuters.';
    const names = run(text).analysed.people.map((p) => p.name);
    expect(names).toEqual(['Brandt']);
  });

  it('does not take places, organisations, outlets or credits for people', () => {
    const text =
      'The Federal Security Service and the National Security Council met at the White House. ' +
      'Fox News and the Black Sea Fleet were mentioned, as was Saudi Arabia. ' +
      'Ukrinform, the state news agency, said so.\nAnna Berg and Li Wen contributed reporting.';
    expect(run(text).analysed.people).toEqual([]);
  });

  it('keeps a name written in another script in brackets as a variant', () => {
    const text = 'Erlan Abishev (Ерлан Әбішев), Kazakhstan’s deputy foreign minister, read the statement.';
    const p = run(text).analysed.people;
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ name: 'Erlan Abishev', party: 'Kazakhstan' });
    expect(p[0].variants).toContain('Ерлан Әбішев');
  });

  it('drops party mentions that are part of a name', () => {
    const { analysed } = run('Jordan Peterson, a Canadian author, spoke in Amman.');
    expect(analysed.parties.map((m) => m.text)).toEqual(['Canadian', 'Amman']);
  });
});

describe('delegations', () => {
  it('reads "led by", "which included" and apposed aides', () => {
    const text =
      'Moscow sent a delegation led by Ivan Sorokin, a senior Russian diplomat; and Pavel Orlov, an adviser to the head of the FSB. ' +
      'Kellan Brooks, the U.S. special envoy, said that the American delegation included some of his own staff, along with Jane Miles, a State Department official; and aides to the national security adviser, Tom Reed.';
    const { delegations } = run(text);
    const ru = delegations.find((d) => d.party === 'Russia');
    expect(ru?.members.map((m) => [m.name, m.leads])).toEqual([
      ['Ivan Sorokin', true],
      ['Pavel Orlov', true],
    ]);
    const us = delegations.find((d) => d.party === 'United States');
    expect(us?.members.map((m) => [m.name, m.leads])).toEqual([['Jane Miles', false]]);
  });

  it('resolves "his country’s delegation", "Its delegation" and "He was joined by"', () => {
    const text =
      "Ukraine's defence minister Petro Hnat was heading his country's delegation, which included Oksana Lys, a presidential adviser, and several officers. " +
      'He was joined by Taras Koval, a deputy minister. ' +
      'Moscow portrays the talks as technical. Its delegation will comprise Ivan Sorokin, a diplomat, and Pavel Orlov, an adviser.';
    const { delegations, analysed } = run(text);
    const ua = delegations.find((d) => d.party === 'Ukraine');
    expect(ua?.members.map((m) => [m.name, m.leads])).toEqual([
      ['Petro Hnat', true],
      ['Oksana Lys', false],
      ['Taras Koval', false],
    ]);
    expect(delegations.find((d) => d.party === 'Russia')?.members.map((m) => m.leads)).toEqual([false, false]);
    // membership gives a party to people whose role names none
    expect(analysed.people.find((p) => p.name === 'Oksana Lys')?.party).toBe('Ukraine');
  });

  it('does not place people in a team for other groups, possessives or past teams', () => {
    const text =
      'A group led by Andriy Kos will advise. The team included Mr. Hnat’s top diplomatic adviser. ' +
      'The Ukrainian delegation held talks in Geneva.';
    expect(run(text).delegations).toEqual([]);
  });

  it('names the venue of the talks', () => {
    const text = 'The talks were held in Istanbul on Monday. The Ukrainian delegation was led by Petro Hnat, the defence minister.';
    expect(run(text).delegations[0]).toMatchObject({ party: 'Ukraine', venue: 'Istanbul', id: 'delegations:ukraine' });
  });
});

describe('delegations: more ways of saying it', () => {
  it('reads "head of", "a member of", "will lead", "joined the team", "negotiators X and Y", "represented by"', () => {
    const text =
      'Andrii Sybiha, the head of the Ukrainian delegation, arrived on Monday. Oleh Ivashchenko, a member of the Ukrainian delegation, stayed behind. ' +
      'Marco Rubio will lead the U.S. delegation, the State Department said. Keith Kellogg later joined the American team. ' +
      'Russian negotiators Vladimir Medinsky and Mikhail Galuzin spent the day in talks. ' +
      'The Israeli side was represented by Ron Dermer and David Barnea, the Mossad chief.';
    const got = Object.fromEntries(run(text).delegations.map((d) => [d.party, d.members.map((m) => `${m.name}${m.leads ? '*' : ''}`)]));
    expect(got).toEqual({
      Ukraine: ['Andrii Sybiha*', 'Oleh Ivashchenko'],
      'United States': ['Marco Rubio*', 'Keith Kellogg'],
      Russia: ['Vladimir Medinsky', 'Mikhail Galuzin'],
      Israel: ['Ron Dermer', 'David Barnea'],
    });
  });
});

describe('delegations: not every team is a delegation', () => {
  it('ignores teams and sides with no talks nearby', () => {
    const text =
      'Russian missiles struck Kharkiv overnight, killing five people. A rescue team led by Ihor Klymenko, the interior minister, searched the rubble. ' +
      'The Ukrainian team included Mykhailo Mudryk and Andriy Lunin, who played well.';
    expect(run(text).delegations).toEqual([]);
  });

  it('ignores congressional and trade delegations', () => {
    const text = 'Peace talks resumed. A congressional delegation led by Senator Lindsey Graham visited Kyiv. A trade delegation headed by Jan Kowal went home.';
    expect(run(text).delegations).toEqual([]);
  });
});

describe('credits', () => {
  it('drops credit lines but keeps people in sentences that only mention reporting', () => {
    const text =
      'By Anna Berg\nAs reported by the BBC, Olena Marchuk, a Ukrainian lawmaker, said the talks failed.\n' +
      'The report, written by Tomas Novak, a Czech diplomat, was leaked.\nRain fell. Talks resume on Monday. Nothing else changed.\n(Reporting by Li Wen; Editing by Sam Ford)';
    expect(run(text).analysed.people.map((p) => p.name)).toEqual(['Olena Marchuk', 'Tomas Novak']);
  });
});
