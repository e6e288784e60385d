import type { PositionKind } from '../../model';
import { alternation, words } from './inflect';
import { HOSTILE_ACT_VERBS, NEGATIVE_JUDGEMENTS, PROPOSAL_WORDS, STANCE_VERBS, type StanceVerbClass } from './stance-verbs';

/**
 * Cue phrases for the kinds of position a party takes. Each is a regex source matched
 * case-insensitively on whole words. `holder` says whose position it is:
 * - 'subject': the subject of the cue's clause ("Kyiv rejected", "Moscow continues to insist on");
 * - 'speaker': whoever says it (a quotation's speaker, "X said that ..."), else the subject —
 *   for judgements and obligations ("Russia has not lived up to the promise", officials say);
 * - 'agent': the first party or person after the cue ("was not backed by Ivanov", "efforts by X to").
 * `weight` (0..1) is how plainly the cue states a position; it becomes the item's confidence.
 * When two cues fall in one clause, the kind earlier in KIND_PRIORITY wins.
 */
export interface PositionCue {
  /** Rule name recorded in the item's `rules`. */
  readonly name: string;
  readonly kind: PositionKind;
  readonly re: string;
  readonly holder: Holding;
  readonly weight: number;
  /**
   * The subject of the cue's clause is part of what is said, not who says it ("troops must withdraw",
   * "a truce is out of the question"): the item's text starts with it.
   */
  readonly statesSubject?: boolean;
  /** A cue that stands only when no other cue shares its clause ("will reopen X in return for", but "agree to X in return for" keeps "agree to"). */
  readonly fallback?: boolean;
}

/**
 * Whose position a cue states:
 * - 'subject': the subject of the cue's clause; 'speaker': whoever says it;
 * - 'agent': the first party after the cue ("efforts by X");
 * - 'owner': the party owning the noun the cue is headed by — a possessive ("Bolivia's plan to"),
 *   a demonym ("the Norwegian proposal for"), or "its"/"their" resolved to the clause's subject;
 * - 'reporter': the source of a report of another party's hostile act ("X breached the truce, the army said").
 */
export type Holding = 'subject' | 'speaker' | 'agent' | 'owner' | 'reporter';

export const KIND_PRIORITY: readonly PositionKind[] = ['condition', 'red-line', 'refusal', 'accusation', 'demand', 'offer', 'goal'];

/** A sentence that names red lines makes every position in it a red line. */
export const RED_LINE_CONTEXT = String.raw`\bred[- ]lines?\b|\bnon-negotiable\b|\bnot negotiable\b`;

/**
 * Reporting formulas that contain a cue word but state no side's position: a reporter asking
 * for comment, a source asking not to be named.
 */
export const REPORTING_FORMULAS = String.raw`\basked\s+(?:for|to)\s+(?:comment|respond|react)\b|\b(?:ask(?:ed|ing)?|request(?:ed|ing)?|spoke|speaking|declin(?:ed|ing))\s+(?:not\s+to\s+(?:be\s+(?:named|identified)|use\s+(?:his|her|their)\s+names?)|anonymity|on\s+condition\s+of\s+anonymity|to\s+be\s+(?:named|identified))\b|\bon\s+condition\s+of\s+anonymity\b`;

/** Clauses that gloss what a party means rather than report it ("— essentially demanding that"). */
export const GLOSS = String.raw`[—–,]\s*(?:essentially|effectively|in effect|basically|in other words|tantamount to|meaning(?:\s+that)?(?:\s+[\w’'-]+){0,4}?)\s+$`;

