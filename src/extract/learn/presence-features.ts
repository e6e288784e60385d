import { POSITION_KINDS, type Findings } from '../../model';
import type { AnalysedArticle } from '../types';
import { statementFeatures } from './statement-features';
import { OUTLOOK_MODEL, POSITIONS_MODEL, STATEMENT_MODELS, statementProbability, type StatementModels } from './statement-model';

/**
 * General features of one article for the learned presence gate (presence-model.ts): does the
 * article report a section's kind of fact at all? Read from what extraction already holds: the
 * section's candidate items (how many, how sure, how many learned, where), the other sections'
 * item counts, the statement detectors' best sentence scores, and the shares of sentences that
 * carry talks, attack, speech, stance, modal, quote and calendar words. Never a name, place or
 * number of the text. Every value is a count squashed by log1p or a share in [0, 1].
 */

export const PRESENCE_SECTIONS = ['positions', 'outlook', 'delegations', 'attacks', 'people'] as const;
export type PresenceSection = (typeof PRESENCE_SECTIONS)[number];

/** Words of talks and meetings (general English news vocabulary), as statement-feature words. */
const TALKS_WORDS = ['talks', 'negotiations', 'negotiators', 'negotiating', 'negotiate', 'delegation', 'delegations', 'meeting', 'met', 'meet', 'summit', 'envoy', 'envoys', 'mediators', 'mediation', 'round'];
/** Words of strikes and their toll. */
const ATTACK_WORDS = ['strike', 'strikes', 'attack', 'attacks', 'killed', 'wounded', 'injured', 'drone', 'drones', 'missile', 'missiles', 'shelling', 'bombing', 'airstrike', 'airstrikes', 'dead'];
/** Words of a settlement on the table. */
const DEAL_WORDS = ['ceasefire', 'truce', 'deal', 'agreement', 'peace', 'plan', 'proposal', 'settlement', 'accord'];

/** Statement-feature name → the sentence classes (share:<class>) it marks. */
const CLASS_OF = new Map<string, string>([
  ...TALKS_WORDS.map((w): [string, string] => [`w:${w}`, 'talks']),
  ...ATTACK_WORDS.map((w): [string, string] => [`w:${w}`, 'attack']),
  ...DEAL_WORDS.map((w): [string, string] => [`w:${w}`, 'deal']),
  ['tag:speech', 'speech'],
  ['tag:modal', 'modal'],
  ['shape:quote', 'quote'],
  ['tag:calendar', 'calendar'],
  ['tag:proposal', 'proposal'],
]);
const CLASSES = ['talks', 'attack', 'deal', 'speech', 'stance', 'modal', 'quote', 'calendar', 'proposal', 'sideSubject', 'personSubject'] as const;

const squash = (n: number): number => Math.log1p(n) / 3;

