/**
 * Trains the learned position item filter (src/extract/learn/position-item-model.ts): an L2
 * logistic regression over src/extract/learn/position-item-features.ts, labelled by whether a
 * candidate item (a cue rule's or the learned detector's) pairs with a gold position (an item
 * covers the gold positions whose key phrase its sentence holds; maximum one-to-one pairing, as
 * the scorer pairs). Writes src/extract/models/position-items.json.
 *
 *   npx tsx scripts/train-position-items.ts [--dry] [--no-words] [--all-items]
 *   (--dry: cross-validate and print, write nothing; --no-words: no `t:` word features;
 *   --all-items: let the filter drop the cue rules' items too, not only the learned detector's)
 *
 * Training data as for scripts/train-statements.ts (scripts/training-articles.ts): never the check
 * half nor the blind sets. Ten folds by article; inside each fold the positions detector itself is
 * refitted without the fold (same penalty and threshold as src/extract/models/positions.json), so
 * the held-out articles' learned items and sentence scores are what unseen text gets. The L2
 * penalty and the levels below which a rule's item and a learned item are dropped are chosen by
 * that cross-validation, maximising the scorer's per-article F1 (mean over articles; an article
 * where neither side has items is left out, one with items where the gold has none counts 0).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Position } from '../src/model';
import { articleF1 as f1, matchedItems as matching } from './item-matching';
import { fitStatementModel } from './statement-fit';
import { trainingArticles } from './training-articles';
import { gatherArticles } from '../src/cli/commands';
import { analyseArticle } from '../src/extract/analyse';
import { foldsByGroup, predict, train, type LogisticModel } from '../src/extract/learn/logistic';
import { ITEM_LEXICAL_PREFIX, itemContext, positionItemFeatures } from '../src/extract/learn/position-item-features';
import { statementFeatures } from '../src/extract/learn/statement-features';
import { POSITIONS_MODEL, type StatementModel, type StatementModelFile } from '../src/extract/learn/statement-model';
import type { AnalysedArticle } from '../src/extract/types';
import { positionsByRules, withLearnedPositions } from '../src/extract/positions';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FOLDS = 10;

interface Gold { positions?: Array<{ keyphrase: string }>; published?: string | null }
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

interface Doc {
  id: string;
  set: string;
  a: AnalysedArticle;
  gold: string[];
  rules: Position[];
  /** Per sentence: statement features, whether it holds a gold key phrase. */
  sentences: Array<{ features: string[]; gold: boolean; heading: boolean }>;
}

/** One candidate item; `head` is the index (in its article) of its cue match's first item, whose fate a later element shares. */
interface Row { doc: number; features: Map<string, number>; golds: number[]; label: 0 | 1; learned: boolean; head: number }

const mean = (xs: Array<number | null>): number => {
  const ys = xs.filter((x): x is number => x != null);
  return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : 0;
};

/** The positions detector as scripts/train-statements.ts fits it (scripts/statement-fit.ts). */
const fitStatements = (docs: readonly Doc[], l2: number): LogisticModel =>
  fitStatementModel(docs.map((d) => ({ rows: d.sentences.map((r) => ({ features: r.features, label: r.gold, heading: r.heading })) })), l2);

/** Fitted on the first item of each cue match (a later element shares its fate). */
function fitItems(rows: readonly Row[], docs: readonly Doc[], l2: number, words: boolean): LogisticModel {
  const lexical = (f: string): boolean => f.startsWith(ITEM_LEXICAL_PREFIX);
  const seenIn = new Map<string, Set<number>>();
  for (const r of rows) for (const f of r.features.keys()) if (lexical(f)) (seenIn.get(f) ?? seenIn.set(f, new Set()).get(f)!).add(r.doc);
  const ok = (f: string): boolean => !lexical(f) || (words && (seenIn.get(f)?.size ?? 0) >= 3);
  void docs;
  return train(rows.filter((r) => !r.features.has('dup:element')).map((r) => ({ features: new Map([...r.features].filter(([f]) => ok(f))), label: r.label })), { l2, epochs: 300 });
}

interface Policy { rules: number; learned: number }

function docF1(doc: Doc, rows: readonly Row[], probs: readonly number[], pol: Policy | null): number | null {
  const pass = rows.map((r, i) => !pol || probs[i]! >= (r.learned ? pol.learned : pol.rules));
  const kept = rows.filter((r) => pass[r.head]);
  const m = matching(doc.gold.length, kept.map((r) => r.golds));
  return f1(m.filter(Boolean).length, kept.length, doc.gold.length);
}