const BASE_CUES: readonly PositionCue[] = [
  // condition
  { name: 'condition-conjunction', kind: 'condition', re: String.raw`\bonly if\b|\bon (?:the )?condition that\b|\bprovided that\b|\bas long as\b|\bconditional (?:on|upon)\b|\bpreconditions?\b|\bonly (?:once|after|when)\b`, holder: 'subject', weight: 0.9 },
  { name: 'condition-until', kind: 'condition', re: String.raw`\buntil\b(?=\s+(?:\p{Lu}[\p{L}-]*|the [\p{L}-]+|it|they)\s+(?:\w+ly\s+)?[a-z]+s\b)`, holder: 'subject', weight: 0.7 },
  { name: 'condition-only-if-unless', kind: 'condition', re: String.raw`\bwould agree\b(?=[^.;]{0,80}\bif\b)|\b(?:would|will) only\b(?=[^.;]{1,80}?\bif\b)|\bwould have to\b|\bunless\b|\b(?:conditions|preconditions) (?:include|included|are|were)\b`, holder: 'subject', weight: 0.7 },
  // red lines
  { name: 'red-line-noun', kind: 'red-line', re: String.raw`\bred[- ]lines?\b|\bnon-negotiable\b|\bnot negotiable\b|\bunder no circumstances\b|\bnot up for (?:negotiation|discussion)\b`, holder: 'subject', weight: 0.9 },
  { name: 'red-line-never', kind: 'red-line', re: String.raw`\b(?:will|would|could|can) never (?:accept|agree|recogni[sz]e|give up|cede|surrender|allow|tolerate|negotiate)\b|\bnever (?:accept|recogni[sz]e)\b|\breserv(?:ed|es|ing) the right to\b`, holder: 'subject', weight: 0.85 },
  // refusals
  { name: 'refusal-negated-modal', kind: 'refusal', re: String.raw`\b(?:will|would|do|does|did|can|could|shall)(?: not|n[’']t) (?:concede|accept|agree|recogni[sz]e|negotiate|withdraw|give up|cede|allow|tolerate|back down|surrender|compromise|return|budge|sign|hand over|disarm|lay down)\b|\b(?:are|is|am|was|were)(?: not|n[’']t) going to (?:sign|accept|agree|give up|withdraw|recogni[sz]e|negotiate|disarm|hand over|surrender|allow|lay down)\b|\bwon[’']t (?:concede|accept|agree|recogni[sz]e|negotiate|withdraw|give up|cede|allow|tolerate|back down|surrender|compromise|sign)\b`, holder: 'subject', weight: 0.85 },
  // "would not sit down with", "won't take part": a side declining to engage or to yield
  { name: 'refusal-negated-engagement', kind: 'refusal', re: String.raw`\b(?:will|would|shall|can|could)(?: not|n[’']t) (?:(?:directly|ever|again|now)\s+)?(?:sit down|meet|talk to|talk with|hold talks|attend|take part|participate|engage|join|return to|resume|stop|halt|end|release|free|leave|pull out|retreat|yield|give in|bow|submit|abandon|cease)\b|\bwon[’']t (?:(?:directly|ever|again|now)\s+)?(?:sit down|meet|talk to|talk with|hold talks|attend|take part|participate|engage|join|return to|resume|stop|halt|release|free|leave|pull out|retreat|yield|give in|bow|submit|abandon|cease)\b`, holder: 'subject', weight: 0.75 },
  { name: 'refusal-verb', kind: 'refusal', re: String.raw`\b(?:rejected|rejects|rejecting|refused|refuses|refusing|ruled out|rules out|turned down|dismissed (?:the|a|an|any) (?:proposal|plan|offer|idea|call|demand|request)s?|declined to (?!comment|say|discuss|elaborate|confirm|respond|provide|give|specify|answer|be identified|speak))\b`, holder: 'subject', weight: 0.85 },
  { name: 'refusal-passive-agent', kind: 'refusal', re: String.raw`\b(?:was|were|has not been|have not been) not (?:backed|endorsed|supported|accepted) by\b|\b(?:was|were) (?:rejected|refused|turned down) by\b`, holder: 'agent', weight: 0.8 },
  { name: 'refusal-off-the-table', kind: 'refusal', re: String.raw`\b(?:is|was|are|were) not on the agenda\b|\bout of the question\b|\bthere (?:would|will) be no (?:negotiations?|talks|deal|truce|ceasefire|cease-fire|compromise)\b`, holder: 'speaker', statesSubject: true, weight: 0.7 },
  { name: 'refusal-continue-despite', kind: 'refusal', re: String.raw`\b(?:will|would) continue despite\b|\bwill not stop\b|\bwould not stop\b`, holder: 'speaker', statesSubject: true, weight: 0.75 },
  // accusations
  { name: 'accusation-accuse-of', kind: 'accusation', re: String.raw`\baccus(?:ed|es|ing|e)\b(?=[^.;]{1,80}?\bof\b)|\bblam(?:ed|es|e|ing)\b(?=[^.;]{1,80}?\bfor\b)|(?<!(?:was|were|been|be|is|are) )\bblam(?:ed|es|ing)\b(?!\s+(?:on|it on|them on|each other|one another|the other)\b)|\bheld\b(?=[^.;]{1,60}\bresponsible\b)|\bcharged that\b`, holder: 'subject', weight: 0.9 },
  { name: 'accusation-condemn', kind: 'accusation', re: String.raw`\b(?<!(?:was|were|been|be|widely) )condemn(?:ed|s|ing)\b|\b(?<!(?:was|were|been|be|widely) )denounc(?:ed|es|ing)\b`, holder: 'subject', weight: 0.7 },
  { name: 'accusation-judgement', kind: 'accusation', re: String.raw`\bnot lived up to\b|\bbroke(?:n)? (?:its|their|his|her|the) (?:promise|pledge|word|commitment)s?\b|\b(?:has|have|had|is|are) violat(?:ed|ing)\b|\bstalling\b|\bdragging (?:its|their|his|her) feet\b|\bin bad faith\b|\bnot serious about\b|\bcynical\b|\bunwillingness to\b|\bno desire for\b|\bsabotag(?:e|ed|ing)\b|(?<!\b(?:19|20)\d\d\s(?:[\p{Lu}][\p{L}-]*\s)?)(?:\bwar crimes?\b|\bgenocide\b|\bethnic cleansing\b)|\bprovocations?\b|\bevil\b|\bbarbaric\b|\b(?:was|were|is|are) (?:responsible|to blame) for\b|\batrocit(?:y|ies)\b|\bterroris(?:t|m) (?:state|attacks?|regime)\b`, holder: 'speaker', weight: 0.7 },
  // demands
  { name: 'demand-verb', kind: 'demand', re: String.raw`\bdemand(?:ed|ing)\b|(?<!\b(?:its|their|his|her|the|a|an|our|whose)\s)\bdemands? that\b|\binsist(?:s|ed|ing)? (?:on|that)\b|\bcall(?:ed|s|ing) (?:for|on)\b|\b(?:to|will|would|must|they|we) call (?:for|on)\b|\b(?:demands|terms) (?:include|included|are|were)\b|\burg(?:ed|es|ing)\b(?! of\b)|\bpress(?:ed|es|ing) for\b|\bpress(?:ed|es|ing) (?:[\p{L}’'-]+ ){1,3}?to\b|\bwants? (?!to\b)(?:[\p{L}’'-]+ ){1,3}?to\b|\bpush(?:ed|es|ing) for\b|\bwants? (?:a|an|the|all|full|guarantees)\b`, holder: 'subject', weight: 0.85 },
  { name: 'demand-obligation-modal', kind: 'demand', re: String.raw`\b(?:must|has to|have to|need to|needs to|needed to|should|ought to)\b|\bneed to make sure\b|\bneeds? (?:[\p{Lu}][\p{L}-]+|them|us|him|her|it) to\b`, holder: 'speaker', statesSubject: true, weight: 0.6 },
  // offers
  { name: 'offer-readiness', kind: 'offer', re: String.raw`\b(?:agreed|agrees|agree|agreeing) to\b(?! (?:disagree|meet|talk|hold talks))|\b(?:ready|willing) to (?!(?:continue (?:fighting|the war|strikes|attacks)|keep fighting|fight|defend|strike|respond|retaliate|push|attack|hit|escalate|use)\b)|\b(?:handed over|submitted|presented|put forward|tabled|sent) (?:its|their|his|her|a|an|the) (?:own )?(?:proposals?|plan|draft|memorandum|offer|terms|list)\b|\bprepared to\b|\b(?:readiness|willingness) to\b|\bprepared (?:a|an) (?:list|plan|proposal|draft|framework|offer)\b|\boffer(?:ed|s|ing) to\b|\boffered\b(?! (?:no|few|little|its|his|her|their)? ?(?:details|condolences|comment|explanation|evidence|prayers|sympathy|support to the families))|(?<!the |a )\bpropos(?:ed|es|ing)\b(?! by)|\bwould (?:only )?support\b|\bwould lead\b|\bwould (?:send|contribute|deploy|provide|guarantee)\b|(?<!\b(?:widely|generally|internationally|universally|been|be|was|were|is|are) )\baccepted\b|\bopen to\b`, holder: 'subject', weight: 0.75 },
  // goals
  { name: 'goal-noun-is', kind: 'goal', re: String.raw`\b(?:goal|aim|objective|priority|intention|purpose)s?\b(?:\s+(?:of|in|for)\s+[^,.;]{1,40}?)?\s+(?:is|was|are|were|remains?)\b`, holder: 'speaker', weight: 0.85 },
  { name: 'goal-verb-to', kind: 'goal', re: String.raw`\b(?:aims?|aimed|aiming|seeks?|sought|seeking|wants?|wanted|hopes?|hoped|intends?|intended|vow(?:s|ed|ing)|pledged|pledging|is determined|are determined|strives?) to\b|\b(?:fight(?:s|ing)?|fought|battl(?:e|es|ed|ing)) to\b(?=\s+(?!the\b|a\b|an\b|death\b)[a-z]+\b)`, holder: 'subject', weight: 0.7 },
  { name: 'goal-seek-np', kind: 'goal', re: String.raw`\b(?:seeks|seeking|sought) (?:a|an|the|security|guarantees|full|new|international|compensation|assurances|recognition)\b`, holder: 'subject', weight: 0.65 },
  { name: 'goal-effort-by', kind: 'goal', re: String.raw`\befforts? (?=by\b)|\bcampaign (?=by\b)|\bbid (?=by\b)`, holder: 'agent', weight: 0.6 },
];

