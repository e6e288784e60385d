/**
 * A realistic benchmark corpus, generated: many distinct texts (invented people, places,
 * numbers and wordings drawn from a seeded generator, so no two articles share a paragraph),
 * each article with its own publication date and outlet, about 1,000 words, in the shapes
 * news reporting uses (talks and delegations, positions, outlook, strikes with tolls, quotes,
 * relative days). Deterministic: the same seed gives the same corpus.
 *
 * It replaces the old corpus of rotated sample paragraphs, which shared one date (so the date
 * cache answered across articles) and repeated the same 58 paragraphs.
 */
import type { Article } from '../src/model';
import { rng } from './seeded-random';


// Pairs of states (name, demonym, capital) the generator sets against each other; general
// geography, not the development articles.
const STATES: ReadonlyArray<readonly [string, string, string]> = [
  ['Armenia', 'Armenian', 'Yerevan'], ['Azerbaijan', 'Azerbaijani', 'Baku'], ['Ethiopia', 'Ethiopian', 'Addis Ababa'],
  ['Eritrea', 'Eritrean', 'Asmara'], ['Serbia', 'Serbian', 'Belgrade'], ['Kosovo', 'Kosovar', 'Pristina'],
  ['India', 'Indian', 'New Delhi'], ['Pakistan', 'Pakistani', 'Islamabad'], ['Sudan', 'Sudanese', 'Khartoum'],
  ['Chad', 'Chadian', "N'Djamena"], ['Thailand', 'Thai', 'Bangkok'], ['Cambodia', 'Cambodian', 'Phnom Penh'],
  ['Peru', 'Peruvian', 'Lima'], ['Ecuador', 'Ecuadorian', 'Quito'], ['Mali', 'Malian', 'Bamako'],
  ['Niger', 'Nigerien', 'Niamey'], ['Georgia', 'Georgian', 'Tbilisi'], ['Moldova', 'Moldovan', 'Chisinau'],
];
const VENUES = ['Geneva', 'Vienna', 'Doha', 'Oslo', 'Nairobi', 'Istanbul', 'Muscat', 'Abu Dhabi', 'Helsinki', 'Addis Ababa', 'Cairo', 'Astana'];
const ROLES = ['foreign minister', 'defence minister', 'deputy foreign minister', 'chief negotiator', 'national security adviser', 'presidential envoy', 'army chief of staff', 'interior minister'];
const SYL = ['ka', 'lo', 'ren', 'mi', 'sa', 'tor', 'vel', 'an', 'dri', 'mo', 'zi', 'per', 'ul', 'gan', 'is', 'bor', 'ne', 'li', 'va', 'ros', 'te', 'min', 'da', 'hu'];
const WEAPONS = ['drones', 'ballistic missiles', 'cruise missiles', 'rockets', 'artillery shells', 'guided bombs'];
const TARGETS = ['a power station', 'apartment blocks', 'a rail depot', 'a grain terminal', 'a hospital', 'a fuel depot', 'a market', 'a bridge'];
const OUTLETS = ['Reuters', 'AFP', 'The Daily Ledger', 'Northern Post', 'Harbour Times', 'Meridian News', 'The Observer-Courier', 'Capital Wire'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'a dozen', 'two dozen'];

export interface BenchCorpus {
  readonly articles: Article[];
  readonly words: number;
  readonly corpus: string;
}

