import { describe, expect, it } from 'vitest';
import { detectAttacks } from '../src/extract/attacks';
import type { AnalysedArticle } from '../src/extract/types';
import { buildAnalysed } from './fixtures/analysed-article';

/** Invented sentences (invented places, real but uninvolved states): the toll and the weapons of a strike as news phrases them. */
const build = (text: string): AnalysedArticle => buildAnalysed(text, [], '2024-05-14', 'tl');
const killed = (text: string): Array<number | null> => detectAttacks(build(text)).map((x) => x.killed);
const injured = (text: string): Array<number | null> => detectAttacks(build(text)).map((x) => x.injured);
const weapons = (text: string): string[] => detectAttacks(build(text)).map((x) => x.weapons.map((w) => `${w.count ?? '?'} ${w.type}`).join('+'));

describe('toll: the number of dead as news writes it', () => {
  it('adds two groups of dead counted apart', () => {
    expect(killed('Rocket fire on Dunvale killed at least 11 farmers and three border guards on Friday.')).toEqual([14]);
    expect(killed('Chile said five of its sailors and two dockers died in a drone strike on the port of Marlow on Monday.')).toEqual([7]);
  });

  it('does not add a second group that was hurt, not killed', () => {
    expect(killed('A Peruvian drone strike on Marlow on Monday killed four fishermen and 12 others were wounded.')).toEqual([4]);
    expect(killed('The shelling of Dunvale on Monday resulted in the death of one teacher and nine injuries.')).toEqual([1]);
  });

  it('reads the whole count before an unpunctuated "including" group', () => {
    expect(killed('Witnesses said seven worshippers including three girls had been killed when an air strike hit a shrine in Dunvale on Sunday.')).toEqual([7]);
  });

  it('reads "the death of N", "the loss of N lives" and "N lost their lives"', () => {
    expect(killed('On Monday a car bomb outside a bus depot in Marlow caused the death of at least seven passengers.')).toEqual([7]);
    expect(killed('A Peruvian missile strike on Dunvale on Monday caused the loss of at least 18 lives.')).toEqual([18]);
    expect(killed('At least nine traders lost their lives when a truck bomb exploded at a market in Marlow on Monday.')).toEqual([9]);
  });

  it('keeps the dead when "and N others injured" follows a toll with no strike word', () => {
    const text = 'At least 31 have been killed and 140 others injured in Peruvian strikes on Dunvale on Monday.';
    expect(killed(text)).toEqual([31]);
    expect(injured(text)).toEqual([140]);
  });

  it('reads "no <word> casualties" as nobody killed', () => {
    expect(killed('Peru said 12 rockets struck the Marlow air base on Monday but there were no Chilean casualties.')).toEqual([0]);
  });
});

describe('toll: weapons counted as launched, not as shot down', () => {
  it('keeps the launched count when a later sentence counts those shot down', () => {
    expect(weapons('Peru launched 44 drones at Dunvale on Monday night. 39 drones were shot down.')).toEqual(['44 drone']);
    expect(weapons('Peru launched 61 missiles and 90 drones at Dunvale on Monday. Chile said it intercepted 50 missiles and 71 drones.')).toEqual(['61 missile+90 drone']);
  });

  it('counts strikes, not weapons, in "N missile strikes"', () => {
    expect(weapons('Officials said five missile strikes hit Dunvale on Monday, killing two people.')).toEqual(['? missile']);
  });

  it('does not count the aircraft that fired a named weapon as a weapon of their own', () => {
    expect(weapons('Chile said three Peruvian warplanes fired six missiles at an air base near Dunvale on Monday.')).toEqual(['6 missile']);
  });

  it('reads "shellfire" as artillery', () => {
    expect(weapons('Rocket and shellfire on Dunvale killed at least 13 civilians on Friday.')).toEqual(['? rocket+? artillery']);
  });
});

describe('toll: one strike, its toll told in a coordinated predicate', () => {
  it('keeps ", and injured N others in a targeted attack" with the strike that killed', () => {
    const text = 'The rocket and drone strikes on Dunvale resulted in the deaths of 14 civilians, including two nurses, and injured 30 others in a targeted attack on the market.';
    expect(killed(text)).toEqual([14]);
    expect(injured(text)).toEqual([30]);
  });

  it('reads "have been reportedly killed" and "N martyrs"', () => {
    expect(killed('At least 40 villagers have been reportedly killed in Peruvian drone strikes on Dunvale on Monday.')).toEqual([40]);
    expect(killed('A medic said there were 12 martyrs after a Peruvian air strike on a school in Dunvale on Thursday.')).toEqual([12]);
  });
});

describe('toll: raids by armed men', () => {
  it('codes "gunmen attacks" as a raid with small arms', () => {
    expect(weapons('At least 60 villagers were killed during gunmen attacks across the hamlet of Dunvale on Sunday.')).toEqual(['? other']);
  });

  it('reads "the deadliest attack since" as one event, and never counts a year as bombs', () => {
    const text = 'In the deadliest attack in Dunvale since the 2019 bombing, 31 people were killed when gunmen opened fire on a market on Tuesday.';
    expect(killed(text)).toEqual([31]);
    expect(weapons(text)).toEqual(['? other']);
  });
});
