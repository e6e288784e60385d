/**
 * Trains the learned outlook speaker chooser: a logistic regression over the candidate speakers
 * of each outlook item (src/extract/learn/speaker-features.ts), labelled by whether a candidate
 * is the gold `who` (the scorer's name match) of a gold item whose key phrase the item's
 * sentence holds. Writes src/extract/models/outlook-speaker.json.
 *
 *   npx tsx scripts/train-speaker.ts [--dry]      (--dry: cross-validate and print, write nothing)
 *
 * Training data: scripts/training-articles.ts (never the check half nor the blind sets). The
 * items are the outlook stage's own (cue rules and learned statement detector) with the rules'
 * `who`; L2 and the threshold below which the rules' answer stands are chosen by ten-fold
 * cross-validation by article, maximising the share of items (whose gold names a speaker) that
 * get the right one.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { trainingArticles } from './training-articles';
import { gatherArticles } from '../src/cli/commands';
import { analyseArticle } from '../src/extract/analyse';
import { foldsByGroup, predict, train, type Example, type LogisticModel } from '../src/extract/learn/logistic';
import type { SpeakerCandidate } from '../src/extract/learn/speaker-features';
import { OUTLOOK_MODEL } from '../src/extract/learn/statement-model';
import { outlookByRules, speakerCandidatesOf, withLearnedOutlook } from '../src/extract/outlook';
import { sameName } from './speaker-names';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Gold { outlook?: Array<{ keyphrase: string; who?: string | null }>; published?: string | null }

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** One outlook item whose sentence holds gold items. */
interface Group {
  id: string;
  set: string;
  whos: string[];
  ruleWho: string | null;
  cands: SpeakerCandidate[];
  text: string;
}

/** A speaker is right when it is one of the gold speakers; none is right when the gold names none. */
const right = (g: Group, name: string | null): boolean => (g.whos.length ? name != null && g.whos.some((w) => sameName(name, w)) : name == null);

/** The ranker: trained on the named candidates of items whose gold names a speaker. */
function fit(groups: readonly Group[], l2: number): LogisticModel {
  const examples: Example[] = groups.filter((g) => g.whos.length).flatMap((g) => g.cands.filter((c) => c.name != null).map((c): Example => ({ features: c.features, label: right(g, c.name) ? 1 : 0 })));
  return train(examples, { l2, epochs: 300 });
}

/** The none detector: P(the gold names no speaker) from the none candidate's features. */
function fitNone(groups: readonly Group[], l2: number): LogisticModel {
  const examples: Example[] = groups.map((g): Example => ({ features: noneOf(g), label: g.whos.length ? 0 : 1 }));
  return train(examples, { l2, epochs: 300 });
}
const noneOf = (g: Group): readonly string[] => g.cands.find((c) => c.name == null)?.features ?? [];

function pick(m: LogisticModel, none: LogisticModel, g: Group, threshold: number, noneThreshold: number): string | null {
  // Only where the rules name no one: a speaker they found (a quote carried on, a source as subject) stands.
  if (g.ruleWho == null && predict(none, noneOf(g)) >= noneThreshold) return null;
  let best: SpeakerCandidate | null = null;
  let bestP = -1;
  for (const c of g.cands) {
    if (c.name == null) continue;
    const p = predict(m, c.features);
    if (p > bestP) {
      bestP = p;
      best = c;
    }
  }
  return best && bestP >= threshold ? best.name : g.ruleWho;
}

const L2S = [0.01, 0.003, 0.001, 0.0003];
const THRESHOLDS = [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
/** The none detector's levels tried, and the named accuracy it may cost (two points: none is right for the briefing, though the scorer does not count it). */
const NONE = 1.01;
const NONES = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.01];
const NONE_COST = 0.02;

