import { describe, expect, it } from 'vitest';
import { detectPositions } from '../src/extract/positions';
import { buildAnalysed } from './fixtures/analysed-article';

/** Invented sentences: refusals as owned nouns, goals fought for, and a breach named in passing. */
const brief = (text: string): string[] => detectPositions(buildAnalysed(text, [], '2024-05-14', 'po')).map((p) => `${p.party} ${p.kind}: ${p.text}`);

describe('positions: owners, purposes and passing mentions', () => {
  it('reads a refusal noun owned by a possessive or by "of X to"', () => {
    expect(brief('Togo’s refusal to withdraw its troops angered the mediators.')[0]).toMatch(/^Togo refusal: refusal to withdraw its troops/);
    expect(brief('The talks stalled because of the refusal of Togo to sign the agreement.')).toEqual(['Togo refusal: refusal of Togo to sign the agreement']);
    // "of X" without an infinitive is what the noun is about, not its owner.
    expect(brief('Mediators regretted the rejection of Togo at the vote.')).toEqual([]);
  });

  it('reads a side fighting to reach a goal', () => {
    expect(brief('The Ghanaian army has been fighting to win back control of the north.')).toEqual(['Ghana goal: fighting to win back control of the north']);
    expect(brief('Ghanaian troops fought to the last bullet.')).toEqual([]);
  });

  it('keeps the urging when a breach is named in passing in the same clause', () => {
    expect(brief('Ghana and Togo welcomed the talks, and urged them to engage after many broken truces.')).toEqual([
      'Ghana demand: urged them to engage after many broken truces',
      'Togo demand: urged them to engage after many broken truces',
    ]);
    // A breach reported with its source is still that source's accusation.
    expect(brief('Togo violated the truce, the Ghanaian army said.')).toEqual(['Ghana accusation: violated the truce']);
  });
});
