/**
 * Cue phrases for outlook: planned or expected meetings and talks, next steps, forecasts,
 * assessments of prospects and doubts. Regex sources, matched case-insensitively on whole
 * words. `strong` cues stand even in a sentence that also states a position; weak ones
 * ("might", "most likely") count only in a sentence that is not a position.
 * An alternative that opens with a lookbehind first looks ahead for its own opening words
 * ("(?=under)(?<=…)\bunder"): the same matches, but the lookbehind then runs only where those
 * words stand, not at every position of every sentence (outlook.ts tests all cues at once).
 */
import { words } from './inflect';

export interface OutlookCue {
  /** Rule name recorded in the item's `rules`. */
  readonly name: string;
  readonly re: string;
  readonly strong: boolean;
  readonly weight: number;
  /** Matched with case ("be in Geneva": a capital starts a place name). */
  readonly caseSensitive?: boolean;
  /** A reduced mention of an event ("a new round of talks"): no outlook when its own clause says the event took place ("got under way", "were held"). */
  readonly reduced?: boolean;
  /** Told without tense ("followed by talks on Monday"): an outlook only when the sentence names a time that lies ahead. */
  readonly ahead?: boolean;
}

/** Verbs of what talks and meetings do, after "will" or "would". */
const MEETING_VERBS =
  'focus|move|meet|hold|resume|continue meeting|continue talks|take place|begin|start|travel|visit|discuss|convene|return|address|involve|reconvene|gather|sit down|take up|turn to|cover|deal with|tackle|examine|consider';

/** Meeting and talks nouns a scheduling adjective can qualify. */
const EVENT = 'rounds?|summits?|talks|meetings?|sessions?|negotiations|visits?|conferences?|consultations|discussions|signing|vote|elections?|deadline';

