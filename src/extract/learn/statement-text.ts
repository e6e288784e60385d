import { ATTRIBUTION_FORMS } from '../lexicon/speech-verbs';
import { fastRegExp } from '../clauses';
import { withoutDateline } from '../../text/dateline';
import { allMatches } from '../../text/matches';

/**
 * The text of an item a learned statement detector adds: the sentence's own statement, not its
 * frame. A learned item has no cue to start from, so its text is the sentence with what is not
 * the statement taken off — the dateline, the attribution before a reported clause ("X told
 * reporters on Monday that …", "According to X, …") or after it (", X said in a statement"),
 * the quotation marks around quoted words and a short opening adverbial ("On Tuesday, ") — and,
 * when it is still long, ended at the last clause boundary that fits, never inside a word and
 * never on a word that needs more ("of", "the", "and").
 */

/** Verbs of saying, finite forms only (no gerunds: "with them declaring that" frames nothing). */
const SPEECH = `(?:${[...ATTRIBUTION_FORMS].sort((x, y) => y.length - x.length).join('|')})`;
/** “Quoted words,” X said …: the quotation is the statement. */
const QUOTE_FIRST = fastRegExp(String.raw`^[“"](.{20,}?)[,.!?]?[”"],?\s+(?:[^“”"]{0,80}?\s)?(?:${SPEECH})\b`, 'i');
/** …, X said (in a statement | on Monday | …): an attribution closing the sentence. */
const TRAILING = fastRegExp(String.raw`,[”"]?\s+(?:[^,;.“”"]{0,60}?\s)?(?:${SPEECH})\b(?!\s+that\b)[^,;.“”"]{0,40}$`, 'i');
/** ,” X said (in a televised address …): after a closing quotation the attribution may run longer. */
const TRAILING_AFTER_QUOTE = fastRegExp(String.raw`(?:,[”"]|[”"],)\s+(?:[^,;.“”"]{0,60}?\s)?(?:${SPEECH})\b(?!\s+that\b)[^,;“”"]{0,80}$`, 'i');
/** "X said on Monday that …", "X told reporters that …": the frame before a reported clause. */
const REPORTED_THAT = fastRegExp(String.raw`^[^“”";]{0,160}?\b(?:${SPEECH})\b[^“”";]{0,60}?\bthat\s+`, 'i');
/** "X said the talks …" (no "that"): a speech verb right before the reported clause's subject. */
const REPORTED_BARE = fastRegExp(String.raw`^[^“”";]{0,100}?\b(?:${SPEECH})\s+(?=(?:[Tt]he|an?|it|its|they|their|he|his|she|her|we|there|this|these|those|both|all|no|some|several|many|most|more|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|[\p{Lu}][\p{L}’'-]+|\d[\d,.]*)\s)`, '');
const SPEECH_AT = fastRegExp(String.raw`\b(?:${SPEECH})\b`, 'i');
/** "According to X, …". */
const ACCORDING = /^according to [^,;]{1,80},\s+/i;
/** A short adverbial opening the sentence: "On Tuesday, ", "At the same time, ", "However, ". */
const OPENER = /^(?:(?:in|on|at|by|after|before|during|since|earlier|later|meanwhile|however|separately|still|yet|now|last|this|over|for|from|following|amid|despite)\b[^,;“”"]{0,40},\s+)/i;
/** Where a long text may end: a clause boundary. */
const CUT = /,\s+(?=(?:with|which|who|while|whereas|as|after|before|including|meaning|saying|adding|and|but|although|though|amid|despite|in|on|at|for|from|during|following|where|when|because|so)\b)|\s+(?:—|–)\s+|;\s+|,\s+(?=[\p{Lu}])/gu;
/** Words a statement cannot end on. */
const OPEN_END = /(?:[\s,;:(“"-]+|\s+(?:in|on|at|of|to|for|with|by|from|into|and|or|but|nor|the|a|an|that|which|who|whose|as|than|its|their|his|her|our|is|are|was|were|be|been|will|would|could|should|must|not))+$/i;

const wordCount = (t: string): number => t.split(/\s+/).filter(Boolean).length;

/**
 * The statement of a sentence, at most `max` characters (see the file's comment). `firstVerb` is
 * where the sentence's first verb starts (sentence offset): a frame "X said that …" is taken off
 * only when its verb of saying is the sentence's first verb, so "X welcomed A and stated that B" keeps A.
 */
export function statementText(sentence: string, firstVerb: number, max = 180): string {
  const dateline = sentence.length - withoutDateline(sentence).length;
  let t = sentence.slice(dateline);
  let verbAt = firstVerb - dateline;
  const quoted = QUOTE_FIRST.exec(t);
  if (quoted && wordCount(quoted[1]!) >= 4) {
    t = quoted[1]!;
    verbAt = -1;
  }
  t = t.replace(/[.!?]+["”’]*$/, '').replace(/[.!?]+$/, '');
  const tail = TRAILING_AFTER_QUOTE.exec(t) ?? TRAILING.exec(t);
  if (tail && wordCount(t.slice(0, tail.index)) >= 4) t = t.slice(0, tail.index);
  const frame = REPORTED_THAT.exec(t) ?? REPORTED_BARE.exec(t);
  // The frame's verb of saying is the sentence's first verb: nothing was stated before it.
  const said = frame ? SPEECH_AT.exec(frame[0]) : null;
  const lead = ACCORDING.exec(t) ?? (frame && said && (verbAt < 0 || said.index <= verbAt) ? frame : null);
  if (lead && wordCount(t.slice(lead[0].length)) >= 4) t = t.slice(lead[0].length);
  const opener = OPENER.exec(t);
  if (opener && wordCount(t.slice(opener[0].length)) >= 4) t = t.slice(opener[0].length);
  t = t.replace(/["“”]/g, '').replace(/\s+/g, ' ').trim();
  return clipStatement(t, max);
}

/** A text of at most `max` characters ending at the last clause boundary that fits, else at the last whole word. */
export function clipStatement(t: string, max: number): string {
  if (t.length <= max) return t.replace(OPEN_END, '');
  let cut = -1;
  for (const m of allMatches(CUT, t)) {
    const at = m.index ?? 0;
    if (at > max) break;
    if (at >= max / 3) cut = at;
  }
  if (cut < 0) cut = t.lastIndexOf(' ', max);
  const out = t.slice(0, cut > 0 ? cut : max).replace(OPEN_END, '');
  return out;
}
