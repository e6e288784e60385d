import { ATTRIBUTION_FORMS } from './lexicon/speech-verbs';
import type { AnalysedArticle, ArticlePerson, Sentence } from './types';
import { allMatches } from '../text/matches';

/**
 * Who says and who holds what, within a sentence: the shared attribution helpers of the
 * positions, outlook and attacks stages. Plain rules over the party and person mentions
 * the earlier stages found, the quotation marks, and a few closed word classes
 * (speech verbs, prepositions, pronouns). Offsets are article offsets throughout.
 */

/** Latin letters for `\p{..}` classes in regexes compiled without the `u` flag. */
const LETTER_RANGES: Record<string, string> = {
  L: 'A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F',
  Lu: 'A-Z\u00C0-\u00D6\u00D8-\u00DE',
  Ll: 'a-z\u00DF-\u00F6\u00F8-\u00FF',
  N: '0-9',
};

/**
 * A regex without the `u` flag: V8 cannot use its fast literal scans on case-insensitive
 * Unicode regexes (a cue alternation ran ~70× slower with `iu` than with `i`). `\p{L}`,
 * `\p{Lu}`, `\p{Ll}` and `\p{N}` become Latin ranges, enough for English news text.
 */
export function fastRegExp(source: string, flags = 'i'): RegExp {
  const range = (name: string): string => {
    const r = LETTER_RANGES[name];
    if (!r) throw new Error(`fastRegExp: no range for \\p{${name}}`);
    return r;
  };
  const body = source
    .replace(/\[((?:\\.|[^\]\\])*\\p\{\w+\}(?:\\.|[^\]\\])*)\]/g, (_m, inner: string) => `[${inner.replace(/\\p\{(\w+)\}/g, (_x, n: string) => range(n))}]`)
    .replace(/\\p\{(\w+)\}/g, (_x, n: string) => `[${range(n)}]`);
  return new RegExp(body, flags.replace('u', ''));
}

/** A party or person named in a sentence. */
export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Canonical party ("Ukraine"), the person's party, or null. */
  readonly party: string | null;
  readonly person: ArticlePerson | null;
}

/** Who a statement comes from: a person, a party, or an unnamed source ("analysts"). */
export interface Speaker {
  readonly name: string;
  readonly party: string | null;
  readonly person: ArticlePerson | null;
}

/** Who holds a position; several for coordinated subjects ("Britain and France would"). */
export interface Holder {
  readonly party: string | null;
  readonly person: ArticlePerson | null;
  /** The words naming the holder, for confidence and display. */
  readonly text: string;
}

/** The speech verbs of lexicon/speech-verbs.ts (no gerunds), and attributions that are not verbs of saying proper. */
const SPEECH_VERBS = `${[...ATTRIBUTION_FORMS].sort((x, y) => y.length - x.length).join('|')}|portrays|portrayed|portray|characteri[sz]ed|express|expresses|expressed|voiced|expects|according to|called(?=\\s+[^,;]{1,40}?\\s+an?\\s)`;
export const SPEECH_RE = new RegExp(`\\b(?:${SPEECH_VERBS})\\b`, 'gi');
/** Words after which a mention is an object, not the subject of what follows. */
const PREPOSITION = /\b(?:of|to|with|by|for|from|in|on|at|against|over|into|toward|towards|about|told|between|than|under|across|near|during|like|via|within|without|including|urging|tells|tell|whom|visiting|recognizing|recognising)\s+(?:the\s+|a\s+|an\s+)?$/i;
/** Heads of descriptions that name an unnamed source: "a Ukrainian official", "analysts". */
const DESC_HEAD =
  'officials?|analysts?|diplomats?|experts?|observers?|sources?|spokes(?:man|woman|person)|ministry|government|military|army|authorities|leaders?|commanders?|residents|witnesses|governor|mayor|agency|aides?|negotiators?|envoys?|administration|office|police|medics|doctors|rescuers|services?|officers?|lawmakers?|people|critics|allies|intelligence|media|outlets?|broadcaster|presidency|cabinet|side';
