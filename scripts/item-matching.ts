/**
 * The scorer's pairing and F1 for one article, as the training scripts use them: gold items and
 * system items, each system item covering the gold items its sentence contains.
 */

/** Maximum one-to-one matching of system items to gold items (Kuhn's augmenting paths): which items are matched. */
export function matchedItems(goldN: number, items: ReadonlyArray<readonly number[]>): boolean[] {
  const owner = new Array<number>(goldN).fill(-1);
  const tryItem = (j: number, seen: boolean[]): boolean => {
    for (const g of items[j]!) {
      if (seen[g]) continue;
      seen[g] = true;
      if (owner[g] === -1 || tryItem(owner[g]!, seen)) {
        owner[g] = j;
        return true;
      }
    }
    return false;
  };
  for (let j = 0; j < items.length; j++) tryItem(j, new Array<boolean>(goldN).fill(false));
  const out = new Array<boolean>(items.length).fill(false);
  for (const j of owner) if (j >= 0) out[j] = true;
  return out;
}

/** How many items the maximum matching pairs. */
export const matchedCount = (goldN: number, items: ReadonlyArray<readonly number[]>): number => matchedItems(goldN, items).filter(Boolean).length;

/** The scorer's F1 for one article, or null when neither side has items (not counted). */
export function articleF1(tp: number, nSys: number, nGold: number): number | null {
  if (nSys + nGold === 0) return null;
  const p = nSys === 0 ? (nGold === 0 ? 1 : 0) : tp / nSys;
  const r = nGold === 0 ? (nSys === 0 ? 1 : 0) : tp / nGold;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}