const BASE_CUES: readonly OutlookCue[] = [
  // expectations and schedules
  { name: 'expected-to', re: String.raw`\b(?:is|are|was|were)\s+(?:also\s+|now\s+|widely\s+)?expected\s+to\b`, strong: true, weight: 0.9 },
  { name: 'scheduled-aux', re: String.raw`\b(?:is|are)\s+(?:due|set|scheduled|slated|poised|planning)\s+to\b|\bis to meet\b|\bare to meet\b`, strong: true, weight: 0.9 },
  { name: 'likely', re: String.raw`\bexpects? (?:to|that)\b|\bwill likely\b|\blikely["”’]?\s+to\b|\bunlikely\s+to\b|\bprobably\b|\b(?:remains?|seems?|looks?|appears?) (?:unlikely|likely|improbable|possible|doubtful)\b`, strong: true, weight: 0.85 },
  { name: 'time-ahead', re: String.raw`\bwithin (?:days|weeks|months|a (?:week|month))\b|\bin the (?:coming|next) (?:days|weeks|months)\b|\bnext (?:week|month|round|year)\b|\blater this (?:week|month|year)\b`, strong: true, weight: 0.85 },
  // only a sequence still ahead ("is to be followed by talks"; "followed by talks on Monday" with Monday ahead): "a blast followed by gunfire" tells what happened
  { name: 'followed-by', re: String.raw`(?=followed)(?<=\b(?:will|would|shall|to|could|may|might|should)\s+(?:then\s+|also\s+|soon\s+|later\s+)?be\s+)\bfollowed\s+by\b`, strong: true, weight: 0.8 },
  { name: 'followed-by', re: String.raw`\bfollowed\s+by\s+(?:[\p{L}’'-]+\s+){0,3}?(?:${EVENT})\b`, strong: true, weight: 0.8, ahead: true },
  { name: 'meeting-modal', re: String.raw`\b(?:will|would|shall)\s+(?:then\s+|also\s+|mostly\s+|likely\s+|probably\s+|first\s+|now\s+)?(?:${MEETING_VERBS})\b`, strong: false, weight: 0.8 },
  { name: 'will-hold', re: String.raw`\bwill hold\b|\bwill (?:last|collapse|fail|succeed|falter)\b`, strong: true, weight: 0.8 },
  { name: 'could-step', re: String.raw`\bcould be (?:a|an|the) (?:\w+\s+)?(?:step|breakthrough|turning point|first step)\b|\bcould (?:lead to|pave the way|open the way|take place|come as soon as)\b`, strong: true, weight: 0.8 },
  { name: 'could-escalate', re: String.raw`\bcould (?:spread|escalate|worsen|widen|drag on|unravel|spiral)\b|\b(?:threatens|risks) to (?:spread|escalate|derail|collapse)\b|\brisks? of (?:a |an )?(?:wider|full-scale|all-out|broader|regional|new|renewed|further) (?:war|conflict|escalation|fighting)\b`, strong: true, weight: 0.7 },
  // assessments of prospects and doubts
  { name: 'optimism', re: String.raw`\b(?:optimistic|pessimistic|hopeful|confident) (?:that|about)\b|\bwithin reach\b|\bpredict(?:ed|s)? that\b|\bcould take (?:days|weeks|months|years)\b`, strong: true, weight: 0.7 },
  { name: 'challenges-ahead', re: String.raw`\b(?:steep |major |serious |significant |formidable )?challenges? (?:ahead|of (?:negotiating|reaching|securing|achieving))\b`, strong: true, weight: 0.7 },
  { name: 'doubt', re: String.raw`\b(?:express(?:ed|es)?|voic(?:ed|es)|ha(?:ve|s) (?:their |his |her )?)\s*doubts?\b|\bdoubt(?:s|ed)? (?:that|whether)\b|\bskeptic(?:al|ism)\b|\bsceptic(?:al|ism)\b`, strong: true, weight: 0.75 },
  { name: 'disbelief', re: String.raw`\b(?:do|does|did)(?: not|n[’']t) believe in\b|\b(?:do|does)(?: not|n[’']t) (?:believe|expect|think) (?:that )?(?:a |the )?(?:cease-?fire|truce|deal|agreement|peace|talks)\b`, strong: true, weight: 0.75 },
  { name: 'far-apart', re: String.raw`\bfar from (?:each other|an agreement|a deal|peace|a settlement|over)\b|\bfar apart\b`, strong: true, weight: 0.75 },
  { name: 'shaky', re: String.raw`\b(?:has|have|had) been (?:shaky|wobbly|fragile|rocky|uncertain|slow)\b|\bremains? (?:unclear|uncertain|elusive|distant|remote|unresolved|open|unwilling|reluctant|unable|deadlocked|at odds|stalled)\b|\bremained (?:unclear|uncertain) (?:whether|if|when|how|what|who)\b|\bwould be (?:\w+ )?(?:harder|more difficult|difficult|tougher|easier|complicated)\b`, strong: true, weight: 0.7 },
  { name: 'gaps-remain', re: String.raw`\b(?:gaps?|differences|divisions|disagreements)\b[^.;]{0,50}\bremain(?:s|ed)? (?:wide|significant|large|deep|substantial)\b`, strong: true, weight: 0.7 },
  { name: 'prospects-of', re: String.raw`\bprospects? (?:of|for)\b|\bchances? (?:of|for) (?:a |an )?(?:deal|agreement|peace|cease-?fire|truce|breakthrough|success)\b`, strong: true, weight: 0.7 },
  { name: 'continue-war', re: String.raw`\bcontinue (?:the war|fighting)\b`, strong: true, weight: 0.65 },
  // assessments in reported speech and quotes: "said a joint statement was unlikely", "I would be surprised to see"
  { name: 'unlikely', re: String.raw`\bunlikely\b|\bwould be surprised\b|\b(?:will|would) (?:remain|stay on|drag on)\b|(?=predict)(?<!\b(?:can[’']t|cannot|can not|couldn[’']t|could not|impossible to|hard to|difficult to|no way to)\s)\bpredict(?:s|ed|ing)?\b`, strong: true, weight: 0.75 },
  { name: 'expect-to', re: String.raw`\bexpect(?:s|ed)?\b(?=[^.;]{1,60}?\bto (?:hold|last|collapse|resume|continue|fail|succeed|meet|convene|sign|take|stay|end)\b)`, strong: true, weight: 0.75 },
  { name: 'caution', re: String.raw`\bcautioned that\b|\b(?:less|more|not) (?:sanguine|optimistic|hopeful|confident)\b|\brais(?:ed|es|ing) (?:fresh |new |serious )?(?:doubts|questions) (?:over|about|on|as to|whether)\b`, strong: true, weight: 0.7 },
  { name: 'fragile', re: String.raw`\bhow (?:fragile|precarious|tenuous|uncertain)\b|\b(?:is|was|are|were|remains?|remained) (?:still )?(?:fragile|precarious|provisional|tenuous)\b`, strong: true, weight: 0.7 },
  { name: 'fear', re: String.raw`\bfear(?:s|ed)?\b(?=[^.;]{1,60}?\b(?:would|will|could|might)\b)`, strong: true, weight: 0.65 },
  { name: 'intent-meeting', re: String.raw`\b(?:hopes?|plans?|intends?|aims?) to (?:convene|meet|hold|resume|reconvene|present|sign|return|open)\b`, strong: true, weight: 0.8 },
  { name: 'analysts-warn', re: String.raw`\b(?:analysts?|experts?|observers?)\b[^.;]{0,30}?\b(?:warned|cautioned|predicted|believe|argued)\b`, strong: true, weight: 0.65 },
  // weaker hedges
  { name: 'hedge-might', re: String.raw`\bmight\b|\bmay (?:hold|meet|resume|take place|find|come|lead|be ready)\b`, strong: false, weight: 0.6 },
  { name: 'hedge-likely', re: String.raw`\bmost likely\b|\bis likely\b|\bare likely\b`, strong: false, weight: 0.55 },
];