const DESC_MOD =
  'foreign|defen[cs]e|military|security|intelligence|health|emergency|interior|regional|local|senior|top|government|ministry|news|state|presidential|national|western|european|independent|unnamed|other|two|three|several|many|some|most|the|a|an|high-ranking|anonymous|diplomatic|political|humanitarian|ukrainian|russian|american';
/** "officials" → "[Oo]fficials": a description may open a sentence. */
const capitalisable = (alts: string): string => alts.split('|').map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`).join('|');
const DESC_RE = new RegExp(
  `(?:\\b(?:${capitalisable(DESC_MOD)})\\s+|\\b[A-Z][\\p{L}.’'-]*\\s+)*\\b(?:${capitalisable(DESC_HEAD)})(?:\\s+and\\s+(?:[a-z]+\\s+)?(?:${DESC_HEAD}))?\\b`,
  'gu',
);
const LEADING_QUANTIFIER = /^(?:(?:a|an|the|many|some|several|most|other|unnamed)\s+)+/i;
const PRONOUN_RE = /\b(?:he|she|they|it|we|i)\b/gi;

/** Spans of direct quotation in a sentence (article offsets), curly or straight quotes. */
export function quoteSpans(s: Sentence): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let open = -1;
  let straightOpen = -1;
  const t = s.text;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === '“' || ch === '«') {
      if (open < 0) open = i;
    } else if (ch === '”' || ch === '»') {
      spans.push([s.start + (open < 0 ? 0 : open), s.start + i + 1]);
      open = -1;
    } else if (ch === '"') {
      if (straightOpen < 0) straightOpen = i;
      else {
        spans.push([s.start + straightOpen, s.start + i + 1]);
        straightOpen = -1;
      }
    }
  }
  if (open >= 0) spans.push([s.start + open, s.end]);
  if (straightOpen >= 0) spans.push([s.start + straightOpen, s.end]);
  return spans;
}

export const inSpans = (spans: ReadonlyArray<readonly [number, number]>, at: number): boolean =>
  spans.some(([a, b]) => at >= a && at < b);

