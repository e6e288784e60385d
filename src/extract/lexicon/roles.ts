/**
 * Words about people: titles, role nouns, and words that mark a name as something else
 * (an organisation, a place, an outlet). General English news vocabulary, no names of people.
 */

/** Words that stand before a name as a title or honorific and are not part of it. */
export const HONORIFICS = `Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Dr Dr. Prof Prof. Sir Dame Lord Lady Madam Mme Hon
  President Vice Prime Minister Premier Chancellor King Queen Prince Princess Crown Sheikh Shaikh Emir Sultan
  Gen Gen. General Lt Lt. Lieutenant Rear Vice-Adm Col Col. Colonel Maj Maj. Major Capt Capt. Captain Adm Adm. Admiral
  Sgt Sgt. Sergeant Brig Brig. Brigadier Marshal Field Commander Cmdr Cmdr.
  Sen Sen. Senator Rep Rep. Representative PM MP Gov Gov. Governor Mayor Speaker Ambassador Secretary Envoy Special
  Foreign Defense Defence Deputy Chief Justice Judge Pope Cardinal Archbishop Bishop Patriarch Father Rabbi Imam
  Ayatollah Mullah Mufti Maulana Grand Supreme Chairman Chairwoman Director Minister-President Rev Rev. Reverend Saint St St.`
  .split(/\s+/)
  .filter(Boolean);

/** Honorifics that say nothing about a role ("Mr.", "Sir"); others ("President") are roles too. */
export const COURTESY_TITLES = new Set(['Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Mx', 'Dr', 'Dr.', 'Sir', 'Dame', 'Lord', 'Lady', 'Madam', 'Mme', 'Hon', 'Rev', 'Rev.', 'Reverend', 'Prof', 'Prof.']);

/** Nouns that head a person's role ("the Ukrainian defense minister", "a military analyst"). */
export const ROLE_NOUNS = new Set(
  `president vice-president minister premier chancellor king queen prince princess emir sheikh sultan monarch ruler
  adviser advisor aide spokesman spokeswoman spokesperson envoy emissary secretary director chief head commander
  commander-in-chief general colonel major captain admiral lieutenant marshal officer ambassador diplomat negotiator
  mediator official leader lawmaker legislator senator congressman congresswoman representative governor mayor
  chairman chairwoman chair deputy analyst expert researcher scholar professor economist historian strategist
  journalist editor editor-in-chief correspondent reporter host anchor presenter commentator columnist blogger
  personality spymaster founder co-founder ceo executive manager member speaker prosecutor judge lawyer attorney
  activist candidate politician mp mep cleric ayatollah imam rabbi priest pope cardinal bishop patriarch coordinator
  administrator planner staffer counterpart boss coach author writer fellow soldier fighter commander pilot
  spy agent militant rebel veteran doctor nurse worker farmer teacher student resident witness eyewitness survivor victim
  father mother son daughter wife husband brother sister uncle widow owner businessman businesswoman oligarch
  tycoon billionaire investor banker governor-general premier viceroy regent heir delegate consul attaché
  inspector investigator director-general secretary-general undersecretary under-secretary vice-chairman
  chief-of-staff observer monitor campaigner organiser organizer volunteer medic paramedic surgeon scientist
  engineer physicist citizen national laureate winner nominee commissioner parliamentarian deputy-minister
  negotiator-in-chief delegate-general representative-general attaché envoy-designate pm cameraman camerawoman
  photographer photojournalist villager superintendent`.split(/\s+/).filter(Boolean),
);

/**
 * Roles of people a conflict happens to rather than of its actors: residents, medics, relatives,
 * witnesses. Their side is most often the state where they live, which the places around them name.
 */
export const CIVILIAN_ROLES = new Set(
  `doctor nurse worker farmer teacher student resident witness eyewitness survivor victim father mother son daughter
  wife husband brother sister uncle aunt widow owner shopkeeper driver businessman businesswoman medic paramedic
  surgeon villager citizen volunteer housewife neighbour neighbor grandmother grandfather`.split(/\s+/).filter(Boolean),
);

/** Roles whose holders are commentators, not actors of a state: no party is taken from their role. */
export const NON_STATE_ROLES = new Set(
  `analyst expert researcher scholar professor economist historian strategist journalist correspondent reporter
  host anchor presenter commentator columnist blogger personality fellow writer author`.split(/\s+/).filter(Boolean),
);