/** Words after which a list inside a position is split into one position per item. */
export const LIST_INTRO = String.raw`,?\s+including(?:\s+(?:about|on|over))?\s+`;

/** A verb is not a noun after a determiner ("the request for", "a call for", "the press"). */
const NOT_NOUN = String.raw`(?<!\b(?:the|a|an|its|their|his|her|this|that|our|my|your|whose|any|no)\s)`;
/** Words between a verb and its "to": an object of up to four words, not a new clause. */
const OBJECT = String.raw`(?:(?!(?:he|she|they|it|we|i|was|were|is|are|would|will|that|who|which|and|but|said|closer|further|back|away|up|down)\b)[\p{L}’'.-]+\s+){1,4}?`;
const NEG = words(NEGATIVE_JUDGEMENTS);

/** The regex of a stance verb class, by what it takes after the verb. */
function stanceCue(c: StanceVerbClass): PositionCue {
  const v = `${NOT_NOUN}\\b(?:${alternation(c.verbs)})`;
  let re: string;
  switch (c.takes) {
    case 'np':
      re = String.raw`${v}\b(?=\s+(?!to\b|that\b|on\b|by\b|in\b|at\b|with\b|\.)[\p{L}\d"“])`;
      break;
    case 'to':
      re = String.raw`${v}\s+to\b(?=\s+[a-z])`;
      break;
    case 'obj-to':
      re = String.raw`${v}\s+${OBJECT}to\b(?=\s+(?!the\b|a\b|an\b)[a-z])`;
      break;
    case 'label':
      re = String.raw`${v}\s+(?:[\p{L}’'-]+\s+){1,5}?(?:as\s+)?(?:an?\s+|["“])|${v}\s+(?:[\p{L}’'-]+\s+){1,5}?(?:as\s+)?(?:${NEG})\b`;
      break;
    case 'obj-for':
      re = String.raw`${v}\s+(?:[\p{L}’'.-]+\s+){1,5}?for\b(?=\s+(?:[a-z]+ing|its|their|his|her|the|a|an)\b)`;
      break;
    case 'proposal':
      re = String.raw`${v}\s+(?:(?:the|a|an|any|this|that|its|their|his|her|[\p{Lu}][\p{L}-]+['’]s)\s+)(?:[\p{L}’'-]+\s+){0,3}?(?:${words(PROPOSAL_WORDS)})\b`;
      break;
    case 'opinion':
      re = String.raw`${v}\s+(?:the|a|an|this|that|its|their|his|her|any|[\p{Lu}][\p{L}-]+['’]s)\s+(?:[\p{L}’'-]+\s+){0,5}?(?:as\s+)?(?=["“]?(?:${NEG})\b)|${v}\s+as\s+(?:${NEG})\b`;
      break;
    case 'that':
    case 'obj-of':
      re = v;
      break;
    default: {
      const never: never = c.takes;
      throw new Error(`stanceCue: unknown complement ${String(never)}`);
    }
  }
  return { name: c.name, kind: c.kind, re, holder: 'subject', weight: c.weight };
}

