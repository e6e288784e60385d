import * as chrono from 'chrono-node';
import type { Article } from '../model';
import { MONTH_ABBREVIATIONS, MONTHS, RELATIVE_DAYS, WEEKDAYS } from './lexicon/calendar';
import { words } from './lexicon/inflect';
import { IRREGULAR_PASTS } from './lexicon/past-forms';
import { allMatches } from '../text/matches';

/**
 * Time expressions in a sentence, resolved against the article's publication date.
 * chrono-node finds and parses them; what it gets wrong for news is fixed here:
 * - a weekday alone resolves by tense: in a past report "on Saturday" is the last Saturday
 *   (the publication day itself included), in a plan "on Monday" is the next Monday;
 * - durations and offsets ("for 30 days", "20 minutes before") are not dates;
 * - vague horizons ("within weeks", "in the coming days") are kept as words with no date.
 * Without a publication date nothing relative is resolved (date null), never invented.
 */

export type Tense = 'past' | 'future' | 'unknown';

export interface TimeExpr {
  /** The article's words, without a leading preposition ("Saturday night", "Monday"). */
  readonly text: string;
  /** Offsets of `text` within the searched string. */
  readonly start: number;
  readonly end: number;
  /** YYYY-MM-DD, or null when it cannot be resolved. */
  readonly date: string | null;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;

/** Noon UTC of a YYYY-MM-DD date (noon keeps the calendar day in any time zone). */
export function parseIsoDate(published: string | null): Date | null {
  const m = published?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return Number.isNaN(d.getTime()) ? null : d;
}

const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);
const isoOf = (d: Date): string => iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());

/** The weekday (0 = Sunday) on or before (past) or on or after (future) the reference day. */
export function resolveWeekday(weekday: number, ref: Date, tense: Tense): string {
  const today = ref.getUTCDay();
  if (tense === 'future') return isoOf(addDays(ref, (weekday - today + 7) % 7));
  return isoOf(addDays(ref, -((today - weekday + 7) % 7)));
}

/** Words that date an event without a calendar day: kept as `when`, date null. */
const VAGUE = /\b(?:within (?:days|weeks|months|hours|a (?:week|month|year))|in the (?:coming|next) (?:days|weeks|months)|in recent (?:days|weeks|months)|(?:later|earlier) this (?:week|month|year)|soon|shortly|overnight|this past week|in the days (?:ahead|to come)|(?:next|last|this|coming) (?:week|month|year|weekend))\b/gi;

/** "for 30 days", "20 minutes before", "two hours later": spans of time, not dates. */
const DURATION = /^(?:for\s+)?(?:\d+|[a-z]+)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)(?:\s+(?:before|after|later|earlier|long))?$/i;
/** chrono reads a lone year or "the past week" loosely; keep only what names a day or part of one. */
const TOO_LOOSE = /^(?:past|this|that|the|next|last|coming)\s+(?:week|month|year|weekend)$/i;

/** A verb in the simple past: a regular -ed form or an irregular one ("held", "met", "led"). */
const PAST_VERB = new RegExp(String.raw`\b(?:\w+ed|${words(IRREGULAR_PASTS)})\b`, 'i');

function tenseFromText(s: string): Tense {
  if (/\b(?:will|shall|is (?:expected|due|set|scheduled) to|are (?:expected|due|set|scheduled) to|plans? to|next|upcoming|is to|are to)\b/i.test(s)) return 'future';
  if (PAST_VERB.test(s)) return 'past';
  return 'unknown';
}

/** The tense of a clause, from its auxiliaries and past-tense verbs (rough but enough for dates). */
export const tenseOf = tenseFromText;

