/**
 * Cue phrases for outlook: planned or expected meetings and talks, next steps, forecasts,
 * assessments of prospects and doubts. Regex sources, matched case-insensitively on whole
 * words. `strong` cues stand even in a sentence that also states a position; weak ones
 * ("might", "most likely") count only in a sentence that is not a position.
 */
export interface OutlookCue {
  readonly re: string;
  readonly strong: boolean;
  readonly weight: number;
}

/** Verbs of what talks and meetings do, after "will" or "would". */
const MEETING_VERBS =
  'focus|move|meet|hold|resume|continue meeting|continue talks|take place|begin|start|travel|visit|discuss|convene|return|address|involve|reconvene|gather|sit down|take up|turn to|cover|deal with|tackle|examine|consider';

export const OUTLOOK_CUES: readonly OutlookCue[] = [
  // expectations and schedules
  { re: String.raw`\b(?:is|are|was|were)\s+(?:also\s+|now\s+|widely\s+)?expected\s+to\b`, strong: true, weight: 0.9 },
  { re: String.raw`\b(?:is|are)\s+(?:due|set|scheduled|slated|poised|planning)\s+to\b|\bis to meet\b|\bare to meet\b`, strong: true, weight: 0.9 },
  { re: String.raw`\bexpects? (?:to|that)\b|\bwill likely\b|\blikely["”’]?\s+to\b|\bunlikely\s+to\b|\bprobably\b|\b(?:remains?|seems?|looks?|appears?) (?:unlikely|likely|improbable|possible|doubtful)\b`, strong: true, weight: 0.85 },
  { re: String.raw`\bwithin (?:days|weeks|months|a (?:week|month))\b|\bin the (?:coming|next) (?:days|weeks|months)\b|\bnext (?:week|month|round|year)\b|\blater this (?:week|month|year)\b`, strong: true, weight: 0.85 },
  { re: String.raw`\b(?:will be |would be |to be )?followed by\b`, strong: true, weight: 0.8 },
  { re: String.raw`\b(?:will|would|shall)\s+(?:then\s+|also\s+|mostly\s+|likely\s+|probably\s+|first\s+|now\s+)?(?:${MEETING_VERBS})\b`, strong: false, weight: 0.8 },
  { re: String.raw`\bwill hold\b|\bwill (?:last|collapse|fail|succeed|falter)\b`, strong: true, weight: 0.8 },
  { re: String.raw`\bcould be (?:a|an|the) (?:\w+\s+)?(?:step|breakthrough|turning point|first step)\b|\bcould (?:lead to|pave the way|open the way|take place|come as soon as)\b`, strong: true, weight: 0.8 },
  { re: String.raw`\bcould (?:spread|escalate|worsen|widen|drag on|unravel|spiral)\b|\b(?:threatens|risks) to (?:spread|escalate|derail|collapse)\b|\brisks? of (?:a |an )?(?:wider|full-scale|all-out|broader|regional|new|renewed|further) (?:war|conflict|escalation|fighting)\b`, strong: true, weight: 0.7 },
  // assessments of prospects and doubts
  { re: String.raw`\b(?:optimistic|pessimistic|hopeful|confident) (?:that|about)\b|\bwithin reach\b|\bpredict(?:ed|s)? that\b|\bcould take (?:days|weeks|months|years)\b`, strong: true, weight: 0.7 },
  { re: String.raw`\b(?:steep |major |serious |significant |formidable )?challenges? (?:ahead|of (?:negotiating|reaching|securing|achieving))\b`, strong: true, weight: 0.7 },
  { re: String.raw`\b(?:express(?:ed|es)?|voic(?:ed|es)|ha(?:ve|s) (?:their |his |her )?)\s*doubts?\b|\bdoubt(?:s|ed)? (?:that|whether)\b|\bskeptic(?:al|ism)\b|\bsceptic(?:al|ism)\b`, strong: true, weight: 0.75 },
  { re: String.raw`\b(?:do|does|did)(?: not|n[’']t) believe in\b|\b(?:do|does)(?: not|n[’']t) (?:believe|expect|think) (?:that )?(?:a |the )?(?:cease-?fire|truce|deal|agreement|peace|talks)\b`, strong: true, weight: 0.75 },
  { re: String.raw`\bfar from (?:each other|an agreement|a deal|peace|a settlement|over)\b|\bfar apart\b`, strong: true, weight: 0.75 },
  { re: String.raw`\b(?:has|have|had) been (?:shaky|wobbly|fragile|rocky|uncertain|slow)\b|\bremains? (?:unclear|uncertain|elusive|distant|remote|unresolved|open)\b|\bwould be (?:\w+ )?(?:harder|more difficult|difficult|tougher|easier|complicated)\b`, strong: true, weight: 0.7 },
  { re: String.raw`\b(?:gaps?|differences|divisions|disagreements)\b[^.;]{0,50}\bremain(?:s|ed)? (?:wide|significant|large|deep|substantial)\b`, strong: true, weight: 0.7 },
  { re: String.raw`\bprospects? (?:of|for)\b|\bchances? (?:of|for) (?:a |an )?(?:deal|agreement|peace|cease-?fire|truce|breakthrough|success)\b`, strong: true, weight: 0.7 },
  { re: String.raw`\bcontinue (?:the war|fighting)\b`, strong: true, weight: 0.65 },
  // assessments in reported speech and quotes: "said a joint statement was unlikely", "I would be surprised to see"
  { re: String.raw`\bunlikely\b|\bwould be surprised\b|\b(?:will|would) (?:remain|stay on|drag on)\b|\bpredict(?:s|ed|ing)?\b`, strong: true, weight: 0.75 },
  { re: String.raw`\bexpect(?:s|ed)?\b(?=[^.;]{1,60}?\bto (?:hold|last|collapse|resume|continue|fail|succeed|meet|convene|sign|take|stay|end)\b)`, strong: true, weight: 0.75 },
  { re: String.raw`\bcautioned that\b|\b(?:less|more|not) (?:sanguine|optimistic|hopeful|confident)\b|\brais(?:ed|es|ing) (?:fresh |new |serious )?(?:doubts|questions) (?:over|about|on|as to|whether)\b`, strong: true, weight: 0.7 },
  { re: String.raw`\bhow (?:fragile|precarious|tenuous|uncertain)\b|\b(?:is|was|are|were|remains?|remained) (?:still )?(?:fragile|precarious|provisional|tenuous)\b`, strong: true, weight: 0.7 },
  { re: String.raw`\bfear(?:s|ed)?\b(?=[^.;]{1,60}?\b(?:would|will|could|might)\b)`, strong: true, weight: 0.65 },
  { re: String.raw`\b(?:hopes?|plans?|intends?|aims?) to (?:convene|meet|hold|resume|reconvene|present|sign|return|open)\b`, strong: true, weight: 0.8 },
  { re: String.raw`\b(?:analysts?|experts?|observers?)\b[^.;]{0,30}?\b(?:warned|cautioned|predicted|believe|argued)\b`, strong: true, weight: 0.65 },
  // weaker hedges
  { re: String.raw`\bmight\b|\bmay (?:hold|meet|resume|take place|find|come|lead|be ready)\b`, strong: false, weight: 0.6 },
  { re: String.raw`\bmost likely\b|\bis likely\b|\bare likely\b`, strong: false, weight: 0.55 },
];

/** Meeting words: a meeting named with a day after publication is a planned meeting. */
export const MEETING_NOUNS = String.raw`\b(?:talks|meeting|meetings|summit|negotiations|discussions|round|session|visit|call)\b`;
