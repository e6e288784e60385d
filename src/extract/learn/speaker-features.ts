import { descriptionsIn, inSpans, isObject, mentionsIn, quotations, resolvePronoun, speakerAt, speakerOf, speechVerbs, subjectDescription, subjectsAt, type Speaker } from '../clauses';
import { ROLE_NOUNS } from '../lexicon/roles';
import type { AnalysedArticle, ArticlePerson, Sentence } from '../types';
import { allMatches } from '../../text/matches';

/**
 * Candidate speakers of a statement and their general features, for the learned speaker
 * chooser (learn/speaker-model.ts): who says what an outlook item says. Candidates are the
 * people, sides and unnamed sources named in the statement's sentence and the three before it
 * (and the next one, where a quote's attribution follows), the speakers the attribution rules
 * of clauses.ts find there, pronouns resolved, and the person a role word stands for ("the
 * envoy said" → the person the article calls an envoy). Features say where a candidate stands
 * (inside the statement, before or after it, in a quote, as an object), which rule names it,
 * and what kind it is; never a name, a place or a number.
 */
export interface SpeakerCandidate {
  /** null: the article's own voice (no speaker). */
  readonly name: string | null;
  readonly party: string | null;
  readonly person: ArticlePerson | null;
  readonly features: readonly string[];
}

/** The span of the statement inside its sentence (article offsets). */
export interface StatementSpan {
  readonly start: number;
  readonly end: number;
}

const textAt = (a: AnalysedArticle, start: number, end: number): string => a.article.text.slice(start, end);

/** A role word used as a reference to someone named elsewhere: "the envoy", "the Cambodian minister". */
const ROLE_REF = /\b(?:the|The)\s+((?:[\p{L}.-]+\s+){0,3}?)([\p{Ll}-]+)\b(?!\s+\p{Lu})/gu;

const keyOf = (sp: Speaker): string => (sp.person ? `p:${sp.person.key}` : sp.party && sp.name === sp.party ? `s:${sp.party}` : `d:${sp.name.toLowerCase()}`);

/** The people a role word may stand for: those whose role, or the words just before one of their mentions, hold it; the one named last before `at` first. */
function peopleWithRole(a: AnalysedArticle, noun: string, at: number): ArticlePerson[] {
  const re = new RegExp(`\\b${noun}s?\\b`, 'i');
  const found: Array<{ p: ArticlePerson; last: number }> = [];
  for (const p of a.people) {
    const before = p.mentions.filter((m) => m.start < at);
    if (!before.length) continue;
    const hasRole = p.roles.some((r) => re.test(r)) || p.mentions.some((m) => re.test(textAt(a, Math.max(0, m.start - 60), m.start)) || re.test(textAt(a, m.end, m.end + 40)));
    if (hasRole) found.push({ p, last: before[before.length - 1]!.start });
  }
  return found.sort((x, y) => y.last - x.last).map((x) => x.p);
}

class Pool {
  readonly byKey = new Map<string, { sp: Speaker; f: Set<string> }>();
  add(sp: Speaker | null | undefined, ...features: string[]): void {
    if (!sp || !sp.name.trim()) return;
    const k = keyOf(sp);
    let c = this.byKey.get(k);
    if (!c) {
      const kind = sp.person ? 'kind:person' : sp.party && sp.name === sp.party ? 'kind:side' : 'kind:source';
      // "the envoy", "spokesman": a bare role word refers to someone, it names no one.
      const bare = kind === 'kind:source' && ROLE_NOUNS.has(sp.name.toLowerCase().replace(/^(?:the|a|an)\s+/, ''));
      this.byKey.set(k, (c = { sp, f: new Set(bare ? [kind, 'name:bare-role'] : [kind]) }));
    }
    for (const x of features) c.f.add(x);
  }
}

