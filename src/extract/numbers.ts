import { MONTH_PATTERN, WEEKDAY_PATTERN } from './lexicon/calendar';
import { APPROXIMATE, EXACT_PHRASES, LOWER_BOUND, MEASURE_UNITS, SCALES, TENS, UNITS, VAGUE, VAGUE_PLURALS } from './lexicon/numbers';
import type { Sentence } from './types';
import { allMatches } from '../text/matches';

/**
 * Counts as news articles write them: digits ("1,100", "2.5 million"), number words
 * ("three", "twenty-five", "two dozen"), ranges ("between 150 and 200" → 150, the lower
 * bound) and vague plurals ("hundreds" → no count). `findNumbers` marks every one in a text
 * as a span with its value; the document keeps them (AnalysedArticle.numbers) so every stage
 * reads the same numbers. Numbers that are names ("Channel 12"), dates ("March 3"), years and
 * measures ("40 percent") are marked as such, so a count is never taken from them.
 */

const WORDS = [...Object.keys(UNITS), ...Object.keys(TENS)].join('|');
/** A number written in words: "three", "twenty-five", "two hundred". */
const WORD_NUMBER = `(?:(?:${WORDS})(?:[- ](?:${Object.keys(UNITS).join('|')}))?(?: (?:hundred|thousand|million))?)`;
const DIGIT_NUMBER = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s?(?:million|thousand|hundred))?`;
const VAGUE_NUMBER = `(?:a dozen|dozens|scores|hundreds|thousands|a couple of|a pair of|a handful of|a hundred|a thousand)`;

/** Regex source for one count (no qualifier), to embed in larger patterns (use the `i` flag). */
export const NUMBER = `(?:${DIGIT_NUMBER}|${VAGUE_NUMBER}|\\b${WORD_NUMBER})`;
/** Qualifiers before a count; "at least", "more than" and "over" make it a lower bound. */
export const QUALIFIER = `(?:(?:${LOWER_BOUND}|${APPROXIMATE})\\s+)`;

/** The value of a count ("1,100" → 1100, "twenty-five" → 25, "dozens" → 12), or null. */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!s) return null;
  if (s in VAGUE) return VAGUE[s];
  const digits = s.match(/^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(million|thousand|hundred)?$/);
  if (digits) {
    const n = Number(digits[1].replace(/,/g, '')) * (digits[2] ? SCALES[digits[2]] : 1);
    return Number.isFinite(n) ? Math.round(n) : null;
  }
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of s.split(/[\s-]+/)) {
    if (w === 'and' || w === 'a') continue;
    if (w in UNITS) current += UNITS[w];
    else if (w in TENS) current += TENS[w];
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w === 'dozen') current = (current || 1) * 12;
    else if (w === 'thousand' || w === 'million') {
      total += (current || 1) * SCALES[w];
      current = 0;
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}

/** A count with its qualifier: "at least three" → { value: 3, lowerBound: true }. */
export interface Count {
  readonly value: number;
  readonly lowerBound: boolean;
  readonly text: string;
}

const COUNT_RE = new RegExp(`^(${QUALIFIER})?(${NUMBER})$`, 'i');

/** Parses "at least three", "more than 1,000", "dozens" into a count, or null. */
export function parseCount(raw: string): Count | null {
  const m = raw.trim().match(COUNT_RE);
  if (!m) return null;
  const value = parseNumber(m[2]);
  if (value == null) return null;
  const q = (m[1] ?? '').trim().toLowerCase();
  return { value, lowerBound: new RegExp(`^(?:${LOWER_BOUND})$`).test(q), text: raw.trim() };
}

/** What a number in the text is. Only `count`, `range` and `vague` count things. */
export type NumberKind = 'count' | 'range' | 'vague' | 'year' | 'date' | 'name' | 'measure' | 'ordinal';

/** One number in the text: offsets in the searched string (article offsets in the document annotation). */
export interface NumberSpan {
  readonly start: number;
  readonly end: number;
  /** The words, qualifier included ("at least 40", "between 150 and 200"). */
  readonly text: string;
  /** The count (a range's lower bound); null for vague amounts ("hundreds") and non-counts. */
  readonly value: number | null;
  /** "at least", "more than", a range: the true figure may be higher. */
  readonly lowerBound: boolean;
  readonly kind: NumberKind;
}

const ONE_NUMBER = `(?:${DIGIT_NUMBER}|(?:${WORD_NUMBER})(?:\\s+dozen)?|half a dozen|a dozen|a couple of|a pair of|a hundred|a thousand|a single)`;
/**
 * One pass over a text: an optional qualifier, then a range ("between A and B", "A to B",
 * "A-B"), an exact phrase or number, or a vague plural. Built once.
 */
const SPAN_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?<q>${LOWER_BOUND}|${APPROXIMATE}|between|from)\s+)?(?:(?<a>${ONE_NUMBER})(?:\s*(?:and|to|or|-|–)\s*(?<b>${ONE_NUMBER}))?|(?<v>${VAGUE_PLURALS}))(?![\p{L}\p{N}])`,
  'giu',
);
const NAME_BEFORE = new RegExp(String.raw`(?:^|[^.!?]\s)(\p{Lu}[\p{L}]*)[\s-]$`, 'u');
const MONTH_OR_DAY = new RegExp(`^(?:${MONTH_PATTERN}|${WEEKDAY_PATTERN}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?$`, 'i');
const MONTH_AFTER = new RegExp(`^\\s+(?:of\\s+)?(?:${MONTH_PATTERN})\\b`, 'i');
const MEASURE_AFTER = new RegExp(`^\\s*(?:${MEASURE_UNITS})(?![\\p{L}])`, 'iu');
const ORDINAL_AFTER = /^(?:st|nd|rd|th)\b/i;
const WORD_START = /^[a-z]/i;

