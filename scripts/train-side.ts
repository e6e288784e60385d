/**
 * Trains the learned side chooser (rule 'learned-side' in src/extract/people.ts) and writes
 * src/extract/models/side.json.
 *
 *   npx tsx scripts/train-side.ts [--diagnose]
 *
 * Training articles: the tuning half of the real corpus (corpus/texts, ids whose halfOf() is
 * 'tune'), the training-only set (tests/fixtures/train, texts in corpus/train), the two
 * development seeds (../shared/seeds with ../shared/eval/gold) and tests/fixtures/heldout.
 * Never the check half or the blind sets.
 * Examples: for each gold person with an affiliation whom the people stage finds (names.ts
 * samePerson on names and variants), every candidate side of that person; a candidate is
 * positive when it names the gold affiliation as the scorer compares parties (its alias table).
 * Regularisation, the feature set, the threshold and the mode (override the rules, or only fill
 * people they leave without a side) are chosen by leave-one-article-out cross-validation,
 * maximising the mean per-article share of people whose side is right (the scorer's
 * affiliation accuracy), with the one-standard-error rule toward the more conservative setting.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scorerPartyKey } from './scorer-party';
import { trainingArticles } from './training-articles';
import type { Article } from '../src/model';
import { importFiles } from '../src/import';
import { overlapTest } from '../src/extract/analyse';
import { findDelegations } from '../src/extract/delegations';
import { foldsByGroup, predict, train, type Example, type LogisticModel } from '../src/extract/learn/logistic';
import { mayReplace, SIDE_MODES, withoutSideModel, type SideMode, type SideModelFile } from '../src/extract/learn/side-model';
import { samePerson } from '../src/extract/names';
import { numberSpans } from '../src/extract/numbers';
import { findPartyMentions } from '../src/extract/parties';
import { findPeople, ruleSides, sideCases } from '../src/extract/people';
import { splitSentences } from '../src/extract/sentences';
import type { AnalysedArticle, ArticlePerson } from '../src/extract/types';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'src', 'extract', 'models', 'side.json');
const diagnose = process.argv.includes('--diagnose');


interface GoldPerson { name: string; variants?: string[]; affiliation?: string | null }
interface Source { id: string; text: string; published: string | null; people: GoldPerson[] }

function sources(): Source[] {
  return trainingArticles<{ published?: string | null; people?: GoldPerson[] }>(['seeds', 'heldout', 'train', 'tune']).map((a) => ({
    id: a.id,
    text: a.text,
    published: a.gold.published ?? null,
    people: a.gold.people ?? [],
  }));
}

const partyKey = scorerPartyKey;

interface Row { party: string; features: Map<string, number>; label: 0 | 1 }
interface Person { rule: string | null; gold: string; rows: Row[]; name: string; by: string | null; commentator: boolean }
interface Doc { id: string; people: Person[] }

/** The analysis as analyse.ts builds it, with the rule table's sides only. */
function analyse(article: Article): { a: AnalysedArticle; people: ArticlePerson[] } {
  return withoutSideModel(() => {
    const text = article.text;
    const sentences = splitSentences(text);
    const all = findPartyMentions(text, sentences);
    const people = findPeople(text, sentences, all);
    const inName = overlapTest(people.flatMap((p) => p.mentions));
    const base: AnalysedArticle = { article, sentences, parties: all.filter((m) => !inName(m)), people, numbers: numberSpans(sentences) };
    const delegations = findDelegations(base);
    const partyOf = new Map<string, string>();
    for (const d of delegations) for (const m of d.members) if (!partyOf.has(m.name)) partyOf.set(m.name, d.party);
    const inTeams: ArticlePerson[] = people.map((p) => (p.party || !partyOf.has(p.name) ? p : { ...p, party: partyOf.get(p.name) ?? null }));
    return { a: base, people: inTeams };
  });
}

async function load(): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (const src of sources()) {
    const [r] = await importFiles([src.text]);
    if (!r?.result.ok) continue;
    const article: Article = { ...r.result.value, published: r.result.value.published ?? src.published };
    const { a, people } = analyse(article);
    const ruled = ruleSides(article.text, a.sentences, a.parties, people);
    const cases = sideCases(article.text, a.sentences, a.parties, people, ruled);
    const out: Person[] = [];
    const used = new Set<number>();
    for (const g of src.people) {
      if (!g.affiliation) continue;
      const names = [g.name, ...(g.variants ?? [])];
      const i = people.findIndex((p, k) => !used.has(k) && [p.name, ...p.variants].some((x) => names.some((y) => samePerson(x, y))));
      if (i < 0) continue;
      used.add(i);
      const gold = partyKey(g.affiliation)!;
      const rows = cases[i]!.candidates.map((c): Row => ({ party: c.party, features: c.features, label: partyKey(c.party) === gold ? 1 : 0 }));
      out.push({ rule: ruled[i]!.party, gold: g.affiliation, rows, name: people[i]!.name, by: ruled[i]!.partyBy, commentator: cases[i]!.input.commentator });
    }
    docs.push({ id: src.id, people: out });
  }
  return docs;
}

