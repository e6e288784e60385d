/**
 * Progress and cancellation for long exports. A renderer reports its work as a share of 100
 * (`done` of `total: 100`), split into phases with weights, so that `done` only grows, ends at
 * `total`, and a caller can show one bar for the whole export. Between steps it checks the cancel
 * token and now and then lets the event loop run, so that a token flipped by a click (an IPC
 * message, a signal) is seen while the export is under way.
 */
import { BriefsmithError, type CancelToken, type Progress } from '../model';

/** The optional last parameter of `compose` and the renderers. */
export interface ExportControl {
  /** Called with `done` of `total` (always 100) and a short label ("page 40 of 512"). */
  readonly progress?: Progress;
  /** Checked between steps; when set, the export throws BriefsmithError('cancelled'). */
  readonly cancel?: CancelToken;
  /** Called at most once per export with a one-line warning (e.g. characters the fonts cannot draw). */
  readonly warn?: (message: string) => void;
}

export const PROGRESS_TOTAL = 100;

export class ExportSteps {
  private last = -1;
  private sinceYield = 0;
  constructor(private readonly control: ExportControl = {}) {}

  /** Throws BriefsmithError('cancelled') when the token is set. */
  check(): void {
    if (this.control.cancel?.cancelled) throw new BriefsmithError('cancelled', 'Export was cancelled.');
  }

  /**
   * Step `i` of `n` of a phase that covers [from, to] of the whole. Reports when the whole share
   * has grown by at least one (and always at the end), then checks the cancel token.
   */
  step(from: number, to: number, i: number, n: number, label: string): void {
    this.report(from, to, i, n, label);
    this.check();
  }

  /** As `step`, without checking the token (for callbacks of libraries that must not throw). */
  report(from: number, to: number, i: number, n: number, label: string): void {
    const done = Math.min(PROGRESS_TOTAL, Math.floor(from + ((to - from) * Math.min(i, n)) / Math.max(n, 1)));
    if (done > this.last) {
      this.last = done;
      this.control.progress?.({ done, total: PROGRESS_TOTAL, label });
    }
  }

  /** The last report: done = total. */
  finish(label = 'done'): void {
    if (this.last < PROGRESS_TOTAL) {
      this.last = PROGRESS_TOTAL;
      this.control.progress?.({ done: PROGRESS_TOTAL, total: PROGRESS_TOTAL, label });
    }
  }

  /** Let the event loop run every `every` calls (so a cancel click can land), then check the token. */
  async breathe(every = 25): Promise<void> {
    if (++this.sinceYield < every) return;
    this.sinceYield = 0;
    if (!this.control.cancel) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.check();
  }
}
