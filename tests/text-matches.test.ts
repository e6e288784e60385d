import { describe, expect, it } from 'vitest';
import { allMatches } from '../src/text/matches';

/** What matchAll gives: the matched text, index and groups of each match. */
const shape = (ms: Iterable<RegExpMatchArray>): Array<[string, number | undefined, string[]]> => [...ms].map((m) => [m[0], m.index, [...m.slice(1)].map((g) => g ?? '-')]);

describe('allMatches', () => {
  const cases: Array<[RegExp, string]> = [
    [/\b(said|says|told)\b/gi, 'The envoy said talks would resume; she Said so, and told reporters.'],
    [/(?<q>at least|about)\s+(\d+)/g, 'at least 12 were hurt and about 30 fled'],
    [/,?\s*/g, 'a, b,c'],
    [/\p{Lu}?/gu, 'Ab😀Cd'],
    [/x*/g, '😀x😀'],
    [/\bnothing here\b/g, 'a sentence without the words'],
  ];
  it.each(cases)('gives the matches String.matchAll gives for %s', (re, text) => {
    expect(shape(allMatches(re, text))).toEqual(shape(text.matchAll(re)));
  });

  it('starts at lastIndex, as matchAll does, and leaves it as it was', () => {
    const re = /\d+/g;
    const text = '10 then 20 then 30';
    re.lastIndex = 3;
    const expected = shape(text.matchAll(re));
    expect(shape(allMatches(re, text))).toEqual(expected);
    expect(expected.map((m) => m[0])).toEqual(['20', '30']);
    expect(re.lastIndex).toBe(3);
  });

  it('lets a loop over the matches use the same regex again', () => {
    const re = /\b\w/g;
    const seen: string[] = [];
    for (const m of allMatches(re, 'one two')) seen.push(`${m[0]}${allMatches(re, 'x y').length}`);
    expect(seen).toEqual(['o2', 't2']);
  });

  it('refuses a regex without the g flag, as matchAll does', () => {
    expect(() => allMatches(/a/, 'a')).toThrow(TypeError);
    expect(() => 'a'.matchAll(/a/)).toThrow(TypeError);
  });
});
