import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Sentence, Token } from './types';
import { checkBudget } from './budget';

/**
 * Sentence splitting with wink-nlp. Paragraphs are split on newlines first (wink would join a
 * heading without final punctuation to the next sentence); wink handles honorifics ("Mr."),
 * middle initials ("Anna B. Petrova") and dotted acronyms ("U.S.", "F.S.B.").
 * A quotation that wink splits into several sentences ("“A. B,” she said.") is joined back
 * into one, so the speaker stays with the words. Offsets are exact:
 * `text.slice(s.start, s.end) === s.text`.
 */

type Nlp = ReturnType<typeof winkNLP>;
let instance: Nlp | null = null;
/** The one wink-nlp instance of the process (a second instance loses custom entities). */
export function nlp(): Nlp {
  instance ??= winkNLP(model, ['sbd', 'pos']);
  return instance;
}

/** Longest quotation joined into one citation (the scorer accepts up to 800 characters). */
const MAX_JOINED = 700;
const MAX_HEADING_WORDS = 14;
const FINAL_PUNCT = /[.!?…:;"”’'»)\]]$/;

interface Piece {
  start: number;
  end: number;
  tokens: Token[];
}

/**
 * Longest run without white space given to wink as one token. wink's tokenizer tests each
 * token with a regex that is quadratic in the token's length (a 100,000-character base64 blob
 * took 45 s), so longer runs are given to it in pieces of this length; the pieces are
 * substrings of the line in order, so offsets stay exact.
 */
export const MAX_TOKEN = 100;

/** The line as wink should read it: runs without white space longer than MAX_TOKEN broken by spaces. */
export function guardLongTokens(line: string): string {
  if (line.length <= MAX_TOKEN || !hasLongRun(line)) return line;
  return line.replace(/\S{101,}/g, (run) => {
    let out = '';
    for (let i = 0; i < run.length; i += MAX_TOKEN) out += (i ? ' ' : '') + run.slice(i, i + MAX_TOKEN);
    return out;
  });
}

/** True when the line holds a run of more than MAX_TOKEN characters without white space (one pass, no regex). */
function hasLongRun(line: string): boolean {
  let run = 0;
  for (let i = 0; i < line.length; i++) {
    if (isSpace(line.charCodeAt(i))) run = 0;
    else if (++run > MAX_TOKEN) return true;
  }
  return false;
}

/**
 * The runs of more than MAX_TOKEN characters without white space in a line, as [start, end)
 * line offsets in order (one pass): machine data (base64, hashes, long links), not words.
 */
export function longRuns(line: string): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let from = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length && !isSpace(line.charCodeAt(i))) continue;
    if (i - from > MAX_TOKEN) runs.push([from, i]);
    from = i + 1;
  }
  return runs;
}

/**
 * The tokens of a piece that are words: those outside every long run. The pieces wink made of
 * a long run are kept in the sentences (a citation can still reach the text), but they reach no
 * rule as words: a 300,000-character blob would otherwise give thousands of capitalised
 * "names" for the people stage to compare pairwise. `runs` are article offsets, in order.
 */
function wordTokens(tokens: Token[], runs: ReadonlyArray<readonly [number, number]>): Token[] {
  if (!runs.length) return tokens;
  let r = 0;
  return tokens.filter((t) => {
    while (r < runs.length && runs[r][1] <= t.start) r++;
    return !(r < runs.length && runs[r][0] <= t.start && t.start < runs[r][1]);
  });
}

/** The characters `\s` matches in a regular expression (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Letters only, and a letter beyond Latin-1 (where wink breaks a word). */
const LETTERS = /^[\p{L}\p{M}]+$/u;
const BEYOND_LATIN1 = /[\u0100-\u{10ffff}]/u;

/**
 * Tokens of one line with exact offsets, grouped by wink's sentences. wink's output is read
 * once per line (values, parts of speech, and each sentence's first and last token), not once
 * per sentence.
 */
function tokeniseLine(text: string, lineStart: number, lineEnd: number): Piece[] {
  const line = text.slice(lineStart, lineEnd);
  const { its, readDoc } = nlp();
  const doc = readDoc(guardLongTokens(line));
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  const pieces: Piece[] = [];
  let cursor = 0;
  for (const [first, last] of spans) {
    const tokens: Token[] = [];
    for (let i = first; i <= last; i++) {
      const v = values[i];
      if (!v) continue;
      const at = line.indexOf(v, cursor);
      // wink keeps tokens verbatim; a token it rewrote is skipped rather than misplaced.
      if (at < 0 || at - cursor > 40) continue;
      const prev = tokens[tokens.length - 1];
      // wink breaks a word at a letter beyond Latin-1 ("Erdo|ğ|an", "Vu|č|i|ć"): the pieces are one word again
      if (prev && prev.end === lineStart + at && LETTERS.test(prev.text) && LETTERS.test(v) && (BEYOND_LATIN1.test(prev.text) || BEYOND_LATIN1.test(v))) {
        const name = /^\p{Lu}/u.test(prev.text) && (prev.pos === 'PROPN' || prev.pos === 'X');
        tokens[tokens.length - 1] = { text: prev.text + v, start: prev.start, end: lineStart + at + v.length, pos: name ? 'PROPN' : prev.pos === 'X' ? (pos[i] ?? 'X') : prev.pos };
      } else tokens.push({ text: v, start: lineStart + at, end: lineStart + at + v.length, pos: pos[i] ?? 'X' });
      cursor = at + v.length;
    }
    if (tokens.length) pieces.push({ start: tokens[0].start, end: tokens[tokens.length - 1].end, tokens });
  }
  return pieces;
}

