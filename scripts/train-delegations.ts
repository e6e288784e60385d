/**
 * Trains the learned delegation detector (rule 'learned-member' in src/extract/delegations.ts)
 * and writes src/extract/models/delegations.json.
 *
 *   npx tsx scripts/train-delegations.ts [--diagnose] [--dump] [--folds N] [--features A,B] [--l2 X,Y] [--mode union|silent] [--score MODEL.json]
 *
 * Training articles: the tuning half of the real corpus (corpus/texts, ids whose halfOf() is
 * 'tune'), the training-only set (tests/fixtures/train, texts in corpus/train), the two
 * development seeds (../shared/seeds with ../shared/eval/gold) and tests/fixtures/heldout.
 * Never the check half or the blind sets.
 * Labels: a person of an article is positive when a gold delegation member is the same person
 * (names.ts samePerson); every other person of the article is negative.
 * Regularisation, the feature set (word classes only, or with common words seen in ≥ 3
 * training articles), the threshold and the leader rule are chosen by ten-fold
 * cross-validation by article, maximising the mean per-article delegation F1 the scorer computes
 * (rule members plus learned members, (party, name) pairs; an article with gold and system
 * both empty left out).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { trainingArticles, type TrainingSet } from './training-articles';
import type { Article } from '../src/model';
import { importFiles } from '../src/import';
import { overlapTest } from '../src/extract/analyse';
import { findDelegations, ruleFinds, ruleMemberships } from '../src/extract/delegations';
import { delegationCases, learnedParty, type PersonCase } from '../src/extract/learn/delegation-features';
import type { DelegationModelFile, LeaderRule } from '../src/extract/learn/delegation-model';
import { foldsByGroup, predict, train, type Example, type LogisticModel } from '../src/extract/learn/logistic';
import { foldText, samePerson } from '../src/extract/names';
import { numberSpans } from '../src/extract/numbers';
import { findPartyMentions } from '../src/extract/parties';
import { findPeople, sidesFromSentences } from '../src/extract/people';
import { splitSentences } from '../src/extract/sentences';
import type { AnalysedArticle } from '../src/extract/types';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'src', 'extract', 'models', 'delegations.json');
const diagnose = process.argv.includes('--diagnose');
const ALL_SETS: readonly TrainingSet[] = ['seeds', 'heldout', 'train', 'tune'];
/** The training sets read (--sets seeds,heldout,tune to leave some out). */
const SETS: readonly TrainingSet[] = process.argv.includes('--sets') ? (process.argv[process.argv.indexOf('--sets') + 1] ?? '').split(',').filter((x): x is TrainingSet => (ALL_SETS as readonly string[]).includes(x)) : ALL_SETS;


interface GoldMember { party: string; name: string; leads: boolean }
interface Source { id: string; set: TrainingSet; text: string; published: string | null; members: GoldMember[] }

const goldMembers = (g: { delegations?: Array<{ party: string; members: Array<{ name: string; leads: boolean }> }> }): GoldMember[] =>
  (g.delegations ?? []).flatMap((d) => d.members.map((m) => ({ party: d.party, name: m.name, leads: !!m.leads })));

function sources(): Source[] {
  return trainingArticles<{ published?: string | null; delegations?: Array<{ party: string; members: Array<{ name: string; leads: boolean }> }> }>(SETS).map((a) => ({
    id: a.id,
    set: a.set,
    text: a.text,
    published: a.gold.published ?? null,
    members: goldMembers(a.gold),
  }));
}

/** The shared analysis the delegation stage reads (as analyse.ts builds it). */
function analyse(article: Article): AnalysedArticle {
  const sentences = splitSentences(article.text);
  const all = findPartyMentions(article.text, sentences);
  const people = findPeople(article.text, sentences, all);
  const inName = overlapTest(people.flatMap((p) => p.mentions));
  return { article, sentences, parties: all.filter((m) => !inName(m)), people, numbers: numberSpans(sentences) };
}

interface Row {
  id: string;
  c: PersonCase;
  label: 0 | 1;
  leads: boolean;
  /** The party a learned member would get. */
  party: string | null;
  inRules: boolean;
}
interface Doc { id: string; set: TrainingSet; gold: GoldMember[]; ruleMembers: GoldMember[]; rows: Row[] }

const partyKey = (p: string): string => foldText(p).replace(/^the /, '');

