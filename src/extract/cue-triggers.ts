/**
 * Trigger words for cue regexes: a cheap test of whether a cue can match a sentence at all,
 * so that a detector runs a cue's regex only on the sentences that hold one of its first words.
 *
 * `triggersOf(source)` reads a cue's regex source (case-insensitive, as the lexicon writes them)
 * and returns the keys its matches must start with: for each top-level alternative, the literal
 * that opens it at a word boundary, in lower case. When the source can only end the word after
 * the literal (white space, `\b`, a mark) the key is that whole word with a trailing space
 * ("\bonly if\b" → "only ", "\b(?:will|would) never" → "will ", "would "), so "is" does not fire on
 * "Israel"; otherwise it is a word prefix of up to MAX_KEY letters ("\bdemands? that" → "demand").
 * Look-arounds before the literal are skipped (they only narrow a match). An alternative that
 * opens with anything else (a class, a repeated group, no word boundary) makes the cue
 * untestable: `null`, run it on every sentence.
 *
 * `sentenceKeys(text)` gives every prefix and every whole word (with a trailing space) of the
 * words of a sentence, as the regex engine splits words (ASCII letters, digits and "_"), so that
 * a cue whose keys are all absent cannot match: the test only ever skips sentences the regex would
 * not match. `triggerIndex` marks the same cues by walking each word down a trie of the keys.
 */

const MAX_KEY = 12;
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
/** True when any quantifier starts at `i`. */
const quantifierAt = (src: string, i: number): boolean => src[i] === '?' || src[i] === '*' || src[i] === '+' || src[i] === '{';

/**
 * True when what stands at `i` of a source can only match where a word ends: white space, a
 * boundary, a character that is not a word character, the end. Anything else (a group, a class,
 * `.`, `\w`, the end of a group's alternative, whose continuation is not known here) may go on
 * with word characters.
 */
function wordEndsAt(src: string, i: number): boolean {
  if (i >= src.length) return false;
  const ch = src[i];
  if (ch === '\\') {
    const next = src[i + 1] ?? '';
    // \s, \b, \W; an escaped mark ("\-", "\.") is that character.
    return next === 's' || next === 'b' || next === 'W' || (!/[A-Za-z0-9_]/.test(next) && next !== '');
  }
  if (ch === '$') return true;
  // "(?: not| never)": every alternative of a plain group (and what follows it, if it is optional) ends the word.
  if (src.startsWith('(?:', i)) {
    const end = groupEnd(src, i);
    if (end < 0 || (quantifierAt(src, end) && !(src[end] === '?' && src[end + 1] !== '?'))) return false;
    const rest = src[end] === '?' ? src.slice(end + 1) : src.slice(end);
    return alternatives(src.slice(i + 3, end - 1)).every((alt) => wordEndsAt(alt + rest, 0)) && (src[end] !== '?' || wordEndsAt(rest, 0));
  }
  if (ch === '(' || ch === '[' || ch === '.' || ch === '|' || ch === ')' || quantifierAt(src, i)) return false;
  return !WORD.test(ch.toLowerCase());
}

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
    const optional = optionalAt(alt, end);
    if (optional && (alt[end] !== '?' || alt[end + 1] === '?')) return null;
    // What follows each of the group's alternatives: the rest of this one, unless the group repeats.
    const rest = optional ? alt.slice(end + 1) : quantifierAt(alt, end) ? null : alt.slice(end);
    const keys: string[] = [];
    for (const inner of alternatives(alt.slice(bodyStart, end - 1))) {
      const k = keysOf(rest === null ? inner : inner + rest, atBoundary);
      if (!k) return null;
      keys.push(...k);
    }
    // "(?:steep |major )?challenges": the group's first words, or what follows it ("?" only: "*" and "{0," may repeat).
    if (optional) {
      const after = keysOf(alt.slice(end + 1), atBoundary);
      return after ? [...keys, ...after] : null;
    }
    return keys;
  }
  if (!atBoundary) return null;
  // "[Ww]ill": a class of plain letters opens a word with one of them, then the literal after it.
  const cls = /^\[([A-Za-z]+)\]/.exec(alt.slice(i));
  if (cls) {
    if (optionalAt(alt, i + cls[0].length)) return null;
    const tail = literalAt(alt, i + cls[0].length);
    return [...new Set(cls[1].toLowerCase())].map((c) => (tail.quantified || tail.text === '' ? c : c + tail.key));
  }
  const lit = literalAt(alt, i);
  return lit.text ? [lit.key] : null;
}

/**
 * The literal word characters from `i` (lower case), stopping before a character under a
 * quantifier; its key is the whole word (with a trailing space) when the source can only end
 * the word there, else the literal as a word prefix, at most MAX_KEY characters.
 */