/** Nouns that head a description of an organisation, a medium or a place: what they describe is not a person. */
export const NON_PERSON_NOUNS = new Set(
  `agency outlet newspaper paper broadcaster network channel company firm group organisation organization party
  ministry department militia movement platform app application website site service council committee office
  magazine daily weekly publication station bank fund institute institution university tank union alliance
  coalition army force forces brigade battalion regiment unit government administration region city town village
  province country state port capital airport base plant refinery depot facility district area oblast territory
  river sea lake island peninsula mountain border frontier crossing bridge road highway street square hospital
  school church mosque parliament assembly court tribunal body authority regime junta cartel gang faction
  operator manufacturer producer maker carrier airline newswire wire podcast show programme program
  broadcast report statement telegram ship gunboat vessel tanker frigate destroyer submarine boat freighter cruiser
  corvette barge ferry yacht trawler warship patrol-boat icebreaker`.split(/\s+/).filter(Boolean),
);

/** Capitalised words that make a run of capitalised words an organisation, place, event or medium. */
export const NON_PERSON_WORDS = new Set(
  `News Times Post Journal Agency Ministry Department Service Services Council Committee Commission Office House
  Street Square Sea Ocean River Lake Gulf Strait Bay Mountains Mount Island Islands Peninsula East West North South
  Eastern Western Northern Southern Central Middle Bank Fund Group Party Forces Force Army Navy Guard Guards Union
  Alliance Organization Organisation Corporation Company Inc Ltd Corp University Institute Center Centre Foundation
  Airport Station Palace Region Province Oblast District County City Republic Kingdom Federation Bridge Plant
  Parliament Assembly Senate Congress Court Church Hospital School Club Network Radio Television TV Channel Press
  Media Herald Tribune Gazette Review Magazine Daily Weekly Affairs Treaty Agreement Accords Accord Conference
  Summit Talks War Day Week Operation Command Brigade Battalion Regiment Corps Division Fleet Embassy Cabinet
  Government Administration Authority Authorities Police Border Front Line Zone Plan Act Initiative Project
  Program Programme Prize Award Cup League Games Olympics Airlines Airways Energy Oil Gas Nuclear Community
  Movement Brotherhood Jihad State States Mosque Cathedral Monastery Museum Tower Stadium Road Avenue
  Highway Railway Canal Valley Desert Basin Coast Strip Heights Territory Territories Europe Asia Africa America
  Americas Arctic Antarctic Pacific Atlantic Mediterranean Caucasus Balkans Baltic Baltics Sahel Levant
  Security Intelligence Defense Defence Foreign Interior Justice Health Finance Treasury Energy Emergency
  Emergencies National International Federal Supreme Constitutional General Joint Staff Armed Air Naval
  Marines Coast Special Revolutionary Islamic Christian Democratic Social Socialist Communist Liberal Conservative
  Labour Labor Peoples Popular Liberation Resistance Crescent Nations Fund
  Monetary Olympic Committee Index Exchange Market Markets Group Holdings Technologies Systems Motors Bloc
  Red Watch Rights Amnesty Deal Pact Charter Declaration Memorandum Protocol Framework Roadmap Corridor Nobel
  Format Communique Communiqué Agreements Process Formula Peace Deals Treaties Forum Coalition Contact Minsk Accords
  Directorate Directorates Inspectorate Secretariat Bureau Headquarters Staff Commissariat
  Association Associations Society Confederation Syndicate Consortium Mission People`
    .split(/\s+/)
    .filter(Boolean),
);

/** Media, news agencies and platforms often named in reports; never people. */
export const OUTLETS = `Reuters | AP | AFP | Associated Press | Agence France-Presse | Bloomberg | Bloomberg News | BBC | CNN | CBS
  | NBC | ABC | Fox | Fox News | MSNBC | NPR | PBS | Sky News | Telegram | Facebook | Twitter | X | YouTube | Instagram
  | TikTok | WhatsApp | Signal | Truth Social | Meduza | TASS | Tass | Interfax | RIA | RIA Novosti | Ukrinform
  | Ukrainska Pravda | Suspilne | Kyiv Independent | Xinhua | Kyodo | Yonhap | Anadolu | Al Jazeera | Al Arabiya
  | Politico | Axios | Guardian | Telegraph | Economist | Kommersant | Vedomosti | Izvestia | Pravda | RT | Sputnik
  | Haaretz | Dawn | Wall Street Journal | Financial Times | New York Times | Washington Post | Le Monde | Spiegel
  | Der Spiegel | Bild | ZDF | ARD | NHK | CCTV | Global Times | Ynet | Times of Israel | Novaya Gazeta | Rossiya
  | Channel One | Euronews | Deutsche Welle | DW | France 24 | VOA | Voice of America | Radio Liberty
  | Radio Free Europe | RFE/RL | Substack | Google | Apple | Microsoft | Amazon | Meta | Starlink | SpaceX | Tesla
  | OpenAI | Wikipedia | Internet | Gazprom | Rosatom | Rosneft | Lukoil | Transneft | Naftogaz | Ukrenergo
  | Energoatom | DTEK | Ukrzaliznytsia | Boeing | Airbus | Lockheed | Lockheed Martin | Raytheon | RTX | Rheinmetall | BAE
  | Palantir | Northrop | Northrop Grumman | General Dynamics | Saab | Thales | Leonardo | Baykar | Shell | BP | Exxon
  | ExxonMobil | Chevron | TotalEnergies | Aramco | Huawei | Nvidia | Visa | Mastercard | SWIFT`
  .split('|')
  .map((s) => s.trim())
  .filter(Boolean);

