import { describe, expect, it } from 'vitest';
import type { Findings, SourceRef } from '../src/model';
import { mergeFindings } from '../src/extract/merge';
import { ExtractCache, extractCached } from '../src/services/extract-cache';

/**
 * The cache keeps one running merge and adds only new articles to it; whatever the sequence of
 * requests (append, remove, re-add, reorder, another project), the result must equal a full
 * mergeFindings over the request's articles in order. Findings are invented and overlap on
 * purpose: shared people (full name in one article, bare surname in another), one meeting
 * reported twice, one strike with two death tolls.
 */
const ref = (article: string, start: number): SourceRef => ({ article, sentence: 'An invented sentence.', start, end: start + 10 });
const NAMES = ['Tarven Olsk', 'Mirela Dunhoff', 'Osric Palain'];

function findings(i: number): Findings {
  const a = `art-${i}`;
  const full = NAMES[i % NAMES.length];
  const name = i % 2 ? full.split(' ')[1] : full;
  const day = `2024-03-0${1 + (i % 3)}`;
  return {
    people: [{ id: `p-${i}`, name, variants: [], roles: ['envoy'], party: i % 3 ? 'Chile' : 'Bolivia', sources: [ref(a, 0)], confidence: 0.8, conflicts: [] }],
    delegations: [{ id: `d-${i}`, party: 'Chile', venue: 'Lima', date: day, members: [{ personId: null, name, role: 'envoy', leads: i % 2 === 0, sources: [ref(a, 0)] }], sources: [ref(a, 0)], confidence: 0.8, conflicts: [] }],
    positions: [{ id: `q-${i}`, party: 'Chile', kind: 'demand', text: `demanded a ${i % 2 ? 'ceasefire' : 'prisoner exchange'} before the next round`, speaker: name, sources: [ref(a, 20)], confidence: 0.7, conflicts: [] }],
    outlook: [{ id: `o-${i}`, text: `The next round will take place in Lima ${i % 2 ? 'next week' : 'in May'}.`, who: name, horizon: null, date: null, sources: [ref(a, 40)], confidence: 0.7, conflicts: [] }],
    attacks: [{ id: `x-${i}`, attacker: 'Bolivia', location: 'Arica', when: 'overnight', date: '2024-02-28', weapons: [], killed: 3 + (i % 2), injured: null, target: null, intercepted: null, aggregate: false, sources: [ref(a, 60)], confidence: 0.7, conflicts: [] }],
  };
}

const keyOf = (i: number) => `k${i}`;

function cacheOf(n: number): ExtractCache {
  const c = new ExtractCache();
  for (let i = 0; i < n; i++) c.set(keyOf(i), findings(i));
  return c;
}

const request = (ids: readonly number[]) => ({ id: 0, keys: ids.map(keyOf), articles: {} });
const full = (ids: readonly number[]) => mergeFindings(ids.map(findings));

describe('extractCached with a running merge', () => {
  it('equals a full merge through append, remove, re-add, reorder and another project', () => {
    const cache = cacheOf(12);
    const steps: number[][] = [
      [0, 1, 2],
      [0, 1, 2, 3], // one added
      [0, 1, 2, 3, 4, 5], // two added
      [0, 1, 3, 4, 5], // one removed
      [0, 1, 3, 4, 5, 2], // re-added at the end
      [5, 4, 3, 2, 1, 0], // reordered
      [6, 7, 8], // another project
      [6, 7, 8, 9, 10, 11],
      [0, 1, 2, 3, 4, 5, 2], // the same article twice
    ];
    for (const ids of steps) expect(extractCached(cache, request(ids))).toEqual(full(ids));
  });

  it('adds to the running merge on append and starts anew on removal', () => {
    const cache = cacheOf(5);
    extractCached(cache, request([0, 1, 2]));
    const first = cache.running?.merge;
    extractCached(cache, request([0, 1, 2, 3]));
    expect(cache.running?.merge).toBe(first);
    expect(cache.running?.keys).toEqual([0, 1, 2, 3].map(keyOf));
    extractCached(cache, request([0, 2, 3]));
    expect(cache.running?.merge).not.toBe(first);
    expect(cache.running?.keys).toEqual([0, 2, 3].map(keyOf));
  });

  it('the incremental merge has conflicts to keep (the fixture is not trivial)', () => {
    const merged = extractCached(cacheOf(4), request([0, 1, 2, 3]));
    expect(merged.attacks.some((x) => x.conflicts.length > 0)).toBe(true);
    expect(merged.people.length).toBeLessThan(4);
  });
});

describe('extractCached dates a meeting by its article', () => {
  /** The same venue reported without a date in two articles three years apart: two rounds, not one. */
  const undated = (i: number): Findings => {
    const f = findings(i);
    return { ...f, delegations: f.delegations.map((d) => ({ ...d, date: null })) };
  };
  const published = ['2022-03-29', '2025-05-16'];

  it('passes each article date to the merge, as the full merge does', () => {
    const cache = new ExtractCache();
    [0, 1].forEach((i) => {
      cache.set(keyOf(i), undated(i));
      cache.published.set(keyOf(i), published[i]);
    });
    const merged = extractCached(cache, request([0, 1]));
    expect(merged).toEqual(mergeFindings([0, 1].map(undated), undefined, published));
    expect(merged.delegations.length).toBe(2);
  });

  it('without the dates the two reports merge into one meeting (the check above can fail)', () => {
    expect(mergeFindings([0, 1].map(undated)).delegations.length).toBe(1);
  });
});