/** Nouns that name a position, by kind; owned by a possessive, a demonym or "its"/"their" before them. */
export const POSITION_NOUNS: Readonly<Record<'goal' | 'offer' | 'demand' | 'condition' | 'refusal', readonly string[]>> = {
  goal: ['plan', 'plans', 'campaign', 'bid', 'drive', 'effort', 'efforts', 'push', 'quest', 'strategy', 'attempt', 'ambition', 'ambitions', 'intention', 'determination', 'resolve'],
  offer: ['proposal', 'proposals', 'offer', 'offers', 'initiative', 'peace plan', 'peace proposal', 'counterproposal', 'counter-proposal', 'pledge', 'promise', 'commitment'],
  demand: ['call', 'calls', 'demand', 'demands', 'request', 'requests', 'appeal', 'appeals', 'ultimatum', 'insistence'],
  condition: ['condition', 'conditions', 'precondition', 'preconditions'],
  refusal: ['refusal', 'rejection'],
};

/** Documents that state their author's terms: "the Finnish draft obliges X to ...". */
export const DOCUMENT_NOUNS = ['draft', 'plan', 'proposal', 'text', 'resolution', 'memorandum', 'blueprint', 'roadmap', 'road map', 'framework', 'peace plan', 'draft resolution', 'draft agreement', 'document', 'formula', 'initiative'];
/** What a document does to its addressees. */
const DOCUMENT_VERBS = ['oblige', 'require', 'call for', 'demand', 'stipulate', 'envisage', 'provide for', 'compel', 'force', 'commit', 'ask', 'bar', 'ban', 'forbid/forbade/forbidden', 'insist on'];