/** Role-noun features seen in at least 3 different training articles. */
function vocabulary(docs: readonly Doc[]): Set<string> {
  const seen = new Map<string, Set<string>>();
  for (const d of docs) for (const p of d.people) for (const r of p.rows) for (const n of r.features.keys()) if (isWord(n)) (seen.get(n) ?? seen.set(n, new Set()).get(n)!).add(d.id);
  return new Set([...seen].filter(([, ids]) => ids.size >= 3).map(([n]) => n));
}
const GENERIC_ROLES = new Set(['none', 'official', 'commentator', 'non-state']);
const isWord = (n: string): boolean => n.startsWith('role:') && !GENERIC_ROLES.has(n.slice(5).split('&')[0]!);
const isRule = (n: string): boolean => n.startsWith('row:') || n.startsWith('rule:');
const FEATURE_SETS: Record<string, (n: string, vocab: ReadonlySet<string>) => boolean> = {
  'no-role-words': (n) => !isWord(n),
  'role-words': (n, vocab) => !isWord(n) || vocab.has(n),
  'no-rules': (n, vocab) => (!isWord(n) || vocab.has(n)) && !isRule(n),
};
type Mode = SideMode;
const MODES: readonly Mode[] = SIDE_MODES;

const restrict = (f: ReadonlyMap<string, number>, keep: (n: string) => boolean): Map<string, number> => new Map([...f].filter(([n]) => keep(n)));

function fit(docs: readonly Doc[], keep: (n: string) => boolean, l2: number): LogisticModel {
  const examples: Example[] = docs.flatMap((d) => d.people.flatMap((p) => p.rows.map((r) => ({ features: restrict(r.features, keep), label: r.label }))));
  return train(examples, { l2, epochs: 300 });
}

const mean = (xs: Array<number | null>): number => {
  const ys = xs.filter((x): x is number => x != null);
  return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : 0;
};

/** The side chosen for a person under a setting. */
function chosen(p: Person, probs: readonly number[], threshold: number, mode: Mode): string | null {
  // as people.ts: a commentator keeps the rules' answer
  if (!mayReplace(mode, p.rule, p.by) || p.commentator) return p.rule;
  let best = -1;
  probs.forEach((v, k) => {
    if (best < 0 || v > probs[best]!) best = k;
  });
  return best >= 0 && probs[best]! >= threshold ? p.rows[best]!.party : p.rule;
}

/** Per-article share of people whose side is right (null for an article without such people). */
function accuracy(d: Doc, probs: ReadonlyMap<Person, number[]> | null, threshold: number, mode: Mode): number | null {
  if (!d.people.length) return null;
  const ok = d.people.filter((p) => partyKey(probs ? chosen(p, probs.get(p)!, threshold, mode) : p.rule) === partyKey(p.gold)).length;
  return ok / d.people.length;
}

