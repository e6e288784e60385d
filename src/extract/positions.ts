import type { Position, PositionKind } from '../model';
import { fastRegExp, inSpans, mentionsIn, quotations, speakerAt, speakerOf, subjectsAt, firstMentionIn, type Holder } from './clauses';
import { GLOSS, KIND_PRIORITY, LIST_INTRO, POSITION_CUES, POSITION_NOUNS, RED_LINE_CONTEXT, REPORTING_FORMULAS, type PositionCue } from './lexicon/position-frames';
import { PROPOSAL_WORDS } from './lexicon/stance-verbs';
import { NON_SIDE_NOUNS } from './lexicon/non-sides';
import { SPEECH_VERB_SOURCE } from './lexicon/speech-verbs';
import { words } from './lexicon/inflect';
import { triggerIndex, triggersOf } from './cue-triggers';
import { learnedSentences, POSITIONS_MODEL, type StatementModel } from './learn/statement-model';
import { statementText } from './learn/statement-text';
import { KIND_MODEL, kindModelActive, kindOf, type KindModel } from './learn/kind-model';
import { kindContext } from './learn/kind-features';
import { filterPositionItems } from './learn/position-item-model';
import { refOf, type AnalysedArticle, type Sentence } from './types';
import { allMatches } from '../text/matches';

/**
 * Positions: demands, conditions, red lines, goals, offers, refusals and accusations, each
 * attributed to the party that holds it. The verb classes and frames of lexicon/stance-verbs.ts and lexicon/position-frames.ts find them; the
 * clause's subject, a quotation's speaker or the agent of a passive says whose they are.
 * One item per position: a clause with two cues keeps the stronger kind; a list after
 * "including" or coordinated infinitives ("to A or to B") gives one item per element; a
 * coordinated subject ("Britain and France would") gives one item per party.
 */

interface CueHit {
  readonly cue: PositionCue;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly clause: number;
  /** Another party's commitment inside "in return for B vowing to ...": B's offer, B as holder. */
  readonly inExchange?: { readonly from: number };
}