/** Three-letter stems of the month and weekday names ("mon" finds "Monday" and "Mon."). */
const CALENDAR_STEMS = [...MONTHS, ...WEEKDAYS].map((w) => w.slice(0, 3).toLowerCase());
/** Other words chrono reads as times: parts of the day, units, holidays (besides the calendar). */
const CHRONO_TIME_WORDS = ['noon', 'midday', 'midnight', 'morning', 'evening', 'night', 'afternoon', 'dawn', 'dusk', 'week', 'month', 'year', 'day', 'hour', 'minute', 'now', 'ago', 'weekend', 'christmas', 'easter', 'new year'];
/** A word chrono could read as a time; without one, chrono (the costliest step) is not called. */
const MAY_HOLD_TIME = new RegExp(`\\d|\\b(?:${[...CALENDAR_STEMS, ...RELATIVE_DAYS, ...CHRONO_TIME_WORDS].join('|')})`, 'i');
/** Weekday and month abbreviations that are also words: "the delegations sat down", "Sun" is not Sunday. */
const WORD_NOT_DATE = new RegExp(`^(?:${[...new Set([...CALENDAR_STEMS, ...Object.keys(MONTH_ABBREVIATIONS)])].join('|')})\\.?$`, 'i');

/**
 * chrono's parsers that cannot match a text without a certain kind of word, by class name: a row
 * per kind, the test a text must pass for these parsers to run. Each test is a necessary condition
 * of the parsers' own patterns (a digit for numeric dates and clock times, a month stem for
 * "March 11", a weekday stem or "week" for "on Monday" and "weekend", the closing word of
 * "two days ago" or "hours later"), so skipping them never
 * changes what chrono returns; it only spares their regexes on the many sentences without one.
 * A parser not named here always runs.
 */
const PARSER_NEEDS: ReadonlyArray<{ readonly name: string; readonly test: RegExp; readonly parsers: readonly string[] }> = [
  { name: 'digit', test: /\d/, parsers: ['ENYearMonthDayParser', 'ISOFormatParser', 'SlashDateFormatParser', 'ENSlashMonthFormatParser', 'ENTimeExpressionParser', 'ENYearMonthNameParser'] },
  { name: 'month', test: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i, parsers: ['ENMonthNameLittleEndianParser', 'ENMonthNameMiddleEndianParser', 'ENMonthNameParser'] },
  { name: 'weekday', test: /sun|mon|tue|wed|thu|fri|sat|week/i, parsers: ['ENWeekdayParser'] },
  // "two days ago", "hours earlier": the duration's own words come last in these patterns.
  { name: 'ago', test: /ago|before|earlier/i, parsers: ['ENTimeUnitAgoFormatParser'] },
  { name: 'later', test: /later|after|from now|henceforth|forward|out/i, parsers: ['ENTimeUnitLaterFormatParser'] },
  // The casual parsers: each pattern is one of these words (then a boundary), so the word must stand in the text.
  { name: 'casual-day', test: /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|last\s*night/i, parsers: ['ENCasualDateParser'] },
  { name: 'day-part', test: /morning|afternoon|evening|night|noon|midday/i, parsers: ['ENCasualTimeParser'] },
  { name: 'month-end', test: /month/i, parsers: ['ENEndOfCurrentMonthParser'] },
  // "(this|last|past|next|after this) <unit>": "after this" holds "this".
  { name: 'relative', test: /this|last|past|next/i, parsers: ['ENRelativeDateFormatParser'] },
];

/**
 * chrono's casual English configuration (what `chrono.parse` uses) with the parsers a text cannot
 * need left out. One set of parsers per value of forwardDate: a parser whose pattern depends on it
 * would otherwise build its regex again each time the value changes. The configurations are built
 * once per combination of kinds present (at most 2^9 per value): code, not answers.
 */
function chronoFamily(forwardDate: boolean): (text: string, ref: Date) => chrono.ParsedResult[] {
  const all = new chrono.Chrono();
  const configs = new Map<number, chrono.Chrono>();
  const rowOf = (p: chrono.Parser): number => PARSER_NEEDS.findIndex((r) => r.parsers.includes(p.constructor.name));
  return (text, ref) => {
    let present = 0;
    for (let i = 0; i < PARSER_NEEDS.length; i++) if (PARSER_NEEDS[i].test.test(text)) present |= 1 << i;
    let config = configs.get(present);
    if (!config) {
      const parsers = all.parsers.filter((p) => {
        const row = rowOf(p);
        return row < 0 || (present & (1 << row)) !== 0;
      });
      configs.set(present, (config = new chrono.Chrono({ parsers, refiners: all.refiners })));
    }
    return config.parse(text, ref, { forwardDate });
  };
}
const FORWARD = chronoFamily(true);
const BACKWARD = chronoFamily(false);
/** What `chrono.parse(text, ref, { forwardDate })` returns, without running parsers that cannot match. */
export const parseTimes = (text: string, ref: Date, forwardDate: boolean): chrono.ParsedResult[] => (forwardDate ? FORWARD : BACKWARD)(text, ref);

