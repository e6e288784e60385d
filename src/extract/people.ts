import { COURTESY_TITLES, HONORIFICS, isCreditLine, SLASH_JOINED, ORG_WORD_ENDING, NON_NAMES, NON_PERSON_NOUNS, NON_PERSON_WORDS, NON_STATE_ROLES, OUTLETS, ROLE_NOUNS } from './lexicon/roles';
import { foldText, nameFullness, nameKey, personName, samePersonNames, sameSurnameForms, stripTitles, type PersonName } from './names';
import { ABSTRACT_NOUN, AIDE_NOUNS, DETERMINERS, SPEAKER_NOUNS, HYPHEN_COMPOUND_HEADS, LEADER_NOUNS, LOCATIVE_PREPS, OBJECT_VERBS, OFFICIALS, PARTICLES, PEOPLE_PLURAL, PERSONAL_PRONOUNS, ROLE_STOP, SIDE_BODIES, SPEECH_VERBS, TARGET_PREPS, THING_OPENERS, TITLE_MODIFIERS, TITLE_OBJECT_PREPS } from './lexicon/person-words';
import { MONTHS } from './lexicon/calendar';
import { FLAG_AFTER_NAME, PLACE_PREPOSITIONS } from './lexicon/vessels';
import { findPlaces, isPlace, partyForm } from './parties';
import { sideArticle, sideCandidates, type Proposal, type SideCandidate, type SideInput } from './learn/side-features';
import { chooseSide, type SideModel } from './learn/side-model';
import type { ArticlePerson, PartyMention, PersonMention, Sentence, Token } from './types';

/**
 * People: candidate names are runs of capitalised proper nouns (wink-nlp part-of-speech tags);
 * places, parties, organisations, outlets, days and months are filtered out. A full name
 * ("Olena Marchuk") is a person unless something marks it as an organisation; a single word
 * ("Marchuk", "Sorokin") is a person when it is the surname of a full name in the article or
 * when something marks it as a person (a title, a role, a verb of speech, "who").
 * Roles come from titles ("President X"), the words before a name ("Ukraine's defence minister
 * X") and appositions ("X, the Ukrainian defense minister,"); a person's side comes from their
 * role, the team they lead, their principal ("X's envoy") or, last, their own sentences. The
 * closed word classes used here live in lexicon/person-words.ts and lexicon/roles.ts.
 */

const HONORIFIC_SET = new Set(HONORIFICS.map((h) => h.toLowerCase()));
const OUTLET_SET = new Set(OUTLETS);
const NON_NAME_SET = new Set(NON_NAMES);

/** Capitalised first letter: ASCII by char code, other scripts by the Unicode class (called for every token). */
const isCap = (t: string): boolean => {
  const c = t.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return /^\p{Lu}/u.test(t);
};
/** A token written on to the word before it (no space) that goes on with a letter, digit or hyphen ("Jong-un-led"); a comma or full stop does not. */
const joinedWord = (t: Token | undefined, end: number): boolean => !!t && t.start === end && /^[\p{L}\d-]/u.test(t.text);
/** A short lower-case syllable that can end a romanised name after a hyphen ("un", "gyon", "hyok"), not an English compound head ("era", "backed"). */
const hyphenSyllable = (t: string): boolean => /^[a-z]{1,5}$/.test(t) && !/ed$/.test(t) && !HYPHEN_COMPOUND_HEADS.has(t);
const isInitialTok = (t: string): boolean => /^\p{Lu}\.$/u.test(t) || /^(\p{Lu}\.){2,}$/u.test(t);
const isPossessive = (t: Token | undefined): boolean => !!t && /^['’]s?$/.test(t.text) && (t.pos === 'PART' || t.text.length === 2);
const clean = (w: string): string => w.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}-]+$/gu, '');

/** A name candidate in one sentence. */
interface Candidate {
  readonly sentence: Sentence;
  /** Token indices of the name (without titles): [from, to). */
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly end: number;
  readonly name: string;
  /** The mention as written, with a title ("Ms. Marchuk", "President Sorokin"). */
  readonly written: string;
  readonly single: boolean;
  /** In a heading line: it may name a known person but does not make a new one. */
  readonly heading: boolean;
  evidence: boolean;
  /** Weaker signs of a person ("X wants", "X's war"): two of them in different sentences make one. */
  weak: number;
  veto: boolean;
  /** Written where a place stands ("the town of X", "residents of X", "in A and X", "X air base"): with no sign of a person anywhere, a place. */
  placeLike: boolean;
  roles: Role[];
  /** The party whose possessive stands right before the name or its title: "Ruritania's X", "Ruritania's President X". */
  possessor: string | null;
  /** The word right before the name, lower case; '' at the start of a sentence or when titles or other words of the run stand before it. */
  readonly opener: string;
}

interface Role {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The party the role names, if any. */
  party: string | null;
  readonly nonState: boolean;
  /** A person the role is relative to ("adviser to President X"): their party may be inherited. */
  readonly relativeTo: { start: number; end: number } | null;
}