/** The scorer's delegation F1 of one article, or null when gold and system are both empty. */
function articleF1(gold: readonly GoldMember[], sys: readonly GoldMember[], strict = false): number | null {
  if (!gold.length && !sys.length) return null;
  const used = new Set<number>();
  let tp = 0;
  for (const g of gold) {
    const j = sys.findIndex((s, k) => !used.has(k) && partyKey(s.party) === partyKey(g.party) && samePerson(s.name, g.name) && (!strict || s.leads === g.leads));
    if (j >= 0) {
      used.add(j);
      tp++;
    }
  }
  const p = sys.length ? tp / sys.length : 0;
  const r = gold.length ? tp / gold.length : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

const mean = (xs: Array<number | null>): number => {
  const ys = xs.filter((x): x is number => x != null);
  return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : 0;
};

async function load(): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (const src of sources()) {
    const [r] = await importFiles([src.text]);
    if (!r?.result.ok) continue;
    const article: Article = { ...r.result.value, published: r.result.value.published ?? src.published };
    const a = analyse(article);
    const found = ruleFinds(a);
    const rules = ruleMemberships(found);
    const ruleDels = findDelegations(a, null);
    const voted = new Map(sidesFromSentences(a.article.text, a.sentences, a.parties, a.people).map((p) => [p.key, p.party]));
    const ruleMembers = ruleDels.flatMap((d) => d.members.map((m) => ({ party: d.party, name: m.name, leads: m.leads })));
    const rows: Row[] = delegationCases(a, rules).map((c) => {
      const g = src.members.find((m) => samePerson(m.name, c.person.name) || c.person.variants.some((v) => samePerson(m.name, v)));
      return { id: src.id, c, label: g ? 1 : 0, leads: !!g?.leads, party: learnedParty(a, c, rules, voted), inRules: rules.has(c.person) };
    });
    docs.push({ id: src.id, set: src.set, gold: src.members, ruleMembers, rows });
    if (diagnose && (src.members.length || ruleMembers.length)) {
      console.log(`\n## ${src.id}`);
      for (const g of src.members) {
        const person = a.people.find((p) => samePerson(g.name, p.name) || p.variants.some((v) => samePerson(g.name, v)));
        const ruled = ruleMembers.find((m) => samePerson(m.name, g.name));
        const stage = !person ? 'person not found' : !ruled ? `no cue (person party ${person.party ?? voted.get(person.key) ?? '-'}; roles ${person.roles.join(' | ') || '-'})` : partyKey(ruled.party) !== partyKey(g.party) ? `party wrong (${ruled.party})` : ruled.leads !== g.leads ? 'found, leads wrong' : 'found';
        console.log(`  ${g.party}: ${g.name}${g.leads ? '*' : ''} — ${stage}`);
      }
      for (const m of ruleMembers) if (!src.members.some((g) => samePerson(g.name, m.name) && partyKey(g.party) === partyKey(m.party))) console.log(`  extra: ${m.party}: ${m.name}${m.leads ? '*' : ''}`);
    }
  }
  return docs;
}

/** Feature sets offered to the model: word classes and shapes only, or with common words too. */
const isWord = (n: string): boolean => n.startsWith('w:') || n.startsWith('near:w:');
const isRule = (n: string): boolean => n.startsWith('rule:') || n.startsWith('art:rule');
const FEATURE_SETS: Record<string, (name: string, vocab: ReadonlySet<string>) => boolean> = {
  'classes-no-rules': (n) => !isWord(n) && !isRule(n),
  classes: (n) => !isWord(n),
  'words-no-rules': (n, vocab) => (!isWord(n) || vocab.has(n)) && !isRule(n),
  words: (n, vocab) => !isWord(n) || vocab.has(n),
};
/** How learned members join the rules' teams: added everywhere, or only in an article where the rules found no team. */
export type Mode = 'union' | 'silent';
const ALL_MODES: Mode[] = ['silent', 'union'];
/** --mode NAME keeps one mode (a detector cheap enough to run beside the rules everywhere can ask for 'union'). */
const MODES: Mode[] = process.argv.includes('--mode') ? ALL_MODES.filter((m) => m === process.argv[process.argv.indexOf('--mode') + 1]) : ALL_MODES;

