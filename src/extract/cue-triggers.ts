/**
 * Trigger words for cue regexes: a cheap test of whether a cue can match a sentence at all,
 * so that a detector runs a cue's regex only on the sentences that hold one of its first words.
 *
 * `triggersOf(source)` reads a cue's regex source (case-insensitive, as the lexicon writes them)
 * and returns the keys its matches must start with: for each top-level alternative, the first
 * one to four letters of the literal that opens it at a word boundary ("\bonly if\b" → "only",
 * "\b(?:will|would) never" → "will", "woul"). Look-arounds before the literal are skipped (they
 * only narrow a match). An alternative that opens with anything else (a class, an optional group,
 * no word boundary) makes the cue untestable: `null`, run it on every sentence.
 *
 * `sentenceKeys(text)` gives every prefix of one to four letters of every word of a sentence, as
 * the regex engine splits words (ASCII letters, digits and "_"), so that a cue whose keys are all
 * absent cannot match: the test only ever skips sentences the regex would not match.
 */

const MAX_KEY = 4;
const WORD = /[a-z0-9_]/;

/** The index just after the group opening at `i` (source[i] === '('), skipping escapes and classes. */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  for (let k = i; k < src.length; k++) {
    const ch = src[k];
    if (ch === '\\') k++;
    else if (ch === '[') {
      for (k++; k < src.length && src[k] !== ']'; k++) if (src[k] === '\\') k++;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return k + 1;
  }
  return -1;
}

/** The top-level alternatives of a source (or of a group's body). */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let k = 0; k < src.length; k++) {
    const ch = src[k];
    if (ch === '\\') k++;
    else if (ch === '[') {
      for (k++; k < src.length && src[k] !== ']'; k++) if (src[k] === '\\') k++;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(src.slice(from, k));
      from = k + 1;
    }
  }
  out.push(src.slice(from));
  return out;
}

/** True when a quantifier that allows zero repetitions starts at `i`. */
const optionalAt = (src: string, i: number): boolean => src[i] === '?' || src[i] === '*' || /^\{0[,}]/.test(src.slice(i, i + 3));

/** Keys of one alternative, given whether a word boundary already stands before it; null when untestable. */
function keysOf(alt: string, boundary: boolean): string[] | null {
  let i = 0;
  let atBoundary = boundary;
  for (;;) {
    if (alt.startsWith('\\b', i)) {
      atBoundary = true;
      i += 2;
    } else if (alt.startsWith('(?<!', i) || alt.startsWith('(?<=', i) || alt.startsWith('(?=', i) || alt.startsWith('(?!', i)) {
      const end = groupEnd(alt, i);
      if (end < 0) return null;
      i = end;
    } else break;
  }
  if (i >= alt.length) return null;
  if (alt[i] === '(') {
    const end = groupEnd(alt, i);
    if (end < 0) return null;
    const bodyStart = alt.startsWith('(?:', i) ? i + 3 : alt.startsWith('(?<', i) ? alt.indexOf('>', i) + 1 : i + 1;
    const keys: string[] = [];
    for (const inner of alternatives(alt.slice(bodyStart, end - 1))) {
      const k = keysOf(inner, atBoundary);
      if (!k) return null;
      keys.push(...k);
    }
    // "(?:steep |major )?challenges": the group's first words, or what follows it ("?" only: "*" and "{0," may repeat).
    if (optionalAt(alt, end)) {
      if (alt[end] !== '?' || alt[end + 1] === '?') return null;
      const rest = keysOf(alt.slice(end + 1), atBoundary);
      return rest ? [...keys, ...rest] : null;
    }
    return keys;
  }
  // "[Ww]ill": a class of plain letters opens a word with one of them.
  const cls = /^\[([A-Za-z]+)\]/.exec(alt.slice(i));
  if (cls && atBoundary && !optionalAt(alt, i + cls[0].length)) return [...cls[1].toLowerCase()];
  if (!atBoundary) return null;
  let lit = '';
  for (let k = i; k < alt.length && lit.length < MAX_KEY; k++) {
    const ch = alt[k].toLowerCase();
    if (!WORD.test(ch)) break;
    // "demands?": a letter under a quantifier that allows none is not part of the literal.
    if (optionalAt(alt, k + 1)) break;
    lit += ch;
  }
  return lit ? [lit] : null;
}

/** The keys a match of `source` must start with, or null when the cue cannot be tested that way. */
export function triggersOf(source: string): ReadonlySet<string> | null {
  const keys = keysOf(`(?:${source})`, false);
  return keys ? new Set(keys) : null;
}

/** Every prefix of one to four characters of every word of `text` (lower case). */
export function sentenceKeys(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/[a-z0-9_]+/g)) {
    const w = m[0];
    for (let n = 1; n <= Math.min(MAX_KEY, w.length); n++) out.add(w.slice(0, n));
  }
  return out;
}

/** True when some key of a cue is among the sentence's keys (or the cue cannot be tested). */
export function mayMatch(triggers: ReadonlySet<string> | null, keys: ReadonlySet<string>): boolean {
  if (!triggers) return true;
  for (const t of triggers) if (keys.has(t)) return true;
  return false;
}

/**
 * For a list of cues' triggers, a function that marks which cues may match a sentence: one pass
 * over the sentence's words, each word's prefixes looked up once (cheaper than testing every
 * cue's keys against a set of the sentence's keys).
 */
export function triggerIndex(list: ReadonlyArray<ReadonlySet<string> | null>): (text: string) => Uint8Array {
  const byKey = new Map<string, number[]>();
  const always: number[] = [];
  list.forEach((triggers, i) => {
    if (!triggers) always.push(i);
    else for (const k of triggers) byKey.set(k, [...(byKey.get(k) ?? []), i]);
  });
  return (text) => {
    const marks = new Uint8Array(list.length);
    for (const i of always) marks[i] = 1;
    for (const m of text.toLowerCase().matchAll(/[a-z0-9_]+/g)) {
      const w = m[0];
      for (let n = 1; n <= Math.min(MAX_KEY, w.length); n++) {
        const cues = byKey.get(w.slice(0, n));
        if (cues) for (const i of cues) marks[i] = 1;
      }
    }
    return marks;
  };
}
