/**
 * How long the event loop of this process went without running a 5 ms timer: the longest stall
 * while some work ran. One meter for the benches (bench-service.ts, bench-renderer.ts).
 */
import { readFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';

/**
 * CPU ms this thread has run (Linux: `/proc/thread-self/schedstat`, nanoseconds on a CPU; a
 * synchronous read runs on the calling thread, so a worker reads its own); null elsewhere.
 */
export function threadCpuMs(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

export interface StallMeter {
  /** Forget the stalls seen so far. */
  reset(): void;
  /** The longest gap between ticks since the start or the last reset, in ms. */
  worst(): number;
  /**
   * The most CPU this thread itself ran within one gap between ticks (ms; 0 where the thread's
   * CPU cannot be read): its longest stretch of its own work. A stall much longer than this is
   * the machine's load (other threads and processes on the cores), not this thread's work.
   */
  worstOwn(): number;
  /** Stop ticking (one last tick counts the gap up to now). */
  stop(): void;
}

export function startStallMeter(periodMs = 5): StallMeter {
  let worst = 0;
  let worstOwn = 0;
  let last = performance.now();
  let lastCpu = threadCpuMs();
  const tick = (): void => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
    const cpu = lastCpu === null ? null : threadCpuMs();
    if (cpu !== null && lastCpu !== null) worstOwn = Math.max(worstOwn, cpu - lastCpu);
    lastCpu = cpu;
  };
  const timer = setInterval(tick, periodMs);
  return {
    reset: () => {
      worst = 0;
      worstOwn = 0;
      last = performance.now();
      lastCpu = threadCpuMs();
    },
    worst: () => worst,
    worstOwn: () => worstOwn,
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

/** Garbage-collection pauses of this thread, as `gc` performance entries (one observer for the process, started on first use). */
let gcEntries: Array<{ start: number; ms: number }> | null = null;
let gcObserver: PerformanceObserver | null = null;
const takeGc = (): void => {
  for (const e of gcObserver?.takeRecords() ?? []) gcEntries?.push({ start: e.startTime, ms: e.duration });
  if (gcEntries && gcEntries.length > 10_000) gcEntries.splice(0, gcEntries.length - 10_000);
};

/**
 * The longest garbage-collection pause of this thread from now until `stop()`: the part of a
 * stall the thread's own heap caused. In the benches the thread that plays Electron's main
 * process shares its heap with the window's store (in the app they are two processes), so its
 * pauses include the window's garbage.
 */
export function startGcMeter(): { stop(): number } {
  if (!gcEntries) {
    gcEntries = [];
    gcObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) gcEntries?.push({ start: e.startTime, ms: e.duration });
    });
    gcObserver.observe({ entryTypes: ['gc'] });
  }
  const from = performance.now();
  return {
    stop: () => {
      takeGc();
      return (gcEntries ?? []).filter((e) => e.start + e.ms >= from).reduce((m, e) => Math.max(m, e.ms), 0);
    },
  };
}
