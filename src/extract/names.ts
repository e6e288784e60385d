// @ts-expect-error talisman ships no type declarations; the function takes two strings and returns 0..1.
import jaroWinklerImpl from 'talisman/metrics/jaro-winkler.js';
// @ts-expect-error talisman ships no type declarations; the function returns [primary, secondary] codes.
import doubleMetaphoneImpl from 'talisman/phonetics/double-metaphone.js';
import { PARTICLES } from './lexicon/person-words';
import { HONORIFICS, NICKNAMES } from './lexicon/roles';

/**
 * Person names: normal forms, parts and variant matching. Two spellings name one person when
 * their surnames agree after folding transliteration (Kovalsky/Kovalskyy, Hnatov/Hnatyov) or are
 * close in both spelling (Jaro-Winkler) and sound (double metaphone) with at most one letter of
 * difference (so Petrov and Petrova, Kuzmin and Kuzminov stay apart), and their first names or initials agree
 * (Sergey/Sergei, Dmitri/Dmitry, Mike/Michael; Volodymyr and Vladimir are different names).
 */

const jaroWinkler = jaroWinklerImpl as (a: string, b: string) => number;
const doubleMetaphone = doubleMetaphoneImpl as (s: string) => [string, string];

/** Lower case, no diacritics, curly apostrophes straightened. */
export const foldText = (s: string): string =>
  PLAIN_ASCII.test(s) ? s.toLowerCase() : s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’`]/g, "'").toLowerCase();
/** Printable ASCII without a backtick: decomposing and stripping marks would change nothing, only the case is folded. */
const PLAIN_ASCII = /^[ -_a-~]*$/;

/** A small cache for pure functions of strings (names repeat a lot within a corpus). */
function memo<T>(f: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string): T => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size > 20000) cache.clear();
      v = f(s);
      cache.set(s, v);
    }
    return v;
  };
}

/** The same for pure functions of two strings, without building a key string per call. */
function memo2<T>(f: (a: string, b: string) => T): (a: string, b: string) => T {
  const cache = new Map<string, Map<string, T>>();
  let size = 0;
  return (a: string, b: string): T => {
    let inner = cache.get(a);
    let v = inner?.get(b);
    if (v === undefined) {
      if (size > 20000) {
        cache.clear();
        size = 0;
        inner = undefined;
      }
      v = f(a, b);
      if (!inner) cache.set(a, (inner = new Map()));
      inner.set(b, v);
      size++;
    }
    return v;
  };
}

/** Transliteration folding of one name token: -iy/-yy/-ii → -y, ei → ey, kh → h, doubled letters, y → i. */
export const foldToken = memo(foldTokenRaw);
function foldTokenRaw(t: string): string {
  return foldText(t)
    .replace(/[^a-z0-9]/g, '')
    .replace(/yy$/, 'y')
    .replace(/(iy|ii|yi|yj|ij)$/, 'y')
    .replace(/ei$/, 'ey')
    .replace(/y(?=[aeiou])/g, '')
    .replace(/kh/g, 'h')
    .replace(/ts/g, 'c')
    .replace(/([a-z])\1/g, '$1')
    .replace(/y/g, 'i');
}

const HONORIFIC_SET = new Set(HONORIFICS.map((h) => foldText(h).replace(/\.$/, '')));

/** The name without leading titles ("Mr.", "Sir", "President"). */
export const stripTitles = memo(stripTitlesRaw);
function stripTitlesRaw(name: string): string {
  const words = name.trim().split(/\s+/);
  while (words.length > 1 && HONORIFIC_SET.has(foldText(words[0]).replace(/\.$/, ''))) words.shift();
  return words.join(' ');
}

export interface NameParts {
  /** First given name, if any ("Sergey"), else null. */
  readonly first: string | null;
  /** Initials of given names, including middle initials ("SO"). */
  readonly initials: string;
  /** The family name, with particles ("al-Burhan", "von der Leyen"). */
  readonly surname: string;
  /** Number of name words (without titles). */
  readonly words: number;
}

const isInitial = (w: string): boolean => /^\p{L}\.?$/u.test(w) || /^(\p{L}\.){2,}$/u.test(w);

export const nameParts = memo(namePartsRaw);
function namePartsRaw(name: string): NameParts {
  const words = stripTitles(name).split(/\s+/).filter(Boolean);
  if (!words.length) return { first: null, initials: '', surname: '', words: 0 };
  // The surname runs from the last word back over lower-case particles ("bin Salman", "von der Leyen").
  let s = words.length - 1;
  while (s > 1 && PARTICLES.has(foldText(words[s - 1]))) s--;
  const surname = words.slice(s).join(' ');
  const given = words.slice(0, s);
  const first = given.find((w) => !isInitial(w)) ?? null;
  const initials = given.map((w) => w[0]?.toUpperCase() ?? '').join('');
  return { first, initials, surname, words: words.length };
}

/** A normalised key of a whole name: folded tokens without titles and middle initials. */
export function nameKey(name: string): string {
  const p = nameParts(name);
  const sur = p.surname.split(/[\s-]+/).map(foldToken).filter(Boolean).join(' ');
  return p.first ? `${foldToken(p.first)} ${sur}` : sur;
}

const nicknameOf = new Map<string, string>();
for (const line of NICKNAMES.split('\n')) {
  const names = line.split(/[\s,]+/).filter(Boolean).map(foldToken);
  for (const n of names) nicknameOf.set(n, names[0]);
}

/** True when two given names can be the same name: spelling variants or nicknames. */
export function sameFirstName(a: string, b: string): boolean {
  const fa = foldToken(a);
  const fb = foldToken(b);
  if (fa === fb) return true;
  const na = nicknameOf.get(fa);
  return na != null && na === nicknameOf.get(fb);
}

/** True when two surnames are spellings of one name. */
export function sameSurname(a: string, b: string): boolean {
  return a < b ? sameSurnameCached(a, b) : sameSurnameCached(b, a);
}
const sameSurnameCached = memo2(sameSurnameRaw);
/** "al-Sisi" and "Sisi" are one surname: an Arabic article before it is optional. */
const ARTICLE = /^(?:al|el|ad|as|ash|an|ar|at|az)[-\s]/i;
function sameSurnameRaw(a: string, b: string): boolean {
  if (ARTICLE.test(a) || ARTICLE.test(b)) return sameSurnameBase(a.replace(ARTICLE, ''), b.replace(ARTICLE, ''));
  return sameSurnameBase(a, b);
}
function sameSurnameBase(a: string, b: string): boolean {
  const fa = a.split(/[\s-]+/).map(foldToken).join('');
  const fb = b.split(/[\s-]+/).map(foldToken).join('');
  if (!fa || !fb) return false;
  if (fa === fb) return true;
  const la = foldText(a).replace(/[^a-z]/g, '');
  const lb = foldText(b).replace(/[^a-z]/g, '');
  if (Math.abs(la.length - lb.length) > 1 || la.length < 4) return false;
  if (la[0] !== lb[0]) return false;
  return jaroWinkler(la, lb) >= 0.93 && surnameSound(la) === surnameSound(lb);
}

/** The primary double-metaphone code of a folded surname (letters only): a blocking key for merging. */
export const surnameSound = memo((letters: string): string => doubleMetaphone(letters)[0]);

/**
 * True when two names can be the same person: surnames match and, when both give a first
 * name, the first names agree (else the initials agree).
 */
export function samePerson(a: string, b: string): boolean {
  const pa = nameParts(a);
  const pb = nameParts(b);
  if (!pa.surname || !pb.surname || !sameSurname(pa.surname, pb.surname)) return false;
  if (pa.first && pb.first) return sameFirstName(pa.first, pb.first);
  if (pa.initials && pb.initials) return pa.initials[0] === pb.initials[0];
  return true;
}

/** How full a name is: more given names and initials win ("Sergey O. Petrov" over "Sergei Petrov"). */
export const nameFullness = (name: string): number => {
  const p = nameParts(name);
  return p.words * 10 + (p.first ? 5 : 0) + p.initials.length;
};

/** Lower-case ASCII words joined by hyphens, for ids: "United States" → "united-states". */
export const slug = (s: string): string =>
  foldText(s).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';

/**
 * Stable id of a person: the folded surname and first initial, so that spelling variants
 * ("Sergey O. Petrov", "Sergei Petrov") get the same id in every run.
 */
export function personId(name: string): string {
  const p = nameParts(name);
  const sur = p.surname.split(/[\s-]+/).map(foldToken).filter(Boolean).join('-') || slug(name);
  const initial = p.first ? foldToken(p.first)[0] ?? '' : (p.initials[0] ?? '').toLowerCase();
  return `people:${sur}${initial ? `:${initial}` : ''}`;
}
