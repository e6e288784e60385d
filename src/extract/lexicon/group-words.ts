/**
 * Word classes that mark an organised side in running text (sides-from-usage.ts): a name followed
 * by one of these nouns ("the Renamo rebels", "PKK militants") or ending in one of these heads
 * ("the Patriotic Unity Front") is a group that can be a side of a conflict or of talks.
 */

/** Lower-case nouns a group's name stands before: "X rebels", "the X movement", "X's leadership". */
export const GROUP_NOUNS: ReadonlySet<string> = new Set([
  'rebels', 'rebel', 'militants', 'militia', 'militias', 'insurgents', 'guerrillas', 'guerrilla', 'fighters', 'separatists',
  'movement', 'party', 'group', 'faction', 'cadres', 'leadership', 'insurgency', 'guerillas', 'guerilla',
]);

/** Capitalised last words of a group's full name: "the Patriotic Unity Front", "the Hill Peoples' Conference". */
export const GROUP_HEADS: ReadonlySet<string> = new Set([
  'Front', 'Movement', 'Party', 'Alliance', 'Coalition', 'Conference', 'Congress', 'Brigades', 'Brigade', 'Militia', 'Army',
  'Resistance', 'Council', 'League', 'Tigers', 'Organisation', 'Organization',
]);

/** Heads that a state's own bodies end in too ("the National Security Council", "the Ruritanian Army"): a state word in the name makes it the state's. */
export const STATE_BODY_HEADS: ReadonlySet<string> = new Set(['Army', 'Council', 'Congress', 'League', 'Organisation', 'Organization', 'Party']);

/** Determiners, numbers and other function words that open a sentence ("The rebels", "Two militants"): they lead into a name, never belong to it. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'Some', 'Many', 'Several', 'Most', 'Other', 'Both', 'All', 'No', 'Any', 'Each', 'Few',
  'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Hundreds', 'Thousands', 'Dozens', 'Scores',
  'His', 'Her', 'Its', 'Their', 'Our', 'Which', 'What', 'Whose', 'When', 'While', 'But', 'And', 'Or', 'If', 'As', 'In', 'On', 'At', 'By', 'For', 'From', 'With',
]);
/**
 * Capitalised words before a group noun that are no group's name: the function words above,
 * creeds and stances ("Islamist militants", "Separatist rebels"), and words that qualify rather
 * than name ("Suspected", "Rival").
 */
export const NOT_GROUP_NAMES: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS,
  'Islamist', 'Islamic', 'Jihadist', 'Jihadi', 'Muslim', 'Christian', 'Sunni', 'Shia', 'Shiite', 'Shi’ite', "Shi'ite", 'Catholic', 'Protestant', 'Hindu', 'Buddhist',
  'Separatist', 'Secessionist', 'Nationalist', 'Communist', 'Socialist', 'Leftist', 'Marxist', 'Rebel', 'Militant', 'Armed', 'Opposition', 'Government',
  'Rival', 'Suspected', 'Alleged', 'Local', 'Foreign', 'Tribal', 'Ethnic', 'Allied', 'Ruling', 'Militia', 'Insurgent', 'Terrorist', 'Extremist', 'Radical',
  'Democratic', 'Republican', 'Conservative', 'Liberal', 'Labour', 'Green', 'Left', 'Right', 'Centrist', 'Far', 'New', 'Old', 'Main', 'Major', 'Small', 'Key',
  'Anglophone', 'Francophone', 'Arab', 'Western', 'Eastern', 'Northern', 'Southern', 'Central', 'Former', 'Pro', 'Anti', 'Said',
  'Security', 'Police', 'Army', 'Military', 'Special', 'Elite', 'Youth', 'Women', 'Political', 'Peace', 'Civil', 'Human',
]);

/** Words of a state body's name, never of a side's ("the National Security Council", "the Presidential Council"). */
export const STATE_BODY_WORDS: ReadonlySet<string> = new Set([
  'Security', 'Presidential', 'Sovereign', 'Sovereignty', 'Supreme', 'Legislative', 'Municipal', 'City', 'Provincial', 'Regional', 'Olympic',
  'Economic', 'Human', 'Rights', 'Judicial', 'Constitutional', 'Ministerial', 'Executive', 'European', 'Atlantic', 'Nations', 'Relations', 'Refugee',
  'First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth', 'Combat', 'Infantry', 'Armoured', 'Armored', 'Mechanised', 'Mechanized', 'Airborne', 'Marine',
]);

/**
 * Cues that the opposition is a side of the story rather than a parliament's benches: it
 * negotiates, fights or faces the government ("the government and the opposition", "opposition
 * negotiators", "the armed opposition").
 */
export const OPPOSITION_SIDE = /\b(?:(?:government|regime)\s+and\s+(?:the\s+)?(?:[\p{L}.-]+\s+)?opposition|opposition\s+(?:delegation|delegates|negotiat\w*|team|groups?|coalition|forces|fighters|bloc|alliance|representatives|side|movement|leaders|platform|umbrella)|armed\s+opposition|opposition['’]s\s+(?:delegation|negotiat\w*|team))\b/iu;
