import { describe, expect, it } from 'vitest';
import { detectAttacks } from '../src/extract/attacks';
import type { AnalysedArticle } from '../src/extract/types';
import { buildAnalysed } from './fixtures/analysed-article';

/** Invented paragraphs (invented places, real but uninvolved states). 2024-05-14 is a Tuesday. */
const build = (text: string, published: string | null = '2024-05-14'): AnalysedArticle => buildAnalysed(text, [], published, 'ts');
const brief = (text: string): unknown[] =>
  detectAttacks(build(text)).map((x) => [x.attacker, x.location, x.killed, x.injured, x.weapons.map((w) => `${w.count ?? '?'} ${w.type}`).join('+')]);

describe('attacks: a weapon named in the singular counts one', () => {
  it('counts "a drone", "one of the shells" as one, but not a mass noun, a raid or a coordinated pair', () => {
    expect(brief('A drone hit a clinic in Dunvale, killing two nurses.')).toEqual([[null, 'Dunvale', 2, null, '1 drone']]);
    expect(brief('One of the shells hit a bakery in Dunvale, killing a baker.')).toEqual([[null, 'Dunvale', 1, null, '1 artillery']]);
    expect(brief('An airstrike hit a market in Dunvale, killing five people.')).toEqual([[null, 'Dunvale', 5, null, '? airstrike']]);
    expect(brief('A drone and missile attack hit a depot in Dunvale, killing four people.')).toEqual([[null, 'Dunvale', 4, null, '? drone+? missile']]);
    expect(brief('Two drones hit a clinic in Dunvale, killing three people.')).toEqual([[null, 'Dunvale', 3, null, '2 drone']]);
  });
});

describe('attacks: strike words that report no new strike', () => {
  it('reads "the worst hit" as harm, and a damage verb without a weapon as what the strike did', () => {
    const out = detectAttacks(
      build('Paraguayan shells struck the border town of Pilcomar on Monday, killing six people.\nThe worst hit was the market district of Pilcomar.\nThe outer wall of a school on Fenton Street was destroyed.'),
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ attacker: 'Paraguay', killed: 6 });
  });

  it('takes "dropped" as a strike only with a weapon next to it', () => {
    expect(brief('A military jet dropped three bombs on a village near Tarvo on Tuesday afternoon, killing four people.')).toEqual([[null, 'Tarvo', 4, null, '3 bomb']]);
    expect(brief('Bolivia dropped its demand for a buffer zone at the talks in Geneva on Tuesday.')).toEqual([]);
  });

  it('makes a force word before a strike the attacker, and one that reports or defends not', () => {
    expect(detectAttacks(build('A Bolivian military airstrike on a village near Tarvo killed ten civilians.'))[0]?.attacker).toBe('Bolivia');
    expect(detectAttacks(build('The Chilean air force said it shot down 42 Peruvian drones over the Arica region.'))[0]?.attacker).toBe('Peru');
  });
});

describe('attacks: tolls without a strike word', () => {
  it('gives a toll told next, with no strike word, to the strike being told', () => {
    const out = detectAttacks(build('A military jet dropped three bombs on a village near Tarvo on Tuesday afternoon.\nTen people were killed and eight wounded, he said.'));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ killed: 10, injured: 8 });
    expect(out[0].sources).toHaveLength(2);
  });

  it('makes a toll at a new place its own record of the same sequence, and completes it from a regional official later', () => {
    const out = detectAttacks(
      build(
        [
          'At least nine people were killed in Paraguay in Bolivian drone attacks overnight.',
          'Five deaths were reported in the Boqueron region, and four in the Amambay region.',
          'Nobody else spoke.',
          'The Boqueron regional governor said five people were killed and 12 others were injured.',
          'Amambay regional authorities reported three injuries.',
        ].join('\n'),
      ),
    );
    expect(out.map((x) => [x.attacker, x.location, x.killed, x.injured])).toEqual([
      ['Bolivia', 'Paraguay', 9, null],
      ['Bolivia', 'Boqueron region', 5, 12],
      ['Bolivia', 'Amambay region', 4, 3],
    ]);
  });

  it('does not take a war’s toll, nor a toll with no strike being told', () => {
    expect(brief('Bolivian drones hit a depot in Tarvo on Monday.\nMore than 4,000 people have been killed since the war began.')).toEqual([['Bolivia', 'Tarvo', null, null, '? drone']]);
    expect(brief('Talks opened in Geneva on Monday.\nTen people were killed and eight wounded, he said.')).toEqual([]);
  });

  it('reads "claimed the lives of", "no casualties" and "N injuries" as tolls', () => {
    expect(brief('A strike on a camp near Tarvo on Friday claimed the lives of at least nine people.')[0]).toEqual([null, 'Tarvo', 9, null, '']);
    expect(brief('Peruvian air defences shot down 30 Chilean drones over Tacna with no casualties reported.')[0]).toEqual(['Chile', 'Tacna', 0, null, '30 drone']);
    expect((brief('Chilean rockets hit Tacna on Sunday, and officials reported 11 injuries.')[0] as unknown[]).slice(0, 4)).toEqual(['Chile', 'Tacna', null, 11]);
  });
});
