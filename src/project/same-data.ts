/**
 * Deep equality of plain data (what JSON holds), whatever the order of object keys; a key whose
 * value is `undefined` counts as absent. Used where two copies of a project's data are compared:
 * a project file's findings against the extraction's, a file as parsed against its checked form.
 */
export function samePlainData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => samePlainData(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => samePlainData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
