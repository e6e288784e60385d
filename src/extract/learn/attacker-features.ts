import { FLAG_SUFFIX } from '../lexicon/casualty-words';
import type { PartyMention, Sentence } from '../types';
import { candidateTable } from './candidate-table';
import { tallyParties } from './party-tally';

/**
 * General features of one (strike record, candidate side) pair for the learned attacker chooser
 * (rule 'learned-attacker' in attacks.ts). Candidates are the sides the attacker rules propose,
 * the parties named in the strike's clause, its sentence and the sentences around it, and the
 * sides the article names most. Features say which rules propose the side, how it stands to the
 * strike and weapon words (a modifier, a "by" agent, a possessive, the object of "on" or "at", a
 * reporter before a speech verb, "from" an origin), how far, whether the struck place lies in its
 * country, and how the article names it (share, rank, in the lede, as the usual modifier of
 * strike words, as claimant or blamed, as struck). No names, places or story words.
 */

/** A side one attacker rule proposes for a record. */
export interface AttackerProposal {
  /** The rule's name ("attacker:modifies-weapon"). */
  readonly rule: string;
  readonly party: string;
}

/** What the detector knows about one record when the chooser runs. */
export interface AttackerInput {
  /** The sentence that made the record and the clause within it. */
  readonly sentence: Sentence;
  readonly clause: { readonly start: number; readonly end: number };
  /** Where its strike and weapon words start. */
  readonly anchors: readonly number[];
  /** Every rule's answer, in rule order; the first is the rules' choice. */
  readonly proposals: readonly AttackerProposal[];
  /** The country of the place struck, when known. */
  readonly placeCountry: string | null;
}

export interface AttackerCandidate {
  readonly party: string;
  readonly features: Map<string, number>;
}

/** Article-level facts every record's features read, built once per article. */
export interface AttackerArticle {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly bySentence: ReadonlyMap<number, readonly PartyMention[]>;
  readonly counts: ReadonlyMap<string, number>;
  readonly rank: ReadonlyMap<string, number>;
  readonly total: number;
  /** Parties named in the first two sentences that are not headings (the lede) or a heading before them. */
  readonly lede: ReadonlySet<string>;
  /** Parties named right before strike or weapon words across the article, by count. */
  readonly modifierCounts: ReadonlyMap<string, number>;
  /** Parties named after a preposition of the thing struck ("on X", "at X", "against X") near a strike word, by count. */
  readonly struckCounts: ReadonlyMap<string, number>;
  /** The article's one claimant or blamed side (attacks.ts claimantOf), or null. */
  readonly claimant: string | null;
  readonly state: ReadonlyMap<string, boolean>;
  /** Whether every mention of a party names it as no attacker (NOT_ATTACKER): never a candidate unless a rule proposes it. */
  readonly cleared: (party: string) => boolean;
}

/**
 * Mentions that name a side as no attacker, by the words after it: a ship's flag state
 * ("the Maltese-flagged tanker"), a side denying a strike ("X denied any role"), air defences
 * that shoot down ("X air defences downed"), officials reporting what others did ("X police
 * said", not "X said its jets"); and by the words before it, the place struck ("hit a yard in
 * X", "airfields in X").
 */
