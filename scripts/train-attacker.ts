/**
 * Trains the learned attacker chooser (rule 'attacker:learned' in src/extract/attacks.ts) and
 * writes src/extract/models/attacker.json.
 *
 *   npx tsx scripts/train-attacker.ts [--diagnose] [--dry] [--folds K]
 *
 * Training articles: scripts/training-articles.ts (seeds, heldout, the tuning half of the real
 * corpus and the train set); never the check half or the blind sets.
 * Examples: every strike record the detector makes (with the chooser off) that pairs with a gold
 * attack naming an attacker (the scorer's pairing: the gold keyphrase stands in one of the
 * record's sentences; weapons and toll break ties), each of its candidate sides; a candidate is
 * positive when it names the gold attacker as the scorer compares parties (its alias table).
 * Regularisation, feature set, thresholds, margin and mode (only fill records the rules leave
 * without an attacker, or also override the rules) are chosen by cross-validation by article,
 * maximising the mean per-article attacker accuracy (the scorer's: right attackers over gold
 * attacks with an attacker), with the one-standard-error rule toward the more conservative setting.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scorerFold, scorerPartyKey } from './scorer-party';
import { trainingArticles } from './training-articles';
import type { Article, Attack } from '../src/model';
import { importFiles } from '../src/import';
import { analyseWithDelegations } from '../src/extract/analyse';
import { attackerCases } from '../src/extract/attacks';
import { foldsByGroup, predict, train, type Example, type LogisticModel } from '../src/extract/learn/logistic';
import { chooseAttacker, withoutAttackerModel, type AttackerModel, type AttackerModelFile } from '../src/extract/learn/attacker-model';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'src', 'extract', 'models', 'attacker.json');
const diagnose = process.argv.includes('--diagnose');
const arg = (name: string): string | null => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : null);

interface GoldWeapon { type?: string; count?: number | null }
interface GoldAttack { attacker?: string | null; keyphrase?: string; killed?: number | null; weapons?: GoldWeapon[] }

const fold = scorerFold;
const partyKey = scorerPartyKey;
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
const weaponType = (t: string | undefined): string => fold(t ?? '').replace(/s$/, '');

interface Row { party: string; features: Map<string, number>; label: 0 | 1 }
interface Rec { rule: string | null; gold: string; rows: Row[]; sentence: string }
interface Doc { id: string; gold: number; recs: Rec[] }

/** The scorer's pair weight without the attacker term (weapons hit and toll), null when the keyphrase is not in the record's sentences. */
function pairWeight(g: GoldAttack, s: Attack): number | null {
  if (!g.keyphrase || !s.sources.some((r) => squash(r.sentence).includes(squash(g.keyphrase!)))) return null;
  const gw = g.weapons ?? [];
  const used = new Set<number>();
  let hits = 0;
  for (const w of gw) {
    const k = s.weapons.findIndex((v, j) => !used.has(j) && weaponType(v.type) === weaponType(w.type) && (v.count ?? null) === (w.count ?? null));
    if (k >= 0) {
      used.add(k);
      hits++;
    }
  }
  return 1 + (gw.length ? hits / gw.length : 0) + (s.killed === (g.killed ?? null) ? 1 : 0);
}

async function load(): Promise<Doc[]> {
  const docs: Doc[] = [];
  const arts = trainingArticles<{ published?: string | null; attacks?: GoldAttack[] }>(['seeds', 'heldout', 'tune', 'train']);
  for (const src of arts) {
    const gold = (src.gold.attacks ?? []).filter((g) => g.attacker);
    if (!gold.length) continue;
    const [r] = await importFiles([src.text]);
    if (!r?.result.ok) continue;
    const article: Article = { ...r.result.value, published: r.result.value.published ?? src.gold.published ?? null };
    const { analysed } = analyseWithDelegations(article);
    const cases = withoutAttackerModel(() => attackerCases(analysed));
    // pair greedily by weight, the best pairs first (the scorer pairs all gold attacks; these are the ones with an attacker)
    const all = src.gold.attacks ?? [];
    const cand: Array<{ g: number; c: number; w: number }> = [];
    all.forEach((g, gi) => cases.forEach((c, ci) => {
      const w = pairWeight(g, c.attack);
      if (w != null) cand.push({ g: gi, c: ci, w });
    }));
    cand.sort((x, y) => y.w - x.w || x.g - y.g || x.c - y.c);
    const usedG = new Set<number>();
    const usedC = new Set<number>();
    const recs: Rec[] = [];
    for (const { g, c } of cand) {
      if (usedG.has(g) || usedC.has(c)) continue;
      usedG.add(g);
      usedC.add(c);
      const ga = all[g]!;
      if (!ga.attacker) continue;
      const k = cases[c]!;
      const goldKey = partyKey(ga.attacker);
      recs.push({ rule: k.ruleParty, gold: ga.attacker, sentence: k.attack.sources[0]?.sentence ?? '', rows: k.candidates.map((x) => ({ party: x.party, features: x.features, label: partyKey(x.party) === goldKey ? 1 : 0 })) });
    }
    docs.push({ id: src.id, gold: gold.length, recs });
  }
  return docs;
}

