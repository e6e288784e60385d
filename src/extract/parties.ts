import { COUNTRIES, ORGANISATIONS } from './lexicon/countries';
import { PLACES } from './lexicon/places';
import { HONORIFICS, ROLE_NOUNS } from './lexicon/roles';
import { sentenceAt } from './sentences';
import { notASideUse, sidesFromUsage, type UsageLexicon } from './sides-from-usage';
import type { PartyMention, Sentence } from './types';
import { allMatches } from '../text/matches';

/**
 * Parties: the states and organised sides of a conflict, named as the JSON contract wants them
 * ("United States", "Ukraine", "Hamas"). A party is recognised from its name, a demonym
 * ("Ukrainian"), a capital or seat of government ("Kyiv", "the Kremlin") or another usual name
 * ("U.S.", "Britain"), all from the tables in `lexicon/countries.ts`.
 */

export type PartyFormKind = 'name' | 'demonym' | 'capital' | 'alias' | 'organisation';
export interface PartyForm {
  readonly party: string;
  readonly kind: PartyFormKind;
  /** True when the party is a state (not an armed group or international body). */
  readonly state: boolean;
}

const exact = new Map<string, PartyForm>();
const folded = new Map<string, PartyForm>();
/** Forms by their first word, longest first, for scanning text. */
const byFirstWord = new Map<string, string[]>();

