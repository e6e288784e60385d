/**
 * Verbs of saying: the closed class that attributes words to a speaker ("X said", "said X",
 * "X told reporters", "according to X"). One line per verb, its forms separated by spaces
 * (base, 3rd person, past, participle/gerund). Every stage that asks "who said this?"
 * reads this list; keep it the only copy.
 *
 * - `SPEECH_VERBS`: plain reporting verbs (say, tell, add, warn, ...).
 * - `SPEECH_VERB_FORMS`: every form, lower case, for token lookups.
 * - `SPEECH_VERB_SOURCE`: a regex alternation of every form (longest first), for text scans.
 * - `isSpeechVerb(word)`: case-insensitive membership of one token.
 */

const LINES = `
say says said saying
tell tells told telling
add adds added adding
write writes wrote written writing
state states stated stating
announce announces announced announcing
claim claims claimed claiming
argue argues argued arguing
warn warns warned warning
note notes noted noting
confirm confirms confirmed confirming
explain explains explained explaining
declare declares declared declaring
post posts posted posting
tweet tweets tweeted tweeting
acknowledge acknowledges acknowledged acknowledging
concede concedes conceded conceding
assert asserts asserted asserting
maintain maintains maintained maintaining
predict predicts predicted predicting
caution cautions cautioned cautioning
insist insists insisted insisting
stress stresses stressed stressing
reiterate reiterates reiterated reiterating
recall recalls recalled recalling
reply replies replied replying
respond responds responded responding
report reports reported reporting
remark remarks remarked remarking
comment comments commented commenting
observe observes observed observing
emphasise emphasises emphasised emphasising
emphasize emphasizes emphasized emphasizing
underline underlines underlined underlining
indicate indicates indicated indicating
suggest suggests suggested suggesting
admit admits admitted admitting
allege alleges alleged alleging
contend contends contended contending
complain complains complained complaining
reveal reveals revealed revealing
disclose discloses disclosed disclosing
deny denies denied denying
assure assures assured assuring
inform informs informed informing
signal signals signalled signaled signalling signaling
`;

/** Each verb's forms; the first is the base form. */
export const SPEECH_VERBS: readonly (readonly string[])[] = LINES.trim()
  .split('\n')
  .map((l) => l.trim().split(/\s+/));

/** Every form of every speech verb, lower case. */
export const SPEECH_VERB_FORMS: ReadonlySet<string> = new Set(SPEECH_VERBS.flat());

/** The past-tense and present forms used in attributions ("said", "says", "told"), no gerunds. */
export const ATTRIBUTION_FORMS: ReadonlySet<string> = new Set(SPEECH_VERBS.flatMap((f) => f.filter((w) => !w.endsWith('ing'))));

/** A regex alternation of every form, longest first (no groups, no anchors). */
export const SPEECH_VERB_SOURCE: string = [...SPEECH_VERB_FORMS].sort((x, y) => y.length - x.length).join('|');

/** True when one token is a form of a speech verb ("Said" too). */
export const isSpeechVerb = (word: string): boolean => SPEECH_VERB_FORMS.has(word.toLowerCase());
