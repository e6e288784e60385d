import { ROLE_NOUNS } from '../lexicon/roles';
import { isSpeechVerb } from '../lexicon/speech-verbs';
import type { AnalysedArticle, ArticlePerson, PersonMention, Token } from '../types';

/**
 * General features of one person of an article for the learned delegation detector: is this
 * person placed in a side's negotiating team? Features are word classes (data rows below),
 * role nouns from lexicon/roles.ts, the shape of the sentences that mention the person, how
 * much of the article is about talks, and whether the rules already put them in a team. Plain
 * lower-case words of the person's sentences are offered too (`w:` and `near:`); the model
 * file keeps only those seen in several training articles, never a proper noun or a number.
 */

/** Closed word classes, matched on a token's lower-case text. */
export const WORD_CLASSES: ReadonlyArray<{ readonly name: string; readonly words: ReadonlySet<string> }> = [
  { name: 'talk', words: set('talks negotiations negotiation negotiate negotiated negotiating summit ceasefire cease-fire truce peace mediation round dialogue discussions consultations') },
  { name: 'team', words: set('delegation delegations team teams negotiators negotiator side sides envoys panel') },
  { name: 'lead', words: set('led lead leads leading headed heads heading head chief chaired chair chairs chaired leader') },
  { name: 'meet', words: set('met meet meets meeting meetings sat hold held holding') },
  { name: 'travel', words: set('arrived arrive arrives arriving flew fly flies traveled travelled travel travels landed visit visited trip') },
  { name: 'represent', words: set('represent represents represented representing representative representatives behalf') },
  { name: 'member', words: set('included includes include including comprised comprises comprise joined accompanied members member alongside') },
  { name: 'mediator', words: set('mediator mediators mediation mediated mediating mediate host hosted hosting hosts broker brokered brokering facilitator facilitated facilitate facilitating observer observers guarantor guarantors sponsor sponsored') },
  { name: 'strike', words: set('killed strike strikes struck attack attacks attacked drone drones missile missiles shelling shelled wounded injured airstrike airstrikes bombing bombed barrage rockets casualties') },
  { name: 'agreement', words: set('agreement agreed deal accord signed sign signing memorandum') },
  { name: 'counterpart', words: set('counterpart counterparts opposite') },
];

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

/** How near (in tokens) a word must be to a mention to count as "near" it. */
const NEAR = 6;

/** A lower-case common word: letters (and inner hyphens) only, not a proper noun or a number. */
const commonWord = (t: Token): string | null => {
  if (t.pos === 'PROPN' || t.pos === 'NUM' || t.pos === 'PUNCT' || t.pos === 'SYM') return null;
  if (!/^\p{Ll}[\p{Ll}-]*\p{Ll}$/u.test(t.text)) return null;
  return t.text;
};

/** Word → the names of its classes, built once from the table above. */
const CLASSES_OF: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const c of WORD_CLASSES) for (const w of c.words) m.set(w, [...(m.get(w) ?? []), c.name]);
  return m;
})();
const NO_CLASSES: readonly string[] = [];
const classesOf = (w: string): readonly string[] => CLASSES_OF.get(w) ?? NO_CLASSES;

/** What the rules said about one person: the party of the team they put them in, and whether they lead it. */
export interface RuleMembership {
  readonly party: string;
  readonly leads: boolean;
}

export interface PersonCase {
  readonly person: ArticlePerson;
  /** The article names two parties and speaks of talks (a talk word somewhere), and the person is named in or next to such a sentence: only then can they be a learned member. */
  readonly nearTalks: boolean;
  readonly features: Map<string, number>;
  /** Index of the first sentence mentioning the person in a talks sentence, else their first mention. */
  readonly sentence: number;
}

/** How near (in characters) a party must be to a mediator word to be named as a go-between. */
const GO_BETWEEN_NEAR = 30;

