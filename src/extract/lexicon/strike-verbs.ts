/**
 * Strike verbs and nouns: the closed class of words that make a clause report an attack
 * ("struck", "shelled", "raids", "retaliated"), and the words before one that make it no
 * event (a truce, a plan, a hypothetical). Regex sources, matched case-insensitively as whole words.
 */

/** Words for strikes and barrages (verbs and nouns) that make a sentence report an attack. */
export const STRIKE_WORDS =
  'attack(?:ed|s|ing)?|strikes?|striking|struck|shell(?:ed|ing)|bomb(?:ed|ing|ings|ardments?|arded)|barrages?|air ?strikes?|airstrikes?|air raids?|raids?|raided|hit|hitting|pound(?:ed|ing)|target(?:ed|ing)|fired|launch(?:ed|ing)|slammed into|crashed into|dropped|fell on|fell in|fell near|landed in|rained down on|explosions?|blasts?|assaults?|salvos?|volleys?|retaliat(?:ed|ing)|aimed at|landed on|slammed|destroyed|damaged|blew (?:himself|herself|themselves) up|detonated|ripped through|ambush(?:ed|es)?';

/** Words just before a strike word that make it no event: truces, plans, hypotheticals. */
export const NOT_AN_EVENT =
  'call(?:ed|ing|s)? off|halt(?:ed|ing|s)?|pause(?:d|s)?|pausing|stop(?:ped|ping|s)?|end(?:ed|ing|s)?|cease|refrain(?:ed|ing)? from|moratorium on|ban on|truce on|ceasefire on|cease-fire on|not to|no longer|prevent(?:ing)?|avoid(?:ing)?|deter(?:ring)?|would|could|might|may|can|cannot|capable of|able to|if|threaten(?:ed|s|ing)? to|plan(?:s|ned|ning)? to|vow(?:ed|s)? to|to launch|to carry out|to conduct|declaring|suspend(?:ed|ing)?|limit(?:ed|ing)?|fear(?:s|ed)? of|risk of|threat of|threats? to|against';

/** Nouns that make "fire" a strike ("from Paraguayan fire", "opened fire", "came under fire"). */
export const FIRE_CONTEXT = 'from|by|under|opened|open|opening|returned|heavy|enemy|cross-border|artillery|tank|mortar|sniper|rocket|traded|exchanged|trading|exchanging';

/** Verbs whose subject is trying to strike: "attempted to strike", "tried to hit" report an attack. */
export const ATTEMPT = 'attempted|tried|sought|trying|attempting';

/** Adjuncts whose gerund's agent is the clause subject: "broke the truce by targeting", "violated the ceasefire by shelling". */
export const BY_GERUND = 'by|in|while';

/** Strike verbs that report a strike only with a weapon next to them: "dropped three bombs", "shells fell on houses" (not "dropped its demand"). */
export const WITH_WEAPON_ONLY = 'dropped|fell on|fell in|fell near|landed in';

/** Degree words that make "hit" an adjective of harm, not a strike: "the worst hit", "the hardest-hit districts". */
export const HIT_AS_ADJECTIVE = 'worst|hardest|badly|most|heavily|severely|hard';

/** "Launched" strikes only with what it launches next to it ("launched 40 drones", "launched a rocket attack"), not "a bid launched by", "launched talks". */
export const LAUNCH = 'launched|launching|launches|launch';

/** Objects that make "struck" an idiom, not a blow: "struck a deal", "strike a balance", "struck a conciliatory tone", "hit out at", "talks hit a snag". */
export const STRUCK_IDIOM = 'deals?|agreements?|accords?|bargains?|balance|tone|note|chord|compromises?|pacts?|truces?|understanding|partnerships?|alliances?|figures?|poses?|blows? for|out at|snags?|gridlock|deadlock|impasse|stalemate|roadblocks?|hurdles?|records?';

