import type { Position } from '../../model';
import { NON_SIDE_NOUNS } from '../lexicon/non-sides';
import { words } from '../lexicon/inflect';
import type { AnalysedArticle } from '../types';
import { LEXICAL_PREFIXES, statementFeatures } from './statement-features';

/**
 * General features of one candidate position item in its article, for the learned item filter
 * (learn/position-item-model.ts): does this item state a side's negotiating position, or is it a
 * condemnation by onlookers, a witness's words, a joint outcome, background or a description of
 * a strike? Read from what extraction already holds:
 * - the item: the rule that found it, its cue's kind, whether its party and speaker are named in
 *   its own sentence (a holder borrowed from earlier sentences is weaker), the party's rank and
 *   share among the article's sides, a speaker who is an onlooker (lexicon/non-sides.ts), how
 *   many items cite the same sentence;
 * - its sentence: the positions detector's probability and the sentence's structural features
 *   (learn/statement-features.ts without its words), background marks (a year, "had" + past
 *   participle, "since", "earlier"), a joint subject ("both sides", "the parties");
 * - the article: shares of sentences with attack, talks, deal and speech words.
 * Never a name, place or number of the text: a year is one mark, not its value. Lexical features
 * (`t:` the item's own lower-case words) are kept by the training only when seen in three
 * training articles or more.
 */

/** Prefix of the features that name a word of the item's text. */
export const ITEM_LEXICAL_PREFIX = 't:';

