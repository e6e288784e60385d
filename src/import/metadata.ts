import * as chrono from 'chrono-node';
import { datelineDate, dayOfDateline, readDateline } from '../text/dateline';

/**
 * Metadata found in an article's own text: a headline line, a byline, a date line or
 * dateline, an outlet line. Detection only reads the text; it never removes a line, so
 * offsets into `text` stay valid.
 */
export interface TextMetadata {
  title: string | null;
  outlet: string | null;
  published: string | null;
  byline: string | null;
}

/** Fixed reference date so parsing is pure; a date only counts when its year is written out. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));
const PARSERS = [chrono.en, chrono.de, chrono.fr, chrono.es, chrono.it, chrono.pt, chrono.nl, chrono.ru, chrono.uk];

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A year written out: four digits (1800-2199), or two digits closing a numeric date (23.03.25,
 * 3/23/25) or after an apostrophe or a comma ('25, "January 19, 20" cut short). Without one, no full
 * date can be read, so chrono (about 0.3 ms a call per language warm, far more cold) is not called; a
 * match must hold one too, so "today" or "last week" never give a date relative to the fixed reference.
 */
const YEAR_WRITTEN = /(?<!\d)(?:1[89]|2[01])\d{2}(?!\d)|(?<!\d)\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2}(?!\d)|['’,]\s*\d{2}(?!\d)/;

/** Finds a full calendar date (year, month and day all written) in `s`, as YYYY-MM-DD. */
export function parseDate(s: string): { date: string; index: number; length: number } | null {
  const input = s.length > 400 ? s.slice(0, 400) : s;
  const iso = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/.exec(input);
  if (iso && validDate(+iso[1], +iso[2], +iso[3])) return { date: `${iso[1]}-${iso[2]}-${iso[3]}`, index: iso.index, length: iso[0].length };
  if (!YEAR_WRITTEN.test(input)) return null;
  for (const p of PARSERS) {
    let results: chrono.ParsedResult[];
    try {
      results = p.parse(input, REFERENCE);
    } catch {
      continue;
    }
    for (const r of results) {
      const c = r.start;
      if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day') || !YEAR_WRITTEN.test(r.text)) continue;
      const y = c.get('year');
      const m = c.get('month');
      const d = c.get('day');
      if (y === null || m === null || d === null || !validDate(y, m, d)) continue;
      return { date: `${y}-${pad(m)}-${pad(d)}`, index: r.index, length: r.text.length };
    }
  }
  return null;
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Dates in metadata fields: ISO strings, PDF `D:YYYYMMDD...`, or anything chrono reads. */
export function parseMetaDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const pdf = /^D:(\d{4})(\d{2})(\d{2})/.exec(v);
  if (pdf && validDate(+pdf[1], +pdf[2], +pdf[3])) return `${pdf[1]}-${pdf[2]}-${pdf[3]}`;
  return parseDate(v)?.date ?? null;
}

const SENTENCE_END = /[.!?…;:,]["'”’»)\]]*$/u;
const BYLINE = /^(?:by|written by|words by|von|par|por|di|door|av|автор(?:ы)?:?|от)\s+(\p{Lu}.{1,150})$/iu;
const LABELLED_SOURCE = /^(?:source|sources|via|from|publisher|outlet|quelle|fuente|источник)\s*:\s*(\S.{0,80})$/iu;
const DASH_OUTLET = /^(?:[—–]|--)\s*(\p{Lu}[^.!?]{0,60})$/u;
const COPYRIGHT = /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}\s*)?(\p{Lu}[^.!?]{1,60}?)\.?(?:\s+all rights reserved\.?)?$/iu;
const DATE_LABEL = /^(?:published|updated|posted|last updated|first published|date|dated|publié|veröffentlicht|опубликовано|обновлено)\b\s*(?:on|at|:)?/iu;
const ROLE_WORDS = /\b(?:writer|correspondent|reporter|editor|staff|contributor|columnist|bureau|chief|senior|special)\b/i;
/** Words that name kinds of publications, used only to tell an outlet line from a headline. */
const OUTLET_WORDS = /\b(?:times|post|news|journal|telegraph|tribune|herald|gazette|chronicle|observer|independent|press|wire|agency|daily|weekly|magazine|review|radio|television|tv|broadcasting|network|media|online|today|standard|express|mail|mirror|star|sun|globe|monitor|insider|report|dispatch)\b|\.(?:com|org|net|co\.uk|ru|ua|de|fr)\b/i;
const URL_LIKE = /^(?:https?:\/\/|www\.)\S+$/i;

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** News agencies and broadcasters often named in datelines and credits (general, not tied to any article). */
const AGENCIES = ['Reuters', 'AP', 'Associated Press', 'AFP', 'Agence France-Presse', 'TASS', 'RIA Novosti', 'Interfax', 'Xinhua', 'Anadolu Agency', 'Anadolu', 'Bloomberg', 'Al Jazeera', 'BBC', 'CNN', 'dpa', 'EFE', 'ANSA', 'Kyodo', 'Yonhap', 'PTI', 'Ukrinform', 'IRNA', 'WAFA', 'SANA', 'SUNA', 'QNA', 'SPA', 'WAM'].join('|');

