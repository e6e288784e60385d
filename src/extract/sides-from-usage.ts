import { FUNCTION_WORDS, GROUP_HEADS, GROUP_NOUNS, NOT_GROUP_NAMES, OPPOSITION_SIDE, STATE_BODY_HEADS, STATE_BODY_WORDS } from './lexicon/group-words';
import { HONORIFICS, ROLE_NOUNS } from './lexicon/roles';
import type { PartyForm } from './parties';
import type { PartyMention } from './types';
import { allMatches } from '../text/matches';

/**
 * Sides a text shows to be groups by how it uses their names, for groups no lexicon lists: a
 * capitalised name before a group noun ("the Renamo rebels", "KLF militants"), a capitalised
 * name ending in a group's head word ("the Patriotic Unity Front"), and the opposition when the
 * text sets it against the government ("talks between the government and the opposition").
 * Each rule is a named row; each side comes with the written forms that name it in this text.
 */

export interface UsageSide {
  readonly party: string;
  /** Written forms that name it in this text, longest first; matched whole-word as written. */
  readonly forms: readonly string[];
  /** The rule that found it. */
  readonly by: UsageRule;
}

/** What the rules need to know of the lexicon (parties.ts passes its own look-ups). */
export interface UsageLexicon {
  readonly partyForm: (word: string) => PartyForm | null;
  readonly isPlace: (word: string) => boolean;
  /** A state's demonym ("Ruritania" → "Ruritanian"), or null. */
  readonly demonymOf: (party: string) => string | null;
}

export type UsageRule = 'name-before-group-noun' | 'group-head-name' | 'opposition-side';

interface Row {
  readonly name: UsageRule;
  readonly find: (text: string, lex: UsageLexicon, known: readonly PartyMention[]) => UsageSide[];
}

