// A fast run of the kill harness: children saving projects are SIGKILLed at random moments
// and the project file must always open as exactly one of the two versions. The full run is
// `npx tsx scripts/kill-harness.ts --trials 1000`.
import { describe, expect, it } from 'vitest';
import { runKillHarness } from '../scripts/kill-harness';

const base = { articles: 60, seed: 7, json: true, keep: false, verbose: false };

describe('kill harness', () => {
  it('20 SIGKILLs during saves never leave a partial or missing project', { timeout: 180_000 }, async () => {
    const r = await runKillHarness({ ...base, trials: 20, naive: false });
    expect(r.failureDetails).toEqual([]);
    expect(r.failures).toBe(0);
    expect(r.kills).toBe(20);
    expect(r.openedOld + r.openedNew).toBe(20);
    expect(r.savesCompleted).toBeGreaterThan(0); // kills landed mid-loop, not only at start-up
    expect(r.staleTempsAtEnd).toBe(0);
  });

  it('the harness catches a save that is not atomic (plain overwrite)', { timeout: 180_000 }, async () => {
    // The child only rewrites precomputed text, so nearly every kill lands mid-write.
    const r = await runKillHarness({ ...base, articles: 200, trials: 12, naive: true });
    expect(r.failures).toBeGreaterThan(0);
  });
});
