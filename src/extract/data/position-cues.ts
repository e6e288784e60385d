import type { PositionKind } from '../../model';

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
  readonly kind: PositionKind;
  readonly re: string;
  readonly holder: 'subject' | 'speaker' | 'agent';
  readonly weight: number;
}

export const KIND_PRIORITY: readonly PositionKind[] = ['condition', 'red-line', 'refusal', 'accusation', 'demand', 'offer', 'goal'];

/** A sentence that names red lines makes every position in it a red line. */
export const RED_LINE_CONTEXT = String.raw`\bred[- ]lines?\b|\bnon-negotiable\b`;

/** Clauses that gloss what a party means rather than report it ("— essentially demanding that"). */
export const GLOSS = String.raw`[—–,]\s*(?:essentially|effectively|in effect|basically|in other words|tantamount to)\s+$`;

export const POSITION_CUES: readonly PositionCue[] = [
  // condition
  { kind: 'condition', re: String.raw`\bonly if\b|\bon (?:the )?condition that\b|\bprovided that\b|\bas long as\b|\bconditional (?:on|upon)\b|\bpreconditions?\b|\bin exchange for\b|\bin return for\b|\bonly (?:once|after|when)\b`, holder: 'subject', weight: 0.9 },
  { kind: 'condition', re: String.raw`\buntil\b(?=\s+(?:\p{Lu}[\p{L}-]*|the [\p{L}-]+|it|they)\s+(?:\w+ly\s+)?[a-z]+s\b)`, holder: 'subject', weight: 0.7 },
  { kind: 'condition', re: String.raw`\bwould agree\b(?=[^.;]{0,80}\bif\b)|\b(?:would|will) only\b(?=[^.;]{1,80}?\bif\b)|\bwould have to\b|\bunless\b|\b(?:conditions|preconditions) (?:include|included|are|were)\b`, holder: 'subject', weight: 0.7 },
  // red lines
  { kind: 'red-line', re: String.raw`\bred[- ]lines?\b|\bnon-negotiable\b|\bunder no circumstances\b|\bnot up for (?:negotiation|discussion)\b`, holder: 'subject', weight: 0.9 },
  { kind: 'red-line', re: String.raw`\b(?:will|would|could|can) never (?:accept|agree|recogni[sz]e|give up|cede|surrender|allow|tolerate|negotiate)\b|\bnever (?:accept|recogni[sz]e)\b|\breserv(?:ed|es|ing) the right to\b`, holder: 'subject', weight: 0.85 },
  // refusals
  { kind: 'refusal', re: String.raw`\b(?:will|would|do|does|did|can|could|shall)(?: not|n[’']t) (?:concede|accept|agree|recogni[sz]e|negotiate|withdraw|give up|cede|allow|tolerate|back down|surrender|compromise|return|budge|sign|hand over|disarm|lay down)\b|\b(?:are|is|am|was|were)(?: not|n[’']t) going to (?:sign|accept|agree|give up|withdraw|recogni[sz]e|negotiate|disarm|hand over|surrender|allow|lay down)\b|\bwon[’']t (?:concede|accept|agree|recogni[sz]e|negotiate|withdraw|give up|cede|allow|tolerate|back down|surrender|compromise|sign)\b`, holder: 'subject', weight: 0.85 },
  { kind: 'refusal', re: String.raw`\b(?:rejected|rejects|rejecting|refused|refuses|refusing|ruled out|rules out|turned down|dismissed (?:the|a|an|any) (?:proposal|plan|offer|idea|call|demand|request)s?|declined to (?!comment|say|discuss|elaborate|confirm|respond|provide|give|specify|answer|be identified|speak))\b`, holder: 'subject', weight: 0.85 },
  { kind: 'refusal', re: String.raw`\b(?:was|were|has not been|have not been) not (?:backed|endorsed|supported|accepted) by\b|\b(?:was|were) (?:rejected|refused|turned down) by\b`, holder: 'agent', weight: 0.8 },
  { kind: 'refusal', re: String.raw`\b(?:is|was|are|were) not on the agenda\b|\bout of the question\b|\bthere (?:would|will) be no (?:negotiations?|talks|deal|truce|ceasefire|cease-fire|compromise)\b`, holder: 'speaker', weight: 0.7 },
  { kind: 'refusal', re: String.raw`\b(?:will|would) continue despite\b|\bwill not stop\b|\bwould not stop\b`, holder: 'speaker', weight: 0.75 },
  // accusations
  { kind: 'accusation', re: String.raw`\baccus(?:ed|es|ing|e)\b(?=[^.;]{1,80}?\bof\b)|\bblam(?:ed|es|e|ing)\b(?=[^.;]{1,80}?\bfor\b)|(?<!(?:was|were|been|be|is|are) )\bblam(?:ed|es|ing)\b(?!\s+(?:on|it on|them on|each other|one another|the other)\b)|\bheld\b(?=[^.;]{1,60}\bresponsible\b)|\bcharged that\b`, holder: 'subject', weight: 0.9 },
  { kind: 'accusation', re: String.raw`\b(?<!(?:was|were|been|be|widely) )condemn(?:ed|s|ing)\b|\b(?<!(?:was|were|been|be|widely) )denounc(?:ed|es|ing)\b`, holder: 'subject', weight: 0.7 },
  { kind: 'accusation', re: String.raw`\bnot lived up to\b|\bbroke(?:n)? (?:its|their|his|her|the) (?:promise|pledge|word|commitment)s?\b|\b(?:has|have|had|is|are) violat(?:ed|ing)\b|\bstalling\b|\bdragging (?:its|their|his|her) feet\b|\bin bad faith\b|\bnot serious about\b|\bcynical\b|\bunwillingness to\b|\bno desire for\b|\bsabotag(?:e|ed|ing)\b|(?<!\b(?:19|20)\d\d )(?:\bwar crimes?\b|\bgenocide\b|\bethnic cleansing\b)|\bprovocations?\b|\bevil\b|\bbarbaric\b|\b(?:was|were|is|are) (?:responsible|to blame) for\b|\batrocit(?:y|ies)\b|\bterroris(?:t|m) (?:state|attacks?|regime)\b`, holder: 'speaker', weight: 0.7 },
  // demands
  { kind: 'demand', re: String.raw`\bdemand(?:ed|ing)\b|\bdemands? that\b|\binsist(?:s|ed|ing)? (?:on|that)\b|\bcall(?:ed|s|ing) (?:for|on)\b|\b(?:to|will|would|must|they|we) call (?:for|on)\b|\b(?:demands|terms) (?:include|included|are|were)\b|\burg(?:ed|es|ing)\b(?! of\b)|\bpress(?:ed|es|ing) for\b|\bpress(?:ed|es|ing) (?:[\p{L}’'-]+ ){1,3}?to\b|\bwants? (?!to\b)(?:[\p{L}’'-]+ ){1,3}?to\b|\bpush(?:ed|es|ing) for\b|\bwants? (?:a|an|the|all|full|guarantees)\b`, holder: 'subject', weight: 0.85 },
  { kind: 'demand', re: String.raw`\b(?:must|has to|have to|need to|needs to|needed to)\b|\bneed to make sure\b`, holder: 'speaker', weight: 0.6 },
  // offers
  { kind: 'offer', re: String.raw`\b(?:agreed|agrees|agree|agreeing) to\b(?! (?:disagree|meet|talk|hold talks))|\b(?:ready|willing) to (?!(?:continue|keep|fight|defend|strike|respond|retaliate|push|attack|hit|escalate|use)\b)|\b(?:handed over|submitted|presented|put forward|tabled|sent) (?:its|their|his|her|a|an|the) (?:own )?(?:proposals?|plan|draft|memorandum|offer|terms|list)\b|\bprepared to\b|\b(?:readiness|willingness) to\b|\bprepared (?:a|an) (?:list|plan|proposal|draft|framework|offer)\b|\boffer(?:ed|s|ing) to\b|\boffered\b(?! (?:no|few|little|its|his|her|their)? ?(?:details|condolences|comment|explanation|evidence|prayers|sympathy|support to the families))|(?<!the |a )\bpropos(?:ed|es|ing)\b(?! by)|\bwould (?:only )?support\b|\bwould lead\b|\bwould (?:send|contribute|deploy|provide|guarantee)\b|(?<!\b(?:widely|generally|internationally|universally|been|be|was|were|is|are) )\baccepted\b|\bopen to\b`, holder: 'subject', weight: 0.75 },
  // goals
  { kind: 'goal', re: String.raw`\b(?:goal|aim|objective|priority|intention|purpose)s?\b(?:\s+(?:of|in|for)\s+[^,.;]{1,40}?)?\s+(?:is|was|are|were|remains?)\b`, holder: 'speaker', weight: 0.85 },
  { kind: 'goal', re: String.raw`\b(?:aims?|aimed|aiming|seeks?|sought|seeking|wants?|wanted|hopes?|hoped|intends?|intended|vow(?:s|ed)|pledged|is determined|are determined|strives?) to\b`, holder: 'subject', weight: 0.7 },
  { kind: 'goal', re: String.raw`\b(?:seeks|seeking|sought) (?:a|an|the|security|guarantees|full|new|international|compensation|assurances|recognition)\b`, holder: 'subject', weight: 0.65 },
  { kind: 'goal', re: String.raw`\befforts? (?=by\b)|\bcampaign (?=by\b)|\bbid (?=by\b)`, holder: 'agent', weight: 0.6 },
];

/** Words after which a list inside a position is split into one position per item. */
export const LIST_INTRO = String.raw`,?\s+including(?:\s+(?:about|on|over))?\s+`;
