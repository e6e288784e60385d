/**
 * Casualty and interception words: the verbs and nouns of a toll ("killing", "were wounded",
 * "deaths") and of air defence ("shot down", "brought down"). Regex sources.
 */

/** Casualty and interception verbs, and the words for who was hit ("killing at least three people"). */
export const CASUALTY = {
  killing: 'killing|killed|kills|kill',
  killed: 'killed|shot dead|dead|died|slain|lost their lives',
  injuring: 'injuring|injured|wounding|wounded|hurting',
  injured: 'injured|wounded|hurt',
  intercepting: 'shot down|brought down|intercepted|downed|destroyed|neutrali[sz]ed|repelled',
  /** Nouns of a death toll: "18 deaths", "31 fatalities". */
  deaths: 'deaths|fatalities|dead|martyrs',
  /** Phrases that take the toll as their object: "claimed the lives of at least nine". */
  lives: 'claimed the lives of|claiming the lives of|took the lives of|taking the lives of|cost the lives of',
  /** Nouns whose "of" takes the toll: "the deaths of five guards", "caused the death of no fewer than six people". */
  deathOf: 'killing|killings|massacre|deaths|death',
  /** A loss counted in lives: "the loss of at least 12 lives". */
  livesLost: 'loss of',
  /** Nouns of an injury toll: "local officials reported 11 injuries". */
  injuries: 'injuries',
  /** A toll of nobody: "with no casualties reported" (no one killed), "causing no injuries". */
  noneKilled: 'no (?:[\\p{L}-]+\\s+)?casualties|no deaths|no fatalities|no one was killed|nobody was killed|no one died|without casualties|no one killed',
  noneInjured: 'no injuries|no one was (?:injured|hurt|wounded)|nobody was (?:injured|hurt|wounded)|without injuries',
  victims: 'people|individuals|civilians|persons|children|soldiers|residents|others|troops|fighters|workers|servicemen|women|men|Palestinians|Israelis|Ukrainians|Russians|aid workers|journalists|medics',
} as const;

/** Subjects that defend, not attack: "air defences shot down", "the air force said it downed". */
export const DEFENDERS = 'air defen[cs]es?|air defen[cs]e (?:forces|systems|units)|air force|anti-aircraft|defen[cs]e ministry|military|army|navy|border guards?';

/** Suffixes that make a demonym a vessel's or an owner's, not an actor's ("Panama-flagged", "Greek-owned"). */
export const FLAG_SUFFIX = '-flagged|-registered|-owned|-operated|-bound';

/** A toll over a war or a period, not one strike's: "more than 40,000 people have been killed in the war". */
export const BACKGROUND_TOLL = 'war|conflict|invasion|fighting|since|so far this|to date|total|overall|estimates?|cumulative';

/** Armed men named by what they are, not by their side: as the agent of a killing, their attack is one with small arms ("gunmen killed 17"). */
export const ARMED_MEN = 'gunmen|gunman|militants|insurgents|jihadists|attackers|assailants|rebels|terrorists|bandits|militiamen|militia fighters|fighters|extremists|guerrillas|guerrilla fighters';

/** What armed men do to people or a place in a raid: "killed", "massacred", "stormed", "opened fire on". */
export const ARMED_ACTS = 'killed|massacred|shot dead|gunned down|executed|slaughtered|abducted and killed|attacked|stormed|raided|ambushed|opened fire|(?:launched|carried out) (?:an? |the )?(?:attacks?|assaults?|raids?)';