function literalAt(alt: string, i: number): { text: string; key: string; quantified: boolean } {
  let lit = '';
  let k = i;
  for (; k < alt.length && lit.length < MAX_KEY; k++) {
    const ch = alt[k].toLowerCase();
    if (!WORD.test(ch)) break;
    // "demands?": a letter under a quantifier is not (or not only) part of the literal.
    if (quantifierAt(alt, k + 1)) return { text: lit, key: lit, quantified: true };
    lit += ch;
  }
  const whole = lit !== '' && lit.length < MAX_KEY && wordEndsAt(alt, k);
  return { text: lit, key: whole ? `${lit} ` : lit, quantified: false };
}

/**
 * A cue's test: the keys its matches must start with (the set itself, as before), and per
 * top-level alternative of its source the groups of keys that must all be present, each group one
 * of whose keys must be (`alternatives`): "\bis\s+expected\s+to\b" needs "is ", "expected " and
 * "to ", so a sentence with "is" alone skips it.
 */
export interface Triggers extends ReadonlySet<string> {
  readonly alternatives: ReadonlyArray<ReadonlyArray<ReadonlySet<string>>>;
}

/** The keys a match of `source` must start with, and what each alternative needs; null when the cue cannot be tested that way. */
export function triggersOf(source: string): Triggers | null {
  const alternativesOf: Array<ReadonlyArray<ReadonlySet<string>>> = [];
  const all: string[] = [];
  for (const alt of alternatives(`(?:${source})`.slice(3, -1))) {
    const opening = keysOf(alt, false);
    if (!opening) return null;
    all.push(...opening);
    const groups: Array<ReadonlySet<string>> = [new Set(opening)];
    const same = (x: ReadonlySet<string>, y: ReadonlySet<string>): boolean => x.size === y.size && [...x].every((k) => y.has(k));
    for (const g of requiredWords(alt, false).groups) if (!groups.some((h) => same(g, h))) groups.push(g);
    alternativesOf.push(groups);
  }
  return Object.assign(new Set(all), { alternatives: alternativesOf });
}

/** The characters a class `[...]` matches are never word characters (no letter, digit, "_", range or escape class). */
function nonWordClass(body: string): boolean {
  if (body.startsWith('^')) return false;
  for (let k = 0; k < body.length; k++) {
    const ch = body[k];
    if (ch === '\\') {
      const next = body[k + 1] ?? '';
      if (next !== 's' && /[A-Za-z0-9_]/.test(next)) return false;
      k++;
    } else if (ch === '-' && k > 0 && k < body.length - 1) return false;
    else if (WORD.test(ch.toLowerCase()) || wordCode(ch.charCodeAt(0)) >= 0) return false;
  }
  return true;
}

/** The quantifier at `i`: its length and whether it allows zero repetitions (lazy marks included). */
function quantifierOf(src: string, i: number): { length: number; optional: boolean } {
  const ch = src[i];
  if (ch === '?' || ch === '*' || ch === '+') return { length: src[i + 1] === '?' ? 2 : 1, optional: ch !== '+' };
  if (ch === '{') {
    const m = /^\{(\d+)(?:,\d*)?\}\??/.exec(src.slice(i));
    if (m) return { length: m[0].length, optional: m[1] === '0' };
  }
  return { length: 0, optional: false };
}

/**
 * The words a match of one alternative (a sequence, no top-level "|") must hold besides its opening:
 * each literal that starts a word at the top level of the sequence (after white space, a mark, a
 * boundary), and each required group whose alternatives all open with a literal there, as groups
 * of keys one of which must be present; also whether the sequence can only end where a word
 * starts next (`wordStart`). `wordStart` on entry: whether a word starts where the sequence does.
 * Anything not understood only stops a word from counting as required, never adds one.
 */
