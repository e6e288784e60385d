import type { Attack, Weapon } from '../model';
import { fastRegExp, inSpans, mentionsIn, quotations, subjectsAt, type Mention } from './clauses';
import { articleTimes } from './dates';
import { COUNTRIES } from './lexicon/countries';
import { ARMED_ACTS, ARMED_MEN, BACKGROUND_TOLL, CASUALTY, DEFENDERS, FLAG_SUFFIX } from './lexicon/casualty-words';
import {
  ATTEMPT,
  BY_GERUND,
  DAMAGE_ONLY,
  FIRE_CONTEXT,
  FIRED_IDIOM,
  HYPHENATED_ADJECTIVE,
  HIT_AS_ADJECTIVE,
  LAUNCH,
  STRUCK_IDIOM,
  LETHAL,
  NEW_STRIKE,
  NOT_AN_EVENT,
  PHOTO_CREDIT,
  RECIPROCAL,
  SCENE_VERBS,
  STRIKE_NOUNS,
  STRIKE_WORDS,
  STRUCK_BY,
  SPEAKER_STRUCK,
  STRUCK_PAST,
  WITH_WEAPON_ONLY,
} from './lexicon/strike-verbs';
import { PLACE_SUFFIX, TARGET_HEADS, TARGET_MODIFIERS } from './lexicon/targets';
import { OFFICIAL_NOUNS, REGION_ADJECTIVES } from './lexicon/places';
import { attackerArticle, attackerCandidates, isStruckObject, type AttackerCandidate, type AttackerInput, type AttackerProposal, type StrikeSides } from './learn/attacker-features';
import { attackerModel, attackerProbabilities, chooseAttacker } from './learn/attacker-model';
import { AIR_WAR, BLASTS, WEAPONS } from './lexicon/weapons';
import { NUMBER, QUALIFIER, numberSpans, parseCount, type NumberSpan } from './numbers';
import { partyForm, placeOf } from './parties';
import { refOf, type AnalysedArticle, type Sentence } from './types';
import { allMatches } from '../text/matches';

/**
 * Attacks: each distinct strike or barrage an article reports, as conflict researchers code
 * them (attacker, place, time, weapons with counts, killed and injured as lower bounds,
 * target, interceptions, whether the figures add up several days).
 *
 * Precision first: a sentence reports an attack only when a strike word stands in a
 * reporting context (not "halt strikes", "refrain from striking", "to launch an attack") and
 * comes with evidence — a place, a weapon, a count or a casualty. A definite back-reference
 * ("the drone attack", "the Port Marin attack") adds nothing new and makes no record.
 */

const flags = 'gi';
/** "from Paraguayan fire", "opened fire", "rocket fire": "fire" as a strike noun, only after a word that makes it one. */
const FIRE = `(?<=\\b(?:${FIRE_CONTEXT})\\s+(?:\\p{Lu}[\\p{L}-]+\\s+)?)fire`;
const STRIKE_RE = fastRegExp(`\\b(?:${STRIKE_WORDS}|${FIRE})\\b`, flags);
const STRIKE_TEST = fastRegExp(`\\b(?:${STRIKE_WORDS}|fire)\\b`, 'i');
/** Strike words that are verbs whatever their ending. */
const VERBAL_WORD = /(?:ed|struck|hit|aimed at|landed on|landed in|fell on|fell in|fell near|slammed|blew \w+ up|ripped through)$/i;
/** "attempted to strike", "tried to hit": an attempt is a strike. */
const ATTEMPT_BEFORE = fastRegExp(`\\b(?:${ATTEMPT})\\s+to\\s+$`, 'i');
/** "broke the truce by targeting": the gerund's agent is the clause's subject. */
const BY_GERUND_BEFORE = fastRegExp(`\\b(?:${BY_GERUND})\\s+$`, 'i');
const FLAG_AFTER = fastRegExp(`^(?:${FLAG_SUFFIX})\\b`, 'i');
const DEFENDER_AFTER = fastRegExp(`^['’]?s?\\s+(?:[\\p{L}-]+\\s+)?(?:${DEFENDERS})\\b`, 'i');
/** "a Myanmar military airstrike", "Sudanese army shelling": the force word modifies a strike or its aircraft, so the party strikes. */
const FORCE_STRIKING = fastRegExp(`^['’]?s?\\s+(?:[\\p{L}-]+\\s+)?(?:military|army|navy|air force)\\s+(?:jets?\\s+|aircraft\\s+|planes?\\s+|helicopters?\\s+)?(?:${STRIKE_WORDS}|${WEAPONS.map(([, label]) => label).join('|')}|jets?|aircraft|planes?|helicopters?)\\b`, 'i');
/** A party named as the side that reports or defends ("X's air force said", "X air defences"), not as the one that strikes. */
const defends = (after: string): boolean => DEFENDER_AFTER.test(after) && !FORCE_STRIKING.test(after);
/** A speech verb between a party and a strike word makes the party the reporter ("Peruvian police said the shell ..."). */
const SPEECH_BETWEEN = /\b(?:said|says|say|told|reported|reports|announced|claimed|stated|added|confirmed|according)\b/i;
/** Up to three words between ("halt to U.S. airstrikes": an initialism's dots are a word's). */
const NEGATED_RE = fastRegExp(`\\b(?:${NOT_AN_EVENT})\\s+(?:[\\p{L}’'.-]+\\s+){0,3}$`, 'i');
const REFERENCE_RE = fastRegExp(String.raw`\b(?:the|these|those|this|that)\s+(?:[\p{L}\p{N}.’'-]+\s+){0,2}$`, 'i');
/** A strike named as a point in time or a cause ("the war began after the May 3 attack", "since the raid", "in retaliation for the strike"): history, never a first report. */
const ANCHORED_REFERENCE_RE = fastRegExp(String.raw`\b(?:after|since|following|before|until|(?:in\s+)?(?:response|retaliation|revenge)\s+(?:to|for)|sparked\s+by|triggered\s+by|began\s+with)\s+(?:the|these|those|this|that)\s+(?:[\p{L}\p{N}.’'-]+\s+){0,2}$`, 'i');
const COUNT = `(?:${QUALIFIER})?${NUMBER}`;
/** Every weapon name in one pass; the matching group's index is the entry in WEAPONS. */
const WEAPON_HEAD_RE = fastRegExp(`\\b(?:${WEAPONS.map(([, label]) => `(${label})`).join('|')})\\b`, flags);
/** "22 people, including six children, were killed": an appositive between the count and its verb. */
const APPOSITIVE_WORD = "(?!(?:were|was|had|have|has|are|been|killed|injured|wounded|died|dead)\\b)[\\p{L}\\p{N}’'-]+";
const APPOSITIVE = `(?:,?\\s*(?:including|among them|most of them|many of them|among whom)\\s+${APPOSITIVE_WORD}(?:\\s+${APPOSITIVE_WORD}){0,4}?,?\\s+|\\s*[—–]\\s*${APPOSITIVE_WORD}(?:\\s+${APPOSITIVE_WORD}){0,4}?\\s*[—–]\\s*)?`;
const KILLED_RES = [
  fastRegExp(`\\b(?:${CASUALTY.killing})\\s+(${COUNT})\\b`, 'i'),
  fastRegExp(`\\b(${COUNT})\\s+(?:other\\s+)?(?:(?:${CASUALTY.victims})(?=[\\s,—–])\\s*|(?:(?!(?:were|was|are|have|had|and|or|of|in|on|at|by|from|after|when|while)\\b)[\\p{L}-]+(?:\\s+|(?=,))){1,3}?)?${APPOSITIVE}(?:were\\s+|was\\s+|have\\s+been\\s+|had\\s+been\\s+|has\\s+been\\s+|are\\s+|have\\s+|has\\s+|had\\s+)?(?:(?:reportedly|allegedly|also)\\s+)?(?:(?:reported|confirmed|believed|feared|said)\\s+(?:to\\s+(?:be|have\\s+been)\\s+)?)?(?:${CASUALTY.killed})\\b`, 'i'),
  fastRegExp(`\\b(${COUNT})\\s+(?:more\\s+|other\\s+)?(?:${CASUALTY.deaths})\\b`, 'i'),
  fastRegExp(`\\b(?:leaving|left)\\s+(${COUNT})\\s+(?:(?:${CASUALTY.victims})\\s+)?dead\\b`, 'i'),
  fastRegExp(`\\bdeath toll\\s+(?:\\w+\\s+){0,2}(?:to|at|of)\\s+(${COUNT})\\b`, 'i'),
  // "the number of fatalities left by the attack on ... increased to 21": the toll named, then where it stands.
  fastRegExp(`\\b(?:death toll|number of (?:dead|deaths|fatalities|people killed|those killed))\\b[^.;]{0,140}?\\b(?:rose|risen|rises|increased|increases|climbed|climbs|reached|reaches|jumped|grew|stood at|stands at)\\s+(?:to\\s+)?(${COUNT})\\b`, 'i'),
  fastRegExp(`\\b(?:${CASUALTY.lives})\\s+(${COUNT})\\b`, 'i'),
  // "condemned the killing of about 30 herders", "the deaths of five guards", "caused the death of no fewer than six people".
  fastRegExp(`\\b(?:${CASUALTY.deathOf})\\s+of\\s+(${COUNT})\\b`, 'i'),
  // "resulted in the loss of at least 12 lives".
  fastRegExp(`\\b(?:${CASUALTY.livesLost})\\s+(${COUNT})\\s+(?:[\\p{L}-]+\\s+)?lives\\b`, 'i'),
  // Last: "with over 600 casualties reported" when no death is counted otherwise.
  fastRegExp(`\\b(${COUNT})\\s+(?:[\\p{Ll}-]+\\s+)?casualties\\b`, 'i'),
];
/** One group of victims after its count: "civilians", "of its soldiers", "aid workers" (no verb, preposition or unit). */
const VICTIM_GROUP = (() => {
  const word = "(?!(?:were|was|are|is|have|has|had|and|or|as|plus|of|in|on|at|by|from|after|when|while|during|since|who|which|that|injured|wounded|hurt|injuries|wounds|casualties|days?|hours?|weeks?|months?|years?|minutes?|times|percent|per|km|kilometres|kilometers|miles|metres|meters)\\b)[\\p{L}-]+";
  return `(?:of\\s+(?:its|their|the|his|her)\\s+)?(?:${word}\\s+){0,2}${word}`;
})();
const AND_GROUP = `\\s+(?:and|as well as|plus)\\s+`;
/**
 * Two groups of dead counted apart, summed ("killing at least nine villagers and three guards",
 * "five of its troops and one civilian died"): the toll is both. Not when the second group
 * was hurt ("killing three people and 12 others were wounded").
 */
const SUM_KILLED_RES = [
  fastRegExp(`\\b(?:${CASUALTY.killing}|(?:${CASUALTY.deathOf})\\s+of)\\s+(${COUNT})\\s+${VICTIM_GROUP}${AND_GROUP}(${COUNT})\\s+${VICTIM_GROUP}(?![\\p{L}-])(?!\\s+(?:were\\s+|was\\s+|have\\s+been\\s+|had\\s+been\\s+|are\\s+)?(?:${CASUALTY.injured}|${CASUALTY.injuries}))`, 'i'),
  fastRegExp(`\\b(${COUNT})\\s+${VICTIM_GROUP}${AND_GROUP}(${COUNT})\\s+${VICTIM_GROUP}\\s+(?:also\\s+)?(?:were\\s+|have\\s+been\\s+|had\\s+been\\s+|are\\s+)?(?:(?:reported|confirmed|believed)\\s+)?(?:${CASUALTY.killed})\\b`, 'i'),
];
/** "with no casualties reported": a toll of nobody. */
const NONE_KILLED = fastRegExp(`\\b(?:${CASUALTY.noneKilled})\\b`, 'i');
const NONE_INJURED = fastRegExp(`\\b(?:${CASUALTY.noneInjured})\\b`, 'i');
/** One victim: "killing one crew member", "killing a woman" — any lower-case noun phrase after the verb. */
const ONE = '(?:a|an|one)\\s+(?!(?:of|dozen|number|few|couple|handful|hundred|thousand|total)\\b)(?:[\\p{L}\\p{N}-]+\\s+){0,2}?[\\p{L}-]+';
/** "A woman was killed", "One soldier died": a singular subject of a passive or intransitive toll verb. */
const ONE_SUBJECT = (passive: string, intransitive: string): RegExp =>
  fastRegExp(`(?:^|[,;]\\s+|\\b(?:and|when|as|after|which|whom)\\s+)(?:a|an|one)\\s+(?:[\\p{L}-]+\\s+){0,2}?[\\p{L}-]+\\s+(?:was\\s+(?:also\\s+)?(?:${passive})|${intransitive})\\b`, 'i');
