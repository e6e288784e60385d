/**
 * "What comes next" for the bottom line: outlook items that say what will happen (a meeting, an
 * agreed or intended next step, a forecast), in the future of the reporting, as full sentences.
 * Items that only describe how things stand ("the talks have been slow", "prospects remain
 * uncertain") are status, not next steps, and are never picked.
 *
 * The kind is read from the item's text (named rows below), not from the extractor's rule
 * names, so the choice holds whatever rule found the item.
 */
import type { Article, Outlook } from '../model';
import { theParty } from './party-names';
import { printText, withoutDateline } from './print-text';

export { withoutDateline };

/** What an outlook item says about the future, in the order the bottom line prefers them. */
export const NEXT_KINDS = ['meeting', 'next step', 'forecast'] as const;
export type NextKind = (typeof NEXT_KINDS)[number];

interface KindRow {
  readonly name: NextKind;
  /** The text says this kind of thing will happen. */
  readonly re: RegExp;
}

/** Words that make a clause point ahead on their own (modal will, scheduled, expected, next). */
const FUTURE = String.raw`\b(?:will|shall|won[’']t|(?:is|are|was|were)\s+(?:due|set|scheduled|slated|poised|expected|likely|unlikely)\b|(?:is|are)\s+to\s+\p{L}+|(?:could|may|might)\s+(?!have\b)(?:not\s+|soon\s+)?\p{L}+|expects?\s+(?:to|that)|next|upcoming|forthcoming|later\s+this|in\s+the\s+coming|within\s+(?:days|weeks|months))\b|[’']ll\b`;
/** Modals and intentions that point ahead only when a meeting verb follows closely ("would meet", "plans to resume"). */
const WEAK_FUTURE = String.raw`\b(?:would|could|may|might|plans?\s+to|planned\s+to|intends?\s+to|intended\s+to|agreed\s+to|hopes?\s+to|hoped\s+to)\b`;
const MEETING_WORDS = String.raw`(?:meet|meeting|talks|round|summit|session|negotiations?|convene|reconvene|resume|visit|conference|consultations)`;
const MEETING_VERBS = String.raw`(?:meet|convene|reconvene|resume|visit|travel|return|gather|sit\s+down|hold\s+(?:talks|a\s+meeting|a\s+round))`;
const STEP_WORDS = String.raw`(?:set\s+up|establish|create|sign|draft|report|exchange|release|withdraw|open|reopen|send|present|submit|hand\s+over|work\s+out|prepare|implement|review)`;

/** Named rows: the first that matches gives the kind. */
export const NEXT_KIND_ROWS: readonly KindRow[] = [
  {
    name: 'meeting',
    re: new RegExp(
      [
        // "will meet", "are expected to resume talks", "is due to travel … for the next round"
        String.raw`(?:${FUTURE})[^.;]{0,80}?\b${MEETING_WORDS}\b`,
        // "would meet again", "plans to resume", "agreed to reconvene"
        String.raw`${WEAK_FUTURE}\s+(?:\p{L}+\s+){0,2}?${MEETING_VERBS}\b`,
        // "the next round", "upcoming talks"
        String.raw`\b(?:next|upcoming|forthcoming|further|follow-up|new)\s+(?:round|meeting|talks|session|summit)\b`,
        // "talks are scheduled for", "the second round scheduled for 13 May"
        String.raw`\b${MEETING_WORDS}\b[^.;]{0,60}?\b(?:(?:is|are)\s+(?:due|set|scheduled|slated|expected|planned)|(?:scheduled|planned|set|slated)\s+(?:for|to|on))\b`,
      ].join('|'),
      'iu',
    ),
  },
  { name: 'next step', re: new RegExp(String.raw`\b(?:agreed|plans?|planned|intends?|intended|decided)\s+(?:to|on)\b|\b(?:will|shall|would|is\s+to|are\s+to)\s+(?:then\s+|also\s+|now\s+)?${STEP_WORDS}\b`, 'iu') },
  { name: 'forecast', re: new RegExp(FUTURE, 'iu') },
];

/** Kind of an outlook item, or null when it only describes how things stand. */
export function nextKind(text: string): NextKind | null {
  for (const row of NEXT_KIND_ROWS) if (row.re.test(text)) return row.name;
  return null;
}