function requiredWords(alt: string, wordStart: boolean): { groups: Array<ReadonlySet<string>>; wordStart: boolean } {
  const groups: Array<ReadonlySet<string>> = [];
  let start = wordStart;
  let i = 0;
  while (i < alt.length) {
    const ch = alt[i];
    if (alt.startsWith('(?=', i) || alt.startsWith('(?!', i) || alt.startsWith('(?<=', i) || alt.startsWith('(?<!', i)) {
      const end = groupEnd(alt, i);
      if (end < 0) return { groups, wordStart: false };
      // a positive look-ahead with one alternative must match too: its words are required
      if (alt.startsWith('(?=', i)) {
        const body = alt.slice(i + 3, end - 1);
        if (alternatives(body).length === 1) groups.push(...requiredWords(body, false).groups);
      }
      i = end;
      continue;
    }
    if (ch === '(') {
      const end = groupEnd(alt, i);
      if (end < 0) return { groups, wordStart: false };
      const bodyStart = alt.startsWith('(?:', i) ? i + 3 : alt.startsWith('(?<', i) ? alt.indexOf('>', i) + 1 : i + 1;
      const inner = alternatives(alt.slice(bodyStart, end - 1));
      const q = quantifierOf(alt, end);
      if (!q.optional && start) {
        // every alternative opens with a word here: one of their opening keys is required
        const rest = q.length ? '' : alt.slice(end);
        const keys: string[] = [];
        let ok = true;
        for (const a of inner) {
          const k = keysOf(a + rest, true);
          if (!k) {
            ok = false;
            break;
          }
          keys.push(...k);
        }
        if (ok && keys.length) groups.push(new Set(keys));
      }
      const endsAtWord = inner.every((a) => requiredWords(a, start).wordStart);
      start = q.optional ? start && endsAtWord : endsAtWord;
      i = end + q.length;
      continue;
    }
    if (ch === '[') {
      let k = i + 1;
      for (; k < alt.length && alt[k] !== ']'; k++) if (alt[k] === '\\') k++;
      const nonWord = nonWordClass(alt.slice(i + 1, k));
      const q = quantifierOf(alt, k + 1);
      start = nonWord ? (q.optional ? start : true) : false;
      i = k + 1 + q.length;
      continue;
    }
    if (ch === '\\') {
      const next = alt[i + 1] ?? '';
      if (next === 'b') {
        start = true;
        i += 2;
        continue;
      }
      let len = 2;
      if ((next === 'p' || next === 'P') && alt[i + 2] === '{') len = alt.indexOf('}', i) + 1 - i;
      const nonWord = next === 's' || next === 'W' || (!/[A-Za-z0-9_]/.test(next) && next !== '');
      const q = quantifierOf(alt, i + len);
      start = nonWord ? (q.optional ? start : true) : false;
      i += len + q.length;
      continue;
    }
    if (ch === '^' || ch === '$') {
      i++;
      continue;
    }
    if (ch === '.' || ch === ')' || ch === '|') {
      const q = quantifierOf(alt, i + 1);
      start = false;
      i += 1 + q.length;
      continue;
    }
    if (WORD.test(ch.toLowerCase())) {
      const lit = literalAt(alt, i);
      if (start && lit.text) groups.push(new Set([lit.key]));
      // past the literal (and the quantified letter after it, with its quantifier)
      let k = i + lit.text.length;
      if (lit.quantified) k += 1 + quantifierOf(alt, k + 1).length;
      else if (k === i) k++;
      start = false;
      i = k;
      continue;
    }
    // any other character stands for itself: a mark or a space, not a word character
    const q = quantifierOf(alt, i + 1);
    start = q.optional ? start : true;
    i += 1 + q.length;
  }
  return { groups, wordStart: start };
}

/**
 * The word character a code unit stands for when a cue regex (case-insensitive) reads it, in lower
 * case, or -1: ASCII letters, digits and "_", and the two non-ASCII letters whose case folding is
 * ASCII (the Kelvin sign, the long s), in case a cue is ever compiled with the `u` flag.
 */
function wordCode(c: number): number {
  if (c >= 97 && c <= 122) return c;
  if (c >= 65 && c <= 90) return c + 32;
  if ((c >= 48 && c <= 57) || c === 95) return c;
  if (c === 0x212a) return 107;
  if (c === 0x17f) return 115;
  return -1;
}

/** The words of a text as the regex engine splits them, in lower case. */
function wordsOf(text: string): string[] {
  const out: string[] = [];
  let w = '';
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? wordCode(text.charCodeAt(i)) : -1;
    if (c >= 0) w += String.fromCharCode(c);
    else if (w) {
      out.push(w);
      w = '';
    }
  }
  return out;
}

/** Every key a text can satisfy: each prefix of each word, and each whole word with a trailing space. */
export function sentenceKeys(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of wordsOf(text)) {
    for (let n = 1; n <= w.length; n++) out.add(w.slice(0, n));
    out.add(`${w} `);
  }
  return out;
}

/** What a cue's test asks for: per alternative, groups of keys that must all hold one present key. */
function conditionOf(triggers: ReadonlySet<string>): ReadonlyArray<ReadonlyArray<ReadonlySet<string>>> {
  return 'alternatives' in triggers ? (triggers as Triggers).alternatives : [[triggers]];
}