/** Common-word features seen in at least 3 different training articles. */
function vocabulary(docs: readonly Doc[]): Set<string> {
  const seen = new Map<string, Set<string>>();
  for (const d of docs) for (const r of d.rows) for (const n of r.c.features.keys()) if (n.startsWith('w:') || n.startsWith('near:w:')) (seen.get(n) ?? seen.set(n, new Set()).get(n)!).add(d.id);
  return new Set([...seen].filter(([, ids]) => ids.size >= 3).map(([n]) => n));
}

const restrict = (f: ReadonlyMap<string, number>, keep: (n: string) => boolean): Map<string, number> => new Map([...f].filter(([n]) => keep(n)));

function fit(rows: readonly Row[], keep: (n: string) => boolean, l2: number, target: (r: Row) => 0 | 1): LogisticModel {
  const examples: Example[] = rows.map((r) => ({ features: restrict(r.c.features, keep), label: target(r) }));
  return train(examples, { l2, epochs: 300 });
}

/** Leader rules offered: never, a feature rule, or a small model over the gold members. */
const LEADER_FEATURES: Record<string, string[]> = {
  'near-lead': ['near:lead'],
  'near-lead-or-role': ['near:lead', 'role:negotiator', 'role:envoy', 'role:minister', 'role:head', 'role:chief'],
};

/**
 * --score FILE: a committed model judged on the training articles it was not trained on (a held-out
 * check of its thresholds), by set: where the rules are silent at its threshold and at others,
 * and beside the rules' teams at each threshold. Writes nothing.
 */
function scoreModel(docs: readonly Doc[], file: string): void {
  const m = JSON.parse(readFileSync(file, 'utf8')) as DelegationModelFile;
  const held = docs.filter((d) => !m.trainingIds.includes(d.id));
  const probs = new Map<Row, number>();
  for (const d of held) for (const r of d.rows) probs.set(r, predict(m.member, r.c.features));
  const bySet = (f: (d: Doc) => number | null): string => [...new Set(held.map((d) => d.set))].map((set) => `${set} ${(100 * mean(held.filter((d) => d.set === set).map(f))).toFixed(1)}`).join(', ');
  console.log(`${file}: ${held.length} articles it was not trained on; rules alone: ${bySet((d) => articleF1(d.gold, d.ruleMembers))}`);
  const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
  for (const t of THRESHOLDS) {
    console.log(`  t=${t} silent: ${bySet((d) => articleF1(d.gold, systemOf(d, probs, t, null, m.leader, 'silent')))}`);
    for (const b of THRESHOLDS.filter((x) => x >= t)) console.log(`  t=${t} union beside ${b}: ${bySet((d) => articleF1(d.gold, systemOf(d, probs, t, b, m.leader, 'union')))}`);
  }
}