/** Mentions, sources and role references of one sentence, tagged with `where` (sent, prev1..3, next). */
function addSentence(a: AnalysedArticle, s: Sentence, where: string, pool: Pool, span: StatementSpan | null): void {
  const q = quotations(s);
  const verbs = speechVerbs(a, s);
  const ms = mentionsIn(a, s);
  const firstSubject = ms.find((m) => !isObject(a, s, m.start) && !inSpans(q, m.start));
  const place = (at: number): string[] => {
    const f = [`at:${where}`];
    if (inSpans(q, at)) f.push(`${where}:quoted`);
    if (isObject(a, s, at)) f.push(`${where}:object`);
    if (span) {
      if (at < span.start) f.push('before');
      else if (at >= span.end) f.push('after');
      else f.push('inside');
    }
    // "X said", "said X", "according to X": a speech verb next to the mention.
    if (verbs.some((v) => v.start >= at && v.start - at <= 40 && !/[,.;]/.test(textAt(a, at, v.start).slice(-3)))) f.push(`${where}:then-speech`);
    if (verbs.some((v) => v.end <= at && at - v.end <= 30)) f.push(`${where}:after-speech`);
    return f;
  };
  ms.forEach((m) => {
    const sp: Speaker = { name: m.person ? m.person.name : (m.party ?? m.text), party: m.party, person: m.person };
    const f = place(m.start);
    if (m === firstSubject) f.push(`${where}:first-subject`);
    pool.add(sp, ...f);
  });
  for (const d of descriptionsIn(a, s, s.start, s.end, true)) {
    const at = (d as Speaker & { at?: number }).at ?? s.start;
    if (ms.some((m) => m.start <= at && at < m.end)) continue;
    pool.add(d, ...place(at));
  }
  for (const m of allMatches(ROLE_REF, s.text)) {
    const noun = m[2]!.toLowerCase();
    if (!ROLE_NOUNS.has(noun)) continue;
    const at = s.start + (m.index ?? 0);
    if (inSpans(q, at)) continue;
    const people = peopleWithRole(a, noun, at);
    people.slice(0, 2).forEach((p, k) => pool.add({ name: p.name, party: p.party, person: p }, ...place(at), `${where}:role-ref${k === 0 ? ':last' : ':other'}${people.length === 1 ? ':unique' : ''}`));
  }
}

/**
 * The candidate speakers of the statement `span` of sentence `s`, with `ruleWho` the name the
 * attribution rules gave it (null: none) and `postposed` the speaker named after a closing
 * speech verb (", said X"), which the outlook stage finds.
 */
export function speakerCandidates(a: AnalysedArticle, s: Sentence, span: StatementSpan, ruleWho: string | null, postposed: Speaker | null): SpeakerCandidate[] {
  const pool = new Pool();
  addSentence(a, s, 'sent', pool, span);
  for (let k = 1; k <= 3; k++) {
    const prev = a.sentences[s.index - k];
    if (!prev || prev.heading) break;
    addSentence(a, prev, `prev${k}`, pool, null);
    pool.add(speakerOf(a, prev), `speaker:prev${k}`);
  }
  const next = a.sentences[s.index + 1];
  if (next && !next.heading && next.paragraph === s.paragraph) pool.add(speakerOf(a, next), 'speaker:next');
  pool.add(speakerOf(a, s), 'speaker:sent');
  pool.add(speakerAt(a, s, span.start), 'speaker:at');
  pool.add(postposed, 'speaker:postposed');
  pool.add(subjectDescription(a, s), 'speaker:source-subject');
  const subj = subjectsAt(a, s, span.start)[0];
  if (subj) pool.add({ name: subj.person?.name ?? subj.party ?? subj.text, party: subj.party, person: subj.person }, 'subject');
  // "he said", "she added": the pronoun's antecedent.
  for (const v of speechVerbs(a, s)) {
    const pro = textAt(a, Math.max(s.start, v.start - 6), v.start).match(/\b(he|she|they)\s+$/i);
    if (pro) pool.add(resolvePronoun(a, s, v.start - pro[0].length, pro[1]!), 'pronoun');
  }
  // A bare role word ("the envoy said") stands for the person the article names in that role: that person inherits its evidence.
  for (const [k, c] of [...pool.byKey]) {
    if (!c.f.has('name:bare-role')) continue;
    const person = peopleWithRole(a, c.sp.name.toLowerCase().replace(/^(?:the|a|an)\s+/, ''), s.end)[0];
    if (!person) continue;
    pool.byKey.delete(k);
    const inherited = [...c.f].filter((x) => x !== 'name:bare-role' && !x.startsWith('kind:'));
    if (ruleWho != null && c.sp.name === ruleWho) inherited.push('rule');
    pool.add({ name: person.name, party: person.party, person }, ...inherited, 'role-resolved');
  }
  const q = quotations(s);
  const opensQuoted = q.length > 0 && q[0]![0] - s.start <= 2;
  const noVerb = speechVerbs(a, s).length === 0;
  const ctx = [opensQuoted ? 'ctx:opens-quoted' : '', noVerb ? 'ctx:no-speech' : 'ctx:speech', q.length ? 'ctx:quote' : ''].filter(Boolean);
  const out: SpeakerCandidate[] = [];
  for (const { sp, f } of pool.byKey.values()) {
    if (ruleWho != null && sp.name === ruleWho) f.add('rule');
    const base = [...f];
    // Where a candidate stands, read against the sentence's shape ("prev1" matters when the sentence is a bare quote).
    for (const x of base) if (x.startsWith('at:') || x.startsWith('speaker:')) for (const c of ctx) f.add(`${x}&${c}`);
    out.push({ name: sp.name, party: sp.party, person: sp.person, features: [...f].sort() });
  }
  // The article's own voice: no one says it.
  const none = ['none', ...ctx.map((c) => `none&${c}`), ruleWho == null ? 'none&rule' : 'none&rule-named', out.length ? 'none&named' : 'none&unnamed'];
  out.push({ name: null, party: null, person: null, features: none.sort() });
  return out;
}