async function main(): Promise<void> {
  const dry = process.argv.includes('--dry');
  const show = process.argv.includes('--show');
  const quiet = { progress: () => {}, warn: () => {} };
  const groups: Group[] = [];
  const nullGroups: Group[] = [];
  const ids: string[] = [];
  for (const c of trainingArticles<Gold>()) {
    const { articles } = await gatherArticles([c.text], c.gold.published ?? null, quiet);
    const art = articles[0];
    if (!art) continue;
    ids.push(c.id);
    const a = analyseArticle(art);
    const items = withLearnedOutlook(a, outlookByRules(a), OUTLOOK_MODEL);
    const gold = c.gold.outlook ?? [];
    for (const o of items) {
      const sentence = o.sources[0]?.sentence ?? '';
      const inside = gold.filter((g) => squash(sentence).includes(squash(g.keyphrase)));
      if (!inside.length) continue;
      const whos = inside.flatMap((g) => (g.who ? [g.who] : []));
      const g: Group = { id: c.id, set: c.set, whos, ruleWho: o.who, cands: speakerCandidatesOf(a, o), text: sentence };
      (whos.length ? groups : nullGroups).push(g);
    }
  }
  const acc = (gs: readonly Group[], f: (g: Group, i: number) => string | null): number => gs.filter((g, i) => right(g, f(g, i))).length / Math.max(1, gs.length);
  console.log(`items with a gold speaker: ${groups.length} (${new Set(groups.map((g) => g.id)).size} articles); rules right ${(100 * acc(groups, (g) => g.ruleWho)).toFixed(1)} %; a candidate right ${(100 * groups.filter((g) => g.cands.some((c) => right(g, c.name))).length / groups.length).toFixed(1)} %`);
  console.log(`items whose gold names no speaker: ${nullGroups.length}; rules give one to ${nullGroups.filter((g) => g.ruleWho).length}`);
  // The items whose gold names no speaker teach the model when to say none.
  const all = [...groups, ...nullGroups];
  const folds = foldsByGroup(all.map((g) => g.id), 10);
  const foldOf = (g: Group): number => folds.findIndex((f) => f.has(g.id));
  let best = { score: -1, l2: L2S[0]!, threshold: 0, none: 1.01 };
  const cvPicks = new Map<string, Array<string | null>>();
  const noneModels = folds.map((fold) => fitNone(all.filter((g) => !fold.has(g.id)), 0.003));
  for (const l2 of L2S) {
    const models = folds.map((fold) => fit(all.filter((g) => !fold.has(g.id)), l2));
    const line: string[] = [];
    for (const t of THRESHOLDS) {
      const picks = all.map((g) => pick(models[foldOf(g)]!, noneModels[foldOf(g)]!, g, t, NONE));
      cvPicks.set(`${l2}:${t}`, picks);
      const score = acc(groups, (_g, i) => picks[i]!);
      const none = acc(nullGroups, (_g, i) => picks[groups.length + i]!);
      line.push(`${t}:${(100 * score).toFixed(1)}/${(100 * none).toFixed(0)}`);
      // Chosen on the items the scorer counts (a named speaker), a tie broken by saying none where gold does.
      if (score > best.score + 1e-9) best = { score, l2, threshold: t, none: NONE };
    }
    console.log(`l2 ${l2}: cv accuracy (named / none) by threshold ${line.join(' ')}`);
  }
  // The none level: the highest share of no-speaker items said as none that costs at most NONE_COST of the named accuracy.
  const bestModels = folds.map((fold) => fit(all.filter((g) => !fold.has(g.id)), best.l2));
  const curve = NONES.map((n) => {
    const ps = all.map((g) => pick(bestModels[foldOf(g)]!, noneModels[foldOf(g)]!, g, best.threshold, n));
    return { n, ps, named: acc(groups, (_g, i) => ps[i]!), none: acc(nullGroups, (_g, i) => ps[groups.length + i]!) };
  });
  console.log(`none level (named / none): ${curve.map((c) => `${c.n}:${(100 * c.named).toFixed(1)}/${(100 * c.none).toFixed(0)}`).join(' ')}`);
  const topNamed = Math.max(...curve.map((c) => c.named));
  const chosen = curve.filter((c) => c.named >= topNamed - NONE_COST).sort((x, y) => y.none - x.none || y.named - x.named)[0]!;
  best.none = chosen.n;
  const picks = chosen.ps;
  for (const set of ['train', 'tune', 'seeds', 'heldout']) {
    const idx = groups.map((g, i) => (g.set === set ? i : -1)).filter((i) => i >= 0);
    console.log(`  ${set}: ${idx.length} items, rules ${(100 * idx.filter((i) => right(groups[i]!, groups[i]!.ruleWho)).length / Math.max(1, idx.length)).toFixed(1)}, model ${(100 * idx.filter((i) => right(groups[i]!, picks[i]!)).length / Math.max(1, idx.length)).toFixed(1)}`);
  }
  const rulesAcc = acc(groups, (g) => g.ruleWho);
  const modelAcc = acc(groups, (_g, i) => picks[i]!);
  const noneAcc = acc(nullGroups, (_g, i) => picks[groups.length + i]!);
  console.log(`best: l2 ${best.l2} threshold ${best.threshold} none ${best.none} → cv ${(100 * modelAcc).toFixed(1)} vs rules ${(100 * rulesAcc).toFixed(1)} (none right: model ${(100 * noneAcc).toFixed(1)}, rules ${(100 * acc(nullGroups, (g) => g.ruleWho)).toFixed(1)})`);
  if (show) {
    all.forEach((g, i) => {
      if (g.set !== 'seeds' && !right(g, picks[i]!)) console.log(`  MISS gold=${g.whos.join('/')} rule=${g.ruleWho} model=${picks[i]} [${g.cands.map((c) => c.name).join('; ')}] ${g.text.slice(0, 160)}`);
    });
  }
  const model = fit(all, best.l2);
  const noneModel = fitNone(all, 0.003);
  const top = Object.entries(model.weights).sort((x, y) => y[1] - x[1]);
  console.log(`top +: ${top.slice(0, 20).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
  console.log(`top -: ${top.slice(-12).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
  if (dry) return;
  const file = {
    how: 'npx tsx scripts/train-speaker.ts: L2 logistic regression (src/extract/learn/logistic.ts) over the candidates of src/extract/learn/speaker-features.ts; label = the candidate is the gold who; L2 and threshold by 10-fold (by article) cross-validated accuracy.',
    l2: best.l2,
    threshold: best.threshold,
    cv: { rulesAccuracy: Math.round(rulesAcc * 1000) / 1000, modelAccuracy: Math.round(modelAcc * 1000) / 1000, items: groups.length, noneAccuracy: Math.round(noneAcc * 1000) / 1000, noneItems: nullGroups.length },
    trainingIds: ids,
    model: { bias: model.bias, weights: Object.fromEntries(Object.entries(model.weights).sort((x, y) => (x[0] < y[0] ? -1 : 1))) },
    none: { threshold: best.none, model: { bias: noneModel.bias, weights: Object.fromEntries(Object.entries(noneModel.weights).sort((x, y) => (x[0] < y[0] ? -1 : 1))) } },
  };
  writeFileSync(path.join(root, 'src', 'extract', 'models', 'outlook-speaker.json'), JSON.stringify(file, null, 1) + '\n');
  console.log(`wrote src/extract/models/outlook-speaker.json (${Object.keys(model.weights).length} weights)`);
}

await main();
