import type { Outlook } from '../model';
import { fastRegExp, inSpans, quotations, speakerAt, speakerOf, speechVerbs, subjectDescription, subjectsAt } from './clauses';
import { findTimes, parseIsoDate, tenseOf } from './dates';
import { MEETING_NOUNS, OUTLOOK_CUES } from './lexicon/outlook-frames';
import { detectPositions } from './positions';
import { refOf, type AnalysedArticle, type Sentence } from './types';

/**
 * Outlook: what comes next — planned or expected meetings and talks, next steps, forecasts,
 * assessments of prospects, doubts. One item per sentence, found by the cues in
 * the frames of lexicon/outlook-frames.ts or by a meeting dated after publication ("the Monday talks").
 * `who` is the speaker (a name, an unnamed source's description, or a party), or null for
 * the article's own voice; `horizon` is the time in the article's words, `date` its day.
 */

const CUES = OUTLOOK_CUES.map((c) => ({ ...c, re: fastRegExp(c.re, 'gi') }));
const ANY_CUE = fastRegExp(OUTLOOK_CUES.map((c) => `(?:${c.re})`).join('|'), 'i');
const MEETING_RE = new RegExp(MEETING_NOUNS, 'i');
const MAX_TEXT = 260;

interface Cue {
  readonly name: string;
  readonly start: number;
  readonly strong: boolean;
  readonly weight: number;
}

/** A meeting named with a day after the publication date: "talks on Monday", "the Monday talks". */
function plannedMeeting(a: AnalysedArticle, s: Sentence): Cue | null {
  if (!MEETING_RE.test(s.text) || tenseOf(s.text) === 'past') return null;
  const published = parseIsoDate(a.article.published) ? (a.article.published ?? '') : null;
  for (const t of findTimes(s.text, a.article.published, 'future')) {
    // With a publication date the day must lie ahead; without one, a named day in a sentence not in the past will do.
    if (published != null ? !t.date || t.date <= published : !/\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|tomorrow|next)\b/i.test(t.text)) continue;
    const near = s.text.slice(Math.max(0, t.start - 40), t.end + 40);
    if (!MEETING_RE.test(near)) continue;
    // "said on Monday": the time of the statement, not of the meeting.
    if (/\b(?:said|told|added|wrote|announced|says)\s+(?:on\s+)?$/i.test(s.text.slice(Math.max(0, t.start - 14), t.start))) continue;
    return { name: 'planned-meeting-date', start: s.start + t.start, strong: true, weight: 0.75 };
  }
  return null;
}

function cuesOf(a: AnalysedArticle, s: Sentence): Cue[] {
  const out: Cue[] = [];
  for (const c of ANY_CUE.test(s.text) ? CUES : []) {
    c.re.lastIndex = 0;
    for (const m of s.text.matchAll(c.re)) out.push({ name: c.name, start: s.start + (m.index ?? 0), strong: c.strong, weight: c.weight });
  }
  const meeting = plannedMeeting(a, s);
  if (meeting) out.push(meeting);
  return out.sort((x, y) => x.start - y.start);
}

/** The horizon: a time expression that is not the time of a statement ("said on Wednesday"). */
function horizonOf(a: AnalysedArticle, s: Sentence): { text: string; date: string | null } | null {
  const verbs = speechVerbs(a, s);
  for (const t of findTimes(s.text, a.article.published, 'future')) {
    const at = s.start + t.start;
    if (verbs.some((v) => at >= v.end && at - v.end <= 4)) continue;
    if (/^(?:this past|last|past|earlier)\b/i.test(t.text)) continue;
    // A horizon lies ahead: a day on or before publication is when something was said or done.
    if (t.date && a.article.published && (t.date < a.article.published || (t.date === a.article.published && tenseOf(s.text) !== 'future'))) continue;
    return { text: t.text, date: t.date };
  }
  return null;
}

/** Clause boundaries between independent statements: "; ", ": ", " — ", ", and ", ", but ", ", while ". */
const SEGMENT_BOUNDARY = /;\s|:\s|\s[—–]\s|,\s+(?:and|but|while|whereas)\s+(?=[A-Z]|(?:the|a|an|he|she|they|it|few|many|some|most)\b)/g;

/** The independent clauses of a sentence, outside quotations (article offsets). */
function segmentsOf(s: Sentence): Array<{ start: number; end: number }> {
  const q = quotations(s);
  const cuts = [s.start];
  for (const m of s.text.matchAll(SEGMENT_BOUNDARY)) {
    const at = s.start + (m.index ?? 0);
    if (!inSpans(q, at)) cuts.push(at + m[0].length);
  }
  cuts.push(s.end);
  const out: Array<{ start: number; end: number }> = [];
  for (let k = 0; k + 1 < cuts.length; k++) if (cuts[k + 1] > cuts[k]) out.push({ start: cuts[k], end: cuts[k + 1] });
  return out;
}

/**
 * An item's text: the sentence when it holds one statement and reads in full; else the clause
 * that holds the cue, from its start to its end, never cut inside a word and never with "…".
 */
function textOf(a: AnalysedArticle, s: Sentence, g: { start: number; end: number }, clause: boolean): string {
  let t = clause ? a.article.text.slice(g.start, g.end) : s.text;
  t = t.replace(/^(?:and|but|while|whereas)\s+/i, '').replace(/[\s,;:—–]+$/, '').trim();
  if (t.length <= MAX_TEXT) return t;
  // A long sentence: cut at the last clause boundary (comma, semicolon, dash) before the limit.
  const head = t.slice(0, MAX_TEXT);
  const cut = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '), head.lastIndexOf(' — '));
  const words = cut > 60 ? head.slice(0, cut) : head.slice(0, head.lastIndexOf(' '));
  return words.replace(/[\s,;:—–]+$/, '').trim();
}

export function detectOutlook(a: AnalysedArticle): Outlook[] {
  const positioned = new Set(detectPositions(a).flatMap((p) => p.sources.map((r) => r.start)));
  const out: Outlook[] = [];
  type Said = { paragraph: number; name: string; index: number };
  let prevSpeaker = null as Said | null;
  const WOULD = /\bwould\b/;
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
    const sentenceWho = speaker?.name ?? (carried && /\bwould\b/.test(s.text) ? carried : null) ?? subjectDescription(a, s)?.name ?? subjectsAt(a, s, usable[0].start).find((h) => h.person)?.person?.name ?? null;
    const horizon = horizonOf(a, s);
    // One item per clause that holds a cue ("Few expect X, and a spokesman played down Y"): each with its own source.
    const segs = segmentsOf(s).filter((g) => usable.some((c) => c.start >= g.start && c.start < g.end));
    const many = segs.length > 1;
    const groups = many ? segs : [{ start: s.start, end: s.end }];
    groups.forEach((g, k) => {
      const cs = usable.filter((c) => !many || (c.start >= g.start && c.start < g.end));
      if (!cs.length) return;
      let who = sentenceWho;
      if (many) {
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
        text: textOf(a, s, g, many),
        who,
        horizon: horizon?.text ?? null,
        date: horizon?.date ?? null,
        rules: [...new Set(cs.map((c) => c.name))],
      });
    });
  });
  return out;
}
