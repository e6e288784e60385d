/**
 * Number words as a closed class: units, tens, scales, the words for vague amounts and the
 * qualifiers news copy puts before a count ("at least", "some", "between ... and ...").
 */

export const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
export const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
export const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1000, million: 1_000_000 };

/**
 * Vague amounts, with the conservative figure conflict researchers code (ACLED: "dozens" → 12).
 * `parseNumber` returns these; the number spans of a document mark them vague with no value,
 * since a briefing must not print "100 drones" for "hundreds of drones".
 */
export const VAGUE: Readonly<Record<string, number>> = {
  'a dozen': 12, dozen: 12, dozens: 12, 'dozens of': 12, scores: 20, hundreds: 100, thousands: 1000,
  'a couple of': 2, 'a pair of': 2, 'a handful of': 3,
  'a hundred': 100, 'a thousand': 1000,
};

/** Exact amounts in words that are not plain numbers: "a dozen" is 12, "half a dozen" 6, "a pair of" 2. */
export const EXACT_PHRASES: Readonly<Record<string, number>> = {
  'a dozen': 12, 'half a dozen': 6, 'a couple of': 2, 'a pair of': 2, 'a hundred': 100, 'a thousand': 1000, 'a single': 1,
};

/** Plural amounts without a figure: "hundreds of drones", "tens of thousands". */
export const VAGUE_PLURALS = 'dozens|scores|hundreds|thousands|millions|tens of thousands|hundreds of thousands|a handful|several|many|numerous';

/** Qualifiers that make the count a lower bound. */
export const LOWER_BOUND = 'at least|more than|over|in excess of|no fewer than|upwards of';
/** Qualifiers that leave the count as stated (approximate or an upper bound). */
export const APPROXIMATE = 'nearly|almost|about|around|some|roughly|approximately|up to|as many as|fewer than|less than|an estimated|close to|under';

/** Words after a number that make it a measure, not a count of things: "40 percent", "12 km". */
export const MEASURE_UNITS =
  'percent|per cent|%|km|kilometers?|kilometres?|miles?|meters?|metres?|feet|foot|seconds?|minutes?|hours?|days?|weeks?|months?|years?|years-old|year-old|times|tons?|tonnes?|dollars?|euros?|GMT|a\\.m\\.|p\\.m\\.|am|pm|degrees?';
