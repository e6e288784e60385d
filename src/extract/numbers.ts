/**
 * Counts as news articles write them: digits ("1,100", "2.5 million"), number words
 * ("three", "twenty-five", "a dozen") and vague plurals that conflict researchers code
 * conservatively ("dozens" → 12, "hundreds" → 100). Qualifiers are handled by callers:
 * "at least 3" is the lower bound 3.
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };
/** Vague amounts, coded as the most conservative figure (ACLED's practice). */
const VAGUE: Record<string, number> = {
  'a dozen': 12, dozen: 12, dozens: 12, 'dozens of': 12, scores: 20, hundreds: 100, thousands: 1000,
  'a couple of': 2, 'a pair of': 2, 'a handful of': 3,
  'a hundred': 100, 'a thousand': 1000,
};

const WORDS = [...Object.keys(UNITS), ...Object.keys(TENS)].join('|');
/** A number written in words: "three", "twenty-five", "two hundred". */
const WORD_NUMBER = `(?:(?:${WORDS})(?:[- ](?:${Object.keys(UNITS).join('|')}))?(?: (?:hundred|thousand|million))?)`;
const DIGIT_NUMBER = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s?(?:million|thousand|hundred))?`;
const VAGUE_NUMBER = `(?:a dozen|dozens|scores|hundreds|thousands|a couple of|a pair of|a handful of|a hundred|a thousand)`;

/** Regex source for one count (no qualifier), to embed in larger patterns (use the `i` flag). */
export const NUMBER = `(?:${DIGIT_NUMBER}|${VAGUE_NUMBER}|\\b${WORD_NUMBER})`;
/** Qualifiers before a count; "at least", "more than" and "over" make it a lower bound. */
export const QUALIFIER = `(?:(?:at least|more than|over|nearly|almost|about|around|some|roughly|approximately|up to|as many as|fewer than|less than|an estimated)\\s+)`;

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
  return { value, lowerBound: /^(at least|more than|over)$/.test(q), text: raw.trim() };
}
