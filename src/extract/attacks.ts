import type { Attack, Weapon } from '../model';
import { fastRegExp, inSpans, mentionsIn, quotations, subjectsAt, type Mention } from './clauses';
import { findTimes } from './dates';
import { COUNTRIES } from './lexicon/countries';
import { CASUALTY, NOT_AN_EVENT, PLACE_SUFFIX, STRIKE_WORDS, TARGET_HEADS, TARGET_MODIFIERS, WEAPONS } from './data/weapons';
import { NUMBER, QUALIFIER, parseCount } from './numbers';
import { partyForm, placeOf } from './parties';
import { refOf, type AnalysedArticle, type Sentence } from './types';

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
const STRIKE_RE = fastRegExp(`\\b(?:${STRIKE_WORDS})\\b`, flags);
const STRIKE_TEST = fastRegExp(`\\b(?:${STRIKE_WORDS})\\b`, 'i');
const NEGATED_RE = fastRegExp(`\\b(?:${NOT_AN_EVENT})\\s+(?:[\\p{L}’'-]+\\s+){0,3}$`, 'i');
const REFERENCE_RE = fastRegExp(String.raw`\b(?:the|these|those|this|that)\s+(?:[\p{L}\p{N}.’'-]+\s+){0,2}$`, 'i');
const COUNT = `(?:${QUALIFIER})?${NUMBER}`;
/** Every weapon name in one pass; the matching group's index is the entry in WEAPONS. */
const WEAPON_HEAD_RE = fastRegExp(`\\b(?:${WEAPONS.map(([, label]) => `(${label})`).join('|')})\\b`, flags);
/** The count just before a weapon name: "at least 40 attack drones", "dozens of rockets". */
const WEAPON_COUNT_RE = fastRegExp(`(?:^|[^\\p{L}\\p{N}])(${COUNT})(?:\\s+of)?\\s+(?:(?!(?:people|civilians|of|and|with|by|in|at|on|from|to|for|the)\\b)[\\p{L}-]+\\s+){0,2}?$`, 'i');
const KILLED_RES = [
  fastRegExp(`\\b(?:${CASUALTY.killing})\\s+(${COUNT})\\b`, 'i'),
  fastRegExp(`\\b(${COUNT})\\s+(?:other\\s+)?(?:(?:${CASUALTY.victims})\\s+)?(?:were\\s+|was\\s+|have\\s+been\\s+|had\\s+been\\s+|are\\s+)?(?:${CASUALTY.killed})\\b`, 'i'),
  fastRegExp(`\\b(?:leaving|left)\\s+(${COUNT})\\s+(?:(?:${CASUALTY.victims})\\s+)?dead\\b`, 'i'),
  fastRegExp(`\\bdeath toll\\s+(?:\\w+\\s+){0,2}(?:to|at|of)\\s+(${COUNT})\\b`, 'i'),
];
const ONE = '(?:a|an|one)\\s+(?:[\\w-]+\\s+){0,2}?(?:man|woman|child|boy|girl|person|civilian|soldier|teenager|resident|worker|journalist|medic)';
const ONE_KILLED = fastRegExp(`\\b(?:${CASUALTY.killing})\\s+${ONE}\\b`, 'i');
const ONE_INJURED = fastRegExp(`\\b(?:${CASUALTY.injuring})\\s+${ONE}\\b`, 'i');
const INJURED_RES = [
  fastRegExp(`\\b(?:${CASUALTY.injuring})\\s+(${COUNT})\\b`, 'i'),
  fastRegExp(`\\b(${COUNT})\\s+(?:other\\s+)?(?:(?:${CASUALTY.victims})\\s+)?(?:were\\s+|was\\s+|have\\s+been\\s+|had\\s+been\\s+|are\\s+)?(?:${CASUALTY.injured})\\b`, 'i'),
];
const INTERCEPTED_RES = [
  fastRegExp(`\\b(?:${CASUALTY.intercepting})\\s+(${COUNT})\\b`, 'i'),
  fastRegExp(`\\b(${COUNT})\\s+(?:of them\\s+)?(?:were|was|had been|have been)\\s+(?:${CASUALTY.intercepting})\\b`, 'i'),
];
const TARGET_RE = fastRegExp(`\\b(?:(?:${TARGET_MODIFIERS})\\s+){0,3}(?:${TARGET_HEADS})\\b`, flags);
const TARGET_DETERMINER = /^(?:(?:a|an|the|several|two|three|four|five|many|some|multiple)\s+)+/i;
const AGGREGATE_RE = /\bsince (?:the (?:leaders|start|beginning|call|truce|ceasefire)|(?:last )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December))\b|\bover the (?:past|last)\b|\bin (?:total|all)\b|\bdaily\b|\bso far\b|\bthis (?:week|month|year)\b|\bin the past (?:day|week|month)\b|\bevery (?:day|night)\b/i;
const PLACE_SLOT = /\b(?:in|near|at|across|over|outside|inside|within|around|into|on|of|targeting|targeted|struck|hit|attacked|shelled|bombed|pounded|striking|hitting|attacking|shelling|bombing)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north-?eastern|south-?eastern|north-?western|south-?western|occupied|besieged)\s+)?$/i;
const PASSIVE_HIT = /^[^,.;]{0,40}?\b(?:was|were|has been|have been|had been)\s+(?:also\s+|again\s+|repeatedly\s+)?(?:targeted|hit|struck|attacked|shelled|bombed|pounded)\b/i;
const NOT_PLACE = new Set(
  'The A An But And In On At As After Before While When If It Its This That These Those He She They We I Mr Mrs Ms Dr President Minister General Sunday Monday Tuesday Wednesday Thursday Friday Saturday January February March April May June July August September October November December'.split(' '),
);
/** A toll just before a place: "three people in Kherson", "two in the Donetsk region". */
const PLACE_TOLL = fastRegExp(`(${COUNT})\\s+(?:(?:people|civilians|others|more|persons|children)\\s+)?(?:(?:were\\s+)?(?:killed|dead)\\s+)?in\\s+(?:the\\s+)?$`, 'i');
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
  const mentions = mentionsIn(a, s);
  for (const m of s.text.matchAll(/\bthe\s+([A-Z][\p{L}-]+)\s+capital\b/gu)) {
    const party = partyForm(m[1])?.party;
    const cap = party ? CAPITAL_OF.get(party) : undefined;
    if (party && cap) out.push({ name: cap, start: s.start + (m.index ?? 0), end: s.start + (m.index ?? 0) + m[0].length, country: party, isCountry: false, strong: true });
  }
  const RUN = /\p{Lu}[\p{L}’'-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}’'-]*){0,2}/gu;
  for (const m of s.text.matchAll(RUN)) {
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
    if (mentionsIn(a, s).some((p) => p.person && at < p.end && at + name.length > p.start)) continue;
    const party = mentions.find((p) => !p.person && p.start === at);
    const form = party ? partyForm(party.text) : null;
    if (form && form.kind !== 'name' && form.kind !== 'capital') continue;
    const before = text.slice(Math.max(s.start, at - 40), at);
    const slot = PLACE_SLOT.test(before) || (at === s.start && PASSIVE_HIT.test(text.slice(at + name.length, s.end)));
    const known = placeOf(name);
    if (!slot) continue;
    if (!known && !party && !/^\p{Lu}\p{Ll}/u.test(name)) continue;
    const suffix = text.slice(at + name.length, s.end).match(new RegExp(`^\\s+(${PLACE_SUFFIX})\\b`, 'i'));
    const full = suffix ? `${name} ${suffix[1]}` : name;
    const country = known?.country ?? (form?.kind === 'name' ? form.party : null) ?? (form?.party ?? null);
    const strong = !/\b(?:across|over|on|of|into)\s+(?:the\s+)?(?:\p{L}+\s+)?$/iu.test(before);
    out.push({ name: full, start: at, end: at + full.length, country, isCountry: form?.kind === 'name' || known?.kind === 'country', strong });
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
}

