/**
 * Datelines: the place, date and agency a news story opens with ("KYIV, March 3 (Agency) – ",
 * "NORTHPORT, May 16. /AGENCY/. ", "Aug 7 – ", "date 2025-03-03 CITY: "). One table of named
 * rows, read by import (the article's date and outlet, src/import/metadata.ts), by print (a
 * dateline is no part of a quoted sentence, src/compose/print-text.ts) and by extraction (where
 * the reporter filed from). Pure text: no dependency, no state.
 */

export interface DatelineRow {
  readonly name: string;
  /**
   * Matches the dateline with the space after it, at the start of the text. Named groups:
   * `place`, `region`, `when` (a date as written) and `agency`, where the row has them.
   */
  readonly re: RegExp;
}

/** Agencies credited in a dateline, in parentheses or between slashes: "(Agency)", "/AGENCY/". */
const AGENCY = String.raw`(?:\([^)\n]{2,40}\)|/[^/\n]{2,30}/\.?)`;
/** A place of up to three capitalised words ("Northport", "Port Ruri/Eastvale"). */
const PLACE = String.raw`(?!The\s)\p{Lu}[\p{L}\p{M}.'’/-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’/-]*){0,2}`;
/** A day and month, either way round, perhaps with the year: "March 3", "Aug. 7, 2025", "3 March 2025". */
const MONTH_DAY = String.raw`(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{Ll}{2,8})(?:,?\s+\d{4})?`;

export const DATELINE_ROWS: readonly DatelineRow[] = [
  // "date 2025-03-03 ", "Published: 2025-03-03 ": a labelled date opening the text
  { name: 'labelled date', re: /^(?:date|dated|published|updated)\s*:?\s*(?<when>\d{4}-\d{2}-\d{2})\s+/iu },
  // "IASI, May 20 — ", "LONDON (Agency) - ", "NORTHPORT, Ruritania – ", "WASHINGTON, March 23, 2025 (Agency) — "
  { name: 'place and dash', re: /^(?<place>\p{Lu}[\p{Lu}\p{M} .'’-]{1,40})(?:,\s*(?<when>[^—–\n]{2,30}?))?\s*(?:\((?<agency>[^)\n]{2,40})\))?\s*(?:[—–]|--?)\s+/u },
  // "NORTHPORT: " (a place in capitals and a colon)
  { name: 'place and colon', re: /^(?<place>\p{Lu}[\p{Lu}\p{M}'’-]+(?:\s+\p{Lu}[\p{Lu}\p{M}'’-]+){0,3}):\s+(?=\p{Lu})/u },
  // "Northport, Ruritania (Agency) - ", "Northport, March 3 (Agency) ", "NORTHPORT, May 16. /AGENCY/. "
  { name: 'place and agency', re: new RegExp(String.raw`^(?<place>${PLACE})(?:,\s*(?<when>${MONTH_DAY}|${PLACE}))?\.?\s*(?<agency>${AGENCY})\s*(?:[—–:]|--?)?\s+(?=\p{Lu})`, 'u') },
  // "Northport – ", "Northport, Ruritania — " (a dash, not a hyphen, before a capital)
  { name: 'place in title case and dash', re: new RegExp(String.raw`^(?<place>${PLACE})(?:,\s*(?<region>${PLACE}))?\s*[—–]\s+(?=\p{Lu})`, 'u') },
  // "March 3 (Agency) - ", "May 16 /AGENCY/ ": a day with no place, credited to an agency
  { name: 'date and agency', re: new RegExp(String.raw`^(?<when>${MONTH_DAY})\s*(?<agency>${AGENCY})\s*(?:[—–:]|--?)?\s+(?=\p{Lu})`, 'u') },
  // "Aug 7 – ", "7 August 2025 — "
  { name: 'date and dash', re: new RegExp(String.raw`^(?<when>${MONTH_DAY})\s*[—–-]\s+(?=\p{Lu})`, 'u') },
];

export interface Dateline {
  /** The row that read it. */
  readonly row: string;
  /** The dateline as written, with the space after it. */
  readonly text: string;
  readonly place: string | null;
  /** The date as written ("May 16", "March 23, 2025", "2025-03-03"), when the dateline has one. */
  readonly when: string | null;
  /** The agency credited, without its brackets or slashes. */
  readonly agency: string | null;
}

const clean = (s: string | undefined): string | null => {
  const v = s?.replace(/^[\s(/]+|[\s)/.]+$/gu, '').trim();
  return v ? v : null;
};

/** The dateline opening `s` (after white space), or null. */
export function readDateline(s: string): Dateline | null {
  const rest = s.trimStart();
  for (const row of DATELINE_ROWS) {
    const m = row.re.exec(rest);
    if (!m) continue;
    const g = m.groups ?? {};
    const when = clean(g.when);
    return {
      row: row.name,
      text: m[0],
      place: clean(g.place),
      when: when && dayOfDateline(when) ? when : null,
      agency: clean(g.agency),
    };
  }
  return null;
}

/** The dateline at the start of `s` ("" when there is none); a dateline may follow a labelled date. */
export function datelineOf(s: string): string {
  let rest = s.trimStart();
  for (let pass = 0; pass < 2; pass++) {
    const d = readDateline(rest);
    if (!d) break;
    rest = rest.slice(d.text.length);
  }
  return s.slice(0, s.length - rest.length);
}

/** The text without a dateline at its start. */
export const withoutDateline = (s: string): string => s.slice(datelineOf(s).length);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthOf = (word: string): number | null => {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.indexOf(w.slice(0, 3));
  // the whole word must be the month's name or its short form ("Sept" too)
  if (i < 0 || !/^(?:january|february|march|april|may|june|july|august|september|sept|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)$/.test(w)) return null;
  return i + 1;
};

/** The day, month and (when written) year of a dateline's date. */
export function dayOfDateline(when: string): { year: number | null; month: number; day: number } | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(when);
  if (iso) return valid(+iso[1], +iso[2], +iso[3]);
  const md = /^(\p{L}+\.?)\s+(\d{1,2})(?:,?\s+(\d{4}))?$/u.exec(when) ?? null;
  const dm = md ? null : /^(\d{1,2})\s+(\p{L}+\.?)(?:,?\s+(\d{4}))?$/u.exec(when);
  const month = md ? monthOf(md[1]) : dm ? monthOf(dm[2]) : null;
  if (!month) return null;
  const day = Number(md ? md[2] : dm![1]);
  const year = (md ?? dm)![3];
  return valid(year ? Number(year) : null, month, day);
}

function valid(year: number | null, month: number, day: number): { year: number | null; month: number; day: number } | null {
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate()) return null;
  return { year, month, day };
}