/** A text that ends on a word that cannot end a sentence was cut ("… the summit in."). */
const CUT_END = /\b(?:in|on|at|of|to|for|with|by|from|into|and|or|but|the|a|an|that|which|who|as|than|its|their|his|her)[.,;:]?$/i;

/** Opening of a clause whose subject is the speaker ("will meet", "expects to"): the speaker makes it a sentence. */
const PREDICATE_START = /^(?:will|would|shall|could|may|might|is|are|was|were|plans?|planned|intends?|intended|expects?|expected|hopes?|hoped|agreed|aims?|wants?)\b/i;

/** Whether `text` names the speaker `who` (a word of four letters or more of the name). */
export const mentions = (text: string, who: string): boolean =>
  who
    .split(/\s+/)
    .filter((w) => w.length >= 4 && /^\p{L}/u.test(w))
    .some((w) => text.toLowerCase().includes(w.toLowerCase()));

const sentenceEnd = (s: string): string => (/[.!?…»”"’]$/.test(s) ? s : `${s}.`);

/**
 * The item as one full sentence, or null when it cannot be one: a text that is a whole clause
 * is kept (with "according to WHO" when it does not name its speaker), a predicate gets the
 * speaker as its subject, a lower-case clause is reported ("WHO said …"); a noun phrase, a
 * pronoun opening or a cut text is not a sentence.
 */
export function nextSentence(o: Pick<Outlook, 'text' | 'who'>, max = 240): string | null {
  const text = printText(o.text.replace(/\s+/g, ' ').trim()).replace(/[\s,;:—–-]+$/, '');
  const who = o.who?.trim() || null;
  if (text.length > max || /…$|\.\.\.$/.test(text) || text.split(' ').length < 4 || CUT_END.test(text)) return null;
  if (/^(?:he|she|they|it|this|that|these|those|we|i)\b/i.test(text)) return null;
  const quoted = /^[“"«]/.test(text);
  if (quoted) return who && mentions(text, who) && /[”"»][^”"»]*\p{L}/u.test(text) ? sentenceEnd(text) : null;
  if (/^\p{Lu}/u.test(text)) {
    const body = text.replace(/[.!?]+$/, '');
    return who && !mentions(text, who) ? `${body}, according to ${theParty(who)}.` : sentenceEnd(text);
  }
  if (!who) return null;
  const subject = theParty(who);
  const Who = subject[0].toUpperCase() + subject.slice(1);
  if (PREDICATE_START.test(text)) return sentenceEnd(`${Who} ${text}`);
  return sentenceEnd(`${Who} said ${text}`);
}

/** The latest publication date of the articles an item cites: its "now". */
function reportedOn(o: Outlook, articles: ReadonlyMap<string, Article>): string | null {
  const dates = o.sources.map((s) => articles.get(s.article)?.published ?? null).filter((d): d is string => !!d);
  return dates.length ? dates.sort()[dates.length - 1]! : null;
}

export interface NextStep {
  readonly item: Outlook;
  readonly kind: NextKind;
  readonly text: string;
}

/**
 * The outlook items that say what comes next, best first: meetings, then next steps, then
 * forecasts; dated ones first (nearest ahead), then those with a speaker, then the shorter.
 * An item dated before the article that reports it is past, not next.
 */
export function nextSteps(outlook: readonly Outlook[], articles: readonly Article[]): NextStep[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const out: NextStep[] = [];
  for (const item of outlook) {
    const now = reportedOn(item, byId);
    if (item.date && now && item.date < now) continue;
    const kind = nextKind(printText(item.text));
    if (!kind) continue;
    const text = nextSentence(item);
    if (text) out.push({ item, kind, text });
  }
  const rank = (k: NextKind) => NEXT_KINDS.indexOf(k);
  return out.sort(
    (a, b) =>
      rank(a.kind) - rank(b.kind) ||
      Number(b.item.date !== null) - Number(a.item.date !== null) ||
      (a.item.date ?? '').localeCompare(b.item.date ?? '') ||
      Number(/^[“"«]/.test(a.text)) - Number(/^[“"«]/.test(b.text)) ||
      Number(b.item.who !== null) - Number(a.item.who !== null) ||
      a.text.length - b.text.length,
  );
}
