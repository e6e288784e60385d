import type { WeaponType } from '../../model';

/**
 * Weapon words, by the contract's weapon types. Each entry is a regex source (matched
 * case-insensitively, whole words) for the weapon's name, singular and plural; longer names
 * are tried first so "guided aerial bombs" is one guided bomb, not a bomb. The article's own
 * words become the weapon's `label`.
 */
export const WEAPONS: ReadonlyArray<readonly [WeaponType, string]> = [
  ['guided bomb', 'guided (?:aerial |air )?bombs?'],
  ['guided bomb', 'glide bombs?'],
  ['guided bomb', 'KABs?'],
  ['drone', '(?:attack |kamikaze |suicide |strike |combat |Shahed(?:-type)? |long-range |explosive )*drones?'],
  ['drone', 'Shaheds?|Gerans?|Lancets?'],
  ['drone', 'UAVs?|unmanned aerial vehicles?|unmanned aircraft|loitering munitions?'],
  ['missile', '(?:ballistic |cruise |guided |anti-ship |hypersonic |surface-to-air |air-to-surface |anti-aircraft )*missiles?'],
  ['missile', 'Iskanders?|Kinzhals?|Kalibrs?|Tomahawks?|ATACMS|Storm Shadows?|Scuds?'],
  ['rocket', '(?:Grad |Qassam |Katyusha )?rockets?'],
  ['rocket', 'multiple rocket launchers?|MLRS|HIMARS'],
  ['airstrike', 'air ?strikes?|airstrikes?|air raids?|aerial bombardments?|warplanes?|fighter jets?'],
  ['artillery', 'artillery(?: shells?| fire| strikes?)?|shells|shelling|shelled|mortars?(?: shells| rounds| fire)?|howitzers?|tank fire'],
  ['bomb', '(?:barrel |car |cluster |aerial )?bombs?'],
  ['other', 'grenades?|landmines?|mines|improvised explosive devices?|IEDs?|sniper fire|gunfire'],
];

/** Words for strikes and barrages (verbs and nouns) that make a sentence report an attack. */
export const STRIKE_WORDS =
  'attack(?:ed|s|ing)?|strikes?|striking|struck|shell(?:ed|ing)|bomb(?:ed|ing|ings|ardments?|arded)|barrages?|air ?strikes?|airstrikes?|air raids?|raids?|raided|hit|hitting|pound(?:ed|ing)|target(?:ed|ing)|fired|launch(?:ed|ing)|slammed into|crashed into|rained down on|explosions?|blasts?|assaults?|salvos?|volleys?';

/** Words just before a strike word that make it no event: truces, plans, hypotheticals. */
export const NOT_AN_EVENT =
  'halt(?:ed|ing|s)?|pause(?:d|s)?|pausing|stop(?:ped|ping|s)?|end(?:ed|ing|s)?|cease|refrain(?:ed|ing)? from|moratorium on|ban on|truce on|ceasefire on|cease-fire on|not to|no longer|prevent(?:ing)?|avoid(?:ing)?|deter(?:ring)?|would|could|might|may|if|threaten(?:ed|s|ing)? to|plan(?:s|ned|ning)? to|vow(?:ed|s)? to|to launch|to carry out|to conduct|declaring|suspend(?:ed|ing)?|limit(?:ed|ing)?|fear(?:s|ed)? of|risk of|threat of|threats? to|against';

/** Heads of target phrases ("apartment blocks", "oil depot", "civilian infrastructure"). */
export const TARGET_HEADS =
  'infrastructure|apartment blocks?|apartment buildings?|residential buildings?|buildings?|blocks|houses?|homes?|hospitals?|clinics?|schools?|universit(?:y|ies)|depots?|refiner(?:y|ies)|stations?|plants?|facilit(?:y|ies)|ports?|bridges?|airports?|airfields?|air bases?|bases?|markets?|churches|church|mosques?|camps?|shelters?|grids?|substations?|warehouses?|factor(?:y|ies)|terminals?|pipelines?|ships?|vessels?|tankers?|bulk carriers?|cargo carriers?|freighters?|container ships?|convoys?|checkpoints?|headquarters|barracks|positions|energy facilities|power lines|dams?|units?|railways?|rail lines?|trains?|buses|cars|vehicles|neighbou?rhoods?|districts';

/** Words that may stand before a target head as part of it ("gas metering station"). */
export const TARGET_MODIFIERS =
  'civilian|training|energy|power|oil|gas|fuel|metering|pumping|compressor|thermal|nuclear|hydroelectric|electric|electricity|heating|water|residential|apartment|high-rise|multistorey|multi-story|private|military|air|naval|rail|railway|railroad|bus|police|fire|aid|humanitarian|refugee|displacement|tent|cargo|merchant|commercial|container|grain|port|industrial|critical|government|administrative|medical|children’s|children\'s|maternity|storage|ammunition|arms|weapons|logistics|transport|telecommunications|communications|shopping|crowded|busy|several|two|three|an|a|the';

/** Lower-case words for regions and settlements that may follow a place name ("Kursk region"). */
export const PLACE_SUFFIX = 'region|province|oblast|governorate|district|state|city|county|area|town|village|territory|peninsula|strip|valley';

/** Casualty and interception verbs, and the words for who was hit ("killing at least three people"). */
export const CASUALTY = {
  killing: 'killing|killed|kills|kill',
  killed: 'killed|dead|died',
  injuring: 'injuring|injured|wounding|wounded|hurting',
  injured: 'injured|wounded|hurt',
  intercepting: 'shot down|intercepted|downed|destroyed|neutrali[sz]ed',
  victims: 'people|civilians|persons|children|soldiers|residents|others|troops|fighters|workers|servicemen|women|men|Palestinians|Israelis|Ukrainians|Russians|aid workers|journalists|medics',
} as const;
