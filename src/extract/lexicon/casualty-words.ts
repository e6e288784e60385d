/**
 * Casualty and interception words: the verbs and nouns of a toll ("killing", "were wounded",
 * "deaths") and of air defence ("shot down", "brought down"). Regex sources.
 */

/** Casualty and interception verbs, and the words for who was hit ("killing at least three people"). */
export const CASUALTY = {
  killing: 'killing|killed|kills|kill',
  killed: 'killed|dead|died',
  injuring: 'injuring|injured|wounding|wounded|hurting',
  injured: 'injured|wounded|hurt',
  intercepting: 'shot down|brought down|intercepted|downed|destroyed|neutrali[sz]ed|repelled',
  /** Nouns of a death toll: "18 deaths", "31 fatalities". */
  deaths: 'deaths|fatalities|dead',
  victims: 'people|civilians|persons|children|soldiers|residents|others|troops|fighters|workers|servicemen|women|men|Palestinians|Israelis|Ukrainians|Russians|aid workers|journalists|medics',
} as const;

/** Subjects that defend, not attack: "air defences shot down", "the air force said it downed". */
export const DEFENDERS = 'air defen[cs]es?|air defen[cs]e (?:forces|systems|units)|air force|anti-aircraft|defen[cs]e ministry|military|army|navy|border guards?';

/** Suffixes that make a demonym a vessel's or an owner's, not an actor's ("Panama-flagged", "Greek-owned"). */
export const FLAG_SUFFIX = '-flagged|-registered|-owned|-operated|-bound';