/** What talks produce or forecasts are about: a modal after one of these in its subject is a forecast. */
export const TOPIC_NOUNS = [
  'talks', 'negotiations', 'truce', 'ceasefire', 'cease-fire', 'deal', 'agreement', 'accord', 'round', 'summit', 'meeting', 'process',
  'consultations', 'discussions', 'delegations', 'sides', 'parties', 'toll', 'death toll', 'victims', 'casualties', 'details', 'draft',
  'treaty', 'settlement', 'peace', 'mediators', 'mediation', 'memorandum', 'pause', 'exchange', 'swap', 'release', 'withdrawal',
];
const TOPIC = words(TOPIC_NOUNS);
/** Verbs that next steps are made of ("agreed to set up", "intend to keep working"). */
const STEP = 'set up|establish|create|form|hold|meet|resume|continue|hand over|exchange|launch|open|return|release|extend|reconvene|work|keep|draw up|prepare|hold talks|sign|start|begin|convene|swap|allow|facilitate|pursue|study|consider|implement|finali[sz]e|draft|develop|visit|discuss|travel|host|send|appoint';
/** What a side threatens to do back after a strike. */
const RETALIATE = 'retaliate|respond|avenge|punish|hit back|strike back|take revenge|exact revenge|answer';

/** Verbs of taking part in talks, after "will": "will lead a delegation", "won't take part". */
const PARTICIPATE = String.raw`(?:lead|head)\s+(?:[\p{L}’'-]+\s+){1,4}?(?:to|at|for|in)\s|send|attend|join|take part|participate|represent|travel|fly|arrive`;
/** Next steps in the passive, after "will be" / "would be". */
const PASSIVE_STEP = 'discussed|considered|presented|held|signed|put in place|made public|taken up|addressed|examined|reviewed|submitted|finali[sz]ed|announced|resumed|continued|implemented|set up|established|formed|convened|reconvened|launched|drafted|debated|negotiated|ratified|tabled|published|monitored|verified|deployed';
/** Words that judge how talks went. */
const EVALUATION = 'constructive|productive|positive|useful|fruitful|serious|frank|candid|difficult|tough|good|successful|encouraging|promising|substantive|businesslike|cordial|tense|detailed|in-depth|explicit|meaningful|honest|friendly|warm';