const NOT_ATTACKER_BEFORE: ReadonlyArray<readonly [string, RegExp]> = [['struck-place', /\b(?:in|at|near|outside|inside|into|on|over|across|towards?|against)\s+(?:the\s+)?$/i]];
const NOT_ATTACKER: ReadonlyArray<readonly [string, RegExp]> = [
  ['flag-state', new RegExp(`^(?:${FLAG_SUFFIX})\\b`, 'i')],
  ['denies', /^(?:['’]s?)?(?:\s+[\p{L}-]+){0,3}?\s+(?:has\s+|have\s+|had\s+)?(?:denied|denies|deny|disclaimed|rejected)\b/iu],
  ['air-defence', /^(?:['’]s?)?\s+(?:air\s+defen[cs]es?|anti-aircraft)\b/i],
  // "Greek police said the shell had been fired from across the border": the side that reports a strike it does not own
  ['reporter', /^(?:['’]s?)?(?:\s+[\p{Ll}-]+){0,3}\s+(?:said|says|told|reported|reports|stated|added)\b(?![^.;]{0,60}\b(?:it|its|they|their)\b)/iu],
];

/** Prepositions of what was struck, right before a side: "strikes on X", "fired at X". */
const TARGET_PREP = /\b(?:on|at|against|into|in|toward|towards|across|over|inside|targeting|targeted|hit|struck|attacked|shelled|bombed)\s+(?:the\s+)?$/i;
const BY_BEFORE = /\bby\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}$/u;
const FROM_BEFORE = /\bfrom\s+(?:the\s+)?$/i;
const FORCES_AFTER = /^(?:['’]s?)?\s+(?:[\p{Ll}-]+\s+)?(?:forces|troops|soldiers|army|military|militar(?:y|ies)|navy|air force|jets?|warplanes?|aircraft|drones?|artillery|fighters|militants?|gunmen|rebels|militias?|units)\b/iu;
const POSSESSIVE_AFTER = /^['’]s?\b/;
const SPEECH_AFTER = /^(?:['’]s?)?(?:\s+[\p{L}-]+){0,3}?\s+(?:said|says|say|told|reported|reports|announced|stated|added|confirmed|according)\b/iu;
const ACCUSED_BEFORE = /\b(?:accus(?:ed|es|ing)|blam(?:ed|es|ing)|fingers?\s+at|attribut(?:ed|es|ing)[^.;]{0,40}\bto)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}$/u;
const CLAIM_AFTER = /^(?:\s+\([^)]{2,12}\))?(?:,[^,;.]{1,60},)?\s+(?:[\p{L}-]+\s+){0,2}?(?:claimed|claims|took|has claimed|have claimed) responsibility\b/iu;
const MODIFIER_GAP = /^(?:['’]s?|-(?:led|backed|launched|fired))?\s+(?:[\p{L}-]+\s+){0,3}$/u;

const dist = (d: number): string => (d < 15 ? '0-15' : d < 40 ? '15-40' : d < 100 ? '40-100' : '100+');

/** How often each side is named at strike and weapon words across the article (attacks.ts reads them once per article). */
export interface StrikeSides {
  /** Right before them: "Russian drones", "Chile's artillery". */
  readonly modifier: ReadonlyMap<string, number>;
  /** As what they struck, shortly after them: "strikes on X", "fired at X". */
  readonly struck: ReadonlyMap<string, number>;
}

/** The words before a side make it what a strike hit ("strikes on", "fired at", "targeting the"). */
export const isStruckObject = (before: string): boolean => TARGET_PREP.test(before);

export function attackerArticle(text: string, sentences: readonly Sentence[], parties: readonly PartyMention[], claimant: string | null, sides: StrikeSides): AttackerArticle {
  const { bySentence, counts, state } = tallyParties(parties);
  const ranked = [...counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const rank = new Map(ranked.map(([p], i) => [p, i]));
  const lede = new Set<string>();
  let body = 0;
  for (const s of sentences) {
    for (const pm of bySentence.get(s.index) ?? []) lede.add(pm.party);
    if (!s.heading && ++body >= 2) break;
  }
  // read for the candidates only, each party once
  const clearedOf = new Map<string, boolean>();
  const cleared = (party: string): boolean => {
    let c = clearedOf.get(party);
    if (c === undefined) clearedOf.set(party, (c = parties.every((pm) => pm.party !== party || NOT_ATTACKER.some(([, re]) => re.test(text.slice(pm.end, pm.end + 60))) || NOT_ATTACKER_BEFORE.some(([, re]) => re.test(text.slice(Math.max(0, pm.start - 16), pm.start))))));
    return c;
  };
  return { text, sentences, bySentence, counts, rank, total: parties.length, lede, modifierCounts: sides.modifier, struckCounts: sides.struck, claimant, state, cleared };
}

const topOf = (m: ReadonlyMap<string, number>): string | null => {
  let best: string | null = null;
  let n = 0;
  for (const [p, c] of m) if (c > n || (c === n && best != null && p < best)) [best, n] = [p, c];
  return best;
};

/** The candidate sides of one record with their features, sorted by party. */
export function attackerCandidates(a: AttackerArticle, x: AttackerInput): AttackerCandidate[] {
  const { cands, feats, add } = candidateTable();
  const ruled = x.proposals[0]?.party ?? null;
  x.proposals.forEach((pr, i) => {
    const f = feats(pr.party);
    add(f, `rule:${pr.rule.replace(/^attacker:/, '')}`);
    if (i === 0) add(f, 'rule:first');
  });
  const text = a.text;
  const s = x.sentence;
  // sides named near the strike: in its clause, elsewhere in its sentence, in the sentences around it
  for (const d of [-2, -1, 0, 1]) {
    for (const pm of a.bySentence.get(s.index + d) ?? []) {
      const f = feats(pm.party);
      if (d !== 0) {
        add(f, d === -1 ? 'win:prev' : d === 1 ? 'win:next' : 'win:prev2');
        continue;
      }
      const inClause = pm.start >= x.clause.start && pm.end <= x.clause.end;
      add(f, inClause ? 'near:clause' : 'near:sentence');
      if (inClause) f.set('near:clause-count', Math.min(1, (f.get('near:clause-count') ?? 0) + 0.34));
    }
  }
  for (const [party, r] of a.rank) if (r < 2) add(feats(party), 'cand:article-top');
  if (a.claimant) add(feats(a.claimant), 'art:claimant');
  const usual = topOf(a.modifierCounts);
  if (usual) add(feats(usual), 'art:usual');
  // the shape of each mention in the clause against the strike and weapon words
  const minDist = new Map<string, number>();
  const verbAt = (s.tokens ?? []).find((t) => t.start >= x.clause.start && t.end <= x.clause.end && (t.pos === 'VERB' || t.pos === 'AUX'))?.start ?? x.clause.end;
  for (const pm of a.bySentence.get(s.index) ?? []) {
    if (pm.start < x.clause.start || pm.end > x.clause.end) continue;
    const f = feats(pm.party);
    const after = text.slice(pm.end, Math.min(x.clause.end, pm.end + 60));
    const before = text.slice(Math.max(s.start, pm.start - 50), pm.start);
    const next = x.anchors.filter((at) => at >= pm.end).sort((u, v) => u - v)[0];
    const prev = x.anchors.filter((at) => at < pm.start).sort((u, v) => v - u)[0];
    const dAfter = next == null ? Infinity : next - pm.end;
    const dBefore = prev == null ? Infinity : pm.start - prev;
    const d = Math.min(dAfter, dBefore);
    minDist.set(pm.party, Math.min(minDist.get(pm.party) ?? Infinity, d));
    if (d < Infinity) add(f, `dist:${dist(d)}`);
    if (next != null && dAfter < 40 && MODIFIER_GAP.test(text.slice(pm.end, next)) && !/[,.;:]/.test(text.slice(pm.end, next))) add(f, 'shape:modifies');
    if (dAfter < dBefore) add(f, 'shape:before-strike');
    else if (dBefore < Infinity) add(f, 'shape:after-strike');
    if (POSSESSIVE_AFTER.test(after)) add(f, 'shape:possessive');
    if (FORCES_AFTER.test(after)) add(f, 'shape:forces');
    if (SPEECH_AFTER.test(after)) add(f, 'shape:reporter');
    if (BY_BEFORE.test(before)) add(f, prev != null && dBefore < 60 ? 'shape:by-agent' : 'shape:by');
    if (FROM_BEFORE.test(before)) add(f, 'shape:from');
    if (TARGET_PREP.test(before)) add(f, prev != null && dBefore < 60 ? 'shape:struck-object' : 'shape:prep-object');
    if (ACCUSED_BEFORE.test(before)) add(f, 'shape:accused');
    if (CLAIM_AFTER.test(after)) add(f, 'shape:claims');
    if (pm.start < verbAt) add(f, 'shape:subject');
    add(f, `kind:${pm.kind ?? 'name'}`);
  }
  const proposed = new Set(x.proposals.map((p) => p.party));
  for (const party of [...cands.keys()]) if (!proposed.has(party) && a.cleared(party)) cands.delete(party);
  const nearest = [...minDist.entries()].filter(([p]) => cands.has(p)).sort((u, v) => u[1] - v[1])[0]?.[0] ?? null;
  const mostNamed = [...cands.keys()].sort((u, v) => (a.counts.get(v) ?? 0) - (a.counts.get(u) ?? 0) || (u < v ? -1 : 1))[0] ?? null;
  const out: AttackerCandidate[] = [];
  const modTotal = [...a.modifierCounts.values()].reduce((t, v) => t + v, 0);
  for (const [party, f] of cands) {
    if (cands.size === 1) add(f, 'rel:only');
    if (party === nearest) add(f, 'rel:nearest');
    if (party === mostNamed) add(f, 'rel:most-named');
    const kind = (a.state.get(party) ?? true) ? 'state' : 'org';
    add(f, `side:${kind}`);
    if (!ruled) add(f, `norule&${kind}`);
    if (x.placeCountry && party === x.placeCountry) add(f, 'place:own-country');
    const n = a.counts.get(party) ?? 0;
    add(f, 'art:share', a.total ? n / a.total : 0);
    const r = a.rank.get(party);
    const rk = r == null ? 'none' : r === 0 ? '1' : r === 1 ? '2' : '3+';
    add(f, `art:rank-${rk}`);
    if (!ruled) add(f, `norule&art:rank-${rk}`);
    if (a.lede.has(party)) add(f, 'art:lede');
    const mod = a.modifierCounts.get(party) ?? 0;
    if (mod) add(f, 'art:modifier-share', modTotal ? mod / modTotal : 0);
    const struck = a.struckCounts.get(party) ?? 0;
    if (struck) add(f, 'art:struck-share', Math.min(1, struck / Math.max(1, n)));
    if (struck > mod) add(f, 'art:more-struck');
    out.push({ party, features: f });
  }
  return out.sort((u, v) => (u.party < v.party ? -1 : u.party > v.party ? 1 : 0));
}
