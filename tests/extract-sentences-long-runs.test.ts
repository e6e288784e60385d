/**
 * Runs of more than MAX_TOKEN characters without white space (base64, hashes, long links) stay
 * in the sentences, with exact offsets, but are not words of them: no rule reads their pieces
 * as tokens.
 */
import { describe, expect, it } from 'vitest';
import { longRuns, MAX_TOKEN, splitSentences } from '../src/extract/sentences';

/** An invented blob: capitalised chunks, the shape that looked like names to the people stage. */
const blob = (n: number): string => Array.from({ length: n }, (_, k) => `Qz${'Kvb'.repeat(3)}${k % 10}`).join('');

describe('long runs in sentences', () => {
  it('finds the runs over MAX_TOKEN characters, and only those', () => {
    const run = 'x'.repeat(MAX_TOKEN + 1);
    expect(longRuns(`a ${'y'.repeat(MAX_TOKEN)} b`)).toEqual([]);
    expect(longRuns(`a ${run} b\t${run}`)).toEqual([
      [2, 3 + MAX_TOKEN],
      [6 + MAX_TOKEN, 7 + 2 * MAX_TOKEN],
    ]);
    expect(longRuns(run)).toEqual([[0, MAX_TOKEN + 1]]);
  });

  it('keeps the words of a line that holds a blob, and gives the blob no tokens', () => {
    const b = blob(4000);
    const text = `Envoys met in the port city on Monday, the ministry said.\nThe attachment read ${b} and nothing else.\nTalks resume on Friday.`;
    const ss = splitSentences(text);
    for (const s of ss) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      for (const t of s.tokens ?? []) {
        expect(text.slice(t.start, t.end)).toBe(t.text);
        expect(t.text.length).toBeLessThanOrEqual(MAX_TOKEN);
      }
    }
    const blobStart = text.indexOf(b);
    const inBlob = ss.flatMap((s) => s.tokens ?? []).filter((t) => t.start >= blobStart && t.start < blobStart + b.length);
    expect(inBlob).toEqual([]);
    // the blob's text is still covered by sentences, so nothing is lost from the article
    expect(ss.some((s) => s.start <= blobStart + 20_000 && s.end > blobStart + 20_000)).toBe(true);
    const words = ss.flatMap((s) => (s.tokens ?? []).map((t) => t.text));
    expect(words).toEqual(expect.arrayContaining(['Envoys', 'attachment', 'read', 'nothing', 'else', 'Talks', 'Friday']));
    expect(ss[0].text).toBe('Envoys met in the port city on Monday, the ministry said.');
    expect(ss[ss.length - 1].text).toBe('Talks resume on Friday.');
  });

  it('keeps a sentence with a long link whole, without the link as a word', () => {
    const link = `https://example.org/reports/${'a1b2c3'.repeat(20)}`;
    const text = `The agency posted the report at ${link} on Tuesday, an official said.`;
    const [s, ...rest] = splitSentences(text);
    expect(rest).toEqual([]);
    expect(s.text).toBe(text);
    expect((s.tokens ?? []).map((t) => t.text)).not.toContain(link.slice(0, MAX_TOKEN));
    expect((s.tokens ?? []).map((t) => t.text)).toEqual(expect.arrayContaining(['agency', 'Tuesday', 'official', 'said']));
  });
});