/** True when the sentence's keys satisfy some alternative of a cue (or the cue cannot be tested). */
export function mayMatch(triggers: ReadonlySet<string> | null, keys: ReadonlySet<string>): boolean {
  if (!triggers) return true;
  return conditionOf(triggers).some((groups) => groups.every((g) => [...g].some((t) => keys.has(t))));
}

/** Symbols of the key trie: a-z, 0-9 and "_" (the word characters `wordCode` gives). */
const SYMBOLS = 37;
const symbolOf = (c: number): number => (c >= 97 ? c - 97 : c === 95 ? 36 : c - 48 + 26);

/**
 * For a list of cues' triggers, a function that marks which cues may match a sentence (the same
 * marks as `mayMatch` with `sentenceKeys`): one pass over the sentence's characters, each word
 * walked down a trie of the keys letter by letter (a flat table of transitions), with no string
 * built; the keys found are then checked against each cue's alternatives.
 */
export function triggerIndex(list: ReadonlyArray<ReadonlySet<string> | null>): (text: string) => Uint8Array {
  // State 0 is the root; next[state * SYMBOLS + symbol] is the state after a letter, 0 for none.
  let next = new Int32Array(64 * SYMBOLS);
  const prefix: number[][] = [[]];
  const whole: number[][] = [[]];
  const always: number[] = [];
  const ids = new Map<string, number>();
  const idOf = (key: string): number => {
    let id = ids.get(key);
    if (id !== undefined) return id;
    ids.set(key, (id = ids.size));
    const isWhole = key.endsWith(' ');
    const letters = isWhole ? key.slice(0, -1) : key;
    let state = 0;
    for (let k = 0; k < letters.length; k++) {
      const at = state * SYMBOLS + symbolOf(letters.charCodeAt(k));
      if (!next[at]) {
        const fresh = prefix.length;
        prefix.push([]);
        whole.push([]);
        if ((fresh + 1) * SYMBOLS > next.length) {
          const grown = new Int32Array(next.length * 2);
          grown.set(next);
          next = grown;
        }
        next[at] = fresh;
      }
      state = next[at];
    }
    (isWhole ? whole : prefix)[state].push(id);
    return id;
  };
  // Per cue, per alternative, per group: the ids of the keys one of which must be present.
  const conditions: Array<Array<Int32Array[]>> = list.map((triggers, i) => {
    if (!triggers) {
      always.push(i);
      return [];
    }
    return conditionOf(triggers).map((groups) => groups.map((g) => Int32Array.from([...g].map(idOf))));
  });
  const table = next;
  // Per key: the cues some alternative of which opens with it (only those cues are checked further).
  const openers: number[][] = Array.from({ length: ids.size }, () => []);
  conditions.forEach((alts, i) => {
    for (const groups of alts) for (const k of groups[0] ?? []) if (!openers[k].includes(i)) openers[k].push(i);
  });
  // Scratch of one call: a key or a cue counts as seen in this call when its entry equals `call`.
  const keySeen = new Int32Array(ids.size);
  const cueSeen = new Int32Array(list.length);
  const candidates = new Int32Array(list.length);
  let call = 0;
  return (text) => {
    const marks = new Uint8Array(list.length);
    for (const i of always) marks[i] = 1;
    const now = ++call;
    let count = 0;
    // state: where the current word's letters lead in the trie; -1 between words, 0 once they leave it.
    let state = -1;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? wordCode(text.charCodeAt(i)) : -1;
      let keys: number[] | null = null;
      if (c < 0) {
        if (state > 0) keys = whole[state];
        state = -1;
      } else if (state !== 0) {
        state = table[(state < 0 ? 0 : state) * SYMBOLS + symbolOf(c)];
        if (state > 0) keys = prefix[state];
      }
      if (!keys) continue;
      for (let j = 0; j < keys.length; j++) {
        const k = keys[j];
        if (keySeen[k] === now) continue;
        keySeen[k] = now;
        const cues = openers[k];
        for (let q = 0; q < cues.length; q++) {
          const cue = cues[q];
          if (cueSeen[cue] === now) continue;
          cueSeen[cue] = now;
          candidates[count++] = cue;
        }
      }
    }
    for (let n = 0; n < count; n++) {
      const i = candidates[n];
      const alts = conditions[i];
      for (let x = 0; x < alts.length; x++) {
        const groups = alts[x];
        let all = true;
        for (let g = 0; g < groups.length && all; g++) {
          const group = groups[g];
          let any = false;
          for (let k = 0; k < group.length && !any; k++) any = keySeen[group[k]] === now;
          all = any;
        }
        if (all) {
          marks[i] = 1;
          break;
        }
      }
    }
    return marks;
  };
}