/** Words of strikes, of talks, of a settlement, as statement-feature words (general English news vocabulary). */
const CLASS_WORDS: Readonly<Record<'attack' | 'talks' | 'deal', readonly string[]>> = {
  attack: ['strike', 'strikes', 'attack', 'attacks', 'killed', 'wounded', 'injured', 'drone', 'drones', 'missile', 'missiles', 'shelling', 'bombing', 'airstrike', 'airstrikes', 'dead', 'casualties', 'victims'],
  talks: ['talks', 'negotiations', 'negotiators', 'negotiating', 'negotiate', 'delegation', 'delegations', 'meeting', 'summit', 'envoy', 'mediators', 'mediation', 'round'],
  deal: ['ceasefire', 'truce', 'deal', 'agreement', 'peace', 'plan', 'proposal', 'settlement', 'accord'],
};
const CLASS_OF = new Map<string, string>(Object.entries(CLASS_WORDS).flatMap(([c, ws]) => ws.map((w): [string, string] => [`w:${w}`, c])));
const ONLOOKER = new RegExp(`\\b(?:${words(NON_SIDE_NOUNS)})\\b`, 'i');
const ANALYST = /\b(?:analysts?|researchers?|fellows?|experts?|scholars?|professors?|academics?|observers?|commentators?)\b/i;
const YEAR = /\b(?:19|20)\d\d\b/;
const PLUPERFECT = /\bhad\s+(?:(?:not|never|already|previously|earlier|also)\s+)?[a-z]+(?:ed|en|wn|ne|ught|id)\b/i;
const EARLIER = /\b(?:since|ago|previously|earlier|formerly|last (?:year|month)|in the past)\b/i;
const JOINT = /\b(?:both (?:sides|parties|countries|governments|leaders)|the (?:two )?(?:sides|parties)|each other|one another|jointly|mutual(?:ly)?)\b/i;
const WORD = /^[a-z][a-z'’-]{1,19}$/;

const squash = (n: number): number => Math.log1p(n) / 3;
const bucket = (x: number, edges: readonly number[]): string => {
  let k = 0;
  while (k < edges.length && x >= edges[k]!) k++;
  return String(k);
};
const lexical = (f: string): boolean => LEXICAL_PREFIXES.some((p) => f.startsWith(p));

/** What every item of one article shares: sentence features, side ranks, article shares, items per sentence. */
export interface ItemContext {
  readonly sentenceAt: ReadonlyMap<number, number>;
  readonly sentenceFeatures: ReadonlyArray<readonly string[]>;
  /** The structural features (not lexical) of each sentence an item cites, as item features ("s:…"), in their order. */
  readonly structural: ReadonlyMap<number, readonly string[]>;
  readonly rank: ReadonlyMap<string, number>;
  readonly share: ReadonlyMap<string, number>;
  readonly article: ReadonlyMap<string, number>;
  readonly perSentence: ReadonlyMap<number, number>;
  /**
   * Per item (in the order given): how many other cues' items cite its sentence before it, and
   * whether it is a later element of one cue's list or of a coordinated holder (its id differs from
   * an earlier one only in the element count, the id's last part), and the index of its match's
   * first item (its own index for a first item).
   */
  readonly order: ReadonlyArray<{ readonly nth: number; readonly element: boolean; readonly head: number }>;
}

/** The part of an item's id shared by the elements of one cue match: all but a trailing element count. */
const hitOf = (id: string): string => id.replace(/:\d+$/, '');

export function itemContext(a: AnalysedArticle, items: readonly Position[]): ItemContext {
  const sentenceFeatures = a.statementFeatures ?? statementFeatures(a);
  const mentions = new Map<string, number>();
  for (const m of a.parties) mentions.set(m.party, (mentions.get(m.party) ?? 0) + 1);
  const ranked = [...mentions].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const total = Math.max(1, a.parties.length);
  const body = a.sentences.filter((s) => !s.heading);
  const counts = new Map<string, number>();
  for (const s of body) {
    const seen = new Set<string>();
    for (const f of sentenceFeatures[s.index] ?? []) {
      const c = CLASS_OF.get(f) ?? (f === 'tag:speech' ? 'speech' : undefined);
      if (c) seen.add(c);
    }
    for (const c of seen) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const n = Math.max(1, body.length);
  const article = new Map<string, number>([
    ['art:sentences', squash(body.length)],
    ['art:items', squash(items.length)],
    ['art:sides', squash(mentions.size)],
    ...['attack', 'talks', 'deal', 'speech'].map((c): [string, number] => [`art:${c}`, (counts.get(c) ?? 0) / n]),
  ]);
  const perSentence = new Map<number, number>();
  const hits = new Map<number, Map<string, number>>();
  const order = items.map((p, i) => {
    const at = p.sources[0]!.start;
    perSentence.set(at, (perSentence.get(at) ?? 0) + 1);
    const seen = hits.get(at) ?? hits.set(at, new Map()).get(at)!;
    const hit = hitOf(p.id);
    const head = seen.get(hit);
    if (head == null) seen.set(hit, i);
    return { nth: seen.size - 1, element: head != null, head: head ?? i };
  });
  const sentenceAt = new Map(a.sentences.map((s, i) => [s.start, i]));
  const structural = new Map<number, readonly string[]>();
  for (const p of items) {
    const si = sentenceAt.get(p.sources[0]!.start) ?? -1;
    if (!structural.has(si)) structural.set(si, (sentenceFeatures[si] ?? []).filter((x) => !lexical(x)).map((x) => `s:${x}`));
  }
  return {
    sentenceAt,
    sentenceFeatures,
    structural,
    rank: new Map(ranked.map(([p], i) => [p, i + 1])),
    share: new Map(ranked.map(([p, k]) => [p, k / total])),
    article,
    perSentence,
    order,
  };
}

/** The features of the `i`th item the context was built from; `probability` is the positions detector's score of its sentence. */
export function positionItemFeatures(a: AnalysedArticle, ctx: ItemContext, item: Position, i: number, probability: number): Map<string, number> {
  const f = new Map<string, number>(ctx.article);
  const rule = item.rules?.[0] ?? 'none';
  f.set(`rule:${rule}`, 1);
  f.set(`kind:${item.kind}`, 1);
  f.set('p', probability);
  f.set(`p:${bucket(probability, [0.2, 0.4, 0.6, 0.8])}`, 1);
  const si = ctx.sentenceAt.get(item.sources[0]!.start) ?? -1;
  const s = a.sentences[si];
  const text = s?.text ?? item.sources[0]!.sentence;
  for (const x of ctx.structural.get(si) ?? []) f.set(x, 1);
  if (item.party == null) f.set('party:none', 1);
  else {
    const r = ctx.rank.get(item.party);
    f.set(`rank:${r == null ? 'none' : r >= 3 ? '3+' : r}`, 1);
    f.set('party:share', ctx.share.get(item.party) ?? 0);
    if (s && a.parties.some((m) => m.sentence === si && m.party === item.party)) f.set('party:in-sentence', 1);
  }
  if (item.speaker) {
    f.set('speaker', 1);
    if (text.includes(item.speaker.split(' ').pop()!)) f.set('speaker:in-sentence', 1);
    const person = a.people.find((p) => p.name === item.speaker);
    if (person && !person.party) f.set('speaker:no-side', 1);
    if (person?.roles.some((r) => ONLOOKER.test(r) || ANALYST.test(r))) f.set('speaker:onlooker', 1);
  }
  if (ONLOOKER.test(text)) f.set('s:onlooker', 1);
  if (YEAR.test(text)) f.set('s:year', 1);
  if (PLUPERFECT.test(text)) f.set('s:pluperfect', 1);
  if (EARLIER.test(text)) f.set('s:earlier', 1);
  if (JOINT.test(text)) f.set('s:joint', 1);
  const k = ctx.perSentence.get(item.sources[0]!.start) ?? 1;
  f.set(`dup:${bucket(k, [2, 3])}`, 1);
  const { nth, element } = ctx.order[i] ?? { nth: 0, element: false };
  if (nth > 0) f.set('dup:later', 1);
  if (element) f.set('dup:element', 1);
  const ws = item.text.split(/[^A-Za-z'’-]+/).filter(Boolean);
  f.set(`len:${bucket(ws.length, [6, 12, 20, 30])}`, 1);
  for (const raw of ws) {
    const w = raw.replace(/’/g, "'");
    if (WORD.test(w)) f.set(`${ITEM_LEXICAL_PREFIX}${w}`, 1);
  }
  return f;
}
