import type { Delegation, DelegationMember, SourceRef } from '../model';
import { HONORIFICS, ROLE_NOUNS } from './lexicon/roles';

const HONORIFIC_WORDS = new Set(HONORIFICS.map((h) => h.toLowerCase()));
import { foldText, personId, samePerson, slug } from './names';
import { inSpans, quotations, speakerAt } from './clauses';
import { articleTimes } from './dates';
import { findPlaces } from './parties';
import { sidesFromSentences } from './people';
import type { AnalysedArticle, ArticlePerson, PersonMention, Sentence } from './types';
import { delegationCases, learnedParty, type RuleMembership } from './learn/delegation-features';
import { delegationModel, leads, memberProbability, memberThreshold, readsWords, type DelegationModel } from './learn/delegation-model';
import { refOf } from './types';
import { datelinePlace } from '../text/dateline';
import { allMatches } from '../text/matches';

/**
 * Negotiating delegations: who is placed in (or at the head of) a team for a round of talks.
 * Cues: "a delegation led by X and Y", "the US delegation was led by X", "X was heading his
 * country's delegation, which included Y, Z", "Its delegation will comprise X and Y",
 * "He was joined by X", "X led the negotiations". Only people the text itself puts in the team
 * count: "aides to X" or "X's adviser" do not make X a member.
 */

