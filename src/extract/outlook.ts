import type { Outlook } from '../model';
import { fastRegExp, inSpans, mentionsIn, quotations, speakerAt, speakerOf, speechVerbs, subjectDescription, subjectsAt, type Speaker } from './clauses';
import { articleTimes, parseIsoDate, tenseOf } from './dates';
import { EVENT_HAPPENED, MEETING_NOUNS, OUTLOOK_CUES } from './lexicon/outlook-frames';
import { detectPositions } from './positions';
import { triggerIndex, triggersOf } from './cue-triggers';
import { learnedSentences, POSITIONS_MODEL, STATEMENT_MODELS, type StatementModel, type StatementModels } from './learn/statement-model';
import { speakerCandidates, type SpeakerCandidate } from './learn/speaker-features';
import { chooseSpeaker, OUTLOOK_SPEAKER_MODEL, type SpeakerModel } from './learn/speaker-model';
import { refOf, type AnalysedArticle, type Sentence } from './types';
import { allMatches } from '../text/matches';

/**
 * Outlook: what comes next — planned or expected meetings and talks, next steps, forecasts,
 * assessments of prospects, doubts. One item per sentence, found by the cues in
 * the frames of lexicon/outlook-frames.ts or by a meeting dated after publication ("the Monday talks").
 * `who` is the speaker (a name, an unnamed source's description, or a party), or null for
 * the article's own voice; `horizon` is the time in the article's words, `date` its day.
 */

/** Each cue with the words its matches start with: a sentence holding none of them skips the cue's regex. */
const CUES = OUTLOOK_CUES.map((c) => ({
  ...c,
  re: fastRegExp(c.re, c.caseSensitive ? 'g' : 'gi'),
}));
const MAY_MATCH = triggerIndex(OUTLOOK_CUES.map((c) => triggersOf(c.re)));
/**
 * Each cue case aside, for whether any cue matches a sentence (learnedOutlookEligible): the cues
 * the triggers let through, one by one. (One regex of all cues at once, run on few sentences,
 * cost more than all the extraction of outlook's cues.)
 */
const CUES_ANY_CASE = OUTLOOK_CUES.map((c) => fastRegExp(c.re, 'i'));
const anyCue = (text: string): boolean => {
  const may = MAY_MATCH(text);
  return CUES_ANY_CASE.some((re, i) => may[i] === 1 && re.test(text));
};
const MEETING_RE = new RegExp(MEETING_NOUNS, 'i');
const HAPPENED_RE = fastRegExp(EVENT_HAPPENED, 'i');
const MAX_TEXT = 260;

interface Cue {
  readonly name: string;
  readonly start: number;
  readonly strong: boolean;
  readonly weight: number;
  /** The statement the cue stands in, normalised: the same forecast told twice ("the toll may rise") is one item. */
  readonly key: string;
}

