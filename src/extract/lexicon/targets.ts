/**
 * What strikes hit: heads of target phrases and the words that may stand before them, and the
 * lower-case words that follow a place name ("region", "oblast"). Regex sources.
 */

/** Heads of target phrases ("apartment blocks", "oil depot", "civilian infrastructure"). */
export const TARGET_HEADS =
  'infrastructure|apartment blocks?|apartment buildings?|residential buildings?|buildings?|blocks|houses?|homes?|hospitals?|clinics?|schools?|universit(?:y|ies)|depots?|refiner(?:y|ies)|stations?|plants?|facilit(?:y|ies)|ports?|bridges?|airports?|airfields?|air bases?|bases?|markets?|churches|church|mosques?|camps?|shelters?|grids?|substations?|warehouses?|factor(?:y|ies)|terminals?|pipelines?|ships?|vessels?|tankers?|bulk carriers?|cargo carriers?|freighters?|container ships?|convoys?|checkpoints?|headquarters|barracks|positions|energy facilities|power lines|dams?|units?|railways?|rail lines?|trains?|buses|cars|vehicles|neighbou?rhoods?|districts';

/** Words that may stand before a target head as part of it ("gas metering station"). */
export const TARGET_MODIFIERS =
  'civilian|training|energy|power|oil|gas|fuel|metering|pumping|compressor|thermal|nuclear|hydroelectric|electric|electricity|heating|water|residential|apartment|high-rise|multistorey|multi-story|private|military|air|naval|rail|railway|railroad|bus|police|fire|aid|humanitarian|refugee|displacement|tent|cargo|merchant|commercial|container|grain|port|industrial|critical|government|administrative|medical|children’s|children\'s|maternity|storage|ammunition|arms|weapons|logistics|transport|telecommunications|communications|shopping|crowded|busy|several|two|three|an|a|the';

/** Lower-case words for regions and settlements that may follow a place name ("Kursk region"). */
export const PLACE_SUFFIX = 'region|province|oblast|governorate|district|state|city|county|area|town|village|territory|peninsula|strip|valley';
