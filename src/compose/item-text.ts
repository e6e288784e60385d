/**
 * Where a printed text may end. An item's text is a stretch of its source sentence; the
 * extractor may stop it inside a clause ("… agreeing and signing (an)") or even inside a word.
 * Print never does: a text that stops short is completed from its sentence to the clause's end
 * (or, when it stops on the conjunction that opens the next clause, ends before it), and a text too long for its place is shortened at a clause end, else at a word, with an
 * ellipsis only after a whole word.
 */

import type { SourceRef } from '../model';

/** Punctuation that ends a clause; a closing quote or bracket right after it belongs to the clause. */
const CLAUSE_END = /[,;:.!?]|\s[—–]\s/u;
const CLOSERS = /^[”"’»)\]]+/u;
/** Words a clause cannot end on ("… the summit in"). */
const OPEN_END = /(?:\b(?:in|on|at|of|to|for|with|by|from|into|and|or|but|nor|the|a|an|that|which|who|whose|as|than|its|their|his|her|our)|\(an?\))$/iu;
/** A conjunction (and an adverb) ending a text: the start of the next clause, cut off. */
const DANGLING_JOIN = /[\s,]+(?:and|or|but|nor)(?:\s+(?:again|also|then|later|even|still))?$/iu;
/** How much of its sentence a text may grow by to reach its clause's end. */
const MAX_GROWTH = 90;

const count = (s: string, re: RegExp): number => (s.match(re) ?? []).length;
/** A quotation or bracket opened and not closed. */
function unbalanced(s: string): boolean {
  return count(s, /“/g) > count(s, /”/g) || count(s, /«/g) > count(s, /»/g) || count(s, /\(/g) > count(s, /\)/g) || count(s, /"/g) % 2 === 1;
}

/** True when the text stops where no clause ends: inside a word, on a word that needs more, inside a quotation or bracket. */
export function stopsShort(text: string, after: string): boolean {
  const t = text.trimEnd();
  if (/[.!?…]["”’»)\]]*$/u.test(t)) return false;
  if (/^[\p{L}\p{N}]/u.test(after)) return true;
  return OPEN_END.test(t) || unbalanced(t);
}

/**
 * The text completed from its source sentence: when it stops short and the sentence goes on,
 * it is carried to the end of the clause (with the closing quotation mark or bracket), if that
 * is near. Otherwise the text as it is.
 */
export function wholeText(text: string, sentence: string | null | undefined): string {
  const t = text.trim();
  if (!sentence || !t) return t;
  // "condemned the attacks and again": the next clause is another item; the text ends before its conjunction
  const dangling = DANGLING_JOIN.exec(t);
  if (dangling && t.slice(0, dangling.index).trim().split(/\s+/).length >= 3) return t.slice(0, dangling.index).trim();
  const at = sentence.indexOf(t);
  if (at < 0) return t;
  const after = sentence.slice(at + t.length);
  // a quotation still open where the sentence ends (the splitter left its closing mark outside) is closed
  if (!after.trim()) return count(t, /“/g) === count(t, /”/g) + 1 ? `${t}”` : t;
  if (!stopsShort(t, after)) return t;
  const m = CLAUSE_END.exec(after);
  const end = m ? m.index : after.length;
  if (end > MAX_GROWTH) return t;
  let grown = t + after.slice(0, end);
  const rest = after.slice(end);
  // "… signing (an) agreement,” informed …": the quotation closes after the clause's comma
  const closers = CLOSERS.exec(rest.replace(/^[,;:]/u, ''));
  if (m && /[,;:]/u.test(m[0]) && closers && unbalanced(grown)) grown += closers[0];
  else if (m && /[.!?]/u.test(m[0])) grown += m[0] + (CLOSERS.exec(rest.slice(1))?.[0] ?? '');
  return grown.trim();
}

/**
 * `s` shortened to at most `max` characters (plus the ellipsis): at the last clause end in its
 * second half, else at the last word; " …" follows a whole word only. A text of one long word
 * is kept whole up to 1.5 × max, else cut with the ellipsis where no word ends.
 */
export function shorten(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const head = one.slice(0, max + 1);
  const clause = Math.max(...[',', ';', ':', ' —', ' –'].map((p) => head.lastIndexOf(p)));
  const word = head.lastIndexOf(' ');
  let at = clause >= max / 2 ? clause : word;
  if (at <= 0) {
    if (one.length <= max * 1.5) return one;
    at = max;
  }
  return `${one.slice(0, at).replace(/[\s,;:—–-]+$/u, '')} …`;
}

/** An item's text completed from the first of its sources that holds it (see `wholeText`). */
export function completed<T extends { text: string; sources: readonly SourceRef[] }>(x: T): T {
  const sentence = x.sources.find((r) => r.sentence.includes(x.text.trim()))?.sentence;
  const text = wholeText(x.text, sentence);
  return text === x.text ? x : { ...x, text };
}