const CUE_NOUN = /\b(delegations?|team|negotiating team|negotiators|side)\b/gi;
const LEAD_BY = /\b(led|headed|chaired)\s+by\b/gi;
/** A comma-opened modifier of a team noun that goes on with "and" before its "led by": ", currently in talks with Y and ". */
const INTERPOSED_MODIFIER = /^,\s[^.;:()"“”]*\s(?:and|,)\s*$/;
const LEAD_VERB = /\b(?:is|was|will be|has been)?\s*(?:jointly\s+|together\s+)?(leading|heading|led|leads|lead|heads|head|headed|chairs|chaired)\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:country['’]s\s+|(?:\p{Lu}[\p{L}.]*\s+){1,2}\p{Lu}[\p{L}.]*['’]s?\s+|\p{Lu}[\p{L}.]*(?:['’]s)?\s+)?(?:[\p{Ll}-]+\s+){0,2}(delegation|team|negotiations|talks|negotiating team|side)\b/giu;
const LIST_VERB = /\b(included|includes|include|including|comprises|comprise|comprised|will comprise|consisting of|consists of|made up of|represented by|joined(?:\s+[\p{L}]+){0,3}?\s+by|(?:travell?ed|flew|arrived|came)\s+(?:(?:to|in|at)\s+[\p{Lu}][\p{L}’'-]*(?:\s+[\p{Lu}][\p{L}’'-]*){0,2}\s+)?(?:together\s+)?with)\b/giu;
/** "X, the head of the Ukrainian delegation", "head of the delegation, X". */
const HEAD_OF = /\b(?:the\s+)?(?:head|chief|leader|chairman|chair)\s+of\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?((?:[\p{L}.’'-]+\s+){0,3}?)(delegation|negotiating team|team)\b/giu;
/** "X, a member of the Hamas delegation", "X joined the U.S. team". */
const MEMBER_OF = /(?:,\s*(?:a|another|one)\s+(?:senior\s+)?members?\s+of|\bjoined)\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?((?:[\p{L}.’'-]+\s+){0,3}?)(delegation|negotiating team|team)\b/giu;
const MEMBERS_OF = /\b(?:are|were|is|was)\s+(?:both\s+)?(?:members?|part)\s+of\s+(?:the\s+|its\s+|his\s+|their\s+)?((?:[\p{L}.’'-]+\s+){0,3}?)(delegation|team|negotiating team)\b/giu;
const LIST_END = /\s*(?:\baccording to\b|,?\s*\b(?:led|headed|chaired)\s+by\b|,?\s*\b(?:accompanied|flanked|assisted|joined)\s+by\b|;(?!\s*and\b)|,?\s*\b(?:and\s+|that\s+|which\s+)?(?:also\s+)?(?:includes?|included|including|comprises?|comprised)\b|\bthat\b|,\s*(?:an?|the)\s+[\p{L}. ]{0,40}\b(?:said|says|told)\b|\b(?:said|says|told)\b|\(|—|–|;?\s*\bwho\b|\bfor (?:the )?talks\b)/u;
const NOT_NEGOTIATING = /\b(congressional|parliamentary|senate|business|trade|cultural|sports?|football|soccer|olympic|national|student|church|medical|rescue|search|investigative|forensic|legal|inspection|monitoring|relief|aid|humanitarian|security|reporting|news|camera|film|research|design|management|marketing|sales)\s+(?:[\p{Ll}-]+\s+)?$/iu;
const STRONG = /delegation|negotiat|\btalks\b/i;
const TALKS = /\b(talks|negotiat\w*|summit|peace|ceasefire|cease-fire|truce|mediat\w*|diplomat\w*|delegations?)\b/i;
/** Talks are mentioned in the sentence's neighbourhood (two before, one after). */
const talksNear = (a: AnalysedArticle, s: Sentence): boolean =>
  a.sentences.slice(Math.max(0, s.index - 2), s.index + 2).some((x) => TALKS.test(x.text));

/** "X, accompanied by Y", "X traveled with Y": the companions join X's team. */
const ACCOMPANIED = /\b(?:accompanied|flanked)\s+by\b|\btravell?ed\s+(?:to\s+[\p{Lu}][\p{L}.’'-]*(?:\s+[\p{Lu}][\p{L}.’'-]*)?\s+)?with\b/gu;
/** "Ruritania sent X". */
const SENT = /\b(?:sent|sends|will\s+send|is\s+sending|dispatched|dispatches)\s+/giu;
/** "with X, a field commander, at his side". */
const AT_SIDE = /\bwith\s+[^;:.!?]{2,120}?\s+at\s+(?:his|her|their)\s+side\b/giu;
/** A cheap first test: a sentence without any of these words holds no delegation cue. */
const MAYBE = /delegation|team|negotia|talks|side|joined|represented|includ|compris|\bmet\b|\bmeets?\b|\b(?:led|headed|chaired) by|accompanied|flanked|travell?ed with|\b(?:travell?ed|flew|arrived|came)\b[^.]{0,50}\bwith\b|sent|dispatched|attend|involv|taking part|members|meeting/i;
/** A team verb or noun between two names: they are not one compound subject ("A led the X team and B ..."). */
const TEAM_CLAUSE_IN_GAP = /\b(?:leads|led|leading|headed|heading|chaired|delegation|team)\b/i;
const PRONOUN_PARTY = /\b(its|his|her|their)(\s+country['’]s)?\s*$/i;

/** Clause boundaries inside a sentence: "A led X; B was represented by Y", "..., while B ...". */
const CLAUSE_BREAK = /;\s+|,?\s+(?:while|whereas)\s+/g;
/** A team predicate in the passive: "PARTY was represented by", "The Ruritanians were led by". */
const PASSIVE_TEAM = /\b(?:was|were|is|are|will be|would be|has been|have been|had been)\s+(?:also\s+|jointly\s+)?(led|headed|represented|chaired|co-led|co-chaired)\s+by\s+/gi;
/** Attendance: "the meeting is attended by", "the talks involve", "Taking part in the talks are". */
const ATTEND = /\b(?:attended\s+by|involv(?:e|es|ed|ing)|(?:taking|took|take|takes)\s+part\s+in\b[^,;.]{0,60}?\b(?:are|were|is|was)|participants\s+(?:are|were|include|included))\s+/gi;
/** A role that leads a team: "delegation head", "head of the delegation", "chief negotiator". */
const LEADER_ROLE = /\b(?:delegation(?:['’]s)?\s+(?:head|chief|leader|chair)|head\s+of\s+(?:the\s+|its\s+|their\s+)?(?:\p{L}+\s+)?delegation|(?:chief|lead|top|head|senior)\s+negotiator|negotiator-in-chief)\b/iu;
/** A round of talks named by more than a negotiator's title. */
const ROUND_OF_TALKS = /\b(?:talks|negotiations|negotiating|summit|ceasefire|cease-fire|truce|delegations?|round)\b/i;
/** A negotiator of a side (not a go-between): "Hamas negotiator", "Ruritania's negotiators", "a negotiator for X". */
const NEGOTIATOR_ROLE = /\bnegotiators?\b(?!\s+(?:with|between)\b)/i;
/** Travel to the talks: "arrived in VENUE ... for talks", "flew into VENUE to join the negotiations". */
const TRAVEL = /\b(?:arrived|arrives|arriving|flew|flies|travell?ed|travels|landed|lands|came)\s+(?:in|into|to|at)\s+/gi;
const FOR_TALKS = /\b(?:for|to\s+join|to\s+attend|to\s+take\s+part\s+in|to\s+lead)\s+(?:the\s+|a\s+|new\s+|fresh\s+)?(?:[\p{Ll}-]+\s+){0,3}?(?:talks|negotiations|meeting|summit|round)\b/iu;
/**
 * Two principals conduct the talks, one for each side: "the talks are being held by X and Y",
 * "X met with Y" in a sentence about talks or peace. Each leads their own side's team; both must
 * have a side, and different ones.
 */
const PRINCIPALS: ReadonlyArray<{ name: string; cue: RegExp; subjectFirst: boolean; talks: boolean; confidence: number }> = [
  { name: 'talks-held-by', cue: /\b(?:talks|negotiations|discussions)\s+(?:are|were|is|was|will\s+be|have\s+been|had\s+been)\s+(?:being\s+)?(?:held|conducted|led)\s+by\s+/i, subjectFirst: false, talks: false, confidence: 0.75 },
  { name: 'principals-met', cue: /\b(?:met|meets|will\s+meet|held\s+talks)\s+(?:with\s+)?/i, subjectFirst: true, talks: true, confidence: 0.6 },
  { name: 'talks-between', cue: /(?<!\b(?:future|next|possible|planned|proposed|later|third|second|another|new)\s+)\b(?:talks|negotiations)\s+between\s+/i, subjectFirst: false, talks: false, confidence: 0.6 },
  { name: 'principals-brought-together', cue: /\bbr(?:ought|ings|ing)\s+together\s+/i, subjectFirst: false, talks: true, confidence: 0.6 },
];
/** "X and his Ruritanian counterpart Y met / held talks": the two coordinated subjects are the principals. */
const COUNTERPARTS = /^\s*,?\s*and\s+(?:(?:his|her|their)\s+)?(?:[\p{L}-]+\s+){0,2}counterpart,?\s*$/u;
const MET_AFTER = /^\s*,?\s*(?:[^,;.]{0,40}?\s)?(?:met|meet|meets|held\s+talks|hold\s+talks|holds\s+talks|sat\s+down)\b/;
/** A sentence whose subject takes up the team just named: "It will also include", "They include". */
const TEAM_PRONOUN = /^\s*(?:It|They)\s+(?:will\s+|would\s+|also\s+|is\s+to\s+)*$|^\s*(?:It|They)\s+(?:is|are|was|were|will\s+be)\s+(?:led|headed)\s+by\s[^;:.]*\s(?:and|but)\s+(?:also\s+)?$/;
/** Members placed in a team after it: "Also in the team is X", "On the Ruritanian delegation are X and Y". */
const IN_THE_TEAM = /(?:^|[.;]\s+|\b[Aa]lso\s+)(?:[Ii]n|[Oo]n)\s+the\s+(?:[\p{L}’'-]+\s+){0,2}?(?:delegation|team|negotiating\s+team)\s+(?:are|is|were|was|will\s+be)\s+/gu;
/** "X is representing Ruritania", "who represents Ruritania", "X represented Ruritania": the verb right before the party. */
const REPRESENTS = /\b(?:is\s+|was\s+|are\s+|were\s+|will\s+be\s+)?(?:representing|represents|represented|will\s+represent)\s+(?:the\s+)?/gi;
/** A list of further members after a colon: "the other members are ...: A, B and C". */
const MORE_MEMBERS = /\b(?:members|rest\s+of\s+the\s+(?:team|delegation)|others|also\s+(?:includes?|included))\b[^:]{0,80}:\s*/i;

export interface Found {
  party: string | null;
  /** How sure the cue is (0..1). */
  confidence: number;
  members: Array<{ person: ArticlePerson; leads: boolean }>;
  sentence: Sentence;
  /** The party of the clause, used when neither the cue nor the members name one. */
  fallback?: string | null;
  /** Where this team met, when the sentence says it ("sent X to VENUE"). */
  venue?: string | null;
  /** Names of the rules that found it. */
  rule?: string;
}

const personAt = (a: AnalysedArticle, start: number, end: number): { p: ArticlePerson; m: PersonMention } | null => {
  for (const p of a.people) for (const m of p.mentions) if (m.start >= start && m.start < end) return { p, m };
  return null;
};
const mentionsIn = (a: AnalysedArticle, start: number, end: number): Array<{ p: ArticlePerson; m: PersonMention }> => {
  const out: Array<{ p: ArticlePerson; m: PersonMention }> = [];
  for (const p of a.people) for (const m of p.mentions) if (m.start >= start && m.end <= end) out.push({ p, m });
  return out.sort((x, y) => x.m.start - y.m.start);
};

/** The person a sentence is about: its first named person, or for "He ..." the previous sentence's. */
function subjectPerson(a: AnalysedArticle, s: Sentence, before: number): ArticlePerson | null {
  const inS = mentionsIn(a, s.start, before);
  if (inS.length && !/^(he|she)\b/i.test(s.text)) return inS[0].p;
  for (let k = s.index - 1; k >= 0 && k >= s.index - 2; k--) {
    const prev = a.sentences[k];
    const ms = mentionsIn(a, prev.start, prev.end);
    if (ms.length) return ms[0].p;
  }
  return inS[0]?.p ?? null;
}

/** The party a sentence is about: its first party mention before an offset, else the previous sentence's. */
function subjectParty(a: AnalysedArticle, s: Sentence, before: number): string | null {
  const inS = a.parties.find((p) => p.start >= s.start && p.end <= before);
  if (inS) return inS.party;
  for (let k = s.index - 1; k >= 0 && k >= s.index - 2; k--) {
    const prev = a.sentences[k];
    const p = a.parties.find((x) => x.sentence === prev.index);
    if (p) return p.party;
  }
  return null;
}

/** Party of the delegation named by the noun at [cueStart, cueEnd): "the Ukrainian delegation", "Its delegation". */
/** What joins a team noun to the party after it: "delegation from", "team of the", "delegation representing". */
const POST_PARTY = /^\s+(?:from|of|representing)\s+(?:the\s+)?/i;

function partyOfCue(a: AnalysedArticle, s: Sentence, cueStart: number): string | null {
  const text = a.article.text;
  const lead = text.slice(Math.max(s.start, cueStart - 40), cueStart);
  const pm = PRONOUN_PARTY.exec(lead);
  if (pm) {
    if (pm[2] || /^(his|her)$/i.test(pm[1])) {
      const p = subjectPerson(a, s, cueStart);
      if (p?.party) return p.party;
      if (!pm[2]) return null;
    }
    return subjectParty(a, s, cueStart - pm[0].length);
  }
  // "Mr. Nazarov's team": the party of that person
  const owner = mentionsIn(a, Math.max(s.start, cueStart - 40), cueStart).pop();
  if (owner && /^['’]s?\s+(?:[\p{Ll}-]+\s+)?$/u.test(text.slice(owner.m.end, cueStart)) && owner.p.party) return owner.p.party;
  // a party word right before the noun, inside its noun phrase
  const near = a.parties.filter((p) => p.end <= cueStart && p.start >= cueStart - 40 && /^(?:['’]s)?(?:\s+[\p{Ll}-]+){0,2}\s+$/u.test(text.slice(p.end, cueStart)));
  if (near.length === 1 || (near.length > 1 && near.every((p) => p.party === near[0].party))) return near[near.length - 1].party;
  // a party after the noun, in its own noun phrase: "a delegation from Chile", "the team of the Peruvian government"
  const noun = /^[\p{L}-]+/u.exec(text.slice(cueStart, cueStart + 40));
  const post = noun ? POST_PARTY.exec(text.slice(cueStart + noun[0].length, cueStart + noun[0].length + 30)) : null;
  if (noun && post) {
    const at = cueStart + noun[0].length + post[0].length;
    const after = a.parties.find((p) => p.start === at && p.end <= s.end);
    if (after) return after.party;
  }
  // "the army delegation", "the government's negotiating team": the side the article calls
  // "Sudan's army", "the Sudanese army", "Ruritania (RU)'s federal government", "the government of Ruritania"
  const body = BODY_BEFORE_TEAM.exec(lead);
  if (body) {
    const after = bodyOwnerAfter(body[1].toLowerCase());
    const before = bodyOwnerBefore(body[1].toLowerCase());
    const owners = new Set(a.parties.filter((p) => after.test(text.slice(p.end, p.end + 60)) || before.test(text.slice(Math.max(0, p.start - 40), p.start))).map((p) => p.party));
    if (owners.size === 1) return [...owners][0];
  }
  return null;
}

/** A state body owning a team noun: "the army delegation", "the government's negotiating team". */
const BODY_BEFORE_TEAM = /\b(army|military|government|armed forces)(?:['’]s)?\s+(?:[\p{Ll}-]+\s+)?$/iu;
/** The party a body belongs to, after it: "Ruritania's army", "the Ruritanian federal government", "Ruritania (RU)'s government". */
const bodyOwnerAfter = (body: string): RegExp => new RegExp(`^(?:\\s*\\([\\p{Lu}\\d]{2,8}\\))?(?:['’]s)?\\s+(?:\\p{Ll}+\\s+)?${body}\\b`, 'iu');
/** The party a body belongs to, before it: "the government of Ruritania". */
const bodyOwnerBefore = (body: string): RegExp => new RegExp(`\\b${body}\\s+of\\s+(?:the\\s+)?$`, 'iu');

/** Party from the nearest heading before the sentence that names a delegation ("The Russian delegation"). */
function partyFromHeading(a: AnalysedArticle, s: Sentence): string | null {
  for (let k = s.index - 1; k >= 0; k--) {
    const h = a.sentences[k];
    if (!h.heading) continue;
    if (!/\b(delegation|team|negotiators)\b/i.test(h.text)) return null;
    return a.parties.find((p) => p.sentence === h.index)?.party ?? null;
  }
  return null;
}

interface Fragment {
  start: number;
  end: number;
  text: string;
}

/** Splits a list ("A, a diplomat; and B, an adviser to C") into fragments with offsets. */
function fragments(text: string, start: number, end: number): Fragment[] {
  const span = text.slice(start, end);
  const stop = LIST_END.exec(span);
  const limit = stop ? stop.index : span.length;
  const out: Fragment[] = [];
  const sep = /\s*(?:,|;|\band\b|\balong with\b|\bas well as\b|\bplus\b)\s*/gu;
  let last = 0;
  const push = (a: number, b: number): void => {
    const raw = span.slice(a, b);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim().replace(/[.,;:]+$/, '');
    if (t) out.push({ start: start + a + lead, end: start + a + lead + t.length, text: t });
  };
  for (const m of allMatches(sep, span.slice(0, limit))) {
    push(last, m.index ?? 0);
    last = (m.index ?? 0) + m[0].length;
  }
  push(last, limit);
  return out;
}

const endsInRole = (t: string): boolean => {
  const w = t.toLowerCase().split(/\s+/).pop() ?? '';
  return ROLE_NOUNS.has(w) || ROLE_NOUNS.has(w.replace(/s$/, ''));
};
const PREP = /\b(to|of|for|with|from|at)\b/i;

/**
 * "Syria's ambassador to Moscow", "Special Envoy for the Syrian Settlement": a title whose
 * preposition takes a place or a thing (capitalised words that are no title), so the name after
 * it is the title holder. "adviser to Prime Minister" is not: its object is another person's title.
 */
function titleWithObject(lead: string): boolean {
  const m = /^(?:[\p{L}’'.-]+\s+){0,5}?([\p{L}-]+)\s+(?:to|for)\s+(?:the\s+)?((?:\p{Lu}[\p{L}’'.-]*\s*){1,4})$/u.exec(lead);
  if (!m) return false;
  const head = m[1].toLowerCase();
  if (!ROLE_NOUNS.has(head) && !HONORIFIC_WORDS.has(head)) return false;
  return m[2].trim().split(/\s+/).every((w) => !HONORIFIC_WORDS.has(w.toLowerCase()) && !ROLE_NOUNS.has(w.toLowerCase()));
}

/** The members a list names: people at the start of a fragment, not someone's aides, not possessives. */
function listMembers(a: AnalysedArticle, start: number, end: number): ArticlePerson[] {
  const text = a.article.text;
  const out: ArticlePerson[] = [];
  const frags = fragments(text, start, end);
  let prevMember = false;
  let prev: Fragment | null = null;
  for (const f of frags) {
    const hit = personAt(a, f.start, f.end);
    let member = false;
    if (hit) {
      const lead = text.slice(f.start, hit.m.start).trim();
      const possessive = /^['’]s?\b/.test(text.slice(hit.m.end, hit.m.end + 2));
      // "State Secretary of the Interior Ministry X", "chief of staff X": an "of" after a role noun belongs to the title
      const ofTitle = /^(?:the\s+)?(?:[\p{L}’'-]+\s+){0,3}?([\p{L}-]+)\s+of\s+(?:the\s+)?[\p{L}’' -]+$/iu.exec(lead);
      const titleOf = (!!ofTitle && (ROLE_NOUNS.has(ofTitle[1].toLowerCase()) || HONORIFIC_WORDS.has(ofTitle[1].toLowerCase())) && !/\b(?:to|for|with|from|at)\b/i.test(lead)) || titleWithObject(lead);
      // "presidential aide X" is that aide; "aides Y" or "members of" name a group, not the person after them
      const leadOk = !lead || (titleOf && lead.split(/\s+/).length <= 9) || (!PREP.test(lead) && !/\b(aides|staff|members?|officials)\b/i.test(lead) && lead.split(/\s+/).length <= 6);
      // "aides to the national security adviser, X": X only names that adviser
      const titleOnly = lead.split(/\s+/).every((w) => !w || HONORIFIC_WORDS.has(w.toLowerCase()));
      const apposition: boolean = titleOnly && prev != null && !prevMember && endsInRole(prev.text) && (PREP.test(prev.text) || /\b(aides|staff)\b/i.test(prev.text));
      member = leadOk && !possessive && !apposition;
      if (member && !out.includes(hit.p)) out.push(hit.p);
    }
    prevMember = member;
    prev = f;
  }
  return out;
}

/** Where the clause holding an offset ends: the next clause break of its sentence, else the sentence's end. */
function clauseEnd(s: Sentence, at: number): number {
  const re = new RegExp(CLAUSE_BREAK.source, 'g');
  re.lastIndex = at - s.start;
  const m = re.exec(s.text);
  return m ? s.start + m.index : s.end;
}

/**
 * "headed by Deputy Undersecretary for the Middle East and Africa at the Foreign Ministry X": a
 * long title before one name, which a list split at "and" cannot read. The first person named
 * after the cue holds the title, when nothing between makes them someone else's (a possessive,
 * "aides", "members", "officials", a clause break).
 */
function titledHolder(a: AnalysedArticle, from: number, to: number): ArticlePerson[] {
  const first = mentionsIn(a, from, to)[0];
  if (!first) return [];
  const gap = a.article.text.slice(from, first.m.start);
  if (gap.length > 120 || /[;:()—–"“”]|['’]s\b|\b(?:aides?|staff|members?|officials?|heads|chiefs|leaders|who|which|said|says)\b|\bof\s+(?:the\s+)?$/i.test(gap)) return [];
  if (/^['’]s?\b/.test(a.article.text.slice(first.m.end, first.m.end + 2))) return [];
  return [first.p];
}

/** "“I will lead the delegation,” X said": the speaker of a quotation whose subject is "I". */
function firstPersonSpeaker(a: AnalysedArticle, s: Sentence, at: number): ArticlePerson | null {
  const before = a.article.text.slice(Math.max(s.start, at - 30), at);
  if (!/(?:^|[\s“"‘])I\s+(?:(?:will|would|shall|am|was|have|had|must)\b\s*)?(?:(?:also|personally|again)\b\s*)?$/.test(before)) return null;
  if (!inSpans(quotations(s), at)) return null;
  return speakerAt(a, s, at)?.person ?? null;
}

/** "a team led by the heads of the Mossad and Shin Bet": leaders named by the offices they hold. */
const LED_BY_OFFICES = /\b(?:team|delegation|negotiators)\b[^.;:]{0,30}?\b(?:led|headed)\s+by\s+(?:the\s+)?(?:heads?|chiefs?|directors?|leaders?)\s+of\s+(?:the\s+)?([^;:.]{2,80})/i;
/** The head of an office as written before a name: "Mossad chief X", "the head of Shin Bet, X". */
const OFFICE_HEAD = 'chief|head|director|leader|boss';

/**
 * Discourse memory of a team described by its leaders' offices ("Team led by heads of Mossad,
 * Shin Bet", often in a headline): a person named later as the holder of one of those offices
 * ("Mossad chief X") leads that team, on their own side.
 */
function leadersByOffice(a: AnalysedArticle, found: readonly Found[], sideOf: (p: ArticlePerson) => string | null): Found[] {
  const text = a.article.text;
  const offices: string[] = [];
  /** The side that sends the team: a party named before the team noun in the cue's sentence ("Ruritania sends a team led by ..."). */
  let teamParty: string | null = null;
  for (const s of a.sentences) {
    const m = LED_BY_OFFICES.exec(s.text);
    if (!m) continue;
    teamParty ??= a.parties.find((x) => x.sentence === s.index && x.end <= s.start + m.index)?.party ?? null;
    for (const part of m[1].split(/,\s*|\s+and\s+|\s*&\s*/)) {
      // the office's capitalised name, without what follows it ("... Police to the talks")
      const o = /^\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}/u.exec(part.replace(/^(?:the|its|their)\s+/i, '').trim())?.[0];
      if (o && !offices.includes(o)) offices.push(o);
    }
  }
  if (!offices.length) return [];
  const out: Found[] = [];
  for (const p of a.people) {
    if (found.some((f) => f.members.some((x) => x.person === p))) continue;
    for (const m of p.mentions) {
      const before = text.slice(Math.max(0, m.start - 50), m.start);
      const holds = offices.some((o) => new RegExp(`(?:^|[^\\p{L}])${o.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['’]?s?\\s+(?:${OFFICE_HEAD})\\s+$|\\b(?:${OFFICE_HEAD})\\s+of\\s+(?:the\\s+)?${o.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},?\\s+$`, 'u').test(before));
      const s = a.sentences[m.sentence];
      const party = holds && s ? (teamParty ?? sideOf(p)) : null;
      if (!party || !s) continue;
      out.push({ party, confidence: 0.6, members: [{ person: p, leads: true }], sentence: s, rule: 'leader-by-office' });
      break;
    }
  }
  return out;
}

/** Finds the delegations of one article, one per party, with members and their sources: the rules' teams, then the learned detector's members. */
export function findDelegations(a: AnalysedArticle, model: DelegationModel | null = delegationModel()): Delegation[] {
  return delegationsAndSides(a, model).delegations;
}

/**
 * The delegations, and the side each member's team gives them (by name) for the people stage: a
 * learned member beside the rules' teams shows in the delegations but lends no side to the person
 * (the side chooser decides those), as before learned members joined the rules' teams.
 */
export function delegationsAndSides(a: AnalysedArticle, model: DelegationModel | null = delegationModel()): { delegations: Delegation[]; sides: Map<string, string> } {
  const found = ruleFinds(a);
  const learned = model ? learnedMembers(a, found, model) : [];
  const lend = ruleMemberships(found).size ? found : [...found, ...learned];
  const sides = new Map<string, string>();
  for (const f of lend) for (const x of f.members) if (f.party && !sides.has(x.person.name)) sides.set(x.person.name, f.party);
  return { delegations: assemble(a, [...found, ...learned]), sides };
}

/** The people the rules put in a team, with its party and whether they lead it. */
export function ruleMemberships(found: readonly Found[]): Map<ArticlePerson, RuleMembership> {
  const out = new Map<ArticlePerson, RuleMembership>();
  for (const f of found) {
    if (!f.party) continue;
    for (const x of f.members) {
      const had = out.get(x.person);
      if (!had) out.set(x.person, { party: f.party, leads: x.leads });
      else if (x.leads && !had.leads && had.party === f.party) out.set(x.person, { party: f.party, leads: true });
    }
  }
  return out;
}

/**
 * Rule 'learned-member': people the rules left out whom the model scores as a side's team
 * member, on the side the text gives them (their role's or their own sentences'); a leader
 * when the leader model says so.
 */
function learnedMembers(a: AnalysedArticle, found: readonly Found[], model: DelegationModel): Found[] {
  const rules = ruleMemberships(found);
  const out: Found[] = [];
  const threshold = memberThreshold(model, rules.size > 0);
  if (threshold === null) return out;
  let voted: Map<string, string | null> | null = null;
  // only people the rules left out, and common-word features only when the model reads them
  for (const c of delegationCases(a, rules, { eligibleOnly: true, words: readsWords(model), skip: (p) => rules.has(p) })) {
    if (!c.nearTalks || memberProbability(model, c) < threshold) continue;
    voted ??= new Map(sidesFromSentences(a.article.text, a.sentences, a.parties, a.people).map((p) => [p.key, p.party]));
    const party = learnedParty(a, c, rules, voted);
    const s = a.sentences[c.sentence];
    if (!party || !s) continue;
    out.push({ party, confidence: 0.5, members: [{ person: c.person, leads: leads(model, c) }], sentence: s, rule: 'learned-member' });
  }
  return out;
}

/** The rules' teams, before the learned detector: every cue's team with its party and members. */
export function ruleFinds(a: AnalysedArticle): Found[] {
  const text = a.article.text;
  const found: Found[] = [];
  const known = new Map<ArticlePerson, string | null>();
  let lastParty: { party: string; sentence: number } | null = null;
  /** Sides of people whose role names none, from their own sentences: computed only when a rule needs them. */
  let votedSides: Map<string, string | null> | null = null;
  const voted = (): Map<string, string | null> =>
    (votedSides ??= new Map(sidesFromSentences(text, a.sentences, a.parties, a.people).map((p) => [p.key, p.party])));

  for (const s of a.sentences) {
    if (s.heading || !MAYBE.test(s.text)) continue;
    const st = s.text;
    const here: Found[] = [];
    const cues = allMatches(CUE_NOUN, st)
      .map((m) => ({ at: s.start + (m.index ?? 0), end: s.start + (m.index ?? 0) + m[0].length }))
      // a congressional or trade delegation, a rescue or football team: not a negotiating team
      .filter((c) => !NOT_NEGOTIATING.test(text.slice(Math.max(s.start, c.at - 30), c.at)));
    const sameClause = (x: number, y: number): boolean => !new RegExp(CLAUSE_BREAK.source).test(text.slice(x, y));
    /** "the X delegation, currently in talks with Y and headed by Z": a modifier between the team and its "headed by", naming nobody. */
    const interposed = (x: number, y: number): boolean => y - x <= 110 && INTERPOSED_MODIFIER.test(text.slice(x, y)) && mentionsIn(a, x, y).length === 0;
    const cueParty = (at: number): string | null => partyOfCue(a, s, at) ?? partyFromHeading(a, s);
    /** "Kyrgyzstan is represented by a team led by ...": the party the clause is about. */
    const clauseParty = (at: number): string | null => {
      const p = a.parties.find((x) => x.start >= s.start && x.end <= at);
      return p && !/[,;:—–]/.test(text.slice(p.end, at)) ? p.party : null;
    };

    // "a delegation led by X; and Y", "The US delegation was led by X and Y"
    for (const m of allMatches(LEAD_BY, st)) {
      const at = s.start + (m.index ?? 0);
      const cue = [...cues].reverse().find((c) => c.end <= at && (at - c.end <= 30 || interposed(c.end, at)) && sameClause(c.end, at));
      if (!cue) continue;
      const leaders = listMembers(a, at + m[0].length, s.end);
      if (!leaders.length) leaders.push(...titledHolder(a, at + m[0].length, clauseEnd(s, at)));
      if (!leaders.length) continue;
      const recent = lastParty && s.index - lastParty.sentence <= 2 ? lastParty.party : null;
      here.push({ party: cueParty(cue.at), confidence: 0.9, members: leaders.map((p) => ({ person: p, leads: true })), sentence: s, fallback: clauseParty(cue.at) ?? recent, rule: 'led-by' });
    }
    // "X was heading his country's delegation", "X led the negotiations"
    for (const m of /\b(?:lead|led|head|chair)/i.test(st) ? allMatches(LEAD_VERB, st) : []) {
      const at = s.start + (m.index ?? 0);
      const ms = mentionsIn(a, s.start, at).filter((x) => !/^['’]s?\b/.test(text.slice(x.m.end, x.m.end + 2)));
      const leader = ms.length ? ms[ms.length - 1].p : /^(he|she)\b/i.test(st) ? subjectPerson(a, s, s.start) : firstPersonSpeaker(a, s, at);
      if (!leader) continue;
      // a compound subject: "X and Y led the team" — earlier names joined by "and" or commas lead too
      const co: ArticlePerson[] = [];
      for (let k = ms.length - 2; k >= 0; k--) {
        const gap = text.slice(ms[k].m.end, ms[k + 1].m.start);
        // "A led the X delegation and B led the Y one": a gap with its own team verb or noun is another clause
        if (!/(?:^|\s|,)and\s|^,\s/.test(gap) || gap.length > 60 || /[;:]|\b(?:said|says|while|who|which)\b/.test(gap) || TEAM_CLAUSE_IN_GAP.test(gap)) break;
        co.unshift(ms[k].p);
      }
      const nounAt = at + m[0].length - m[2].length;
      if (!/delegation|team|side/i.test(m[2]) && co.length) {
        // "Ruritania's X and Osterlich's Y led the talks": each leads their own side
        for (const p of [...co, leader]) here.push({ party: p.party ?? known.get(p) ?? voted().get(p.key) ?? null, confidence: 0.8, members: [{ person: p, leads: true }], sentence: s, rule: 'leads-team' });
        continue;
      }
      const party = /delegation|team|side/i.test(m[2]) ? cueParty(nounAt) ?? leader.party : leader.party;
      here.push({ party, confidence: 0.85, members: [...co, leader].map((p) => ({ person: p, leads: true })), sentence: s, rule: 'leads-team' });
    }
    // "..., which included X, Y and Z", "Its delegation will comprise X and Y", "He was joined by X"
    for (const m of allMatches(LIST_VERB, st)) {
      const at = s.start + (m.index ?? 0);
      const listed = listMembers(a, at + m[0].length, s.end);
      if (!listed.length) continue;
      // "X was joined by Y", "X travelled to Havana with Y and Z": Y joins the team X is known to be on
      if (/^(?:joined|travell?ed|flew|arrived|came)/i.test(m[1])) {
        const subject = mentionsIn(a, s.start, at).pop()?.p ?? subjectPerson(a, s, at);
        if (!subject || !known.has(subject)) continue;
        here.push({ party: known.get(subject) ?? subject.party, confidence: 0.7, members: listed.map((p) => ({ person: p, leads: false })), sentence: s });
        continue;
      }
      const cue = [...cues].reverse().find((c) => c.end <= at && at - c.end <= 90 && !/[.;]\s/.test(text.slice(c.end, at)) && sameClause(c.end, at));
      const recent = lastParty && s.index - lastParty.sentence <= 2 ? lastParty.party : null;
      // "... will be led by X. It will also include Y and Z": the team of the sentence before
      if (!cue && recent && lastParty?.sentence === s.index - 1 && TEAM_PRONOUN.test(text.slice(s.start, at))) {
        here.push({ party: recent, confidence: 0.7, members: listed.map((p) => ({ person: p, leads: false })), sentence: s, rule: 'team-pronoun' });
        continue;
      }
      if (!cue) continue;
      here.push({ party: cueParty(cue.at), confidence: 0.8, members: listed.map((p) => ({ person: p, leads: false })), sentence: s, fallback: clauseParty(cue.at) ?? recent });
    }
    // "Also in the team is X", "On the Ruritanian delegation are X and Y": members after the team, the team named or the one just introduced
    for (const m of /\b(?:in|on)\s+the\b/i.test(st) ? allMatches(IN_THE_TEAM, st) : []) {
      const at = s.start + (m.index ?? 0);
      if (mentionsIn(a, s.start, at).length) continue;
      const listed = listMembers(a, at + m[0].length, s.end);
      const recent = lastParty && s.index - lastParty.sentence <= 2 ? lastParty.party : null;
      const party = cueParty(at + m[0].length - m[0].trimStart().length + m[0].search(/delegation|team|side/i)) ?? recent;
      if (listed.length && party) here.push({ party, confidence: 0.7, members: listed.map((p) => ({ person: p, leads: false })), sentence: s, rule: 'in-the-team' });
    }
    // "X is representing Ruritania at the talks", "X, who represents Ruritania in the negotiations": X is on that side's team
    for (const m of /\brepresent/i.test(st) && (TALKS.test(st) || talksNear(a, s)) ? allMatches(REPRESENTS, st) : []) {
      const at = s.start + (m.index ?? 0);
      const party = a.parties.find((x) => x.start === at + m[0].length && x.kind !== 'capital');
      const who = mentionsIn(a, s.start, at).filter((x) => !/^['’]s?\b/.test(text.slice(x.m.end, x.m.end + 2))).pop();
      if (!party || !who || /[;:]|\b(?:said|says|told)\b/.test(text.slice(who.m.end, at))) continue;
      here.push({ party: party.party, confidence: 0.75, members: [{ person: who.p, leads: false }], sentence: s, rule: 'represents-party' });
    }
    // "Both X and Y are members of the Ukrainian delegation"
    for (const m of allMatches(MEMBERS_OF, st)) {
      const at = s.start + (m.index ?? 0);
      const nounAt = at + m[0].length - m[2].length;
      const ms = mentionsIn(a, s.start, at).filter((x) => !/^['’]s?\b/.test(text.slice(x.m.end, x.m.end + 2)));
      if (!ms.length) continue;
      here.push({ party: cueParty(nounAt), confidence: 0.7, members: ms.map((x) => ({ person: x.p, leads: false })), sentence: s });
    }
    // "X, the head of the Ukrainian delegation," / "the head of the delegation, X,"
    for (const m of /\b(?:head|chief|leader|chair)/i.test(st) ? allMatches(HEAD_OF, st) : []) {
      const at = s.start + (m.index ?? 0);
      const end = at + m[0].length;
      const nounAt = end - m[2].length;
      const before = mentionsIn(a, s.start, at).pop();
      const nextText = text.slice(end, end + 3);
      const after = /^,\s/.test(nextText) ? mentionsIn(a, end, Math.min(s.end, end + 60))[0] : undefined;
      const who = before && /,\s*$/.test(text.slice(before.m.end, at)) ? before : (after ?? before);
      if (!who) continue;
      here.push({ party: cueParty(nounAt), confidence: 0.85, members: [{ person: who.p, leads: true }], sentence: s, fallback: who.p.party });
    }
    // "X, a member of the Hamas delegation", "X joined the U.S. team"
    for (const m of /member|joined/i.test(st) ? allMatches(MEMBER_OF, st) : []) {
      const at = s.start + (m.index ?? 0);
      const nounAt = at + m[0].length - m[2].length;
      const who = mentionsIn(a, s.start, at).pop();
      if (!who || /^['’]s?\b/.test(text.slice(who.m.end, who.m.end + 2))) continue;
      here.push({ party: cueParty(nounAt), confidence: 0.75, members: [{ person: who.p, leads: false }], sentence: s, fallback: who.p.party });
    }
    // "Ukrainian negotiators Petro Hnat and Oksana Lys"
    for (const c of cues) {
      const next = mentionsIn(a, c.end, Math.min(s.end, c.end + 40))[0];
      if (!next || !/negotiators|delegation|team/i.test(text.slice(c.at, c.end))) continue;
      const gap = text.slice(c.end, next.m.start);
      // "the Chilean negotiators, Pablo Varga and Luis Soto, arrived": an apposition closed by a comma names the team's members
      const appositive = /^,\s+(?:(?:Mr|Ms|Mrs|Dr|Gen|Col)\.?\s+)?$/.test(gap);
      if (!appositive && !/^\s+(?:(?:Mr|Ms|Mrs|Dr|Gen|Col)\.?\s+)?$/.test(gap)) continue;
      const listed = listMembers(a, c.end, s.end);
      if (appositive) {
        const last = mentionsIn(a, c.end, s.end).filter((x) => listed.includes(x.p)).pop();
        if (!last || !/^\s*[,(]/.test(text.slice(last.m.end, last.m.end + 3))) continue;
      }
      if (!listed.length || here.some((f) => f.members.some((x) => listed.includes(x.person)))) continue;
      here.push({ party: cueParty(c.at), confidence: 0.7, members: listed.map((p) => ({ person: p, leads: false })), sentence: s });
    }
    // "Ruritania's foreign minister, X, accompanied by Y and Z": X heads a team of their own party
    for (const m of /accompanied|flanked|travell?ed with/i.test(st) ? allMatches(ACCOMPANIED, st) : []) {
      const at = s.start + (m.index ?? 0);
      const lead = mentionsIn(a, s.start, at).pop();
      if (!lead || /^['’]s?\b/.test(text.slice(lead.m.end, lead.m.end + 2))) continue;
      const team = here.find((f) => f.party && f.members.some((x) => x.person === lead.p));
      const listed = listMembers(a, at + m[0].length, s.end).filter((p) => p !== lead.p);
      if (team && listed.length) {
        for (const p of listed) if (!team.members.some((x) => x.person === p)) team.members.push({ person: p, leads: false });
        continue;
      }
      const party = lead.p.party ?? known.get(lead.p) ?? null;
      if (!party || !listed.length || here.some((f) => f.members.some((x) => x.person === lead.p))) continue;
      here.push({ party, confidence: 0.7, members: [{ person: lead.p, leads: true }, ...listed.map((p) => ({ person: p, leads: false }))], sentence: s });
    }
    // "... headed by X, with Y, a field commander, at his side": Y joins X's team
    for (const m of /\bat\s+(?:his|her|their)\s+side\b/i.test(st) ? allMatches(AT_SIDE, st) : []) {
      const at = s.start + (m.index ?? 0);
      const lead = mentionsIn(a, s.start, at).pop();
      const listed = mentionsIn(a, at, at + m[0].length).map((x) => x.p).filter((p) => p !== lead?.p);
      if (!lead || !listed.length) continue;
      const team = here.find((f) => f.members.some((x) => x.person === lead.p));
      if (team) {
        for (const p of listed) if (!team.members.some((x) => x.person === p)) team.members.push({ person: p, leads: false });
        continue;
      }
      const party = lead.p.party ?? known.get(lead.p) ?? null;
      if (party) here.push({ party, confidence: 0.65, members: [{ person: lead.p, leads: true }, ...listed.map((p) => ({ person: p, leads: false }))], sentence: s });
    }
    // "Ruritania sent X, who ..., together with Y": the party that sent them is their side, X first leads
    for (const m of /\b(?:sent|sends|send|sending|dispatched|dispatches)\b/i.test(st) ? allMatches(SENT, st) : []) {
      const at = s.start + (m.index ?? 0);
      const sender = a.parties.find((x) => x.start >= s.start && x.end <= at && /^\s+(?:also\s+|has\s+|had\s+)?$/.test(text.slice(x.end, at)));
      const after = at + m[0].length;
      const ms = mentionsIn(a, after, s.end);
      if (!sender || !ms.length) continue;
      if (!/^\s*(?:(?:\p{Lu}[\p{L}]*\.\s*)+)?$/u.test(text.slice(after, ms[0].m.start))) {
        // "PARTY sent chief negotiator X and army intelligence head Y to VENUE": a list of titled people
        const listed = listMembers(a, after, s.end);
        if (!listed.length || !listed.includes(ms[0].p)) continue;
        const leaders = listed.filter((p) => LEADER_ROLE.test(p.roles.join(' | ')));
        const to = /\bto\s+(?:the\s+)?$/;
        const place = findPlaces(text, a.sentences, ms[0].m.end, s.end).find((x) => to.test(text.slice(Math.max(s.start, x.start - 8), x.start)));
        here.push({ party: sender.party, confidence: 0.7, members: listed.map((p) => ({ person: p, leads: leaders.length ? leaders.includes(p) : p === listed[0] })), sentence: s, venue: place?.place.name ?? null, rule: 'party-sent' });
        continue;
      }
      const others = ms.slice(1).filter((x) => /\b(?:together|along)\s+with\s+(?:(?:\p{Lu}[\p{L}]*\.\s*)+)?$/u.test(text.slice(Math.max(after, x.m.start - 40), x.m.start)));
      here.push({ party: sender.party, confidence: 0.65, members: [{ person: ms[0].p, leads: true }, ...others.filter((x) => x.p !== ms[0].p).map((x) => ({ person: x.p, leads: false }))], sentence: s });
    }
    // ---- clause-level team rules ----
    const clauses: Array<[number, number]> = [];
    {
      let c0 = s.start;
      for (const m of allMatches(CLAUSE_BREAK, st)) {
        clauses.push([c0, s.start + (m.index ?? 0)]);
        c0 = s.start + (m.index ?? 0) + m[0].length;
      }
      clauses.push([c0, s.end]);
    }
    const recentParty = lastParty && s.index - lastParty.sentence <= 2 ? lastParty.party : null;
    for (const [c0, c1] of clauses) {
      const ct = text.slice(c0, c1);
      // "The Ruritanians were led by X", "Ruritania was represented by X and Y", "The team is led by X"
      for (const m of allMatches(PASSIVE_TEAM, ct)) {
        const at = c0 + (m.index ?? 0);
        const subj = a.parties.filter((x) => x.start >= c0 && x.end <= at && !/\b(?:to|with|against|between|for)\s+(?:the\s+)?$/i.test(text.slice(Math.max(c0, x.start - 14), x.start))).pop();
        const teamNoun = /\b(?:delegation|team|negotiators|side)\b/i.test(text.slice(c0, at));
        // "PARTY sent a delegation to VENUE. It is led by X": the pronoun takes up the team of the sentence before
        const teamPronoun = c0 === s.start && lastParty?.sentence === s.index - 1 && TEAM_PRONOUN.test(text.slice(c0, at));
        const party = subj?.party ?? (teamNoun || teamPronoun ? recentParty : null);
        const from = at + m[0].length;
        // "PARTY was represented by X and Y, and OTHER by Z": the second party's verb is left out
        const gapped = a.parties.find((x) => x.start > from && x.end <= c1 && /,?\s+and\s+(?:the\s+)?$/.test(text.slice(from, x.start)) && /^\s+by\s/.test(text.slice(x.end, x.end + 5)));
        const upTo = gapped ? from + /,?\s+and\s+(?:the\s+)?$/.exec(text.slice(from, gapped.start))!.index : c1;
        const listed = listMembers(a, from, upTo);
        if (!listed.length) listed.push(...titledHolder(a, from, upTo));
        if (!party || !listed.length) continue;
        const leads = !/represented/i.test(m[1]);
        here.push({ party, confidence: 0.85, members: listed.map((p) => ({ person: p, leads })), sentence: s, rule: 'team-passive' });
        if (gapped && gapped.party !== party) {
          const second = listMembers(a, gapped.end + /^\s+by\s+/.exec(text.slice(gapped.end))![0].length, c1).filter((p) => !listed.includes(p));
          if (second.length) here.push({ party: gapped.party, confidence: 0.8, members: second.map((p) => ({ person: p, leads })), sentence: s, rule: 'team-passive-gapped' });
        }
      }
      // "the meeting is attended by DEMONYM ROLE X, ROLE Y": a party word before a list member gives the following ones that party
      for (const m of allMatches(ATTEND, ct)) {
        const at = c0 + (m.index ?? 0);
        if (!TALKS.test(ct) && !talksNear(a, s)) continue;
        let cur: string | null = null;
        for (const f of fragments(text, at + m[0].length, c1)) {
          const hit = personAt(a, f.start, f.end);
          const own = a.parties.filter((x) => x.start >= f.start && hit && x.end <= hit.m.start).pop();
          if (own) cur = own.party;
          if (!hit) continue;
          const party = own?.party ?? hit.p.party ?? cur;
          if (party) here.push({ party, confidence: 0.75, members: [{ person: hit.p, leads: false }], sentence: s, rule: 'team-attend' });
        }
      }
      // "DEMONYM ROLE X arrived in VENUE on Sunday for talks": X is in their party's team there
      for (const m of /\b(?:arriv|flew|flies|travel|landed|lands|came)/i.test(ct) && FOR_TALKS.test(ct) ? allMatches(TRAVEL, ct) : []) {
        const at = c0 + (m.index ?? 0);
        const who = mentionsIn(a, c0, at).filter((x) => !/^['’]s?\b/.test(text.slice(x.m.end, x.m.end + 2))).pop();
        const place = findPlaces(text, a.sentences, at + m[0].length, Math.min(c1, at + m[0].length + 40))[0];
        if (!who || !place || !/^\s*$/.test(text.slice(at + m[0].length, place.start).replace(/\bthe\b/i, ''))) continue;
        const party = who.p.party ?? known.get(who.p) ?? null;
        if (party) here.push({ party, confidence: 0.7, members: [{ person: who.p, leads: LEADER_ROLE.test(who.p.roles.join(' | ')) }], sentence: s, venue: place.place.name, rule: 'team-travel' });
      }
    }
    // "The talks are being held by X and Y", "X met with Y ... for peace talks": each principal leads their own side
    for (const rule of PRINCIPALS) {
      const m = rule.cue.exec(st);
      if (!m || (rule.talks && !TALKS.test(st))) continue;
      const at = s.start + m.index;
      const people = rule.subjectFirst
        ? [mentionsIn(a, s.start, at).filter((x) => !/^['’]s?\b/.test(text.slice(x.m.end, x.m.end + 2))).pop()?.p, titledHolder(a, at + m[0].length, clauseEnd(s, at))[0] ?? listMembers(a, at + m[0].length, clauseEnd(s, at))[0]]
        : listMembers(a, at + m[0].length, clauseEnd(s, at));
      const sides = people.filter((p): p is ArticlePerson => !!p).map((p) => ({ p, party: p.party ?? known.get(p) ?? voted().get(p.key) ?? null }));
      if (sides.length !== 2 || sides.some((x) => !x.party) || sides[0].party === sides[1].party) continue;
      for (const x of sides) if (!here.some((f) => f.members.some((y) => y.person === x.p))) here.push({ party: x.party, confidence: rule.confidence, members: [{ person: x.p, leads: true }], sentence: s, rule: rule.name });
    }
    // "X and his Ruritanian counterpart Y met in VENUE for talks": each leads their own side
    if (/counterpart/i.test(st) && TALKS.test(st)) {
      const ms = mentionsIn(a, s.start, s.end);
      for (let k = 0; k + 1 < ms.length; k++) {
        if (!COUNTERPARTS.test(text.slice(ms[k].m.end, ms[k + 1].m.start)) || !MET_AFTER.test(text.slice(ms[k + 1].m.end, s.end))) continue;
        const sides = [ms[k].p, ms[k + 1].p].map((p) => ({ p, party: p.party ?? known.get(p) ?? voted().get(p.key) ?? null }));
        if (sides.some((x) => !x.party) || sides[0].party === sides[1].party) continue;
        for (const x of sides) if (!here.some((f) => f.members.some((y) => y.person === x.p))) here.push({ party: x.party, confidence: 0.6, members: [{ person: x.p, leads: true }], sentence: s, rule: 'principals-counterparts' });
      }
    }
    // "DEMONYM delegation head X", "PARTY's chief negotiator, X": a role that leads a team
    if (LEADER_ROLE.test(st) && (STRONG.test(st) || talksNear(a, s))) {
      for (const x of mentionsIn(a, s.start, s.end)) {
        const role = x.p.roles.find((r) => LEADER_ROLE.test(r) && text.slice(Math.max(s.start, x.m.start - 80), Math.min(s.end, x.m.end + 80)).includes(r));
        if (!role || here.some((f) => f.members.some((y) => y.person === x.p))) continue;
        const party = x.p.party ?? known.get(x.p) ?? null;
        if (party) here.push({ party, confidence: 0.75, members: [{ person: x.p, leads: true }], sentence: s, rule: 'leader-role' });
      }
    }
    // "Hamas negotiator X", "X, a Ruritanian negotiator,": a negotiator of a side is on its team, in a sentence about talks
    if (/negotiator/i.test(st) && a.sentences.slice(Math.max(0, s.index - 2), s.index + 2).some((x) => ROUND_OF_TALKS.test(x.text))) {
      for (const x of mentionsIn(a, s.start, s.end)) {
        const role = x.p.roles.find((r) => NEGOTIATOR_ROLE.test(r) && text.slice(Math.max(s.start, x.m.start - 80), Math.min(s.end, x.m.end + 80)).includes(r));
        if (!role || here.some((f) => f.members.some((y) => y.person === x.p))) continue;
        const party = x.p.party ?? known.get(x.p) ?? null;
        if (party) here.push({ party, confidence: 0.65, members: [{ person: x.p, leads: false }], sentence: s, rule: 'negotiator-role' });
      }
    }
    // "Apart from him, the other members are ...: A, B and C": the team the text is about
    if (!here.length && recentParty && st.includes(':')) {
      const m = MORE_MEMBERS.exec(st);
      if (m) {
        const listed = listMembers(a, s.start + m.index + m[0].length, s.end);
        if (listed.length) here.push({ party: recentParty, confidence: 0.7, members: listed.map((p) => ({ person: p, leads: false })), sentence: s, rule: 'members-after-colon' });
      }
    }
    // "a rescue team led by X" is no delegation: a team or a side needs talks nearby
    if (here.length && !STRONG.test(st) && !talksNear(a, s)) here.length = 0;
    for (const f of here) {
      // no party named: the members' own party when they agree
      if (!f.party) {
        const ps = [...new Set(f.members.map((x) => x.person.party).filter((p): p is string => !!p))];
        if (ps.length === 1) f.party = ps[0];
        else f.party = f.fallback ?? null;
      }
      for (const x of f.members) if (!known.has(x.person) || f.party) known.set(x.person, f.party);
      if (f.party) lastParty = { party: f.party, sentence: s.index };
      found.push(f);
    }
    if (!here.length) {
      // "Ukraine also sent ... as part of its delegation": remember whose delegation the text is about
      for (const c of cues) {
        // "PARTY said it was sending a delegation": the sender, when the noun names no party itself
        const sender = a.parties.find((x) => x.sentence === s.index && x.end <= c.at && !/\b(?:to|with|against|between|and)\s+(?:the\s+)?$/i.test(text.slice(Math.max(s.start, x.start - 14), x.start)));
        const p = partyOfCue(a, s, c.at) ?? sender?.party ?? null;
        if (p) lastParty = { party: p, sentence: s.index };
      }
    }
  }

  found.push(...leadersByOffice(a, found, (p) => p.party ?? known.get(p) ?? voted().get(p.key) ?? null));
  return found;
}

/** One delegation per party from the teams found: members merged by name, sources, venue and date. */
function assemble(a: AnalysedArticle, found: readonly Found[]): Delegation[] {
  const venue = talksVenue(a);
  const byParty = new Map<string, { members: DelegationMember[]; sources: SourceRef[]; confidence: number; venue: string | null; rules: string[] }>();
  for (const f of found) {
    if (!f.party) continue;
    const d = byParty.get(f.party) ?? { members: [], sources: [], confidence: 0, venue: null, rules: [] };
    byParty.set(f.party, d);
    d.venue ??= f.venue ?? null;
    const rule = f.rule ?? 'team-cue';
    if (!d.rules.includes(rule)) d.rules.push(rule);
    const ref = refOf(a, f.sentence);
    if (!d.sources.some((r) => r.start === ref.start)) d.sources.push(ref);
    d.confidence = Math.max(d.confidence, f.confidence);
    for (const x of f.members) {
      const existing = d.members.find((m) => samePerson(m.name, x.person.name));
      if (existing) {
        const i = d.members.indexOf(existing);
        d.members[i] = { ...existing, leads: existing.leads || x.leads, sources: existing.sources.some((r) => r.start === ref.start) ? existing.sources : [...existing.sources, ref] };
      } else {
        d.members.push({ personId: personId(x.person.name), name: x.person.name, role: x.person.roles[0] ?? null, leads: x.leads, sources: [ref] });
      }
    }
  }
  const out: Delegation[] = [];
  for (const [party, d] of byParty) {
    if (!d.members.length) continue;
    out.push({
      id: `delegations:${slug(party)}`,
      party,
      venue: d.venue ?? venue,
      date: talksDate(a, d.sources),
      members: d.members,
      sources: d.sources,
      confidence: d.confidence,
      conflicts: [],
      rules: d.rules,
    });
  }
  return out;
}

/** Where the talks are held: the place most often named with "in/at" in sentences about talks. */
export function talksVenue(a: AnalysedArticle): string | null {
  const text = a.article.text;
  const talky = /\b(talks|negotiations|negotiated|negotiators|meeting|met|discussions|summit|delegations?)\b/i;
  const counts = new Map<string, { n: number; first: number; rank: number }>();
  const mentions = a.sentences.filter((s) => talky.test(s.text)).flatMap((s) => findPlaces(text, a.sentences, s.start, s.end));
  for (const pm of mentions) {
    const s = a.sentences[pm.sentence];
    if (!s) continue;
    const before = text.slice(Math.max(s.start, pm.start - 60), pm.start);
    const m = /\b(talks|negotiations|discussions|summit|held|took place|round|meeting|met|meet|hosted|convened|gathered)\b[^.;:!?]{0,40}\b(?:in|at)\s+(?:the\s+)?$/i.exec(before);
    // "arrived in Doha for a new round of talks": the place before the talk word counts less
    if (!m && !/\b(?:in|at|to)\s+(?:the\s+)?$/i.test(before)) continue;
    const weight = !m ? 1 : /^(meeting|met|meet|hosted|convened|gathered)$/i.test(m[1]) ? 1 : 2;
    const rank = pm.place.kind === 'country' || pm.place.kind === 'region' ? 0 : 1;
    const c = counts.get(pm.place.name) ?? { n: 0, first: pm.start, rank };
    c.n += weight;
    counts.set(pm.place.name, c);
  }
  // the dateline ("CITY — ...") is where the reporter filed from: when the talks are also placed
  // there in the text, it outweighs a place named for another track later on
  const filed = datelinePlace(a.sentences.slice(0, 8).map((s) => s.text));
  const dl = filed ? foldText(filed) : null;
  if (dl) for (const [name, c] of counts) if (foldText(name) === dl) c.n += 2;
  const best = [...counts.entries()].sort((x, y) => y[1].rank - x[1].rank || y[1].n - x[1].n || x[1].first - y[1].first)[0];
  return best ? best[0] : null;
}

/** The date of the round: a day named in the delegation's own sentences, resolved against the publication date. */
function talksDate(a: AnalysedArticle, sources: readonly SourceRef[]): string | null {
  if (!a.article.published) return null;
  for (const r of sources) {
    if (!/\b(talks|negotiations|meeting|round|session|summit)\b/i.test(r.sentence)) continue;
    const t = articleTimes(a.article, r.sentence).find((x) => x.date);
    if (t?.date) return t.date;
  }
  return null;
}