/**
 * Every time expression in `text`, resolved against `published` (YYYY-MM-DD or null).
 * `tense` decides lone weekdays; 'unknown' reads the tense from the text itself.
 */
export function findTimes(text: string, published: string | null, tense: Tense = 'unknown'): TimeExpr[] {
  const ref = parseIsoDate(published);
  const out: TimeExpr[] = [];
  const t = tense === 'unknown' ? tenseFromText(text) : tense;
  const parsed = MAY_HOLD_TIME.test(text) ? parseTimes(text, ref ?? new Date(Date.UTC(2000, 0, 1, 12)), t === 'future') : [];
  for (const r of parsed) {
    let words = r.text.replace(/[\s,;.]+$/, '');
    let start = r.index;
    const lead = words.match(/^(?:\d+\s+(?=on\s|at\s))?(?:on|at|in|by|from|since|until|during)\s+/i);
    if (lead) {
      words = words.slice(lead[0].length);
      start += lead[0].length;
    }
    if (DURATION.test(words) || TOO_LOOSE.test(words) || /^\d{4}$/.test(words)) continue;
    // A bare abbreviation in lower case ("sat down", "may") is a word, not a day or month.
    if (WORD_NOT_DATE.test(words) && !/^[A-Z]/.test(words)) continue;
    // "some 300 to 400 of them": a range of numbers is a count, not a time.
    if (/^\d[\d,.]*(?:\s*(?:to|-|–|or|and)\s*\d[\d,.]*)?$/.test(words)) continue;
    const before = text.slice(Math.max(0, start - 5), start);
    if (/\bfor\s+$/i.test(before)) continue;
    const known = r.start;
    let date: string | null = null;
    if (ref) {
      if (known.isCertain('weekday') && !known.isCertain('day')) {
        date = resolveWeekday(known.get('weekday') ?? 0, ref, t === 'future' ? 'future' : 'past');
      } else if (known.isCertain('day') || /\b(?:yesterday|today|tonight|tomorrow|last night)\b/i.test(words)) {
        let year = known.get('year') ?? ref.getUTCFullYear();
        const month = known.get('month') ?? 1;
        const day = known.get('day') ?? 1;
        // A past event dated "Oct. 7" without a year lies before publication: last year's, if need be.
        if (t === 'past' && !known.isCertain('year') && iso(year, month, day) > isoOf(ref)) year--;
        date = iso(year, month, day);
      }
    }
    out.push({ text: words, start, end: start + words.length, date });
  }
  for (const m of allMatches(VAGUE, text)) {
    const at = m.index ?? 0;
    if (out.some((o) => at < o.end && at + m[0].length > o.start)) continue;
    out.push({ text: m[0], start: at, end: at + m[0].length, date: null });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The time expressions of a text of `article` (a sentence or a clause of it), resolved against its
 * publication date: `findTimes`, run once per text and tense in an article. The stages ask again
 * for the same sentence (the outlook's horizon and planned meetings, each clause of a strike
 * falling back on its sentence's day): a quarter of the calls, chrono being the costly part.
 * Kept with the article object, so nothing outlives it; callers never change the arrays.
 */
const TIMES_OF = new WeakMap<Article, Map<string, readonly TimeExpr[]>>();
export function articleTimes(article: Article, text: string, tense: Tense = 'unknown'): readonly TimeExpr[] {
  let byText = TIMES_OF.get(article);
  if (!byText) TIMES_OF.set(article, (byText = new Map()));
  const key = `${tense}\u0000${text}`;
  let times = byText.get(key);
  if (!times) byText.set(key, (times = findTimes(text, article.published, tense)));
  return times;
}

/** Resolves one phrase of the article ("Saturday night", "March 11") to YYYY-MM-DD, or null. */
export function resolveWhen(phrase: string, published: string | null, tense: Tense = 'unknown'): string | null {
  return findTimes(phrase, published, tense)[0]?.date ?? null;
}
