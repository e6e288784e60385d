/**
 * Findings sent as what changed: after one more article, nearly every merged item is the same
 * object as in the findings the window already holds (FindingsMerge keeps unchanged items), so
 * the extraction worker sends, per section, the new list as positions in the old one plus the
 * items that are new or changed. The window rebuilds the whole findings from the ones it has.
 * About 12 MB of findings of a 500-article project become a few hundred kilobytes, so neither
 * the worker's message nor the IPC reply holds up Electron's main process.
 * Pure: used by the worker (`diffFindings`) and the renderer (`applyFindingsUpdate`).
 */
import { ITEM_SECTIONS, type Findings, type ItemOf, type ItemSection } from '../model';
import { samePlainData } from '../project/same-data';

export interface FindingsUpdate {
  /** The version these findings are, to name as `base` next time. */
  readonly version: string;
  /** The version the positions refer to; null when every item is in `items` (a full copy). */
  readonly base: string | null;
  /** Per section, the new list: `i >= 0` is item i of the base's list, `-1 - k` is `items[section][k]`. */
  readonly order: { readonly [S in ItemSection]: readonly number[] };
  readonly items: { readonly [S in ItemSection]: ReadonlyArray<ItemOf<S>> };
}

/** `next` as positions in `base` (by object identity) and new items; every item new when `base` is null. */
export function diffFindings(base: Findings | null, next: Findings, version: string, baseVersion: string | null): FindingsUpdate {
  const order = {} as Record<ItemSection, number[]>;
  const items = {} as Record<ItemSection, unknown[]>;
  for (const s of ITEM_SECTIONS) {
    const at = new Map<unknown, number>();
    if (base) base[s].forEach((x, i) => at.set(x, i));
    const o: number[] = [];
    const fresh: unknown[] = [];
    for (const x of next[s] as readonly unknown[]) {
      const i = at.get(x);
      if (i !== undefined) o.push(i);
      else o.push(-1 - (fresh.push(x) - 1));
    }
    order[s] = o;
    items[s] = fresh;
  }
  return { version, base: base ? baseVersion : null, order, items: items as unknown as FindingsUpdate['items'] };
}

/** The findings an update describes, from the findings of its base version (null for a full copy). */
export function applyFindingsUpdate(base: Findings | null, u: FindingsUpdate): Findings {
  if (u.base !== null && !base) throw new Error(`The findings update needs version ${u.base}, which is not at hand.`);
  const out = {} as Record<ItemSection, unknown[]>;
  for (const s of ITEM_SECTIONS) {
    const old = (base?.[s] ?? []) as readonly unknown[];
    const fresh = u.items[s] as readonly unknown[];
    out[s] = u.order[s].map((i) => {
      const x = i >= 0 ? old[i] : fresh[-1 - i];
      if (x === undefined) throw new Error(`The findings update points outside its ${s}.`);
      return x;
    });
  }
  return out as unknown as Findings;
}

/** Whether two findings hold the same items in the same order (an update made for one applies to the other). */
export const sameFindings = (a: Findings, b: Findings): boolean => ITEM_SECTIONS.every((s) => samePlainData(a[s], b[s]));