const L2S = [0.03, 0.01, 0.003, 0.001];
const LEVELS = [0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6];

async function main(): Promise<void> {
  const dry = process.argv.includes('--dry');
  const words = !process.argv.includes('--no-words');
  // The cue rules' items are judged by the rules (and the pattern suite): only the learned detector's items are filtered.
  const RULE_LEVELS = process.argv.includes('--all-items') ? LEVELS : [0];
  const quiet = { progress: () => {}, warn: () => {} };
  const docs: Doc[] = [];
  for (const c of trainingArticles<Gold>()) {
    const { articles } = await gatherArticles([c.text], c.gold.published ?? null, quiet);
    const article = articles[0];
    if (!article) continue;
    const a = analyseArticle(article);
    const gold = (c.gold.positions ?? []).map((g) => squash(g.keyphrase));
    const feats = statementFeatures(a);
    docs.push({
      id: c.id,
      set: c.set,
      a,
      gold,
      rules: positionsByRules(a),
      sentences: a.sentences.map((s, k) => ({ features: feats[k]!, gold: gold.some((g) => squash(s.text).includes(g)), heading: s.heading })),
    });
  }
  const shipped = POSITIONS_MODEL as StatementModelFile;
  const folds = foldsByGroup(docs.map((d) => d.id), FOLDS);
  // Candidate items of each article as unseen text gets them: the detector refitted without its fold.
  const rows: Row[][] = docs.map(() => []);
  for (const fold of folds) {
    const m = fitStatements(docs.filter((d) => !fold.has(d.id)), shipped.l2);
    const model: StatementModel = { name: shipped.name, threshold: shipped.threshold, veto: shipped.veto, bias: m.bias, weights: m.weights };
    docs.forEach((d, i) => {
      if (!fold.has(d.id)) return;
      const items = withLearnedPositions(d.a, d.rules, model);
      const ctx = itemContext(d.a, items);
      const golds = items.map((p) => d.gold.flatMap((g, gi) => (p.sources.some((r) => squash(r.sentence).includes(g)) ? [gi] : [])));
      const matched = matching(d.gold.length, golds);
      rows[i] = items.map((p, j) => {
        const si = ctx.sentenceAt.get(p.sources[0]!.start) ?? -1;
        const prob = si >= 0 ? predict(model, d.sentences[si]!.features) : 0;
        return { doc: i, features: positionItemFeatures(d.a, ctx, p, j, prob), golds: golds[j]!, label: matched[j] ? 1 : 0, learned: (p.rules ?? []).includes(shipped.name), head: ctx.order[j]!.head };
      });
    });
  }
  const all = rows.flat();
  if (process.argv.includes('--show-empty')) {
    docs.forEach((d, i) => {
      if (d.gold.length) return;
      for (const r of rows[i]!) console.log(`EMPTY ${d.id.slice(0, 40)} ${[...r.features.keys()].find((f) => f.startsWith('rule:'))} p=${r.features.get('p')!.toFixed(2)} art:attack=${r.features.get('art:attack')!.toFixed(2)} art:talks=${r.features.get('art:talks')!.toFixed(2)}`);
    });
  }
  console.log(`training articles: ${docs.length}; candidate items ${all.length} (${all.filter((r) => r.learned).length} learned), paired ${all.filter((r) => r.label).length}; gold ${docs.reduce((n, d) => n + d.gold.length, 0)}`);
  const base = mean(docs.map((d, i) => docF1(d, rows[i]!, [], null)));
  console.log(`no filter: per-article F1 ${(100 * base).toFixed(1)}`);
  if (process.argv.includes('--simple')) {
    for (const v of [0.05, 0.1, 0.15, 0.2, 0.25, 0.3]) {
      const score = (which: (r: Row) => boolean): string => (100 * mean(docs.map((d, i) => docF1(d, rows[i]!, rows[i]!.map((r) => (which(r) && r.features.get('p')! < v ? 0 : 1)), { rules: 0.5, learned: 0.5 })))).toFixed(1);
      console.log(`veto at sentence p < ${v}: rule items ${score((r) => !r.learned)}, all ${score(() => true)}`);
    }
    const later = (100 * mean(docs.map((d, i) => docF1(d, rows[i]!, rows[i]!.map((r) => (r.features.has('dup:later') ? 0 : 1)), { rules: 0.5, learned: 0.5 })))).toFixed(1);
    console.log(`one cue per sentence: ${later}`);
  }
  // Every (penalty, levels) with its cross-validated F1 and the items it drops.
  const tried: Array<{ score: number; dropped: number; l2: number; pol: Policy }> = [{ score: base, dropped: 0, l2: L2S[0]!, pol: { rules: 0, learned: 0 } }];
  const cvProbs = new Map<number, number[][]>();
  for (const l2 of L2S) {
    const probs: number[][] = docs.map(() => []);
    for (const fold of folds) {
      const train = docs.flatMap((d, i) => (fold.has(d.id) ? [] : rows[i]!));
      const m = fitItems(train, docs, l2, words);
      docs.forEach((d, i) => {
        if (fold.has(d.id)) probs[i] = rows[i]!.map((r) => predict(m, r.features));
      });
    }
    cvProbs.set(l2, probs);
    const grid: string[] = [];
    for (const rules of RULE_LEVELS) {
      let lineBest = { s: -1, l: 0 };
      for (const learned of LEVELS) {
        const pol = { rules, learned };
        const s = mean(docs.map((d, i) => docF1(d, rows[i]!, probs[i]!, pol)));
        if (s > lineBest.s) lineBest = { s, l: learned };
        const dropped = docs.reduce((n, _d, i) => n + rows[i]!.filter((r, k) => probs[i]![k]! < (r.learned ? learned : rules)).length, 0);
        tried.push({ score: s, dropped, l2, pol });
      }
      grid.push(`${rules}:${(100 * lineBest.s).toFixed(1)}@${lineBest.l}`);
    }
    console.log(`l2 ${l2}: best F1 by rule level (at learned level) ${grid.join(' ')}`);
  }
  // The surface is flat near its top: of the choices within a tenth of a point of the best, the one
  // that drops the fewest items (a dropped item must earn its place).
  const top = Math.max(...tried.map((t) => t.score));
  const best = tried.filter((t) => t.score >= top - 0.001).sort((x, y) => x.dropped - y.dropped || y.score - x.score)[0]!;
  console.log(`best F1 ${(100 * top).toFixed(1)}; chosen: drops ${best.dropped} of ${all.length} items`);
  if (best.dropped) {
    const probs = cvProbs.get(best.l2)!;
    for (const set of ['seeds', 'heldout', 'tune', 'train']) {
      const idx = docs.map((d, i) => (d.set === set ? i : -1)).filter((i) => i >= 0);
      const empty = idx.filter((i) => !docs[i]!.gold.length);
      const alarms = (pol: Policy | null): number => empty.filter((i) => rows[i]!.some((r, k) => !pol || probs[i]![k]! >= (r.learned ? pol.learned : pol.rules))).length;
      console.log(`  ${set}: no filter ${(100 * mean(idx.map((i) => docF1(docs[i]!, rows[i]!, [], null)))).toFixed(1)}, filtered ${(100 * mean(idx.map((i) => docF1(docs[i]!, rows[i]!, probs[i]!, best.pol)))).toFixed(1)} (${idx.length} articles; false alarms ${alarms(null)} → ${alarms(best.pol)} of ${empty.length} without gold)`);
    }
  }
  console.log(`best: l2 ${best.l2} levels ${JSON.stringify(best.pol)} → F1 ${(100 * best.score).toFixed(1)} (no filter ${(100 * base).toFixed(1)})`);
  const model = fitItems(all, docs, best.l2, words);
  const ranked = Object.entries(model.weights).sort((x, y) => y[1] - x[1]);
  console.log(`top +: ${ranked.slice(0, 25).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`top -: ${ranked.slice(-25).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (dry) return;
  const file = {
    name: 'learned-position-filter',
    how: 'npx tsx scripts/train-position-items.ts: L2 logistic regression (src/extract/learn/logistic.ts) over src/extract/learn/position-item-features.ts; label = the candidate item pairs with a gold position; L2 and the drop levels by 10-fold (by article) cross-validated per-article F1, the positions detector refitted inside each fold.',
    l2: best.l2,
    levels: best.pol,
    cv: { unfilteredF1: Math.round(base * 1000) / 1000, filteredF1: Math.round(best.score * 1000) / 1000 },
    trainingIds: docs.map((d) => d.id),
    bias: model.bias,
    weights: Object.fromEntries(Object.entries(model.weights).sort((x, y) => (x[0] < y[0] ? -1 : 1))),
  };
  writeFileSync(path.join(root, 'src', 'extract', 'models', 'position-items.json'), JSON.stringify(file, null, 1) + '\n');
  console.log(`wrote src/extract/models/position-items.json (${Object.keys(model.weights).length} weights)`);
}

await main();