/** `count` distinct articles of about `wordsPerArticle` words each. */
export function buildRealisticCorpus(count: number, wordsPerArticle = 1000, seed = 20261129): BenchCorpus {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const word = (n: number): string => cap(Array.from({ length: n }, () => pick(SYL)).join(''));
  const person = (): string => `${word(int(2, 3))} ${word(int(2, 4))}`;
  const articles: Article[] = [];
  let words = 0;
  const start = Date.UTC(2023, 0, 1);
  for (let i = 0; i < count; i++) {
    let a = pick(STATES);
    let b = pick(STATES);
    while (b === a) b = pick(STATES);
    const venue = pick(VENUES);
    const published = new Date(start + int(0, 1000) * 86_400_000).toISOString().slice(0, 10);
    const cast = Array.from({ length: 8 }, () => ({ name: person(), role: pick(ROLES), side: r() < 0.5 ? a : b }));
    const paragraphs: string[] = [];
    const sentences: Array<() => string> = [
      () => `Negotiators from ${a[0]} and ${b[0]} met in ${venue} on ${pick(DAYS)} for a ${pick(['second', 'third', 'fourth', 'new'])} round of talks on ${pick(['a ceasefire', 'prisoner exchanges', 'the border', 'a peace framework'])}.`,
      () => { const p = pick(cast); return `The ${p.side[1]} delegation was led by ${p.side[1]} ${cap(p.role)} ${p.name} and included ${pick(cast).name}, a ${pick(ROLES)}.`; },
      () => { const p = pick(cast); return `${p.name}, ${p.side[0]}'s ${p.role}, said his government would not accept ${pick(['any change to the border', 'foreign troops on its soil', 'a deal without guarantees', 'a freeze of the front line'])}.`; },
      () => { const p = pick(cast); return `“We are ready to ${pick(['exchange all prisoners', 'open the crossings', 'withdraw heavy weapons', 'resume talks next month'])} if ${(p.side === a ? b : a)[0]} stops its attacks,” ${p.name} told reporters.`; },
      () => `${a[0]} demanded that ${b[0]} ${pick(['withdraw its forces', 'release detained soldiers', 'halt drone strikes', 'pay reparations'])} before any agreement is signed.`,
      () => `The two sides agreed to meet again in ${pick(VENUES)} ${pick(['next week', 'within a month', `on ${pick(DAYS)}`, 'after the holidays'])}, officials said.`,
      () => `Analysts said a breakthrough was ${pick(['unlikely', 'possible but distant', 'within reach'])} before ${pick(['the winter', 'the elections', 'the summit'])}.`,
      () => `${b[1]} forces launched ${int(5, 400)} ${pick(WEAPONS)} at ${pick([a[2], `the ${a[1]} region of ${word(3)}`, `the city of ${word(3)}`])} overnight, killing at least ${int(1, 40)} people and injuring ${int(2, 90)}, ${a[1]} officials said.`,
      () => `A strike on ${pick(TARGETS)} in ${word(3)} on ${pick(DAYS)} killed ${pick(NUMBER_WORDS)} civilians, according to local authorities.`,
      () => `${a[0]}'s air defences shot down ${int(3, 120)} of the ${int(121, 300)} ${pick(WEAPONS)}, the ${a[1]} military said on ${pick(DAYS)}.`,
      () => `${b[0]} accused ${a[0]} of ${pick(['violating the truce', 'shelling border villages', 'stalling the talks', 'targeting civilians'])}, a charge ${a[2]} denied.`,
      () => `The ${pick(['talks', 'negotiations', 'discussions'])} lasted ${int(2, 9)} hours and ended without a joint statement on ${pick(DAYS)} evening.`,
      () => `${pick(cast).name} said the next round could take place ${pick(['in the spring', 'by the end of the month', 'once the prisoners are exchanged'])}.`,
      () => `Residents of ${word(3)} described ${pick(['hours of shelling', 'a night of explosions', 'sirens until dawn'])}, and ${int(20, 900)} people were evacuated.`,
    ];
    let n = 0;
    while (n < wordsPerArticle) {
      const para = Array.from({ length: int(2, 4) }, () => pick(sentences)()).join(' ');
      n += para.split(/\s+/).length;
      paragraphs.push(para);
      if (r() < 0.08) [a, b] = [b, a];
    }
    words += n;
    const title = `${a[0]} and ${b[0]} resume talks in ${venue} as strikes go on`;
    articles.push({ id: `bench-${i}`, title, outlet: pick(OUTLETS), published, byline: null, text: `${title}\n${paragraphs.join('\n')}`, origin: { kind: 'paste' } });
  }
  return { articles, words, corpus: `generated (${count} distinct articles, seed ${seed}, per-article dates and outlets)` };
}