function weaponsIn(s: Sentence): Array<Found<Weapon>> {
  const found: Array<Found<Weapon>> = [];
  WEAPON_HEAD_RE.lastIndex = 0;
  for (const m of s.text.matchAll(WEAPON_HEAD_RE)) {
    const k = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
    const at = m.index ?? 0;
    const c = s.text.slice(Math.max(0, at - 60), at).match(WEAPON_COUNT_RE);
    const count = c ? parseCount(c[1]) : null;
    found.push({ value: { type: WEAPONS[k][0], count: count?.value ?? null, label: m[0] }, start: s.start + at, end: s.start + at + m[0].length });
  }
  return found;
}

/** Weapons per sentence, for the article pass that finds the usual attacker and the sentence pass. */
const WEAPONS_OF = new WeakMap<Sentence, Array<Found<Weapon>>>();
function weaponsOf(s: Sentence): Array<Found<Weapon>> {
  let w = WEAPONS_OF.get(s);
  if (!w) WEAPONS_OF.set(s, (w = weaponsIn(s)));
  return w;
}

/** A word any casualty or interception figure needs; without one the figure regexes are not run. */
const CASUALTY_WORD = /kill|dead|died|injur|wound|hurt|intercept|shot down|downed|destroy|neutrali|death toll/i;