/** Between a go-between and its mediator word: "Qatari mediators", "Egypt's mediation", "Norway-brokered", "Oman, which hosted". */
const GO_BETWEEN_BEFORE = /^(?:['’]s)?(?:-|\s+(?:[\p{Ll}-]+\s+)?|,\s+(?:which|who)\s+(?:has\s+|had\s+)?|\s+(?:has\s+|had\s+|also\s+)?)$/u;
/** Between a mediator word and its go-between: "mediated by Norway", "the mediation of the Ruritanian foreign minister". */
const GO_BETWEEN_AFTER = /^\s+(?:by|of|from)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}$/u;

/** Parties the article names next to a mediator or host word ("mediated by X", "X-brokered", "Xian mediators", "hosted by X"). */
export function goBetweens(a: AnalysedArticle, classes: readonly SentenceClasses[] = sentenceClasses(a)): Set<string> {
  const out = new Set<string>();
  for (const s of a.sentences) {
    const sc = classes[s.index]!;
    const toks = s.tokens ?? [];
    const cues = toks.filter((_, i) => sc.classes[i]!.includes('mediator') || MEDIATED.test(sc.lower[i]!));
    if (!cues.length) continue;
    for (const m of a.parties) {
      if (m.sentence !== s.index) continue;
      const text = a.article.text;
      const before = (t: Token): boolean => t.start >= m.end && t.start - m.end <= GO_BETWEEN_NEAR && GO_BETWEEN_BEFORE.test(text.slice(m.end, t.start));
      const after = (t: Token): boolean => m.start >= t.end && m.start - t.end <= GO_BETWEEN_NEAR && GO_BETWEEN_AFTER.test(text.slice(t.end, m.start));
      if (cues.some((t) => before(t) || after(t))) out.add(m.party);
    }
  }
  return out;
}

/** "Norway-brokered", "Qatar-mediated", "Oman-hosted" (on a lower-case token). */
const MEDIATED = /-(?:brokered|mediated|hosted)$/;

/** A role noun, then "to" or "of" and at most a few capitalised title words, right before a name: "adviser to President ". */
const SERVED_BY = /\b([\p{Ll}-]+)\s+(?:to|of)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}$/u;
const isRoleNoun = (w: string): boolean => ROLE_NOUNS.has(w) || ROLE_NOUNS.has(w.replace(/s$/, ''));

/** What a caller asks of `delegationCases`. */
export interface CaseOptions {
  /** Only people who can be learned members (nearTalks), in an article that speaks of talks. */
  readonly eligibleOnly?: boolean;
  /** Offer the common-word features (`w:`, `near:w:`); a model that reads none can skip them. */
  readonly words?: boolean;
  /** People not to describe at all (the detector skips those the rules already placed). */
  readonly skip?: (p: ArticlePerson) => boolean;
}

/** The feature names of a word class, built once: near a mention, or elsewhere in its sentence. */
const NEAR_NAME: ReadonlyMap<string, string> = new Map(WORD_CLASSES.map((c) => [c.name, `near:${c.name}`]));
const S_NAME: ReadonlyMap<string, string> = new Map(WORD_CLASSES.map((c) => [c.name, `s:${c.name}`]));

/** The word classes of every token of every sentence, read once per article. */
interface SentenceClasses {
  readonly lower: readonly string[];
  readonly classes: ReadonlyArray<readonly string[]>;
  /** A talk or team word in it. */
  readonly talkOrTeam: boolean;
  /** The names of the classes it holds. */
  readonly holds: ReadonlySet<string>;
}

function sentenceClasses(a: AnalysedArticle): SentenceClasses[] {
  return a.sentences.map((s) => {
    const lower = (s.tokens ?? []).map((t) => t.text.toLowerCase());
    const classes = lower.map(classesOf);
    const holds = new Set<string>();
    for (const cs of classes) for (const c of cs) holds.add(c);
    return { lower, classes, talkOrTeam: holds.has('talk') || holds.has('team'), holds };
  });
}