/** Words that look ahead in a sentence told in the past tense ("said talks would resume", "hoped to"). */
const AHEAD = /\b(?:will|would|could|may|might|should|must|shall|can|expects?|expected|hopes?|hoped|plans?|planned|intends?|intended|next|future|upcoming|soon|later|continue[sd]?)\b/i;
/** A modal with a perfect ("may have been higher", "could have died"): a guess about the past, not a forecast. */
const PAST_MODAL = /\b(?:may|might|could|would|should|must)(?:\s+not|n[’']t)?\s+have\s+(?!to\b)\w+/i;
/** The statement a cue stands in, for telling a repeated forecast: up to three words before it and the cue's own words. */
function statementKey(text: string, index: number, match: string): string {
  const before = text.slice(Math.max(0, index - 40), index).split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(-3);
  return [...before, match].join(' ').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** A meeting named with a day after the publication date: "talks on Monday", "the Monday talks". */
function plannedMeeting(a: AnalysedArticle, s: Sentence): Cue | null {
  if (!MEETING_RE.test(s.text) || tenseOf(s.text) === 'past') return null;
  const published = parseIsoDate(a.article.published) ? (a.article.published ?? '') : null;
  for (const t of articleTimes(a.article, s.text, 'future')) {
    // With a publication date the day must lie ahead; without one, a named day in a sentence not in the past will do.
    if (published != null ? !t.date || t.date <= published : !/\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|tomorrow|next)\b/i.test(t.text)) continue;
    const near = s.text.slice(Math.max(0, t.start - 40), t.end + 40);
    if (!MEETING_RE.test(near)) continue;
    // "said on Monday": the time of the statement, not of the meeting.
    if (/\b(?:said|told|added|wrote|announced|says)\s+(?:on\s+)?$/i.test(s.text.slice(Math.max(0, t.start - 14), t.start))) continue;
    return { name: 'planned-meeting-date', start: s.start + t.start, strong: true, weight: 0.75, key: statementKey(s.text, t.start, t.text) };
  }
  return null;
}

/** Days after publication within which a day told without a year is a schedule ("on Monday", "on 20 May"). */
const SOON_DAYS = 45;
/**
 * A day after publication and within SOON_DAYS of it. A day without a year that has already gone
 * ("on 2 May" in a story of 14 May) is read forward, almost a year ahead: no schedule.
 */
function soonAfterPublication(a: AnalysedArticle, date: string | null): boolean {
  const from = parseIsoDate(a.article.published);
  const to = date ? parseIsoDate(date) : null;
  if (!from || !to) return false;
  const days = (to.getTime() - from.getTime()) / 86_400_000;
  return days > 0 && days <= SOON_DAYS;
}

function cuesOf(a: AnalysedArticle, s: Sentence): Cue[] {
  const out: Cue[] = [];
  const may = MAY_MATCH(s.text);
  for (let i = 0; i < CUES.length; i++) {
    if (!may[i]) continue;
    const c = CUES[i];
    c.re.lastIndex = 0;
    for (const m of allMatches(c.re, s.text)) {
      const at = m.index ?? 0;
      const perfect = PAST_MODAL.exec(s.text.slice(at, at + m[0].length + 14));
      if (perfect && perfect.index < m[0].length) continue;
      // "A new round of talks got under way on Wednesday": an event that took place, not one ahead.
      if (c.reduced && HAPPENED_RE.test(s.text.slice(at + m[0].length))) continue;
      // "followed by talks on Monday": no tense of its own, so a day soon after publication must say it is to come.
      if (c.ahead && !soonAfterPublication(a, horizonOf(a, s)?.date ?? null)) continue;
      out.push({ name: c.name, start: s.start + at, strong: c.strong, weight: c.weight, key: statementKey(s.text, at, m[0]) });
    }
  }
  const meeting = plannedMeeting(a, s);
  if (meeting) out.push(meeting);
  return out.sort((x, y) => x.start - y.start);
}

/** The horizon: a time expression that is not the time of a statement ("said on Wednesday"). */
function horizonOf(a: AnalysedArticle, s: Sentence): { text: string; date: string | null } | null {
  const verbs = speechVerbs(a, s);
  for (const t of articleTimes(a.article, s.text, 'future')) {
    const at = s.start + t.start;
    if (verbs.some((v) => at >= v.end && at - v.end <= 4)) continue;
    if (/^(?:this past|last|past|earlier)\b/i.test(t.text)) continue;
    // A horizon lies ahead: a day on or before publication is when something was said or done.
    if (t.date && a.article.published && (t.date < a.article.published || (t.date === a.article.published && tenseOf(s.text) !== 'future'))) continue;
    return { text: t.text, date: t.date };
  }
  return null;
}

/**
 * Clause boundaries between independent statements: "; ", ": ", " — ", ", and ", ", but ",
 * ", while ", and coordinated reports or predicates (", and that ...", ", and are seen as ...").
 */
const SEGMENT_BOUNDARY =
  /;\s|:\s|\s[—–]\s|,\s+(?:and|but|while|whereas)\s+(?=[A-Z]|(?:the|a|an|he|she|they|it|few|many|some|most|that|is|are|was|were|will|would|could|may|might)\b)/g;

/** A clause that shares its report or subject with the clause before: "that ...", "are seen as ...". */
const CONTINUED = /^(?:that|is|are|was|were|will|would|could|may|might)\b/i;

/** The independent clauses of a sentence, outside quotations (article offsets). */
function segmentsOf(s: Sentence): Array<{ start: number; end: number }> {
  const q = quotations(s);
  const cuts = [s.start];
  for (const m of allMatches(SEGMENT_BOUNDARY, s.text)) {
    const at = s.start + (m.index ?? 0);
    if (!inSpans(q, at)) cuts.push(at + m[0].length);
  }
  cuts.push(s.end);
  const out: Array<{ start: number; end: number }> = [];
  for (let k = 0; k + 1 < cuts.length; k++) if (cuts[k + 1] > cuts[k]) out.push({ start: cuts[k], end: cuts[k + 1] });
  return out;
}

/** Where a long text may be cut: after a comma, semicolon or dash. */
const PIECE_BOUNDARY = /,\s|;\s|\s[—–]\s/g;

/**
 * The part of a long text that holds the cue at `at`: its piece between commas, semicolons or
 * dashes, widened by whole pieces after and then before it while it fits; cut only between words.
 */
function around(t: string, at: number): string {
  const cuts = [0, ...allMatches(PIECE_BOUNDARY, t).map((m) => (m.index ?? 0) + m[0].length), t.length];
  const k = Math.max(0, cuts.findIndex((c, j) => j + 1 < cuts.length && c <= at && at < cuts[j + 1]));
  let first = k;
  let last = k + 1;
  while (last + 1 < cuts.length && cuts[last + 1] - cuts[first] <= MAX_TEXT) last++;
  // The cue's own clause reads best; earlier pieces are added only to a clause too short to stand ("and that", a bare verb).
  while (first > 0 && t.slice(cuts[first], cuts[last]).split(/\s+/).length < 6 && cuts[last] - cuts[first - 1] <= MAX_TEXT) first--;
  const from = cuts[first];
  let piece = t.slice(from, cuts[last]);
  if (piece.length > MAX_TEXT) {
    // One piece longer than the limit: from its start (or from the cue, when the cue lies far in) to the last whole word that fits.
    const start = at - from > MAX_TEXT - 60 ? piece.lastIndexOf(' ', at - from - 1) + 1 : 0;
    piece = piece.slice(start, start + MAX_TEXT);
    piece = piece.slice(0, piece.lastIndexOf(' '));
  }
  return piece;
}

/** Words that open a clause without being part of its statement. */
const CLAUSE_OPENER = /^(?:(?:and|but|while|whereas|though|although|that|in which|which|who)\s+)+/i;
/** Words and marks that close a clause cut off before the next one. */
const CLAUSE_CLOSER = /(?:[\s,;:—–]|\b(?:and|but|while|whereas)\b)+$/i;

/**
 * An item's text: the sentence when it holds one statement and reads in full; else the clause
 * that holds the cue, from its start to its end, never cut inside a word and never with "…".
 */
function textOf(a: AnalysedArticle, s: Sentence, g: { start: number; end: number }, clause: boolean, cueAt: number): string {
  const from = clause ? g.start : s.start;
  let t = a.article.text.slice(from, clause ? g.end : s.end);
  if (t.length > MAX_TEXT) t = around(t, Math.max(0, cueAt - from));
  return t.replace(/^[\s,;:—–]+/, '').replace(CLAUSE_OPENER, '').replace(CLAUSE_CLOSER, '').trim();
}

/**
 * The speaker named after a comma and a speech verb at the end of a statement (", said Foreign
 * Minister X, as quoted by ...", ", added Rueda"): the subject of the inverted verb.
 */
export function postposedSpeaker(a: AnalysedArticle, s: Sentence): Speaker | null {
  const ms = mentionsIn(a, s);
  for (const v of speechVerbs(a, s)) {
    if (!/,[”"’]?\s*$/.test(a.article.text.slice(Math.max(s.start, v.start - 3), v.start))) continue;
    const person = ms.find((m) => m.person && m.start >= v.end && m.start - v.end <= 80 && !/[,;]/.test(a.article.text.slice(v.end, m.start)));
    if (person?.person) return { name: person.person.name, party: person.party, person: person.person };
  }
  return null;
}

/** The outlook of an article; `models` replace the shipped statement detectors (a training script's refitted ones). */
export function detectOutlook(a: AnalysedArticle, models: StatementModels = STATEMENT_MODELS): Outlook[] {
  return withLearnedSpeakers(a, withLearnedOutlook(a, outlookByRules(a, models.positions), models.outlook), OUTLOOK_SPEAKER_MODEL);
}

/** The sentence an item cites first, with the speaker named after the statement there (", said X"). */
function itemSentence(a: AnalysedArticle, o: Outlook): { s: Sentence; postposed: Speaker | null } | null {
  const ref = o.sources[0];
  const s = ref ? a.sentences.find((x) => x.start === ref.start) : undefined;
  return s ? { s, postposed: postposedSpeaker(a, s) } : null;
}

function candidatesIn(a: AnalysedArticle, o: Outlook, { s, postposed }: { s: Sentence; postposed: Speaker | null }): SpeakerCandidate[] {
  const at = s.text.indexOf(o.text);
  const span = at >= 0 ? { start: s.start + at, end: s.start + at + o.text.length } : { start: s.start, end: s.end };
  return speakerCandidates(a, s, span, o.who, postposed);
}

/** The candidate speakers of an item (learn/speaker-features.ts): its sentence, the span of its text there, the rules' answer. */
export function speakerCandidatesOf(a: AnalysedArticle, o: Outlook): SpeakerCandidate[] {
  const at = itemSentence(a, o);
  return at ? candidatesIn(a, o, at) : [];
}

/**
 * Each item's `who` as the learned speaker chooser picks it among the candidates (the rules' answer
 * when none reaches its threshold). A speaker named after the statement in its own sentence
 * (", said X", ", added X") is the report's own attribution and stands.
 */
export function withLearnedSpeakers(a: AnalysedArticle, items: readonly Outlook[], model: SpeakerModel | null): Outlook[] {
  if (!model) return [...items];
  return items.map((o) => {
    const at = itemSentence(a, o);
    if (o.who && at?.postposed?.name === o.who) return o;
    const who = chooseSpeaker(model, at ? candidatesIn(a, o, at) : [], o.who);
    return who === o.who ? o : { ...o, who };
  });
}

/**
 * Whether a sentence the rules did not cite may become a learned outlook item at all, whatever
 * the model scores it (scripts/train-statements.ts trains and chooses the threshold on these only).
 */
export function learnedOutlookEligible(a: AnalysedArticle, s: Sentence): boolean {
  // The rules' judgement stands where a cue matched and was set aside (a guess about the past, a forecast told before).
  if (anyCue(s.text)) return false;
  // What took place, with nothing ahead in it, is no outlook.
  if (PAST_MODAL.test(s.text) || (tenseOf(s.text) === 'past' && !AHEAD.test(s.text))) return false;
  if (textOf(a, s, s, false, s.start).split(/\s+/).length < 4) return false;
  // An aside that names no side, no person, no talks and no time says nothing of what comes next in them.
  return MEETING_RE.test(s.text) || mentionsIn(a, s).length > 0 || horizonOf(a, s) != null;
}

/**
 * The learned rule (learn/statement-model.ts) beside the cue rules: a rule item in a sentence the
 * model scores below its veto level is dropped; a sentence no rule cited, scored at or above the
 * threshold, gives one outlook item in the sentence's words, said by the sentence's speaker.
 */
export function withLearnedOutlook(a: AnalysedArticle, rules: readonly Outlook[], model: StatementModel): Outlook[] {
  const { kept, picked } = learnedSentences(a, rules, model);
  const out = [...kept];
  picked.forEach(({ sentence: s, p }) => {
    if (!learnedOutlookEligible(a, s)) return;
    const text = textOf(a, s, s, false, s.start);
    const horizon = horizonOf(a, s);
    out.push({
      id: `out:${a.article.id}:${s.start}:learned`,
      sources: [refOf(a, s)],
      confidence: Math.round(p * 60) / 100,
      conflicts: [],
      text,
      who: postposedSpeaker(a, s)?.name ?? speakerOf(a, s)?.name ?? null,
      horizon: horizon?.text ?? null,
      date: horizon?.date ?? null,
      rules: [model.name],
    });
  });
  return out.sort((x, y) => x.sources[0]!.start - y.sources[0]!.start);
}

/** The outlook items the cue rules find (the learned rule's training compares against these). */
export function outlookByRules(a: AnalysedArticle, positionsModel: StatementModel = POSITIONS_MODEL): Outlook[] {
  const positioned = new Set(detectPositions(a, positionsModel).flatMap((p) => p.sources.map((r) => r.start)));
  const out: Outlook[] = [];
  type Said = { paragraph: number; name: string; index: number };
  let prevSpeaker = null as Said | null;
  const WOULD = /\bwould\b/;
  const told = new Set<string>();
  a.sentences.forEach((s, i) => {
    if (s.heading) {
      prevSpeaker = null;
      return;
    }
    const cues = cuesOf(a, s);
    const usable = positioned.has(s.start) ? cues.filter((c) => c.strong) : cues;
    // The speaker matters here, or for a "would" sentence next that goes on reporting them (the costly part: look it up only then).
    const next = a.sentences[i + 1];
    const speaker = usable.length || (next && !next.heading && WOULD.test(next.text)) ? speakerOf(a, s) : null;
    const carried = prevSpeaker && prevSpeaker.index === s.index - 1 && prevSpeaker.paragraph >= s.paragraph - 1 ? prevSpeaker.name : null;
    if (speaker) prevSpeaker = { paragraph: s.paragraph, name: speaker.name, index: s.index };
    else if (prevSpeaker && /\bwould\b/.test(s.text) && carried) prevSpeaker = { paragraph: prevSpeaker.paragraph, name: prevSpeaker.name, index: s.index };
    if (!usable.length) return;
    // Reported speech goes on in the next sentence: "Future talks would focus on ..." after "X said".
    const sentenceWho = postposedSpeaker(a, s)?.name ?? speaker?.name ?? (carried && /\bwould\b/.test(s.text) ? carried : null) ?? subjectDescription(a, s)?.name ?? subjectsAt(a, s, usable[0].start).find((h) => h.person)?.person?.name ?? null;
    const horizon = horizonOf(a, s);
    // One item per clause that holds a cue ("Few expect X, and a spokesman played down Y"): each with its own source.
    const segs = segmentsOf(s).filter((g) => usable.some((c) => c.start >= g.start && c.start < g.end));
    const many = segs.length > 1;
    const groups = many ? segs : [{ start: s.start, end: s.end }];
    groups.forEach((g, k) => {
      const cs = usable.filter((c) => !many || (c.start >= g.start && c.start < g.end));
      if (!cs.length) return;
      // The same forecast told twice (a quote, then its paraphrase) is one item.
      if (cs.every((c) => told.has(c.key))) return;
      for (const c of cs) told.add(c.key);
      let who = sentenceWho;
      if (many && CONTINUED.test(a.article.text.slice(g.start, g.end))) {
        // ", and that ..." goes on with the same report, ", and are seen as ..." with the same subject.
        who = speakerAt(a, s, cs[0].start)?.name ?? sentenceWho;
      } else if (many) {
        const own = speakerAt(a, s, cs[0].start);
        const subj = subjectsAt(a, s, cs[0].start).find((h) => h.person);
        who = subj && subj.person && subj.person !== null && (!own || g.start > s.start) ? subj.person.name : (own?.name ?? (k === 0 ? sentenceWho : null));
      }
      const best = Math.max(...cs.map((c) => c.weight));
      out.push({
        id: `out:${a.article.id}:${s.start}${k ? `:${k}` : ''}`,
        sources: [refOf(a, s)],
        confidence: Math.round(best * 100) / 100,
        conflicts: [],
        text: textOf(a, s, g, many, cs[0].start),
        who,
        horizon: horizon?.text ?? null,
        date: horizon?.date ?? null,
        rules: [...new Set(cs.map((c) => c.name))],
      });
    });
  });
  return out;
}