/** +1 per opening, -1 per closing quotation mark; straight quotes toggle. */
function quoteBalance(s: string, openStraight: boolean): { depth: number; straight: boolean } {
  let depth = 0;
  let straight = openStraight;
  for (const ch of s) {
    if (ch === '“' || ch === '«') depth++;
    else if (ch === '”' || ch === '»') depth--;
    else if (ch === '"') straight = !straight;
  }
  return { depth, straight };
}

/** Joins runs of pieces that sit inside one quotation. */
function joinQuotes(text: string, pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < pieces.length) {
    let j = i;
    let { depth, straight } = quoteBalance(text.slice(pieces[i].start, pieces[i].end), false);
    while ((depth > 0 || straight) && j + 1 < pieces.length && pieces[j + 1].end - pieces[i].start <= MAX_JOINED) {
      j++;
      const b = quoteBalance(text.slice(pieces[j].start, pieces[j].end), straight);
      depth += b.depth;
      straight = b.straight;
    }
    if (j > i && depth <= 0 && !straight) {
      out.push({ start: pieces[i].start, end: pieces[j].end, tokens: pieces.slice(i, j + 1).flatMap((p) => p.tokens) });
      i = j + 1;
    } else {
      out.push(pieces[i]);
      i++;
    }
  }
  return out;
}

/** Longest sentence kept whole: a citation must stay under the evaluation's 800 characters. */
const MAX_SENTENCE = 780;

/** Splits a run-on piece (a list without full stops) at clause punctuation, else at a word. */
function splitLong(piece: Piece): Piece[] {
  const out: Piece[] = [];
  let p = piece;
  while (p.end - p.start > MAX_SENTENCE && p.tokens.length >= 2) {
    const limit = p.start + MAX_SENTENCE;
    let cut = -1;
    for (let i = 1; i < p.tokens.length - 1; i++) {
      const t = p.tokens[i];
      if (t.end > limit) break;
      if (/^[;:—–,]$/.test(t.text) && t.end - p.start > MAX_SENTENCE / 3) cut = i + 1;
    }
    if (cut < 0) {
      cut = 1;
      while (cut < p.tokens.length - 1 && p.tokens[cut].end <= limit) cut++;
    }
    const head = p.tokens.slice(0, cut);
    const tail = p.tokens.slice(cut);
    out.push({ start: p.start, end: head[head.length - 1].end, tokens: head });
    p = { start: tail[0].start, end: p.end, tokens: tail };
  }
  out.push(p);
  return out;
}

/** A headline in Title Case ("Leaders Meet In Geneva As Talks Resume"), however long: most words capitalised. */
function isTitleCase(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w) && w.length > 3);
  return words.length >= 3 && words.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w)).length >= 0.8 * words.length;
}

const isHeadingLine = (line: string): boolean =>
  !/[.!?]$/.test(line) && /\p{L}/u.test(line) && ((!FINAL_PUNCT.test(line) && line.split(/\s+/).length <= MAX_HEADING_WORDS) || (isTitleCase(line) && line.split(/\s+/).length <= 40));

/** Splits an article's text into sentences and heading lines, in order, with exact offsets. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let a = lineStart;
    let b = lineEnd;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (b > a) {
      checkBudget();
      paragraph++;
      const line = text.slice(a, b);
      const heading = isHeadingLine(line);
      let pieces = tokeniseLine(text, a, b);
      if (heading) pieces = [{ start: a, end: b, tokens: pieces.flatMap((p) => p.tokens) }];
      else pieces = joinQuotes(text, pieces);
      pieces = pieces.flatMap(splitLong);
      const runs = line.length > MAX_TOKEN ? longRuns(line).map(([s, e]) => [a + s, a + e] as const) : [];
      for (const p of pieces) {
        out.push({ index: out.length, start: p.start, end: p.end, text: text.slice(p.start, p.end), paragraph, heading, tokens: wordTokens(p.tokens, runs) });
      }
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

/** The sentence that holds an offset, by binary search (sentences are in text order). */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | null {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}