/** Features every section's gate shares: the article's shape and what the other stages found. */
function articleFeatures(a: AnalysedArticle, f: Findings, sentenceFeatures: ReadonlyArray<readonly string[]>): Map<string, number> {
  const out = new Map<string, number>();
  const body = a.sentences.filter((s) => !s.heading);
  const n = Math.max(1, body.length);
  const counts = new Map<string, number>();
  for (const s of body) {
    const seen = new Set<string>();
    for (const x of sentenceFeatures[s.index] ?? []) {
      const c = CLASS_OF.get(x) ?? (x.startsWith('tag:stance:') ? 'stance' : undefined);
      if (x === 'party:subject' || x === 'person:subject') seen.add(x === 'party:subject' ? 'sideSubject' : 'personSubject');
      if (c) seen.add(c);
    }
    for (const c of seen) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  out.set('sentences', squash(body.length));
  out.set('sides', squash(new Set(a.parties.map((m) => m.party)).size));
  const mentions = new Map<string, number>();
  for (const m of a.parties) mentions.set(m.party, (mentions.get(m.party) ?? 0) + 1);
  out.set('sides2', squash([...mentions.values()].filter((k) => k >= 2).length));
  out.set('people', squash(a.people.length));
  for (const c of CLASSES) out.set(`share:${c}`, (counts.get(c) ?? 0) / n);
  for (const s of PRESENCE_SECTIONS) out.set(`items:${s}`, squash(f[s].length));
  return out;
}

/** The statement detector's probabilities of the body sentences, best first. */
function rankedProbabilities(a: AnalysedArticle, sentenceFeatures: ReadonlyArray<readonly string[]>, section: 'positions' | 'outlook', models: StatementModels): number[] {
  const model = models[section];
  return a.sentences.filter((s) => !s.heading).map((s) => statementProbability(model, sentenceFeatures[s.index] ?? [])).sort((x, y) => y - x);
}

interface ItemLike {
  readonly confidence: number;
  readonly rules?: readonly string[];
  readonly sources: ReadonlyArray<{ readonly start: number; readonly sentence: string }>;
}

/** The learned detectors that add items of their own (not those that only relabel a rule's item, as learned-kind). */
const DETECTORS = new Set([POSITIONS_MODEL.name, OUTLOOK_MODEL.name, 'learned-member']);
/** True for an item a learned detector proposed (rather than a rule). */
export const fromLearnedDetector = (x: { readonly rules?: readonly string[] }): boolean => (x.rules ?? []).some((r) => DETECTORS.has(r));
const isLearned = fromLearnedDetector;
const QUOTE = /[“”"]/;

/** Features of the section's own candidate items. */
function itemFeatures(a: AnalysedArticle, items: readonly ItemLike[], out: Map<string, number>): void {
  const n = items.length;
  out.set('own:n', squash(n));
  if (!n) return;
  const conf = items.map((x) => x.confidence);
  out.set('own:maxConf', Math.max(...conf));
  out.set('own:meanConf', conf.reduce((s, x) => s + x, 0) / n);
  out.set('own:learned', items.filter(isLearned).length / n);
  out.set('own:rulesMax', Math.max(0, ...items.filter((x) => !isLearned(x)).map((x) => x.confidence)));
  out.set('own:learnedMax', Math.max(0, ...items.filter(isLearned).map((x) => x.confidence)));
  out.set('own:quoted', items.filter((x) => x.sources.some((r) => QUOTE.test(r.sentence))).length / n);
  const starts = new Set(items.flatMap((x) => x.sources.map((r) => r.start)));
  const body = Math.max(1, a.sentences.filter((s) => !s.heading).length);
  out.set('own:density', Math.min(1, starts.size / body));
  const end = Math.max(1, a.article.text.length);
  out.set('own:first', Math.min(...[...starts, end]) / end);
}

/**
 * The features of one article for every section's gate, from the analysis and the sections as
 * extracted (before the gate) by the statement detectors `models`, which score the sentences here
 * too. The sentences' statement features are those the analysis holds.
 */
export function presenceFeatures(
  a: AnalysedArticle,
  f: Findings,
  sections: readonly PresenceSection[] = PRESENCE_SECTIONS,
  models: StatementModels = STATEMENT_MODELS,
): Partial<Record<PresenceSection, Map<string, number>>> {
  const sentenceFeatures = a.statementFeatures ?? statementFeatures(a);
  const shared = articleFeatures(a, f, sentenceFeatures);
  return Object.fromEntries(sections.map((s) => [s, sectionFeatures(a, f, s, sentenceFeatures, new Map(shared), models)]));
}

function sectionFeatures(a: AnalysedArticle, f: Findings, section: PresenceSection, sentenceFeatures: ReadonlyArray<readonly string[]>, out: Map<string, number>, models: StatementModels): Map<string, number> {
  switch (section) {
    case 'positions':
    case 'outlook': {
      const items = f[section];
      itemFeatures(a, items, out);
      const ranked = rankedProbabilities(a, sentenceFeatures, section, models);
      out.set('own:pmax', ranked[0] ?? 0);
      out.set('own:ptop3', ranked.slice(0, 3).reduce((s, x) => s + x, 0) / 3);
      out.set('own:p50', squash(ranked.filter((p) => p >= 0.5).length));
      const who = section === 'positions' ? f.positions.map((x) => x.speaker) : f.outlook.map((x) => x.who);
      if (items.length) out.set('own:speakers', who.filter((x) => x != null).length / items.length);
      if (section === 'positions' && items.length) {
        out.set('own:parties', squash(new Set(f.positions.map((x) => x.party).filter((x) => x != null)).size));
        out.set('own:sided', f.positions.filter((x) => x.party != null).length / items.length);
        for (const k of POSITION_KINDS) out.set(`own:kind:${k}`, f.positions.filter((x) => x.kind === k).length / items.length);
      }
      return out;
    }
    case 'delegations': {
      itemFeatures(a, f.delegations, out);
      const members = f.delegations.flatMap((d) => d.members);
      out.set('own:members', squash(members.length));
      if (members.length) out.set('own:leads', members.filter((m) => m.leads).length / members.length);
      out.set('own:parties', squash(new Set(f.delegations.map((d) => d.party)).size));
      return out;
    }
    case 'attacks': {
      itemFeatures(a, f.attacks, out);
      if (f.attacks.length) {
        out.set('own:toll', f.attacks.filter((x) => x.killed != null || x.injured != null).length / f.attacks.length);
        out.set('own:weapons', f.attacks.filter((x) => x.weapons.length > 0).length / f.attacks.length);
        out.set('own:attacker', f.attacks.filter((x) => x.attacker != null).length / f.attacks.length);
      }
      return out;
    }
    case 'people': {
      itemFeatures(a, f.people, out);
      if (f.people.length) {
        out.set('own:roles', f.people.filter((p) => p.roles.length > 0).length / f.people.length);
        out.set('own:sided', f.people.filter((p) => p.party != null).length / f.people.length);
      }
      return out;
    }
    default: {
      const never: never = section;
      throw new Error(`unknown section ${String(never)}`);
    }
  }
}