/** One weapon per type: a counted mention wins over an uncounted one. */
function mergeWeapons(ws: ReadonlyArray<Found<Weapon>>): Weapon[] {
  const out: Weapon[] = [];
  for (const { value } of ws) {
    const same = out.findIndex((w) => w.type === value.type);
    if (same < 0) out.push(value);
    else if (out[same].count == null && value.count != null) out[same] = value;
    else if (out[same].count != null && value.count != null && out[same].label !== value.label) out.push(value);
  }
  return out;
}

function firstCount(res: readonly RegExp[], text: string): number | null {
  for (const re of res) {
    const m = text.match(re);
    const c = m ? parseCount(m[1]) : null;
    if (c) return c.value;
  }
  return null;
}

function targetsIn(s: Sentence): Array<Found<string>> {
  const out: Array<Found<string>> = [];
  for (const m of s.text.matchAll(TARGET_RE)) {
    const value = m[0].replace(TARGET_DETERMINER, '').trim();
    if (!value || /^(?:a|an|the)$/i.test(value)) continue;
    out.push({ value, start: s.start + (m.index ?? 0), end: s.start + (m.index ?? 0) + m[0].length });
  }
  return out;
}

/** Valid strike words: not negated, not hypothetical, not a bare back-reference. */
function strikeWords(a: AnalysedArticle, s: Sentence, hasFigures: boolean): Array<{ start: number; text: string; reference: boolean }> {
  const q = quotations(s);
  const out: Array<{ start: number; text: string; reference: boolean }> = [];
  for (const m of s.text.matchAll(STRIKE_RE)) {
    const at = m.index ?? 0;
    const before = s.text.slice(Math.max(0, at - 40), at);
    if (NEGATED_RE.test(before)) continue;
    if (inSpans(q, s.start + at) && !hasFigures) continue;
    const isNoun = !/(?:ed|ing)$/i.test(m[0]) && !/^(?:struck|hit|shot down|downed|fired)$/i.test(m[0]);
    // "the strikes had hit mosques", "one struck a street": the verb tells more of a strike already reported.
    const continues = !isNoun && BACK_SUBJECT.test(before);
    out.push({ start: s.start + at, text: m[0], reference: (isNoun && REFERENCE_RE.test(before)) || continues });
  }
  return out;
}

/** Subjects that point back to weapons or strikes just reported: "the strikes had", "one", "most of them". */
const BACK_SUBJECT = /(?:^|[,;—–]\s*|\bbut\s+|\band\s+|\b(?:said|says|added|reported|confirmed)\s+(?:that\s+)?)(?:(?:the|these|those)\s+(?:[\w-]+\s+)?(?:strikes?|attacks?|missiles?|drones?|rockets?|shells?|bombs?|raids?|projectiles?)|one|another|some|several|most|many|two|three|others?)(?:\s+of\s+them)?\s+(?:had\s+|have\s+|has\s+)?(?:also\s+|reportedly\s+)?$/i;
/** Relative days that follow an earlier dated strike: "A day earlier", "The next day". */
const DAY_SHIFT: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(?:a day earlier|the day before|the previous day|a day before)\b/i, -1],
  [/\b(?:the next day|a day later|the following day)\b/i, 1],
];
const ACCUSED = /\b(?:accus(?:ed|es|ing)|blam(?:ed|es|ing))\s+$/i;

