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

/** Transliteration folding of one name token: -iy/-yy/-ii → -y, ei → ey, kh → h, doubled letters, y → i. */
export function foldToken(t: string): string {
  const f = foldText(t).replace(/[^a-z0-9]/g, '');
  // most tokens hold none of the spellings folded below: no replacement to run
  if (!FOLDED_SPELLING.test(f)) return f;
  return f
    .replace(/yy$/, 'y')
    .replace(/(iy|ii|yi|yj|ij)$/, 'y')
    .replace(/ei$/, 'ey')
    .replace(/y(?=[aeiou])/g, '')
    .replace(/kh/g, 'h')
    .replace(/ts/g, 'c')
    .replace(/([a-z])\1/g, '$1')
    .replace(/y/g, 'i');
}
/** Any spelling foldToken rewrites: a y, kh, ts, a doubled letter, a final -ii/-ij or -ei. */
const FOLDED_SPELLING = /y|kh|ts|([a-z])\1|i[ij]$|ei$/;

const HONORIFIC_SET = new Set(HONORIFICS.map((h) => foldText(h).replace(/\.$/, '')));

/** The name without leading titles ("Mr.", "Sir", "President"). */
export function stripTitles(name: string): string {
  const trimmed = name.trim();
  // most names open with no title: no need to split them
  const sp = trimmed.search(/\s/);
  if (sp < 0 || !HONORIFIC_SET.has(foldText(trimmed.slice(0, sp)).replace(/\.$/, ''))) return sp < 0 ? trimmed : trimmed.replace(/\s+/g, ' ');
  const words = trimmed.split(/\s+/);
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

export function nameParts(name: string): NameParts {
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
  return sameSurnameForms(surnameForms(a), surnameForms(b));
}
/** "al-Sisi" and "Sisi" are one surname: an Arabic article before it is optional. */
const ARTICLE = /^(?:al|el|ad|as|ash|an|ar|at|az)[-\s]/i;

/** The folded forms of a surname that matching compares, with and without an Arabic article. */
export interface SurnameForms {
  readonly article: boolean;
  /** Transliteration-folded tokens, joined (foldToken). */
  readonly fold: string;
  /** Plain folded letters. */
  readonly letters: string;
  readonly bareFold: string;
  readonly bareLetters: string;
}
const foldJoined = (s: string): string => s.split(/[\s-]+/).map(foldToken).join('');
const lettersOf = (s: string): string => foldText(s).replace(/[^a-z]/g, '');
export function surnameForms(surname: string): SurnameForms {
  const fold = foldJoined(surname);
  const letters = lettersOf(surname);
  if (!ARTICLE.test(surname)) return { article: false, fold, letters, bareFold: fold, bareLetters: letters };
  const bare = surname.replace(ARTICLE, '');
  return { article: true, fold, letters, bareFold: foldJoined(bare), bareLetters: lettersOf(bare) };
}
export function sameSurnameForms(a: SurnameForms, b: SurnameForms): boolean {
  const bare = a.article || b.article;
  const fa = bare ? a.bareFold : a.fold;
  const fb = bare ? b.bareFold : b.fold;
  if (!fa || !fb) return false;
  if (fa === fb) return true;
  const la = bare ? a.bareLetters : a.letters;
  const lb = bare ? b.bareLetters : b.letters;
  if (Math.abs(la.length - lb.length) > 1 || la.length < 4) return false;
  if (la[0] !== lb[0]) return false;
  return jaroWinkler(la, lb) >= 0.93 && surnameSound(la) === surnameSound(lb);
}

/** The primary double-metaphone code of a folded surname (letters only): a blocking key for merging. */
export const surnameSound = (letters: string): string => doubleMetaphone(letters)[0];

/**
 * True when two names can be the same person: surnames match and, when both give a first
 * name, the first names agree (else the initials agree).
 */
export function samePerson(a: string, b: string): boolean {
  return samePersonNames(personName(a), personName(b));
}

/** A name prepared once for many comparisons: its parts and its surname's folded forms. */
export interface PersonName {
  readonly name: string;
  readonly parts: NameParts;
  readonly surname: SurnameForms;
}
export function personName(name: string): PersonName {
  const parts = nameParts(name);
  return { name, parts, surname: surnameForms(parts.surname) };
}

/** samePerson on prepared names. */
export function samePersonNames(a: PersonName, b: PersonName): boolean {
  const pa = a.parts;
  const pb = b.parts;
  if (!pa.surname || !pb.surname || !sameSurnameForms(a.surname, b.surname)) return false;
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
