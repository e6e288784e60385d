import { isCalendarWord } from '../lexicon/calendar';
import { verbForms } from '../lexicon/inflect';
import { PROPOSAL_WORDS, STANCE_VERBS } from '../lexicon/stance-verbs';
import { isSpeechVerb } from '../lexicon/speech-verbs';
import type { AnalysedArticle, Sentence } from '../types';

/**
 * General features of a sentence for the learned statement detectors (positions, outlook):
 * the lexicon's tags (stance verbs by kind, speech verbs, proposal nouns, calendar words),
 * structure (modal, negation, quotation, party and person mentions and where, sentence place,
 * length), and the lower-case common words
 * (never a proper noun, a number or a capitalised token). Which words a model keeps is decided
 * when it is trained (words seen in at least three training articles); here every word is offered.
 * Lexical features carry a prefix in LEXICAL_PREFIXES: `w:` a word, `v:` the first verb, `ap:` the
 * word after a named side or person.
 *
 * Cheap: one pass over the sentence's tokens, which the analysis already holds.
 */

/** Prefixes of the features that name a word (the training keeps those seen in three articles or more). */
export const LEXICAL_PREFIXES = ['w:', 'v:', 'ap:'] as const;

/** Stance verb form (first word of an entry, all inflections) → the kinds it can state. */
const STANCE_KIND = new Map<string, Set<string>>();
for (const c of STANCE_VERBS) {
  for (const v of c.verbs) {
    for (const f of verbForms(v)) {
      const w = f.split(' ')[0]!.toLowerCase();
      const set = STANCE_KIND.get(w) ?? new Set<string>();
      set.add(c.kind);
      STANCE_KIND.set(w, set);
    }
  }
}
const PROPOSAL = new Set(PROPOSAL_WORDS.filter((w) => !w.includes(' ')));
const MODALS = new Set(['will', 'would', 'could', 'may', 'might', 'should', 'must', 'shall', 'can', "won't", 'cannot']);
const NEGATION = new Set(['not', "n't", 'no', 'never', 'neither', 'nor', 'without']);
const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'AUX', 'ADP', 'SCONJ', 'PART', 'PRON', 'DET', 'CCONJ']);
/** A word fit to be a feature: lower case letters (an apostrophe or hyphen inside), 2–20 long. */
const COMMON_WORD = /^[a-z][a-z'’-]{1,19}$/;

const bucket = (n: number, edges: readonly number[]): string => {
  let k = 0;
  while (k < edges.length && n >= edges[k]!) k++;
  return String(k);
};

/** Per sentence index: the number of party mentions and whether one opens the sentence (before its first verb). */
function mentionsBySentence(a: AnalysedArticle): Map<number, Array<{ start: number; end: number }>> {
  const by = new Map<number, Array<{ start: number; end: number }>>();
  for (const m of a.parties) {
    const list = by.get(m.sentence) ?? [];
    list.push(m);
    by.set(m.sentence, list);
  }
  return by;
}

function peopleBySentence(a: AnalysedArticle): Map<number, Array<{ start: number; end: number }>> {
  const by = new Map<number, Array<{ start: number; end: number }>>();
  for (const p of a.people) {
    for (const m of p.mentions) {
      const list = by.get(m.sentence) ?? [];
      list.push(m);
      by.set(m.sentence, list);
    }
  }
  return by;
}

/**
 * Features of every sentence of an article, by sentence index; a sentence `wanted` refuses
 * (a detector that will not score it) gets an empty list. An analysed article carries every
 * sentence's features already (analyse.ts builds them once for both statement detectors); they are
 * read from there.
 */
export function statementFeatures(a: AnalysedArticle, wanted: (s: Sentence) => boolean = () => true): string[][] {
  const built = a.statementFeatures;
  if (built) return a.sentences.map((s, i) => (wanted(s) ? built[i]!.slice() : []));
  const parties = mentionsBySentence(a);
  const people = peopleBySentence(a);
  const n = a.sentences.length;
  return a.sentences.map((s, i) => (wanted(s) ? sentenceFeatures(s, i, n, parties.get(s.index) ?? [], people.get(s.index) ?? []) : []));
}

const LETTER = /\p{L}/u;

function sentenceFeatures(s: Sentence, i: number, n: number, parties: ReadonlyArray<{ start: number; end: number }>, people: ReadonlyArray<{ start: number; end: number }>): string[] {
  const f = new Set<string>();
  if (s.heading) f.add('shape:heading');
  if (i === 0) f.add('place:first');
  else if (i < 4) f.add('place:lede');
  else if (i >= n - 3) f.add('place:last');
  const tokens = s.tokens ?? [];
  if (/[“”"]/.test(s.text)) f.add('shape:quote');
  if (/\?\s*["”]?$/.test(s.text)) f.add('shape:question');
  // The first verb of the sentence: a party or person before it is its subject.
  const firstVerb = tokens.find((t) => t.pos === 'VERB' || t.pos === 'AUX');
  const verbAt = firstVerb ? firstVerb.start : s.end;
  f.add(`party:${bucket(parties.length, [1, 2, 3])}`);
  if (parties.some((m) => m.end <= verbAt)) f.add('party:subject');
  if (parties.some((m) => m.start >= verbAt)) f.add('party:object');
  if (people.length) f.add('person');
  if (people.some((m) => m.end <= verbAt)) f.add('person:subject');
  const subject = f.has('party:subject') || f.has('person:subject');
  const namedEnds = new Set<number>();
  for (const m of parties) namedEnds.add(m.end);
  for (const m of people) namedEnds.add(m.end);
  let speech = false;
  let modal = false;
  let wordsN = 0;
  const stance = new Set<string>();
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const raw = t.text;
    if (LETTER.test(raw)) wordsN++;
    const lower = raw.toLowerCase();
    const w = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
    if (isSpeechVerb(w)) speech = true;
    const kinds = STANCE_KIND.get(w);
    if (kinds) for (const kind of kinds) stance.add(kind);
    if (PROPOSAL.has(w)) f.add('tag:proposal');
    if (isCalendarWord(raw)) f.add('tag:calendar');
    if (MODALS.has(w)) modal = true;
    if (NEGATION.has(w)) f.add('tag:negation');
    // The predicate after a named side or person ("X demanded", "Y will").
    if (namedEnds.has(t.end) && k + 1 < tokens.length && tokens[k + 1]!.text !== '’s' && tokens[k + 1]!.text !== "'s") {
      let j = k + 1;
      while (j < tokens.length && tokens[j]!.pos === 'ADV') j++;
      const next = tokens[j];
      if (next && next.pos !== 'PROPN' && COMMON_WORD.test(next.text)) f.add(`ap:${next.text}`);
    }
    if (t.pos === 'PROPN' || t.pos === 'NUM' || raw !== w || !CONTENT_POS.has(t.pos) || !COMMON_WORD.test(w)) continue;
    f.add(`w:${w}`);
  }
  f.add(`len:${bucket(wordsN, [8, 15, 25, 40])}`);
  if (firstVerb && COMMON_WORD.test(firstVerb.text)) f.add(`v:${firstVerb.text}`);
  const tags = [...[...stance].map((k) => `tag:stance:${k}`), ...(speech ? ['tag:speech'] : []), ...(modal ? ['tag:modal'] : [])];
  for (const x of tags) {
    f.add(x);
    if (subject) f.add(`${x}&subject`);
  }
  if (speech && modal) f.add('tag:speech+modal');
  if (parties.length && modal) f.add('tag:party+modal');
  return [...f];
}
