import { BriefsmithError } from '../model/result';

/**
 * The per-article bounds of extraction. Extraction is synchronous, so the time budget is a
 * deadline checked at points the work passes often (each line of the sentence splitter,
 * between stages, between articles, and inside a stage wherever a detector calls `tickBudget`);
 * the cancel token is checked at the same points. Text
 * longer than MAX_EXTRACT_CHARS is refused up front (a book's worth: about 170,000 words; a
 * long news article has 20,000 characters).
 */
export const ARTICLE_BUDGET_MS = 15_000;
export const MAX_EXTRACT_CHARS = 1_000_000;

/**
 * The clock the budget runs on: the process's CPU time where there is one (a machine busy with
 * other work must not make ordinary articles miss their budget: at load average 24 a sample
 * article took 15 s of wall time for ~1 s of CPU), else wall time.
 */
const proc = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
const now = (): number => {
  if (proc?.cpuUsage) {
    const u = proc.cpuUsage();
    return (u.user + u.system) / 1000;
  }
  return Date.now();
};

let deadline = Infinity;
let cancelled: (() => boolean) | null = null;
let current = '';

/**
 * The wall-clock millisecond of the last reading of `now()`. Reading the process's CPU time is
 * a system call (a twentieth of extraction time when made on every line); the CPU time cannot
 * run far ahead of the wall clock, so it is read at most once per wall-clock millisecond, and
 * always at the first check of an article.
 */
let lastReading = Number.NaN;

/** True when the clock was read in this wall-clock millisecond already. */
function readRecently(): boolean {
  const wall = Date.now();
  if (wall === lastReading) return true;
  lastReading = wall;
  return false;
}

/** Throws when the current article's budget is spent or the run was cancelled. */
export function checkBudget(): void {
  if (cancelled?.()) throw new BriefsmithError('cancelled', 'Extraction was cancelled.');
  if (deadline === Infinity || readRecently()) return;
  if (now() > deadline) {
    throw new BriefsmithError('too-large', `${current}: extraction took more than ${ARTICLE_BUDGET_MS / 1000} s of processor time and was stopped; the article may hold very long lines or machine data.`);
  }
}

/**
 * How many `tickBudget` calls pass between two readings of the clock: reading the process's CPU
 * time costs about a microsecond, a tick costs an increment.
 */
export const TICKS_PER_CHECK = 256;
let ticks = 0;

/**
 * The deadline check for loops inside one stage (over tokens, candidate pairs, clauses): a
 * detector calls it once per step and it reads the clock every TICKS_PER_CHECK calls, so even a
 * single long stage stops soon after the budget is spent, at no measurable cost. Results never
 * depend on it: it returns or throws like `checkBudget`.
 */
export function tickBudget(): void {
  if (++ticks >= TICKS_PER_CHECK) {
    ticks = 0;
    checkBudget();
  }
}

/** Runs `fn` for one article under the budget (label names the article in messages). */
export function withBudget<T>(label: string, text: string, options: { budgetMs?: number; cancelled?: () => boolean }, fn: () => T): T {
  if (text.length > MAX_EXTRACT_CHARS) {
    throw new BriefsmithError('too-large', `${label}: the article has ${text.length.toLocaleString('en-US')} characters, over the ${MAX_EXTRACT_CHARS.toLocaleString('en-US')} that extraction reads.`);
  }
  const saved = { deadline, cancelled, current };
  deadline = now() + (options.budgetMs ?? ARTICLE_BUDGET_MS);
  cancelled = options.cancelled ?? null;
  current = label;
  lastReading = Number.NaN;
  try {
    return fn();
  } finally {
    ({ deadline, cancelled, current } = saved);
    lastReading = Number.NaN;
  }
}
