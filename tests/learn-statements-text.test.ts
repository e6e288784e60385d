import { describe, expect, it } from 'vitest';
import { statementText } from '../src/extract/learn/statement-text';
import { detectPositions } from '../src/extract/positions';
import { buildAnalysed } from './fixtures/analysed-article';

// Invented sentences about an invented dispute; `verb` is where each sentence's first verb starts.
const text = (s: string, verb: string, max?: number): string => statementText(s, s.indexOf(verb), max);

describe('the text of a learned statement', () => {
  it('takes off the frame of reported speech when its verb of saying comes first', () => {
    expect(text('Bolivia’s chief negotiator Rosa Lima told reporters in La Paz on Monday that Bolivia wants the border posts reopened before winter.', 'told')).toBe(
      'Bolivia wants the border posts reopened before winter',
    );
    expect(text('The army said eight fishing boats had been seized near the islands.', 'said')).toBe('eight fishing boats had been seized near the islands');
    // A statement made before the verb of saying stays: "welcomed A and stated that B" keeps A.
    expect(text('The council welcomed the offer of talks and stated that it would name a negotiator.', 'welcomed')).toBe(
      'The council welcomed the offer of talks and stated that it would name a negotiator',
    );
  });

  it('keeps the quoted words of a quotation-first sentence, without the attribution after it', () => {
    expect(text('“We will not sign anything until the prisoners are home,” the rebel commander said in a radio address to his fighters.', 'will')).toBe(
      'We will not sign anything until the prisoners are home',
    );
    expect(text('Peru wants a neutral observer at every crossing, the foreign ministry said in a statement.', 'wants')).toBe('Peru wants a neutral observer at every crossing');
  });

  it('drops a dateline and a short opening adverbial', () => {
    expect(text('LIMA, Peru – On Tuesday, the government offered to release forty detainees held since the spring.', 'offered')).toBe(
      'the government offered to release forty detainees held since the spring',
    );
  });

  it('ends a long statement at a clause boundary, never inside a word nor on a word that needs more', () => {
    const long = 'The delegation proposed a phased withdrawal of heavy weapons from the valley over three months, with monitors from neighbouring states checking each stage, while the remaining checkpoints would be handed over to a joint police force under a civilian board of the two provinces.';
    const t = text(long, 'proposed', 120);
    expect(t.length).toBeLessThanOrEqual(120);
    expect(long.startsWith(t)).toBe(true);
    expect(t).toBe('The delegation proposed a phased withdrawal of heavy weapons from the valley over three months');
    const noBoundary = text('The delegation proposed a phased withdrawal of heavy weapons from the valley over three months and a joint police force for the two provinces of the north.', 'proposed', 100);
    expect(noBoundary).not.toMatch(/\b(?:of|the|and|a|for)$/);
    expect(noBoundary.length).toBeLessThanOrEqual(100);
  });
});

describe('the text of a rule position', () => {
  it('keeps a negation before the cue and the subject a modal demand is about', () => {
    const a = buildAnalysed(
      ['Chile does not want a referendum on the corridor.', 'Bolivia said the Chilean troops must leave the salt flats.'].join('\n'),
      [],
      '2024-05-14',
      'invented',
    );
    const texts = detectPositions(a).filter((p) => !(p.rules ?? []).includes('learned-positions')).map((p) => p.text);
    expect(texts).toContain('does not want a referendum on the corridor');
    expect(texts).toContain('the Chilean troops must leave the salt flats');
  });
});
