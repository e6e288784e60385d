/**
 * Stance verbs: verbs by which a party takes a position, grouped by the kind of position
 * and by what they take after them. Base forms only; lexicon/inflect.ts expands them
 * ("promise" → promises, promised, promising). A particle or preposition that belongs to
 * the verb is part of the entry ("ask for", "object to", "rule out").
 *
 * What they take:
 * - `np`: a noun-phrase object — "promised fresh credits", "floated a truce", "opposes any role for";
 * - `to`: a to-infinitive — "vowed to stop", "is seeking to settle";
 * - `obj-to`: an object then a to-infinitive — "urged them to engage", "pressed the rebels to leave";
 * - `that`: a that-clause (with or without "that") — "insisted that", "demanded the army withdraw";
 * - `obj-of`: an object then "of" — "accused Bolivia of shelling";
 * - `label`: an object then a label — "branded the shelling a stunt", "called the plan a trap";
 * - `opinion`: an object then a judgement — "regards the map as meaningless", "considers the plan dead";
 * - `obj-for`: an object then "for" and the fault — "criticised the army for shelling";
 * - `proposal`: a proposal, deal or round of talks as object — "vetoed the resolution", "boycotted the talks"
 *   (these verbs name an act, not a stance, when their object is anything else: "scrapped a warrant").
 */
export type Takes = 'np' | 'to' | 'obj-to' | 'that' | 'obj-of' | 'label' | 'opinion' | 'obj-for' | 'proposal';

/** What a side proposes, signs or attends: the objects that make an act verb a refusal ("blocked the resolution"). */
export const PROPOSAL_WORDS = [
  'proposal', 'proposals', 'offer', 'offers', 'plan', 'plans', 'initiative', 'draft', 'map', 'text', 'deal', 'agreement', 'resolution',
  'memorandum', 'framework', 'roadmap', 'road map', 'terms', 'ceasefire', 'cease-fire', 'truce', 'accord', 'treaty', 'talks', 'negotiations',
  'meeting', 'summit', 'round', 'conference', 'vote', 'referendum', 'declaration', 'pact', 'bid', 'demand', 'demands', 'request', 'call', 'idea',
];

export interface StanceVerbClass {
  /** Rule name recorded on each item it produces. */
  readonly name: string;
  readonly kind: 'demand' | 'offer' | 'refusal' | 'accusation' | 'goal' | 'condition' | 'red-line';
  readonly takes: Takes;
  readonly verbs: readonly string[];
  readonly weight: number;
}

export const STANCE_VERBS: readonly StanceVerbClass[] = [
  // offers: a party puts something on the table
  {
    name: 'offer-verb-np',
    kind: 'offer',
    takes: 'np',
    verbs: ['promise', 'pledge', 'float', 'put forward', 'table', 'unveil', 'tender', 'extend', 'dangle', 'hold/held out', 'commit to'],
    weight: 0.75,
  },
  { name: 'offer-verb-to', kind: 'offer', takes: 'to', verbs: ['promise', 'pledge', 'offer', 'commit', 'volunteer', 'undertake'], weight: 0.75 },
  // demands: a party asks for something
  {
    name: 'demand-verb-np',
    kind: 'demand',
    takes: 'np',
    verbs: ['ask for', 'request', 'appeal for', 'call for', 'press for', 'push for', 'clamour for', 'clamor for', 'lobby for', 'insist on', 'plead for'],
    weight: 0.8,
  },
  { name: 'demand-verb-obj-to', kind: 'demand', takes: 'obj-to', verbs: ['urge', 'press', 'ask', 'call on', 'call upon', 'tell/told', 'order', 'instruct', 'implore', 'challenge'], weight: 0.75 },
  // refusals: a party says no
  {
    name: 'refusal-verb-np',
    kind: 'refusal',
    takes: 'np',
    verbs: ['oppose', 'reject', 'rebuff', 'rule out', 'turn down', 'object to', 'resist', 'balk at', 'baulk at', 'spurn', 'snub'],
    weight: 0.8,
  },
  { name: 'refusal-verb-proposal', kind: 'refusal', takes: 'proposal', verbs: ['veto', 'scrap', 'block', 'boycott', 'walk out of', 'pull out of', 'withdraw from', 'suspend', 'freeze', 'shelve', 'abandon'], weight: 0.75 },
  // accusations: a party blames another
  { name: 'accusation-verb-obj-of', kind: 'accusation', takes: 'obj-of', verbs: ['accuse', 'suspect', 'convict'], weight: 0.9 },
  { name: 'accusation-verb-obj-for', kind: 'accusation', takes: 'obj-for', verbs: ['criticise', 'criticize', 'fault', 'rebuke', 'chastise', 'castigate', 'condemn', 'denounce', 'slam', 'lambast'], weight: 0.8 },
  { name: 'accusation-verb-label', kind: 'accusation', takes: 'label', verbs: ['brand', 'label/labelled/labeled', 'dub', 'denounce', 'decry', 'slam', 'lambast', 'blast', 'deride'], weight: 0.8 },
  // opinions: a party judges a thing; about a proposal it is a refusal, about a party an accusation
  { name: 'opinion-verb', kind: 'refusal', takes: 'opinion', verbs: ['regard', 'consider', 'view', 'deem', 'see/saw/seen', 'describe', 'characterise', 'characterize', 'call'], weight: 0.75 },
];

/** Judgements that make a labelling or opinion verb an accusation or a refusal. */
export const NEGATIVE_JUDGEMENTS = [
  'meaningless', 'dead on arrival', 'unacceptable', 'a non-starter', 'non-starter', 'absurd', 'illegitimate', 'illegal', 'worthless',
  'a provocation', 'provocation', 'a stunt', 'stunt', 'a trap', 'a farce', 'farce', 'a sham', 'sham', 'a puppet', 'puppet', 'a terrorist', 'terrorist',
  'an act of aggression', 'aggression', 'a violation', 'a war crime', 'war crime', 'genocide', 'a lie', 'lies', 'propaganda', 'baseless', 'groundless',
  'unrealistic', 'a threat', 'a danger', 'hostile', 'null and void', 'void', 'a dead end', 'a distraction', 'insulting', 'an insult', 'cowardly',
  'criminal', 'barbaric', 'a pretext', 'a ploy', 'a smokescreen', 'outrageous', 'ridiculous', 'nonsense', 'irrelevant', 'a mistake', 'a disaster',
];

/**
 * Hostile acts against a deal or truce (not strikes, which the attacks stage reports): when the article reports one with its source at the end ("X did Y, the army said")
 * or inside the source's quotation, it is the source's accusation against the actor.
 */
export const HOSTILE_ACT_VERBS = [
  'breach', 'violate', 'break/broke/broken', 'prolong', 'sabotage', 'undermine', 'obstruct', 'stall', 'derail', 'provoke',
  'drag out', 'torpedo', 'renege on', 'backtrack on', 'stonewall', 'flout', 'disregard',
];