const WORD = /[\p{L}\p{N}]+/gu;
const firstWord = (s: string): string => s.match(/[\p{L}\p{N}]+/u)?.[0] ?? s;
const splitList = (s: string | undefined): string[] => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
/** Short all-capital forms ("US", "UK", "SAF") are matched only as written: "us" is a pronoun. */
const caseSensitive = (form: string): boolean => /^[A-Z.]{2,5}$/.test(form);
const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’`]/g, "'").toLowerCase();

function add(form: string, entry: PartyForm): void {
  if (!form || exact.has(form)) return;
  exact.set(form, entry);
  if (!caseSensitive(form) && !folded.has(fold(form))) folded.set(fold(form), entry);
  const w = firstWord(form);
  const list = byFirstWord.get(w) ?? [];
  list.push(form);
  byFirstWord.set(w, list);
  // "Élysée" is also written "Elysee", "Côte d’Ivoire" with either apostrophe.
  const plain = form.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (plain !== form) add(plain, entry);
  if (form.includes("'")) add(form.replace(/'/g, '’'), entry);
}

/** Each state's first demonym ("Ruritania" → "Ruritanian"). */
const demonyms = new Map<string, string>();
const pluralOf = (demonym: string): string | null => (/(an|i)$/.test(demonym) ? `${demonym}s` : null);

for (const line of COUNTRIES.split('\n')) {
  if (!line.trim()) continue;
  const [name, demonymList, capitals, aliases] = line.split('|').map((c) => c.trim());
  if (!name) continue;
  add(name, { party: name, kind: 'name', state: true });
  const ds = splitList(demonymList);
  if (ds[0]) demonyms.set(name, ds[0]);
  for (const d of ds) {
    add(d, { party: name, kind: 'demonym', state: true });
    const pl = pluralOf(d);
    if (pl) add(pl, { party: name, kind: 'demonym', state: true });
  }
  for (const c of splitList(capitals)) add(c, { party: name, kind: 'capital', state: true });
  for (const a of splitList(aliases)) add(a, { party: name, kind: 'alias', state: true });
}
for (const line of ORGANISATIONS.split('\n')) {
  if (!line.trim()) continue;
  const [name, members, aliases] = line.split('|').map((c) => c.trim());
  if (!name) continue;
  add(name, { party: name, kind: 'organisation', state: false });
  for (const m of splitList(members)) add(m, { party: name, kind: 'organisation', state: false });
  for (const a of splitList(aliases)) add(a, { party: name, kind: 'organisation', state: false });
}
for (const list of byFirstWord.values()) list.sort((a, b) => b.length - a.length);

const POSSESSIVE = /(?:['’]s|['’])$/;

/** What a word or phrase names, or null: "Kyiv" → Ukraine (capital), "Ukraine's" → Ukraine. */
export function partyForm(word: string): PartyForm | null {
  let v = formCache.get(word);
  if (v === undefined) {
    if (formCache.size > 50000) formCache.clear();
    v = partyFormRaw(word);
    formCache.set(word, v);
  }
  return v;
}
const formCache = new Map<string, PartyForm | null>();
function partyFormRaw(word: string): PartyForm | null {
  let w = word.trim().replace(/^the\s+/i, '').replace(POSSESSIVE, '').trim();
  if (!w) return null;
  w = w.replace(/\s+/g, ' ');
  return exact.get(w) ?? folded.get(fold(w)) ?? null;
}

/**
 * The canonical party a word or phrase names, or null:
 * "Kyiv", "Ukrainian", "Ukraine's" → "Ukraine"; "the Kremlin", "Russian" → "Russia";
 * "U.S.", "the White House" → "United States"; "RSF" → "Rapid Support Forces".
 */
export function canonicalParty(word: string): string | null {
  return partyForm(word)?.party ?? null;
}

/** True when the name is a party's canonical name (a known country or organisation). */
export const isKnownParty = (name: string): boolean => exact.get(name)?.party === name;

/** A compass or region word written before a party word makes a region: "South American", "Latin America", "Central Asian". */
const REGION_BEFORE = /(?:\b(?:South|North|Latin|Central|Pan)[\s-]|\bPan-)$/;
/** Every mention of a party in the text, in order, longest form first ("United States" not "States"), with the sides the text itself names by an acronym. */
export function findPartyMentions(text: string, sentences: readonly Sentence[]): PartyMention[] {
  const known = lexiconMentions(text, sentences);
  const defined = [...definedSides(text)];
  const named = new Set(defined.flatMap((d) => [d.party, ...d.forms]));
  for (const u of sidesFromUsage(text, USAGE_LEXICON, known)) {
    // a side the acronym rows defined, or a part of its name ("Democratic Party" in "the Peoples' Democratic Party (PDP)")
    if (named.has(u.party) || u.forms.some((f) => named.has(f)) || defined.some((d) => d.party.includes(u.party))) continue;
    defined.push({ party: u.party, kind: 'organisation', forms: u.forms });
  }
  if (!defined.length) return known;
  return withDefinedSides(text, sentences, known, defined);
}

const USAGE_LEXICON: UsageLexicon = { partyForm, isPlace: (w) => isPlace(w), demonymOf: (p) => demonyms.get(p) ?? null };

/** A side the text defines with an acronym: "the National Liberation Front (NLF)", "the Ruritanian government (GOR)". */
interface DefinedSide {
  readonly party: string;
  readonly kind: PartyFormKind;
  /** Written forms that name it in this text: the long name (when it is the party's name) and the acronym. */
  readonly forms: readonly string[];
}

/** A state's own government or forces named with an acronym: "the Ruritanian government (GOR)", "Ruritania's armed forces (RAF)". */
const STATE_BODY_ACRONYM = /(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)?)(?:['’]s)?\s+(?:government|armed\s+forces|army|military|Armed\s+Forces|Defen[cs]e\s+Forces?)\s+\(([A-Z][A-Z0-9]{1,6})\)/gu;
/** An organised side named with an acronym: capitalised words ending in a word for an armed or political body. */
const SIDE_ACRONYM = /((?:\p{Lu}[\p{L}’'-]*\s+(?:(?:of|for|the|and)\s+)*){0,6}(?:Front|Movement|Army|Forces|Force|Party|Brigades?|Alliance|Coalition|Militia|Council|Government|Organi[sz]ation|Union|Congress|Resistance))\s+\(([A-Z][A-Za-z0-9]{1,6})\)/gu;

function definedSides(text: string): DefinedSide[] {
  if (!text.includes('(')) return [];
  const out: DefinedSide[] = [];
  const taken = new Set<string>();
  for (const m of allMatches(STATE_BODY_ACRONYM, text)) {
    // "the Royal Ruritanian Government (RRG)": the state word may follow a qualifier
    const f = partyFormRaw(m[1]) ?? partyFormRaw(m[1].split(/\s+/).pop() ?? '');
    if (!f || !f.state || taken.has(m[2]) || exact.has(m[2])) continue;
    taken.add(m[2]);
    out.push({ party: f.party, kind: 'alias', forms: [m[2]] });
  }
  for (const m of allMatches(SIDE_ACRONYM, text)) {
    const long = sideName(m[1]);
    if (taken.has(m[2]) || exact.has(m[2]) || long.split(/\s+/).length < 2) continue;
    const known = partyFormRaw(long) ?? partyFormRaw(m[2]);
    if (known) continue;
    taken.add(m[2]);
    out.push({ party: long, kind: 'organisation', forms: [long, m[2]] });
  }
  return out;
}

/**
 * The name of a side as its long form gives it, without words that only lead into it: a title and
 * its "of" ("President of the X Council (XC)"), an owner's possessive ("Northland's X Army"),
 * a "-based" or "-backed" qualifier ("the Lima-based X Congress").
 */
const LEAD_IN = [
  /^(?:The|the)\s+/u,
  /^\p{Lu}[\p{L}-]*\s+(?:of|for)\s+(?:the\s+)?(?=\p{Lu})/u,
  /^(?!People)\p{Lu}[\p{L}-]*[^s\s]['’]s\s+/u,
  /^\p{Lu}[\p{L}]*-(?:based|backed|led|allied|aligned|supported)\s+/u,
] as const;
function sideName(long: string): string {
  let name = long.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of LEAD_IN) {
      const m = re.exec(name);
      // the title's "of" only after a title or role word, never inside a name ("Union of X Courts")
      if (!m || (re === LEAD_IN[1] && !isTitleWord(m[0].split(/\s+/)[0]!))) continue;
      const rest = name.slice(m[0].length);
      if (rest.split(/\s+/).length < 2) continue;
      name = rest;
      changed = true;
    }
  }
  return name;
}
const isTitleWord = (w: string): boolean => HONORIFIC_WORDS.has(w.toLowerCase()) || ROLE_NOUNS.has(w.toLowerCase()) || ROLE_NOUNS.has(w.toLowerCase().replace(/s$/, ''));
const HONORIFIC_WORDS: ReadonlySet<string> = new Set(HONORIFICS.map((h) => h.toLowerCase()));

/** Adds the mentions of sides the text defined, dropping lexicon mentions inside them ("Ruritanian" in "Ruritanian Liberation Army"). */
function withDefinedSides(text: string, sentences: readonly Sentence[], known: readonly PartyMention[], defined: readonly DefinedSide[]): PartyMention[] {
  const added: PartyMention[] = [];
  for (const d of defined) {
    for (const form of d.forms) {
      let at = text.indexOf(form);
      while (at >= 0) {
        const end = at + form.length;
        if (!/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[end] ?? '') && !added.some((x) => x.start < end && at < x.end) && !notASideUse(text, at, end)) {
          added.push({ party: d.party, start: at, end, text: form, sentence: sentenceAt(sentences, at)?.index ?? -1, kind: d.kind });
        }
        at = text.indexOf(form, end);
      }
    }
  }
  const kept = known.filter((k) => !added.some((x) => x.start < k.end && k.start < x.end));
  return [...kept, ...added].sort((x, y) => x.start - y.start);
}

function lexiconMentions(text: string, sentences: readonly Sentence[]): PartyMention[] {
  const out: PartyMention[] = [];
  let skipUntil = 0;
  for (const m of allMatches(WORD, text)) {
    const at = m.index ?? 0;
    if (at < skipUntil) continue;
    const forms = byFirstWord.get(m[0]);
    if (!forms) continue;
    for (const form of forms) {
      if (!text.startsWith(form, at)) continue;
      const end = at + form.length;
      const next = text[end] ?? '';
      if (/[\p{L}\p{N}]/u.test(next)) continue;
      // "U.S" inside "U.S.A." is handled by longest-first; a form ending in a letter must not be followed by ".X"
      const entry = exact.get(form);
      if (!entry) continue;
      // "the South American country", "Latin America": a region's name holds the word, not the state
      if (REGION_BEFORE.test(text.slice(Math.max(0, at - 8), at))) continue;
      const s = sentenceAt(sentences, at);
      out.push({ party: entry.party, start: at, end, text: form, sentence: s ? s.index : -1, kind: entry.kind });
      skipUntil = end;
      break;
    }
  }
  return out;
}

// ---------- places (a small gazetteer for venues and for telling places from people) ----------

export interface Place {
  /** The usual English spelling ("Odesa" for "Odessa"). */
  readonly name: string;
  /** The country it is in, or null (seas, regions). */
  readonly country: string | null;
  readonly kind: 'city' | 'capital' | 'country' | 'region';
}

const places = new Map<string, Place>();
const placesByFirstWord = new Map<string, string[]>();
function addPlace(form: string, place: Place): void {
  if (!form || places.has(form)) return;
  places.set(form, place);
  const w = firstWord(form);
  const list = placesByFirstWord.get(w) ?? [];
  list.push(form);
  placesByFirstWord.set(w, list);
  const plain = form.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (plain !== form) addPlace(plain, place);
}
for (const line of PLACES.split('\n')) {
  const m = /^([^:]+):\s*(.*)$/.exec(line.trim());
  if (!m) continue;
  const country = m[1].trim() === '-' ? null : m[1].trim();
  for (const item of m[2].split(/,(?![^(]*\))/)) {
    const im = /^\s*([^(]+?)\s*(?:\(([^)]*)\))?\s*$/.exec(item);
    if (!im) continue;
    const name = im[1].trim();
    const place: Place = { name, country, kind: country ? 'city' : 'region' };
    addPlace(name, place);
    for (const alt of (im[2] ?? '').split('/').map((x) => x.trim()).filter(Boolean)) addPlace(alt, place);
  }
}
for (const [form, entry] of exact) {
  if (entry.kind === 'capital' && /^\p{Lu}/u.test(form) && !/(House|Street|Department|Office|Hill|Bottom|Pentagon|Kremlin|Élysée|Elysee|Palace|Quai|Matignon|Chancellery|Bankova|Zhongnanhai|Whitehall|Number|No|Planalto|Moncloa|Miraflores|Rosada|Chigi|Malacañang)/.test(form)) {
    addPlace(form, { name: form, country: entry.party, kind: 'capital' });
  }
  if (entry.kind === 'name' && entry.state) addPlace(form, { name: form, country: entry.party, kind: 'country' });
}
for (const list of placesByFirstWord.values()) list.sort((a, b) => b.length - a.length);

/** The place a word or phrase names ("Odessa" → Odesa, Ukraine), or null. */
export function placeOf(word: string): Place | null {
  const direct = places.get(word);
  if (direct) return direct;
  const w = word.trim().replace(/^the\s+/i, '').replace(POSSESSIVE, '');
  return places.get(w) ?? null;
}
export const isPlace = (word: string): boolean => placeOf(word) != null;

export interface PlaceMention {
  readonly place: Place;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly sentence: number;
}

/** Every mention of a known place in the text, in order. */
export function findPlaces(text: string, sentences: readonly Sentence[], from = 0, to = text.length): PlaceMention[] {
  const out: PlaceMention[] = [];
  let skipUntil = 0;
  for (const m of allMatches(WORD, text.slice(from, to))) {
    const at = from + (m.index ?? 0);
    if (at < skipUntil) continue;
    const forms = placesByFirstWord.get(m[0]);
    if (!forms) continue;
    for (const form of forms) {
      if (!text.startsWith(form, at) || /[\p{L}\p{N}]/u.test(text[at + form.length] ?? '')) continue;
      const place = places.get(form);
      if (!place) continue;
      out.push({ place, start: at, end: at + form.length, text: form, sentence: sentenceAt(sentences, at)?.index ?? -1 });
      skipUntil = at + form.length;
      break;
    }
  }
  return out;
}