const HONORIFIC_WORDS: ReadonlySet<string> = new Set(HONORIFICS.map((h) => h.replace(/\.$/, '')));
const isPossessive = (w: string): boolean => /['’]s$/.test(w);
/** A word that may stand in a group's name: not a title, a role, a state or a place. */
const nameWord = (w: string, lex: UsageLexicon): boolean =>
  !HONORIFIC_WORDS.has(w) && !ROLE_NOUNS.has(w.toLowerCase()) && lex.partyForm(w) == null && !lex.isPlace(w) && !isPossessive(w);

/** "Renamo rebels", "the KLF militants", "Maoist rebels": up to three capitalised words before a group noun. */
const NAME_BEFORE_NOUN = /(?<![\p{L}\p{N}’'-])(\p{Lu}[\p{L}\p{N}’']*(?:\s+\p{Lu}[\p{L}\p{N}’']*){0,2})\s+(\p{Ll}+)(?![\p{L}-])/gu;

/**
 * Some group noun as a whole word after a space, as every kept match of NAME_BEFORE_NOUN ends: a
 * text without one (most texts) skips the scan of all its capitalised words.
 */
const ANY_GROUP_NOUN = new RegExp(`\\s(?:${[...GROUP_NOUNS].join('|')})(?![\\p{L}-])`, 'u');

function nameBeforeGroupNoun(text: string, lex: UsageLexicon): UsageSide[] {
  const out: UsageSide[] = [];
  if (!ANY_GROUP_NOUN.test(text)) return out;
  for (const m of allMatches(NAME_BEFORE_NOUN, text)) {
    if (!GROUP_NOUNS.has(m[2])) continue;
    const words = m[1].split(/\s+/);
    // "Islamic State fighters": the lexicon knows the words together, before a creed word is taken off
    if (namesKnown(words, lex)) continue;
    // "Yemen's X rebels", "The X rebels": owners and function words lead into the name
    while (words.length && (NOT_GROUP_NAMES.has(words[0]) || isPossessive(words[0]))) words.shift();
    if (!words.length || !words.every((w) => nameWord(w, lex) && !NOT_GROUP_NAMES.has(w)) || namesKnown(words, lex)) continue;
    const name = words.join(' ');
    // "Maoist rebels" names the Maoists
    const plural = words.length === 1 && /\p{Ll}ist$/u.test(name) ? `${name}s` : null;
    out.push({ party: plural ?? name, forms: plural ? [plural, name] : [name], by: 'name-before-group-noun' });
  }
  return out;
}

/** "Al Shabaab fighters": the lexicon knows the words together (or their last ones) as a party. */
const namesKnown = (words: readonly string[], lex: UsageLexicon): boolean => words.some((_, i) => lex.partyForm(words.slice(i).join(' ')) != null);

/**
 * A group's head word ("Front", "Movement"): the capitalised words before it are its name. The
 * lookahead for the heads themselves comes first so that the costly lookbehind runs only where a
 * head stands; a capitalised word that is no head was skipped anyway, and its match took no text
 * another match needs (a head starts after a space), so the matches kept are the same.
 */
const GROUP_HEAD = new RegExp(
  `(?=(?:${[...GROUP_HEADS].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}-]))(?<=\\p{Lu}[\\p{L}\\p{N}’'-]*\\s+)(\\p{Lu}\\p{Ll}+)(?![\\p{L}\\p{N}-])`,
  'gu',
);
const CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'and', 'the']);

function groupHeadNames(text: string, lex: UsageLexicon): UsageSide[] {
  const out: UsageSide[] = [];
  for (const m of allMatches(GROUP_HEAD, text)) {
    const head = m[1];
    if (!GROUP_HEADS.has(head)) continue;
    // the capitalised words (and inner connectors) before the head, at most six
    const before = text.slice(Math.max(0, (m.index ?? 0) - 120), m.index ?? 0).split(/\s+/).filter(Boolean);
    const words: string[] = [];
    for (let i = before.length - 1; i >= 0 && words.length < 6; i--) {
      const w = before[i];
      if (/[,.;:!?()"“”]$/.test(w) || /^[("“]/.test(w)) break;
      if (!/^\p{Lu}/u.test(w) && !CONNECTORS.has(w)) break;
      words.unshift(w);
    }
    // "the Ruritania-backed X Council", "the Capital-based X Front": the backer or seat before the name is not part of it
    const backer = words.findLastIndex((w) => BACKED_WORD.test(w));
    if (backer >= 0) words.splice(0, backer + 1);
    // "Chairman of the X Front", "Ruritania's X Front", "The X Front", "Former X Council": a title and its "of", an owner, a determiner, a modifier lead in
    while (words.length && (CONNECTORS.has(words[0]) || FUNCTION_WORDS.has(words[0]) || NAME_MODIFIERS.has(words[0]) || isPossessive(words[0]) || HONORIFIC_WORDS.has(words[0]) || (ROLE_NOUNS.has(words[0].toLowerCase()) && CONNECTORS.has(words[1] ?? '')))) words.shift();
    // "the 444th X Brigade", "the Fourth Army": a numbered unit is a state's
    if (!words.length || /\d\S*$/.test(before[before.length - words.length - 1] ?? '')) continue;
    // "the X Council for National Y", "the X Party of Ruritania": the name goes on after its head
    const tail = NAME_TAIL.exec(text.slice(m.index + head.length, m.index + head.length + 80))?.[0].replace(/\s+$/, '') ?? '';
    const all = [...words, head, ...tail.split(/\s+/).filter(Boolean)];
    const name = all.join(' ');
    if (namesKnown(all, lex) || all.some((w) => STATE_BODY_WORDS.has(w))) continue;
    // "the Ruritanian Army", "the Ruritania National Congress": a state's own body
    if (STATE_BODY_HEADS.has(head) && all.some((w) => lex.partyForm(w)?.state)) continue;
    if (words.every((w) => CONNECTORS.has(w) || lex.partyForm(w) != null || lex.isPlace(w))) continue;
    // "the Zanu Party" called "Zanu" too: the bare first word of a two-word name when the text writes it alone
    const bare = words.length === 1 && nameWord(words[0], lex) && !NOT_GROUP_NAMES.has(words[0]) ? words[0] : null;
    out.push({ party: name, forms: bare && !tail ? [name, bare] : [name], by: 'group-head-name' });
  }
  return out;
}
/** "Ruritania-backed", "Capital-based": a word naming who backs a group or where it sits. */
const BACKED_WORD = /-(?:backed|based|led|sponsored|supported|allied|aligned|funded)$/i;
/** Words that qualify a name before it and never open one: "Former X Council", "the then X Front". */
const NAME_MODIFIERS: ReadonlySet<string> = new Set(['Former', 'Then', 'Ex', 'Late', 'Outgoing', 'Incoming', 'Interim', 'Acting']);
/** "of the Northern Hills", "for National Renewal": capitalised words after a head's "of" or "for". */
const NAME_TAIL = /^\s+(?:of|for)\s+(?:the\s+)?\p{Lu}[\p{L}’'-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}’'-]*){0,3}/u;

/**
 * The opposition as a side: named after its country ("the Ruritanian opposition", "Ruritania's
 * opposition"), else after the state the article names most.
 */
const OWNED_OPPOSITION = /(\p{Lu}[\p{L}’'-]*)\s+(?:main\s+|armed\s+|political\s+)?opposition\b/gu;
function oppositionSide(text: string, lex: UsageLexicon, known: readonly PartyMention[]): UsageSide[] {
  if (!OPPOSITION_SIDE.test(text)) return [];
  let country: string | null = null;
  for (const m of allMatches(OWNED_OPPOSITION, text)) {
    const f = lex.partyForm(m[1]);
    if (f?.state) {
      country = f.party;
      break;
    }
  }
  country ??= mostNamedState(text, known);
  const demonym = country ? lex.demonymOf(country) : null;
  if (!demonym) return [];
  return [{ party: `${demonym} opposition`, forms: [`${demonym} opposition`, 'opposition', 'Opposition'], by: 'opposition-side' }];
}

/**
 * The state the article is about: its name counts fully, a demonym half; a capital, or a state
 * named as where something happens ("in Ruritania", "Lagos, Ruritania"), not at all: talks are
 * often held and mediated elsewhere.
 */
function mostNamedState(text: string, known: readonly PartyMention[]): string | null {
  const counts = new Map<string, number>();
  for (const pm of known) {
    if (pm.kind === 'organisation' || pm.kind === 'capital') continue;
    if (VENUE_BEFORE.test(text.slice(Math.max(0, pm.start - 30), pm.start)) || BACKER_AFTER.test(text.slice(pm.end, pm.end + 12))) continue;
    // "Ruritania's government and the opposition": the government the cue sets the opposition against
    const owner = OWN_GOVERNMENT_AFTER.test(text.slice(pm.end, pm.end + 24)) ? 2 : 0;
    counts.set(pm.party, (counts.get(pm.party) ?? 0) + owner + (pm.kind === 'demonym' ? 0.5 : 1));
  }
  let best: string | null = null;
  let most = 0;
  for (const [p, n] of counts) if (n > most) [best, most] = [p, n];
  return best;
}

/** "the Ruritania-backed opposition": a backer is not the state the opposition opposes. */
const BACKER_AFTER = /^-(?:backed|led|sponsored|supported|allied|aligned)\b/;
const OWN_GOVERNMENT_AFTER = /^(?:['’]s)?\s+(?:government|regime)\s+and\s/;
const VENUE_BEFORE = /(?:\b(?:in|at|to|from)\s+(?:the\s+)?|\p{Lu}[\p{L}-]*,\s+)$/u;

const ROWS: readonly Row[] = [
  { name: 'group-head-name', find: (text, lex) => groupHeadNames(text, lex) },
  { name: 'name-before-group-noun', find: (text, lex) => nameBeforeGroupNoun(text, lex) },
  { name: 'opposition-side', find: oppositionSide },
];

/** The sides the text's usage shows, one per party, first rule first. */
export function sidesFromUsage(text: string, lex: UsageLexicon, known: readonly PartyMention[]): UsageSide[] {
  const out: UsageSide[] = [];
  const seen = new Set<string>();
  for (const row of ROWS) {
    for (const side of row.find(text, lex, known)) {
      if (seen.has(side.party)) continue;
      seen.add(side.party);
      out.push(side);
    }
  }
  return out;
}

/** "opposition to the plan", "in opposition": the word names no side there. */
export const notASideUse = (text: string, start: number, end: number): boolean =>
  /^\s+to\b/.test(text.slice(end, end + 4)) && /^opposition$/i.test(text.slice(start, end));
