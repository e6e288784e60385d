import { describe, expect, it } from 'vitest';
import { detectAttacks } from '../src/extract/attacks';
import { findTimes } from '../src/extract/dates';
import type { AnalysedArticle } from '../src/extract/types';
import { buildAnalysed } from './fixtures/analysed-article';

/** Invented paragraphs for the general patterns the held-out articles showed. 2024-05-14 is a Tuesday. */
const build = (text: string, published: string | null = '2024-05-14'): AnalysedArticle => buildAnalysed(text, [], published, 'tg3');

describe('attacks: follow-ups, ledes and relative days', () => {
  it('adds the casualties of "the strikes had hit ..." to the strike just reported, not a new record with the speaker as attacker', () => {
    const out = detectAttacks(
      build(
        'India fired 12 missiles at targets in Pakistan on Sunday night.\nPakistan’s military said the strikes had hit a school and a clinic, killing 20 civilians.',
      ),
    );
    expect(out).toHaveLength(1);
    expect(out[0].attacker).toBe('India');
    expect(out[0].killed).toBe(20);
    expect(out[0].sources).toHaveLength(2);
  });

  it('reads "one struck ... killing two" as part of the barrage just reported', () => {
    const out = detectAttacks(
      build('Russian drones attacked Kharkiv on Monday night, officials said.\nMost were shot down, but one struck a residential street in Kharkiv, killing two people.'),
    );
    expect(out).toHaveLength(1);
    expect(out[0].attacker).toBe('Russia');
    expect(out[0].killed).toBe(2);
  });

  it('merges a lede’s summary into the detailed report of the same strike', () => {
    const out = detectAttacks(
      build(
        [
          'Talks resumed in Cairo on Tuesday, hours after an Israeli airstrike killed at least 31 people in southern Gaza.',
          'Negotiators met for six hours.',
          'Israeli warplanes struck a school sheltering families in Rafah before dawn on Tuesday, killing at least 31 people, hospital officials said.',
        ].join('\n'),
      ),
    );
    expect(out).toHaveLength(1);
    expect(out[0].location).toBe('Rafah');
    expect(out[0].sources).toHaveLength(2);
  });

  it('keeps two strikes with different tolls apart', () => {
    const out = detectAttacks(
      build('Israeli airstrikes killed 12 people in Gaza City on Monday.\nNegotiators met for six hours.\nIsraeli airstrikes killed nine people in Rafah on Sunday.'),
    );
    expect(out).toHaveLength(2);
  });

  it('dates "A day earlier" from the strike before it', () => {
    const out = detectAttacks(
      build('Rebel artillery shelled the market in Goma on Monday, killing 19 civilians.\nA day earlier, an army airstrike on a cattle market in Rutshuru killed 14 people.'),
    );
    expect(out.map((x) => [x.location, x.date])).toEqual([
      ['Goma', '2024-05-13'],
      ['Rutshuru', '2024-05-12'],
    ]);
  });

  it('resolves "Its army" to the side named in the sentence before', () => {
    const out = detectAttacks(build('Pakistan answered within hours.\nIts army launched waves of drones at Amritsar, killing three people.'));
    expect(out[0]?.attacker).toBe('Pakistan');
  });
});

describe('dates: words that are not times', () => {
  it('does not read "sat down" as Saturday or a range of numbers as a time', () => {
    expect(findTimes('Hours before the delegations sat down, drones struck the port.', '2024-05-14', 'past')).toEqual([]);
    expect(findTimes('Its army launched drones, some 300 to 400 of them.', '2024-05-14', 'past')).toEqual([]);
    expect(findTimes('The envoys met on Saturday.', '2024-05-14', 'past').map((t) => t.date)).toEqual(['2024-05-11']);
  });
});