/** Feature vectors of every person of an article (see CaseOptions for who is left out). */
export function delegationCases(a: AnalysedArticle, rules: ReadonlyMap<ArticlePerson, RuleMembership>, options: CaseOptions | boolean = {}): PersonCase[] {
  const opts: CaseOptions = typeof options === 'boolean' ? { eligibleOnly: options } : options;
  const eligibleOnly = opts.eligibleOnly ?? false;
  const withWords = opts.words ?? true;
  // talks have two sides at least: an article naming one party has no teams to learn
  const twoSides = new Set(a.parties.map((m) => m.party)).size >= 2;
  if (eligibleOnly && !twoSides) return [];
  const sc = sentenceClasses(a);
  const body = a.sentences.filter((s) => !s.heading);
  /** Share of the article's body sentences that hold a word of class `name`. */
  const shareWith = (name: string): number => (body.length ? body.filter((s) => sc[s.index]!.holds.has(name)).length / body.length : 0);
  const talkShare = shareWith('talk');
  const talky = a.sentences.map((s) => !s.heading && sc[s.index]!.talkOrTeam);
  // a team word alone (a rescue or football team) is no round of talks: the article must speak of talks
  if (eligibleOnly && (talkShare === 0 || !talky.some(Boolean))) return [];
  const teamShare = shareWith('team');
  const strikeShare = shareWith('strike');
  // the sides of talks are the parties the article names most; a host or go-between is named less
  const partyCounts = new Map<string, number>();
  for (const m of a.parties) partyCounts.set(m.party, (partyCounts.get(m.party) ?? 0) + 1);
  // the article's all-lower-case words (only such a token can equal a name word in lower case)
  const lowerWords = new Set<string>();
  for (const s of a.sentences) (s.tokens ?? []).forEach((t, i) => t.text === sc[s.index]!.lower[i] && lowerWords.add(t.text));
  const commonInText = (w: string): boolean => {
    const lw = w.toLowerCase();
    return /^\p{Ll}/u.test(lw) && lowerWords.has(lw);
  };
  const partyRank = [...partyCounts].sort((x, y) => y[1] - x[1]).map(([party]) => party);
  const ruleParties = new Set([...rules.values()].map((r) => r.party));
  const ruleTeams = ruleParties.size;
  const nSent = Math.max(1, a.sentences.length);
  const go = goBetweens(a, sc);
  const out: PersonCase[] = [];
  const mentionsBySentence = new Map<number, Array<{ p: ArticlePerson; m: PersonMention }>>();
  for (const p of a.people) for (const m of p.mentions) (mentionsBySentence.get(m.sentence) ?? mentionsBySentence.set(m.sentence, []).get(m.sentence)!).push({ p, m });
  for (const xs of mentionsBySentence.values()) xs.sort((x, y) => x.m.start - y.m.start);
  const text = a.article.text;
  for (const p of a.people) {
    if (opts.skip?.(p)) continue;
    const nearTalks = twoSides && p.mentions.some((m) => talky[m.sentence] || talky[m.sentence - 1] || talky[m.sentence + 1]);
    if (eligibleOnly && !nearTalks) continue;
    const f = new Map<string, number>();
    const add = (name: string, v = 1): void => {
      const had = f.get(name);
      if (had === undefined || v > had) f.set(name, v);
    };
    add('art:talk-share', talkShare);
    add('art:team-share', teamShare);
    add('art:strike-share', Math.min(1, strikeShare));
    if (ruleTeams) add('art:rule-teams');
    if (ruleTeams >= 2) add('art:rule-teams-2');
    const r = rules.get(p);
    if (r) add(r.leads ? 'rule:leads' : 'rule:member');
    // role nouns
    const roleWords = new Set(p.roles.flatMap((x) => x.toLowerCase().split(/[\s,]+/)).filter((w) => ROLE_NOUNS.has(w) || ROLE_NOUNS.has(w.replace(/s$/, ''))));
    for (const w of roleWords) add(`role:${w}`);
    if (!p.roles.length) add('role:none');
    add(p.party ? 'side:known' : 'side:none');
    // a go-between or host is no side's team: "talks mediated by Ruritania", "Ruritanian mediators"
    const side = p.party ?? r?.party ?? null;
    if (side && go.has(side)) add('side:go-between');
    if (p.party) {
      const rank = partyRank.indexOf(p.party);
      add(rank < 0 ? 'side:rank-none' : rank < 2 ? `side:rank-${rank + 1}` : 'side:rank-3+');
      if (ruleParties.has(p.party)) add('side:rule-team');
    }
    const nameWords = p.name.split(/\s+/);
    const words = nameWords.length;
    // a "name" made of common words of the text ("Peaceful Reunification") or of capitals only ("NDF RWC") is rarely a person
    if (nameWords.some((w) => w.length > 3 && commonInText(w))) add('name:common-word');
    if (nameWords.some((w) => /^\p{Lu}{2,}$/u.test(w))) add('name:all-capitals');
    add(words === 1 ? 'name:one-word' : words === 2 ? 'name:two-words' : 'name:three-words+');
    const sentences = [...new Set(p.mentions.map((m) => m.sentence))].sort((x, y) => x - y);
    add('mentions', Math.min(sentences.length, 6) / 6);
    if (sentences.length === 1) add('mentions:one');
    add('first-at', (sentences[0] ?? 0) / nSent);
    let talkSentence = -1;
    let sentenceTalk = 0;
    for (const si of sentences) {
      const s = a.sentences[si];
      if (!s) continue;
      const toks = s.tokens ?? [];
      const { lower, classes, talkOrTeam } = sc[si]!;
      const mine = p.mentions.filter((m) => m.sentence === si);
      if (talkOrTeam) {
        sentenceTalk++;
        if (talkSentence < 0) talkSentence = si;
      }
      if (s.heading) add('s:heading');
      // token ranges of the person's mentions, widened by NEAR
      const ranges = mine.map((m) => {
        let from = toks.findIndex((x) => x.start >= m.start);
        let to = toks.findIndex((x) => x.start >= m.end);
        if (from < 0) from = toks.length;
        if (to < 0) to = toks.length;
        return [from - NEAR, to + NEAR] as const;
      });
      for (let i = 0; i < toks.length; i++) {
        const near = ranges.some(([x, y]) => i >= x && i < y);
        for (const c of classes[i]!) add(near ? NEAR_NAME.get(c)! : S_NAME.get(c)!);
        if (near && isSpeechVerb(lower[i]!)) add('near:speech');
        if (!withWords) continue;
        const w = commonWord(toks[i]!);
        if (!w) continue;
        add(`w:${w}`);
        if (near) add(`near:w:${w}`);
      }
      // listing shapes: another person named right before or after, joined by a comma or "and"
      const inSentence = mentionsBySentence.get(si) ?? [];
      for (const m of mine) {
        const prev = inSentence.filter((x) => x.p !== p && x.m.end <= m.start).pop();
        const next = inSentence.find((x) => x.p !== p && x.m.start >= m.end);
        const joined = (gap: string): boolean => gap.length <= 60 && /^[^;:.]*(?:,|\band\b)[^;:.]*$/.test(gap) && !/\b(?:said|says|told|met|with|against)\b/.test(gap);
        if ((prev && joined(text.slice(prev.m.end, m.start))) || (next && joined(text.slice(m.end, next.m.start)))) add('shape:listed');
        // "Ruritania's X", "Ruritanian envoy X": a party right before the name or its title
        const before = text.slice(Math.max(s.start, m.start - 60), m.start);
        const party = a.parties.filter((x) => x.sentence === si && x.end <= m.start && x.start >= m.start - 60).pop();
        if (party && !/[,;:.]/.test(text.slice(party.end, m.start))) add(/^['’]s?/.test(text.slice(party.end, party.end + 2)) ? 'shape:party-possessive' : 'shape:party-before');
        if (/\bby\s+(?:\p{Lu}[\p{L}.’'-]*\s+){0,4}$/u.test(before) || /\bby\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,4}$/u.test(before)) add('shape:by-agent');
        if (/:\s*(?:\p{L}[\p{L}.’'-]*\s+){0,4}$/u.test(before)) add('shape:after-colon');
        if (/^\s*\(/.test(text.slice(m.end, m.end + 3))) add('shape:paren-after');
        // the principal an aide serves, not a member: "adviser to President X", "X's chief of staff"
        const servedBy = SERVED_BY.exec(before);
        if (servedBy && isRoleNoun(servedBy[1]!)) add('shape:principal-of-role');
        if (/^['’]s?\s/.test(text.slice(m.end, m.end + 3))) add('shape:possessive');
      }
    }
    add('talk-sentences', Math.min(sentenceTalk, 4) / 4);
    if (sentences.length && sentenceTalk === 0) add('talk-sentences:none');
    out.push({ person: p, nearTalks, features: f, sentence: talkSentence >= 0 ? talkSentence : (sentences[0] ?? 0) });
  }
  return out;
}

/**
 * The side of a learned member: their own (from their role or the people stage's vote), else
 * the party of a team the rules found in a sentence that names them, else the nearest party
 * named before them in the clause of their first sentence about talks.
 */
export function learnedParty(a: AnalysedArticle, c: PersonCase, rules: ReadonlyMap<ArticlePerson, RuleMembership>, voted: ReadonlyMap<string, string | null>): string | null {
  const own = c.person.party ?? voted.get(c.person.key) ?? null;
  if (own) return own;
  const sentences = new Set(c.person.mentions.map((m) => m.sentence));
  for (const [p, r] of rules) if (p.mentions.some((m) => sentences.has(m.sentence))) return r.party;
  const m = c.person.mentions.find((x) => x.sentence === c.sentence);
  const s = a.sentences[c.sentence];
  if (!m || !s) return null;
  const before = a.parties.filter((x) => x.sentence === s.index && x.end <= m.start && !/[;]/.test(a.article.text.slice(x.end, m.start))).pop();
  return before?.party ?? null;
}