const FRAME_CUES: readonly OutlookCue[] = [
  // hope and optimism: "voiced hope for", "expressed optimism about", "hoped the talks would"
  { name: 'hope', re: String.raw`\b(?:voic|express|rais|shar|signal|reiterat)(?:ed|es|ing|e)?\s+(?:\w+\s+)?(?:hopes?|optimism|confidence)\b|\bhop(?:e|es|ed|ing)\b(?=\s+(?:that|for|the|it|they|this|a|an|we|to (?:convene|meet|hold|resume|reach|sign|achieve|conclude|see|finish|agree|return)))|\bhop(?:e|es|ed|ing)\s+(?:[\p{L}’'-]+\s+){1,5}?(?:would|will|could|can|may|might)\b|\b(?:optimistic|hopeful|upbeat|positive) (?:about|on|that|the)\b`, strong: true, weight: 0.75 },
  // agreed or intended next steps (not a purpose, "is intended to deter", an earlier plan, "had planned to", nor a plan
  // as a thing someone has or made, "approved a plan to", "the army's plan to", "no plans to")
  { name: 'next-step-agreed', re: String.raw`\bagreed (?:to|on|upon)\s+(?:${STEP})\b|\bagreed (?:on|upon) (?:a|the) (?:next|new|further|second|timetable|schedule|date)\b`, strong: true, weight: 0.75 },
  { name: 'next-step-intent', re: String.raw`(?=intend|plan)(?<!\b(?:is|are|was|were|been|be|had|a|an|its|their|his|her|no|any)\s|[’']s\s)\b(?:intends?|intended|intending|plans?|planned|planning)\s+to\s+[a-z]+\b|\b(?:keep|continue|carry on) (?:working|talking|negotiating|meeting|the talks|talks|negotiations|contacts|consultations|discussions|dialogue)\b`, strong: true, weight: 0.75 },
  // scheduled events in reduced form: "due to start after", "pencilled in for", "the forthcoming summit"
  { name: 'scheduled', re: String.raw`\b(?:due|set|scheduled|slated|expected|poised|planned) to (?:start|begin|open|resume|take place|be held|meet|convene|continue|end|conclude|visit|travel|arrive|sign|hold|reconvene|run|expire|close)\b|\b(?:scheduled|penciled in|pencilled in|slated|planned|set|earmarked|fixed|tentatively set|rescheduled|postponed|delayed|pushed back) (?:for|until|to|by)\b(?=\s+(?:next|later|early|the|a|\d|[A-Z]))|\bno later than\b`, strong: true, weight: 0.8 },
  // an event ahead named in passing: "the upcoming summit", "a new round of talks" (not when the clause says it took place)
  { name: 'event-ahead', re: String.raw`\b(?:upcoming|forthcoming|planned|proposed|next|future|coming|scheduled|anticipated|expected|follow-up|new|further) (?:round of |${EVENT})\b`, strong: true, weight: 0.75, reduced: true },
  // assessments of prospects
  { name: 'prospects', re: String.raw`\bexpectations? (?:were|are|is|was|remain(?:ed)?|have been) (?:low|high|modest|muted|subdued|limited)\b|\b(?:little|no|slim|small|scant|real|good|a|the|last|best|only|fair) (?:chance|hope|prospect|likelihood|opportunity)s? (?:of|for|that|to)\b|\b(?:few|many|some|most|no one|nobody|none|not many)\b[^.;]{0,30}?\bexpect(?:s|ed)?\b|\bplay(?:ed|s|ing)? down (?:talk|hopes|expectations|prospects|the chances|the prospect|speculation|reports)\b|\b(?:closer|nearer) (?:than (?:ever|it has ever|at any)|to (?:a|an|the) (?:deal|agreement|settlement|ceasefire|truce|peace|breakthrough|compromise|resolution))\b|\b(?:become|grown|came|come|moved|inched|edged) closer\b|\b(?:significant|real|some|little|no|great|greatest|substantial|good|major|tangible|considerable|slow|steady) progress\b|\brough around\b|\bpressure (?:builds|is building|mounts|is mounting|grows|is growing|has grown|has mounted) (?:for|on)\b|\b(?:far from (?:finished|complete|done|agreed)|nowhere near)\b`, strong: true, weight: 0.7 },
  { name: 'assessment-quoted', re: String.raw`\b(?:called|described|termed|characteri[sz]ed|labelled|labeled)\s+(?:the|a|an|this|that|these)\s+(?:[\p{L}-]+\s+){0,3}?(?:${TOPIC}|map|text|plan|proposal|framework)s?\s+(?:as\s+)?["“]`, strong: true, weight: 0.7 },
  // warnings: "X warned that Y could Z"
  // threats of retaliation: "vowed to retaliate", "will not go unpunished", "will pay a heavy price"
  { name: 'retaliation-threat', re: String.raw`\b(?:vow|promis|pledg|threaten|swor|swear|warn)(?:ed|e|es|s|ing)?\s+(?:[a-z]+ly\s+)?to\s+(?:${RETALIATE})\b|\b(?:will|would|shall)\s+not\s+go\s+unpunished\b|\bwon[’']t\s+go\s+unpunished\b|\b(?:will|would|shall)\s+pay\s+(?:a|the)\s+(?:heavy\s+|high\s+|steep\s+)?price\b`, strong: true, weight: 0.7 },
  { name: 'warning', re: String.raw`\bwarn(?:ed|s|ing)?\b(?=[^.;]{0,140}?\b(?:could|would|will|may|might|risks?)\b)|\brisks? (?:[a-z]+ing)\b`, strong: true, weight: 0.7 },
  // taking part ahead: "will lead a delegation to" (not "will head the delegation, which includes"), "won't take part", "will send representatives"
  { name: 'participation-ahead', re: String.raw`\b(?:will|won[’']t|shall|is to|are to)\s+(?:not\s+|also\s+|personally\s+|again\s+|each\s+)?(?:${PARTICIPATE})\b`, strong: true, weight: 0.75 },
  // next steps in the passive: "would be discussed by the ministers", "will be put in place"
  { name: 'next-step-passive', re: String.raw`\b(?:will|would|shall|is to|are to)\s+(?:then\s+|also\s+|soon\s+|next\s+|first\s+|now\s+|likely\s+|probably\s+|later\s+)?be\s+(?:${PASSIVE_STEP})\b`, strong: true, weight: 0.7 },
  // someone's presence ahead at a named place: "would be in Geneva on Friday"
  { name: 'presence-ahead', re: String.raw`\b(?:[Ww]ill|[Ww]ould)\s+be\s+in\s+\p{Lu}\p{Ll}+`, strong: true, weight: 0.7, caseSensitive: true },
  // how the talks went, as a sign of what comes: "the round had been more serious", "the talks were constructive"
  { name: 'talks-evaluation', re: String.raw`\b(?:${TOPIC}|this round|the session)["”’]?\s+(?:had been|has been|have been|were|was|are|is)\s+(?:["“]\s*)?(?:very\s+|more\s+|most\s+|less\s+|quite\s+|extremely\s+|largely\s+|generally\s+|rather\s+|highly\s+)?(?:${EVALUATION})\b`, strong: true, weight: 0.7 },
  // progress in steps: "a step toward de-escalation", "reached a compromise on some issues"
  { name: 'step-toward', re: String.raw`\b(?:a|an|the|first|important|significant|major|positive|big|key|crucial|small|concrete|further)\s+(?:[\p{L}-]+\s+)?steps?\s+(?:toward|towards|forward|closer to|in the right direction)\b|\b(?:reached|found|achieved|made) (?:a |an )?(?:compromise|common ground|understanding|consensus|agreement|progress) on (?:some|several|many|a number of|most|certain|a few|key) (?:issues|points|questions|matters|topics|elements)\b`, strong: true, weight: 0.7 },
  // whether what was agreed will do: "may not be sufficient to seal a deal", "flexible enough to enable progress"
  { name: 'sufficiency', re: String.raw`\b(?:may|might|could|will|would|won[’']t|wouldn[’']t)\s+(?:not\s+|still\s+|also\s+)?(?:be\s+)?(?:enough|sufficient|insufficient|adequate)\b|\b(?:enough|sufficient)\b[^.;]{0,40}?\bto (?:enable|allow|permit|ensure|secure|reach|seal|clinch) (?:progress|a deal|an agreement|a breakthrough|a ceasefire|a truce|a compromise)\b`, strong: true, weight: 0.7 },
  // what is still pending after an event: an inquiry under way ("remains under investigation", "investigations are ongoing",
  // "is conducting a review", "ordered a full investigation"), a danger ahead ("at risk of sinking"), more to come ("only the beginning")
  { name: 'pending-inquiry', re: String.raw`(?=under)(?<=\b(?:remains?|is|are|was|were)\s+(?:still\s+)?)\bunder\s+(?:investigation|review)\b|\b(?:investigations?|inquiry|inquiries|probes?)\s+(?:is|are|was|were|remains?)\s+(?:still\s+)?(?:ongoing|under\s?way|continuing)\b|(?=investigating|conducting)(?<=\b(?:is|are|was|were)\s+(?:still\s+)?)\b(?:investigating|conducting\s+(?:a|an)\s+(?:\w+\s+)?(?:review|investigation|inquiry|probe))\b|\b(?:ordered|launched|opened)\s+(?:a|an)\s+(?:[\p{L}-]+\s+){0,3}?(?:investigation|inquiry|probe)\b`, strong: true, weight: 0.65 },
  { name: 'danger-ahead', re: String.raw`(?=risk|danger)(?<=\b(?:at|in)\s+(?:serious\s+|grave\s+|imminent\s+)?)\b(?:risk|danger)\s+of\s+[a-z]+ing\b|(?=beginning|start)(?<=\b(?:just|only)\s+the\s+)\b(?:beginning|start)\b`, strong: true, weight: 0.65 },
  // forecasts about the talks or their subjects: "the new truce will not survive", "the toll may rise"
  { name: 'forecast-topic', re: String.raw`\b(?:${TOPIC})\b(?:\s+[\p{L}’'-]+){0,4}?\s+(?:will|would|could|may|might|won[’']t|wouldn[’']t|is likely to|are likely to|is unlikely to|are unlikely to)\s+(?:not\s+|also\s+|soon\s+|likely\s+|probably\s+|still\s+)?(?:be\s+)?[a-z]+`, strong: true, weight: 0.7 },
];

/** An event's own predicate saying it happened: "a new round of talks were held", "got under way", "ended". */
export const EVENT_HAPPENED = String.raw`^(?:[^.;,]{0,60}?\s)?(?:(?:was|were|had been|has been|have been) (?:held|launched|opened|convened|completed|concluded|wrapped up)|got under way|got underway|began|opened|started|ended|took place|concluded|kicked off|wrapped up|closed|broke up|collapsed|failed|yielded|produced)\b`;

export const OUTLOOK_CUES: readonly OutlookCue[] = [...BASE_CUES, ...FRAME_CUES];

/** Meeting words: a meeting named with a day after publication is a planned meeting. */
export const MEETING_NOUNS = String.raw`\b(?:talks|meeting|meetings|summit|negotiations|discussions|round|session|visit|call)\b`;
