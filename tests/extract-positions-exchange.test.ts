import { describe, expect, it } from 'vitest';
import { detectPositions } from '../src/extract/positions';
import { buildAnalysed } from './fixtures/analysed-article';

const brief = (text: string) => detectPositions(buildAnalysed(text, [], '2024-05-14', 'x1')).map((p) => `${p.party} ${p.kind}: ${p.text}`);

describe('positions: exchanges', () => {
  it('reads "A will do X in return for B doing Y" as A’s offer and A’s demand, nothing for B', () => {
    expect(brief('Bolivia will reopen the border crossing in return for Paraguay freeing 40 fishermen.')).toEqual([
      'Bolivia offer: will reopen the border crossing',
      'Bolivia demand: in return for Paraguay freeing 40 fishermen',
    ]);
  });

  it('gives B its own offer when B commits with a stance verb of its own', () => {
    expect(brief('The accord would see Chile agree to pull its troops from the valley in return for Peru pledging to disband the militias.')).toEqual([
      'Chile offer: agree to pull its troops from the valley',
      'Peru offer: pledging to disband the militias',
    ]);
  });

  it('keeps a gloss of the terms ("meaning X would not ...") out of the positions', () => {
    expect(brief('Ecuador proposed that Ecuador stay neutral in exchange for security guarantees, meaning Ecuador would not join any alliance.')).toEqual([
      'Ecuador offer: proposed that Ecuador stay neutral',
      'Ecuador demand: in exchange for security guarantees',
    ]);
  });
});

describe('positions: both sides', () => {
  it('gives "both sides said they ..." to the pair of sides the article names together most', () => {
    const text = [
      'Peru and Bolivia have traded accusations of shelling since Monday.',
      'Peru says Bolivia moved artillery to the border, and Bolivia says Peru did the same.',
      'Chile and Brazil said they would host a meeting.',
      'The shelling eased after both sides said they were willing to hold talks.',
    ].join('\n');
    expect(brief(text).filter((t) => t.includes('willing'))).toEqual([
      'Peru offer: willing to hold talks',
      'Bolivia offer: willing to hold talks',
    ]);
  });
});

describe('positions: declining to engage', () => {
  it('reads "would not sit down with", "won’t take part" as refusals', () => {
    expect(brief('Chile said it would not sit down with any delegation the rebels send.')).toEqual([
      'Chile refusal: would not sit down with any delegation the rebels send',
    ]);
    expect(brief('Peru won’t take part, officials said.')).toEqual(['Peru refusal: won’t take part']);
  });
});
