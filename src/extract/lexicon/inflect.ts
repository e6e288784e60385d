/**
 * Inflection helpers for the lexicon: a verb class is written as base forms ("promise",
 * "put forward", "rule out") and expanded here to every finite and non-finite form, so the
 * data files stay short and readable. Irregular pasts are given with a slash: "give/gave/given".
 */

const VOWELS = 'aeiou';

/** Regular forms of a one-word base: promise → promises, promised, promising. */
function regular(base: string): string[] {
  const b = base.toLowerCase();
  const last = b[b.length - 1];
  const prev = b[b.length - 2] ?? '';
  let s: string;
  if (/(?:s|x|z|ch|sh)$/.test(b)) s = `${b}es`;
  else if (last === 'y' && !VOWELS.includes(prev)) s = `${b.slice(0, -1)}ies`;
  else s = `${b}s`;
  let ed: string;
  let ing: string;
  if (last === 'e') {
    ed = `${b}d`;
    ing = `${b.slice(0, -1)}ing`;
  } else if (last === 'y' && !VOWELS.includes(prev)) {
    ed = `${b.slice(0, -1)}ied`;
    ing = `${b}ing`;
  } else if (/^[^aeiou]*[aeiou][bdgmnprt]$/.test(b)) {
    // one-syllable consonant-vowel-consonant: stop → stopped, plan → planned
    ed = `${b}${last}ed`;
    ing = `${b}${last}ing`;
  } else {
    ed = `${b}ed`;
    ing = `${b}ing`;
  }
  return [b, s, ed, ing];
}

/**
 * Every form of a verb entry. "rule out" → rule out, rules out, ruled out, ruling out;
 * "give/gave/given" → give, gives, gave, given, giving; "label/labelled/labelled" keeps both spellings.
 */
export function verbForms(entry: string): string[] {
  const [head, ...rest] = entry.trim().split(/\s+/);
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const parts = head.split('/');
  const reg = regular(parts[0]);
  const forms = parts.length > 1 ? [reg[0], reg[1], ...parts.slice(1), reg[3]] : reg;
  if (parts.length > 1 && parts.slice(1).every((p) => p.endsWith('ed'))) forms.push(reg[2]);
  return [...new Set(forms)].map((f) => `${f}${tail}`);
}

/** A regex alternation of every form of every entry, longest first; spaces match any whitespace. */
export function alternation(entries: readonly string[]): string {
  const all = [...new Set(entries.flatMap(verbForms))].sort((x, y) => y.length - x.length);
  return all.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
}

/** A regex alternation of plain words or phrases (no inflection), longest first. */
export function words(list: readonly string[]): string {
  return [...new Set(list)]
    .sort((x, y) => y.length - x.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}
