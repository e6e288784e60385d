/**
 * `npm run fuzz --jobs J` gives case i to process shardOf(i, J). The heavy cases come at fixed
 * intervals of i; each process must get about its share of every interval, or one process runs
 * all the heavy cases and the run takes as long as that process alone.
 */
import { describe, expect, it } from 'vitest';
import { shardOf } from '../scripts/fuzz-cases';

/** The intervals fuzz-cases.ts makes heavy cases at: [every, at]. */
const HEAVY: Array<[number, number]> = [
  [20, 8],
  [50, 3],
  [50, 6],
  [200, 5],
  [1, 0],
];

describe('fuzz shards', () => {
  it.each([2, 3, 4])('spreads every interval of heavy cases over %i processes', (jobs) => {
    for (const [every, at] of HEAVY) {
      const counts = new Array<number>(jobs).fill(0);
      for (let i = at; i < 10_000; i += every) counts[shardOf(i, jobs)]++;
      const share = 10_000 / every / jobs;
      // within four standard deviations of a fair split (i % jobs puts a whole interval on one process)
      for (const c of counts) expect(Math.abs(c - share), `every ${every} at ${at}: ${counts.join('/')}`).toBeLessThan(4 * Math.sqrt(share));
    }
  });

  it('gives every case to exactly one process, and all to one process when there is one', () => {
    for (let i = 0; i < 1000; i++) {
      const k = shardOf(i, 3);
      expect(k >= 0 && k < 3 && Number.isInteger(k)).toBe(true);
      expect(shardOf(i, 1)).toBe(0);
    }
  });
});