/** Every number in `text`, left to right; `offset` is added to the offsets (the text's place in the article). */
export function findNumbers(text: string, offset = 0): NumberSpan[] {
  const out: NumberSpan[] = [];
  if (!/[0-9]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|couple|pair|single|scores|handful|several|many|numerous|millions)/i.test(text)) return out;
  for (const m of allMatches(SPAN_RE, text)) {
    const g = m.groups ?? {};
    let start = m.index ?? 0;
    let raw = m[0];
    let q = (g.q ?? '').toLowerCase();
    // "between" or "from" without a second number is not a qualifier: "from 12 cities".
    if ((q === 'between' || q === 'from') && !g.b) {
      start += raw.indexOf(g.a ?? g.v ?? raw);
      raw = raw.slice(raw.indexOf(g.a ?? g.v ?? raw));
      q = '';
    }
    const end = start + raw.length;
    const after = text.slice(end, end + 24);
    const before = text.slice(Math.max(0, start - 24), start);
    const lowerBound = q !== '' && new RegExp(`^(?:${LOWER_BOUND})$`, 'i').test(q);
    const push = (kind: NumberKind, value: number | null, lb = lowerBound): void => {
      out.push({ start: offset + start, end: offset + end, text: raw, value, lowerBound: lb, kind });
    };
    if (g.v) {
      // "several" and "many" are quantifiers, not numbers; only the plural amounts are vague numbers.
      if (/^(?:several|many|numerous|a handful)$/i.test(g.v)) continue;
      push('vague', null);
      continue;
    }
    const a = g.a ?? '';
    const va = EXACT_PHRASES[a.toLowerCase()] ?? parseNumber(a);
    if (ORDINAL_AFTER.test(after)) {
      push('ordinal', null);
      continue;
    }
    // A lone "one" is as often a pronoun ("one of them", "no one") as a count; callers decide.
    if (g.b) {
      const vb = EXACT_PHRASES[g.b.toLowerCase()] ?? parseNumber(g.b);
      // "3-2", "2024-2025": a score or a span of years is not a range of counts.
      if (va != null && vb != null && vb > va) {
        push(/^\d{4}$/.test(a) && /^\d{4}$/.test(g.b) ? 'year' : MEASURE_AFTER.test(after) ? 'measure' : 'range', /^\d{4}$/.test(a) ? null : va, true);
        continue;
      }
    }
    if (/^\d/.test(a)) {
      const name = before.match(NAME_BEFORE);
      if (MONTH_OR_DAY.test(name?.[1] ?? '') || MONTH_AFTER.test(after)) {
        push('date', null);
        continue;
      }
      if (/^(?:19|20)\d\d$/.test(a) && !q) {
        push('year', null);
        continue;
      }
      // "Channel 12", "Route 5", "F-16": a capitalised word just before makes the number part of a name.
      if (name && !/^(?:At|In|On|Of|And|Some|About|Around|Nearly|Over|Killing|Injuring|With|The)$/i.test(name[1])) {
        push('name', null);
        continue;
      }
      if (/[\p{L}]-$/u.test(before) || /^-[\p{L}]/u.test(after) || /^:\d/.test(after) || /\d:$/.test(before)) {
        push('name', null);
        continue;
      }
    }
    if (MEASURE_AFTER.test(after) && !/^\s*(?:times)\b/i.test(after)) {
      push('measure', va);
      continue;
    }
    if (va == null || (!WORD_START.test(a) && Number.isNaN(va))) continue;
    push('count', va);
  }
  return out;
}

/** Number spans of every sentence, in article offsets: the document annotation the stages share. */
export function numberSpans(sentences: readonly Sentence[]): NumberSpan[] {
  return sentences.flatMap((s) => findNumbers(s.text, s.start));
}

/** The span that ends right before `at` (allowing spaces and "of"), if it counts something. */
export function countBefore(spans: readonly NumberSpan[], at: number, text: string): NumberSpan | null {
  for (let i = spans.length - 1; i >= 0; i--) {
    const n = spans[i];
    if (n.end > at) continue;
    if (!/^\s+(?:of\s+)?$/.test(text.slice(n.end, at))) return null;
    return n.kind === 'count' || n.kind === 'range' || n.kind === 'vague' ? n : null;
  }
  return null;
}
