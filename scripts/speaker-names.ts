/**
 * The scorer's test of whether two speaker names are the same (../shared/eval/score.mjs
 * sameName): titles dropped, surname equal after transliteration folding, first initials equal
 * when both have one. The speaker trainer labels its candidates with it.
 */
const TITLES = new Set(`mr mrs ms miss dr prof sir dame lord lady president vice prime minister deputy foreign defence
  defense interior secretary state general gen lt lieutenant col colonel maj major brig brigadier adm admiral air marshal
  wing commander captain capt sgt sergeant field chief envoy special ambassador adviser advisor senator sen rep
  representative gov governor mayor king queen prince princess sheikh emir crown chancellor spokesman spokeswoman
  spokesperson speaker chairman chair director head leader commander-in-chief pope cardinal rabbi imam judge justice
  the former acting late`.split(/\s+/));
const fold = (s: unknown): string => String(s ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’'`]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
const foldToken = (t: string): string => t.replace(/yy$/, 'y').replace(/(iy|ii|yi|yj|ij)$/, 'y').replace(/ei$/, 'ey').replace(/y(?=[aeiou])/g, '')
  .replace(/kh/g, 'h').replace(/ts/g, 'c').replace(/([a-z])\1/g, '$1').replace(/y/g, 'i');

function nameKey(name: unknown): { surname: string; first: string | null } | null {
  const toks = fold(name).split(' ').filter((t) => t.length > 1);
  while (toks.length > 1 && TITLES.has(toks[0]!)) toks.shift();
  if (!toks.length || (toks.length === 1 && TITLES.has(toks[0]!))) return null;
  return { surname: foldToken(toks[toks.length - 1]!), first: toks.length > 1 ? foldToken(toks[0]!)[0]! : null };
}

export function sameName(a: unknown, b: unknown): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (!ka || !kb || ka.surname !== kb.surname) return false;
  return !ka.first || !kb.first || ka.first === kb.first;
}
