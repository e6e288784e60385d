/**
 * Closed word classes for finding people and their sides: name particles, verbs and nouns that
 * mark a name as a person, the words that open and end a role phrase, prepositions of target and
 * place. General English news vocabulary, no names of people.
 */

/** Particles inside personal names: "bin Salman", "von der Leyen", "al-Burhan". */
export const PARTICLES: ReadonlySet<string> = new Set(['bin', 'ibn', 'bint', 'al', 'el', 'von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'del', 'dos', 'abu', 'ben']);

/** Verbs after a name that mark it as a person ("X said", "X met"): speech and a few acts only people do. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  `said says say told tells added adds wrote writes stated states argued argues insisted insists warned warns noted notes
  asked asks replied replies posted posts tweeted claimed claims announced announces declared declares acknowledged
  admitted explained suggested suggests stressed stresses urged urges denied denies confirmed confirms recalled
  believes believed thinks thought wants wanted hopes hoped vowed vows pledged promised threatened signed met meets
  spoke speaks called calls demanded demands accused accuses praised criticized criticised appointed ordered decided
  visited arrived travelled traveled responded predicted predicts`.split(/\s+/),
);

/** Verbs whose object is a person: "told X", "met X", "appointed X". */
export const OBJECT_VERBS: ReadonlySet<string> = new Set(['told', 'tell', 'tells', 'telling', 'met', 'meet', 'meets', 'meeting', 'thanked', 'urged', 'asked', 'phoned', 'called', 'congratulated', 'invited', 'criticized', 'criticised', 'praised', 'accused', 'blamed', 'warned', 'backed', 'endorsed', 'appointed', 'fired', 'sacked', 'dismissed', 'replaced', 'succeeded', 'interviewed']);

/** Nouns after a name that mark it as a person: "the X administration", "X's envoy". */
export const LEADER_NOUNS: ReadonlySet<string> = new Set(['administration', 'government', 'cabinet', 'presidency', 'campaign', 'era', 'regime', 'aides', 'allies', 'envoy', 'adviser', 'advisers', 'spokesman', 'spokeswoman', 'spokesperson']);

/** Words that end a role phrase: "minister of ...", "envoy to ...", "adviser who ...". */
export const ROLE_STOP: ReadonlySet<string> = new Set(['of', 'to', 'for', 'at', 'in', 'with', 'from', 'on', 'who', 'whom', 'which', 'that', 'and', 'or', 'as', 'by', 'since', 'after', 'before', 'during', 'under', 'over', 'about', 'against', 'between', 'said', 'says']);

/** Words that open a role phrase and are not part of the role: "the", "his", "former". */
export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'another', 'one', 'former', 'then', 'now', 'also']);

/** Pronouns that only a person takes up ("his spokesman", "she said"). */
export const PERSONAL_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'his', 'her', 'him', 'himself', 'herself']);

/** Prepositions after which a party is the target of a role ("envoy to Ukraine") or of talk, not its owner. */
export const TARGET_PREPS: ReadonlySet<string> = new Set(['to', 'for', 'against', 'toward', 'towards', 'on', 'into', 'over', 'about', 'with', 'through', 'via']);

/** Bodies of a side, named after a preposition of target: "spokesman for the Ruritanian army", "for Ruritania's foreign ministry". */
export const SIDE_BODIES: ReadonlySet<string> = new Set(['army', 'military', 'government', 'ministry', 'forces', 'navy', 'police', 'presidency', 'delegation', 'team', 'embassy', 'mission', 'cabinet', 'command', 'guard', 'administration', 'negotiators', 'side', 'leadership']);

/** Nouns of people who speak for a side: after "for" the party is theirs ("a spokesman for Ruritania"), unlike "envoy for Ruritania". */
export const SPEAKER_NOUNS: ReadonlySet<string> = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'negotiator', 'mouthpiece']);

/** Nouns of people who serve a principal: "adviser to Ruritania's president" is of the principal's side. */
export const AIDE_NOUNS: ReadonlySet<string> = new Set(['adviser', 'advisor', 'aide', 'assistant', 'counsellor', 'counselor', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'deputy', 'bodyguard']);

/** Prepositions of place: "in Oman" tells where, not whose. */
export const LOCATIVE_PREPS: ReadonlySet<string> = new Set(['in', 'at', 'near', 'inside', 'outside']);

/** Words that qualify a title before a name: "Former Prime Minister X", "Acting President X". */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set(['Former', 'Ex', 'Late', 'Acting', 'Interim', 'Outgoing', 'Incoming', 'Then', 'Retired', 'Senior', 'Top']);

/** Prepositions that join a title to what it is for: "Envoy for", "Ambassador to", "Minister of". */
export const TITLE_OBJECT_PREPS: ReadonlySet<string> = new Set(['to', 'for', 'of', 'at']);

/** Suffixes of abstract nouns, never of a given name: "Settlement", "Cooperation", "Security". */
export const ABSTRACT_NOUN = /\p{Ll}(?:ment|tion|sion|ity|ship|ism|ness)$/u;

/** Plural nouns of people ("Residents", "Investigators"): a capitalised one opening a sentence is no surname. */
export const PEOPLE_PLURAL = /\p{Ll}(?:ers|ors|ists|ants|ents|ians|eers|ives|ees)$/u;

/** Officials of a place belong to its country: "Dnipro mayor", "governor of the Kharkiv region". */
export const OFFICIALS: ReadonlySet<string> = new Set(['mayor', 'governor', 'minister', 'official', 'officials', 'commander', 'head', 'chief', 'president', 'spokesman', 'spokeswoman', 'spokesperson', 'deputy', 'chairman', 'chairwoman', 'chair']);

/**
 * Lower-case English words written after a name with a hyphen, which make a compound and not a
 * name part ("Trump-era", "Putin-style"); any other short lower-case syllable after a hyphen
 * inside a name of two or more parts is the name's own ("Kim Jong-un", "Cho Myoung-gyon").
 */
export const HYPHEN_COMPOUND_HEADS: ReadonlySet<string> = new Set(['era', 'style', 'like', 'led', 'run', 'born', 'made', 'free', 'wide', 'type', 'based', 'owned', 'less', 'ish', 'esque', 'ist', 'ite', 'era', 'year', 'old', 'day', 'week', 'lite', 'only', 'first', 'linked', 'backed', 'allied', 'aligned', 'held', 'bound', 'wing', 'side', 'camp', 'plan', 'deal', 'talks', 'war', 'peace']);

/**
 * Words before a name that make it a place, a thing or an outlet when nothing else marks it as a
 * person: "in Northport Heights", "from the Blue Valley", "at Castle Ridge", "the Grand Harbour".
 * A name seen only after these, with no role, title or sign of a person, is no person.
 */
export const THING_OPENERS: ReadonlySet<string> = new Set(['in', 'at', 'near', 'inside', 'outside', 'from', 'into', 'across', 'around', 'on', 'over', 'through', 'via', 'off', 'toward', 'towards', 'the']);
