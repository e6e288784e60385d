import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectAttacks } from '../src/extract/attacks';
import type { AnalysedArticle } from '../src/extract/types';
import { buildAnalysed } from './fixtures/analysed-article';
import { AttackSchema } from '../src/model';

/** An AnalysedArticle from invented text; attacks need no people. */
const build = (text: string, published: string | null = '2024-05-14'): AnalysedArticle => buildAnalysed(text, [], published, 't3');
const pick = (a: ReturnType<typeof detectAttacks>[number]) => ({
  attacker: a.attacker,
  location: a.location,
  when: a.when,
  date: a.date,
  weapons: a.weapons.map((w) => `${w.count ?? '?'} ${w.type}`),
  killed: a.killed,
  injured: a.injured,
  target: a.target,
});

// 2024-05-14 is a Tuesday.
describe('attacks: reported strikes', () => {
  it('reads attacker, place, time, weapons, casualties and target', () => {
    const out = detectAttacks(
      build(
        [
          'Israeli airstrikes killed at least 25 people in Gaza City on Monday, health officials said.',
          'Houthi rebels launched two ballistic missiles at a commercial ship in the Red Sea on Sunday.',
          'The Rapid Support Forces shelled El Fasher overnight, killing twelve civilians and wounding 30 others.',
          'A swarm of Russian drones attacked the Ukrainian capital on Saturday night, sparking fires in several apartment blocks.',
        ].join('\n'),
      ),
    );
    expect(out.map(pick)).toEqual([
      { attacker: 'Israel', location: 'Gaza City', when: 'Monday', date: '2024-05-13', weapons: ['? airstrike'], killed: 25, injured: null, target: null },
      { attacker: 'Houthis', location: 'Red Sea', when: 'Sunday', date: '2024-05-12', weapons: ['2 missile'], killed: null, injured: null, target: 'commercial ship' },
      { attacker: 'Rapid Support Forces', location: 'El Fasher', when: 'overnight', date: null, weapons: ['? artillery'], killed: 12, injured: 30, target: null },
      { attacker: 'Russia', location: 'Kyiv', when: 'Saturday night', date: '2024-05-11', weapons: ['? drone'], killed: null, injured: null, target: 'apartment blocks' },
    ]);
    for (const a of out) expect(() => AttackSchema.parse(a)).not.toThrow();
  });

  it('keeps an aggregate of several weapons as one record, with interceptions', () => {
    const out = detectAttacks(build('Since Friday, Russia has launched 370 drones, 1,200 glide bombs and 40 missiles at cities across Ukraine; air defences shot down 310 of them.'));
    expect(out).toHaveLength(1);
    expect(out[0].weapons.map((w) => [w.type, w.count, w.label])).toEqual([
      ['drone', 370, 'drones'],
      ['guided bomb', 1200, 'glide bombs'],
      ['missile', 40, 'missiles'],
    ]);
    expect(out[0]).toMatchObject({ attacker: 'Russia', location: 'Ukraine', intercepted: 310, aggregate: true });
  });

  it('gives the accused party as attacker and one record per target and place', () => {
    const out = detectAttacks(build('Pakistan accused India of striking a fuel depot in the Sialkot district and a power station in Muzaffarabad.'));
    expect(out.map((a) => [a.attacker, a.location, a.target])).toEqual([
      ['India', 'Sialkot district', 'fuel depot'],
      ['India', 'Muzaffarabad', 'power station'],
    ]);
  });

  it('takes the party that claimed responsibility as attacker', () => {
    const out = detectAttacks(build('The Houthis claimed responsibility for an attack on a tanker in the Gulf of Aden on Monday.'));
    expect(out.map((a) => [a.attacker, a.location, a.target, a.date])).toEqual([['Houthis', 'Gulf of Aden', 'tanker', '2024-05-13']]);
  });

  it('reports a strike on a country when a verb says it happened', () => {
    const out = detectAttacks(build('The Pentagon said U.S. forces had struck 15 Houthi targets in Yemen.\nA Houthi missile struck a bulk carrier in the Red Sea.'));
    expect(out.map((a) => [a.attacker, a.location, a.target])).toEqual([
      ['United States', 'Yemen', null],
      ['Houthis', 'Red Sea', 'bulk carrier'],
    ]);
  });

  it('counts "killing a child" as one', () => {
    const out = detectAttacks(build('A Russian drone hit a car in Kherson, killing a 12-year-old boy and injuring two women.'));
    expect(out.map((a) => [a.location, a.killed, a.injured])).toEqual([['Kherson', 1, 2]]);
  });

  it('leaves the date null without a publication date', () => {
    const out = detectAttacks(build('Russian missiles struck Odesa on Friday, killing two people.', null));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ when: 'Friday', date: null, killed: 2, location: 'Odesa' });
  });
});