async function main(): Promise<void> {
  const docs = await load();
  console.log(`loaded in ${(process.cpuUsage().user / 1e6).toFixed(0)} s of CPU`);
  const ids = docs.map((d) => d.id);
  const people = docs.flatMap((d) => d.people);
  const reachable = people.filter((p) => p.rows.some((r) => r.label)).length;
  console.log(`training articles: ${docs.length}, gold people with a side found: ${people.length}, candidates: ${people.reduce((s, p) => s + p.rows.length, 0)}, the right side among the candidates: ${reachable}`);
  const ruleAcc = mean(docs.map((d) => accuracy(d, null, 0, 'fill')));
  console.log(`rules alone: mean article side accuracy ${(100 * ruleAcc).toFixed(1)}`);
  const vocab = vocabulary(docs);
  // leave-one-article-out by default; --folds K for a quicker look
  const k = process.argv.includes('--folds') ? Number(process.argv[process.argv.indexOf('--folds') + 1]) : ids.length;
  const folds = foldsByGroup(ids, k);
  const arg = (name: string): string | null => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : null);
  const L2 = arg('--l2') ? [Number(arg('--l2'))] : [0.001, 0.003, 0.01, 0.03, 0.1];
  const THRESHOLDS = [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
  interface Setting { set: string; l2: number; threshold: number; mode: Mode; acc: number; perArticle: Array<number | null>; probs: Map<Person, number[]> }
  const settings: Setting[] = [];
  for (const [set, sel] of Object.entries(FEATURE_SETS)) {
    if (arg('--set') && arg('--set') !== set) continue;
    const keep = (n: string): boolean => sel(n, vocab);
    for (const l2 of L2) {
      const probs = new Map<Person, number[]>();
      for (const held of folds) {
        const model = fit(docs.filter((d) => !held.has(d.id)), keep, l2);
        for (const d of docs.filter((x) => held.has(x.id))) for (const p of d.people) probs.set(p, p.rows.map((r) => predict(model, r.features)));
      }
      const line: string[] = [];
      for (const threshold of THRESHOLDS) {
        for (const mode of MODES) {
          const per = docs.map((d) => accuracy(d, probs, threshold, mode));
          settings.push({ set, l2, threshold, mode, acc: mean(per), perArticle: per, probs });
          line.push(`${mode[0]}${threshold} ${(100 * mean(per)).toFixed(1)}`);
        }
      }
      console.log(`cv ${set} l2=${l2}: ${line.join(' ')}`);
    }
  }
  const top = settings.reduce((x, y) => (y.acc > x.acc + 1e-9 ? y : x));
  const within = (x: Setting): boolean => {
    const diffs = x.perArticle.map((v, i) => (v == null ? null : v - (top.perArticle[i] ?? 0))).filter((d): d is number => d != null);
    const m = mean(diffs);
    const se = Math.sqrt(diffs.reduce((acc, d) => acc + (d - m) ** 2, 0) / Math.max(1, diffs.length - 1) / Math.max(1, diffs.length));
    return x.acc >= top.acc - se;
  };
  const setOrder = Object.keys(FEATURE_SETS);
  const conservative = [...settings].sort((x, y) => MODES.indexOf(x.mode) - MODES.indexOf(y.mode) || setOrder.indexOf(x.set) - setOrder.indexOf(y.set) || y.l2 - x.l2 || y.threshold - x.threshold);
  const best = process.argv.includes('--top') ? top : (conservative.find(within) ?? top);
  console.log(`best cv setting: ${top.set} l2=${top.l2} t=${top.threshold} ${top.mode} ${(100 * top.acc).toFixed(1)}; chosen: ${best.set} l2=${best.l2} t=${best.threshold} ${best.mode} ${(100 * best.acc).toFixed(1)}`);
  if (diagnose) {
    for (const d of docs) {
      const lines: string[] = [];
      for (const p of d.people) {
        const pr = best.probs.get(p)!;
        const c = chosen(p, pr, best.threshold, best.mode);
        const ok = partyKey(c) === partyKey(p.gold);
        const was = partyKey(p.rule) === partyKey(p.gold);
        if (ok && was) continue;
        lines.push(`  ${was ? 'ok' : 'XX'}→${ok ? 'ok' : 'XX'} ${p.name} gold=${p.gold} rule=${p.rule ?? '-'}(${p.by ?? '-'}) chosen=${c ?? '-'}`);
        p.rows.forEach((r, k) => lines.push(`      ${r.label ? '+' : ' '} ${pr[k]!.toFixed(2)} ${r.party}: ${[...r.features].map(([n, v]) => (v === 1 ? n : `${n}=${v.toFixed(2)}`)).join(' ')}`));
      }
      if (lines.length) console.log(`## ${d.id}\n${lines.join('\n')}`);
    }
  }
  const keep = (n: string): boolean => FEATURE_SETS[best.set]!(n, vocab);
  const model = fit(docs, keep, best.l2);
  const file: SideModelFile = {
    model,
    threshold: best.threshold,
    mode: best.mode,
    features: [...new Set(people.flatMap((p) => p.rows.flatMap((r) => [...r.features.keys()])).filter(keep))].sort(),
    trainingIds: ids,
    made: `scripts/train-side.ts: L2 logistic regression (src/extract/learn/logistic.ts, 300 epochs) over (person, candidate side) pairs; features '${best.set}', l2 ${best.l2}, threshold ${best.threshold}, mode '${best.mode}', chosen by ${k === ids.length ? "leave-one-article-out" : `${k}-fold (by article)`} cross-validation on ${ids.length} training articles (${people.length} people with a gold side; mean article side accuracy ${(100 * best.acc).toFixed(1)}, rules alone ${(100 * ruleAcc).toFixed(1)})`,
  };
  if (!process.argv.includes('--dry')) writeFileSync(OUT, `${JSON.stringify(file, null, 1)}\n`);
  console.log(file.made);
}

await main();
