import { CIVILIAN_ROLES, NON_STATE_ROLES, ROLE_NOUNS } from '../lexicon/roles';
import { findPlaces } from '../parties';
import { OFFICIALS } from '../lexicon/person-words';
import { isSpeechVerb } from '../lexicon/speech-verbs';
import type { ArticlePerson, PartyMention, Sentence, Token } from '../types';
import { candidateTable } from './candidate-table';
import { tallyParties } from './party-tally';

/**
 * General features of one (person, candidate side) pair for the learned side chooser (rule
 * 'learned-side' in people.ts). Candidates are the sides the evidence rows propose and the
 * parties named in the person's sentences and the sentences next to them. Features say which
 * rows propose the side, where and how it is named near the person (distance, same sentence,
 * possessive, before the verb, after which preposition), how the article names it overall
 * (share, rank, first named), and the person's role nouns against the kind of side (state or
 * organisation). No names, places or story words: the model file reads as a table of tags.
 */

/** A side one evidence row proposes for a person. */
export interface Proposal {
  /** The row's name (people.ts PartyEvidence). */
  readonly by: string;
  readonly party: string;
}

/** What the rules know about one person when the chooser runs. */
export interface SideInput {
  readonly person: ArticlePerson;
  /** The side the rule table chose (first row that answers), or null. */
  readonly ruleParty: string | null;
  readonly ruleBy: string | null;
  /** Every row's answer, in row order. */
  readonly proposals: readonly Proposal[];
  /** The weights the person's own sentences give each party (people.ts sentenceVotes). */
  readonly votes: ReadonlyMap<string, number>;
  /** The person's role is a commentator's or a body's that is no side ("analyst", "professor"). */
  readonly commentator: boolean;
  /**
   * Sides whose holder of one of this person's single-holder offices is another person, by strong
   * evidence ("Ruritanian President A" makes a bare "President B" no Ruritanian): a state has one president.
   */
  readonly officeTaken?: ReadonlySet<string>;
  /** The person holds a national office (president, prime minister, a minister): a state's, seldom a group's. */
  readonly nationalOffice?: boolean;
  /** The state the article names most, when it leads clearly (people.ts homeState), or null. */
  readonly home?: string | null;
}

export interface SideCandidate {
  readonly party: string;
  readonly features: Map<string, number>;
}

/** Prepositions whose object is named as a feature when it stands right before a side's mention. */
const PREPS: ReadonlySet<string> = new Set(['to', 'for', 'against', 'with', 'in', 'at', 'from', 'of', 'by', 'between', 'on', 'and', 'or']);

/** Article-level facts the features of every pair read, built once per article. */
export interface SideArticle {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly parties: readonly PartyMention[];
  readonly bySentence: ReadonlyMap<number, readonly PartyMention[]>;
  /** Mentions per party, the parties ranked by it, and the first party named. */
  readonly counts: ReadonlyMap<string, number>;
  readonly rank: ReadonlyMap<string, number>;
  readonly total: number;
  readonly first: string | null;
  /** Whether a party is a state (a country's name, demonym, capital or alias) rather than an organisation. */
  readonly state: ReadonlyMap<string, boolean>;
  /** The states of the towns and regions named in each sentence ("Kharkiv" → Ukraine), by sentence index. */
  readonly placeStates: ReadonlyMap<number, readonly string[]>;
  /** The state whose towns and regions the article names most, or null. */
  readonly placeTop: string | null;
}