describe('attacks: what is not an attack', () => {
  it('ignores truces, plans, hypotheticals, back-references and bare mentions', () => {
    const text = [
      'Both sides agreed to halt strikes on energy infrastructure for 30 days.',
      'He was only prepared to refrain from striking the ports.',
      'Officials fear that further attacks could hit the port of Aden.',
      'It is cynical to talk of peace and at the same time to launch a massive attack on civilian infrastructure.',
      'Talks continued as attacks persist.',
      'The army vowed to strike back at the rebels in Darfur.',
      'Russia has intensified its attacks on Ukraine’s energy grid in recent weeks.',
      'Israel has expanded its strikes across Lebanon.',
      'The war began when Russia attacked Ukraine in February 2022.',
      'The war began after the Oct. 7 attack on southern Israel, in which about 1,200 people were killed.',
    ].join('\n');
    expect(detectAttacks(build(text))).toEqual([]);
  });

  it('adds a later back-reference to the first record instead of a new one', () => {
    const out = detectAttacks(build('Russian drones hit Kharkiv on Sunday, killing four people.\nThe mayor said the Kharkiv attack was the worst this year.'));
    expect(out).toHaveLength(1);
    expect(out[0].sources).toHaveLength(1);
  });
});

describe('attacks: one record per strike', () => {
  it('adds figures given later for the strike just reported', () => {
    const out = detectAttacks(
      build('Israel launched air strikes on targets in Lebanon early on Monday.\nLebanese officials said 9 people were killed and 20 wounded in the strikes.'),
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ attacker: 'Israel', location: 'Lebanon', killed: 9, injured: 20 });
    expect(out[0].sources).toHaveLength(2);
  });

  it('takes a place that opens the sentence and a count of missiles that hit a city', () => {
    const out = detectAttacks(build('In Kharkiv, a Russian glide bomb killed two people and wounded 14 on Monday.\nDnipro was hit by at least five missiles, officials said.'));
    expect(out.map(pick)).toEqual([
      { attacker: 'Russia', location: 'Kharkiv', when: 'Monday', date: '2024-05-13', weapons: ['1 guided bomb'], killed: 2, injured: 14, target: null },
      { attacker: 'Russia', location: 'Dnipro', when: null, date: null, weapons: ['5 missile'], killed: null, injured: null, target: null },
    ]);
  });

  it('splits one sentence of strikes on several places, each with its toll', () => {
    const out = detectAttacks(build('Russian strikes killed three people in Kherson and two in the Donetsk region on Monday, officials said.'));
    expect(out.map((a) => [a.attacker, a.location, a.killed, a.date])).toEqual([
      ['Russia', 'Kherson', 3, '2024-05-13'],
      ['Russia', 'Donetsk region', 2, '2024-05-13'],
    ]);
    expect(new Set(out.map((a) => a.id)).size).toBe(2);
  });

  it('places a strike where it landed, not where something else happened', () => {
    const out = detectAttacks(build('Pakistani shelling across the Line of Control killed at least 12 people in the Poonch district, officials said.'));
    expect(out.map((a) => [a.attacker, a.location, a.killed])).toEqual([['Pakistan', 'Poonch district', 12]]);
    const met = detectAttacks(build('Delegations met in Geneva on Monday for talks, hours after the rebels launched their boldest attack of the war.'));
    expect(met).toEqual([]);
  });
});

describe('attacks: on the seed articles', () => {
  const seeds = '../shared/seeds';
  const nyt = `${seeds}/000_118066a58bd8992f.txt`;
  const ft = `${seeds}/002_d98ed01e17b307d9.txt`;
  const have = existsSync(nyt) && existsSync(ft);
  it.skipIf(!have)('finds the five strikes of one and none in the other (skipped when ../shared/seeds is absent)', () => {
    expect(detectAttacks(build(readFileSync(nyt, 'utf8'), '2025-03-23'))).toEqual([]);
    const out = detectAttacks(build(readFileSync(ft, 'utf8'), '2025-03-23'));
    expect(out.map((a) => [a.attacker, a.location, a.killed])).toEqual([
      ['Russia', 'Ukraine', null],
      ['Russia', 'Kyiv', 3],
      ['Russia', 'Odesa', null],
      ['Ukraine', 'Krasnodar region', null],
      ['Ukraine', 'Sudzha', null],
    ]);
    expect(out[0].weapons.map((w) => w.count)).toEqual([1100, 1580, 15]);
    expect(out[1]).toMatchObject({ when: 'Saturday night', date: '2025-03-22' });
  });
});
