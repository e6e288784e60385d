/**
 * The briefing's fixed vocabularies as plain constants: section ids and titles, estimative words.
 * No schema library here, so code that only needs these (the CLI's flag parsing) starts without
 * zod (about 100 ms to load cold); briefing.ts builds its schemas on them and re-exports them.
 */

/** Sections a briefing can hold; the analyst picks any subset in any order. */
export const SECTION_IDS = [
  'bluf',
  'delegations',
  'positions',
  'outlook',
  'attacks',
  'people',
  'timeline',
  'disagreements',
  'sources',
  'notes',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  bluf: 'Bottom line up front',
  delegations: 'Delegations',
  positions: 'Positions',
  outlook: 'Outlook',
  attacks: 'Attacks',
  people: 'People',
  timeline: 'Timeline',
  disagreements: 'Disagreements between sources',
  sources: 'Sources',
  notes: 'Analyst notes',
};

/** ICD 203 estimative words, from least to most likely. */
export const ESTIMATIVE_WORDS = ['almost no chance', 'very unlikely', 'unlikely', 'roughly even chance', 'likely', 'very likely', 'almost certainly'] as const;
export type EstimativeWord = (typeof ESTIMATIVE_WORDS)[number];