const isRule = (n: string): boolean => n.startsWith('rule:');
const FEATURE_SETS: Record<string, (n: string) => boolean> = {
  all: () => true,
  'no-rule-names': (n) => !isRule(n) || n === 'rule:first',
};

const restrict = (f: ReadonlyMap<string, number>, keep: (n: string) => boolean): Map<string, number> => new Map([...f].filter(([n]) => keep(n)));

function fit(docs: readonly Doc[], keep: (n: string) => boolean, l2: number): LogisticModel {
  const examples: Example[] = docs.flatMap((d) => d.recs.flatMap((p) => p.rows.map((r) => ({ features: restrict(r.features, keep), label: r.label }))));
  return train(examples, { l2, epochs: 300 });
}

const mean = (xs: Array<number | null>): number => {
  const ys = xs.filter((x): x is number => x != null);
  return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : 0;
};

type Setting = Omit<AttackerModel, 'model'>;

function chosen(p: Rec, probs: readonly number[], s: Setting): string | null {
  return chooseAttacker(s, p.rows.map((r) => ({ party: r.party, features: r.features })), probs, p.rule);
}

/** The scorer's attacker accuracy of one article: right attackers over its gold attacks with an attacker. */
function accuracy(d: Doc, probs: ReadonlyMap<Rec, number[]> | null, s: Setting): number {
  const ok = d.recs.filter((p) => partyKey(probs ? chosen(p, probs.get(p)!, s) : p.rule) === partyKey(p.gold)).length;
  return ok / d.gold;
}