/** Damage verbs: they tell what a strike did, never a new strike on their own ("a wall was destroyed"). */
export const DAMAGE_ONLY = 'destroyed|damaged';

/** Objects that make "fired" no strike: "fired warning shots", "fired tear gas", "fired flares". */
export const FIRED_IDIOM = 'warning shots?|shots? in the air|tear ?gas|rubber bullets|flares?|salutes?|gun salutes?';

/** Strike verbs that, joined to the word before by a hyphen, are adjectives of a weapon: "submarine-launched", "shoulder-fired". */
export const HYPHENATED_ADJECTIVE = 'launched|fired|dropped|guided';


/**
 * Present-tense verbs of a photographed scene: a photo caption ("A man stands in the ruins of a
 * hall hit by airstrikes", "Smoke rises after a strike") describes a picture, not a strike the
 * article reports; the strike it names is reported (or not) in the body.
 */
export const SCENE_VERBS =
  'rises|rise|billows|billow|stands|stand|looks|look|walks|walk|sits|sit|lies|lie|gathers|gather|mourns|mourn|inspects|inspect|reacts|react|carries|carry|searches|search|sifts|sift|checks|check|holds|hold|waits|wait|prays|pray|cries|cry|weeps|weep|clears|clear|removes|remove|surveys|survey|helps|help|evacuates|evacuate|works|work|rides|ride|passes|pass|flees|flee|comforts|comfort|embraces|embrace|examines|examine|extinguish|extinguishes|is seen|are seen|are pictured|is pictured';

/** A photo credit makes its paragraph a caption: "Photograph: NAME/AGENCY", "Photo: AFP", "NAME/Getty Images", "AGENCY/NAME", "(SUPPLIED)". */
export const PHOTO_CREDIT = String.raw`\b(?:Photograph|Photo|Photos|Picture|Image|Images|Photo credit)\s*:|\bGetty Images\b|\bAP Photo\b|/(?:AFP|Reuters|AP|EPA|Anadolu)\b|\b(?:REUTERS|AFP|AP|EPA|ANADOLU)\s*/\s*\p{Lu}|\((?:SUPPLIED|Supplied|FILE|File photo)\)`;

/** Passive participles whose "by" names who struck: "hit by Russian drones", "shells fired by Pakistani troops". */
export const STRUCK_BY = 'hit|struck|attacked|targeted|fired|launched|shelled|bombed|bombarded|pounded|carried out|conducted|dropped|killed|wounded|injured|raided|stormed|ambushed|claimed';

/** Nouns of a strike, the object that makes "launched" a strike ("launched a wave of air raids", not "launched peace talks aimed at"). */
export const STRIKE_NOUNS = 'attacks?|strikes?|air ?strikes?|airstrikes?|air raids?|raids?|assaults?|ambush(?:es)?|bombings?|shelling|bombardments?|offensives?|incursions?|barrages?';

/** Verbs of two sides striking each other: "A and B traded fire", "A exchanged strikes with B". */
export const RECIPROCAL = 'traded|exchanged|trade|exchange|trading|exchanging';

/** Words that open a new strike even with no new place or day: "also", "another", "separately". */
export const NEW_STRIKE = 'also|another|separately|meanwhile|elsewhere|again|second|later';

/** Verbs of striking in the past, for "X said its forces struck ...": the speaker owns the forces that struck. */
export const STRUCK_PAST = 'struck|hit|attacked|targeted|shelled|bombed|pounded|launched|fired|carried out|conducted|destroyed|raided';

/** Verbs of striking after "X said it ...": the speaker struck (not "destroyed", which the side that shoots down drones says of itself). */
export const SPEAKER_STRUCK = 'struck|hit|attacked|targeted|shelled|bombed|pounded|launched|fired|carried out|conducted|raided';

/** Adjectives that make one strike an event, not a trend: "the fatal bombing of a camp". */
export const LETHAL = 'deadly|fatal|lethal|bloody|devastating';
