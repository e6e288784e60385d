import { describe, expect, it } from 'vitest';
import { detectAttacks } from '../src/extract/attacks';
import type { AnalysedArticle } from '../src/extract/types';
import { buildAnalysed } from './fixtures/analysed-article';

/** Invented sentences: background and capability, not a reported strike. 2024-05-14 is a Tuesday. */
const build = (text: string, published: string | null = '2024-05-14'): AnalysedArticle => buildAnalysed(text, [], published, 'bg1');

describe('attacks: what is not a reported strike', () => {
  it('reads "a missile that can hit" as a capability, not a strike', () => {
    const out = detectAttacks(build('Analysts believe the country now has a long-range missile that can hit cities across the region.'));
    expect(out).toHaveLength(0);
  });

  it('reads "a bid launched by" as no strike', () => {
    const out = detectAttacks(build('The new round of talks in Kampala is part of a fresh initiative launched by regional leaders in Tanzania.'));
    expect(out).toHaveLength(0);
  });

  it('still reads "launched a wave of attacks" and "launched 30 drones" as strikes', () => {
    expect(detectAttacks(build('Ecuador launched a wave of attacks on Tumbes on Monday night, officials said.'))).toHaveLength(1);
    const drones = detectAttacks(build('Peru launched 30 drones at Guayaquil overnight, the air force said.'));
    expect(drones).toHaveLength(1);
    expect(drones[0].weapons[0]).toMatchObject({ type: 'drone', count: 30 });
  });

  it('never dates a strike after the article that reports it ("after four days of assaults")', () => {
    const out = detectAttacks(build('Envoys met at the border while relations worsened after four days of continued Chilean assaults in Bolivia.'));
    expect(out).toHaveLength(0);
  });
});