const iso = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The date a dateline gives, as YYYY-MM-DD. A dateline with no year ("March 3 (Agency) -") takes
 * it from `published` (the page's date, a day or a few after filing): the year that puts the
 * dateline's day at most `maxDaysBefore` days before `published`, never after it (March 3 under a
 * page of 4 March 2025 is 2025-03-03; 31 December under 1 January is the year before). Null when
 * the dateline has no date, or no year and nothing to take one from.
 */
export function datelineDate(when: string | null, published: string | null, maxDaysBefore = 2): string | null {
  const d = when ? dayOfDateline(when) : null;
  if (!d) return null;
  if (d.year !== null) return iso(d.year, d.month, d.day);
  if (!published) return null;
  const p = Date.parse(published);
  const year = Number(published.slice(0, 4));
  for (const y of [year, year - 1]) {
    const at = iso(y, d.month, d.day);
    if (!valid(y, d.month, d.day)) continue;
    const gap = (p - Date.parse(at)) / 86_400_000;
    if (gap >= 0 && gap <= maxDaysBefore) return at;
  }
  return null;
}

/**
 * Where the reporter filed from: the place of a dateline written in capitals ("NORTHPORT — …",
 * "NORTHPORT, Ruritania — …") in the first `lines`, or null. A place in title case is too often
 * the subject of the first sentence to count.
 */
export function datelinePlace(lines: readonly string[]): string | null {
  for (const line of lines) {
    const d = readDateline(line);
    if (d?.place && !/\p{Ll}/u.test(d.place)) return d.place;
  }
  return null;
}
