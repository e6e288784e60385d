/**
 * An item's text as a reader sees it in print. The data keeps the exact source sentence (its
 * offsets point into the article); print leaves out what is no part of the sentence: a dateline
 * at its start ("KYIV, March 3 (Agency) – ", "Aug 7 – ", "date 2025-03-03 CITY: ") and the label
 * a web page puts after a link ("…, opens new tab"). Each dateline form is a named row.
 */

interface DatelineRow {
  readonly name: string;
  /** Matches the dateline with the space after it, at the start of the text. */
  readonly re: RegExp;
}

/** Agencies credited in a dateline, in parentheses or between slashes: "(Agency)", "/AGENCY/". */
const AGENCY = String.raw`(?:\([^)\n]{2,40}\)|/[^/\n]{2,30}/\.?)`;
/** A place of up to three capitalised words ("Northport", "Port Ruri/Eastvale"). */
const PLACE = String.raw`(?!The\s)\p{Lu}[\p{L}\p{M}.'’/-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’/-]*){0,2}`;
const MONTH_DAY = String.raw`(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{Ll}{2,8})(?:,?\s+\d{4})?`;

export const DATELINE_ROWS: readonly DatelineRow[] = [
  // "date 2025-03-03 ", "Published: 2025-03-03 ": a labelled date opening the text
  { name: 'labelled date', re: /^(?:date|dated|published|updated)\s*:?\s*\d{4}-\d{2}-\d{2}\s+/iu },
  // "IASI, May 20 — ", "LONDON (Agency) - ", "NORTHPORT, Ruritania – "
  { name: 'place and dash', re: /^\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:,\s*[^—–\n]{2,30}?)?\s*(?:\([^)\n]{2,40}\))?\s*(?:[—–]|--?)\s+/u },
  // "NORTHPORT: " (a place in capitals and a colon)
  { name: 'place and colon', re: /^\p{Lu}[\p{Lu}\p{M}'’-]+(?:\s+\p{Lu}[\p{Lu}\p{M}'’-]+){0,3}:\s+(?=\p{Lu})/u },
  // "Northport, Ruritania (Agency) - ", "Northport, March 3 (Agency) ", "NORTHPORT, March 3. /AGENCY/. "
  { name: 'place and agency', re: new RegExp(String.raw`^${PLACE}(?:,\s*(?:${MONTH_DAY}|${PLACE}))?\.?\s*${AGENCY}\s*(?:[—–:]|--?)?\s+(?=\p{Lu})`, 'u') },
  // "Northport – ", "Northport, Ruritania — " (a dash, not a hyphen, before a capital)
  { name: 'place in title case and dash', re: new RegExp(String.raw`^${PLACE}(?:,\s*${PLACE})?\s*[—–]\s+(?=\p{Lu})`, 'u') },
  // "Aug 7 – ", "7 August 2025 — "
  { name: 'date and dash', re: new RegExp(String.raw`^${MONTH_DAY}\s*[—–-]\s+(?=\p{Lu})`, 'u') },
];

/** The dateline at the start of `s` ("" when there is none); a dateline may follow a labelled date. */
export function datelineOf(s: string): string {
  let rest = s.trimStart();
  for (let pass = 0; pass < 2; pass++) {
    const m = DATELINE_ROWS.map((row) => row.re.exec(rest)).find((x) => x !== null);
    if (!m) break;
    rest = rest.slice(m[0].length);
  }
  return s.slice(0, s.length - rest.length);
}

/** The text without a dateline at its start. */
export const withoutDateline = (s: string): string => s.slice(datelineOf(s).length);

/** "…, opens new tab", "(opens in a new window)": what a web page says after a link. */
const LINK_LABEL = /\s*,?\s*\(?\bopens\s+(?:in\s+)?(?:a\s+)?new\s+(?:tab|window)\b\)?/giu;

/** The text without link labels. */
export const withoutLinkLabels = (s: string): string => s.replace(LINK_LABEL, '').replace(/^\s+/, '');

/** The text as print shows it: no dateline, no link labels. */
export const printText = (s: string): string => withoutLinkLabels(withoutDateline(s.trim()));

/** A text that opens as a dependent clause ("in which they vowed …") says nothing on its own. */
export const isFragment = (s: string): boolean => /^(?:(?:in|on|at|by|for|of|to|from|with|under|after)\s+)?(?:which|whom|whose)\b/i.test(printText(s));