const FRAME_CUES: readonly PositionCue[] = [
  // positions as nouns owned by a party: "Bolivia's plan to", "the Norwegian proposal for", "its call for"
  ...(Object.entries(POSITION_NOUNS) as Array<[PositionKind, readonly string[]]>).map(([kind, nouns]): PositionCue => ({
    name: `${kind}-owned-noun`,
    kind,
    re: String.raw`\b(?:${words(nouns)})\s+(?:to|for|that|of)\b(?=\s+[\p{L}\d])`,
    holder: 'owner',
    weight: 0.7,
  })),
  // a document states its author's terms
  { name: 'document-terms', kind: 'demand', re: String.raw`\b(?:${words(DOCUMENT_NOUNS)})\s+(?:would\s+|will\s+|also\s+)?(?:${alternation(DOCUMENT_VERBS)})\b`, holder: 'owner', weight: 0.7 },
  // purpose: "talks aimed at", "in a bid to", "with the aim of"
  { name: 'goal-purpose', kind: 'goal', re: String.raw`\b(?:aimed|aiming|designed|intended) (?:at|to)\b|\bin (?:a|an) (?:bid|effort|attempt|push|drive|move) to\b|\bwith the (?:aim|goal|objective|intention|purpose) of\b|\bso as to\b|\b(?:goal|aim|objective)s? of (?=[a-z]+ing\b)`, holder: 'subject', weight: 0.7 },
  // objectives listed: "listed A and B among their main objectives", "key goals include A and B"
  { name: 'goal-listed-among', kind: 'goal', re: String.raw`\b(?:list|name|cite|identify|count|set out)(?:ed|s|d)?\b(?=[^.;]{3,120}?\bamong (?:its|their|his|her|the) (?:[\p{L}-]+ ){0,2}?(?:objectives|goals|priorities|aims)\b)`, holder: 'subject', weight: 0.7 },
  { name: 'goal-list-include', kind: 'goal', re: String.raw`\b(?:goals|objectives|priorities|aims)\s+(?:include|included|are|were)\b`, holder: 'owner', weight: 0.7 },
  // conditions attached to an act
  { name: 'condition-attached', kind: 'condition', re: String.raw`\bsubject to\b(?!\s+(?:attacks?|fire|shelling|strikes?|sanctions|abuse|harassment))|\b(?:dependent|contingent|conditional|conditioned) (?:on|upon)\b|\bpending\b(?=\s+(?:the|a|an|its|their)\b)|\bonly (?:for|with|on condition)\b(?=\s+(?:the|a|an|its|their)\b)|\b(?:linked|tied)\b(?=[^.;]{0,15}\bto (?:the|a|an)\b)(?<=\b(?:be|been|is|are|was|were|it|them)\s+(?:linked|tied))`, holder: 'subject', weight: 0.75 },
  // exchanges: "A will do X in return for B doing Y" — X is A's offer, what A asks in return A's demand
  // (or, when B commits to it with a stance verb of its own, "in return for B vowing to Y", B's offer)
  { name: 'exchange-terms', kind: 'demand', re: String.raw`\bin (?:exchange|return) for\b`, holder: 'subject', weight: 0.75 },
  { name: 'offer-in-exchange', kind: 'offer', re: String.raw`\b(?:will|would|could|shall|is ready to|are ready to|was ready to|were ready to)\s+(?:[a-z]+ly\s+)?(?!be\b|not\b|never\b|only\b|have\b)[a-z]+\b(?=[^.;:]{1,120}?\bin (?:exchange|return) for\b)`, holder: 'subject', weight: 0.6, fallback: true },
  // ultimatums
  { name: 'demand-ultimatum', kind: 'demand', re: String.raw`\bset\s+(?:[\p{L}’'-]+\s+){0,3}?(?:a\s+|an\s+)?(?:deadline|ultimatum)\b|\b(?:gave|give|gives|giving|granted|grant)\s+(?:[\p{L}’'-]+\s+){0,3}?[\p{L}\d-]+\s+(?:days|hours|weeks|months)\s+to\b|\bissued (?:an? )?(?:ultimatum|deadline)\b`, holder: 'subject', weight: 0.75 },
  // a hostile act reported with its source: the source's accusation
  // (a fallback: "urged them to engage after many broken truces" is the urging, not a report of a breach)
  { name: 'accusation-reported-act', kind: 'accusation', re: String.raw`\b(?:${alternation(HOSTILE_ACT_VERBS)})\b(?!\s+(?:out|down)\b)`, holder: 'reporter', weight: 0.65, fallback: true },
  // "traded accusations", "pointed fingers at", "dismissed the claim"
  { name: 'accusation-traded', kind: 'accusation', re: String.raw`\btrad(?:ed|e|es|ing) (?:accusations|blame)\b|\bpoint(?:ed|s|ing)? (?:the )?fingers? at\b|\bheld (?:[\p{L}’'-]+\s+){1,3}responsible\b`, holder: 'subject', weight: 0.75 },
  { name: 'refusal-dismissed-claim', kind: 'refusal', re: String.raw`\b(?:dismissed|denied|rejected|refuted)\s+(?:the|these|those|such|any|all)\s+(?:[\p{L}-]+\s+)?(?:claims?|accusations?|allegations?|reports?|charges?)\b`, holder: 'subject', weight: 0.75 },
  { name: 'refusal-only-verb', kind: 'refusal', re: String.raw`\b(?:will|would|can|could) only (?!be\b|if\b|when\b)[a-z]+\b(?![^.;]{0,80}\bif\b)`, holder: 'subject', weight: 0.6 },
];

export const POSITION_CUES: readonly PositionCue[] = [...BASE_CUES, ...STANCE_VERBS.map(stanceCue), ...FRAME_CUES];
