import { describe, expect, it } from 'vitest';
import { detectAttacks } from '../src/extract/attacks';
import type { AnalysedArticle } from '../src/extract/types';
import { buildAnalysed } from './fixtures/analysed-article';

/** Invented paragraphs: who claimed or was blamed for a strike told with no attacker. 2024-05-14 is a Tuesday. */
const build = (text: string, published: string | null = '2024-05-14'): AnalysedArticle => buildAnalysed(text, [], published, 'cl1');
const lede = 'A car bomb exploded outside a police station in Arequipa on Monday, killing nine officers.';

describe('attacks: the side that claimed or was blamed', () => {
  it('takes a named group that claimed responsibility later in the article as the attacker', () => {
    const out = detectAttacks(build([lede, 'A separatist movement, the Andean Liberation Front, claimed responsibility in a video released on Tuesday.'].join('\n')));
    expect(out).toHaveLength(1);
    expect(out[0].attacker).toBe('Andean Liberation Front');
  });

  it('takes a known side that claimed responsibility through a descriptive noun ("the X militant group claimed")', () => {
    const out = detectAttacks(build([lede, 'The Islamic State militant group claimed responsibility for the bombing on Tuesday.'].join('\n')));
    expect(out[0]?.attacker).toBe('Islamic State');
  });

  it('takes the side blamed for the attack when nobody claimed it', () => {
    const blamedFor = detectAttacks(build([lede, 'No group has claimed responsibility, but the interior ministry blamed Hamas for the attack.'].join('\n')));
    expect(blamedFor[0]?.attacker).toBe('Hamas');
    const blamedOn = detectAttacks(build([lede, 'The mayor blamed the bombing on the Taliban, which has not commented.'].join('\n')));
    expect(blamedOn[0]?.attacker).toBe('Taliban');
  });

  it('takes no claimant when nobody has claimed it', () => {
    expect(detectAttacks(build([lede, 'No group has yet claimed responsibility for the Arequipa Bombing.'].join('\n')))[0]?.attacker).toBeNull();
    expect(detectAttacks(build([lede, 'The Andean Liberation Front denied claims that it took responsibility.'].join('\n')))[0]?.attacker).toBeNull();
  });
});
