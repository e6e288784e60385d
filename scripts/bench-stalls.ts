/**
 * How long the event loop of this process went without running a 5 ms timer: the longest stall
 * while some work ran. One meter for the benches (bench-service.ts, bench-renderer.ts).
 */
import { performance } from 'node:perf_hooks';

export interface StallMeter {
  /** Forget the stalls seen so far. */
  reset(): void;
  /** The longest gap between ticks since the start or the last reset, in ms. */
  worst(): number;
  /** Stop ticking (one last tick counts the gap up to now). */
  stop(): void;
}

export function startStallMeter(periodMs = 5): StallMeter {
  let worst = 0;
  let last = performance.now();
  const tick = (): void => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  };
  const timer = setInterval(tick, periodMs);
  return {
    reset: () => {
      worst = 0;
      last = performance.now();
    },
    worst: () => worst,
    stop: () => {
      clearInterval(timer);
      tick();
    },
  };
}

/** Runs `work` under a stall meter: its value, its wall time and the longest stall meanwhile. */
export async function withStalls<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; worst: number }> {
  const meter = startStallMeter();
  const t0 = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - t0, worst: meter.worst() };
  } finally {
    meter.stop();
  }
}