/** Who struck: the accused party, the party named before a weapon or strike word, or the subject of a strike verb. */
function attackerIn(a: AnalysedArticle, s: Sentence, strikes: ReadonlyArray<{ start: number }>, weapons: ReadonlyArray<Found<Weapon>>): string | null {
  const text = a.article.text;
  const ms = mentionsIn(a, s);
  const accused = ms.find((m) => m.party && ACCUSED.test(text.slice(Math.max(s.start, m.start - 20), m.start)));
  if (accused) return accused.party;
  // "The Houthis claimed responsibility for an attack on ...".
  const claimed = ms.find((m) => m.party && /^\s+(?:\w+\s+)?(?:claimed|claims|took|has claimed|have claimed) responsibility\b/i.test(text.slice(m.end, m.end + 40)));
  if (claimed) return claimed.party;
  const anchors = [...strikes.map((x) => x.start), ...weapons.map((w) => w.start)];
  for (const m of ms) {
    if (!m.party || m.person) continue;
    if (anchors.some((at) => at >= m.end && /^['’]?s?\s+(?:[\p{L}-]+\s+){0,3}$/u.test(text.slice(m.end, at)) && !/[,.;]/.test(text.slice(m.end, at)))) return m.party;
  }
  for (const st of strikes) {
    const word = text.slice(st.start, st.start + 12);
    if (!/^(?:attacked|struck|hit|shelled|bombed|pounded|launched|fired|targeted)\b/i.test(word)) continue;
    if (/\b(?:was|were|been|be)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(s.start, st.start - 20), st.start))) continue;
    // "Drones struck ...": the weapon is the subject; a party named before it (a dateline) is not the attacker.
    if (weapons.some((w) => w.end <= st.start && st.start - w.end <= 3)) continue;
    const subj = subjectsAt(a, s, st.start).find((h) => h.party);
    if (subj?.party) return subj.party;
  }
  return null;
}

/** The party most often named just before strike and weapon words across the article ("Russian drones"). */
function usualAttacker(a: AnalysedArticle): string | null {
  const counts = new Map<string, number>();
  const text = a.article.text;
  for (const s of a.sentences) {
    const anchors = [...s.text.matchAll(STRIKE_RE)].map((m) => s.start + (m.index ?? 0)).concat(weaponsOf(s).map((w) => w.start));
    for (const m of mentionsIn(a, s) as Mention[]) {
      if (!m.party || m.person) continue;
      if (anchors.some((at) => at >= m.end && at - m.end < 30 && /^['’]?s?\s+(?:[\p{L}-]+\s+){0,2}$/u.test(text.slice(m.end, at)))) {
        counts.set(m.party, (counts.get(m.party) ?? 0) + 1);
      }
    }
  }
  let best: string | null = null;
  let n = 0;
  for (const [p, c] of counts) if (c > n) [best, n] = [p, c];
  return best;
}

export function detectAttacks(a: AnalysedArticle): Attack[] {
  const out: Attack[] = [];
  let usual: string | null | undefined;
  for (const s of a.sentences) {
    if (s.heading) continue;
    const weapons = weaponsOf(s);
    // Nothing struck and no weapon named: no attack here (most sentences end at this cheap test).
    if (!weapons.length && !STRIKE_TEST.test(s.text)) continue;
    const hasToll = CASUALTY_WORD.test(s.text);
    const killed = hasToll ? (firstCount(KILLED_RES, s.text) ?? (ONE_KILLED.test(s.text) ? 1 : null)) : null;
    const injured = hasToll ? (firstCount(INJURED_RES, s.text) ?? (ONE_INJURED.test(s.text) ? 1 : null)) : null;
    const intercepted = hasToll ? firstCount(INTERCEPTED_RES, s.text) : null;
    const counted = weapons.some((w) => w.value.count != null);
    const figures = counted || killed != null || injured != null;
    const strikes = strikeWords(a, s, figures);
    const fresh = strikes.filter((x) => !x.reference);
    // "31 civilians were killed in the strikes": new figures for the strike just reported.
    const last = out[out.length - 1];
    const lastAt = last ? a.sentences.findIndex((x) => x.start === last.sources[0].start) : -1;
    if (!fresh.length && strikes.length && (killed != null || injured != null) && last && lastAt >= 0 && s.index - lastAt <= 2) {
      last.sources.push(refOf(a, s));
      last.killed ??= killed;
      last.injured ??= injured;
      last.intercepted ??= intercepted;
      if (!last.location) {
        const place = mainPlace(placesIn(a, s), strikes.map((x) => x.start));
        if (place) last.location = place.name;
      }
      continue;
    }
    if (!fresh.length && !(weapons.length && (killed != null || injured != null || (counted && intercepted != null)))) continue;
    // A place is evidence only near a strike or weapon word ("met in Istanbul ... hours after Kyiv launched attacks" is not).
    const anchors = [...fresh.map((x) => x.start), ...weapons.map((w) => w.start)];
    const sameClause = (x: number, y: number): boolean => !/[,;:—–()]/.test(a.article.text.slice(Math.min(x, y), Math.max(x, y)));
    // "In Kharkiv, a glide bomb killed two": a place that opens the sentence sets the scene for all of it.
    const opening = s.text.match(/^(?:In|At|Near|Outside|Across)\s+(?:the\s+)?[^,]{2,40},/);
    const places = placesIn(a, s).filter(
      (p) => (opening && p.end <= s.start + opening[0].length) || anchors.some((at) => Math.abs(p.start - at) <= PLACE_REACH && sameClause(p.start, at)),
    );
    if (!places.length && !figures && !weapons.length && intercepted == null) continue;
    // A weapon alone is evidence only when it is what struck ("drones attacked"), not a truce's subject.
    if (!places.length && !figures && intercepted == null && !fresh.some((x) => /(?:ed|struck|hit)$/i.test(x.text))) continue;
    const targets = targetsIn(s);
    // "an oil depot in the Marin region and a gas metering station in Tolva": one record per target and place.
    const pairs = places
      .map((p) => ({ p, t: targets.filter((t) => t.end <= p.start && p.start - t.end <= 12 && /^\s+(?:in|at|near|outside|of)\s+(?:the\s+)?$/i.test(a.article.text.slice(t.end, p.start))).pop() }))
      .filter((x): x is { p: Place; t: Found<string> } => x.t != null);
    // "killed three people in Kherson and two in the Donetsk region": one record per place, each with its toll.
    const tolls = places
      .map((p) => ({ p, m: a.article.text.slice(Math.max(s.start, p.start - 50), p.start).match(PLACE_TOLL) }))
      .filter((x): x is { p: Place; m: RegExpMatchArray } => x.m != null);
    const byToll = killed != null && tolls.length >= 2 && new Set(tolls.map((x) => x.p.name)).size === tolls.length;
    const groups: Array<{ place: Place | null; target: string | null; killed?: number | null }> = byToll
      ? tolls.map(({ p, m }) => ({ place: p, target: null, killed: parseCount(m[1])?.value ?? null }))
      : pairs.length >= 2
        ? pairs.map(({ p, t }) => ({ place: p, target: t.value }))
        : [{ place: mainPlace(places, anchors), target: targets.find((t) => fresh.some((x) => x.start <= t.start))?.value ?? targets[0]?.value ?? null }];
    let attacker = attackerIn(a, s, fresh, weapons);
    // "Pakistan answered within hours. Its army launched ...": the possessive names the previous sentence's subject.
    if (!attacker && /^(?:Its|Their)\s/.test(s.text) && s.index > 0) {
      const prev = a.sentences[s.index - 1];
      attacker = prev && !prev.heading ? (mentionsIn(a, prev).find((m) => m.party && !m.person)?.party ?? null) : null;
    }
    if (!attacker) {
      usual ??= usualAttacker(a);
      const where = groups[0].place;
      if (usual && where && where.country !== usual) attacker = usual;
    }
    const published = a.article.published;
    const statementAt = s.text.search(/\b(?:said|says|told|added|wrote|announced)\s+(?:on\s+)?/i);
    const times = findTimes(s.text, published, 'past').filter((t) => !(statementAt >= 0 && t.start > statementAt && t.start - statementAt <= 14));
    let when: { text: string; date: string | null } | null = times.find((t) => t.date != null) ?? times[0] ?? null;
    const prevDated = [...out].reverse().find((o) => o.date != null);
    for (const [re, shift] of DAY_SHIFT) {
      const m: RegExpMatchArray | null = when?.date ? null : s.text.match(re);
      if (m && prevDated?.date) {
        const d = new Date(`${prevDated.date}T12:00:00Z`);
        d.setUTCDate(d.getUTCDate() + shift);
        when = { text: m[0], date: d.toISOString().slice(0, 10) };
      }
    }
    const merged = mergeWeapons(weapons);
    // "Russia has stepped up its attacks on Ukraine": a whole country, no weapon, figure or day is a trend, not a strike.
    const dated = when != null && (when.date != null || /night|morning|evening|afternoon|overnight|yesterday|today/i.test(when.text));
    const verbal = fresh.some((x) => /(?:ed|struck|hit)$/i.test(x.text));
    // "since Russia attacked Ukraine in February 2022": background, not a reported strike.
    const pubYear = Number((published ?? '').slice(0, 4)) || null;
    const years = [...s.text.matchAll(/\b(?:in|since|of)\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b/g)].map((m) => Number(m[1]));
    if (!figures && years.some((y) => pubYear == null || y < pubYear)) continue;
    if (groups.length === 1 && groups[0].place?.isCountry && !figures && !merged.length && !dated && !verbal) continue;
    groups.forEach((g, k) => {
      const location = g.place?.name ?? null;
      // A later sentence about the same place with nothing new adds its sentence, not a record.
      const earlier = location ? out.find((o) => o.location?.toLowerCase() === location.toLowerCase()) : undefined;
      if (earlier && !figures && groups.length === 1) {
        earlier.sources.push(refOf(a, s));
        return;
      }
      const evidence = (location ? 1 : 0) + (figures ? 1 : 0) + (merged.length ? 1 : 0) + (attacker ? 1 : 0);
      out.push({
        id: `atk:${a.article.id}:${s.start}:${k}`,
        sources: [refOf(a, s)],
        confidence: Math.min(1, 0.4 + 0.15 * evidence),
        conflicts: [],
        attacker,
        location,
        when: when?.text ?? null,
        date: when?.date ?? null,
        weapons: merged,
        killed: g.killed !== undefined ? g.killed : killed,
        injured: byToll ? null : injured,
        target: g.target,
        intercepted,
        aggregate: AGGREGATE_RE.test(s.text) || (merged.filter((w) => w.count != null).length >= 2 && /\battacks\b/i.test(s.text) && !/\bnight\b|\bovernight\b/i.test(s.text)),
      });
    });
  }
  return withoutSummaries(out);
}

/** How much a record says: place, figures, counted weapons and day each count. */
const detail = (x: Attack): number =>
  (x.location ? 1 : 0) + (x.killed != null ? 1 : 0) + (x.injured != null ? 1 : 0) + (x.date ? 1 : 0) + x.weapons.filter((w) => w.count != null).length;

/**
 * A lede's summary of a strike the article reports in detail later ("hours after an airstrike
 * on a camp killed at least 23 ...") is the same strike: same attacker and the same death toll,
 * or the same place with no toll of its own. The detailed record keeps both sentences.
 */
function withoutSummaries(out: Attack[]): Attack[] {
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
          (bare && x.location != null && x.location.toLowerCase() === y.location?.toLowerCase())),
    );
    if (!same) continue;
    for (const r of x.sources) if (!same.sources.some((q) => q.start === r.start)) same.sources.push(r);
    dropped.add(x);
  }
  return out.filter((x) => !dropped.has(x));
}
