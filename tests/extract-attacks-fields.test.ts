import { describe, expect, it } from 'vitest';
import { detectAttacks } from '../src/extract/attacks';
import type { AnalysedArticle } from '../src/extract/types';
import { buildAnalysed } from './fixtures/analysed-article';

/** Invented sentences (invented places, real but uninvolved states): the fields of a strike as news phrases them. 2024-05-14 is a Tuesday. */
const build = (text: string, published: string | null = '2024-05-14'): AnalysedArticle => buildAnalysed(text, [], published, 'fl');
type Brief = [string | null, string | null, number | null, number | null, string];
const brief = (text: string): Brief[] =>
  detectAttacks(build(text)).map((x): Brief => [x.attacker, x.location, x.killed, x.injured, x.weapons.map((w) => `${w.count ?? '?'} ${w.type}`).join('+')]);

describe('attacks: the attacker of a strike a side reports of itself', () => {
  it('takes the speaker of "X said it had fired", past an appositive', () => {
    expect(brief('Chile, the largest member of the coalition, said it had fired rockets at a naval base near Dunvale on Monday.').map((x) => x[0])).toEqual(['Chile']);
  });

  it('reads a second strike verb after "said it" ("said it clashed with troops and fired rockets at")', () => {
    expect(brief('Chile said it clashed with Peruvian patrols along the ridge late on Sunday and fired rockets at a depot in Marlow.').map((x) => x[0])).toEqual(['Chile']);
  });

  it('gives a clause that opens with its verb the subject of the clause before', () => {
    const out = brief('Chile said it had fired rockets at soldiers near the village of Tarn, and launched drones against an air base in Marlow.');
    expect(out.map((x) => x[0])).toEqual(['Chile', 'Chile']);
  });

  it('does not make the side that shoots drones down their attacker ("said it destroyed 30 drones")', () => {
    const out = brief('Peruvian drones attacked Dunvale overnight. Chile said it destroyed 30 drones over Dunvale, and two people were injured.');
    expect(out.every((x) => x[0] !== 'Chile')).toBe(true);
  });
});

describe('attacks: tolls', () => {
  it('reads a toll with a dashed appositive ("28 people—mostly farmers—were killed")', () => {
    expect(brief('In Dunvale, 28 people—mostly farmers—were killed when Peruvian drones struck the market on Monday.').map((x) => x[2])).toEqual([28]);
  });

  it('reads "N people are reported dead"', () => {
    expect(brief('At least 12 people are reported dead after Peruvian shelling of Dunvale on Monday.').map((x) => x[2])).toEqual([12]);
  });
});

describe('attacks: weapons', () => {
  it('codes a side that bombed a place, with no weapon named, as an air strike', () => {
    expect(brief('On Monday, Peruvian forces bombed a clinic in Dunvale, killing three.')).toEqual([['Peru', 'Dunvale', 3, null, '? airstrike']]);
  });

  it('leaves out the weapons of the strike being answered ("to avenge a missile barrage")', () => {
    expect(brief('Chile bombed military sites in Dunvale on Monday, killing two soldiers, to avenge a missile barrage.').map((x) => x[4])).toEqual(['? airstrike']);
  });
});

describe('attacks: raids by armed men and idioms of "hit"', () => {
  it('codes "an ambush by insurgents" and "an attack by armed individuals" as a raid with small arms', () => {
    expect(brief('At least nine people were killed on Friday in an ambush by Islamist insurgents outside a hotel in Dunvale.').map((x) => x[4])).toEqual(['? other']);
    expect(brief('Some 40 farmers died on Saturday in an attack by armed individuals on two hamlets near Marlow.').map((x) => x[4])).toEqual(['? other']);
  });

  it('reads "hit out at" and "hit a snag" as idioms, not strikes', () => {
    expect(brief('The minister hit out at Dunvale for not acting against the camps.')).toEqual([]);
    expect(brief('The talks in Marlow hit a snag after Chile refused the draft.')).toEqual([]);
  });
});

describe('attacks: words that only look like strikes', () => {
  it('reads "called off", "a halt to U.S. airstrikes" and "launched peace talks aimed at" as no strike', () => {
    expect(brief('Chile told the mediators it had called off planned attacks against refineries in Dunvale.')).toEqual([]);
    expect(brief('The president announced a halt to U.S. airstrikes on Dunvale.')).toEqual([]);
    expect(brief('Peru and the rebels formally launched peace talks in Marlow aimed at ending the conflict.')).toEqual([]);
  });

  it('reads "fired warning shots" and a hyphenated "-launched" as no strike', () => {
    expect(brief('Chilean troops in Dunvale fired warning shots at a crowd near the border post.')).toEqual([]);
    expect(brief('Peru showed a new submarine-launched missile at a parade in Dunvale on Thursday.')).toEqual([]);
  });

  it('reads a year after a month as no toll', () => {
    expect(brief('Talks in Marlow resumed after a Chilean airstrike in March 2019 that killed commanders near the airport.').map((x) => x[2])).not.toContain(2019);
  });

  it('drops a strike dated by a full date of an earlier year, and a campaign toll since an earlier year', () => {
    expect(brief('Peru seeks the return of hostages taken in the October 7, 2021, raid on Dunvale.')).toEqual([]);
    expect(brief('Chilean airstrikes have killed 2,500 civilians in Dunvale, which began in March 2020.')).toEqual([]);
  });

  it('skips a photo caption with an agency credit', () => {
    expect(brief('Rescuers search the rubble after a Chilean missile strike on Dunvale on Monday. REUTERS/Jane Roe')).toEqual([]);
  });
});

describe('attacks: a side\'s forces and named groups', () => {
  it('codes "X forces killed N people" and "shot dead by X forces" as a raid by that side', () => {
    expect(brief('Chilean forces killed 22 people in Dunvale on Sunday, the ministry said.').map((x) => [x[0], x[2], x[4]])).toEqual([['Chile', 22, '? other']]);
    expect(brief('At least 30 people were shot dead by Peruvian forces near a roundabout in Dunvale on Thursday.').map((x) => [x[0], x[2]])).toEqual([['Peru', 30]]);
  });

  it('takes the side of "X, a group, has claimed responsibility"', () => {
    const built = (t: string): Array<string | null> => detectAttacks(buildAnalysed(t, [], '2024-05-14', 'fl')).map((x) => x.attacker);
    expect(built('The Harbour Brigades, an armed faction, has claimed responsibility for the raid on a depot in Dunvale that left 20 guards dead.')).toEqual(['Harbour Brigades']);
  });
});