/** Each cue with the words its matches start with: a sentence holding none of them skips the cue's regex. */
const COMPILED = POSITION_CUES.map((cue) => ({ cue, re: fastRegExp(cue.re, 'gi') }));
const MAY_MATCH = triggerIndex(POSITION_CUES.map((cue) => triggersOf(cue.re)));
const RED_LINE_RE = new RegExp(RED_LINE_CONTEXT, 'i');
const GLOSS_RE = new RegExp(GLOSS, 'i');
const LIST_RE = new RegExp(LIST_INTRO, 'i');
/** Clause boundaries within a sentence: two cues in one clause are one position. */
const CLAUSE_BOUNDARY = /[;:—–!?](?=\s)|(?<!\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sen|Rep|Gov|Sgt|Capt|Prof|[A-Z]))\.(?=\s)|,\s|\s(?:and|but|that|who|which|while|whereas|after which)\s|\s(?=in (?:exchange|return) for\b)/g;
/** Speakers who assess rather than negotiate: what they say is outlook, not a side's position. */
const ANALYST = /\b(?:analysts?|researchers?|fellows?|experts?|scholars?|professors?|academics?|observers?|commentators?)\b/i;
/** "doubts over whether either side is ready to stop": a cue inside an open question states no position. */
const OPEN_QUESTION = /\bwhether\s+(?:[\w’'-]+\s+){0,5}$/i;
/** ", the Bolivian army said", ", X told reporters" at the end of a complement. */
const TRAILING_ATTRIBUTION = fastRegExp(String.raw`,\s+(?:[^,;]{0,80}?\s)?(?:${SPEECH_VERB_SOURCE})(?:\s+(?:reporters|journalists|the\s+[\p{L}]+|on\s+\w+|in\s+a\s+statement))?\s*$`, 'i');
/** A proposal-like object makes an opinion a refusal; a party or act as object makes it an accusation. */
const PROPOSAL_OBJECT = new RegExp(`\\b(?:${words([...POSITION_NOUNS.offer, ...POSITION_NOUNS.goal, ...PROPOSAL_WORDS])})\\b`, 'i');
const FORMULA_RE = fastRegExp(REPORTING_FORMULAS, 'gi');
/** A clause opening with a go-between or onlooker as subject, right before the cue ("as international mediators "). */
const NON_SIDE_SUBJECT = fastRegExp(String.raw`^\s*(?:(?:and|but|as|while|when|after|since|because|though|although|whereas)\s+)?(?:(?:the|a|an|some|many|several|other|two|three|local|international|foreign|western|regional|independent|senior|humanitarian|[a-z]+-based|[\p{Lu}][\p{L}-]+)\s+){0,3}(?:${words(NON_SIDE_NOUNS)})\s+(?:(?:have|has|had|also|again|repeatedly|have also|had also|on \w+)\s+)?$`, 'i');
/** Words that own a position noun just before it: "its call", "their demand". */
const OWNER_PRONOUN = /\b(?:its|their|his|her|our)\s+(?:[\w-]+\s+){0,2}$/i;
const rank = (k: PositionKind): number => KIND_PRIORITY.indexOf(k);
const MAX_TEXT = 180;
/** A learned item's text is a whole statement with no cue to centre on: it may run as long as an outlook text. */
const LEARNED_MAX_TEXT = 260;

function clauseIndex(boundaries: readonly number[], at: number): number {
  let k = 0;
  while (k < boundaries.length && boundaries[k] <= at) k++;
  return k;
}

function cueHits(s: Sentence): CueHit[] {
  const may = MAY_MATCH(s.text);
  const found: Array<{ cue: PositionCue; at: number; text: string }> = [];
  for (let i = 0; i < COMPILED.length; i++) {
    if (!may[i]) continue;
    const { cue, re } = COMPILED[i];
    re.lastIndex = 0;
    for (const m of allMatches(re, s.text)) found.push({ cue, at: m.index ?? 0, text: m[0] });
  }
  if (!found.length) return [];
  const boundaries = allMatches(CLAUSE_BOUNDARY, s.text).map((m) => (m.index ?? 0) + m[0].length);
  const formulas = allMatches(FORMULA_RE, s.text).map((m): [number, number] => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const hits: CueHit[] = [];
  for (const { cue, at, text } of found) {
    if (GLOSS_RE.test(s.text.slice(Math.max(0, at - 40), at))) continue;
    if (formulas.some(([x, y]) => at < y && at + text.length > x)) continue;
    hits.push({ cue, start: s.start + at, end: s.start + at + text.length, text, clause: clauseIndex(boundaries, at) });
  }
  // Overlapping cues: keep the longer ("need to make sure" over "need to").
  hits.sort((x, y) => x.start - y.start || y.end - y.start - (x.end - x.start));
  const kept: CueHit[] = [];
  for (const h of hits) {
    const clash = kept.find((k) => h.start < k.end && h.end > k.start);
    if (!clash) kept.push(h);
    else if (h.end - h.start > clash.end - clash.start) kept.splice(kept.indexOf(clash), 1, h);
  }
  // "in return for B vowing to Y": B's own stance verb states B's offer; the terms cue gives way to it.
  for (const ex of kept.filter((h) => h.cue.name === 'exchange-terms')) {
    const own = kept.find((h) => h !== ex && h.clause === ex.clause && h.start > ex.end && h.start - ex.end <= 60);
    if (!own) continue;
    kept.splice(kept.indexOf(ex), 1);
    kept.splice(kept.indexOf(own), 1, { ...own, inExchange: { from: ex.end } });
  }
  // One cue per clause: the kind that says most (a condition over the offer it qualifies).
  const best = new Map<number, CueHit>();
  for (const h of kept) {
    const b = best.get(h.clause);
    if (!b || (b.cue.fallback && !h.cue.fallback) || (!(h.cue.fallback && !b.cue.fallback) && rank(h.cue.kind) < rank(b.cue.kind))) best.set(h.clause, h);
  }
  return [...best.values()].sort((x, y) => x.start - y.start);
}

/** Where a complement ends: a relative or adverbial clause after a comma, a new speech verb, the terms of an exchange. */
const COMPLEMENT_STOP = String.raw`,\s+(?:who|whom|which|where|while|whereas|although|but|saying|calling|adding|meaning|without|amid)\b|\s+and\s+(?:said|added|told|warned|accused|insisted)\b|\s+in (?:exchange|return) for\b`;

/** The words a position covers: from its cue to the next cue or the end of the clause group. */
function complementOf(s: Sentence, hit: CueHit, next: CueHit | undefined): string {
  const stop = next ? next.start : s.end;
  let t = s.text.slice(hit.end - s.start, stop - s.start);
  // "won’t take part, will talk to the mediators": a comma right after the cue closes its clause.
  if (/^\s*,/.test(t)) return '';
  // A closing quote ends the quoted words a cue stands in, not a phrase quoted after the cue ("with the “rebel” side").
  const opened = /“|(?:^|\s)"/.test(t);
  const quoteEnd = t.search(new RegExp(`${opened ? ',[”"]' : ',?”|,"'}|${COMPLEMENT_STOP}`));
  if (quoteEnd >= 0) t = t.slice(0, quoteEnd);
  const end = t.search(/[;:—–]|(?<!\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sen|Rep|Gov|Sgt|Capt|Prof|[A-Z]))\.(?=\s|$|["”])/);
  if (end >= 0) t = t.slice(0, end);
  // "..., Bolivian negotiator Lasko said": the attribution is not part of the position.
  t = t.replace(TRAILING_ATTRIBUTION, '');
  // "condemned the attacks and again": the conjunction (and an adverb) opening the next clause is cut off.
  return t.replace(/(?:,\s*|\s+)(?:(?:and|but|or)\b\s*)?(?:(?:again|also|then|later|even|still|once more)\b\s*)?(?:(?:it|they|he|she|we|i)\b\s*)?$/i, '').replace(/["“”]/g, '').trim();
}

/** Where the subject of a cue's clause starts: after a clause boundary, a conjunction or a verb of saying. */
const SUBJECT_START = /[;:“”"—–(]|,\s|\b(?:that|which|who|and|but|if|unless|until|because|while|whereas|when|as)\s|\b(?:said|says|say|told|added|argued|warned|insisted|claimed|stressed|noted|believes?|believed|thinks?|thought)\s/gi;
/** Auxiliaries, negation and adverbs right before a cue: "does not want", "has never accepted". */
const AUX_CHAIN = /(?:\b(?:do|does|did|will|would|could|can|may|might|shall|must|has|have|had|is|are|was|were|be|been|also|again|still|not|never|no longer|repeatedly|once again|already|cannot|(?:won|wouldn|didn|doesn|don|can|isn|aren|hasn|haven|wasn|weren)[’']t)\s+)+$/i;
const NEGATION = /\b(?:not|never|no longer|cannot)\b|n[’']t\b/i;

/**
 * The words of the cue's own clause a text starts with before the cue: the clause's subject when
 * it is part of what is said ("foreign troops must leave"), else a negation the cue follows ("does
 * not want a truce" is no demand for a truce). Empty when there is none or it would not read.
 */
function leadOf(s: Sentence, hit: CueHit): string {
  const before = s.text.slice(0, hit.start - s.start);
  if (hit.cue.statesSubject) {
    let from = 0;
    for (const m of allMatches(SUBJECT_START, before)) from = (m.index ?? 0) + m[0].length;
    const seg = before.slice(from).trim();
    const n = seg.split(/\s+/).length;
    if (seg && n <= 6 && /^[\p{L}\d]/u.test(seg) && !/^(?:to|it|this|that|there|which|who)\b/i.test(seg)) return seg;
  }
  const aux = before.match(AUX_CHAIN);
  return aux && NEGATION.test(aux[0]) ? aux[0].trim() : '';
}

/** One element per listed item: "including about A and B" → [A, B]; "to A or to B" → [A, to B]. */
function elementsOf(kind: PositionKind, complement: string, rule = ''): string[] {
  // "obliges Bolivia to A, B and C", "requires Peru to A and Chile to B": one term each, with its addressee.
  if (rule === 'document-terms') {
    const parts = complement.split(/,\s*(?:and\s+)?|\s+and\s+/).map((p) => p.trim()).filter(Boolean);
    if (parts.length >= 2) {
      let addressee = '';
      return parts.map((p) => {
        const m = p.match(/^((?:[\p{Lu}][\p{L}’'-]*\s+){1,3}|(?:the|both|all)\s+(?:[\p{L}-]+\s+){0,2})to\s+(.*)$/u);
        if (m) addressee = m[1].trim();
        return addressee ? `${addressee} to ${m ? m[2] : p}` : p;
      });
    }
  }
  // "listed A and B among their objectives": one goal per listed item.
  if (rule === 'goal-listed-among') {
    const list = complement.split(/\s+among\s+/i)[0];
    const parts = list.split(/,\s*(?:and\s+)?|\s+and\s+(?=(?:the|a|an|its|their)\b)/).map((p) => p.trim()).filter(Boolean);
    if (parts.length >= 2) return parts;
  }
  if (kind !== 'condition') {
    const m = complement.match(LIST_RE);
    if (m && m.index != null) {
      const list = complement.slice(m.index + m[0].length);
      const parts = list.split(/,\s*(?:and|or)\s+|,\s+|\s+(?:and|or)\s+(?=\w+ing\b|to\b)/).map((p) => p.trim()).filter(Boolean);
      if (parts.length >= 2 && parts.every((p) => p.split(/\s+/).length >= 2)) return parts;
    }
    const inf = complement.split(/,?\s+(?:or|and)\s+(?=to\s|that\s)/);
    if (inf.length >= 2 && inf.every((p) => p.trim().split(/\s+/).length >= 2)) return inf.map((p) => p.trim());
  }
  return [complement];
}

/** A clause boundary a long text may end at: ", with ...", ", which ...", "; ", " — ". */
const TEXT_CUT = /,\s+(?=(?:with|which|who|while|whereas|as|after|before|including|meaning|saying|adding|and|but|although|though|amid|despite|in|on|at|for|from|during|following)\b)|\s+(?:—|–)\s+|;\s+|\s+and\s+(?=(?:the|a|an|its|their|his|her)\b)/g;
/**
 * A long item text ends at the last clause boundary before MAX_TEXT (never mid-word and never with
 * an ellipsis: the briefing prints it as a statement, and the quote stays in the sources); a text
 * with no boundary there ends at the last whole word.
 */
export function clip(t: string): string {
  if (t.length <= MAX_TEXT) return t;
  let cut = -1;
  for (const m of allMatches(TEXT_CUT, t)) {
    const at = m.index ?? 0;
    if (at > MAX_TEXT) break;
    if (at >= 30) cut = at;
  }
  if (cut < 0) cut = t.lastIndexOf(' ', MAX_TEXT);
  return t.slice(0, cut > 0 ? cut : MAX_TEXT).replace(/[\s,;:(“"-]+$/u, '');
}

/**
 * Who owns a position noun at `at`: a possessive just before it ("Bolivia's campaign to"), a
 * demonym or party adjective ("the Norwegian proposal for"), or "its"/"their" resolved to the
 * subject of its clause ("with Chile renewing its demand that"). A party named after the noun is
 * what the position is about, never its owner.
 */
function ownersAt(a: AnalysedArticle, s: Sentence, at: number, cueEnd = at): Holder[] {
  // "the refusal of Haftar to sign": the party after "of" owns the noun when its infinitive follows.
  if (/\bof$/i.test(a.article.text.slice(at, cueEnd))) {
    const next = mentionsIn(a, s).find((m) => m.start >= cueEnd && m.start - cueEnd <= 6);
    if (next && /^\s+(?:the\s+)?$/i.test(a.article.text.slice(cueEnd, next.start)) && /^\s+to\s+[a-z]/.test(a.article.text.slice(next.end, next.end + 12))) {
      return [{ party: next.party, person: next.person, text: next.text }];
    }
  }
  const before = a.article.text.slice(Math.max(s.start, at - 60), at);
  const ms = mentionsIn(a, s).filter((m) => m.end <= at && at - m.end <= 40);
  const last = ms[ms.length - 1];
  if (last && /^(?:['’]s?)?\s+(?:[\p{Ll}\d][\p{L}\d-]*\s+){0,2}$/u.test(a.article.text.slice(last.end, at))) {
    return [{ party: last.party, person: last.person, text: last.text }];
  }
  const pro = before.match(OWNER_PRONOUN);
  if (pro && pro.index != null) return subjectsAt(a, s, at - before.length + pro.index).filter((h) => h.party || h.person);
  return [];
}

/**
 * True when the cue at `at` has for subject a go-between or onlooker (lexicon/non-sides.ts):
 * "as international mediators pressed for", "Residents demanded". The words between the clause's
 * start and the cue are an optional conjunction, modifiers and that noun, with no side named.
 */
function nonSideSubject(a: AnalysedArticle, s: Sentence, at: number): boolean {
  let from = 0;
  const before = s.text.slice(0, at - s.start);
  for (const m of allMatches(CLAUSE_BOUNDARY, before)) from = (m.index ?? 0) + m[0].length;
  const seg = before.slice(from);
  const m = seg.match(NON_SIDE_SUBJECT);
  if (!m) return false;
  return !mentionsIn(a, s).some((x) => x.start >= s.start + from && x.end <= at);
}

/** Positions per analysed article (with the shipped detector): the outlook stage asks again for the same article. */
const DETECTED = new WeakMap<AnalysedArticle, Position[]>();

/** The positions of an article; `model` replaces the shipped statement detector (a training script's refitted one). */
export function detectPositions(a: AnalysedArticle, model: StatementModel = POSITIONS_MODEL): Position[] {
  const shipped = model === POSITIONS_MODEL;
  const done = shipped ? DETECTED.get(a) : undefined;
  if (done) return done;
  const out = withLearnedKinds(filterPositionItems(a, withLearnedPositions(a, positionsByRules(a), model)), KIND_MODEL, a);
  if (shipped) DETECTED.set(a, out);
  return out;
}

/**
 * Each item's kind as the learned kind model (learn/kind-model.ts) says, where its file says to use
 * it; with the article, the model also reads the item's sentence (kindContext).
 */
export function withLearnedKinds(items: readonly Position[], model: KindModel, a?: AnalysedArticle): Position[] {
  if (!kindModelActive(model)) return [...items];
  const byStart = a ? new Map(a.sentences.map((s) => [s.start, s])) : null;
  return items.map((p) => {
    const s = byStart?.get(p.sources[0]?.start ?? -1);
    const context = a && s ? kindContext(a, s, p.text) : undefined;
    const kind = kindOf(model, { ...p, context }, (p.rules ?? []).includes(POSITIONS_MODEL.name));
    return kind === p.kind ? p : { ...p, kind, rules: [...(p.rules ?? []), model.name] };
  });
}

/** The kind a learned position takes: the strongest kind among the sentence's stance verbs, else a demand. */
function learnedKind(features: readonly string[]): PositionKind {
  const kinds = KIND_PRIORITY.filter((k) => features.includes(`tag:stance:${k}`));
  return kinds[0] ?? 'demand';
}

/**
 * The learned rule (learn/statement-model.ts) beside the cue rules: a rule item in a sentence the
 * model scores below its veto level is dropped; a sentence no rule cited, scored at or above the
 * threshold, gives one position held by the sentence's speaker or subject, in the words of the
 * statement the sentence reports (learn/statement-text.ts). A sentence naming no holder takes the
 * side of the speaker of the sentences just before, else the side the article names most; an
 * article naming no side gives none.
 */
export function withLearnedPositions(a: AnalysedArticle, rules: readonly Position[], model: StatementModel): Position[] {
  const { kept, picked } = learnedSentences(a, rules, model);
  const out = [...kept];
  picked.forEach(({ sentence: s, p, features }) => {
    const sp = speakerOf(a, s);
    const verb = s.tokens?.find((t) => t.pos === 'VERB' || t.pos === 'AUX');
    const subjects = subjectsAt(a, s, verb ? verb.start : s.start).filter((h) => h.party || h.person);
    // One side's position: a coordinated subject ("A and B agreed") states a joint act, not a side's stance.
    if (subjects.length > 1 && !sp) return;
    const named = sp?.party || sp?.person ? { party: sp.party, person: sp.person } : (subjects[0] ?? null);
    // No holder in the sentence ("The ceasefire, proposed by ..., means ...", a quotation's second
    // sentence): the side that spoke last, else the side the article names most.
    // An open question ("doubts over whether X is ready to") states no one's position.
    const side = named || /\bwhether\b/i.test(s.text) ? null : (lastSpeakerSide(a, s) ?? mostNamedSide(a));
    const holder = named ?? (side ? { party: side, person: null } : null);
    if (!holder) return;
    const firstVerb = s.tokens?.find((t) => t.pos === 'VERB');
    const text = statementText(s.text, firstVerb ? firstVerb.start - s.start : -1, LEARNED_MAX_TEXT);
    if (text.split(' ').length < 4) return;
    out.push({
      id: `pos:${a.article.id}:${s.start}:learned`,
      sources: [refOf(a, s)],
      confidence: Math.round(p * (named ? 60 : 45)) / 100,
      conflicts: [],
      party: holder.party,
      kind: learnedKind(features),
      text,
      speaker: holder.person?.name ?? null,
      rules: [model.name],
    });
  });
  return out.sort((x, y) => x.sources[0]!.start - y.sources[0]!.start);
}

/** How many sentences back a speaker's side still holds a sentence that names no holder. */
const SPEAKER_REACH = 3;

/** The side of the nearest speaker within SPEAKER_REACH sentences before `s`, or null. */
function lastSpeakerSide(a: AnalysedArticle, s: Sentence): string | null {
  for (let k = s.index - 1; k >= 0 && k >= s.index - SPEAKER_REACH; k--) {
    const prev = a.sentences[k];
    if (!prev || prev.heading) continue;
    const sp = speakerOf(a, prev);
    if (sp?.party) return sp.party;
  }
  return null;
}

/** The party the article names most often (ties: the first in name order), or null. */
function mostNamedSide(a: AnalysedArticle): string | null {
  const count = new Map<string, number>();
  for (const m of a.parties) count.set(m.party, (count.get(m.party) ?? 0) + 1);
  let best: string | null = null;
  for (const [p, n] of count) if (best == null || n > count.get(best)! || (n === count.get(best)! && p < best)) best = p;
  return best;
}

/** The positions the cue rules find (the learned rule's training compares against these). */
export function positionsByRules(a: AnalysedArticle): Position[] {
  const out: Position[] = [];
  // The side of the last position stated, for a speaker whose own side the article leaves unsaid
  // ("He accused the army of ..." right after a minister of that side spoke).
  let lastSide: { party: string; paragraph: number; index: number } | null = null;
  for (const s of a.sentences) {
    if (s.heading) continue;
    const hits = cueHits(s);
    if (!hits.length) continue;
    const redLine = s.text.match(RED_LINE_RE);
    const redLineAt = redLine?.index != null ? s.start + redLine.index : -1;
    // "set out red lines: A, B and C" — the marker names the kind; the clauses after it are the positions.
    const positional = hits
      .filter((h) => !(h.cue.kind === 'red-line' && RED_LINE_RE.test(h.text) && hits.some((o) => o.start > h.end)))
      // "insisted that Hamas must disarm": the obligation is what the insisting says, one demand.
      .filter((h, i, all) => !(h.cue.holder === 'speaker' && h.cue.kind === 'demand' && i > 0 && /\bthat$/i.test(all[i - 1].text) && all[i - 1].cue.kind === 'demand'));
    const quotes = quotations(s);
    const speaker = speakerOf(a, s);
    const seenAccusers = new Set<string>();
    const assessing = speaker != null && (ANALYST.test(speaker.name) || (speaker.person?.roles ?? []).some((r) => ANALYST.test(r)));
    positional.forEach((hit, i) => {
      if (assessing && hit.cue.holder !== 'agent') return;
      if (OPEN_QUESTION.test(s.text.slice(Math.max(0, hit.start - s.start - 60), hit.start - s.start))) return;
      if (hit.cue.holder === 'subject' && nonSideSubject(a, s, hit.start)) return;
      let kind: PositionKind = redLineAt >= 0 && hit.start >= redLineAt ? 'red-line' : hit.inExchange ? 'offer' : hit.cue.kind;
      // "regards the plan as meaningless" refuses a proposal; "regards the army as a puppet" accuses a party.
      if (hit.cue.name === 'opinion-verb' && kind === 'refusal' && !PROPOSAL_OBJECT.test(hit.text)) kind = 'accusation';
      let holders: Holder[] = [];
      if (hit.inExchange) {
        const h = firstMentionIn(a, s, hit.inExchange.from, hit.start);
        holders = h ? [h] : [];
      } else if (hit.cue.holder === 'owner') {
        holders = ownersAt(a, s, hit.start, hit.end);
      } else if (hit.cue.holder === 'reporter') {
        // "X breached the truce, the army said": the source accuses the actor; no source, no position.
        const sp = speakerAt(a, s, hit.start);
        const actor = subjectsAt(a, s, hit.start)[0];
        if (sp?.party && actor?.party && actor.party !== sp.party) holders = [{ party: sp.party, person: sp.person, text: sp.name }];
      } else if (hit.cue.holder === 'agent') {
        const h = firstMentionIn(a, s, hit.end, Math.min(s.end, hit.end + 80));
        if (h) holders = [h];
      } else if (hit.cue.holder === 'speaker' && (speakerAt(a, s, hit.start) || inSpans(quotes, hit.start))) {
        const sp = speakerAt(a, s, hit.start);
        holders = sp?.party || sp?.person ? [{ party: sp.party, person: sp.person, text: sp.name }] : [];
        // "Washington’s goal", "Okafor’s goal": the possessor beats the speaker.
        const sub = subjectsAt(a, s, hit.start);
        if (sub.length && /^(?:goal|aim|objective|priority|intention|purpose)/i.test(hit.text) && sub[0].party) holders = sub;
      } else {
        holders = subjectsAt(a, s, hit.start);
        if (!holders.some((h) => h.party || h.person) && speaker?.party) holders = [{ party: speaker.party, person: speaker.person, text: speaker.name }];
      }
      // A named person speaks for a side even when the article does not say which.
      holders = holders.filter((h) => h.party || h.person);
      if (!holders.length) return;
      // "Israel and Hamas agreed to ...", "both agreed": a joint agreement is an outcome, not one side's position.
      if ((holders.length >= 2 || /\bboth\b/i.test(s.text.slice(0, hit.start - s.start))) && /^agree/i.test(hit.text)) return;
      // "accused each other of violating the truce": mutual blame names no one position.
      if (kind === 'accusation' && /\b(?:each other|one another)\b/i.test(s.text.slice(hit.start - s.start, hit.end - s.start + 30))) return;
      // Several judgements by one speaker in one sentence are one accusation.
      if (kind === 'accusation' && hit.cue.holder === 'speaker') {
        const key = holders.map((h) => h.party).join('+');
        if (seenAccusers.has(key)) return;
        seenAccusers.add(key);
      }
      const complement = complementOf(s, hit, positional[i + 1]);
      const elements = elementsOf(kind, complement, hit.cue.name);
      const lead = hit.inExchange ? '' : leadOf(s, hit);
      let k = 0;
      for (const h0 of holders) {
        const inherit = !h0.party && lastSide && lastSide.paragraph >= s.paragraph - 1 && s.index - lastSide.index <= 2;
        const h = inherit && lastSide ? { ...h0, party: lastSide.party } : h0;
        if (h.party) lastSide = { party: h.party, paragraph: s.paragraph, index: s.index };
        for (const el of elements) {
          // Later elements of a list take the cue's head: "wants Ukraine to withdraw …", "wants Ukraine … to abandon …".
          const head = el === elements[0] || hit.cue.name === 'document-terms' || hit.cue.name === 'goal-listed-among' ? hit.text : hit.text.replace(/\s+(?:to|that)\b.*$/i, '');
          const text = clip(`${el === elements[0] ? lead : ''} ${head} ${el}`.replace(/\s+/g, ' ').trim());
          const direct = hit.cue.holder !== 'speaker' || inSpans(quotes, hit.start) || !!speaker;
          out.push({
            id: `pos:${a.article.id}:${s.start}:${kind}:${hit.clause}:${k++}`,
            sources: [refOf(a, s)],
            confidence: Math.round(hit.cue.weight * (direct ? 1 : 0.8) * (holders.length > 1 || elements.length > 1 ? 0.9 : 1) * 100) / 100,
            conflicts: [],
            party: h.party,
            kind,
            text,
            speaker: h.person?.name ?? (speaker?.party === h.party ? (speaker?.person?.name ?? null) : null),
            rules: [hit.cue.name],
          });
        }
      }
    });
  }
  return out;
}