/** A short line of capitalised words (small joining words allowed): an outlet's name. */
function nameLike(line: string): boolean {
  if (line.length > 50 || words(line) > 6 || SENTENCE_END.test(line) || !/^\p{Lu}/u.test(line)) return false;
  return line.split(/\s+/).every((w) => /^(?:\p{Lu}[\p{L}'’.&-]*|of|the|and|de|la|le|du|al|el|für|und|\d+)$/u.test(w));
}

/** A short line with no sentence-final punctuation: could be a headline. */
function headlineLike(line: string): boolean {
  if (line.length < 3 || line.length > 200 || words(line) > 30) return false;
  if (!/\p{L}/u.test(line) || URL_LIKE.test(line)) return false;
  if (/^skip to\b|^(?:menu|search|sign in|subscribe|advertisement)$/i.test(line)) return false;
  // A headline may end in a dotted abbreviation ("… talks with U.S.").
  if (SENTENCE_END.test(line) && !/\b(?:\p{Lu}\.){2,}$/u.test(line)) return false;
  return true;
}

/** A line of body text: long, or a sentence of several words. */
function bodyLike(line: string): boolean {
  return line.length > 200 || words(line) > 30 || (/[.!?…]["'”’»)]*$/u.test(line) && words(line) >= 8);
}

/** A short line ending in dotted initials ("… talks with U.S."): a headline, not a sentence of the body. */
const initialsHeadline = (line: string): boolean => words(line) <= 20 && /\s(?:\p{Lu}\.){2,}$/u.test(line);

/** A navigation line: three or more short pieces between bars, or a breadcrumb ("» World | Video | E-mail us"). */
function navLike(line: string): boolean {
  if (/^[»›>]/u.test(line)) return true;
  const pieces = line.split(/\s*[|]\s*/).filter(Boolean);
  return pieces.length >= 3 && pieces.every((p) => words(p) <= 5) && !pieces.some((p) => parseDate(p));
}

/** A teaser of another article: a line cut off with an ellipsis ("Charles III will host ...."). */
const teaserLike = (line: string): boolean => /(?:\.{3,}|…)\.?$/u.test(line) && words(line) <= 40;

/** A line opening with a dateline of a story (not a labelled date): "NORTHPORT, May 16. /AGENCY/. …", "March 3 (Agency) - …". */
const opensWithDateline = (line: string): boolean => {
  const d = readDateline(line);
  return d !== null && d.row !== 'labelled date';
};

function outletLike(line: string): boolean {
  return line.length <= 60 && words(line) <= 6 && !SENTENCE_END.test(line) && (OUTLET_WORDS.test(line) || /^[\p{Lu}\d &.'’-]{2,}$/u.test(line));
}

/** The date on a line that is mostly a date ("Published 23 March 2025", "Mar 23, 2025 10:00 GMT"). */
function dateLine(line: string): string | null {
  if (line.length > 100) return null;
  const labelled = DATE_LABEL.exec(line);
  const found = parseDate(line);
  if (!found) return null;
  if (labelled) return found.date;
  const rest = (line.slice(0, found.index) + line.slice(found.index + found.length)).replace(/[\s,|·•–—-]+/g, ' ').trim();
  return rest.length <= Math.max(12, found.length) && words(rest) <= 4 ? found.date : null;
}

function cleanName(s: string): string {
  return s.replace(/^[\s,;:|·•–—-]+|[\s,;:|·•–—-]+$/g, '').replace(/\s+/g, ' ');
}

/** "Jane Doe, Reuters | 23 March 2025" → byline, outlet and date pieces. */
function splitByline(rest: string, meta: TextMetadata): string | null {
  const parts = rest.split(/\s*[|·•]\s*|\s+[—–]\s+/);
  const first = parts.shift() ?? '';
  const commaParts = first.split(/,\s*/);
  let name = commaParts.shift() ?? '';
  // "By Jane Doe, John Roe and Ann Poe": keep lists of names together.
  while (commaParts.length > 0 && /^(?:and\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}$/u.test(commaParts[0]) && !outletLike(commaParts[0]) && !ROLE_WORDS.test(commaParts[0])) {
    name += ', ' + commaParts.shift();
  }
  for (const p of [...commaParts, ...parts]) {
    const piece = cleanName(p);
    if (!piece) continue;
    const d = dateLine(piece);
    if (d) meta.published ??= d;
    else if (!ROLE_WORDS.test(piece) && piece.length <= 60) meta.outlet ??= piece;
  }
  const byline = cleanName(name);
  return byline.length >= 2 && /\p{L}/u.test(byline) ? byline : null;
}


/**
 * Reads the header block (the short lines before the first line of body text), the
 * dateline of the first body line, and the last few lines (source and copyright lines).
 */
export function detectTextMetadata(text: string): TextMetadata {
  const meta: TextMetadata = { title: null, outlet: null, published: null, byline: null };
  const all = text.split('\n');
  const nonEmpty: string[] = [];
  for (const l of all) {
    const t = l.trim();
    if (t) nonEmpty.push(t);
    if (nonEmpty.length >= 12) break;
  }
  const header: string[] = [];
  let firstBody: string | null = null;
  // "Russia and Ukraine held talks." above "CITY, May 16. /AGENCY/. …": a headline written as a
  // sentence, known by the dateline that opens the story a few lines below it.
  let sentenceTitle: string | null = null;
  for (const [i, line] of nonEmpty.entries()) {
    if (navLike(line)) continue;
    const datelineBelow = nonEmpty.slice(i + 1, i + 5).some(opensWithDateline);
    if (!sentenceTitle && bodyLike(line) && words(line) <= 16 && /\.$/.test(line) && header.every((h) => dateLine(h)) && datelineBelow && !opensWithDateline(line)) {
      sentenceTitle = line;
      header.push(line);
      continue;
    }
    if (header.length >= 8 || (bodyLike(line) && !(header.length === 0 && initialsHeadline(line)))) {
      firstBody = line;
      break;
    }
    header.push(line);
  }
  const unclassified: string[] = [];
  for (const line of header) {
    const by = BYLINE.exec(line);
    if (by && !meta.byline) {
      meta.byline = splitByline(by[1], meta);
      if (meta.byline) continue;
    }
    const src = LABELLED_SOURCE.exec(line) ?? DASH_OUTLET.exec(line);
    if (src) {
      meta.outlet ??= cleanName(src[1]);
      continue;
    }
    // "date 2024-10-14 Kipper tells about …": a labelled date opening the headline line.
    const label = DATE_LABEL.exec(line);
    if (label) {
      const after = line.slice(label[0].length).replace(/^[\s:]+/, '');
      const lead = parseDate(after.slice(0, 40));
      const rest = lead && lead.index === 0 ? after.slice(lead.length).replace(/^[\s,|·•–—-]+/, '') : '';
      if (lead && lead.index === 0 && words(rest) >= 3 && headlineLike(rest)) {
        meta.published ??= lead.date;
        unclassified.push(rest);
        continue;
      }
    }
    const d = dateLine(line);
    if (d) {
      meta.published ??= d;
      continue;
    }
    // "Outlet | 23 March 2025" or "Outlet — 23 March 2025"
    const pieces = line.split(/\s*[|·•]\s*|\s+[—–]\s+/);
    if (pieces.length > 1) {
      const dates = pieces.map((p) => dateLine(p));
      const dateAt = dates.findIndex((x) => x !== null);
      if (dateAt >= 0) {
        meta.published ??= dates[dateAt];
        const others = pieces.filter((_, i) => i !== dateAt).map(cleanName).filter(Boolean);
        if (others.length === 1 && outletLike(others[0])) meta.outlet ??= others[0];
        continue;
      }
      // "Kyiv • UNN": a place and an agency's initials.
      const last = pieces[pieces.length - 1];
      if (pieces.length === 2 && /^\p{Lu}[\p{L} .'’-]{1,30}$/u.test(pieces[0]) && /^\p{Lu}{2,6}$/u.test(last)) {
        meta.outlet ??= last;
        continue;
      }
    }
    unclassified.push(line);
  }
  // Headline: the first unclassified header line that reads like one, unless it is an
  // outlet name standing above a headline. The text must go on after it.
  // A headline followed by a teaser cut off with an ellipsis links to another article.
  const teased = new Set(unclassified.filter((l, i) => teaserLike(unclassified[i + 1] ?? (header[header.length - 1] === l ? (firstBody ?? '') : ''))));
  const titleCandidates = unclassified.filter((l) => (headlineLike(l) || l === sentenceTitle) && !teaserLike(l) && !teased.has(l));
  let allowedAt = 0;
  if (titleCandidates.length >= 2 && unclassified[0] === titleCandidates[0] && outletLike(titleCandidates[0]) && !outletLike(titleCandidates[1])) {
    meta.outlet ??= titleCandidates.shift() ?? null;
    allowedAt = 1;
  }
  const firstAt = unclassified.findIndex((l) => !teased.has(l) && !teaserLike(l));
  if (titleCandidates.length > 0 && nonEmpty.length > 1 && unclassified.indexOf(titleCandidates[0]) === Math.max(allowedAt, firstAt)) {
    meta.title = titleCandidates[0];
    const rest = titleCandidates.slice(1).filter((l) => outletLike(l));
    if (rest.length > 0) meta.outlet ??= rest[0];
  }
  // "NewsRussian-guided bomb strikes …" above "Russian-guided bomb strikes …": a section label
  // glued to the headline; the clean copy below it is the title.
  if (meta.title) {
    const t = meta.title;
    const clean = header.find((l) => l !== t && t.endsWith(l) && l.length >= t.length * 0.6);
    if (clean) meta.title = clean;
  }
  // A short title-case line right under the headline names the outlet ("Harbour Courier").
  if (meta.title && !meta.outlet) {
    const at = header.indexOf(meta.title);
    const next = header[at + 1];
    const after = header[at + 2] ?? firstBody ?? '';
    // … when a date line or a byline follows it, as in a masthead.
    if (next && unclassified.includes(next) && !BYLINE.test(next) && nameLike(next) && (dateLine(after) || BYLINE.test(after) || parseDate(after.slice(0, 40)))) meta.outlet = cleanName(next);
    // … or when it is a news agency's or broadcaster's own name ("Example Wire" alone on its line).
    else if (next && unclassified.includes(next) && new RegExp(`^(?:${AGENCIES})$`).test(next)) meta.outlet = next;
  }
  if (firstBody) {
    // "date 2024-09-20 CITY: …": a labelled date opening the first line of the body.
    const label = DATE_LABEL.exec(firstBody);
    if (label) {
      const after = firstBody.slice(label[0].length).replace(/^[\s:]+/, '');
      const labelled = parseDate(after.slice(0, 40));
      if (labelled && labelled.index === 0) meta.published ??= labelled.date;
    }
    // "August 9, 2024 (PORT SUDAN) – …": a date opening the first line of the body.
    const lead = parseDate(firstBody.slice(0, 40));
    if (lead && lead.index === 0) meta.published ??= lead.date;
    // "Northport, March 3, 2025 – …": a place in any case, then a full date.
    const placed = parseDate(firstBody.slice(0, 90));
    if (placed && placed.index > 0 && /^\p{Lu}[\p{L}\p{M}.'’/-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’/-]*){0,2}(?:,\s*\p{Lu}[\p{L}\p{M} .'’-]{1,30})?,\s*$/u.test(firstBody.slice(0, placed.index))) meta.published ??= placed.date;
    // A dateline's date: with its year, when nothing above dated the story; without ("CITY, May 16.
    // /AGENCY/. …", "March 3 (Agency) - …") under a page date of 17 May 2025, the story was filed
    // on the dateline's day, in the page date's year (a day or two before it, never after).
    const bodyStart = nonEmpty.indexOf(firstBody);
    const dl = nonEmpty
      .slice(bodyStart, bodyStart + 3)
      .map((l) => readDateline(l))
      .find((d) => d !== null && d.row !== 'labelled date' && d.when !== null);
    const filed = dl ? datelineDate(dl.when, meta.published) : null;
    if (filed && (!meta.published || dayOfDateline(dl!.when!)?.year == null)) meta.published = filed;
    // "WASHINGTON (Agency) — …": the agency credited in a dateline of capitals is the outlet.
    const first = readDateline(firstBody);
    if (first?.row === 'place and dash' && first.agency && !parseDate(first.agency)) meta.outlet ??= cleanName(first.agency);
  }
  // Footer: "Source: X", "— X", "© 2025 X".
  const tail = all.slice(-200).map((l) => l.trim()).filter(Boolean).slice(-3);
  for (const line of tail) {
    const m = LABELLED_SOURCE.exec(line) ?? DASH_OUTLET.exec(line) ?? COPYRIGHT.exec(line);
    if (m && !meta.outlet) meta.outlet = cleanName(m[1]);
  }
  // An agency named in the dateline or credited in the text ("(Reuters) —", "/TASS/", "told AFP").
  if (!meta.outlet) {
    const head = text.slice(0, 3000);
    const m = new RegExp(`(?:\\(|/)(${AGENCIES})(?:\\)|/)|\\b(?:told|according to|reported by|said in a statement to)\\s+(?:the\\s+)?(${AGENCIES})\\b|\\b(${AGENCIES}) has (?:put together|learned|reported)`).exec(head);
    if (m) meta.outlet = m[1] ?? m[2] ?? m[3] ?? null;
  }
  if (meta.title && meta.title === meta.outlet) meta.title = null;
  return meta;
}