/** Head of a role phrase: the last word of its first noun group ("the state news agency" → "agency"). */
function headOf(words: string[]): { head: string | null; cut: number } {
  let i = 0;
  while (i < words.length && (DETERMINERS.has(clean(words[i])) || /['’]s$/.test(words[i]) || partyForm(words[i]) != null)) {
    // a possessive party ("Ukraine's") or determiner starts the phrase
    if (!DETERMINERS.has(clean(words[i])) && !/['’]s$/.test(words[i]) && i + 1 >= words.length) break;
    i++;
  }
  let head: string | null = null;
  let cut = words.length;
  for (let j = i; j < words.length; j++) {
    const w = clean(words[j]);
    if (!w) continue;
    if (ROLE_STOP.has(w) || (/ing$/.test(w) && j > i && kindOf(clean(words[j - 1])) === 'role') || /^\d/.test(words[j])) {
      cut = j;
      break;
    }
    head = w;
    if (/[,;:]$/.test(words[j])) {
      cut = j + 1;
      break;
    }
  }
  return { head, cut };
}

type HeadKind = 'role' | 'thing' | null;
const kindOf = (head: string | null): HeadKind => {
  if (!head) return null;
  const h = head.replace(/s$/, '');
  if (ROLE_NOUNS.has(head) || ROLE_NOUNS.has(h)) return 'role';
  if (NON_PERSON_NOUNS.has(head) || NON_PERSON_NOUNS.has(h)) return 'thing';
  const last = head.split('-').pop() ?? head;
  if (ROLE_NOUNS.has(last)) return 'role';
  return null;
};

/** Index of the first token at or after an offset. */
const tokenAt = (tokens: readonly Token[], offset: number): number => {
  let i = 0;
  while (i < tokens.length && tokens[i].start < offset) i++;
  return i;
};

/** Capitalised runs of a sentence that can be names: [from, to) token ranges. */
function capitalRuns(tokens: readonly Token[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  const nameLike = (i: number): boolean => {
    const t = tokens[i];
    if (!t || !isCap(t.text)) return false;
    if (t.text === 'I') return false;
    if (i === 0 || tokens[i - 1].text === '“' || tokens[i - 1].text === '"') {
      if (t.pos === 'PROPN' || partyForm(t.text) != null || HONORIFIC_SET.has(t.text.toLowerCase())) return true;
      // a first name the tagger took for a noun: "Taras Koval said"
      const n = tokens[i + 1];
      return (t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'X') && !!n && n.pos === 'PROPN' && isCap(n.text) && partyForm(n.text) == null && !NON_NAME_SET.has(t.text);
    }
    return t.pos !== 'PRON' && t.pos !== 'DET' && t.pos !== 'CCONJ' && t.pos !== 'SCONJ' && t.pos !== 'ADP' && t.pos !== 'PUNCT';
  };
  let i = 0;
  while (i < tokens.length) {
    if (!nameLike(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (nameLike(j)) {
        j++;
        continue;
      }
      const t = tokens[j];
      const next = tokens[j + 1];
      // particles inside names: "bin Salman", "von der Leyen", "al-Burhan"
      if (t && PARTICLES.has(t.text) && (nameLike(j + 1) || (next && PARTICLES.has(next.text)) || (next?.text === '-' && next.start === t.end))) {
        j++;
        continue;
      }
      // hyphen joining two name parts written together: "al-Burhan", "Jean-Pierre" (not "US-Russia")
      if (t && t.text === '-' && t.start === tokens[j - 1].end && next && next.start === t.end && nameLike(j + 1)) {
        const before = tokens[j - 1].text;
        if (PARTICLES.has(before) || (partyForm(before) == null && partyForm(next.text) == null)) {
          j += 2;
          continue;
        }
      }
      // a lower-case syllable joined by a hyphen to the last part of a name of two or more parts: "Kim Jong-un", "Cho Myoung-gyon"
      if (t && t.text === '-' && j - i >= 2 && t.start === tokens[j - 1].end && next && next.start === t.end && hyphenSyllable(next.text) && !joinedWord(tokens[j + 2], next.end)) {
        j += 2;
        break;
      }
      break;
    }
    // no trailing particle (a hyphenated syllable is no particle)
    while (j > i + 1 && !isCap(tokens[j - 1].text) && !(j - i >= 3 && tokens[j - 2].text === '-' && hyphenSyllable(tokens[j - 1].text))) j--;
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/** Months can be names inside a full name ("Theresa May", "April Ryan"); alone they are months. */
const MONTH_SET: ReadonlySet<string> = new Set(MONTHS);
const isNonPersonWord = (w: string, inFullName = false): boolean => NON_PERSON_WORDS.has(w) || (NON_NAME_SET.has(w) && !(inFullName && MONTH_SET.has(w)));
/** A capitalised common noun of people or things ("Witnesses", "Spokeswoman"): singular or plural. */
const isCommonNoun = (w: string): boolean => {
  const l = w.toLowerCase();
  return [l, l.replace(/s$/, ''), l.replace(/es$/, '')].some((x) => x.length > 2 && (ROLE_NOUNS.has(x) || NON_PERSON_NOUNS.has(x)));
};
const isKnownThing = (s: string): boolean => partyForm(s) != null || isPlace(s) || OUTLET_SET.has(s) || NON_NAME_SET.has(s);

/** A run whose last word is a title or role noun ("Presidential Envoy"): a title, not a name. */
function endsInTitle(nameToks: readonly Token[]): boolean {
  if (nameToks.length < 2) return false;
  const w = nameToks[nameToks.length - 1].text;
  return kindOf(clean(w)) === 'role' || (HONORIFIC_SET.has(w.toLowerCase()) && !COURTESY_TITLES.has(w));
}

/** True when the run at `from0` is the object of a title's preposition: "Ambassador to ...", "Envoy for the ...". */
function afterTitlePreposition(tokens: readonly Token[], from0: number): boolean {
  let k = from0 - 1;
  if (tokens[k]?.text.toLowerCase() === 'the') k--;
  if (!TITLE_OBJECT_PREPS.has(tokens[k]?.text ?? '')) return false;
  for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
    const w = tokens[j].text;
    if (kindOf(clean(w)) === 'role' || (HONORIFIC_SET.has(w.toLowerCase()) && !COURTESY_TITLES.has(w))) return true;
    if (tokens[j].pos === 'PUNCT' || tokens[j].pos === 'VERB') return false;
  }
  return false;
}

/**
 * Where a full name starts inside a run that carries a title's object or a role word first:
 * "Ambassador to Moscow Riad Haddad", "Envoy for the Syrian Settlement Alexander Lavrentyev",
 * "Foreign Minister Advisor Ahmad Arnus". Leading words are dropped while a full name (two
 * capitalised words) remains: a role noun anywhere, and after a title's preposition also a
 * place, a party word or an abstract noun.
 */
function titleObjectCut(tokens: readonly Token[], from0: number, from: number, to: number): number {
  const nameWordsFrom = (f: number): number => tokens.slice(f, to).filter((t) => isCap(t.text) && !isInitialTok(t.text) && !PARTICLES.has(t.text)).length;
  const objectOfTitle = afterTitlePreposition(tokens, from0);
  let f = from;
  // "... Andean Settlement Marco Ilves": a name never holds an abstract noun; the name starts after the last one
  for (let k = to - 3; k >= from; k--) {
    if (ABSTRACT_NOUN.test(tokens[k].text) && isCap(tokens[k].text) && nameWordsFrom(k + 1) >= 2) {
      f = k + 1;
      break;
    }
  }
  while (f < to - 2 && nameWordsFrom(f + 1) >= 2) {
    const w = tokens[f].text;
    if (!isCap(w)) break;
    const role = kindOf(clean(w)) === 'role';
    // after a title's preposition a place's second word goes too: "Envoy to Western Sahara Ana Ruiz"
    const thing = objectOfTitle && (partyForm(w) != null || isPlace(w) || ABSTRACT_NOUN.test(w) || (f > from0 && COMPASS.test(tokens[f - 1].text)));
    if (!role && !thing) break;
    f++;
  }
  // "UNIFIL Spokesman Ana Ruiz", "Lima MP Ana Ruiz", "Cameraman Ana Ruiz": a role noun inside the run, a full name after it
  for (let k = to - 3; k >= f; k--) {
    if (!isCap(tokens[k].text) || !roleWord(tokens[k].text) || nameWordsFrom(k + 1) < 2) continue;
    if (tokens.slice(f, k).every((t) => isCap(t.text) || t.text === '-' || t.text === '.')) f = k + 1;
    break;
  }
  return f;
}

/** A compass word that opens a place's name ("Western Sahara", "North Kivu"). */
const COMPASS = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower)$/;
/** A capitalised role noun that is no word of an organisation's name ("Spokesman", "MP"; not "National", "General"). */
const roleWord = (w: string): boolean => kindOf(clean(w)) === 'role' && !NON_PERSON_WORDS.has(w);
/** A full name still follows token `at` in [at, to): two capitalised name words. */
const fullNameAfter = (tokens: readonly Token[], at: number, to: number): boolean =>
  tokens.slice(at, to).filter((t) => isCap(t.text) && !isInitialTok(t.text) && !PARTICLES.has(t.text)).length >= 2;
/** A run written wholly in capitals ("KHAN YOUNIS", "JANE DOE/AFP"): a dateline or a photo credit, not a name in running text. */
const allCapitals = (toks: readonly Token[]): boolean => {
  const words = toks.filter((t) => /\p{L}/u.test(t.text));
  return words.length >= 2 && words.every((t) => t.text.length >= 2 && !/\p{Ll}/u.test(t.text));
};

/** Finds the name candidates of one sentence. */
function sentenceCandidates(text: string, s: Sentence): Candidate[] {
  const tokens = s.tokens ?? [];
  const out: Candidate[] = [];
  for (const [from0, to] of capitalRuns(tokens)) {
    const runText = text.slice(tokens[from0].start, tokens[to - 1].end);
    if (isKnownThing(runText)) continue;
    // strip leading titles and party words: "Russian President Ivan Sorokin" → "Ivan Sorokin"
    let from = from0;
    while (from < to - 1) {
      const w = tokens[from].text;
      // after an abbreviated title the next word is a given name, even one that is also a common word ("Gen. Faith Obi")
      const prev = from > from0 ? tokens[from - 1].text : '';
      if (/\.$/.test(prev) && HONORIFIC_SET.has(prev.toLowerCase()) && !HONORIFIC_SET.has(w.toLowerCase()) && !TITLE_MODIFIERS.has(w) && partyForm(w) == null && !isPlace(w)) break;
      // a country's name starts a personal name ("Jordan Peterson") unless a title follows it ("Ukraine President X")
      const pf = partyForm(w);
      // "Jordan Peterson" keeps the country word; "Moldova Claus Neukirch" (a list's country glued to a full name) does not
      const partyWord = pf != null && ((pf.kind !== 'name' && pf.kind !== 'capital') || HONORIFIC_SET.has(tokens[from + 1].text.toLowerCase()) || (pf.kind === 'name' && fullNameAfter(tokens, from + 1, to)));
      // "North Korea Stephen Biegun", "Western Sahara Ana Ruiz": the second word of a country or place whose first word went
      const placeTail = from > from0 && fullNameAfter(tokens, from + 1, to) && (partyForm(`${tokens[from - 1].text} ${w}`) != null || isPlace(`${tokens[from - 1].text} ${w}`));
      if (HONORIFIC_SET.has(w.toLowerCase()) || TITLE_MODIFIERS.has(w) || partyWord || placeTail || NON_PERSON_WORDS.has(w) || (pf == null && isPlace(w))) from++;
      else break;
    }
    // stacked ranks, acronyms and a place before the last title: "HQ Maj Gen X", "Northport Mayor X"
    let orgTitle: [number, number] | null = null;
    for (let k = to - 2; k >= from; k--) {
      const w = tokens[k].text;
      if (HONORIFIC_SET.has(w.toLowerCase()) && !COURTESY_TITLES.has(w)) {
        if (tokens.slice(from0, k).every((t) => isCap(t.text) || t.text === '-' || t.text === '.')) from = k + 1;
        break;
      }
    }
    // a name after an organisation's name: "deputy head of the Northern Survey Directorate X Y"
    for (let k = to - 3; k >= from0; k--) {
      if (!NON_PERSON_WORDS.has(tokens[k].text)) continue;
      if (k + 1 < from) break;
      const rest = tokens.slice(k + 1, to);
      if (rest.length >= 2 && rest.every((t) => isCap(t.text) && !NON_PERSON_WORDS.has(t.text) && !HONORIFIC_SET.has(t.text.toLowerCase()) && partyForm(t.text) == null)) {
        orgTitle = [from0, k];
        from = k + 1;
      }
      break;
    }
    from = titleObjectCut(tokens, from0, from, to);
    // an organisation or outlet name at the end: "Russian broadcaster RT" is not a name either
    const nameToks = tokens.slice(from, to);
    const name = text.slice(tokens[from].start, tokens[to - 1].end);
    if (isKnownThing(name)) continue;
    const full = nameToks.filter((t) => isCap(t.text) && !isInitialTok(t.text)).length > 1;
    const givenAfterTitle = from > from0 && full && /\.$/.test(tokens[from - 1].text) && HONORIFIC_SET.has(tokens[from - 1].text.toLowerCase());
    if (nameToks.some((t, k) => !(k === 0 && givenAfterTitle) && isNonPersonWord(t.text, full))) continue;
    // a demonym or an organisation inside the run: "Many Ukrainian", "Hamas Gaza"; but a surname that is
    // also a nationality word after a title or role and a given name is a name ("consul Mara Welsh")
    const titledBefore = from > from0 || (from0 > 0 && kindOf(clean(tokens[from0 - 1].text)) === 'role');
    if (nameToks.some((t, k) => {
      const f = partyForm(t.text);
      const surname = titledBefore && k === nameToks.length - 1 && k >= 1 && f?.kind === 'demonym' && nameToks[k - 1].pos === 'PROPN' && partyForm(nameToks[k - 1].text) == null;
      return f != null && f.kind !== 'name' && f.kind !== 'capital' && !surname;
    })) continue;
    if (nameToks.every((t) => isInitialTok(t.text) || HONORIFIC_SET.has(t.text.toLowerCase()))) continue;
    if (allCapitals(nameToks)) continue;
    // "Executive Director", "Deputy Chief": titles only, no name
    if (nameToks.every((t) => roleWord(t.text) || HONORIFIC_SET.has(t.text.toLowerCase()) || TITLE_MODIFIERS.has(t.text) || t.text === '-')) continue;
    // name words: hyphenated parts written together count once ("Kyzyl-Kiya", "Jean-Pierre")
    const words = nameToks.filter((t, k) => isCap(t.text) && !isInitialTok(t.text) && !(k > 0 && nameToks[k - 1].text === '-' && nameToks[k - 1].start === t.start - 1));
    if (!words.length) continue;
    // all-capital acronyms ("RT", "FSB") are organisations
    if (words.length === 1 && /^[\p{Lu}\d.&-]{2,}$/u.test(words[0].text)) continue;
    if (words.length === 1 && nameToks.length === 1 && ORG_WORD_ENDING.test(words[0].text)) continue;
    // a lone capitalised role or common noun ("Investigators said", "X, Adviser to ...", "Deputy Undersecretary"): not a name
    const rankOnly = from > from0 && tokens.slice(from0, from).every((t) => !COURTESY_TITLES.has(t.text));
    if (words.length === 1 && nameToks.length === 1 && (from === from0 || rankOnly) && isCommonNoun(words[0].text)) continue;
    // a title phrase before its object: "Presidential Envoy for ...", "Permanent Representative to ..."
    if (endsInTitle(nameToks) && TITLE_OBJECT_PREPS.has(tokens[to]?.text ?? '')) continue;
    // a plural of people opening a sentence ("Residents said"): a lone surname of that shape would have a full name too
    if (words.length === 1 && nameToks.length === 1 && from === from0 && from0 === 0 && PEOPLE_PLURAL.test(words[0].text)) continue;
    const prefix = tokens.slice(from0, from);
    const titled = prefix.some((t) => HONORIFIC_SET.has(t.text.toLowerCase()));
    const written = text.slice(tokens[from0].start, tokens[to - 1].end);
    const cand: Candidate = {
      sentence: s,
      from,
      to,
      start: tokens[from].start,
      end: tokens[to - 1].end,
      name,
      written: prefix.length && prefix.every((t) => COURTESY_TITLES.has(t.text) || HONORIFIC_SET.has(t.text.toLowerCase())) ? written : name,
      single: words.length === 1,
      // a line without final punctuation that holds a sentence break is text cut short, not a heading
      heading: s.heading && !/[.!?]["”’]?\s+\p{Lu}/u.test(s.text),
      evidence: titled,
      weak: 0,
      veto: false,
      placeLike: false,
      roles: [],
      possessor: null,
      opener: from === from0 && from0 > 0 ? tokens[from0 - 1].text.toLowerCase() : '',
    };
    // a title that is a role: "President", "Foreign Minister", "Russian President"
    const roleTitle = prefix.filter((t) => !COURTESY_TITLES.has(t.text));
    if (roleTitle.length && roleTitle.some((t) => HONORIFIC_SET.has(t.text.toLowerCase()) || roleWord(t.text))) {
      const r0 = roleTitle[0];
      const r1 = roleTitle[roleTitle.length - 1];
      cand.roles.push({ text: text.slice(r0.start, r1.end), start: r0.start, end: r1.end, party: null, nonState: false, relativeTo: null });
    }
    // "Secretary of State Marco Rubio", "Minister of Defence X": a title with "of" before the name
    const of = tokens[from0 - 1];
    const title = tokens[from0 - 2];
    if (of?.text === 'of' && title && isCap(title.text) && HONORIFIC_SET.has(title.text.toLowerCase())) {
      const lead = tokens[from0 - 3];
      const r0 = lead && isCap(lead.text) && partyForm(lead.text) != null ? lead : title;
      const r1 = from > from0 ? tokens[from - 1] : of;
      if (r1 !== of) {
        cand.roles.push({ text: text.slice(r0.start, r1.end), start: r0.start, end: r1.end, party: null, nonState: false, relativeTo: null });
        cand.evidence = true;
      }
    }
    if (orgTitle) {
      // the title runs from the start of its phrase ("Deputy head of the") to the organisation's last word
      let b = orgTitle[0];
      while (b > 0 && tokens[b - 1].pos !== 'PUNCT' && tokens[b - 1].pos !== 'VERB' && tokens[b - 1].pos !== 'AUX' && b > orgTitle[0] - 8) b--;
      const r0 = tokens[b];
      const r1 = tokens[orgTitle[1]];
      cand.roles.push(roleOf(text, r0.start, r1.end, ''));
      cand.evidence = true;
    }
    findRoles(text, tokens, from0, cand);
    out.push(cand);
  }
  // "X and Y, Ruritania's negotiators,": a plural role after two coordinated names is both people's
  for (let k = 1; k < out.length; k++) {
    const c = out[k];
    const prev = out[k - 1];
    if (prev.roles.length || !/^\s*,?\s*and\s+$/.test(text.slice(prev.end, c.start))) continue;
    const plural = c.roles.find((r) => r.start > c.end && /s$/.test(clean(text.slice(r.start, r.end).split(/\s+/).pop() ?? '')) && kindOf(clean(text.slice(r.start, r.end).split(/\s+/).pop() ?? '')) === 'role');
    if (plural) {
      prev.roles.push(plural);
      prev.evidence = true;
    }
  }
  return out;
}

/** Roles and evidence from the words around a candidate. */
function findRoles(text: string, tokens: readonly Token[], runFrom: number, c: Candidate): void {
  // skip a bracketed other spelling: "Erlan Abishev (Ерлан Әбішев), Kazakhstan's deputy foreign minister"
  let to = c.to;
  if (tokens[to]?.text === '(') {
    let k = to + 1;
    while (k < tokens.length && k < to + 12 && tokens[k].text !== ')') k++;
    if (tokens[k]?.text === ')') to = k + 1;
  }
  const after = tokens[to];
  const after2 = tokens[to + 1];
  const before = tokens[runFrom - 1];
  // "X said", "X, who", "said X", "told X", "the X administration"
  // "a resident of X said": the speaker is the resident, X only the object of "of"
  const objectOfNoun = before?.text === 'of' && tokens[runFrom - 2]?.pos === 'NOUN';
  if (after && !objectOfNoun && !isPossessive(after) && SPEECH_VERBS.has(after.text) && after.pos !== 'NOUN') c.evidence ||= after.text !== 'has' && after.text !== 'is' && after.text !== 'was' ? true : c.evidence;
  if (after?.text === ',' && after2 && /^(who|whom)$/i.test(after2.text)) c.evidence = true;
  if (after && /^(who|whom)$/.test(after.text)) c.evidence = true;
  if (before && /^(said|says|told|according)$/.test(before.text) && !isPossessive(after)) c.evidence = true;
  if (before && OBJECT_VERBS.has(before.text.toLowerCase())) c.evidence = true;
  if (after && LEADER_NOUNS.has(after.text) && runFrom > 0) c.evidence = true;
  let v = to;
  while (tokens[v]?.pos === 'ADV' && v < to + 2) v++;
  const verb = tokens[v];
  if (c.single && verb && (verb.pos === 'VERB' || verb.pos === 'AUX') && !isCap(verb.text)) {
    c.weak++;
    // a lone name as the subject of a finite verb, resumed by "his"/"her": "Okafor insists ..., her aides said"
    const opens = runFrom === 0 || /^["“‘(]$/.test(tokens[runFrom - 1].text);
    if (opens && tokens.slice(to + 1).some((t) => PERSONAL_PRONOUNS.has(t.text.toLowerCase()))) c.evidence = true;
  }
  if (c.single && isPossessive(after) && after2 && after2.pos === 'NOUN' && !isCap(after2.text)) c.weak++;
  // "the Abu Shouk camp", "the Emirates": a thing named after something, not a person
  if (before?.text.toLowerCase() === 'the' && !isPossessive(after) && !(after && LEADER_NOUNS.has(after.text))) {
    if (c.single || (after && after.pos === 'NOUN' && !isCap(after.text))) c.veto = true;
  }
  // "in Almaty", "near X", "the village of X": a place
  if (c.single && before && PLACE_PREPOSITIONS.has(before.text) && !isPossessive(after)) c.veto = true;
  // "the Abu Shouk camp", "on Nyaung Kone village": a name before a lower-case noun of a place or thing names that thing
  if (after && after.pos === 'NOUN' && !isCap(after.text) && kindOf(clean(after.text)) === 'thing' && !LEADER_NOUNS.has(after.text)) c.veto = true;
  // "Chaim Goldberg/Flash90", "Northport/Southport, July 28": a photo credit or a dateline joined by a slash
  if (SLASH_JOINED.before.test(text.slice(Math.max(0, c.start - 2), c.start)) || SLASH_JOINED.after.test(text.slice(c.end, c.end + 2))) c.veto = true;
  // "Internally Displaced People (IDP)": a name followed by its own initials is an organisation or a term
  if (initialsFollow(text, c)) c.veto = true;
  // "NAME, flying the flag of COUNTRY": a ship
  if (FLAG_AFTER_NAME.test(text.slice(c.end, c.end + 80))) c.veto = true;
  if (c.single && before?.text === 'of' && /\b(village|town|city|region|district|province|area|settlement|port)\s+of$/i.test(text.slice(Math.max(0, before.start - 20), before.end))) c.veto = true;
  c.placeLike = placeContext(text, tokens, runFrom, to);
  if (isPossessive(after) && after2 && LEADER_NOUNS.has(after2.text)) c.evidence = true;

  // "President X of Russia"
  if (after?.text === 'of' && after2) {
    const f = partyForm(after2.text);
    if (f && c.roles.length) {
      const r = c.roles[0];
      c.roles[0] = { ...r, text: `${r.text} of ${text.slice(after2.start, after2.end)}`, party: f.party };
    }
  }

  // "Ruritania's X", "South Ruritania's President X": the possessive party is the person's side
  if (isPossessive(before) && runFrom >= 2) {
    const one = partyForm(tokens[runFrom - 2].text);
    const two = runFrom >= 3 && isCap(tokens[runFrom - 3].text) ? partyForm(text.slice(tokens[runFrom - 3].start, tokens[runFrom - 2].end)) : null;
    const f = two ?? one;
    if (f && f.kind !== 'demonym') c.possessor = f.party;
  }
  // the words before the name: "Ukraine's defence minister X", "foreign policy adviser X"
  let k = runFrom - 1;
  const startK = k;
  // after a possessive, a capitalised owner belongs to the role: "U.S. President John Doe's envoy X"
  let owner = false;
  while (k >= 0) {
    const t = tokens[k];
    const ok =
      ((t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PROPN' || (t.pos === 'VERB' && /ing$/.test(t.text))) && !isCap(t.text)) ||
      (isCap(t.text) && (partyForm(t.text) != null || (isPlace(t.text) && k === startK - 1) || (owner && (t.pos === 'PROPN' || HONORIFIC_SET.has(t.text.toLowerCase()))))) ||
      (isPossessive(t) && k > 0 && isCap(tokens[k - 1].text)) ||
      (t.text === '-' && k > 0 && tokens[k - 1].end === t.start);
    if (!ok) break;
    if (isPossessive(t)) owner = true;
    else if (!isCap(t.text)) owner = false;
    k--;
  }
  if (k < startK) {
    const first = tokens[k + 1];
    const last = tokens[startK];
    const kind = kindOf(clean(last.text));
    const words = text.slice(first.start, last.end).split(/\s+/);
    if (kind === 'thing') c.veto = true;
    else if (kind === 'role' && words.length <= 8) {
      c.evidence = true;
      c.roles.push(roleOf(text, first.start, last.end, clean(last.text)));
    }
  }

  // "the national security adviser, X": a role before a comma, the name after it
  if (before?.text === ',' && runFrom >= 2) {
    let b = runFrom - 2;
    const end = tokens[b].end;
    while (b >= 0 && b > runFrom - 14 && !/^(PUNCT|VERB|AUX|ADP|CCONJ|SCONJ)$/.test(tokens[b].pos) && !DETERMINERS.has(tokens[b].text.toLowerCase())) b--;
    // "the head of the Odesa regional administration, X": the role before "of" heads the phrase
    // "the UN's special envoy for Yemen, X", "Ruritania's ambassador to Osterlich, X": a title's object belongs to the title too
    const ofAt = TITLE_OBJECT_PREPS.has(tokens[b]?.text ?? '') ? b : tokens[b]?.text.toLowerCase() === 'the' && TITLE_OBJECT_PREPS.has(tokens[b - 1]?.text ?? '') ? b - 1 : -1;
    if (ofAt > 0 && kindOf(clean(tokens[ofAt - 1].text)) === 'role') {
      b = ofAt - 2;
      // "the UN Special Envoy for X,": capitalised title words and a party's name belong to the title too
      const titleWord = (t: Token): boolean => !isCap(t.text) || HONORIFIC_SET.has(t.text.toLowerCase()) || roleWord(t.text) || partyForm(t.text) != null;
      while (b >= 0 && /^(ADJ|NOUN|PROPN)$/.test(tokens[b].pos) && titleWord(tokens[b]) && b > ofAt - 6) b--;
      // a possessive owner before the title: "the UN's special envoy"
      if (b >= 1 && isPossessive(tokens[b]) && (partyForm(tokens[b - 1].text) != null || isCap(tokens[b - 1].text))) b -= 2;
    }
    // the phrase must start a clause or follow a determiner: "The U.S. special envoy for Sudan, X"
    // a party's possessive opens the phrase wherever it stands: "sat Ruritania's foreign minister, X"
    let p = b + 1;
    while (p < runFrom - 2 && !(partyForm(tokens[p].text) != null && isPossessive(tokens[p + 1]))) p++;
    if (p < runFrom - 2) b = p - 1;
    const opener = tokens[b];
    const opens = !opener || /^(PUNCT|ADP|CCONJ|SCONJ)$/.test(opener.pos) || DETERMINERS.has(opener.text.toLowerCase()) || p < runFrom - 2;
    const startTok = tokens[b + 1];
    if (startTok && startTok.start < end) {
      const words = text.slice(startTok.start, end).split(/\s+/);
      const { head } = headOf(words);
      const kind = kindOf(head);
      const lastKind = kindOf(clean(words[words.length - 1]));
      // only when the phrase ends in the role noun ("adviser," / "chief of staff,")
      const pw = partyForm(words[0]);
      if (kind === 'role' && opens && (lastKind === 'role' || words.length <= 10) && (!isCap(words[0]) || pw != null || HONORIFIC_SET.has(words[0].toLowerCase()) || /['’]s$/.test(words[0]))) {
        c.evidence = true;
        c.roles.push(roleOf(text, startTok.start, end, head ?? ''));
      }
    }
  }

  // apposition after the name: "X, the Ukrainian defense minister leading ..., said"
  if (after?.text === ',' && after2) {
    let j = to + 1;
    while (j < tokens.length && !/^[,;:()—–“”"]$/.test(tokens[j].text) && !/^[.!?]$/.test(tokens[j].text)) j++;
    if (j > to + 1) {
      const aStart = tokens[to + 1].start;
      const aEnd = tokens[j - 1].end;
      const words = text.slice(aStart, aEnd).split(/\s+/);
      if (/^(who|whom|whose)$/i.test(words[0])) {
        c.evidence = true;
        return;
      }
      // "X, through mediators": a prepositional phrase is no apposition
      if (tokens[to + 1].pos === 'ADP' && !/^(from|of)$/i.test(words[0])) return;
      // "X, killing one crew member": a participle clause, not a description of X
      if (tokens[to + 1].pos === 'VERB' && /ing$/i.test(words[0])) return;
      const { head, cut } = headOf(words);
      const kind = kindOf(head);
      // "X, UNN reports": an outlet's attribution after the name, not a description of it
      const attribution = words.length <= 6 && (SPEECH_VERBS.has(clean(words[words.length - 1])) || /^report(?:s|ed)$/.test(clean(words[words.length - 1])));
      if (kind === 'thing' && !attribution && !/^(from|of|at|with)$/i.test(words[0])) c.veto = true;
      else if (kind === 'role' && (!isCap(words[0]) || partyForm(words[0]) != null || DETERMINERS.has(words[0].toLowerCase()) || kindOf(clean(words[0])) === 'role')) {
        c.evidence = true;
        // cut at a participle or relative clause ("... minister leading his country's delegation")
        let endWord = words.length;
        for (let w = 1; w < words.length; w++) {
          const cw = clean(words[w]);
          if (/^(who|whom|which|that|whose)$/.test(cw) || (/ing$/.test(cw) && w >= cut && kindOf(clean(words[w - 1])) === 'role')) {
            endWord = w;
            break;
          }
        }
        const roleText = words.slice(0, endWord).join(' ');
        c.roles.push(roleOf(text, aStart, aStart + roleText.length, head ?? ''));
      } else if (/^(from|of)$/i.test(words[0]) && words.length <= 8 && words.slice(1).some((w) => isCap(w))) {
        // "Jane Miles, from the National Security Council,"
        c.evidence = true;
        c.roles.push(roleOf(text, aStart, aEnd, ''));
      }
    }
  }
}

/** "the town of X", "residents of X", "natives of X": a word of place or dwelling, then "of". */
const PLACE_OF = /\b(?:village|villages|town|towns|city|cities|region|district|province|area|settlement|port|community|camp|neighbou?rhood|suburb|outskirts|resident|residents|native|natives|people|outskirts|municipality|governorate|county|island)\s+of\s+(?:the\s+)?$/i;
/** Lower-case nouns after a name that make it the name of a place or site ("X air base", "X temple"). */
const SITE_AFTER = /^\s+(?:[\p{Ll}-]+\s+)?(?:base|airbase|airfield|temple|shrine|mosque|camp|crossing|dam|compound|complex|market|neighbou?rhood|suburb|district|area|region|province|governorate|hotel|stadium|pitch|valley|checkpoint|refinery|villages?|towns?|hills?|heights|corridor|enclave)\b/u;
/** "in A and X": a name coordinated with the object of a preposition of place. */
const COORDINATED_PLACE = /\b(?:in|at|near|from|around|across)\s+(?:the\s+)?\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,2}\s+(?:and|or)\s+(?:the\s+)?$/u;
/** Whether a candidate stands where a place is written: after a preposition of place, "the town of", coordinated with one, or before a word of site. */
function placeContext(text: string, tokens: readonly Token[], runFrom: number, to: number): boolean {
  const start = tokens[runFrom].start;
  const end = tokens[to - 1].end;
  const before = text.slice(Math.max(0, start - 60), start);
  const prev = tokens[runFrom - 1]?.text.toLowerCase() ?? '';
  if (THING_OPENERS.has(prev) && prev !== 'the') return true;
  return PLACE_OF.test(before) || COORDINATED_PLACE.test(before) || SITE_AFTER.test(text.slice(end, end + 30));
}

/**
 * True when the name is followed by its initials in brackets: "Internally Displaced People (IDP)",
 * or by the initials of a longer name it ends: "the Agreement on Safety and Immunity Guarantees (JASIG)".
 */
function initialsFollow(text: string, c: Candidate): boolean {
  const m = /^\s*\(([\p{Lu}]{2,6})s?\)/u.exec(text.slice(c.end, c.end + 12));
  if (!m) return false;
  const initials = c.written.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  return initials.endsWith(m[1]) || m[1].startsWith(initials) || (initials.length >= 2 && m[1].endsWith(initials));
}

function roleOf(text: string, start: number, end: number, head: string): Role {
  // drop a leading article: "the Ukrainian defense minister" → "Ukrainian defense minister"
  let s = start;
  const m = /^(the|a|an)\s+/i.exec(text.slice(start, end));
  if (m) s += m[0].length;
  const roleText = text.slice(s, end).replace(/[,;:]+$/, '');
  const h = head.replace(/s$/, '');
  return { text: roleText, start: s, end: s + roleText.length, party: null, nonState: NON_STATE_ROLES.has(head) || NON_STATE_ROLES.has(h), relativeTo: null };
}


/** The side a role's own words give, and which kind of evidence gave it. */
interface RoleSide {
  readonly party: string;
  readonly by: 'role' | 'role-owner' | 'place-official';
}

/** The party a role names: the first party in it that is not a target ("envoy to Ukraine"). */
function partyOfRole(text: string, r: Role, parties: readonly PartyMention[]): RoleSide | null {
  if (r.party) return { party: r.party, by: 'role' };
  if (r.nonState) return null;
  const own = partyInRole(text, r, parties);
  if (own) return { party: own, by: 'role' };
  const implied = impliedParty(text, r, parties);
  if (implied) return { party: implied, by: 'role-owner' };
  // "Cambodian defense ministry's spokesperson X", "ELN guerrilla leader X": a party word just before the role's words
  const adjacent = parties.find((p) => p.end <= r.start && r.start - p.end <= 2 && /^\s+$/.test(text.slice(p.end, r.start)) && p.kind !== 'capital');
  if (adjacent) return { party: adjacent.party, by: 'role' };
  const place = placeOfficial(text, r);
  return place ? { party: place, by: 'place-official' } : null;
}

/** "Dnipro mayor", "governor of the Kharkiv region", "local governor X" after the region: an official of a place is of its country. */
function placeOfficial(text: string, r: Role): string | null {
  const words = text.slice(r.start, r.end).toLowerCase().split(/[^\p{L}-]+/u);
  if (!words.some((w) => OFFICIALS.has(w))) return null;
  for (const pm of findPlaces(text, [], r.start, r.end)) {
    // "Dnipro mayor", "governor of the Kharkiv region" (not "negotiator in Gaza")
    const before = text.slice(Math.max(r.start, pm.start - 5), pm.start);
    if (pm.place.country && pm.place.kind !== 'country' && (pm.start === r.start || /\bof\s+(?:the\s+)?$/.test(text.slice(Math.max(r.start, pm.start - 8), pm.start)) || !/\S/.test(before))) return pm.place.country;
  }
  // "…the southern Rostov region…, local governor X said": a local official of the region named before in the sentence
  if (/^(?:local|regional|provincial)\s+(?:governor|mayor|head|chief|official)\b/i.test(text.slice(r.start, r.end))) {
    // the nearest place before: in the sentence, else earlier in the article ("the Belgorod region ... regional governor X")
    const near = findPlaces(text, [], Math.max(0, r.start - 1500), r.start).filter((pm) => pm.place.country && pm.place.kind !== 'country');
    if (near.length) return near[near.length - 1].place.country;
  }
  return null;
}

/**
 * "the group's commander", "the army's spokesman": the side named before by such a noun. A group,
 * movement or militia is the last organisation named before; an army, military, government or
 * administration the last state named before.
 */
const IMPLIED = /^(?:the\s+)?(group|movement|militia|rebels|army|military|government|administration)['’]s?\s/i;
function impliedParty(text: string, r: Role, parties: readonly PartyMention[]): string | null {
  const lead = text.slice(Math.max(0, r.start - 4), r.start);
  // "the group's top political leader X": the owner stands just before the role's words
  const owner = /\bthe\s+(group|movement|militia|rebels|army|military|government|administration)['’]s?\s+$/i.exec(text.slice(Math.max(0, r.start - 30), r.start));
  const m = owner ?? IMPLIED.exec(/\bthe\s+$/i.test(lead) ? `the ${text.slice(r.start, r.end)}` : text.slice(r.start, r.end));
  // "army chief X" names the army's side as plainly as "the army's chief"
  const bare = /^(army|military)\s+(?:chief|commander|leader|spokes(?:man|woman|person))\b/i.exec(text.slice(r.start, r.end));
  if (!bare && (!m || !/^the\s/i.test(m[0]))) return null;
  const org = !bare && /^(group|movement|militia|rebels)$/i.test(m?.[1] ?? '');
  const until = owner ? r.start - owner[0].length : r.start;
  let best: PartyMention | null = null;
  for (const p of parties) {
    if (p.end > until) break;
    if ((p.kind === 'organisation') === org) best = p;
  }
  return best?.party ?? null;
}

function partyInRole(text: string, r: Role, parties: readonly PartyMention[]): string | null {
  // "spokesman for the U.S.-led coalition": the leader of the coalition is the role's side
  const led = /([\p{L}.]+)-led\b/u.exec(text.slice(r.start, r.end));
  const leader = led ? partyForm(led[1]) : null;
  if (leader) return leader.party;
  for (const p of parties) {
    if (p.start < r.start || p.end > r.end) continue;
    // "spokeswoman for Ruritania's Foreign Office": the office belongs to the possessor
    const owned = parties.find((q) => q !== p && q.start > p.end && q.end <= r.end && /^['’]s\s+$/.test(text.slice(p.end, q.start)));
    if (owned) return p.party;
    const before = text.slice(r.start, p.start).trim().split(/\s+/).filter((w) => !/^(the|a|an)$/i.test(w));
    const prev = before.length ? clean(before[before.length - 1]) : '';
    // "the Ruritanian-born envoy of ...": where a person was born is not their side
    if (BORN_AFTER.test(text.slice(p.end, p.end + 12))) continue;
    // "spokeswoman for Ruritania's navy": a possessive state after "for" owns the role's body
    const possessive = /^['’]s?\s/.test(text.slice(p.end, p.end + 3));
    if (TARGET_PREPS.has(prev) && !(possessive && prev === 'for') && !ownsBody(text, r, p, prev, possessive)) continue;
    return p.party;
  }
  return null;
}

const BORN_AFTER = /^-(?:born|raised|educated|trained)\b/;
/**
 * After a preposition of target, a party that owns the role's body or principal is the role's side:
 * "spokesman for the Ruritanian army", "a spokesman for Ruritania", "adviser to Ruritania's president" (an aide of the
 * principal, not an envoy sent to them).
 */
function ownsBody(text: string, r: Role, p: PartyMention, prev: string, possessive: boolean): boolean {
  // "a spokesman for Ruritania", "the chief negotiator for the rebels": whom a speaker speaks for
  const words = text.slice(r.start, p.start).trim().split(/\s+/).map(clean).filter((w) => w && w !== 'the');
  if (prev === 'for' && SPEAKER_NOUNS.has(words[words.length - 2] ?? '')) return true;
  const next = /^(?:['’]s?)?\s+((?:[\p{L}-]+\s+){0,2}?)([\p{L}-]+)/u.exec(text.slice(p.end, Math.min(r.end, p.end + 50)));
  if (!next) return false;
  const head = next[2].toLowerCase();
  if (prev === 'for') return (p.kind === 'demonym' || possessive) && SIDE_BODIES.has(head);
  if (prev === 'to' && possessive && next[1] === '' && ROLE_NOUNS.has(head) && !NON_STATE_ROLES.has(head)) {
    const first = clean(text.slice(r.start, r.end).split(/\s+/).find((w) => !DETERMINERS.has(clean(w))) ?? '');
    return AIDE_NOUNS.has(first);
  }
  return false;
}

interface Cluster {
  name: string;
  /** The name prepared for matching (names.ts personName), kept in step with `name`. */
  prepared: PersonName;
  cands: Candidate[];
}

/** True when `part` is a run of the words of `full` (three or more words) other than its first: "Nandi Okoro" of "Asha Nandi Okoro". */
function isInnerPart(full: string, part: string): boolean {
  const fw = stripTitles(full).split(/\s+/).map(foldText);
  const pw = stripTitles(part).split(/\s+/).map(foldText);
  if (fw.length < 3 || !pw.length || pw.length >= fw.length) return false;
  for (let i = 1; i + pw.length <= fw.length; i++) if (pw.every((w, j) => w === fw[i + j])) return true;
  return false;
}

/** Finds the people of an article, with their mentions, roles and parties. */
export function findPeople(text: string, sentences: readonly Sentence[], parties: readonly PartyMention[]): SidedPerson[] {
  const all: Candidate[] = [];
  for (const s of sentences) {
    if (isCreditLine(s.text, sentences.length - 1 - s.index)) continue;
    all.push(...sentenceCandidates(text, s));
  }
  const fullCands = all.filter((c) => !c.single && !c.veto && !c.heading);
  const clusters: Cluster[] = [];
  for (const c of fullCands) {
    // "Name (Other Script Name)": the same person written another way
    const alias = /^\s*\($/.test(text.slice(Math.max(0, c.start - 2), c.start)) ? clusters.find((k) => k.cands.some((x) => /^\s*\($/.test(text.slice(x.end, c.start)))) : undefined;
    if (alias) {
      alias.cands.push({ ...c, roles: [] });
      continue;
    }
    // "Mr. Abu Karim" after "Samir Abu Karim": a titled later mention of the last words of a longer name
    const titledPart = c.written !== c.name ? clusters.find((k) => isInnerPart(k.name, c.name)) : undefined;
    if (titledPart) {
      titledPart.cands.push(c);
      continue;
    }
    const prepared = personName(c.name);
    const cl = clusters.find((k) => samePersonNames(k.prepared, prepared));
    if (cl) {
      cl.cands.push(c);
      if (nameFullness(c.name) > nameFullness(cl.name)) {
        cl.name = c.name;
        cl.prepared = prepared;
      }
    } else clusters.push({ name: c.name, prepared, cands: [c] });
  }
  // "on Nyaung Kone village ... a resident of Nyaung Kone": a full name once marked as a place or thing, never as a person
  const vetoed = new Set(all.filter((c) => !c.single && c.veto && !c.heading).map((c) => foldText(c.name)));
  for (let i = clusters.length - 1; i >= 0; i--) {
    const k = clusters[i];
    if (k.cands.some((c) => vetoed.has(foldText(c.name))) && k.cands.every((c) => !c.evidence && !c.roles.length)) clusters.splice(i, 1);
  }
  // single words: a surname of a full name, or a person of its own when something says so
  const singles = new Map<string, Cluster>();
  const pending: Candidate[] = [];
  for (const c of all) {
    if (!c.single) continue;
    const surname = personName(c.name).surname;
    const matches = clusters.filter((k) => k.prepared.parts.words > 1 && sameSurnameForms(k.prepared.surname, surname));
    // "Ms. Nandi" for "Asha Nandi Okoro": one inner word of a name of three or more words
    if (!matches.length) matches.push(...clusters.filter((k) => isInnerPart(k.name, c.name)));
    if (!matches.length) {
      // "Xi" for "Xi Jinping", "Mr. Kim" for "Kim Jong Un": names written family name first
      const byFirst = clusters.filter((k) => k.prepared.parts.words > 1 && k.name.split(/\s+/)[0] === c.name);
      if (byFirst.length === 1) matches.push(byFirst[0]);
    }
    if (matches.length) {
      // the nearest full name mentioned before, else the first
      const prior = matches
        .map((k) => ({ k, at: Math.max(-1, ...k.cands.filter((x) => x.start < c.start).map((x) => x.start)) }))
        .sort((a, b) => b.at - a.at);
      prior[0].k.cands.push(c);
      continue;
    }
    pending.push(c);
  }
  for (const c of pending) {
    const key = foldText(c.name);
    const cl = singles.get(key);
    if (cl) cl.cands.push(c);
    else singles.set(key, { name: c.name, prepared: personName(c.name), cands: [c] });
  }
  // "between Sorokin and Marchuk": a lone word joined by "and" to a known person is a person too
  const known = clusters.flatMap((k) => k.cands);
  for (const cl of singles.values()) {
    for (const c of cl.cands) {
      if (c.heading || c.veto) continue;
      if (known.some((k) => /^\s*(?:and|or|,)\s*$/.test(k.end <= c.start ? text.slice(k.end, c.start) : text.slice(c.end, k.start)) && (k.end <= c.start || c.end <= k.start))) c.evidence = true;
    }
  }
  // "Zanu officials" where the text names the Zanu party: a lone word that names a side wherever it stands is no person
  const sideSpans = new Set(parties.filter((pm) => pm.kind === 'organisation').map((pm) => `${pm.start}:${pm.end}`));
  for (const cl of singles.values()) {
    if (cl.cands.every((c) => sideSpans.has(`${c.start}:${c.end}`))) continue;
    const weakSentences = new Set(cl.cands.filter((c) => c.weak > 0 && !c.heading && !c.veto).map((c) => c.sentence.index));
    if (weakSentences.size >= 2) for (const c of cl.cands) c.evidence ||= c.weak > 0;
    if (!cl.cands.some((c) => c.evidence && !c.heading)) continue;
    if (cl.cands.some((c) => c.evidence && !c.heading) && !cl.cands.some((c) => c.veto)) clusters.push(cl);
  }

  // "in Northport Heights", "the Grand Harbour": a name seen only after a word of place or "the", with no sign of a person, is a place or a thing
  for (let i = clusters.length - 1; i >= 0; i--) {
    const cands = clusters[i].cands;
    if (cands.every((c) => !c.evidence && !c.roles.length && THING_OPENERS.has(c.opener))) clusters.splice(i, 1);
    else if (cands.every((c) => !c.evidence && !c.roles.length) && cands.some((c) => c.placeLike)) clusters.splice(i, 1);
  }
  const people: SidedPerson[] = [];
  const seenKeys = new Set<string>();
  for (const cl of clusters) {
    cl.cands.sort((a, b) => a.start - b.start);
    const roles: string[] = [];
    for (const c of cl.cands) for (const r of c.roles) if (!roles.includes(r.text)) roles.push(r.text);
    const variants: string[] = [];
    for (const c of cl.cands) for (const v of [c.written, c.name]) if (v !== cl.name && !variants.includes(v)) variants.push(v);
    const mentions: PersonMention[] = cl.cands.map((c) => ({ start: c.start, end: c.end, text: c.name, sentence: c.sentence.index }));
    let key = nameKey(cl.name);
    while (seenKeys.has(key)) key += "'";
    seenKeys.add(key);
    // most specific role first: one with a party, then the longest
    const titleOnly = (r: string): boolean => r.split(/\s+/).every((w) => HONORIFIC_SET.has(w.toLowerCase()));
    const score = (r: string): number => (partyInText(r) ? 2 : 0) + (r.split(/\s+/).length > 1 ? 1 : 0) - (titleOnly(r) ? 2 : 0);
    roles.sort((a, b) => score(b) - score(a));
    people.push({ key, name: cl.name, variants, roles, party: null, partyBy: null, mentions });
  }
  const ctx: EvidenceContext = { text, sentences, parties, people, cands: clusters.map((k) => k.cands), names: clusters.map((k) => k.prepared), titles: null };
  // each row in turn, highest priority first: a row sees the sides the rows above it gave
  for (const row of PEOPLE_EVIDENCE) {
    for (let i = 0; i < people.length; i++) {
      if (people[i].party) continue;
      const party = row.find(ctx, i);
      if (party) people[i] = { ...people[i], party, partyBy: row.name };
    }
  }
  // every row's answer, for the learned side chooser (the rows above stop at the first)
  const proposals = people.map((_, i) => {
    const out: Proposal[] = [];
    for (const row of PEOPLE_EVIDENCE) {
      const party = row.find(ctx, i);
      if (party) out.push({ by: row.name, party });
    }
    return out;
  });
  return people.map((p, i) => ({ ...p, proposals: proposals[i] }));
}

/**
 * The kinds of evidence for a person's side, each a named row. The people stage runs the rows
 * of PEOPLE_EVIDENCE in order (highest priority first); after the delegations are found,
 * `sidesFromSentences` adds 'team', 'principal' once more, 'own-sentences' and, last, 'home-state'.
 * A person keeps no side when no row finds one: a wrong side is worse than none.
 */
export type PartyEvidence =
  | 'role' // the role's own country word, possessive or of-phrase: "Ruritanian envoy", "envoy of Ruritania", "Ruritania's navy spokesman"
  | 'role-owner' // "the group's commander", "army chief": the side named before by such a noun
  | 'place-official' // "Northport mayor", "governor of the Kharkiv region": an official of a place is of its country
  | 'possessor' // "Ruritania's X"
  | 'speaks-for' // "X, speaking for Ruritania", "Ruritania was represented by X", "X, who heads Ruritania's delegation"
  | 'bracketed' // "X (Ruritania) and Y (Osterlich)"
  | 'leads-team' // "Ruritania's delegation is headed by X"
  | 'title-coreference' // "Ruritania's president said ... President X"
  | 'principal' // "adviser to President X", "X's envoy": the principal's side
  | 'companion' // "A was joined by B", "He is accompanied by B": B takes A's side
  | 'team' // a member of a side's delegation (the delegations stage)
  | 'own-sentences' // the side the person's own sentences give, when it leads clearly
  | 'home-state' // a state office ("President X", "the deputy minister") with nothing else: the state the article names most, when it leads clearly
  | 'learned-side'; // the learned chooser (learn/side-model.ts) over every row's answer and the parties named near the person

/** A person with the evidence that gave their side. */
export interface SidedPerson extends ArticlePerson {
  readonly partyBy: PartyEvidence | null;
  /** Every evidence row's answer (not only the first), for the learned side chooser. */
  readonly proposals?: readonly Proposal[];
}

interface EvidenceContext {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly parties: readonly PartyMention[];
  /** The people so far, their sides as the rows above gave them. */
  readonly people: readonly SidedPerson[];
  /** Each person's name candidates (same order as people), with their roles. */
  readonly cands: ReadonlyArray<readonly Candidate[]>;
  /** Each person's name prepared for matching (same order as people). */
  readonly names: readonly PersonName[];
  titles: Map<string, Set<string>> | null;
}

interface EvidenceRow {
  readonly name: PartyEvidence;
  readonly find: (ctx: EvidenceContext, i: number) => string | null;
}

/** The first of a person's roles (in text order) whose own words give a side of this kind. */
const fromRoles =
  (kind: RoleSide['by']) =>
  (ctx: EvidenceContext, i: number): string | null => {
    for (const c of ctx.cands[i]) {
      for (const r of c.roles) {
        const side = partyOfRole(ctx.text, r, ctx.parties);
        if (side) return side.by === kind ? side.party : null;
      }
    }
    return null;
  };

const PEOPLE_EVIDENCE: readonly EvidenceRow[] = [
  { name: 'role', find: fromRoles('role') },
  { name: 'role-owner', find: fromRoles('role-owner') },
  { name: 'place-official', find: fromRoles('place-official') },
  { name: 'possessor', find: (ctx, i) => ctx.cands[i].find((c) => c.possessor)?.possessor ?? null },
  { name: 'speaks-for', find: (ctx, i) => speaksFor(ctx.text, ctx.sentences, ctx.people[i], ctx.parties) },
  { name: 'bracketed', find: (ctx, i) => bracketedSide(ctx.text, ctx.people[i], ctx.parties) },
  { name: 'leads-team', find: (ctx, i) => headedBy(ctx.text, ctx.people[i], ctx.parties) },
  {
    // "PARTY's president ... President X": a bare title takes the state the text gave that title
    name: 'title-coreference',
    find: (ctx, i) => {
      ctx.titles ??= unnamedTitles(ctx.text, ctx.parties);
      for (const r of ctx.people[i].roles) {
        const ps = ctx.titles.get(titleKey(r));
        if (ps && ps.size === 1) return [...ps][0];
      }
      return null;
    },
  },
  {
    // "adviser to President X", "X's envoy": inherit X's party when the role names none
    name: 'principal',
    find: (ctx, i) => {
      const p = ctx.people[i];
      for (const c of ctx.cands[i]) {
        for (const r of c.roles) {
          const owner = ownerOf(r.text)?.trim();
          if (!owner) continue;
          const o = personName(owner);
          const other = ctx.people.findIndex((q, k) => q !== p && q.party && ownerMatches(ctx.names[k]!, o));
          if (other >= 0) return ctx.people[other]!.party;
        }
      }
      return null;
    },
  },
  { name: 'companion', find: (ctx, i) => companionSide(ctx.text, ctx.sentences, ctx.people, i) },
];

/** "A was joined by (ROLE) B", "A, accompanied by B", "A travelled with B": B goes with A. */
const COMPANION_BEFORE = /\b(?:(?:joined|accompanied|flanked)\s+by|(?:travell?ed|arrived|came)\s+(?:together\s+)?with)\s+(?:(?:the\s+)?[\p{L}’'.-]+\s+|,\s*|and\s+){0,6}$/u;
/**
 * 'companion': a person who joins or accompanies another takes that person's side. The other is
 * the nearest person named before in the sentence, or, when the sentence opens with "He" or
 * "She", the last person named before it.
 */
function companionSide(text: string, sentences: readonly Sentence[], people: readonly SidedPerson[], i: number): string | null {
  for (const m of people[i].mentions) {
    const s = sentences[m.sentence];
    if (!s || !COMPANION_BEFORE.test(text.slice(Math.max(s.start, m.start - 90), m.start))) continue;
    let lead: { p: SidedPerson; at: number } | null = null;
    const pronoun = /^\s*(?:He|She)\b/.test(s.text);
    for (const q of people) {
      if (q === people[i]) continue;
      for (const n of q.mentions) {
        const inSentence = n.sentence === m.sentence && n.end <= m.start;
        const before = pronoun && n.end <= s.start;
        if ((inSentence || before) && (!lead || n.start > lead.at)) lead = { p: q, at: n.start };
      }
    }
    // the nearest one only: an earlier sentence's person counts when this one names nobody before
    if (lead && (lead.at >= s.start || pronoun) && lead.p.party) return lead.p.party;
  }
  return null;
}

/** The person a role is relative to: "adviser to President X", "Mr. X's envoy" → "X". */
const ownerOf = (r: string): string | null =>
  /\b(?:to|of|for)\s+(?:the\s+)?(?:(?:President|Prime Minister|Mr\.?|Ms\.?|Mrs\.?)\s+)?((?:\p{Lu}[\p{L}.’'-]*\s?)+)$/u.exec(r)?.[1] ??
  /^(?:(?:President|Prime Minister|Mr\.?|Ms\.?|Mrs\.?)\s+)?((?:\p{Lu}[\p{L}.’'-]*\s)*\p{Lu}[\p{L}.-]*)['’]s\s/u.exec(r)?.[1] ??
  null;

/** A person can be the owner a role names ("Mr. X's envoy") when their surnames agree (samePerson implies it). */
const ownerMatches = (q: PersonName, owner: PersonName): boolean => sameSurnameForms(q.surname, owner.surname);

/** Each person's principal: the other person a role makes theirs ("Mr. X's envoy" → X), when the article names them; else null. */
function principalsOf(people: readonly ArticlePerson[]): Array<ArticlePerson | null> {
  let names: PersonName[] | null = null;
  return people.map((p) => {
    for (const r of p.roles) {
      const owner = ownerOf(r)?.trim();
      if (!owner) continue;
      names ??= people.map((q) => personName(q.name));
      const o = personName(owner);
      const k = people.findIndex((q, j) => q !== p && ownerMatches(names![j]!, o));
      if (k >= 0) return people[k]!;
    }
    return null;
  });
}

/** After a name: "X, speaking for PARTY", "X, representing PARTY", "X, who heads PARTY's delegation", "X represented PARTY". */
const SPEAKS_FOR_AFTER = /^\s*,\s*(?:speaking|negotiating|acting)\s+(?:for|on\s+behalf\s+of)\s+(?:the\s+)?$|^\s*,\s*(?:who\s+)?represent(?:s|ed|ing)\s+(?:the\s+)?$|^\s+represent(?:s|ed)\s+(?:the\s+)?$|^\s*,\s*(?:who\s+(?:heads|headed|leads|led|will\s+lead|will\s+head)|heading|leading)\s+(?:the\s+)?$/;
const LEADS_WHAT = /^(?:['’]s?)?\s+(?:[\p{Ll}-]+\s+){0,2}?(?:delegation|team|negotiators|negotiating\s+team|side)\b/u;
/** Before a name: "PARTY was represented by (ROLE) X", "PARTY, represented by X". */
const REPRESENTED_BY = /^(?:['’]s?)?\s*,?\s+(?:(?:is|was|were|will\s+be|has\s+been|had\s+been|are|being)\s+)?represented\s+by\s+(?:[\p{L}’'.-]+\s+|,\s*|and\s+){0,8}$/u;
/** Whom a person speaks or negotiates for, by a verb of representing: 'speaks-for'. */
function speaksFor(text: string, sentences: readonly Sentence[], p: ArticlePerson, parties: readonly PartyMention[]): string | null {
  for (const m of p.mentions) {
    const s = sentences[m.sentence];
    if (!s) continue;
    for (const pm of parties) {
      if (pm.sentence !== m.sentence || pm.kind === 'capital') continue;
      if (pm.start >= m.end && pm.start - m.end < 60 && SPEAKS_FOR_AFTER.test(text.slice(m.end, pm.start))) {
        const heads = /\b(?:heads|headed|leads|led|lead|head|heading|leading)\s+(?:the\s+)?$/.test(text.slice(m.end, pm.start));
        if (!heads || LEADS_WHAT.test(text.slice(pm.end, pm.end + 40))) return pm.party;
      }
      if (pm.end <= m.start && m.start - pm.end < 120 && REPRESENTED_BY.test(text.slice(pm.end, m.start))) return pm.party;
    }
  }
  return null;
}

/** 'bracketed': a party in brackets right after the name, as lists of delegates write it: "X (Ruritania) and Y (Osterlich)". */
function bracketedSide(text: string, p: ArticlePerson, parties: readonly PartyMention[]): string | null {
  for (const m of p.mentions) {
    if (!/^\s*\(/.test(text.slice(m.end, m.end + 3))) continue;
    const pm = parties.find((x) => x.start > m.end && x.start - m.end <= 3 && /^\s*\(\s*(?:the\s+)?$/i.test(text.slice(m.end, x.start)) && /^\s*\)/.test(text.slice(x.end, x.end + 2)));
    if (pm) return pm.party;
  }
  return null;
}

/** "PARTY's delegation is headed by ROLE X", "the DEMONYM team, led by X": X takes the side of the team they lead. */
const HEADED_BY = /^(?:['’]s?)?\s+(?:\p{Ll}+\s+)?(?:delegation|team)\s*,?\s+(?:(?:is|was|will\s+be|has\s+been|to\s+be)\s+)?(?:headed|led)\s+by\s+[^,;.!?]*$/u;
function headedBy(text: string, p: ArticlePerson, parties: readonly PartyMention[]): string | null {
  for (const m of p.mentions) {
    const from = Math.max(0, m.start - 200);
    const before = text.slice(from, m.start);
    // the nearest team before the name: "A's delegation is led by X and B's delegation is headed by Y"
    for (const pm of [...parties].reverse()) {
      if (pm.end <= from || pm.end > m.start || pm.kind === 'capital') continue;
      if (HEADED_BY.test(before.slice(pm.end - from))) return pm.party;
    }
  }
  return null;
}

/**
 * The rows that run after the delegations are found: 'team' (a member the delegations stage
 * placed in a side's team keeps that side), 'principal' (once the principal has a side) and,
 * last, 'own-sentences' for people whose role and team name no side.
 */
/**
 * With a side model (learn/side-model.ts, `sideModel()`), the learned chooser then picks each
 * person's side among every row's answer and the parties named near them ('learned-side'); it
 * fills only people the rows leave without a side (mode 'fill') and never a commentator's.
 * Without one (the default, as the delegations stage reads sides), the rule table alone.
 */
export function sidesFromSentences(text: string, sentences: readonly Sentence[], parties: readonly PartyMention[], people: readonly ArticlePerson[], model: SideModel | null = null): SidedPerson[] {
  const ruled = ruleSides(text, sentences, parties, people);
  if (!model || !ruled.length) return ruled;
  const cases = sideCases(text, sentences, parties, people, ruled);
  return ruled.map((p, i) => {
    // a commentator's role ("analyst", "professor") names no side: the rules' answer, if any, stands
    if (cases[i]!.input.commentator) return p;
    const party = chooseSide(model, cases[i]!.candidates, p.party, p.partyBy);
    return party && party !== p.party ? { ...p, party, partyBy: 'learned-side' } : p;
  });
}

/** The learned chooser's view of each person: what the rules said and the candidate sides with their features. */
export interface SideCase {
  readonly input: SideInput;
  readonly candidates: readonly SideCandidate[];
}

/** Candidates and features for every person, given the sides the rule table chose (`ruled`, same order as `people`). */
export function sideCases(text: string, sentences: readonly Sentence[], parties: readonly PartyMention[], people: readonly ArticlePerson[], ruled: readonly SidedPerson[]): SideCase[] {
  const a = sideArticle(text, sentences, parties);
  const others = new Map<number, Array<{ key: string; start: number; end: number; party: string | null }>>();
  ruled.forEach((p) => {
    for (const m of p.mentions) {
      const l = others.get(m.sentence) ?? [];
      l.push({ key: p.key, start: m.start, end: m.end, party: p.party });
      others.set(m.sentence, l);
    }
  });
  let home: string | null | undefined;
  const principals = principalsOf(people);
  const taken = takenOffices(ruled);
  return people.map((p, i) => {
    const r = ruled[i]!;
    const proposals: Proposal[] = [...((p as Partial<SidedPerson>).proposals ?? [])];
    // a side the delegations stage gave (no row of the people stage named it)
    if (p.party && !(p as Partial<SidedPerson>).partyBy) proposals.push({ by: 'team', party: p.party });
    const principal = principals[i];
    const pside = principal ? ruled[people.indexOf(principal)]?.party : null;
    if (pside) proposals.push({ by: 'principal', party: pside });
    if (r.partyBy === 'own-sentences' && r.party) proposals.push({ by: 'own-sentences', party: r.party });
    if (p.roles.some(stateOfficeRole)) {
      home ??= homeState(parties);
      if (home) proposals.push({ by: 'home-state', party: home });
    }
    home ??= homeState(parties);
    const input: SideInput = {
      person: p,
      ruleParty: r.party,
      ruleBy: r.partyBy,
      proposals,
      votes: sentenceVotes(text, sentences, a.bySentence, p, people),
      commentator: commentator(p),
      officeTaken: taken[i],
      nationalOffice: p.roles.some((x) => NATIONAL_OFFICES.has(officeKey(x) ?? '')),
      home,
    };
    return { input, candidates: sideCandidates(a, input, others) };
  });
}

/** Evidence rows that read the person's own words or team: a side they give stands for the person's office too. */
const STRONG_EVIDENCE: ReadonlySet<PartyEvidence> = new Set(['role', 'role-owner', 'possessor', 'speaks-for', 'bracketed', 'leads-team', 'title-coreference']);
/** National offices: a state's, seldom a group's. */
const NATIONAL_OFFICES: ReadonlySet<string> = new Set(['president', 'prime minister', 'premier', 'chancellor', 'king', 'queen', 'emir', 'vice president', 'foreign minister', 'defence minister', 'interior minister', 'minister', 'secretary of state', 'foreign secretary', 'defence secretary', 'home minister', 'deputy prime minister']);
/** Offices one person holds in a state at a time: two people with one of them are of two states. */
const SINGLE_OFFICES: ReadonlySet<string> = new Set([...NATIONAL_OFFICES].filter((o) => o !== 'minister'));
/**
 * A role as an office key: lower case, without courtesy titles, determiners, possessives and
 * party words ("Ruritania's Foreign Minister" → "foreign minister"; "former President" keeps
 * "former", so it is another office). Null for a role of more than four such words.
 */
function officeKey(role: string): string | null {
  const words = role
    .split(/\s+/)
    .filter((w) => w && !COURTESY_TITLES.has(w) && !(DETERMINERS.has(w.toLowerCase()) && !/^(?:former|then)$/i.test(w)) && !/['’]s?$/.test(w) && partyForm(w) == null)
    .map((w) => w.toLowerCase().replace(/^defense$/, 'defence'));
  return words.length && words.length <= 4 ? words.join(' ') : null;
}

/**
 * For each person, the sides whose holder of one of the person's single-holder offices is
 * another person, by strong evidence: with "Ruritanian President A" in the text, a bare
 * "President B" is no Ruritanian.
 */
function takenOffices(sided: readonly SidedPerson[]): Array<ReadonlySet<string>> {
  const offices = sided.map((p) => [...new Set(p.roles.map(officeKey).filter((k): k is string => k != null && SINGLE_OFFICES.has(k)))]);
  const holders = new Map<string, Array<{ i: number; party: string }>>();
  sided.forEach((r, i) => {
    if (!r.party || !r.partyBy || !STRONG_EVIDENCE.has(r.partyBy)) return;
    for (const k of offices[i]!) (holders.get(k) ?? holders.set(k, []).get(k)!).push({ i, party: r.party });
  });
  return offices.map((keys, i) => {
    const out = new Set<string>();
    for (const k of keys) for (const h of holders.get(k) ?? []) if (h.i !== i) out.add(h.party);
    return out;
  });
}

/** A commentator: a role whose head noun (the last word before a preposition: "military analyst with the X outlet") is a commentator's. */
const commentator = (p: ArticlePerson): boolean =>
  p.roles.some((r) => {
    const words = r.split(/\s+/);
    const cut = words.findIndex((w, k) => k > 0 && ROLE_STOP.has(w.toLowerCase()));
    return NON_STATE_ROLES.has(clean(words[(cut < 0 ? words.length : cut) - 1] ?? '')) || NON_STATE_ROLES.has(clean(words[words.length - 1] ?? ''));
  });

/** The rule table's sides: 'team', 'principal', 'own-sentences' and 'home-state' for people the people stage left without one. */
export function ruleSides(text: string, sentences: readonly Sentence[], parties: readonly PartyMention[], people: readonly ArticlePerson[]): SidedPerson[] {
  const sided = people.map((p): SidedPerson => {
    const by = (p as Partial<SidedPerson>).partyBy ?? null;
    return { ...p, partyBy: p.party ? (by ?? 'team') : null };
  });
  if (sided.every((p) => p.party)) return sided;
  const bySentence = new Map<number, PartyMention[]>();
  for (const pm of parties) {
    const l = bySentence.get(pm.sentence);
    if (l) l.push(pm);
    else bySentence.set(pm.sentence, [pm]);
  }
  // a side whose holder of the person's office is someone else, and for a national office a group, is not the person's
  const taken = takenOffices(sided);
  const orgs = new Set(parties.filter((pm) => pm.kind === 'organisation').map((pm) => pm.party));
  const excluded = sided.map((p, i) => (p.roles.some((r) => NATIONAL_OFFICES.has(officeKey(r) ?? '')) ? new Set([...taken[i]!, ...orgs]) : taken[i]!));
  const vote = (p: SidedPerson, i: number): SidedPerson => {
    const party = sideFromSentences(text, sentences, bySentence, p, people, excluded[i]!);
    return party ? { ...p, party, partyBy: 'own-sentences' } : p;
  };
  // people with a principal ("Mr. X's envoy") take X's side once X has one; the others vote first
  const principals = principalsOf(people);
  const first = sided.map((p, i) => (p.party || commentator(p) || principals[i] ? p : vote(p, i)));
  let home: string | null | undefined;
  return first.map((p, i) => {
    if (p.party || commentator(p)) return p;
    const principal = principals[i];
    const side = principal ? first[people.indexOf(principal)]?.party : null;
    if (side) return { ...p, party: side, partyBy: 'principal' };
    const voted = vote(p, i);
    if (voted.party || !p.roles.some(stateOfficeRole)) return voted;
    home ??= homeState(parties);
    return home && !excluded[i]!.has(home) ? { ...p, party: home, partyBy: 'home-state' } : p;
  });
}

/** Titles of the head of a state or of its government: "President X", "the prime minister". */
const NATIONAL_TITLES: ReadonlySet<string> = new Set(['president', 'prime minister', 'premier', 'chancellor', 'king', 'queen', 'emir', 'vice president']);
/** A state office: a national title ("President") or an official's word ("minister", "governor", "spokesman"). */
const stateOfficeRole = (r: string): boolean => NATIONAL_TITLES.has(titleKey(r)) || r.split(/\s+/).some((w) => OFFICIALS.has(w.toLowerCase()));
/**
 * The state an article is about: the state named most often, when it leads the next by three to
 * two and is named at least three times. A person in a state office ("President X", "the deputy
 * minister") with no other evidence is that state's ('home-state').
 */
function homeState(parties: readonly PartyMention[]): string | null {
  const counts = new Map<string, number>();
  for (const pm of parties) if (pm.kind !== 'organisation') counts.set(pm.party, (counts.get(pm.party) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!ranked.length || ranked[0][1] < 3 || (ranked.length > 1 && ranked[1][1] * 1.5 > ranked[0][1])) return null;
  return ranked[0][0];
}

const BACKER_AFTER = /^-(?:backed|supported|sponsored|funded|armed|allied|aligned|brokered|mediated)\b/i;
const PLACE_NOUN_AFTER = /^\s+(?:capital|city|border|coast|coastline|territory|soil|waters|airspace|side of the border|town|village|port|island|mainland)\b/i;
/** "both President X and Ruritania's leadership", "X or Ruritania": a party coordinated with the person is another side. */
const COORDINATED = /^\s*(?:,\s*)?(?:and|or|nor|as well as)\s+(?:the\s+)?$|^\s*(?:['’]s?\s+[\p{Ll}-]+\s+|\s+(?:government|regime|administration|camp)\s+)?(?:and|or|nor)\s+(?:the\s+)?(?:\p{Lu}\S*\s+){0,3}$/u;

/**
 * The side a person's own sentences put them on, when no role says it: party words that own or
 * qualify something ("Ruritania's", "Ruritanian officials") or open a clause weigh most; a party
 * after a preposition of target ("to", "against", "with") does not count; one named inside another
 * person's role is that person's. The party must lead clearly, else null.
 */
function sideFromSentences(text: string, sentences: readonly Sentence[], bySentence: ReadonlyMap<number, readonly PartyMention[]>, p: ArticlePerson, people: readonly ArticlePerson[], excluded: ReadonlySet<string>): string | null {
  const ranked = [...sentenceVotes(text, sentences, bySentence, p, people)].filter(([party]) => !excluded.has(party)).sort((a, b) => b[1] - a[1]);
  if (!ranked.length) return null;
  if (ranked.length > 1 && ranked[1][1] * 1.5 > ranked[0][1]) return null;
  return ranked[0][0];
}

/** The weight each party gets from the person's own sentences (see sideFromSentences), a party coordinated with the person left out. */
function sentenceVotes(text: string, sentences: readonly Sentence[], bySentence: ReadonlyMap<number, readonly PartyMention[]>, p: ArticlePerson, people: readonly ArticlePerson[]): Map<string, number> {
  const votes = new Map<string, number>();
  const otherSides = new Set<string>();
  const mine = new Set(p.mentions.map((m) => m.sentence));
  const others = people.filter((q) => q !== p).flatMap((q) => q.mentions.filter((m) => mine.has(m.sentence)));
  const seen = new Set<number>();
  for (const m of p.mentions) {
    if (seen.has(m.sentence)) continue;
    seen.add(m.sentence);
    const s = sentences[m.sentence];
    if (!s) continue;
    for (const pm of bySentence.get(m.sentence) ?? []) {
      const lead = text.slice(Math.max(s.start, pm.start - 12), pm.start).toLowerCase();
      const prev = /([\p{L}]+)\s+(?:the\s+)?$/u.exec(lead)?.[1] ?? '';
      if (TARGET_PREPS.has(prev) || prev === 'against' || prev === 'between') continue;
      // "in Muscat, Oman", "held in Oman": where something happens says nothing of a person's side
      // "in the Cuban capital", "the Ruritanian border": a demonym before a word of place names a place, not a side
      if (pm.kind === 'demonym' && PLACE_NOUN_AFTER.test(text.slice(pm.end, pm.end + 24))) continue;
      // "the Saudi-backed government of President X": a backer is not the side it backs
      if (BACKER_AFTER.test(text.slice(pm.end, pm.end + 12))) continue;
      if (pm.kind !== 'demonym' && (LOCATIVE_PREPS.has(prev) || /\b(?:in|at|near)\s+\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)?,\s*$/u.test(text.slice(Math.max(s.start, pm.start - 40), pm.start)))) continue;
      if (COORDINATED.test(pm.start >= m.end ? text.slice(m.end, pm.start) : text.slice(pm.end, m.start))) {
        otherSides.add(pm.party);
        continue;
      }
      // inside another person's phrase: "Ruritanian envoy X" names X's side, not this person's
      const near = others.find((o) => o.sentence === m.sentence && o.start >= pm.end && o.start - pm.end < 40 && !/[,;.]/.test(text.slice(pm.end, o.start)));
      if (near && !(m.start >= pm.end && m.start <= near.start)) continue;
      const possessive = /^['’]s?\b/.test(text.slice(pm.end, pm.end + 2));
      let w = pm.kind === 'demonym' || possessive ? 1 : /^(in|at|from|of|by)$/.test(prev) ? 0.4 : 0.7;
      if (LOCATIVE_PREPS.has(prev) && pm.kind === 'demonym') w = 0.4;
      // closer to the person's mention weighs more
      const dist = Math.abs(pm.start - m.start);
      if (dist < 60) w *= 1.5;
      votes.set(pm.party, (votes.get(pm.party) ?? 0) + w);
    }
  }
  for (const party of otherSides) votes.delete(party);
  return votes;
}

/** A title as a key: lower case, without courtesy titles and qualifiers ("Former President" → "president"). */
function titleKey(role: string): string {
  return role
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w && !TITLE_MODIFIERS.has(w[0].toUpperCase() + w.slice(1)) && !COURTESY_TITLES.has(w[0].toUpperCase() + w.slice(1)))
    .join(' ');
}

/**
 * Titles the text ties to a party without a name: "PARTY's president", "the DEMONYM prime minister",
 * "the president of PARTY". Maps the title ("president") to the parties it was given.
 */
const NAMED_AFTER = /^,?\s+\p{Lu}/u;
function unnamedTitles(text: string, parties: readonly PartyMention[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (title: string, party: string): void => {
    const set = out.get(title) ?? new Set<string>();
    set.add(party);
    out.set(title, set);
  };
  for (const p of parties) {
    const after = text.slice(p.end, p.end + 60);
    const m = /^(?:['’]s?)?\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)/u.exec(after);
    if (m && (p.kind !== 'demonym' || /['’]s?\s/.test(text.slice(p.end, p.end + 3)) === false)) {
      const words = m[1].split(/\s+/);
      for (let n = words.length; n >= 1; n--) {
        const head = words[n - 1];
        if (ROLE_NOUNS.has(head) && !NON_STATE_ROLES.has(head) && !/s$/.test(head)) {
          // "Chilean negotiator Pablo Varga", "Chile's envoy, Pablo Varga": the title is that person's, not one left unnamed
          const titleEnd = m[0].length - m[1].length + words.slice(0, n).join(' ').length;
          if (!NAMED_AFTER.test(after.slice(titleEnd))) add(titleKey(words.slice(0, n).join(' ')), p.party);
          break;
        }
      }
    }
    const of = /(?:^|\s)(?:the\s+)((?:[\p{Ll}-]+\s+){0,1}[\p{Ll}-]+)\s+of\s+$/u.exec(text.slice(Math.max(0, p.start - 40), p.start));
    if (of && ROLE_NOUNS.has(of[1].split(/\s+/).pop() ?? '') && p.kind === 'name') add(titleKey(of[1]), p.party);
  }
  return out;
}

const partyInText = (s: string): boolean => s.split(/\s+/).some((w) => partyForm(w) != null);

/** Token index helpers, exported for the delegation stage. */
export const tokenIndexAt = tokenAt;