async function main(): Promise<void> {
  const docs = await load();
  console.log(`loaded in ${(process.cpuUsage().user / 1e6).toFixed(0)} s of CPU`);
  const ids = docs.map((d) => d.id);
  const recs = docs.flatMap((d) => d.recs);
  const golds = docs.reduce((n, d) => n + d.gold, 0);
  const reachable = recs.filter((p) => p.rows.some((r) => r.label)).length;
  const ruleOk = recs.filter((p) => partyKey(p.rule) === partyKey(p.gold)).length;
  console.log(`training articles with gold attackers: ${docs.length}; gold attacks with an attacker: ${golds}; paired records: ${recs.length}; rules right: ${ruleOk}; rules null: ${recs.filter((p) => !p.rule).length}; gold among candidates: ${reachable}`);
  const none: Setting = { fill: 2, threshold: 2, margin: 2, mode: 'fill' };
  const ruleAcc = mean(docs.map((d) => accuracy(d, null, none)));
  console.log(`rules alone: mean article attacker accuracy ${(100 * ruleAcc).toFixed(1)}`);
  const k = Number(arg('--folds') ?? 10);
  const folds = foldsByGroup(ids, k);
  const L2 = arg('--l2') ? [Number(arg('--l2'))] : [0.003, 0.01, 0.03, 0.1, 0.3, 1];
  const FILLS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 2];
  const THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9];
  const MARGINS = [0, 0.1, 0.2, 0.3, 0.5];
  interface Scored { set: string; l2: number; s: Setting; acc: number; perArticle: number[]; probs: Map<Rec, number[]> }
  const settings: Scored[] = [];
  for (const [set, keep] of Object.entries(FEATURE_SETS)) {
    if (arg('--set') && arg('--set') !== set) continue;
    for (const l2 of L2) {
      const probs = new Map<Rec, number[]>();
      for (const held of folds) {
        const model = fit(docs.filter((d) => !held.has(d.id)), keep, l2);
        for (const d of docs.filter((x) => held.has(x.id))) for (const p of d.recs) probs.set(p, p.rows.map((r) => predict(model, r.features)));
      }
      let bestLine = '';
      let bestAcc = -1;
      for (const fill of FILLS) {
        const push = (s: Setting): void => {
          const per = docs.map((d) => accuracy(d, probs, s));
          const acc = mean(per);
          settings.push({ set, l2, s, acc, perArticle: per, probs });
          if (acc > bestAcc) [bestAcc, bestLine] = [acc, `${s.mode} fill ${s.fill} t ${s.threshold} m ${s.margin}`];
        };
        push({ fill, threshold: 2, margin: 2, mode: 'fill' });
        for (const threshold of THRESHOLDS) for (const margin of MARGINS) push({ fill, threshold, margin, mode: 'override' });
      }
      const fillOnly = settings.filter((x) => x.set === set && x.l2 === l2 && x.s.mode === 'fill').reduce((x, y) => (y.acc > x.acc ? y : x));
      console.log(`cv ${set} l2=${l2}: best ${(100 * bestAcc).toFixed(1)} (${bestLine}); fill only ${(100 * fillOnly.acc).toFixed(1)} (fill ${fillOnly.s.fill})`);
    }
  }
  const top = settings.reduce((x, y) => (y.acc > x.acc + 1e-9 ? y : x));
  const within = (x: Scored): boolean => {
    const diffs = x.perArticle.map((v, i) => v - top.perArticle[i]!);
    const m = mean(diffs);
    const se = Math.sqrt(diffs.reduce((acc, d) => acc + (d - m) ** 2, 0) / Math.max(1, diffs.length - 1) / Math.max(1, diffs.length));
    return x.acc >= top.acc - se;
  };
  const setOrder = Object.keys(FEATURE_SETS);
  // conservative first: fill only, fewer features, stronger regularisation, higher thresholds and margins
  const conservative = [...settings].sort(
    (x, y) =>
      (x.s.mode === 'fill' ? 0 : 1) - (y.s.mode === 'fill' ? 0 : 1) ||
      setOrder.indexOf(y.set) - setOrder.indexOf(x.set) ||
      y.l2 - x.l2 ||
      y.s.margin - x.s.margin ||
      y.s.threshold - x.s.threshold ||
      y.s.fill - x.s.fill,
  );
  const best = process.argv.includes('--top') ? top : (conservative.find(within) ?? top);
  const show = (x: Scored): string => `${x.set} l2=${x.l2} ${x.s.mode} fill=${x.s.fill} t=${x.s.threshold} m=${x.s.margin} ${(100 * x.acc).toFixed(1)}`;
  console.log(`best cv setting: ${show(top)}; chosen: ${show(best)}`);
  if (diagnose) {
    for (const d of docs) {
      const lines: string[] = [];
      for (const p of d.recs) {
        const pr = best.probs.get(p)!;
        const c = chosen(p, pr, best.s);
        const ok = partyKey(c) === partyKey(p.gold);
        const was = partyKey(p.rule) === partyKey(p.gold);
        if (ok && was) continue;
        lines.push(`  ${was ? 'ok' : 'XX'}→${ok ? 'ok' : 'XX'} gold=${p.gold} rule=${p.rule ?? '-'} chosen=${c ?? '-'} «${p.sentence.slice(0, 140)}»`);
        p.rows.forEach((r, j) => lines.push(`      ${r.label ? '+' : ' '} ${pr[j]!.toFixed(2)} ${r.party}: ${[...r.features].map(([n, v]) => (v === 1 ? n : `${n}=${v.toFixed(2)}`)).join(' ')}`));
      }
      if (lines.length) console.log(`## ${d.id}\n${lines.join('\n')}`);
    }
  }
  const keep = FEATURE_SETS[best.set]!;
  const model = fit(docs, keep, best.l2);
  const file: AttackerModelFile = {
    model,
    fill: best.s.fill,
    threshold: best.s.threshold,
    margin: best.s.margin,
    mode: best.s.mode,
    features: [...new Set(recs.flatMap((p) => p.rows.flatMap((r) => [...r.features.keys()])).filter(keep))].sort(),
    trainingIds: ids,
    made: `scripts/train-attacker.ts: L2 logistic regression (src/extract/learn/logistic.ts, 300 epochs) over (strike record, candidate side) pairs; features '${best.set}', l2 ${best.l2}, mode '${best.s.mode}', fill ${best.s.fill}, threshold ${best.s.threshold}, margin ${best.s.margin}, chosen by ${k}-fold (by article) cross-validation on ${ids.length} training articles with gold attackers (${recs.length} paired records of ${golds} gold attacks with an attacker; mean article attacker accuracy ${(100 * best.acc).toFixed(1)}, rules alone ${(100 * ruleAcc).toFixed(1)})`,
  };
  if (!process.argv.includes('--dry')) writeFileSync(OUT, `${JSON.stringify(file, null, 1)}\n`);
  console.log(file.made);
}

await main();