export function sideArticle(text: string, sentences: readonly Sentence[], parties: readonly PartyMention[]): SideArticle {
  const { bySentence, counts, state } = tallyParties(parties);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const rank = new Map(ranked.map(([p], i) => [p, i]));
  // towns and regions (not capitals, which are party mentions already) and the states they lie in
  const placeStates = new Map<number, string[]>();
  const placeCounts = new Map<string, number>();
  for (const pm of findPlaces(text, sentences)) {
    const c = pm.place.country;
    if (!c || (pm.place.kind !== 'city' && pm.place.kind !== 'region') || pm.sentence < 0) continue;
    (placeStates.get(pm.sentence) ?? placeStates.set(pm.sentence, []).get(pm.sentence)!).push(c);
    placeCounts.set(c, (placeCounts.get(c) ?? 0) + 1);
  }
  const placeTop = [...placeCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  return { text, sentences, parties, bySentence, counts, rank, total: parties.length, first: parties[0]?.party ?? null, state, placeStates, placeTop };
}

/**
 * A verb of saying whose speaker is the person's mention: "X said", "X, the envoy, told", ", said X",
 * "according to X". `at` is where the report lies: after the verb (the speaker before it) or
 * before it (the speaker after it).
 */
function speakerVerb(toks: readonly Token[], start: number, end: number): { at: number; after: boolean } | null {
  const k = toks.findIndex((t) => t.start >= end);
  if (k < 0) return null;
  // "X said", "X, the envoy, said", "X told": a verb of saying within a few words after the name
  for (let j = k; j < Math.min(toks.length, k + 8); j++) {
    if (isSpeechVerb(toks[j]!.text) && (toks[j]!.pos === 'VERB' || toks[j]!.pos === 'AUX')) return { at: toks[j]!.end, after: true };
    if (/^[.;:!?]$/.test(toks[j]!.text)) break;
  }
  // ", said X", "according to X": the report stands before
  const b = toks.findIndex((t) => t.start >= start);
  const prev = toks[b - 1];
  if (prev && isSpeechVerb(prev.text)) return { at: prev.start, after: false };
  if (prev?.text.toLowerCase() === 'to' && toks[b - 2]?.text.toLowerCase() === 'according') return { at: toks[b - 2]!.start, after: false };
  return null;
}

const lastWord = (r: string): string => (r.toLowerCase().split(/[^\p{L}-]+/u).filter(Boolean).pop() ?? '').replace(/s$/, '');

/** Role nouns of a person's roles (lexicon/roles.ts), singular. */
function roleNouns(p: ArticlePerson): string[] {
  const out = new Set<string>();
  for (const r of p.roles) {
    for (const w of r.toLowerCase().split(/[^\p{L}-]+/u)) {
      const s = w.replace(/s$/, '');
      if (ROLE_NOUNS.has(w) || ROLE_NOUNS.has(s)) out.add(ROLE_NOUNS.has(s) ? s : w);
    }
  }
  return [...out];
}

/** The candidate sides of one person with their features. */
export function sideCandidates(a: SideArticle, x: SideInput, others: ReadonlyMap<number, ReadonlyArray<{ key: string; start: number; end: number; party: string | null }>>): SideCandidate[] {
  const p = x.person;
  const { cands, feats, add } = candidateTable();
  x.proposals.forEach((pr, i) => {
    const f = feats(pr.party);
    add(f, `row:${pr.by}`);
    if (i === 0) add(f, 'row:first');
  });
  const voteTotal = [...x.votes.values()].reduce((s, v) => s + v, 0);
  const voteTop = [...x.votes.entries()].sort((u, v) => v[1] - u[1])[0]?.[0] ?? null;
  for (const [party, v] of x.votes) {
    const f = feats(party);
    add(f, 'vote:share', voteTotal ? v / voteTotal : 0);
    if (party === voteTop) add(f, 'vote:top');
  }
  // parties named in the person's sentences and the sentences next to them
  const sentencesOf = [...new Set(p.mentions.map((m) => m.sentence))];
  const text = a.text;
  for (const si of sentencesOf) {
    for (const d of [-1, 0, 1]) {
      for (const pm of a.bySentence.get(si + d) ?? []) {
        const f = feats(pm.party);
        if (d !== 0) {
          add(f, 'near:next-sentence');
          continue;
        }
        add(f, 'near:same-sentence');
        f.set('near:same-count', Math.min(1, (f.get('near:same-count') ?? 0) + 0.25));
      }
    }
  }
  // the parties the article names most are candidates too: the side of a person named far from any party word
  for (const [party, r] of a.rank) if (r < 2) add(feats(party), 'cand:article-top');
  // the states whose towns the person's sentences name, and the one the article's towns lie in most
  const civilian = p.roles.some((r) => r.toLowerCase().split(/[^\p{L}-]+/u).some((w) => CIVILIAN_ROLES.has(w) || CIVILIAN_ROLES.has(w.replace(/s$/, ''))));
  for (const si of sentencesOf) {
    for (const d of [-1, 0, 1]) {
      for (const c of a.placeStates.get(si + d) ?? []) {
        const f = feats(c);
        add(f, d === 0 ? 'place:same-sentence' : 'place:next-sentence');
        if (civilian) add(f, d === 0 ? 'civilian&place:same-sentence' : 'civilian&place:next-sentence');
      }
    }
  }
  if (a.placeTop) {
    const f = feats(a.placeTop);
    add(f, 'place:article-top');
    if (civilian) add(f, 'civilian&place:article-top');
  }
  const minDist = new Map<string, number>();
  // pair shapes: the nearest mention of each candidate to each of the person's mentions in a sentence
  for (const m of p.mentions) {
    const s = a.sentences[m.sentence];
    if (!s) continue;
    const toks = s.tokens ?? [];
    const verbAt = toks.find((t) => t.pos === 'VERB' || t.pos === 'AUX')?.start ?? s.end;
    // the person as the speaker of a verb of saying: "X said ...", "..., said X", "according to X"
    const speech = speakerVerb(toks, m.start, m.end);
    const inSentence = a.bySentence.get(m.sentence) ?? [];
    const people = (others.get(m.sentence) ?? []).filter((o) => o.key !== p.key);
    for (const pm of inSentence) {
      const f = cands.get(pm.party);
      if (!f) continue;
      const before = pm.end <= m.start;
      const gap = before ? text.slice(pm.end, m.start) : text.slice(m.end, pm.start);
      const dist = gap.length;
      minDist.set(pm.party, Math.min(minDist.get(pm.party) ?? Infinity, dist));
      add(f, dist < 25 ? 'dist:0-25' : dist < 80 ? 'dist:25-80' : dist < 200 ? 'dist:80-200' : 'dist:200+');
      add(f, 'dist:near', Math.max(0, 1 - dist / 200));
      const punct = /[,;:()—–]/.test(gap);
      if (before && !punct && dist < 60) add(f, pm.kind === 'demonym' ? 'shape:demonym-before' : 'shape:party-before');
      if (before && /^['’]s?\s/.test(text.slice(pm.end, pm.end + 3))) add(f, dist < 60 && !punct ? 'shape:possessive-before' : 'shape:possessive');
      if (!before && dist < 40 && /^\s*,/.test(gap)) add(f, 'shape:after-comma');
      if (pm.start < verbAt && m.start >= verbAt) add(f, 'shape:party-subject');
      if (pm.start < verbAt && m.start < verbAt) add(f, 'shape:both-subject');
      if (pm.start >= verbAt && m.start < verbAt) add(f, 'shape:person-subject');
      // a side named in what the person is reported to say: their own or the one they speak of
      if (speech && (speech.after ? pm.start >= speech.at : pm.end <= speech.at)) add(f, 'speech:reported');
      const prev = /([\p{L}]+)\s+(?:the\s+)?$/u.exec(text.slice(Math.max(s.start, pm.start - 14), pm.start).toLowerCase())?.[1] ?? '';
      if (PREPS.has(prev)) add(f, `prep:${prev}`);
      add(f, `kind:${pm.kind ?? 'name'}`);
      // another person between the side and this person, or right next to the side: the side is more theirs
      const between = people.some((o) => (before ? o.start >= pm.end && o.end <= m.start : o.start >= m.end && o.end <= pm.start));
      if (between) add(f, 'shape:other-between');
      if (people.some((o) => o.party === pm.party)) add(f, 'other:same-side');
    }
  }
  const nouns = roleNouns(p);
  const stateOffice = p.roles.some((r) => r.toLowerCase().split(/\s+/).some((w) => OFFICIALS.has(w)));
  // relative facts: which candidate is nearest, most named, alone
  const nearest = [...minDist.entries()].sort((u, v) => u[1] - v[1])[0]?.[0] ?? null;
  const mostNamed = [...cands.keys()].sort((u, v) => (a.counts.get(v) ?? 0) - (a.counts.get(u) ?? 0))[0] ?? null;
  const out: SideCandidate[] = [];
  for (const [party, f] of cands) {
    if (cands.size === 1) add(f, 'rel:only');
    if (party === nearest) add(f, 'rel:nearest');
    if (party === mostNamed) add(f, 'rel:most-named');
    const isState = a.state.get(party) ?? true;
    const kind = isState ? 'state' : 'org';
    add(f, `side:${kind}`);
    if (party === x.ruleParty) {
      add(f, 'rule:chosen');
      if (x.ruleBy) add(f, `rule:chosen:${x.ruleBy}`);
    }
    const n = a.counts.get(party) ?? 0;
    add(f, 'art:share', a.total ? n / a.total : 0);
    const r = a.rank.get(party);
    add(f, r == null ? 'art:rank-none' : r === 0 ? 'art:rank-1' : r === 1 ? 'art:rank-2' : 'art:rank-3+');
    if (party === a.first) add(f, 'art:first');
    if (n === 0) add(f, 'art:unnamed');
    if (!p.roles.length) add(f, `role:none&${kind}`);
    if (stateOffice) add(f, `role:official&${kind}`);
    if (x.commentator) add(f, `role:commentator&${kind}`);
    if (civilian) add(f, `role:civilian&${kind}`);
    if (x.officeTaken?.has(party)) add(f, 'office:held-by-other');
    if (x.nationalOffice) add(f, `role:national&${kind}`);
    if (x.home && party === x.home) add(f, 'art:home-state');
    for (const w of nouns) add(f, `role:${w}&${kind}`);
    const head = lastWord(p.roles[0] ?? '');
    if (head && NON_STATE_ROLES.has(head)) add(f, `role:non-state&${kind}`);
    out.push({ party, features: f });
  }
  return out.sort((u, v) => (u.party < v.party ? -1 : u.party > v.party ? 1 : 0));
}