async function main(): Promise<void> {
  const docs = await load();
  if (process.argv.includes('--score')) return scoreModel(docs, process.argv[process.argv.indexOf('--score') + 1]!);
  const ids = docs.map((d) => d.id);
  console.log(`training articles: ${docs.length}, people: ${docs.reduce((s, d) => s + d.rows.length, 0)}, gold members: ${docs.reduce((s, d) => s + d.gold.length, 0)}, of them people found: ${docs.reduce((s, d) => s + d.rows.filter((r) => r.label).length, 0)}`);
  console.log(`rules alone: mean article F1 ${(100 * mean(docs.map((d) => articleF1(d.gold, d.ruleMembers)))).toFixed(1)}`);
  const vocab = vocabulary(docs);
  // ten folds by article (--folds N to change; N = the number of articles is leave-one-out)
  const k = Number(process.argv[process.argv.indexOf('--folds') + 1]) || 10;
  const folds = foldsByGroup(ids, process.argv.includes('--folds') ? k : 10);
  // --features A,B and --l2 X,Y narrow the grid (a quicker run); thresholds are always searched
  const arg = (name: string): string | null => (process.argv.includes(name) ? (process.argv[process.argv.indexOf(name) + 1] ?? null) : null);
  const L2 = arg('--l2') ? arg('--l2')!.split(',').map(Number) : [0.001, 0.003, 0.01, 0.03, 0.1];
  const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
  /** Every setting tried, with its per-article cross-validated F1s. */
  interface Setting { set: string; l2: number; threshold: number; beside: number | null; mode: Mode; f1: number; perArticle: Array<number | null>; probs: Map<Row, number> }
  const settings: Setting[] = [];
  for (const [set, sel] of Object.entries(FEATURE_SETS).filter(([name]) => !arg('--features') || arg('--features')!.split(',').includes(name))) {
    const keep = (n: string): boolean => sel(n, vocab);
    for (const l2 of L2) {
      const probs = new Map<Row, number>();
      for (const held of folds) {
        const model = fit(docs.filter((d) => !held.has(d.id)).flatMap((d) => d.rows), keep, l2, (r) => r.label);
        for (const d of docs.filter((x) => held.has(x.id))) for (const r of d.rows) probs.set(r, predict(model, r.c.features));
      }
      for (const t of THRESHOLDS) {
        const alone = mean(docs.map((d) => articleF1(d.gold, systemOf(d, probs, t, null, { kind: 'never' }, 'alone'))));
        const line: string[] = [];
        for (const mode of MODES) {
          // beside the rules' teams ('union'): a threshold of its own, at or above the one where the rules are silent
          for (const beside of mode === 'union' ? THRESHOLDS.filter((b) => b >= t) : [null]) {
            const per = docs.map((d) => articleF1(d.gold, systemOf(d, probs, t, beside, { kind: 'never' }, mode)));
            settings.push({ set, l2, threshold: t, beside, mode, f1: mean(per), perArticle: per, probs });
            const real = per.filter((_, i) => docs[i]!.set !== 'train');
            line.push(`${mode}${beside === null ? '' : `/${beside}`} ${(100 * mean(per)).toFixed(1)} (not train ${(100 * mean(real)).toFixed(1)})`);
          }
        }
        console.log(`cv ${set} l2=${l2} t=${t}: alone ${(100 * alone).toFixed(1)} ${line.join(' ')}`);
      }
    }
  }
  // the one-standard-error rule: the most conservative setting whose F1 is within one standard
  // error (of the per-article differences to the best) of the best: learned members only where
  // the rules are silent before everywhere; word classes before common words; stronger
  // regularisation and a higher threshold first
  const top = settings.reduce((x, y) => (y.f1 > x.f1 + 1e-9 ? y : x));
  const within = (x: Setting): boolean => {
    const diffs = x.perArticle.map((v, i) => (v == null && top.perArticle[i] == null ? null : (v ?? 0) - (top.perArticle[i] ?? 0))).filter((d): d is number => d != null);
    const m = mean(diffs);
    const se = Math.sqrt(diffs.reduce((acc, d) => acc + (d - m) ** 2, 0) / Math.max(1, diffs.length - 1) / Math.max(1, diffs.length));
    return x.f1 >= top.f1 - se;
  };
  const setOrder = Object.keys(FEATURE_SETS);
  const conservative = [...settings].sort((x, y) => MODES.indexOf(x.mode) - MODES.indexOf(y.mode) || setOrder.indexOf(x.set) - setOrder.indexOf(y.set) || y.l2 - x.l2 || y.threshold - x.threshold || (y.beside ?? 1) - (x.beside ?? 1));
  const best = conservative.find(within) ?? top;
  const bySet = (x: Setting): string => [...new Set(docs.map((d) => d.set))].map((set) => `${set} ${(100 * mean(x.perArticle.filter((_, i) => docs[i]!.set === set))).toFixed(1)}`).join(', ');
  const rulesBySet = [...new Set(docs.map((d) => d.set))].map((set) => `${set} ${(100 * mean(docs.filter((d) => d.set === set).map((d) => articleF1(d.gold, d.ruleMembers)))).toFixed(1)}`).join(', ');
  console.log(`rules alone by set: ${rulesBySet}`);
  console.log(`best by set: ${bySet(top)}; chosen by set: ${bySet(best)}`);
  const describe = (x: Setting): string => `${x.set} l2=${x.l2} t=${x.threshold}${x.beside === null ? '' : ` beside rules ${x.beside}`} ${x.mode} ${(100 * x.f1).toFixed(1)}`;
  console.log(`best cv setting: ${describe(top)}; chosen (within one standard error of it): ${describe(best)}`);
  if (process.argv.includes('--dump')) {
    for (const d of docs) {
      if (!d.gold.length && !d.rows.some((r) => (best!.probs.get(r) ?? 0) >= 0.3)) continue;
      console.log(`\n## ${d.id}`);
      for (const r of d.rows) console.log(`  ${r.label ? 'M' : '-'}${r.inRules ? 'R' : ' '} ${(best.probs.get(r) ?? 0).toFixed(2)} ${r.c.person.name} [${r.party ?? '-'}] ${[...r.c.features].filter(([n]) => !isWord(n)).map(([n, v]) => (v === 1 ? n : `${n}=${v.toFixed(2)}`)).join(' ')}`);
    }
  }
  const keep = (n: string): boolean => FEATURE_SETS[best!.set]!(n, vocab);
  // leader rule: chosen by the cross-validated strict F1 of the chosen member model
  const members = docs.flatMap((d) => d.rows.filter((r) => r.label));
  const leaderCandidates: Array<{ name: string; rule: (held: Set<string>) => LeaderRule }> = [
    { name: 'never', rule: () => ({ kind: 'never' }) },
    ...Object.entries(LEADER_FEATURES).map(([name, features]) => ({ name, rule: () => ({ kind: 'feature', features }) as LeaderRule })),
    ...[0.01, 0.1].map((l2) => ({ name: `model l2=${l2}`, rule: (held: Set<string>) => ({ kind: 'model', model: fit(members.filter((r) => !held.has(r.id)), keep, l2, (r) => (r.leads ? 1 : 0)), threshold: 0.5 }) as LeaderRule })),
  ];
  let bestLeader = { name: 'never', f1: -1 };
  for (const cand of leaderCandidates) {
    const f1 = mean(
      folds.flatMap((held) => {
        const rule = cand.rule(held);
        return docs.filter((d) => held.has(d.id)).map((d) => articleF1(d.gold, systemOf(d, best!.probs, best!.threshold, best!.beside, rule, best!.mode), true));
      }),
    );
    console.log(`leader ${cand.name}: strict ${(100 * f1).toFixed(1)}`);
    if (f1 > bestLeader.f1 + 1e-9) bestLeader = { name: cand.name, f1 };
  }
  const all = docs.flatMap((d) => d.rows);
  const member = fit(all, keep, best.l2, (r) => r.label);
  const leaderCand = leaderCandidates.find((c) => c.name === bestLeader.name)!;
  const leader = leaderCand.rule(new Set());
  const file: DelegationModelFile = {
    member,
    threshold: best.threshold,
    leader,
    mode: best.mode,
    ...(best.beside === null ? {} : { besideRules: best.beside }),
    features: [...new Set(all.flatMap((r) => [...r.c.features.keys()]).filter(keep))].sort(),
    trainingIds: ids,
    made: `scripts/train-delegations.ts: L2 logistic regression (src/extract/learn/logistic.ts, 300 epochs); features '${best.set}', l2 ${best.l2}, threshold ${best.threshold}${best.beside === null ? '' : ` (beside the rules' teams ${best.beside})`}, mode '${best.mode}', leader '${bestLeader.name}', chosen by ${folds.length}-fold cross-validation by article on ${ids.length} training articles (mean article F1 ${(100 * best.f1).toFixed(1)}, rules alone ${(100 * mean(docs.map((d) => articleF1(d.gold, d.ruleMembers)))).toFixed(1)}; leader strict F1 ${(100 * bestLeader.f1).toFixed(1)})`,
  };
  writeFileSync(OUT, `${JSON.stringify(file, null, 1)}\n`);
  console.log(file.made);
}

/** The delegation members the system would print: the rules' members plus learned ones at or above the threshold (`beside` where the rules found members). */
function systemOf(d: Doc, probs: ReadonlyMap<Row, number>, threshold: number, beside: number | null, leader: LeaderRule, mode: Mode | 'alone'): GoldMember[] {
  const out = mode === 'alone' ? [] : [...d.ruleMembers];
  if (mode === 'silent' && out.length) return out;
  const t = out.length ? (beside ?? threshold) : threshold;
  for (const r of d.rows) {
    if ((mode !== 'alone' && r.inRules) || !r.c.nearTalks || !r.party || (probs.get(r) ?? 0) < t) continue;
    const leads = leader.kind === 'never' ? false : leader.kind === 'feature' ? leader.features.some((f) => (r.c.features.get(f) ?? 0) > 0) : predict(leader.model, r.c.features) >= leader.threshold;
    out.push({ party: r.party, name: r.c.person.name, leads });
  }
  return out;
}

await main();