/** Capitalised words that are never names: days, months, holidays, groups of people, and common sentence words. */
export const NON_NAMES = `Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
  August September October November December Christmas Easter Ramadan Eid Hanukkah Passover God Allah Muslims Muslim
  Christians Christian Jews Jewish Arabs Arab Kurds Kurdish Tatars Sunni Sunnis Shia Shiite Shiites Orthodox Catholic
  Catholics Protestant Western Westerners Europeans European Asian Africans African Latin Soviet Soviets Nazi Nazis
  Cold Second World Mr Mrs Ms Dr Sir Madam Covid COVID Brexit Mayday Olympics`
  .split(/\s+/)
  .filter(Boolean);

/** Given names that are one name: each line lists the forms, formal first. */
export const NICKNAMES = `michael mike mick mikey
william bill will billy
robert bob rob bobby
richard rick rich dick
james jim jimmy jamie
joseph joe
thomas tom tommy
charles charlie chuck
edward ed eddie ted
anthony tony
stephen steven steve
andrew andy drew
daniel dan danny
david dave
christopher chris
alexander alexandr aleksandr alex
benjamin ben
donald don
elizabeth liz beth
katherine catherine kate kathy
margaret maggie
kenneth ken
lawrence larry
gregory greg
nicholas nick
matthew matt
samuel sam
timothy tim
patrick pat
jonathan jon
jeffrey jeff
joshua josh
ronald ron
gerald gerry
peter pete
mohammed muhammad mohamed mohammad mohamad
alexei aleksei alexey aleksey
yevgeny evgeny yevgeniy evgeni
yulia yuliya julia
abdullah abdallah`;

/** Credit lines: the people named in them are not part of the story. */
export const CREDIT_LINE = /\b(contributed (?:reporting|to this report|research|additional reporting)|additional reporting by|reporting by|writing by|edited by|editing by|compiled by|research by|photographs? by|illustrations? by|produced by)\b/i;
/** Weaker credit phrases ("reported by", "written by"): credits only near the end of the text and in a short line. */
export const LATE_CREDIT_LINE = /\b(reported by|written by|graphics by|video by)\b/i;
/** A passive clause, not a credit: "This was reported by the head of ...". */
const PASSIVE_BY = /\b(?:is|was|were|are|been|being|be)\s+(?:\p{L}+ly\s+)?(?:reported|written)\s+by\b/iu;

/** True when a sentence is a credit line. `fromEnd` counts sentences after it. */
export function isCreditLine(sentence: string, fromEnd: number): boolean {
  if (/^[([—–-]*\s*by\s+\p{Lu}/iu.test(sentence)) return true;
  if (/^[([—–-]*\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research|produced|photographs?|edited)\b/i.test(sentence)) return true;
  if (/\bcontributed (?:reporting|to this report|research|additional reporting)\b/i.test(sentence)) return true;
  const late = fromEnd < 3 && sentence.length < 200;
  return late && (CREDIT_LINE.test(sentence) || (LATE_CREDIT_LINE.test(sentence) && !PASSIVE_BY.test(sentence)));
}

/**
 * A name joined to another word by a slash: a photo credit ("Name/Agency") or a dateline of two
 * places ("CityA/CityB, July 28"). `before` is tested on the two characters before the name,
 * `after` on the two after it.
 */
export const SLASH_JOINED = { before: /\p{L}\/$/u, after: /^\/\p{Lu}/u } as const;

/** Endings of company and agency names written as one word ("Gazprom", "Rosatom", "Naftogaz"). */
export const ORG_WORD_ENDING = /(prom|atom|neft|gaz|energo|corp|tech|soft|bank|com|stat|trans|avia|flot)$/i;
