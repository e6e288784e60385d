import { describe, expect, it } from 'vitest';
import { detectOutlook } from '../src/extract/outlook';
import { buildAnalysed } from './fixtures/analysed-article';

/** Invented sentences: threats of retaliation, agreed visits, and obligations ahead. */
const rules = (text: string): string[] => detectOutlook(buildAnalysed(text, [], '2024-05-14', 'ot')).flatMap((o) => o.rules ?? []);

describe('outlook: what a side says it will do next', () => {
  it('reads threats of retaliation', () => {
    expect(rules('Ghana vowed to retaliate after the strike on its border post.')).toContain('retaliation-threat');
    expect(rules('The attack will not go unpunished, the Ghanaian defence ministry said.')).toContain('retaliation-threat');
    expect(rules('Those behind the raid will pay a heavy price, a Togolese minister said.')).toContain('retaliation-threat');
    expect(rules('Ghana responded to the strike with a protest note.')).toEqual([]);
  });

  it('reads an agreed visit as a next step', () => {
    expect(rules('Togo agreed to visit Accra in the autumn.')).toContain('next-step-agreed');
  });

  it('keeps "could have to" as an obligation ahead, not a guess about the past', () => {
    expect(rules('Delegates might have to wait for a new mandate before the next round.')).toContain('hedge-might');
    expect(rules('Delegates might have waited for a new mandate.')).toEqual([]);
  });
});
