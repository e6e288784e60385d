import type { Outlook } from '../model';
import { fastRegExp, speakerOf, speechVerbs, subjectDescription } from './clauses';
import { findTimes, parseIsoDate, tenseOf } from './dates';
import { MEETING_NOUNS, OUTLOOK_CUES } from './data/outlook-cues';
import { detectPositions } from './positions';
import { refOf, type AnalysedArticle, type Sentence } from './types';

/**
 * Outlook: what comes next — planned or expected meetings and talks, next steps, forecasts,
 * assessments of prospects, doubts. One item per sentence, found by the cues in
 * data/outlook-cues.ts or by a meeting dated after publication ("the Monday talks").
 * `who` is the speaker (a name, an unnamed source's description, or a party), or null for
 * the article's own voice; `horizon` is the time in the article's words, `date` its day.
 */

const CUES = OUTLOOK_CUES.map((c) => ({ ...c, re: fastRegExp(c.re, 'gi') }));
const ANY_CUE = fastRegExp(OUTLOOK_CUES.map((c) => `(?:${c.re})`).join('|'), 'i');
const MEETING_RE = new RegExp(MEETING_NOUNS, 'i');
const MAX_TEXT = 200;

interface Cue {
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
    return { start: s.start + t.start, strong: true, weight: 0.75 };
  }
  return null;
}

function cuesOf(a: AnalysedArticle, s: Sentence): Cue[] {
  const out: Cue[] = [];
  for (const c of ANY_CUE.test(s.text) ? CUES : []) {
    c.re.lastIndex = 0;
    for (const m of s.text.matchAll(c.re)) out.push({ start: s.start + (m.index ?? 0), strong: c.strong, weight: c.weight });
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
    const who = speaker?.name ?? (carried && /\bwould\b/.test(s.text) ? carried : null) ?? subjectDescription(a, s)?.name ?? null;
    const horizon = horizonOf(a, s);
    const best = Math.max(...usable.map((c) => c.weight));
    out.push({
      id: `out:${a.article.id}:${s.start}`,
      sources: [refOf(a, s)],
      confidence: Math.round(best * 100) / 100,
      conflicts: [],
      text: s.text.length > MAX_TEXT ? `${s.text.slice(0, MAX_TEXT - 1).trimEnd()}…` : s.text,
      who,
      horizon: horizon?.text ?? null,
      date: horizon?.date ?? null,
    });
  });
  return out;
}
