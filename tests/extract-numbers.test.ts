import { describe, expect, it } from 'vitest';
import { countBefore, findNumbers, numberSpans } from '../src/extract/numbers';
import { splitSentences } from '../src/extract/sentences';

const spans = (t: string): Array<[string, string, number | null, boolean]> => findNumbers(t).map((n) => [n.text, n.kind, n.value, n.lowerBound]);

describe('numbers as spans', () => {
  it('reads words, dozens and ranges (a range counts its lower bound)', () => {
    expect(spans('Sources counted two dozen shells and between 40 and 60 mortar rounds.')).toEqual([
      ['two dozen', 'count', 24, false],
      ['between 40 and 60', 'range', 40, true],
    ]);
    expect(spans('some 300 to 400 of them')).toEqual([['some 300 to 400', 'range', 300, true]]);
    expect(spans('at least 17 fishermen')).toEqual([['at least 17', 'count', 17, true]]);
  });

  it('gives a vague plural no count', () => {
    expect(spans('hundreds of gliders and thousands of leaflets')).toEqual([
      ['hundreds', 'vague', null, false],
      ['thousands', 'vague', null, false],
    ]);
    // "several" and "many" are quantifiers, not numbers at all.
    expect(spans('several barges and many tugs')).toEqual([]);
  });

  it('does not count names, dates, years, times and measures', () => {
    const kinds = findNumbers('Radio Nueve 7 said on May 4, 2023 at 06:15 that a 30 percent share of 5 ferries sank.').map((n) => [n.text, n.kind]);
    expect(kinds).toEqual([
      ['7', 'name'],
      ['4', 'date'],
      ['2023', 'year'],
      ['06', 'name'],
      ['15', 'name'],
      ['30', 'measure'],
      ['5', 'count'],
    ]);
  });

  it('is a document annotation in article offsets, and finds the count before a noun', () => {
    const text = 'Calm returned.\nOfficials said 12 gliders crossed the lake.';
    const ns = numberSpans(splitSentences(text));
    expect(ns).toHaveLength(1);
    expect(text.slice(ns[0].start, ns[0].end)).toBe('12');
    const at = text.indexOf('gliders');
    expect(countBefore(ns, at, text)?.value).toBe(12);
    // A number two words back behind a verb does not count the noun.
    expect(countBefore(ns, text.indexOf('lake'), text)).toBeNull();
  });
});