/** A quoted span that is more than a scare-quoted phrase: a clause someone said. */
const isQuotation = (s: Sentence, [a, b]: readonly [number, number]): boolean =>
  b - a > 40 || /[.,!?]["”»]?$/.test(s.text.slice(a - s.start, b - s.start)) || a === s.start;

/**
 * What is read from a sentence's own text alone (its quotations, its speech verbs), computed once
 * per sentence object: the stages ask for them again for every cue, candidate and mention. Keyed
 * by the sentence, so nothing outlives its article; callers never change the arrays.
 */
const QUOTATIONS = new WeakMap<Sentence, ReadonlyArray<readonly [number, number]>>();
const SPEECH_VERBS_OF = new WeakMap<Sentence, ReadonlyArray<SpeechVerb>>();

/** The sentence-relative quotation spans that hold full clauses (not "a posture and a pose"). */
export function quotations(s: Sentence): ReadonlyArray<readonly [number, number]> {
  let q = QUOTATIONS.get(s);
  if (!q) QUOTATIONS.set(s, (q = quoteSpans(s).filter((sp) => isQuotation(s, sp))));
  return q;
}

const cache = new WeakMap<AnalysedArticle, Map<string, unknown>>();
function memo<T>(a: AnalysedArticle, key: string, f: () => T): T {
  let m = cache.get(a);
  if (!m) cache.set(a, (m = new Map()));
  if (m.has(key)) return m.get(key) as T;
  const v = f();
  m.set(key, v);
  return v;
}

/** Person and party mentions in a sentence, in text order; a person hides the party words inside its name. */
export function mentionsIn(a: AnalysedArticle, s: Sentence): Mention[] {
  return memo(a, `m${s.index}`, () => {
    const people: Mention[] = [];
    for (const p of a.people) {
      for (const m of p.mentions) {
        if (m.start >= s.start && m.end <= s.end) people.push({ start: m.start, end: m.end, text: m.text, party: partyOfPerson(a, p), person: p });
      }
    }
    const parties: Mention[] = a.parties
      .filter((m) => m.start >= s.start && m.end <= s.end)
      .filter((m) => !people.some((p) => m.start < p.end && m.end > p.start))
      .map((m) => ({ start: m.start, end: m.end, text: m.text, party: m.party, person: null }));
    return [...people, ...parties].sort((x, y) => x.start - y.start);
  });
}

const textAt = (a: AnalysedArticle, start: number, end: number): string => a.article.text.slice(start, end);

/**
 * A person's party: the one the people stage found, else the party named next to a mention
 * of them ("Estonian President Mari Tamm", "Ivo Rask, the head of Estonia’s military intelligence,").
 */
export function partyOfPerson(a: AnalysedArticle, p: ArticlePerson): string | null {
  if (p.party) return p.party;
  return memo(a, `pp:${p.key}`, () => {
    for (const m of p.mentions) {
      const ps = a.parties.filter((x) => x.sentence === m.sentence);
      const before = ps.filter((x) => x.end <= m.start && m.start - x.end <= 40 && !/[,.;:()“”"]/.test(textAt(a, x.end, m.start))).pop();
      if (before) return before.party;
      const tail = textAt(a, m.end, m.end + 90);
      const appos = tail.match(/^,\s+(?:the|a|an|[a-z])[^,.;()]*?,/);
      if (appos) {
        const inside = ps.find((x) => x.start >= m.end && x.end <= m.end + appos[0].length);
        if (inside) return inside.party;
      }
    }
    return null;
  });
}

/** True when the mention at `start` is the object of a preposition or verb ("by Ivanov", "told Okafor"). */
export function isObject(a: AnalysedArticle, s: Sentence, start: number): boolean {
  return PREPOSITION.test(textAt(a, Math.max(s.start, start - 24), start));
}

/** Unnamed-source descriptions in [from, to): "A Ukrainian official", "Many officials and analysts". */
export function descriptionsIn(a: AnalysedArticle, s: Sentence, from: number, to: number, afterVerb = false): readonly Speaker[] {
  // asked again for the same stretch by the speaker rules and by each outlook item's candidates
  return memo(a, `d${s.index}:${from}:${to}:${afterVerb ? 1 : 0}`, () => findDescriptions(a, s, from, to, afterVerb));
}

function findDescriptions(a: AnalysedArticle, s: Sentence, from: number, to: number, afterVerb: boolean): Speaker[] {
  const out: Array<Speaker & { at: number }> = [];
  const seg = textAt(a, from, to);
  for (const m of allMatches(DESC_RE, seg)) {
    const raw = m[0];
    const at = from + (m.index ?? 0);
    if (!afterVerb && isObject(a, s, at)) continue;
    const name = raw.replace(LEADING_QUANTIFIER, '').trim();
    if (!name) continue;
    const inside = mentionsIn(a, s).find((x) => x.start >= at && x.end <= at + raw.length && x.party);
    out.push({ name, party: inside?.party ?? null, person: null, at });
  }
  return out;
}

/** An unnamed source as the sentence's subject: "Analysts remain sceptical", "Many officials doubt". */
export function subjectDescription(a: AnalysedArticle, s: Sentence): Speaker | null {
  const d = descriptionsIn(a, s, s.start, Math.min(s.end, s.start + 60))[0] as (Speaker & { at: number }) | undefined;
  if (!d || d.at !== s.start) return null;
  const after = textAt(a, d.at, s.end).match(/^(?:[\p{L}’'-]+\s+){1,6}?(?:(?:are|were|is|was) (?:optimistic|pessimistic|hopeful|sceptical|skeptical|doubtful|confident)|remain|remained|believe|doubt|doubted|warn|warned|fear|feared|express|expressed|think|predict|predicted|caution|cautioned)\b/u);
  return after ? d : null;
}

/** A speech verb of a sentence, with article offsets. */
export interface SpeechVerb {
  readonly start: number;
  readonly end: number;
  readonly verb: string;
}

/** The speech verbs of a sentence outside its quotations, with article offsets (read from the sentence alone). */
export function speechVerbs(_a: AnalysedArticle, s: Sentence): ReadonlyArray<SpeechVerb> {
  let verbs = SPEECH_VERBS_OF.get(s);
  if (!verbs) SPEECH_VERBS_OF.set(s, (verbs = findSpeechVerbs(s)));
  return verbs;
}

function findSpeechVerbs(s: Sentence): SpeechVerb[] {
  const q = quotations(s);
  const out: SpeechVerb[] = [];
  for (const m of allMatches(SPEECH_RE, s.text)) {
    const start = s.start + (m.index ?? 0);
    if (inSpans(q, start)) continue;
    // "the United States", "Says Who": a capital letter inside a sentence is a name, not a verb.
    if (/^\p{Lu}/u.test(m[0]) && start !== s.start) continue;
    out.push({ start, end: start + m[0].length, verb: m[0].toLowerCase() });
  }
  return out;
}

const speakerOfMention = (m: Mention): Speaker => ({
  name: m.person ? m.person.name : (m.party ?? m.text.replace(/^the\s+/i, '').replace(/['’]s$/, '')),
  party: m.party,
  person: m.person,
});

/** Boundaries that end the subject of a following verb. */
const SUBJECT_STOP = /[;:“”"—–]|,\s*(?:and|but|while|as|after|because|although)\s|\bthat\s/g;

/** The subject of the verb at `verbAt`, looking back within its clause; pronouns resolved. */
function subjectOfVerb(a: AnalysedArticle, s: Sentence, verbAt: number, depth: number): Speaker | null {
  const before = textAt(a, s.start, verbAt);
  // "Ivanov, who told Okafor ..." → Ivanov.
  const who = before.match(/,?\s+who(?:\s+\w+){0,2}\s+$/);
  const ms = mentionsIn(a, s).filter((m) => m.end <= verbAt);
  if (who) {
    const at = s.start + (who.index ?? 0);
    const ante = ms.filter((m) => m.end <= at && at - m.end <= 2).pop();
    if (ante) return speakerOfMention(ante);
  }
  let from = s.start;
  for (const m of allMatches(SUBJECT_STOP, before)) from = s.start + (m.index ?? 0) + m[0].length;
  const q = quotations(s);
  // ", analysts said": the short phrase after the last comma, when it names someone.
  const lastComma = before.lastIndexOf(',');
  const ranges: Array<[number, number]> = [];
  if (lastComma >= 0 && s.start + lastComma >= from) ranges.push([s.start + lastComma + 1, verbAt]);
  ranges.push([from, verbAt]);
  for (const [x, y] of ranges) {
    const cands = ms.filter((m) => m.start >= x && m.end <= y && !inSpans(q, m.start) && !isObject(a, s, m.start));
    const descs = descriptionsIn(a, s, x, y).filter((d) => !inSpans(q, (d as Speaker & { at: number }).at));
    const firstPerson = cands.find((m) => m.person);
    const first = cands[0];
    // "Russian foreign ministry spokesperson Irina Volkova": the person, not the adjective.
    if (first && !first.person && firstPerson && !/[,;]/.test(textAt(a, first.end, firstPerson.start))) return speakerOfMention(firstPerson);
    // "Turkey’s foreign minister, Hakan Fidan, said": the person named in apposition to the role.
    if (first && !first.person && firstPerson && /^['’]?s?\s+[\p{Ll}\s-]{0,40},\s*$/u.test(textAt(a, first.end, firstPerson.start))) return speakerOfMention(firstPerson);
    const firstDesc = descs[0] as (Speaker & { at: number }) | undefined;
    if (first && (!firstDesc || first.start <= firstDesc.at || first.person)) {
      // "The Ukrainian government": a description that holds the party adjective.
      if (firstDesc && !first.person && firstDesc.at <= first.start && firstDesc.at + firstDesc.name.length + 8 >= first.end) {
        return { name: firstDesc.name, party: first.party, person: null };
      }
      return speakerOfMention(first);
    }
    if (firstDesc) return { name: firstDesc.name, party: firstDesc.party, person: null };
    const seg = textAt(a, x, y);
    const pro = allMatches(PRONOUN_RE, seg).find((p) => !isObject(a, s, x + (p.index ?? 0)));
    if (pro && depth < 3) return resolvePronoun(a, s, x + (pro.index ?? 0), pro[0], depth + 1);
    if (x === from) break;
  }
  return null;
}

/** The speaker of a sentence: "X said", "said X", "according to X", "he added" (resolved), or a quote's continuation. */
export function speakerOf(a: AnalysedArticle, s: Sentence, depth = 0): Speaker | null {
  return memo(a, `sp${s.index}:${depth > 0 ? 1 : 0}`, () => {
    for (const v of speechVerbs(a, s)) {
      const after = textAt(a, v.end, s.end);
      // "according to X", "said Oleg Marchenko", "”, said X"
      if (v.verb === 'according to' || /^\s+(?:[A-Z]|the\s)/.test(after)) {
        const inverted = v.verb === 'according to' || /(?:[”"],?|,[”"])\s*$/.test(textAt(a, s.start, v.start));
        if (inverted) {
          const next = mentionsIn(a, s).find((m) => m.start >= v.end && m.start - v.end <= 60);
          const desc = descriptionsIn(a, s, v.end, Math.min(s.end, v.end + 60), true)[0] as (Speaker & { at: number }) | undefined;
          if (next && (!desc || next.start <= desc.at || next.person)) {
            const person = mentionsIn(a, s).find((m) => m.person && m.start >= v.end && m.start - v.end <= 80);
            return speakerOfMention(person && !/,/.test(textAt(a, next.end, person.start)) ? person : next);
          }
          if (desc) return { name: desc.name, party: desc.party, person: null };
        }
      }
      const subj = subjectOfVerb(a, s, v.start, depth);
      if (subj) return subj;
    }
    // A quotation with no attribution of its own continues the previous speaker's words.
    const q = quotations(s);
    if (q.length && q[0][0] - s.start <= 2 && depth < 2) {
      const prev = a.sentences[s.index - 1];
      if (prev && !prev.heading && prev.paragraph >= s.paragraph - 1 && quotations(prev).length) return speakerOf(a, prev, depth + 1);
    }
    return null;
  });
}

/** Who says the words at `at`: the subject of the nearest speech verb before them, else the sentence's speaker. */
export function speakerAt(a: AnalysedArticle, s: Sentence, at: number): Speaker | null {
  const q = quotations(s);
  if (!inSpans(q, at)) {
    const verbs = speechVerbs(a, s).filter((v) => v.end <= at);
    for (let k = verbs.length - 1; k >= 0; k--) {
      const subj = subjectOfVerb(a, s, verbs[k].start, 0);
      if (subj) return subj;
    }
  }
  return speakerOf(a, s);
}

/** The person a sentence is about: its speaker if a person, else the first person named outside quotes. */
function focusPerson(a: AnalysedArticle, s: Sentence): Speaker | null {
  const sp = speakerOf(a, s, 1);
  if (sp?.person) return sp;
  const q = quotations(s);
  const m = mentionsIn(a, s).find((x) => x.person && !inSpans(q, x.start));
  return m ? speakerOfMention(m) : null;
}

/** The party a sentence is about: its speaker's party, else the first party subject outside quotes. */
function focusParty(a: AnalysedArticle, s: Sentence): Speaker | null {
  const sp = speakerOf(a, s, 1);
  if (sp?.party) return sp;
  const q = quotations(s);
  const m = mentionsIn(a, s).find((x) => x.party && !inSpans(q, x.start) && !isObject(a, s, x.start));
  return m ? speakerOfMention(m) : null;
}

/** Resolves he/she/they/it/we/I at `at` in sentence `s` to a person or party. */
export function resolvePronoun(a: AnalysedArticle, s: Sentence, at: number, word: string, depth = 0): Speaker | null {
  const w = word.toLowerCase();
  const q = quotations(s);
  if ((w === 'we' || w === 'i') && inSpans(q, at)) {
    return depth < 3 ? speakerOf(a, s, depth + 1) : null;
  }
  // Within the sentence: the subject of a speech verb before the pronoun ("X said it would", "Ivanov, who told Okafor that he").
  const verbs = speechVerbs(a, s).filter((v) => v.end <= at);
  if (verbs.length && depth < 3) {
    const subj = subjectOfVerb(a, s, verbs[verbs.length - 1].start, depth + 1);
    // "The army said it would ...": the speaker, even when no party is named.
    if (subj && (w === 'he' || w === 'she' ? subj.person || !subj.party : true)) return subj;
  }
  if ((w === 'it' || w === 'they') && depth < 3) {
    // The subject of an earlier clause: "Kyiv will never accept A, it will not agree to B, and it must have C".
    const before = textAt(a, s.start, at);
    const bounds = [s.start, ...allMatches(CLAUSE_STOP, before).map((m) => s.start + (m.index ?? 0) + m[0].length)].filter((b) => b < at);
    for (let k = bounds.length - 1; k >= 0; k--) {
      const to = k === bounds.length - 1 ? at : bounds[k + 1];
      const seg = textAt(a, bounds[k], to);
      if (/^\s*(?:it|they)\b/i.test(seg)) continue;
      const m = mentionsIn(a, s).find((x) => x.start >= bounds[k] && x.end <= to && x.party && !inSpans(q, x.start) && !isObject(a, s, x.start));
      if (m) return speakerOfMention(m);
    }
  }
  for (let k = s.index - 1; k >= Math.max(0, s.index - 4); k--) {
    const prev = a.sentences[k];
    if (prev.heading) break;
    const f = w === 'he' || w === 'she' ? focusPerson(a, prev) : focusParty(a, prev) ?? focusPerson(a, prev);
    if (f) return f;
  }
  return null;
}

/** Clause boundaries used to find a subject: the subject of a cue lies after the last one. */
const CLAUSE_STOP =
  /[;:“”"—–(]|,\s*(?:and|but|while|as|after which|after|because|although|though|so|with)\s|,\s*(?=[a-z]+\s+(?:will|would|must|has|have|had|is|was)\b)|,\s+(?=\p{Lu})|\b(?:that|who|which|and|but|whereas)\s|\b(?:said|says|say|told\s+(?:\p{Lu}[\p{L}.]*\s+){1,3}|added|argued|warned|insisted|claimed)\s+(?!that\b)/gu;

/**
 * Who holds what the words at `cueAt` say: the subject of the cue's clause (pronouns resolved,
 * coordinated subjects split), looking back clause by clause to the sentence's subject.
 */
export function subjectsAt(a: AnalysedArticle, s: Sentence, cueAt: number): Holder[] {
  const before = textAt(a, s.start, cueAt);
  const ms = mentionsIn(a, s).filter((m) => m.end <= cueAt);
  // "Moscow’s calls for", "Washington’s goal ... was".
  const nounCue = /^(?:goals?|aims?|objectives?|priorit|intention|purpose|calls?|demands?|conditions?|terms|efforts?|proposals?|plans?|position|red|memorandum)/i.test(textAt(a, cueAt, cueAt + 20));
  const poss = ms.filter((m) => /^['’]s?\s+(?:[\p{L}-]+\s+){0,3}$/u.test(textAt(a, m.end, cueAt)) && (nounCue || !isThingPossessor(a, m))).pop();
  if (poss) return [toHolder(poss)];
  const bounds = [s.start];
  for (const m of allMatches(CLAUSE_STOP, before)) bounds.push(s.start + (m.index ?? 0) + m[0].length);
  for (let k = bounds.length - 1; k >= 0; k--) {
    const from = bounds[k];
    const to = k === bounds.length - 1 ? cueAt : bounds[k + 1];
    const cands = ms.filter((m) => m.start >= from && m.end <= to && !isObject(a, s, m.start) && !isThingPossessor(a, m));
    const seg = textAt(a, from, to);
    const pro = allMatches(PRONOUN_RE, seg).map((p) => ({ at: from + (p.index ?? 0), word: p[0] })).find((p) => !isObject(a, s, p.at));
    const first = cands[0];
    // "the group", "the militants": the armed group named last.
    const group = seg.match(GROUP_ANAPHOR);
    if (group && group.index != null && (!first || from + group.index < first.start) && (!pro || from + group.index < pro.at)) {
      const g = lastOrganisation(a, s, from + group.index);
      if (g) return [{ party: g, person: null, text: group[0] }];
    }
    // "both sides", "the two countries" (or "they" after them): the two sides last named together.
    const both = seg.match(BOTH_SIDES) ?? (pro && /^they$/i.test(pro.word) ? before.match(BOTH_SIDES) : null);
    if (both && both.index != null) {
      const bothAt = (both.input === seg ? from : s.start) + both.index;
      if ((!first || bothAt < first.start) && !isObject(a, s, bothAt)) {
        const pair = lastPair(a, s, bothAt);
        if (pair.length) return pair;
      }
    }
    if (pro && (!first || pro.at < first.start)) {
      const r = resolvePronoun(a, s, pro.at, pro.word);
      if (!r) continue;
      // "India and Pakistan said they ...": every party of the coordinated antecedent.
      const ante = pro.word.toLowerCase() === 'they' && r.party ? ms.find((m) => m.party === r.party && !m.person) : undefined;
      if (ante) return dedupeHolders(coordinated(a, s, ante).map(toHolder));
      return [{ party: r.party, person: r.person, text: pro.word }];
    }
    if (first) {
      const person = cands.find((m) => m.person);
      const chosen = !first.person && person && !/[,;]/.test(textAt(a, first.end, person.start)) && person.start - first.end < 50 ? person : first;
      const out = coordinated(a, s, chosen).map(toHolder);
      return dedupeHolders(out);
    }
  }
  return [];
}

/** Words for the two sides of a conflict taken together. */
const BOTH_SIDES = /\b(?:both (?:sides|parties|countries|governments|armies|militaries|camps)|the two (?:sides|parties|countries|governments|armies|neighbou?rs|rivals|camps)|the warring (?:sides|parties|factions)|the (?:rival|opposing) (?:sides|parties|factions))\b/i;

/**
 * The two sides "both sides" stands for: of the pairs of distinct parties named together ("A and B",
 * "the Congolese army and M23") up to `at`, the pair the article names most (the warring sides rather
 * than two mediators named together once); with no pair, the two parties the article names most.
 */
function lastPair(a: AnalysedArticle, s: Sentence, at: number): Holder[] {
  const counts = new Map<string, number>();
  for (const m of a.parties) counts.set(m.party, (counts.get(m.party) ?? 0) + 1);
  for (const p of a.people) if (p.party) counts.set(p.party, (counts.get(p.party) ?? 0) + p.mentions.length);
  const weight = (m: Mention): number => counts.get(m.party ?? '') ?? 0;
  let best: [Mention, Mention] | null = null;
  for (let k = 0; k <= s.index; k++) {
    const ms = mentionsIn(a, a.sentences[k]).filter((m) => m.party && (k < s.index || m.end <= at));
    for (let i = 0; i + 1 < ms.length; i++) {
      const [x, y] = [ms[i], ms[i + 1]];
      if (x.party === y.party || !PAIR_JOIN.test(textAt(a, x.end, y.start))) continue;
      if (!best || weight(x) + weight(y) >= weight(best[0]) + weight(best[1])) best = [x, y];
    }
  }
  if (best) return best.map(toHolder);
  const top = [...counts.entries()].sort((x, y) => y[1] - x[1]).slice(0, 2);
  return top.length === 2 ? top.map(([party]) => ({ party, person: null, text: party })) : [];
}
/** What may stand between two parties named together: "and", ", and", "army and the". */
const PAIR_JOIN = /^\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}$|^\s+(?:[\p{Ll}-]+\s+){0,2}and\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}$/u;

const GROUP_ANAPHOR = /\bthe (?:militant |armed |paramilitary |rebel |Islamist |Palestinian |Lebanese |Yemeni )?(?:group|movement|militia|militants|rebels|organi[sz]ation|paramilitaries)\b/i;

/** The armed group or organisation named last before `at` (this sentence or the three before). */
function lastOrganisation(a: AnalysedArticle, s: Sentence, at: number): string | null {
  const from = a.sentences[Math.max(0, s.index - 3)]?.start ?? s.start;
  const orgs = a.parties.filter((m) => m.start >= from && m.end <= at && m.kind === 'organisation');
  return orgs.length ? orgs[orgs.length - 1].party : null;
}

/** A mention with those coordinated with it: "Britain and France", "India, Pakistan and China". */
function coordinated(a: AnalysedArticle, s: Sentence, m: Mention): Mention[] {
  const ms = mentionsIn(a, s);
  const joins = (x: Mention, y: Mention): boolean => x.end <= y.start && /^\s*(?:,|and|,\s*and)\s*$/.test(textAt(a, x.end, y.start));
  const out = [m];
  // "talks hosted by Qatar, Congo and M23 signed": an object listed before the subject is not part of it

  const subject = !isObject(a, s, m.start);
  for (let cur = m; ; ) {
    const prev = ms.filter((x) => joins(x, cur)).pop();
    // ("between Chile and Peru" stays one pair: the object and the subject candidate are joined by "and", not a comma.)
    if (!prev || (subject && isObject(a, s, prev.start) && /^\s*,\s*$/.test(textAt(a, prev.end, cur.start)))) break;
    out.unshift(prev);
    cur = prev;
  }
  for (let cur = m; ; ) {
    const next = ms.find((x) => joins(cur, x));
    if (!next) break;
    out.push(next);
    cur = next;
  }
  return out;
}

/** Words for the actors of a side: "Russia’s foreign ministry", "Ukraine’s delegation" speak for it. */
const ACTOR = new RegExp(
  `^['’]s?\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${DESC_HEAD}|minister|president|prime|chief|delegation|team|forces|troops|leadership|parliament|envoy|embassy|mission|representatives?|foreign|defen[cs]e|top|senior|new|own|\\p{L}+ing)\\b`,
  'iu',
);
/** "Ukraine’s economy needs to grow": a party named as the owner of a thing is not the subject. */
function isThingPossessor(a: AnalysedArticle, m: Mention): boolean {
  if (m.person) return false;
  const after = textAt(a, m.end, m.end + 60);
  return /^['’]s?\s/.test(after) && !ACTOR.test(after);
}

const toHolder = (m: Mention): Holder => ({ party: m.party, person: m.person, text: m.text });

function dedupeHolders(hs: Holder[]): Holder[] {
  const seen = new Set<string>();
  return hs.filter((h) => {
    const k = h.party ?? h.person?.key ?? h.text;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The first party or person named in [from, to) of a sentence ("by Ivanov", "efforts by Okafor"). */
export function firstMentionIn(a: AnalysedArticle, s: Sentence, from: number, to: number): Holder | null {
  const m = mentionsIn(a, s).find((x) => x.start >= from && x.end <= to);
  return m ? toHolder(m) : null;
}
