/**
 * The calendar as a closed word class: months, weekdays and parts of the day, with the
 * abbreviations news copy uses ("Jan.", "Sept.", "Tues."). Every stage that needs to know
 * whether a capitalised word is a date rather than a name or a place reads this file.
 */

/** Month names, January first (index + 1 is the month number). */
export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Abbreviations of month names as agencies write them, each with its month number. */
export const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Weekday names, Sunday first (the index is JavaScript's getUTCDay()). */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Abbreviations of weekday names, each with its day number (0 = Sunday). */
export const WEEKDAY_ABBREVIATIONS: Readonly<Record<string, number>> = {
  sun: 0, mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6,
};

/** Parts of a day that date a strike to a night or morning ("Saturday night", "before dawn"). */
export const DAY_PARTS = [
  'morning', 'afternoon', 'evening', 'night', 'overnight', 'dawn', 'dusk', 'midnight', 'noon', 'midday', 'daybreak', 'nightfall',
] as const;

/** Words for a day relative to the report ("yesterday", "tonight"). */
export const RELATIVE_DAYS = ['today', 'tonight', 'yesterday', 'tomorrow'] as const;

const CALENDAR_WORDS = new Set<string>([...MONTHS, ...WEEKDAYS].map((w) => w.toLowerCase()));

/** True for a month or weekday name in any case ("Monday", "march"); abbreviations excluded. */
export const isCalendarWord = (word: string): boolean => CALENDAR_WORDS.has(word.toLowerCase());

/** The month number (1–12) of a name or abbreviation ("Sept." → 9), or null. */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.findIndex((m) => m.toLowerCase() === w);
  if (i >= 0) return i + 1;
  return MONTH_ABBREVIATIONS[w] ?? null;
}

/** Regex source (no groups) for any month name. */
export const MONTH_PATTERN = MONTHS.join('|');
/** Regex source (no groups) for any weekday name. */
export const WEEKDAY_PATTERN = WEEKDAYS.join('|');