const ONE_KILLED = [fastRegExp(`\\b(?:${CASUALTY.killing})\\s+${ONE}\\b`, 'i'), ONE_SUBJECT(CASUALTY.killed, 'died')];
const ONE_INJURED = [fastRegExp(`\\b(?:${CASUALTY.injuring})\\s+${ONE}\\b`, 'i'), ONE_SUBJECT(CASUALTY.injured, 'was hurt')];
const INJURED_RES = [
  fastRegExp(`\\b(?:${CASUALTY.injuring})\\s+(${COUNT})\\b`, 'i'),
  fastRegExp(`\\b(${COUNT})\\s+(?:other\\s+)?(?:(?:${CASUALTY.victims})(?=[\\s,])\\s*)?${APPOSITIVE}(?:were\\s+|was\\s+|have\\s+been\\s+|had\\s+been\\s+|are\\s+)?(?:${CASUALTY.injured})\\b`, 'i'),
  fastRegExp(`\\b(${COUNT})\\s+(?:${CASUALTY.injuries})\\b`, 'i'),
  // "five others, including teachers, sustained injuries".
  fastRegExp(`\\b(${COUNT})\\s+(?:other\\s+)?(?:(?:${CASUALTY.victims})(?=[\\s,])\\s*)?${APPOSITIVE}(?:sustained|suffered|received)\\s+(?:[\\p{L}-]+\\s+)?(?:injuries|wounds)\\b`, 'i'),
];
const INTERCEPTED_RES = [
  // The object of the verb must be a weapon: "destroyed six fuel tankers" intercepts nothing.
  fastRegExp(`\\b(?:${CASUALTY.intercepting})\\s+(${COUNT})\\s+(?:of them|(?:[\\p{L}-]+\\s+){0,2}?(?:drones?|missiles?|rockets?|UAVs?|projectiles?|targets|bombs|shells|aircraft|Shaheds?))\\b`, 'i'),
  fastRegExp(`\\b(${COUNT})\\s+(?:of them\\s+)?(?:were|was|had been|have been)\\s+(?:${CASUALTY.intercepting})\\b`, 'i'),
];
const TARGET_RE = fastRegExp(`\\b(?:(?:${TARGET_MODIFIERS})\\s+){0,3}(?:${TARGET_HEADS})\\b`, flags);
const TARGET_DETERMINER = /^(?:(?:a|an|the|several|two|three|four|five|many|some|multiple)\s+)+/i;
const AGGREGATE_RE = /\bsince (?:the (?:leaders|start|beginning|call|truce|ceasefire)|(?:last )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December))\b|\bover the (?:past|last)\b|\bin (?:total|all)\b|\bdaily\b|\bso far\b|\bthis (?:week|month|year)\b|\bin the past (?:day|week|month)\b|\bevery (?:day|night)\b/i;
const PLACE_SLOT = /\b(?:in|near|at|across|over|outside|inside|within|around|into|on|of|off|towards|toward|strike|hit|attack|target|targeting|targeted|struck|hit|attacked|shelled|bombed|pounded|striking|hitting|attacking|shelling|bombing)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north-?eastern|south-?eastern|north-?western|south-?western|occupied|besieged)\s+)?$/i;
/** "in Ukraine's western Kherson region": a place slot through a possessive place name. */
const PLACE_SLOT_POSSESSIVE = /\b(?:in|near|at|across|outside|inside|off)\s+(?:the\s+)?[A-Z][\w-]+['’]s\s+(?:(?:northern|southern|eastern|western|central|north-?eastern|south-?eastern|north-?western|south-?western|occupied|besieged)\s+)?$/;
const PASSIVE_HIT = /^[^,.;]{0,40}?\b(?:was|were|has been|have been|had been)\s+(?:also\s+|again\s+|repeatedly\s+)?(?:targeted|hit|struck|attacked|shelled|bombed|pounded)\b/i;
const NOT_PLACE = new Set(
  'The A An But And In On At As After Before While When If It Its This That These Those He She They We I Mr Mrs Ms Dr President Minister General One Two Three Four Five Six Seven Eight Nine Ten Dozens Hundreds Sunday Monday Tuesday Wednesday Thursday Friday Saturday January February March April May June July August September October November December'.split(' '),
);
const ORIGIN_BEFORE = /\b(?:fired|launched|flown|sent|took off|taking off)\s+from\s+([^,;.]{0,50})$/i;
/** A toll just before a place: "three people in Kherson", "two in the Donetsk region". */
const PLACE_TOLL = fastRegExp(`(${COUNT})\\s+(?:(?:people|civilians|others|more|persons|children)\\s+)?(?:(?:were\\s+)?(?:killed|dead)\\s+)?in\\s+(?:the\\s+)?$`, 'i');
/** "the Donetsk region", "Zaporizhzhia oblast": the word after a place name that belongs to it. */
const PLACE_SUFFIX_AFTER = fastRegExp(`^\\s+(${PLACE_SUFFIX})\\b`, 'i');
/** How far (characters) a place may stand from the strike or weapon word it locates. */
const PLACE_REACH = 90;
const CAPITAL_OF = (() => {
  const m = new Map<string, string>();
  for (const line of COUNTRIES.split('\n')) {
    const [name, , capitals] = line.split('|').map((c) => c?.trim());
    const first = capitals?.split(',')[0]?.trim();
    if (name && first) m.set(name, first);
  }
  return m;
})();

interface Place {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly country: string | null;
  readonly isCountry: boolean;
  /** Named after "in", "near", "at" or as what was struck: the likeliest place of the strike. */
  readonly strong: boolean;
}

/** Place names in a sentence: known places, "the Ukrainian capital", unknown names in a place slot. */
function placesIn(a: AnalysedArticle, s: Sentence): Place[] {
  const text = a.article.text;
  const out: Place[] = [];
  const mentions = mentionsOf(a, s);
  for (const m of allMatches(/\bthe\s+([A-Z][\p{L}-]+)\s+capital\b/gu, s.text)) {
    const party = partyForm(m[1])?.party;
    const cap = party ? CAPITAL_OF.get(party) : undefined;
    if (party && cap) out.push({ name: cap, start: s.start + (m.index ?? 0), end: s.start + (m.index ?? 0) + m[0].length, country: party, isCountry: false, strong: true });
  }
  const RUN = /\p{Lu}[\p{L}’'-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}’'-]*){0,2}/gu;
  for (const m of allMatches(RUN, s.text)) {
    let name = m[0].replace(/['’]s?$/, '');
    const start = s.start + (m.index ?? 0);
    if (out.some((p) => start < p.end && start + name.length > p.start)) continue;
    const words = name.split(/\s+/);
    while (words.length && NOT_PLACE.has(words[0])) words.shift();
    while (words.length && NOT_PLACE.has(words[words.length - 1])) words.pop();
    if (!words.length) continue;
    const offset = name.indexOf(words[0]);
    name = words.join(' ');
    const at = start + offset;
    if (mentions.some((p) => p.person && at < p.end && at + name.length > p.start)) continue;
    // "the Panama-flagged ship": a flag state is not where the strike fell.
    if (/-\p{L}+$/u.test(name) && FLAG_AFTER.test(name.slice(name.lastIndexOf('-')))) continue;
    const party = mentions.find((p) => !p.person && p.start === at);
    const form = party ? partyForm(party.text) : null;
    // A country's other name ("Britain", "Democratic Republic of Congo") is a place; an agency's initials ("FSB") are not.
    const countryAlias = form?.kind === 'alias' && /\p{Ll}/u.test(name);
    if (form && form.kind !== 'name' && form.kind !== 'capital' && !countryAlias) continue;
    const before = text.slice(Math.max(s.start, at - 40), at);
    // "missiles fired from a launcher in X region": where the strike came from, not where it fell.
    const origin = text.slice(Math.max(s.start, at - 60), at).match(ORIGIN_BEFORE);
    if (origin && !STRIKE_TEST.test(origin[1])) continue;
    const slot = PLACE_SLOT.test(before) || PLACE_SLOT_POSSESSIVE.test(before) || (at === s.start && PASSIVE_HIT.test(text.slice(at + name.length, s.end)));
    const known = placeOf(name);
    if (!slot) continue;
    if (!known && !party && !/^\p{Lu}\p{Ll}/u.test(name)) continue;
    const suffix = text.slice(at + name.length, s.end).match(PLACE_SUFFIX_AFTER);
    const full = suffix ? `${name} ${suffix[1]}` : name;
    const country = known?.country ?? (form?.kind === 'name' ? form.party : null) ?? (form?.party ?? null);
    const strong = !/\b(?:across|over|on|of|into)\s+(?:the\s+)?(?:\p{L}+\s+)?$/iu.test(before);
    out.push({ name: full, start: at, end: at + full.length, country, isCountry: form?.kind === 'name' || countryAlias || known?.kind === 'country', strong });
  }
  return out.sort((x, y) => x.start - y.start);
}

/** The place of a strike: named after "in"/"at" or as the object struck, the first after the first strike word, else the nearest before it. */
function mainPlace(places: readonly Place[], anchors: readonly number[]): Place | null {
  if (!places.length) return null;
  const first = Math.min(...anchors);
  const after = places.filter((p) => p.start >= first);
  const pool = after.length ? after : [...places].reverse();
  return pool.find((p) => p.strong) ?? pool[0];
}

interface Found<T> {
  readonly value: T;
  readonly start: number;
  readonly end: number;
  /** A weapon named once in the singular ("a drone"): one, though no number is written. */
  readonly singular?: boolean;
  /** Its count is of the ones shot down ("29 drones were shot down", "intercepted 40 drones"), not of those launched. */
  readonly intercepted?: boolean;
}

/** The number spans of the document (built once in analyse.ts; computed here for documents built by hand). */
const NUMBERS_OF = new WeakMap<AnalysedArticle, readonly NumberSpan[]>();
function numbersOf(a: AnalysedArticle): readonly NumberSpan[] {
  if (a.numbers) return a.numbers;
  let n = NUMBERS_OF.get(a);
  if (!n) NUMBERS_OF.set(a, (n = numberSpans(a.sentences)));
  return n;
}

/** The number spans of one sentence (the document's, indexed by sentence once). */
const NUMBERS_BY_SENTENCE = new WeakMap<AnalysedArticle, Map<number, NumberSpan[]>>();
function numbersIn(a: AnalysedArticle, index: number): readonly NumberSpan[] {
  let by = NUMBERS_BY_SENTENCE.get(a);
  if (!by) {
    by = new Map();
    const all = numbersOf(a);
    let k = 0;
    for (const s of a.sentences) {
      const list: NumberSpan[] = [];
      while (k < all.length && all[k].start < s.start) k++;
      while (k < all.length && all[k].end <= s.end) list.push(all[k++]);
      by.set(s.index, list);
    }
    NUMBERS_BY_SENTENCE.set(a, by);
  }
  return by.get(index) ?? [];
}

/** Weapon words that name a mass or a kind of raid, never one countable round: "artillery", "shelling", "an airstrike". */
const UNCOUNTABLE = /^(?:artillery|shelling|shelled|gunfire|sniper fire|tank fire|unmanned aircraft)$|fire$|^(?:aerial bombardment|air ?strike|airstrike|air raid|warplane|fighter jet)/i;
/** "a drone", "an Iranian-made drone", "one of the shells", "another missile": one weapon, up to three modifiers between. */
const SINGULAR_BEFORE = /(?:\b(?:a|an|one|another|single)\s+(?:(?!(?:of|and|or|with|by|from|in|on|at|to|for|series|wave|barrage|salvo|volley|swarm|number|couple|pair|dozen|handful|lot)\b)[\p{L}’'-]+\s+){0,3}|\bone of (?:the|its|their|these|those)\s+)$/iu;
/** After the weapon: a plural strike noun or a coordinated weapon makes the article count something else ("a drone and missile attack"). */
const NOT_SINGULAR_AFTER = /^(?:-\p{L}+)?\s+(?:strikes|attacks|raids|and|or)\b/iu;

/** One weapon, written in the singular after "a", "one", "another" ("a drone", "one of the shells"), with no number of its own. */
function isSingular(type: Weapon['type'], label: string, before: string, after: string): boolean {
  if (type === 'airstrike' || UNCOUNTABLE.test(label) || NOT_SINGULAR_AFTER.test(after)) return false;
  const oneOf = /\bone of (?:the|its|their|these|those)\s+$/i.test(before);
  const plural = /s$/i.test(label);
  return oneOf ? plural : !plural && SINGULAR_BEFORE.test(before);
}

/** "shot down 29 drones": the interception verb takes the counted weapon as its object. */
const INTERCEPTED_OBJECT = fastRegExp(`\\b(?:${CASUALTY.intercepting})\\s+(?:all\\s+|the\\s+)?(?:${COUNT}\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:and|as well as|,)\\s+)?${COUNT}\\s+(?:[\\p{L}-]+\\s+){0,2}$`, 'i');
/** "Four missile strikes", "over 150 missile and drone attacks": the number counts strikes, not the weapons in them. */
const STRIKES_AFTER = /^(?:\s+(?:and|or)\s+[\p{L}-]+)?\s+(?:strikes|attacks|raids)\b/iu;
/** Aircraft that carry what strikes ("two warplanes launched eight missiles"): a weapon only when nothing they fire is named. */
const PLATFORM = /^(?:warplanes?|fighter jets?)$/i;
/** "29 drones were shot down", "40 missiles, all of which were intercepted". */
const INTERCEPTED_SUBJECT = fastRegExp(`^(?:\\s+(?:of them|in all))?,?\\s+(?:(?:all|most)\\s+of\\s+which\\s+)?(?:were|was|had been|have been|being)\\s+(?:all\\s+|also\\s+|reportedly\\s+|successfully\\s+)?(?:${CASUALTY.intercepting})\\b`, 'i');
/** A counted weapon whose count is of those shot down, not of those launched. */
const countIntercepted = (before: string, after: string): boolean => INTERCEPTED_OBJECT.test(before) || INTERCEPTED_SUBJECT.test(after);

/** Weapon words that are also bare verbs ("to bomb", "to shell"). */
const VERB_FORM_WEAPON = /^(?:bomb|shell|rocket)$/i;

/** Words that may stand between a count and its weapon ("95 Bolivian drones", "40 attack drones"), but not a noun that is counted itself. */
const COUNT_TO_WEAPON = fastRegExp(`^\\s+(?:of\\s+)?(?:(?!(?:people|civilians|of|and|with|by|in|at|on|from|to|for|the|a|an|were|was|had|have)\\b)[\\p{L}-]+\\s+){0,2}?$`, 'i');

/**
 * Weapons of a clause, each with the count that stands before it: the number span (the
 * document's), so "between 150 and 200 drones" counts 150, "two dozen missiles" 24, and
 * "hundreds of drones" no count. A number after the weapon counts its target, not it.
 */
function weaponsIn(a: AnalysedArticle, s: Sentence): Array<Found<Weapon>> {
  const found: Array<Found<Weapon>> = [];
  const text = a.article.text;
  const spans = numbersIn(a, s.index).filter((n) => n.start >= s.start && n.end <= s.end);
  for (const m of allMatches(WEAPON_HEAD_RE, s.text)) {
    const k = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
    const at = s.start + (m.index ?? 0);
    let count: number | null = null;
    for (let i = spans.length - 1; i >= 0; i--) {
      const n = spans[i];
      if (n.end > at || n.start < s.start) continue;
      if (COUNT_TO_WEAPON.test(text.slice(n.end, at)) && (n.kind === 'count' || n.kind === 'range' || n.kind === 'vague')) count = n.value;
      break;
    }
    // "came to bomb the village": a verb, not a weapon.
    if (VERB_FORM_WEAPON.test(m[0]) && /\bto\s+$/i.test(text.slice(Math.max(s.start, at - 4), at))) continue;
    // "25 missiles of 38 fired": the weapon counts the whole barrage, the first figure is a part of it.
    const whole = /^\s+(?:out\s+)?of\s+(?:the\s+)?$/i;
    const total = spans.find((n) => n.start >= at + m[0].length && n.start - at - m[0].length <= 12 && whole.test(text.slice(at + m[0].length, n.start)));
    if (total && (total.kind === 'count' || total.kind === 'range') && total.value != null && (count == null || total.value > count)) count = total.value;
    if (count != null && count > 1 && WEAPONS[k][0] !== 'airstrike' && STRIKES_AFTER.test(text.slice(at + m[0].length, Math.min(s.end, at + m[0].length + 30)))) count = null;
    const intercepted = count != null && countIntercepted(text.slice(Math.max(s.start, at - 60), at), text.slice(at + m[0].length, Math.min(s.end, at + m[0].length + 50)));
    const singular = count == null && isSingular(WEAPONS[k][0], m[0], text.slice(Math.max(s.start, at - 50), at), text.slice(at + m[0].length, Math.min(s.end, at + m[0].length + 20)));
    found.push({ value: { type: WEAPONS[k][0], count, label: m[0] }, start: at, end: at + m[0].length, singular, intercepted });
  }
  return found;
}

/** Weapons per clause, for the article pass that finds the usual attacker and the clause pass. */
const WEAPONS_OF = new WeakMap<Sentence, Array<Found<Weapon>>>();
function weaponsOf(a: AnalysedArticle, s: Sentence): Array<Found<Weapon>> {
  let w = WEAPONS_OF.get(s);
  if (!w) WEAPONS_OF.set(s, (w = weaponsIn(a, s)));
  return w;
}

/** Mentions within a clause, read from its sentence's (the mention cache is per sentence). */
function mentionsOf(a: AnalysedArticle, c: Sentence): Mention[] {
  const s = a.sentences[c.index];
  const all = s && s.start <= c.start ? mentionsIn(a, s) : mentionsIn(a, c);
  return all.filter((m) => m.start >= c.start && m.end <= c.end);
}

/** A word any casualty or interception figure needs; without one the figure regexes are not run. */
const CASUALTY_WORD = /kill|dead|died|death|fatalit|casualt|martyr|lives|slain|injur|wound|hurt|intercept|shot down|brought down|downed|destroy|neutrali|repelled/i;

/** A weapon type named only in the singular ("hit by a drone") counts one; a number written anywhere for it wins. */
function withSingulars(merged: readonly Weapon[], found: ReadonlyArray<Found<Weapon>>): Weapon[] {
  return merged.map((w) => {
    const same = found.filter((f) => f.value.type === w.type);
    return w.count == null && same.length && same.every((f) => f.singular) ? { ...w, count: 1 } : w;
  });
}

/** One weapon per type: a counted mention wins over an uncounted one. */
function mergeWeapons(ws: ReadonlyArray<Found<Weapon>>): Weapon[] {
  const out: Weapon[] = [];
  for (const { value } of ws) {
    const same = out.findIndex((w) => w.type === value.type);
    if (same < 0) out.push(value);
    else if (out[same].count == null && value.count != null) out[same] = value;
    else if (out[same].count != null && value.count != null && out[same].label !== value.label && !out.some((w) => w.type === value.type && w.count === value.count)) out.push(value);
  }
  return out;
}

/** "dozens", "hundreds of": a toll with no figure (the schema codes the number stated, and none is). */
const VAGUE_TOLL = /^(?:(?:at least|more than|over|some|about|around|nearly|almost)\s+)?(?:dozens|scores|hundreds|thousands)(?:\s+of)?$/i;

/** A year, not a toll: "an airstrike in January 2020 that killed", "since 2015 militants have killed". */
const YEAR_BEFORE = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|in|since|of|by|until)\s+$/i;

/** The dead of a clause: two groups counted apart and summed, else the first toll phrase that gives a count. */
function killedCount(text: string): number | null {
  for (const re of SUM_KILLED_RES) {
    const m = text.match(re);
    if (!m || VAGUE_TOLL.test(m[1].trim()) || VAGUE_TOLL.test(m[2].trim())) continue;
    const x = parseCount(m[1]);
    const y = parseCount(m[2]);
    if (x && y && !/^(?:19|20)\d\d$/.test(m[1].trim()) && !/^(?:19|20)\d\d$/.test(m[2].trim())) return x.value + y.value;
  }
  return firstCount(KILLED_RES, text);
}

function firstCount(res: readonly RegExp[], text: string): number | null {
  for (const re of res) {
    const m = text.match(re);
    if (m && /^(?:19|20)\d\d$/.test(m[1].trim()) && YEAR_BEFORE.test(text.slice(0, (m.index ?? 0) + m[0].indexOf(m[1])))) continue;
    if (m && VAGUE_TOLL.test(m[1].trim())) return null;
    const c = m ? parseCount(m[1]) : null;
    if (c) return c.value;
  }
  return null;
}

function targetsIn(s: Sentence): Array<Found<string>> {
  const out: Array<Found<string>> = [];
  for (const m of allMatches(TARGET_RE, s.text)) {
    const value = m[0].replace(TARGET_DETERMINER, '').trim();
    if (!value || /^(?:a|an|the)$/i.test(value)) continue;
    out.push({ value, start: s.start + (m.index ?? 0), end: s.start + (m.index ?? 0) + m[0].length });
  }
  return out;
}

interface StrikeWord {
  readonly start: number;
  readonly text: string;
  /** A definite back-reference ("the raids", "those strikes had"): tells more of a strike already reported. */
  readonly reference: boolean;
  /** A reference that dates or explains something else ("after the attack"): never a first report. */
  readonly anchored: boolean;
  /** Used as a verb: "struck", "attempted to strike", "by shelling". */
  readonly verbal: boolean;
  /** The gerund of "by V-ing" ("broke the truce by targeting"): its agent is the clause subject. */
  readonly byGerund: boolean;
  /** A damage verb ("was destroyed"): what a strike did, a new strike only with a weapon in the clause. */
  readonly damage: boolean;
}

const WITH_WEAPON_ONLY_RE = new RegExp(`^(?:${WITH_WEAPON_ONLY})$`, 'i');
const HIT_ADJECTIVE_BEFORE = new RegExp(`\\b(?:${HIT_AS_ADJECTIVE})[\\s-]$`, 'i');
const DAMAGE_RE = new RegExp(`^(?:${DAMAGE_ONLY})$`, 'i');
const STRUCK_IDIOM_RE = fastRegExp(`^\\s+(?:(?:a|an|the|its|their|his|her)\\s+)?(?:[\\p{L}-]+\\s+)?(?:${STRUCK_IDIOM})\\b`, 'i');
const LAUNCH_RE = new RegExp(`^(?:${LAUNCH})$`, 'i');
const FIRED_IDIOM_RE = new RegExp(`^\\s+(?:(?:a|an|the|several|some|two|three)\\s+)?(?:${FIRED_IDIOM})\\b`, 'i');
const HYPHENATED_ADJECTIVE_RE = new RegExp(`^(?:${HYPHENATED_ADJECTIVE})$`, 'i');
/** A strike noun in the object of "launched": "launched a massive attack", "launched waves of strikes" (not "launched peace talks aimed at ending the war"). */
const STRIKE_OBJECT = fastRegExp(`^\\s+(?:[^,;.:]{0,40}?\\s)?(?:${STRIKE_NOUNS}|waves?|salvos?|volleys?)\\b`, 'i');

/** A weapon right next to a strike word: "dropped three bombs on", "the shells fell on". */
function weaponNextTo(a: AnalysedArticle, s: Sentence, at: number, end: number): boolean {
  const text = a.article.text;
  return weaponsOf(a, s).some(
    (w) => (w.start >= end && w.start - end <= 30 && !/[,;.]/.test(text.slice(end, w.start))) || (w.end <= at && at - w.end <= 12 && !/[,;.]/.test(text.slice(w.end, at))),
  );
}

/** Valid strike words: not negated, not hypothetical; marked when a back-reference or a verb. */
function strikeWords(a: AnalysedArticle, s: Sentence, hasFigures: boolean): StrikeWord[] {
  const q = quotations(s);
  const out: StrikeWord[] = [];
  for (const m of allMatches(STRIKE_RE, s.text)) {
    const at = m.index ?? 0;
    const before = s.text.slice(Math.max(0, at - 40), at);
    if (NEGATED_RE.test(before)) continue;
    if (inSpans(q, s.start + at) && !hasFigures) continue;
    // "a missile aimed at the station" strikes; "talks aimed at ending the war" do not.
    if (/^aimed at$/i.test(m[0]) && !weaponsOf(a, s).some((w) => w.end <= s.start + at && s.start + at - w.end <= 3)) continue;
    // "dropped three bombs", "shells fell on houses" strike; "dropped its demand" does not.
    if (WITH_WEAPON_ONLY_RE.test(m[0]) && !weaponNextTo(a, s, s.start + at, s.start + at + m[0].length)) continue;
    // "launched 40 drones", "launched a wave of strikes" strike; "a bid launched by", "launched talks" do not.
    if (LAUNCH_RE.test(m[0]) && !weaponNextTo(a, s, s.start + at, s.start + at + m[0].length) && !STRIKE_OBJECT.test(s.text.slice(at + m[0].length, at + m[0].length + 60))) continue;
    // "struck a deal", "strike a balance": an idiom, not a blow.
    if (/^(?:str(?:uck|ike|ikes|iking)|hit|hitting)$/i.test(m[0]) && STRUCK_IDIOM_RE.test(s.text.slice(at + m[0].length, at + m[0].length + 40))) continue;
    // "fired warning shots", "fired tear gas": no strike.
    if (/^fired$/i.test(m[0]) && FIRED_IDIOM_RE.test(s.text.slice(at + m[0].length, at + m[0].length + 30))) continue;
    // "a submarine-launched missile", "shoulder-fired rockets": an adjective of the weapon, not a strike verb.
    if (HYPHENATED_ADJECTIVE_RE.test(m[0]) && /\p{L}-$/u.test(s.text.slice(Math.max(0, at - 2), at))) continue;
    // "the worst hit", "the hardest-hit districts": an adjective of harm.
    if (/^hit$/i.test(m[0]) && HIT_ADJECTIVE_BEFORE.test(before)) continue;
    const attempt = ATTEMPT_BEFORE.test(before);
    const byGerund = /ing$/i.test(m[0]) && BY_GERUND_BEFORE.test(before);
    const isNoun = !attempt && !byGerund && !/(?:ed|ing)$/i.test(m[0]) && !/^(?:struck|hit|shot down|downed|fired|aimed at|landed on|landed in|fell on|fell in|fell near|slammed|blew \w+ up|ripped through)$/i.test(m[0]);
    const verbal = attempt || byGerund || VERBAL_WORD.test(m[0]) || (!/ing$/i.test(m[0]) && s.tokens?.find((t) => t.start === s.start + at)?.pos === 'VERB');
    // "the strikes had hit mosques", "one struck a street": the verb tells more of a strike already reported.
    const continues = !isNoun && BACK_SUBJECT.test(before);
    out.push({ start: s.start + at, text: m[0], reference: (isNoun && REFERENCE_RE.test(before)) || continues, anchored: isNoun && ANCHORED_REFERENCE_RE.test(before), verbal, byGerund, damage: DAMAGE_RE.test(m[0]) });
  }
  return out;
}

/** Subjects that point back to weapons or strikes just reported: "the strikes had", "one", "most of them". */
const BACK_SUBJECT = /(?:^|[,;—–]\s*|\bbut\s+|\band\s+|\b(?:said|says|added|reported|confirmed)\s+(?:that\s+)?)(?:(?:the|these|those)\s+(?:[\w-]+\s+)?(?:strikes?|attacks?|missiles?|drones?|rockets?|shells?|bombs?|raids?|projectiles?)|one|another|some|several|most|many|two|three|others?)(?:\s+of\s+them)?\s+(?:had\s+|have\s+|has\s+|was\s+|were\s+)?(?:been\s+)?(?:also\s+|reportedly\s+)?$/i;
/** Relative days that follow an earlier dated strike: "A day earlier", "The next day". */
const DAY_SHIFT: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(?:a day earlier|the day before|the previous day|a day before)\b/i, -1],
  [/\b(?:the next day|a day later|the following day)\b/i, 1],
];
const STRUCK_BY_BEFORE = fastRegExp(`\\b(?:${STRUCK_BY})\\s+by\\s+(?:the\\s+)?$`, 'i');
const AIR_DEFENCE_AFTER = /^['’]?s?\s+(?:[\p{L}-]+\s+)?(?:air|anti-aircraft)\b/iu;
/** "X said its forces struck", "X, the group backed by Y, said it had fired rockets at", "X said it clashed with troops and fired": the speaker owns what struck. */
const OWN_FORCES_AFTER = fastRegExp(
  `^(?:['’]s?\\s+(?:[\\p{L}-]+\\s+){0,2}?)?(?:,[^,;.:]{1,80},)?\\s*(?:said|says|announced|claimed|confirmed|stated|reported)\\s+(?:on\\s+\\p{L}+\\s+)?(?:that\\s+)?(?:(?:its|their)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:had\\s+|have\\s+|has\\s+)?(?:${STRUCK_PAST})|(?:it|they)\\s+(?:[^,;.:]{0,80}?\\s+and\\s+)?(?:had\\s+|have\\s+|has\\s+)?(?:also\\s+)?(?:${SPEAKER_STRUCK}))\\b`,
  'i',
);
/** Words that name the strike being answered ("to avenge a missile barrage", "in retaliation for rocket fire"): its weapons are not this strike's. */
const ANSWERED_BEFORE = /\b(?:avenge|avenging|(?:in\s+)?(?:retaliation|response|revenge|reprisal)\s+(?:for|to))\s+(?:[\p{L}’'-]+\s+){0,3}$/iu;
/** Verbs of bombing: with no weapon named, a side's bombing is an air strike. */
const BOMBED_VERB = /^(?:bombed|bombarded|bombing|bombarding)$/i;
/** A clause that opens with a past strike verb ("and launched drones at B"): its subject is the clause before's. */
const SHARED_SUBJECT_START = fastRegExp(`^(?:(?:then|also|later|again)\\s+)?(?:${SPEAKER_STRUCK})\\b`, 'i');
const NEW_STRIKE_RE = fastRegExp(`\\b(?:${NEW_STRIKE})\\b`, 'i');
/** "accused X of", "blamed the X army for", "pointed the finger at X for": the accused struck. */
const ACCUSED = /\b(?:accus(?:ed|es|ing)|blam(?:ed|es|ing)|point(?:ed|s|ing)\s+(?:the\s+|a\s+)?fingers?\s+at)\s+(?:the\s+)?$/i;
/** A party that modifies a weapon or strike word: "Russian drone and missile attacks", "Chile's artillery fire", "X-led" (no preposition between). */
const MODIFIES = fastRegExp(`^(?:['’]s?|-(?:led|launched|fired)|\\s+\\([\\p{Lu}\\p{N}-]{2,10}\\))?\\s+(?:(?!(?:to|in|by|of|for|from|with|on|at|due|after|before|into|over|across|against|the|a|an|was|were|had|has|have|said|says)\\b)[\\p{L}-]+\\s+){0,3}$`, 'i');

/** After a side that claims a strike: "X claimed responsibility", "the X terrorist group has claimed responsibility", "X, claimed responsibility". */
const CLAIM_AFTER = /^(?:\s+\([\p{Lu}\p{N}-]{2,10}\))?(?:,[^,;.:]{1,60},)?,?\s+(?:[\w-]+\s+){0,2}?(?:claimed|claims|took|has claimed|have claimed|had claimed) responsibility\b/iu;
/** A named group that claims a strike, named by words only: "the Balochistan Liberation Army, claimed responsibility". */
const CLAIMANT_NAME = /((?:\p{Lu}[\p{L}’'-]*\s+){1,4})$/u;
const CLAIM_TEST = /\b(?:claim(?:ed|s)|took) responsibility\b/i;
/** The strike a side is blamed for: "the attack", "a massacre", "launching the strikes". */
const BLAMED_ACT = String.raw`(?:(?:the|a|an|this|that|these|those|carrying\s+out|launching|committing|orchestrating|being\s+behind|perpetrating)\s+)*(?:[\p{L}-]+\s+)?(?:attacks?|strikes?|bombings?|massacres?|shelling|assaults?|killings?|blasts?|raids?)\b`;
const BLAME_TEST = /\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing)|attribut(?:ed|es|ing))\b/i;
/** "blamed X for the attack", "accused X of launching the strike": the words before and after the side. */
const BLAMED_BEFORE = /\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing))\s+(?:the\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u;
const BLAMED_AFTER = new RegExp(String.raw`^(?:['’]s?)?\s+(?:[\p{L}-]+\s+){0,2}?(?:for|of)\s+${BLAMED_ACT}`, 'iu');
/** "blamed the attack on X", "attributed the assault to an X affiliate". */
const BLAMED_ON_BEFORE = new RegExp(String.raw`\b(?:blam(?:ed|es|ing)|attribut(?:ed|es|ing))\s+${BLAMED_ACT}\s+(?:on|to)\s+(?:(?:the|a|an)\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}$`, 'u');

/**
 * The one side an article says claimed the attack ("X claimed responsibility for the attack"), a
 * side the document knows or a group's capitalised name; null when none or several claim.
 */
function claimantOf(a: AnalysedArticle): string | null {
  const found = new Set<string>();
  const blamed = new Set<string>();
  const text = a.article.text;
  for (const s of a.sentences) {
    if (BLAME_TEST.test(s.text)) {
      for (const m of mentionsIn(a, s)) {
        if (!m.party || m.person) continue;
        const before = text.slice(Math.max(s.start, m.start - 80), m.start);
        if ((BLAMED_BEFORE.test(before) && BLAMED_AFTER.test(text.slice(m.end, Math.min(s.end, m.end + 60)))) || BLAMED_ON_BEFORE.test(before)) blamed.add(m.party);
      }
    }
    if (!CLAIM_TEST.test(s.text)) continue;
    const at = s.text.search(CLAIM_TEST);
    const before = s.text.slice(0, at).replace(/,?\s*(?:has|have|had)?\s*$/i, ' ');
    if (/\b(?:no|not|yet|denied|never)\b[^,]*$/i.test(before)) continue;
    const party = mentionsIn(a, s).find((m) => m.party && !m.person && m.end <= s.start + at && CLAIM_AFTER.test(a.article.text.slice(m.end, m.end + 60)));
    if (party?.party) {
      found.add(party.party);
      continue;
    }
    const name = before.match(CLAIMANT_NAME)?.[1].trim().replace(/^(?:The|A|An)\s+/, '');
    if (name && name.split(/\s+/).length >= 2) found.add(name);
  }
  if (found.size) return found.size === 1 ? [...found][0] : null;
  return blamed.size === 1 ? [...blamed][0] : null;
}

/** A rule's verdict: who struck, and the name of the rule that said so. */
interface Attribution {
  readonly party: string | null;
  readonly rule: string | null;
}

/**
 * Who struck, by named rules in order (every rule that answers; the first is the rules' choice): the accused ("accused X of"), the claimant, the
 * agent of "by V-ing" (the clause subject: "X broke the truce by shelling ..."), the party
 * that modifies a weapon or strike word ("Bolivian drones", "from Chilean fire"), the subject
 * of a strike verb. A party that reports ("X's army said"), defends ("X air defences") or
 * flags a ship ("X-flagged") is never the attacker.
 */
function attributionsIn(a: AnalysedArticle, s: Sentence, c: Sentence, strikes: readonly StrikeWord[], weapons: ReadonlyArray<Found<Weapon>>, all: boolean): Attribution[] {
  const text = a.article.text;
  const out: Attribution[] = [];
  const done = (): boolean => !all && out.length > 0;
  const ms = mentionsOf(a, c).filter((m) => m.party && !FLAG_AFTER.test(text.slice(m.end, m.end + 12)));
  const accused = ms.find((m) => ACCUSED.test(text.slice(Math.max(s.start, m.start - 40), m.start)));
  if (accused) out.push({ party: accused.party, rule: 'attacker:accused' });
  if (done()) return out;
  // "The Houthis claimed responsibility for an attack on ...".
  const claimed = ms.find((m) => CLAIM_AFTER.test(text.slice(m.end, m.end + 60)));
  if (claimed) out.push({ party: claimed.party, rule: 'attacker:claimed' });
  if (done()) return out;
  // "X said its forces struck ...", "X's military said its jets hit ...": the speaker owns the forces that struck.
  const owner = ms.find((m) => !m.person && OWN_FORCES_AFTER.test(text.slice(m.end, Math.min(c.end, m.end + 220))));
  if (owner) out.push({ party: owner.party, rule: 'attacker:own-forces' });
  if (done()) return out;
  // "a house hit by Russian drones", "a shell fired by Pakistani troops": the agent of a passive strike verb.
  const agent = ms.find((m) => !m.person && STRUCK_BY_BEFORE.test(text.slice(Math.max(c.start, m.start - 30), m.start)) && !AIR_DEFENCE_AFTER.test(text.slice(m.end, m.end + 40)));
  if (agent) out.push({ party: agent.party, rule: 'attacker:passive-agent' });
  if (done()) return out;
  const by = strikes.find((x) => x.byGerund);
  if (by) {
    const subj = subjectsAt(a, s, by.start).find((h) => h.party);
    if (subj?.party) out.push({ party: subj.party, rule: 'attacker:by-gerund-subject' });
  }
  if (done()) return out;
  const anchors = [...strikes.filter((x) => !x.reference || x.verbal).map((x) => x.start), ...weapons.map((w) => w.start)];
  for (const m of ms) {
    if (m.person) continue;
    const after = text.slice(m.end, m.end + 60);
    if (defends(after)) continue;
    const near = anchors.find((at) => at >= m.end && MODIFIES.test(text.slice(m.end, at)) && !/[,.;]/.test(text.slice(m.end, at)) && !ms.some((o) => o !== m && o.start >= m.end && o.end <= at));
    if (near == null || SPEECH_BETWEEN.test(text.slice(m.end, near))) continue;
    out.push({ party: m.party, rule: 'attacker:modifies-weapon' });
    break;
  }
  if (done()) return out;
  for (const st of strikes) {
    if (!st.verbal || st.byGerund) continue;
    if (/\b(?:was|were|been|be)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(s.start, st.start - 20), st.start))) continue;
    // "a building hit by a drone": a participle with its agent after it is passive.
    if (/^\S+(?:\s+\S+)?\s+by\b/i.test(text.slice(st.start, st.start + st.text.length + 4)) || /^\s+by\b/i.test(text.slice(st.start + st.text.length, st.start + st.text.length + 5))) continue;
    // "Drones struck ...": the weapon is the subject; a party named before it (a dateline) is not the attacker.
    if (weapons.some((w) => w.end <= st.start && st.start - w.end <= 3)) continue;
    const subj = subjectsAt(a, s, st.start).find((h) => h.party && h.person == null && ms.some((m) => m.party === h.party && m.start >= c.start && m.end <= st.start && !defends(text.slice(m.end, m.end + 60))));
    const subjAt = subj ? ms.find((m) => m.party === subj.party && m.end <= st.start) : undefined;
    // "X's emergency service reported that a drone hit ...": the reporter is not the subject of the strike verb.
    if (subj?.party && !(subjAt && SPEECH_BETWEEN.test(text.slice(subjAt.end, st.start)))) {
      out.push({ party: subj.party, rule: 'attacker:verb-subject' });
      break;
    }
  }
  return out;
}

/** How often each side is named just before strike and weapon words ("Russian drones") and as what they struck ("strikes on X"), over the article. */
function sidesAtStrikes(a: AnalysedArticle): StrikeSides {
  const modifier = new Map<string, number>();
  const struck = new Map<string, number>();
  const text = a.article.text;
  for (const s of a.sentences) {
    // Only sentences that name a side can count; their strike and weapon words are read only then.
    const sides = (mentionsIn(a, s) as Mention[]).filter((m): m is Mention & { party: string } => !!m.party && !m.person);
    if (!sides.length) continue;
    const anchors = allMatches(STRIKE_RE, s.text).map((m) => s.start + (m.index ?? 0)).concat(weaponsOf(a, s).map((w) => w.start));
    if (!anchors.length) continue;
    for (const m of sides) {
      if (anchors.some((at) => at >= m.end && at - m.end < 30 && /^['’]?s?\s+(?:[\p{L}-]+\s+){0,2}$/u.test(text.slice(m.end, at)))) {
        modifier.set(m.party, (modifier.get(m.party) ?? 0) + 1);
      }
      if (anchors.some((at) => at < m.start && m.start - at < 60) && isStruckObject(text.slice(Math.max(s.start, m.start - 16), m.start))) struck.set(m.party, (struck.get(m.party) ?? 0) + 1);
    }
  }
  return { modifier, struck };
}

/** The party most often named just before strike and weapon words across the article ("Russian drones"). */
function usualAttacker(sides: StrikeSides): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [p, c] of sides.modifier) if (c > n) [best, n] = [p, c];
  return best;
}

/** A clause of a sentence (same index, its own offsets and text); `elliptical` when it borrows its verb ("and another two in B"). */
interface Clause extends Sentence {
  readonly elliptical?: boolean;
}

const ELLIPTICAL = `(?:(?:another|a further)\\s+${COUNT}|another(?:\\s+(?:one|strike|attack|raid))?\\s+(?:on|in|at|near)\\s|${COUNT}\\s+(?:more|others)\\b|${COUNT}\\s+(?:people\\s+)?(?:in|at|on|near)\\s)`;
/**
 * Where a sentence may hold a second strike: "; ", ", and", ", while", "and hours later",
 * and an elliptical "and another two at B". A cut is kept only when the part after it has a
 * strike of its own (a weapon or a strike verb) or is elliptical.
 */
const CLAUSE_CUT = fastRegExp(`;\\s+|,\\s+(?:and|while|whereas|but)\\s+|\\s+and\\s+(?=(?:then|later|(?:hours|minutes|days|a day|moments)\\s+later)\\b|${ELLIPTICAL})|,\\s+(?=${ELLIPTICAL})`, 'gi');
const ELLIPTICAL_START = fastRegExp(`^(?:(?:then|later|(?:hours|minutes|days|a day|moments)\\s+later),?\\s+)?${ELLIPTICAL}`, 'i');

/** A clause that opens with a toll verb sharing the strike as its subject: "and injured 21 others", "and wounded dozens". */
const TOLL_PREDICATE_START = /^(?:also\s+)?(?:injured|wounded|injuring|wounding|killed|killing|left)\b/i;
/** An elliptical clause that counts the hurt: "491 others injured", "20 more were wounded". */
const OTHERS_HURT_START = fastRegExp(`^${COUNT}\\s+(?:more\\s+|others?\\s+|other\\s+people\\s+|people\\s+)?(?:were\\s+|have\\s+been\\s+|had\\s+been\\s+)?(?:${CASUALTY.injured})\\b`, 'i');

function clausesOf(a: AnalysedArticle, s: Sentence): Clause[] {
  // The sentence itself when it is one clause, so what is cached per sentence is reused.
  const whole: Clause = s;
  if (!/;|,\s+(?:and|while|whereas|but)\s|\sand\s/.test(s.text)) return [whole];
  const make = (x: number, y: number, elliptical: boolean): Clause => ({
    ...s,
    start: s.start + x,
    end: s.start + y,
    text: s.text.slice(x, y),
    tokens: s.tokens?.filter((t) => t.start >= s.start + x && t.end <= s.start + y),
    elliptical,
  });
  const cuts = allMatches(CLAUSE_CUT, s.text).map((m) => ({ at: m.index ?? 0, next: (m.index ?? 0) + m[0].length }));
  const kept: Array<{ at: number; next: number; elliptical: boolean }> = [];
  cuts.forEach((cut, i) => {
    const right = make(cut.next, cuts[i + 1]?.at ?? s.text.length, false);
    const own = weaponsIn(a, right).length > 0 || (STRIKE_TEST.test(right.text) && strikeWords(a, right, true).some((x) => x.verbal && !x.reference));
    const elliptical = !own && ELLIPTICAL_START.test(right.text);
    // "Ten people were killed and 40 others injured in the shelling": a toll before the only strike is that strike's.
    // "the shelling killed 16 civilians, and injured 21 others in a targeted attack": the same strike's toll goes on.
    if (TOLL_PREDICATE_START.test(right.text)) return;
    if (own && !kept.length) {
      const left = s.text.slice(0, cut.at);
      if (CASUALTY_WORD.test(left) && !STRIKE_TEST.test(left) && !weaponsIn(a, make(0, cut.at, false)).length) return;
    }
    // "Some 80 were killed and 240 others hurt in the raids": the hurt of the same toll, not a share at another place.
    if (elliptical && !kept.length && OTHERS_HURT_START.test(right.text)) {
      const left = s.text.slice(0, cut.at);
      if (CASUALTY_WORD.test(left) && !STRIKE_TEST.test(left) && !weaponsIn(a, make(0, cut.at, false)).length) return;
    }
    if (own || elliptical) kept.push({ ...cut, elliptical });
  });
  if (!kept.length) return [whole];
  const parts: Clause[] = [];
  let from = 0;
  let elliptical = false;
  for (const k of kept) {
    parts.push(make(from, k.at, elliptical));
    from = k.next;
    elliptical = k.elliptical;
  }
  parts.push(make(from, s.text.length, elliptical));
  return parts;
}

/** What the detector remembers across sentences: the strike being told, for tolls and details that come later. */
interface Memory {
  /** The record last made or extended, and the sentence that last told of it. */
  current: Attack | null;
  at: number;
  /** The weapons and toll verb of the previous clause, for an elliptical one ("and another two at B"). */
  previous: { weapons: Weapon[]; toll: 'killed' | 'injured' | null; attacker: string | null } | null;
  usual: string | null | undefined;
  /** The article's sides named at strike words, read once when first asked for. */
  sides: StrikeSides | null;
  /** Every attacker rule answers (for the chooser's features), not only the first. */
  readonly all: boolean;
  /** A strike named with too little to stand alone ("Ukrainian drone and missile attacks on a region"): a record once the next sentences add figures. */
  pending: { x: Attack; at: number } | null;
  /** Records whose clause says it is another strike ("also", "another", "separately"): never folded into an earlier one. */
  readonly separate: Set<Attack>;
  /** Where each record was made and what the attacker rules proposed there, for the learned chooser (this article only). */
  readonly origins: Map<Attack, AttackerInput>;
}

/** How far (sentences) a definite back-reference reaches ("the raids had killed 60", three sentences on). */
const REFERENCE_REACH = 4;
/** How far (sentences) an undated detail of the same strike may follow it (the exact breakdown of a rounded figure). */
const DETAIL_REACH = 2;

const addRule = (x: Attack, rule: string): void => {
  const rules = (x.rules ??= []);
  if (!rules.includes(rule)) rules.push(rule);
};
const addSource = (a: AnalysedArticle, x: Attack, s: Sentence): void => {
  if (!x.sources.some((r) => r.start === s.start)) x.sources.push(refOf(a, s));
};

/** A clause's weapons without the counts of those shot down where the strike being told already counts its type ("launched 31 drones ... 29 were shot down"). */
function launchedCounts(weapons: ReadonlyArray<Found<Weapon>>, last: Attack): Array<Found<Weapon>> {
  return weapons.filter((w) => !(w.intercepted && last.weapons.some((x) => x.type === w.value.type && x.count != null)));
}

/** Exact counts replace rounded ones ("hundreds of drones" → "388 drones"); a new type is added. */
function refineWeapons(old: readonly Weapon[], fresh: readonly Weapon[]): Weapon[] {
  const out = [...old];
  for (const type of new Set(fresh.map((w) => w.type))) {
    const now = fresh.filter((w) => w.type === type);
    const counted = now.filter((w) => w.count != null);
    const had = out.filter((w) => w.type === type);
    if (!had.length) out.push(...now);
    else if (counted.length && !had.some((w) => w.count != null && counted.some((c) => c.count === w.count))) {
      const total = counted.reduce((n, w) => n + (w.count ?? 0), 0);
      const first = out.findIndex((w) => w.type === type);
      const merged: Weapon = { type, count: total, label: counted.length === 1 ? counted[0].label : had[0].label };
      for (let i = out.length - 1; i >= 0; i--) if (out[i].type === type && i !== first) out.splice(i, 1);
      out[first] = merged;
    }
  }
  return out;
}

/** A caption opens with a noun phrase and a present-tense scene verb: "A plume of smoke rises during a strike on ...". */
const SCENE_OPENING = fastRegExp(`^[“"‘']?((?:[\\p{L}\\p{N}’'-]+\\s+){1,7}?)(?:${SCENE_VERBS})\\b`, 'i');
const DAMAGE_WORDS = new RegExp(`\\b(?:${DAMAGE_ONLY})\\b`, 'gi');
const PHOTO_CREDIT_RE = new RegExp(PHOTO_CREDIT, 'u');
/** Words before a scene verb that show the sentence is narrated, not captioned. */
const NARRATED = /\b(?:said|says|told|reported|added|was|were|had|has|have|will|would|as|when|while|if|after|that|which|who)\b/i;

/** The paragraphs that hold a photo credit ("Photograph: NAME/AGENCY"): captions, read once per article. */
function creditedParagraphs(a: AnalysedArticle): ReadonlySet<number> {
  const out = new Set<number>();
  for (const s of a.sentences) if (!out.has(s.paragraph) && PHOTO_CREDIT_RE.test(s.text)) out.add(s.paragraph);
  return out;
}

/** A photo caption: a present-tense scene ("A girl looks at the damage after a strike"), or a paragraph with a photo credit. */
function isCaption(s: Sentence, credited: ReadonlySet<number>): boolean {
  if (credited.has(s.paragraph)) return true;
  const m = s.text.match(SCENE_OPENING);
  // "A wrecked lorry lies beside the crater": a damage word in the scene's subject still opens a caption.
  return m != null && !NARRATED.test(m[1]) && !STRIKE_TEST.test(m[1].replace(DAMAGE_WORDS, ''));
}

/** The attacks of an article, the attacker chosen by the learned chooser where its model is committed. */
export function detectAttacks(a: AnalysedArticle): Attack[] {
  const model = attackerModel();
  // A model that only fills needs the records the rules leave without attacker, and the first rule's answer of the others.
  const all = model?.mode === 'override';
  const found = detect(a, all);
  if (model && found.attacks.length) {
    for (const { attack, candidates, ruleParty } of attackerCases(a, found, !all)) {
      const party = chooseAttacker(model, candidates, attackerProbabilities(model, candidates), ruleParty);
      if (party === ruleParty) continue;
      attack.attacker = party;
      addRule(attack, 'attacker:learned');
    }
  }
  return found.attacks;
}

/** One record with the candidate sides of its attacker and the rules' answer: what the chooser reads and the trainer learns from. */
export interface AttackerCase {
  readonly attack: Attack;
  readonly candidates: AttackerCandidate[];
  readonly ruleParty: string | null;
}

/**
 * Each record's attacker candidates, with every rule's answer (records made with no clause of their
 * own, such as the second side of a reciprocal strike, have none); only those of records without
 * attacker when `unattributed`.
 */
export function attackerCases(a: AnalysedArticle, found: Detected = detect(a, true), unattributed = false): AttackerCase[] {
  const records = found.attacks.filter((x) => found.origins.has(x) && (!unattributed || x.attacker == null));
  if (!records.length) return [];
  const art = attackerArticle(a.article.text, a.sentences, a.parties, found.claimant, found.sides ?? sidesAtStrikes(a));
  const out: AttackerCase[] = [];
  for (const attack of records) {
    const origin = found.origins.get(attack);
    if (!origin) continue;
    const proposals = origin.proposals.concat(found.claimant ? [{ party: found.claimant, rule: 'attacker:claimed-in-article' }] : []);
    // the rules' answer comes first
    const first = attack.attacker ? [{ party: attack.attacker, rule: 'attacker:chosen' }] : [];
    out.push({ attack, candidates: attackerCandidates(art, { ...origin, proposals: [...first, ...proposals] }), ruleParty: attack.attacker });
  }
  return out;
}

interface Detected {
  readonly attacks: Attack[];
  readonly origins: ReadonlyMap<Attack, AttackerInput>;
  readonly claimant: string | null;
  readonly sides: StrikeSides | null;
}

/** The records of an article by the rules; `all` asks every attacker rule for its answer (the chooser's features), not only the first that answers. */
function detect(a: AnalysedArticle, all: boolean): Detected {
  const out: Attack[] = [];
  const mem: Memory = { current: null, at: -1, previous: null, usual: undefined, pending: null, separate: new Set(), origins: new Map(), sides: null, all };
  let credited: ReadonlySet<number> | null = null;
  for (const s of a.sentences) {
    if (s.heading) continue;
    // Nothing struck and no weapon named: no attack here (most sentences end at this cheap test).
    // A toll with no strike word may still belong to the strike being told ("Four deaths were reported in A").
    // So may a killing by armed men ("gunmen killed 17 pilgrims"), with no strike or weapon word at all.
    const tollNear = CASUALTY_WORD.test(s.text) && (out.length > 0 || ARMED_TEST.test(s.text));
    if (!tollNear && !STRIKE_TEST.test(s.text) && !weaponsOf(a, s).length) continue;
    credited ??= creditedParagraphs(a);
    if (isCaption(s, credited)) continue;
    const clauses = clausesOf(a, s);
    clauses.forEach((c, k) => clauseAttacks(a, s, c, clauses.length > 1 ? k : -1, out, mem));
  }
  const claimant = all || out.some((x) => x.attacker == null) ? claimantOf(a) : null;
  if (claimant) {
    for (const x of out) {
      if (x.attacker != null) continue;
      x.attacker = claimant;
      addRule(x, 'attacker:claimed-in-article');
    }
  }
  const kept = withoutSummaries(out, mem.separate);
  blastsAsBombs(a, kept);
  return { attacks: kept, origins: mem.origins, claimant, sides: mem.sides };
}

/** A blast word with the count just before it: "two blasts", "Three powerful blasts", "One bomber". */
const BLAST_RE = fastRegExp(`(?:\\b(${COUNT})\\s+(?:[\\p{L}-]+\\s+)?)?\\b(${BLASTS})\\b(?!\\s+(?:campaigns?|raids?|runs?|sorties))`, 'iu');
const BLASTS_ALL = fastRegExp(`\\b(?:${BLASTS}|bombs?)\\b`, 'gi');
const AIR_WAR_ALL = fastRegExp(`\\b(?:${AIR_WAR})\\b`, 'gi');

/**
 * A strike told with no weapon, where its sentence names a blast ("two blasts killed 100", "the
 * bombing at the market killed six"): a bomb, counted by the number before it, one for a singular
 * word. Not in an article whose words of war from the air or by fire are as many as its blasts and
 * bombs (the "bombing" may be an air raid, the "explosions" a missile's), nor a "bombing campaign".
 */
function blastsAsBombs(a: AnalysedArticle, out: readonly Attack[]): void {
  let air: boolean | null = null;
  for (const x of out) {
    if (x.weapons.length || !x.sources.length) continue;
    const m = x.sources[0].sentence.match(BLAST_RE);
    if (!m) continue;
    air ??= allMatches(AIR_WAR_ALL, a.article.text).length >= allMatches(BLASTS_ALL, a.article.text).length;
    if (air) return;
    // "since the 2019 bombing": a year names another blast, not a count of this one.
    if (m[1] && /^(?:19|20)\d\d$/.test(m[1].trim())) continue;
    const count = m[1] ? (parseCount(m[1])?.value ?? null) : /s$/i.test(m[2]) ? null : 1;
    x.weapons = [{ type: 'bomb', count, label: m[2] }];
    addRule(x, 'weapon:blast');
  }
}

/** The attacks of one clause: a new record, new facts for the one being told, or nothing. */
function clauseAttacks(a: AnalysedArticle, s: Sentence, c: Clause, part: number, out: Attack[], mem: Memory): void {
  const text = a.article.text;
  // "bombed sites in B to avenge a missile barrage": the weapons of the strike being answered are another strike's.
  const answering = weaponsOf(a, c).filter((w) => !ANSWERED_BEFORE.test(text.slice(Math.max(c.start, w.start - 60), w.start)));
  // "two warplanes launched eight missiles": the aircraft carry the weapon named, they are not another.
  const named = answering.some((w) => !PLATFORM.test(w.value.label)) ? answering.filter((w) => !PLATFORM.test(w.value.label)) : answering;
  const armed = named.length ? null : armedAgent(a, c);
  const own = armed ? [armed.weapon] : named;
  const borrowed = c.elliptical && !own.length && mem.previous ? mem.previous.weapons : [];
  const weapons: Array<Found<Weapon>> = own.length ? own : borrowed.map((w) => ({ value: { ...w, count: null }, start: c.start, end: c.start }));
  // The clause's places, read once when first asked for.
  let placesRead: Place[] | null = null;
  const placesHere = (): Place[] => (placesRead ??= placesIn(a, c));
  const hasToll = CASUALTY_WORD.test(c.text);
  let killed = hasToll ? (killedCount(c.text) ?? (ONE_KILLED.some((re) => re.test(c.text)) ? 1 : NONE_KILLED.test(c.text) ? 0 : null)) : null;
  let injured = hasToll ? (firstCount(INJURED_RES, c.text) ?? (ONE_INJURED.some((re) => re.test(c.text)) ? 1 : NONE_INJURED.test(c.text) ? 0 : null)) : null;
  const intercepted = hasToll ? firstCount(INTERCEPTED_RES, c.text) : null;
  const rules: string[] = [];
  if (c.elliptical && killed == null && injured == null && mem.previous?.toll) {
    // "... and another two at B": the count takes the toll verb of the clause before.
    const m = c.text.match(ELLIPTICAL_START);
    const n = m ? (c.text.slice(0, m[0].length + 30).match(new RegExp(`(${COUNT})`, 'i'))?.[1] ?? null) : null;
    const v = n ? parseCount(n)?.value ?? null : null;
    if (mem.previous.toll === 'killed') killed = v;
    else injured = v;
    if (v != null) rules.push('toll:elliptical');
  }
  const counted = weapons.some((w) => w.value.count != null);
  const figures = counted || killed != null || injured != null;
  const strikes = strikeWords(a, c, figures);
  if (!strikes.length && !own.length && !c.elliptical) {
    if (killed != null || injured != null) tollInSequence(a, s, c, { killed, injured }, out, mem, part);
    return;
  }
  // "... three people were killed and 10 others were injured": the rest of the toll of the record this sentence told of.
  if (c.elliptical && !strikes.length && !own.length && mem.current && mem.at === s.index && (killed != null || injured != null) && !placesHere().length) {
    mem.current.killed ??= killed;
    mem.current.injured ??= injured;
    return;
  }
  // "The outer wall was destroyed": damage without a weapon tells what the strike being told did.
  // "The raid on a convoy, which killed four soldiers, ...": a definite strike with figures, with nothing told before it, is the first report.
  const firstReport = !out.length && !mem.pending && figures;
  const fresh = strikes.filter((x) => (!x.reference || (firstReport && !x.verbal && !x.anchored)) && !(x.damage && !own.length));
  // The strike being told: the last record, or a pending strike named after it that these figures confirm.
  const pend = mem.pending && s.index > mem.pending.at && s.index - mem.pending.at <= DETAIL_REACH && (!mem.current || mem.pending.at > mem.at) ? mem.pending : null;
  const last = pend ? pend.x : mem.current;
  const since = pend ? s.index - pend.at : last ? s.index - mem.at : Infinity;
  const confirm = (): void => {
    if (!pend || !last) return;
    out.push(last);
    addRule(last, 'memory:pending-confirmed');
    mem.pending = null;
    mem.current = last;
    mem.previous = { weapons: last.weapons, toll: null, attacker: last.attacker };
  };
  const remember = (x: Attack, toll: 'killed' | 'injured' | null): void => {
    mem.current = x;
    mem.at = s.index;
    mem.previous = { weapons: x.weapons, toll, attacker: x.attacker };
  };
  const tollVerb: 'killed' | 'injured' | null = killed != null ? 'killed' : injured != null ? 'injured' : null;
  // "On Thursday the commander said the raids had killed 60": new figures for the strike being told; its day stays.
  if (!fresh.length && strikes.length && (killed != null || injured != null) && last && since <= REFERENCE_REACH && (since <= 2 || strikes.some((x) => x.reference))) {
    confirm();
    addSource(a, last, s);
    last.killed ??= killed;
    last.injured ??= injured;
    last.intercepted ??= intercepted;
    if (!last.location) {
      const place = mainPlace(placesHere(), strikes.map((x) => x.start));
      if (place) last.location = place.name;
    }
    addRule(last, 'memory:later-toll');
    mem.at = s.index;
    return;
  }
  // "Ecuador's military said Peru had used 64 drones and 4 missiles in the attack": the exact breakdown of the strike being told.
  if (!fresh.length && counted && last && since <= DETAIL_REACH && last.weapons.some((w) => weapons.some((x) => x.value.type === w.type))) {
    confirm();
    addSource(a, last, s);
    last.weapons = refineWeapons(last.weapons, mergeWeapons(launchedCounts(weapons, last)));
    last.killed ??= killed;
    last.injured ??= injured;
    addRule(last, 'memory:exact-breakdown');
    mem.at = s.index;
    return;
  }
  // An elliptical clause ("and another two at B") continues a strike this sentence already told.
  const ellipticalOk = c.elliptical === true && mem.at === s.index;
  const evidenceOk =
    fresh.length || (ellipticalOk && (killed != null || injured != null)) || ((own.length || ellipticalOk) && weapons.length && (killed != null || injured != null || (counted && intercepted != null)));
  if (!evidenceOk) {
    // "..., and the strike killed three": a toll in a later clause of the sentence goes to the strike of the first.
    if (part > 0 && last && mem.at === s.index && (killed != null || injured != null)) {
      last.killed ??= killed;
      last.injured ??= injured;
    }
    return;
  }
  // A place is evidence only near a strike or weapon word ("met in Istanbul ... hours after Kyiv launched attacks" is not).
  const anchors = [...fresh.map((x) => x.start), ...weapons.map((w) => w.start)];
  if (c.elliptical) anchors.push(c.start);
  const sameClause = (x: number, y: number): boolean => !/[,;:—–()]/.test(text.slice(Math.min(x, y), Math.max(x, y)));
  // "In Kharkiv, a glide bomb killed two": a place that opens the sentence sets the scene for all of it.
  const opening = c.text.match(/^(?:In|At|Near|Outside|Across)\s+(?:the\s+)?[^,]{2,40},/);
  const places = placesHere().filter(
    (p) => (opening && p.end <= c.start + opening[0].length) || anchors.some((at) => Math.abs(p.start - at) <= PLACE_REACH && sameClause(p.start, at)),
  );
  // "In Kharkiv, a glide bomb hit a depot outside the Zenit plant": the opening place is where it fell, the later name a landmark in it.
  const openingPlace = opening ? places.find((p) => p.end <= c.start + opening[0].length) : undefined;
  const verbal = fresh.some((x) => x.verbal);
  // "A and B traded fire", "A exchanged strikes with B": two sides striking each other, a record for each.
  const sides = fresh.length ? reciprocalSides(a, c) : null;
  if (!places.length && !figures && !weapons.length && intercepted == null && !sides) return;
  // A weapon alone is evidence only when it is what struck ("drones attacked"), not a truce's subject;
  // a strike noun with its weapon waits as pending for figures in the next sentences.
  const weak = !places.length && !figures && intercepted == null && !verbal && !sides;
  if (weak && !(fresh.length && weapons.length && part <= 0)) return;
  const targets = targetsIn(c);
  // "an oil depot in the Marin region and a gas metering station in Tolva": one record per target and place.
  const pairs = places
    .map((p) => ({ p, t: targets.filter((t) => t.end <= p.start && p.start - t.end <= 12 && /^\s+(?:in|at|near|outside|of)\s+(?:the\s+)?$/i.test(text.slice(t.end, p.start))).pop() }))
    .filter((x): x is { p: Place; t: Found<string> } => x.t != null);
  // "killed three people in Kherson and two in the Donetsk region": one record per place, each with its toll.
  const tolls = places
    .map((p) => ({ p, m: text.slice(Math.max(c.start, p.start - 50), p.start).match(PLACE_TOLL) }))
    .filter((x): x is { p: Place; m: RegExpMatchArray } => x.m != null);
  const byToll = killed != null && tolls.length >= 2 && new Set(tolls.map((x) => x.p.name)).size === tolls.length;
  const groups: Array<{ place: Place | null; target: string | null; killed?: number | null }> = byToll
    ? tolls.map(({ p, m }) => ({ place: p, target: null, killed: parseCount(m[1])?.value ?? null }))
    : pairs.length >= 2
      ? pairs.map(({ p, t }) => ({ place: p, target: t.value }))
      : [{ place: (openingPlace && !openingPlace.isCountry ? openingPlace : null) ?? mainPlace(places, anchors), target: targets.find((t) => fresh.some((x) => x.start <= t.start))?.value ?? targets[0]?.value ?? null }];
  const proposals: Attribution[] = sides ? [{ party: sides[0], rule: 'attacker:reciprocal' }] : attributionsIn(a, s, c, fresh, own, mem.all);
  const found: Attribution = proposals[0] ?? { party: null, rule: null };
  let attacker = found.party;
  if (found.rule) rules.push(found.rule);
  if (armed) rules.push('weapon:armed-men');
  // The later rules of the chain: each answers only where the ones before it left no attacker, and each answer is a proposal for the learned chooser.
  const fallback = (party: string | null | undefined, rule: string): void => {
    if (!party) return;
    if (!proposals.some((p) => p.party === party && p.rule === rule)) proposals.push({ party, rule });
    if (attacker) return;
    attacker = party;
    rules.push(rule);
  };
  fallback(armed?.party, 'attacker:killing-by');
  if (c.elliptical) fallback(mem.previous?.attacker, 'attacker:elliptical');
  // "X said it had fired rockets at A, and launched drones at B": a clause that opens with its verb shares the subject of the clause before.
  if (part > 0 && mem.at === s.index && SHARED_SUBJECT_START.test(c.text)) fallback(mem.previous?.attacker, 'attacker:shared-subject');
  // "Pakistan answered within hours. Its army launched ...": the possessive names the previous sentence's subject.
  if (/^(?:Its|Their)\s/.test(c.text) && s.index > 0) {
    const prev = a.sentences[s.index - 1];
    fallback(prev && !prev.heading ? mentionsIn(a, prev).find((m) => m.party && !m.person)?.party : null, 'attacker:possessive-previous');
  }
  if (!attacker || mem.all) {
    mem.usual ??= usualAttacker((mem.sides ??= sidesAtStrikes(a)));
    const where = groups[0].place;
    if (!where || where.country !== mem.usual) fallback(mem.usual, 'attacker:usual');
  }
  const published = a.article.published;
  const statementAt = c.text.search(/\b(?:said|says|told|added|wrote|announced)\s+(?:on\s+)?/i);
  const times = articleTimes(a.article, c.text, 'past').filter((t) => !(statementAt >= 0 && t.start > statementAt && t.start - statementAt <= 14));
  // "killed three in A and two in B on Monday": a clause without a day takes the sentence's.
  const sentenceTimes = !times.length && c.text !== s.text ? articleTimes(a.article, s.text, 'past').filter((t) => s.start + t.start >= c.end || s.start + t.end <= c.start) : [];
  let when: { text: string; date: string | null } | null = times.find((t) => t.date != null) ?? times[0] ?? sentenceTimes.find((t) => t.date != null) ?? null;
  // "after four days of assaults" read as a day after the article: a reported strike is never later than its report.
  if (when?.date && published && when.date > published) when = { text: when.text, date: null };
  const prevDated = [...out].reverse().find((o) => o.date != null);
  for (const [re, shift] of DAY_SHIFT) {
    const m: RegExpMatchArray | null = when?.date ? null : c.text.match(re);
    if (m && prevDated?.date) {
      const d = new Date(`${prevDated.date}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() + shift);
      when = { text: m[0], date: d.toISOString().slice(0, 10) };
    }
  }
  // "Russian forces bombed a hospital": a side's bombing with no weapon named is from the air.
  const bombed = weapons.length ? undefined : fresh.find((x) => x.verbal && BOMBED_VERB.test(x.text));
  const plain = mergeWeapons(bombed ? [{ value: { type: 'airstrike', count: null, label: bombed.text }, start: bombed.start, end: bombed.start + bombed.text.length }] : weapons);
  if (bombed) rules.push('weapon:bombed-from-air');
  const merged = withSingulars(plain, weapons);
  // "Russia has stepped up its attacks on Ukraine": a whole country, no weapon, figure or day is a trend, not a strike.
  const dated = when != null && (when.date != null || /night|morning|evening|afternoon|overnight|yesterday|today/i.test(when.text));
  // "since Russia attacked Ukraine in February 2022": background, not a reported strike.
  const pubYear = Number((published ?? '').slice(0, 4)) || null;
  if (YEAR_TEST.test(c.text)) {
    const years = allMatches(/\b(?:in|since|of)\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b/g, c.text).map((m) => Number(m[1]));
    if (!figures && years.some((y) => pubYear == null || y < pubYear)) return;
    // "Hamas' October 7, 2023, attack", "erupted on 8 October 2023": a full date of a year before the report's.
    if (!figures && pubYear != null && [...c.text.matchAll(FULL_DATE_YEAR)].some((m) => Number(m[1]) < pubYear)) return;
    // "killed 3,800 civilians in airstrikes, which began in March 2015": a campaign's toll since an earlier year, not one strike.
    if (pubYear != null && [...c.text.matchAll(CAMPAIGN_BEGAN)].some((m) => Number(m[1]) < pubYear)) return;
  }
  if (groups.length === 1 && groups[0].place?.isCountry && !figures && !merged.length && !dated && !verbal && !sides && !LETHAL_ONE.test(c.text)) return;
  // The same strike told again a sentence or two on, with exact figures ("15 rockets were fired ... towards Asuncion"):
  // same place (or none), same weapon type, no other day or attacker — one record.
  const g0 = groups[0];
  // Nothing that would make it another strike: no toll, no day, no "also" or "another" ("The impact of the missile destroyed 72 flats").
  const detailOnly = killed == null && injured == null && !when?.date && !NEW_STRIKE_RE.test(c.text);
  if (
    !weak &&
    !sides &&
    groups.length === 1 &&
    part <= 0 &&
    last &&
    since > 0 &&
    since <= DETAIL_REACH &&
    // A strike verb starts a new strike, unless the same attacker's rounded figures are now given exactly, or it adds only detail.
    (!verbal ||
      (detailOnly && (attacker == null || attacker === last.attacker)) ||
      (attacker != null && attacker === last.attacker && (!when || when.text === last.when) && plain.some((w) => w.count != null && last.weapons.some((x) => x.type === w.type && x.count == null)))) &&
    (!g0.place || placeKey(g0.place.name) === placeKey(last.location)) &&
    (!attacker || !last.attacker || attacker === last.attacker) &&
    (!when?.date || when.date === last.date) &&
    (plain.some((w) => last.weapons.some((x) => x.type === w.type)) || (detailOnly && !last.weapons.length && plain.length > 0)) &&
    (killed == null || last.killed == null || killed === last.killed)
  ) {
    addSource(a, last, s);
    last.weapons = refineWeapons(last.weapons, bombed ? plain : mergeWeapons(launchedCounts(weapons, last)));
    last.killed ??= killed;
    last.injured ??= injured;
    last.intercepted ??= intercepted;
    addRule(last, 'memory:same-strike-retold');
    mem.at = s.index;
    return;
  }
  groups.forEach((g, k) => {
    const location = g.place?.name ?? null;
    // A later sentence about the same place with nothing new adds its sentence, not a record.
    const key = placeKey(location);
    const earlier = key ? out.find((o) => placeKey(o.location) === key) : undefined;
    if (earlier && !figures && groups.length === 1 && !sides) {
      addSource(a, earlier, s);
      addRule(earlier, 'memory:same-place');
      return;
    }
    const evidence = (location ? 1 : 0) + (figures ? 1 : 0) + (merged.length ? 1 : 0) + (attacker ? 1 : 0);
    const ruleNames = [
      fresh.length ? (verbal ? 'event:strike-verb' : 'event:strike-noun') : 'event:weapon-with-toll',
      ...(part >= 0 ? [c.elliptical ? 'clause:elliptical' : 'clause:coordinated'] : []),
      ...(byToll ? ['toll:per-place'] : []),
      ...rules,
    ];
    const x: Attack = {
      id: `atk:${a.article.id}:${c.start}:${k}`,
      sources: [refOf(a, s)],
      confidence: Math.min(1, 0.4 + 0.15 * evidence),
      conflicts: [],
      rules: ruleNames,
      attacker,
      location,
      when: when?.text ?? null,
      date: when?.date ?? null,
      weapons: merged,
      killed: g.killed !== undefined ? g.killed : killed,
      injured: byToll ? null : injured,
      target: g.target,
      intercepted,
      aggregate: AGGREGATE_RE.test(c.text) || (plain.filter((w) => w.count != null).length >= 2 && /\battacks\b/i.test(c.text) && !/\bnight\b|\bovernight\b/i.test(c.text)),
    };
    mem.origins.set(x, { sentence: s, clause: { start: c.start, end: c.end }, anchors, proposals: proposals.filter((p): p is AttackerProposal => p.party != null && p.rule != null), placeCountry: g.place?.country ?? null });
    if (weak) {
      mem.pending = { x, at: s.index };
      return;
    }
    out.push(x);
    if (NEW_STRIKE_RE.test(c.text)) mem.separate.add(x);
    if (sides) out.push({ ...x, id: `${x.id}:r`, attacker: sides[1], sources: [...x.sources], rules: [...ruleNames], weapons: [...x.weapons] });
    remember(x, tollVerb);
  });
}

const RECIPROCAL_TEST = fastRegExp(`\\b(?:${RECIPROCAL})\\b`, 'i');
/** After the second of "A and B": the reciprocal verb ("Indian and Pakistani troops exchanged"). */
const RECIPROCAL_AFTER = fastRegExp(`^(?:['’]s?)?\\s+(?:(?:forces|troops|armies|militaries|soldiers|sides|navies|jets|gunners|units)\\s+)?(?:have\\s+|had\\s+|has\\s+|again\\s+|also\\s+)*(?:${RECIPROCAL})\\s+`, 'i');
/** Between A and B in "A traded fire with B": the verb, its object and "with". */
const RECIPROCAL_WITH = fastRegExp(`^(?:['’]s?)?\\s+(?:(?:forces|troops|army|military|soldiers|navy|jets|gunners|units)\\s+)?(?:have\\s+|had\\s+|has\\s+|again\\s+|also\\s+)*(?:${RECIPROCAL})\\s+[^,;.]{0,50}?\\bwith\\s+(?:the\\s+)?$`, 'i');

const OBJECT_END = /\b(?:after|before|since|as|when|while|in|on|at|despite|amid|following|during|for)\b/i;

/** The two sides of a reciprocal strike ("A and B traded artillery fire", "A exchanged strikes with B"), the strike word within the verb's object. */
function reciprocalSides(a: AnalysedArticle, c: Sentence): [string, string] | null {
  if (!RECIPROCAL_TEST.test(c.text)) return null;
  const text = a.article.text;
  const ms = mentionsOf(a, c).filter((m) => m.party && !m.person);
  // The verb's object up to its first adjunct: "traded fire across the border", "exchanged accusations of shelling", not "exchanged prisoners after strikes".
  const struck = (from: number): boolean => {
    const object = text.slice(from, Math.min(c.end, from + 50)).split(OBJECT_END)[0];
    return STRIKE_TEST.test(object) || weaponsOf(a, c).some((w) => w.start >= from && w.end <= from + object.length);
  };
  for (let i = 0; i + 1 < ms.length; i++) {
    const x = ms[i];
    const y = ms[i + 1];
    if (!x.party || !y.party || x.party === y.party) continue;
    const after = text.slice(y.end, Math.min(c.end, y.end + 60)).match(RECIPROCAL_AFTER);
    if (after && /^\s*,?\s*and\s+(?:the\s+)?$/i.test(text.slice(x.end, y.start)) && struck(y.end + after[0].length)) return [x.party, y.party];
    const between = text.slice(x.end, y.start);
    const verb = between.search(RECIPROCAL_TEST);
    if (RECIPROCAL_WITH.test(between) && struck(x.end + verb)) return [x.party, y.party];
  }
  return null;
}

/** Armed men, a massacre, or a side's forces that kill ("X troops killed", "shot dead by X forces"). */
const ARMED_TEST = fastRegExp(`\\b(?:${ARMED_MEN}|killing of|killings of|massacre of|(?:forces|troops|soldiers|army|military|police|snipers)\\s+(?:have\\s+|has\\s+|had\\s+)?(?:reportedly\\s+|allegedly\\s+|also\\s+)?(?:killed|shot|gunned|opened fire|fired on)|(?:killed|shot dead|shot and killed|gunned down|fired on|shot)\\s+by)\\b`, 'i');
const ARMED_AGENT_RE = fastRegExp(`\\b(?:${ARMED_MEN})\\s+(?:have\\s+|had\\s+|has\\s+)?(?:reportedly\\s+|allegedly\\s+|also\\s+|then\\s+)?(?:${ARMED_ACTS})\\b`, 'i');
/** "the killing of over 100 civilians ... allegedly by paramilitary X": a massacre, and the words just before its agent. */
const KILLING_BY_RE = fastRegExp(`\\b(?:killing|killings|massacre|murder)\\s+of\\b[^.;]{0,140}?\\bby\\s+(?:the\\s+)?(?:(?:suspected|alleged|armed|paramilitary|rebel|militia)\\s+)*$`, 'i');
/** "an ambush by Islamist insurgents", "an attack by armed individuals on two hamlets": a raid whose agent is armed men. */
const ARMED_BY_RE = fastRegExp(`\\b(?:attacks?|ambush(?:es)?|raids?|assaults?|massacres?|killings?)\\s+(?:[\\p{Ll}-]+\\s+){0,3}?by\\s+(?:(?:suspected|alleged|unidentified|unknown|[\\p{L}-]+ist)\\s+)?(${ARMED_MEN}|armed\\s+(?:men|individuals|groups?|assailants))\\b`, 'i');
/** "X forces killed 22 people", "X troops opened fire on": a side's armed men killing with no weapon named. */
const FORCES = String.raw`(?:forces|troops|soldiers|security forces|army|military|police|snipers)`;
const FORCES_KILLED_AFTER = fastRegExp(`^(?:['’]s?)?\\s+(?:[\\p{Ll}-]+\\s+)?${FORCES}\\s+(?:have\\s+|had\\s+|has\\s+)?(?:reportedly\\s+|allegedly\\s+|also\\s+)?(?:killed|shot dead|shot and killed|gunned down|opened fire on|fired on)\\s+(?:at\\s+least\\s+|more\\s+than\\s+|some\\s+|about\\s+)?(?:\\d|a\\b|an\\b|one\\b|two\\b|three\\b|four\\b|five\\b|six\\b|seven\\b|eight\\b|nine\\b|ten\\b|dozens\\b|[\\p{Ll}]+\\s+(?:people|civilians|protesters|villagers|men|women|children)\\b)`, 'i');
/** "were shot dead by X forces", "fired on by X troops". */
const KILLED_BY_FORCES_BEFORE = /\b(?:killed|shot dead|shot and killed|gunned down|fired on|shot)\s+by\s+(?:the\s+)?$/i;
const FORCES_AFTER = fastRegExp(`^(?:['’]s?)?\\s+(?:[\\p{Ll}-]+\\s+)?${FORCES}\\b`, 'i');
const BACKGROUND_TOLL_TEST = fastRegExp(`\\b(?:${BACKGROUND_TOLL})\\b`, 'i');
/** "the deadliest attack in the region since 2019": a record that dates one event, not a toll over a period. */
const RECORD_SINCE = /\b(?:deadliest|worst|bloodiest|biggest|largest|first)\b[^.;,]{0,80}?\bsince\b/gi;
/** "during gunmen attacks on the village": a raid named by the armed men who made it. */
const ARMED_RAID_RE = fastRegExp(`\\b(${ARMED_MEN})\\s+(?:attacks?|assaults?|raids?|ambush(?:es)?)\\b`, 'i');
const BLAST_WORD = fastRegExp(`\\b(?:${BLASTS})\\b`, 'i');

/**
 * A raid by armed men with no weapon named ("gunmen killed 17 pilgrims", "insurgents attacked the
 * town", "the killing of 100 villagers by X militia"): coded as an attack with small arms (weapon
 * type "other", no count), its agent the side named with them. Not for a war's toll ("militants
 * have killed thousands since 2015").
 */
function armedAgent(a: AnalysedArticle, c: Sentence): { weapon: Found<Weapon>; party: string | null } | null {
  if (!/kill|massacr|attack|storm|raid|ambush|fire|shot|gunned|executed|slaughter/i.test(c.text) || BACKGROUND_TOLL_TEST.test(c.text.replace(RECORD_SINCE, ''))) return null;
  const text = a.article.text;
  const m = c.text.match(ARMED_AGENT_RE) ?? c.text.match(ARMED_BY_RE) ?? (BLAST_WORD.test(c.text) ? null : c.text.match(ARMED_RAID_RE));
  if (m) {
    const at = c.start + (m.index ?? 0) + (m[1] ? m[0].lastIndexOf(m[1]) : 0);
    const label = m[1] ?? m[0].split(/\s+/)[0];
    return { weapon: { value: { type: 'other', count: null, label }, start: at, end: at + label.length }, party: null };
  }
  for (const x of mentionsOf(a, c)) {
    if (!x.party || x.person) continue;
    // "X forces killed 22 people", "were shot dead by X forces": the side's forces killed, with no weapon named.
    const forces =
      FORCES_KILLED_AFTER.test(text.slice(x.end, Math.min(c.end, x.end + 80))) ||
      (KILLED_BY_FORCES_BEFORE.test(text.slice(Math.max(c.start, x.start - 40), x.start)) && FORCES_AFTER.test(text.slice(x.end, Math.min(c.end, x.end + 30))));
    if (!forces && !KILLING_BY_RE.test(text.slice(c.start, x.start))) continue;
    return { weapon: { value: { type: 'other', count: null, label: x.text }, start: x.start, end: x.end }, party: x.party };
  }
  return null;
}

/** A year in a clause: the year rules below read only clauses that have one. */
const YEAR_TEST = /\b(?:19|20)\d\d\b/;
/** A day with its year: "October 7, 2023", "8 October 2023". */
const FULL_DATE_YEAR = /\b(?:[A-Z][a-z]+\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]+,?\s+)((?:19|20)\d\d)\b/g;
/** "which began in October 2023", "since it started in 2015": a campaign dated by the year it began. */
const CAMPAIGN_BEGAN = /\b(?:began|started|erupted|begun)\s+(?:(?:in|on)\s+)?(?:(?:early|late|mid)[\s-]+)?(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b/g;

/** One strike named as deadly ("the fatal bombing of a camp"): an event, not a trend. */
const LETHAL_ONE = fastRegExp(`\\b(?:${LETHAL})\\s+(?:[\\p{L}-]+\\s+)?(?:attack|strike|airstrike|air strike|bombing|shelling|raid|blast|explosion)\\b`, 'i');

/** How far (sentences) a toll with no strike word may follow the strike being told. */
const TOLL_REACH = 2;
const BACKGROUND_TOLL_RE = fastRegExp(`\\b(?:${BACKGROUND_TOLL})\\b`, 'i');
/** "the Kharkiv regional governor", "Kyiv city authorities": the region whose toll an official reports. */
const OFFICIAL_OF_PLACE = fastRegExp(`\\b(\\p{Lu}[\\p{L}’'-]+)\\s+(?:${REGION_ADJECTIVES})\\s+(?:${OFFICIAL_NOUNS})\\b`, 'u');

/** A place's name for comparing: "the Kawot district" and "Kawot" are one place. */
const PLACE_SUFFIX_END = fastRegExp(`\\s+(?:${PLACE_SUFFIX})$`, 'i');
const placeKey = (name: string | null | undefined): string | null => (name ? name.toLowerCase().replace(/^the\s+/, '').replace(PLACE_SUFFIX_END, '').trim() : null);

/** Before a place that opens the sentence: "In", "In the capital of", "At the port of". */
const OPENING_PLACE = /^(?:In|At|Near|Outside)\s+(?:the\s+)?(?:(?:[\p{Ll}-]+\s+){1,2}of\s+(?:the\s+)?)?$/u;

/** Two tolls that may be one: each figure equal or unknown on one side. */
const tollsAgree = (x: { killed: number | null; injured: number | null }, y: { killed: number | null; injured: number | null }): boolean =>
  (x.killed == null || y.killed == null || x.killed === y.killed) && (x.injured == null || y.injured == null || x.injured === y.injured);

/**
 * A toll with no strike word of its own, told while a strike is being reported ("Four deaths were
 * reported in A, three more in B", "Ten people were killed and eight wounded, he said"): in a
 * breakdown, a toll at a new place is that place's share of the strike (a record with the strike's
 * attacker and day); a toll with no place, or at the place of a record already made, completes that
 * record.
 */
function tollInSequence(a: AnalysedArticle, s: Sentence, c: Sentence, toll: { killed: number | null; injured: number | null }, out: Attack[], mem: Memory, part: number): void {
  const last = mem.current;
  if (!last || AGGREGATE_RE.test(c.text) || BACKGROUND_TOLL_RE.test(c.text)) return;
  const near = s.index - mem.at <= TOLL_REACH;
  const at = c.start + Math.max(0, c.text.search(CASUALTY_WORD));
  const official = c.text.match(OFFICIAL_OF_PLACE);
  const named = placesIn(a, c).find((p) => (p.strong || OPENING_PLACE.test(a.article.text.slice(c.start, p.start))) && !p.isCountry && Math.abs(p.start - at) <= PLACE_REACH);
  const place = official ? `${official[1]} region` : (named?.name ?? null);
  const fill = (x: Attack, rule: string): void => {
    addSource(a, x, s);
    x.killed ??= toll.killed;
    x.injured ??= toll.injured;
    addRule(x, rule);
    mem.current = x;
    mem.at = s.index;
  };
  const key = placeKey(place);
  if (key) {
    const same = out.find((o) => placeKey(o.location) === key && tollsAgree(o, toll));
    // Another figure at the same place names another part of it ("the Kyiv region" and "the capital of Kyiv"): its own record.
    if (same) return fill(same, 'memory:toll-at-place');
    // A new place's share is a record only in a breakdown ("four in A, three more in B, and one in C"), where the
    // sentence is cut into clauses; a lone toll at a new place is as often another strike's or another day's.
    // So is a toll that a region's officials report ("Kharkiv regional authorities reported three injuries") or that a place opening the sentence frames ("In A, officials reported 11 injuries").
    const framed = official != null || (named != null && OPENING_PLACE.test(a.article.text.slice(c.start, named.start)));
    if (!near || (part < 0 && !framed)) return;
    const attacker = last.attacker ?? [...out].reverse().find((o) => o.attacker != null)?.attacker ?? null;
    const x: Attack = {
      id: `atk:${a.article.id}:${c.start}:t`,
      sources: [refOf(a, s)],
      confidence: 0.55,
      conflicts: [],
      rules: ['event:toll-in-sequence', 'attacker:sequence'],
      attacker,
      location: place,
      when: last.when,
      date: last.date,
      weapons: [],
      killed: toll.killed,
      injured: toll.injured,
      target: null,
      intercepted: null,
      aggregate: false,
    };
    out.push(x);
    mem.origins.set(x, { sentence: s, clause: { start: c.start, end: c.end }, anchors: [], proposals: attacker ? [{ party: attacker, rule: 'attacker:sequence' }] : [], placeCountry: named?.country ?? null });
    mem.current = x;
    mem.at = s.index;
    mem.previous = { weapons: [], toll: toll.killed != null ? 'killed' : 'injured', attacker };
    return;
  }
  if (!near) return;
  // No place: the record with the same figure ("three more deaths ... three people were killed and 10 injured"), else the strike being told.
  const recent = out.slice(-6).reverse();
  const same =
    (last.killed == null && last.injured == null ? last : null) ??
    recent.find((o) => o.killed != null && o.killed === toll.killed && tollsAgree(o, toll)) ??
    recent.find((o) => o.injured != null && o.injured === toll.injured && tollsAgree(o, toll));
  if (same) fill(same, 'memory:toll-no-strike-word');
}

/** Two records of one place that may be one strike: no figure, attacker, day or weapon count differs. */
function compatible(x: Attack, y: Attack): boolean {
  return (
    tollsAgree(x, y) &&
    (x.attacker == null || y.attacker == null || x.attacker === y.attacker) &&
    (x.date == null || y.date == null || x.date === y.date) &&
    !y.weapons.some((w) => w.count != null && x.weapons.some((v) => v.type === w.type && v.count != null && v.count !== w.count)) &&
    !x.aggregate &&
    !y.aggregate
  );
}

/** How much a record says: place, figures, counted weapons and day each count. */
const detail = (x: Attack): number =>
  (x.location ? 1 : 0) + (x.killed != null ? 1 : 0) + (x.injured != null ? 1 : 0) + (x.date ? 1 : 0) + x.weapons.filter((w) => w.count != null).length;

/**
 * A lede's summary of a strike the article reports in detail later ("hours after an airstrike
 * on a camp killed at least 23 ...") is the same strike: same attacker and the same death toll,
 * or the same place with no toll of its own. The detailed record keeps both sentences.
 */
function withoutSummaries(out: Attack[], separate: ReadonlySet<Attack>): Attack[] {
  const dropped = new Set<Attack>();
  for (const x of out) {
    if (dropped.has(x)) continue;
    const bare = x.killed == null && x.injured == null && !x.weapons.some((w) => w.count != null);
    const same = out.find(
      (y) =>
        y !== x &&
        !dropped.has(y) &&
        !y.aggregate &&
        y.attacker === x.attacker &&
        y.sources[0].start !== x.sources[0].start &&
        (detail(y) > detail(x) || (detail(y) === detail(x) && y.sources[0].start > x.sources[0].start)) &&
        ((!x.aggregate && x.killed != null && x.killed === y.killed && (!x.location || !y.location || x.location === y.location || (x.date != null && x.date === y.date))) ||
          (bare && x.location != null && placeKey(x.location) === placeKey(y.location))),
    );
    // "one in the city of A" ... "in A, a building hit by a drone, with five injured": the same strike at one place, told twice.
    const samePlace =
      same ??
      out.find((y) => y !== x && !dropped.has(y) && x.location != null && placeKey(x.location) === placeKey(y.location) && detail(y) > detail(x) && compatible(x, y));
    if (!samePlace) continue;
    for (const r of x.sources) if (!samePlace.sources.some((q) => q.start === r.start)) samePlace.sources.push(r);
    // "Russian missiles hit two buildings in A" ... "two buildings were hit in A, leaving 26 dead": the summary names what struck.
    if (!samePlace.weapons.length && x.weapons.length) {
      samePlace.weapons = [...x.weapons];
      addRule(samePlace, 'memory:summary-weapons');
    }
    if (samePlace !== same) {
      samePlace.attacker ??= x.attacker;
      samePlace.killed ??= x.killed;
      samePlace.injured ??= x.injured;
      addRule(samePlace, 'memory:same-place-merged');
    }
    dropped.add(x);
  }
  const kept = out.filter((x) => !dropped.has(x));
  return withoutWeaponRetellings(kept, separate);
}

/** Every weapon of x is of a type y names, with the same count or a count on one side only. */
const weaponsWithin = (x: Attack, y: Attack): boolean =>
  x.weapons.length > 0 && x.weapons.every((w) => y.weapons.some((v) => v.type === w.type && (v.count == null || w.count == null || v.count === w.count)));

/**
 * A strike's weapons told again with no toll and no other place ("the governor said four cruise
 * missiles hit the port", "two of the ballistic missiles fell on a school"): detail of the strike
 * already recorded with those weapons, not another strike. Its counts fill the record's; the
 * record keeps both sentences.
 */
function withoutWeaponRetellings(out: Attack[], separate: ReadonlySet<Attack>): Attack[] {
  const dropped = new Set<Attack>();
  for (const x of out) {
    if (x.killed != null || x.injured != null || x.aggregate || separate.has(x)) continue;
    const y = out.find(
      (o) =>
        o !== x &&
        !dropped.has(o) &&
        !o.aggregate &&
        o.sources[0].start !== x.sources[0].start &&
        (x.location == null || placeKey(x.location) === placeKey(o.location)) &&
        (x.attacker == null || o.attacker == null || x.attacker === o.attacker) &&
        (x.date == null || o.date == null || x.date === o.date) &&
        weaponsWithin(x, o),
    );
    if (!y) continue;
    for (const r of x.sources) if (!y.sources.some((q) => q.start === r.start)) y.sources.push(r);
    y.weapons = y.weapons.map((v) => (v.count == null ? { ...v, count: x.weapons.find((w) => w.type === v.type && w.count != null)?.count ?? null } : v));
    y.attacker ??= x.attacker;
    y.location ??= x.location;
    addRule(y, 'memory:weapons-retold');
    dropped.add(x);
  }
  return out.filter((x) => !dropped.has(x));
}
