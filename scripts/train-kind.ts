/**
 * Trains the learned position kind model: one logistic regression per kind (one against the rest)
 * over src/extract/learn/kind-features.ts, labelled by the gold kind of the position each system
 * item is paired with (an item citing the sentence that holds a gold key phrase; the same party
 * preferred). Writes src/extract/models/kind.json.
 *
 *   npx tsx scripts/train-kind.ts [--dry]      (--dry: cross-validate and print, write nothing)
 *
 * Training data as for scripts/train-statements.ts: the tune half of the real articles, the train
 * set, ../shared/seeds with ../shared/eval/gold and tests/fixtures/heldout; never the check half
 * nor the blind sets. The L2 penalty and the margins the model must win by to replace the cue's
 * kind (for the learned detector's items, for the rules' items; 1 = never) are chosen by 10-fold
 * cross-validation by article, maximising the share of paired items whose kind is right.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { trainingArticles } from './training-articles';
import { POSITION_KINDS, type Position, type PositionKind } from '../src/model';
import { gatherArticles } from '../src/cli/commands';
import { analyseArticle } from '../src/extract/analyse';
import { foldsByGroup, predict, train, type Example, type LogisticModel } from '../src/extract/learn/logistic';
import { isKindLexical, kindContext, kindFeatures } from '../src/extract/learn/kind-features';
import type { AnalysedArticle } from '../src/extract/types';
import { POSITIONS_MODEL } from '../src/extract/learn/statement-model';
import { positionsByRules, withLearnedPositions } from '../src/extract/positions';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The half of a real article, as scripts/eval.ts decides it (sha256 of the id, first byte even = tune). */

interface GoldPosition { keyphrase: string; kind: PositionKind; party?: string | null }
interface Gold { positions?: GoldPosition[]; published?: string | null }
interface Case { id: string; text: string; gold: Gold }

const cases = (): Case[] => trainingArticles<Gold>();

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
const partyKey = (p: string | null | undefined): string => (p ?? '').toLowerCase().replace(/^the\s+/, '').trim();

/** A system item paired with a gold position: its features, its cue's kind, the gold kind. */
interface Pair { doc: string; features: string[]; cue: PositionKind; gold: PositionKind; learned: boolean }

/** Gold positions paired one to one with the items citing their sentence (same party first). */
function pairs(a: AnalysedArticle, id: string, gold: readonly GoldPosition[], items: readonly Position[]): Pair[] {
  const byStart = new Map(a.sentences.map((s) => [s.start, s]));
  const used = new Set<number>();
  const out: Pair[] = [];
  for (const g of gold) {
    const cands = items.map((p, j) => ({ p, j })).filter(({ p, j }) => !used.has(j) && p.sources.some((r) => squash(r.sentence).includes(squash(g.keyphrase))));
    const pick = cands.find(({ p }) => partyKey(p.party) === partyKey(g.party)) ?? cands[0];
    if (!pick) continue;
    used.add(pick.j);
    const s = byStart.get(pick.p.sources[0]?.start ?? -1);
    const context = s && !NO_CONTEXT ? kindContext(a, s, pick.p.text) : undefined;
    out.push({ doc: id, features: kindFeatures({ ...pick.p, context }), cue: pick.p.kind, gold: g.kind, learned: (pick.p.rules ?? []).includes(POSITIONS_MODEL.name) });
  }
  return out;
}

const lexical = isKindLexical;
const NO_CONTEXT = process.argv.includes('--no-context');

function fit(ps: readonly Pair[], l2: number): Record<PositionKind, LogisticModel> {
  const seenIn = new Map<string, Set<string>>();
  for (const p of ps) for (const f of p.features.filter(lexical)) (seenIn.get(f) ?? seenIn.set(f, new Set()).get(f)!).add(p.doc);
  const ok = (f: string): boolean => !lexical(f) || (seenIn.get(f)?.size ?? 0) >= 3;
  const rows = ps.map((p) => ({ f: p.features.filter(ok), gold: p.gold }));
  return Object.fromEntries(POSITION_KINDS.map((k) => {
    const examples: Example[] = rows.map((r) => ({ features: r.f, label: r.gold === k ? 1 : 0 }));
    return [k, train(examples, { l2, epochs: 200 })];
  })) as Record<PositionKind, LogisticModel>;
}

interface Margins { learned: number; rules: number }
const choose = (scores: Record<PositionKind, number>, p: Pair, margins: Margins): PositionKind => {
  const margin = p.learned ? margins.learned : margins.rules;
  if (margin >= 1) return p.cue;
  const best = POSITION_KINDS.reduce((x, y) => (scores[y] > scores[x] ? y : x));
  return scores[best] - scores[p.cue] >= margin ? best : p.cue;
};

const L2S = [0.01, 0.003, 0.001];
/** A margin of 1 never lets the model change a kind. */
const MARGINS = [0, 0.1, 0.2, 0.3, 0.5, 1];

async function main(): Promise<void> {
  const dry = process.argv.includes('--dry');
  const quiet = { progress: () => {}, warn: () => {} };
  const all: Pair[] = [];
  const ids: string[] = [];
  for (const c of cases()) {
    const { articles } = await gatherArticles([c.text], c.gold.published ?? null, quiet);
    const article = articles[0];
    if (!article) continue;
    const a = analyseArticle(article);
    ids.push(c.id);
    all.push(...pairs(a, c.id, c.gold.positions ?? [], withLearnedPositions(a, positionsByRules(a), POSITIONS_MODEL)));
  }
  const counts = Object.fromEntries(POSITION_KINDS.map((k) => [k, all.filter((p) => p.gold === k).length]));
  console.log(`training articles: ${ids.length}; paired position items: ${all.length} (${all.filter((p) => p.learned).length} learned); gold kinds ${JSON.stringify(counts)}`);
  const folds = foldsByGroup(all.map((p) => p.doc), 10);
  let best = { acc: -1, l2: L2S[0]!, margins: { learned: 1, rules: 1 } as Margins };
  const ruleAcc = all.filter((p) => p.cue === p.gold).length / all.length;
  for (const l2 of L2S) {
    const scores = new Array<Record<PositionKind, number>>(all.length);
    for (const fold of folds) {
      const models = fit(all.filter((p) => !fold.has(p.doc)), l2);
      all.forEach((p, i) => {
        if (fold.has(p.doc)) scores[i] = Object.fromEntries(POSITION_KINDS.map((k) => [k, predict(models[k], p.features)])) as Record<PositionKind, number>;
      });
    }
    for (const learned of MARGINS) {
      const line: string[] = [];
      for (const rules of MARGINS) {
        const margins = { learned, rules };
        const acc = all.filter((p, i) => choose(scores[i]!, p, margins) === p.gold).length / all.length;
        line.push(`${rules}:${(100 * acc).toFixed(1)}`);
        // A change must earn its place: half a point over the cue's kind.
        const none = learned >= 1 && rules >= 1;
        if (acc > best.acc + 1e-9 && (none || acc >= ruleAcc + 0.005)) best = { acc, l2, margins };
      }
      console.log(`l2 ${l2} learned margin ${learned}: accuracy by rule margin ${line.join(' ')}`);
    }
  }
  console.log(`cue kind accuracy ${(100 * ruleAcc).toFixed(1)}; best: l2 ${best.l2} margins ${JSON.stringify(best.margins)} → ${(100 * best.acc).toFixed(1)}`);
  const models = fit(all, best.l2);
  for (const k of POSITION_KINDS) {
    const top = Object.entries(models[k].weights).sort((x, y) => y[1] - x[1]).slice(0, 12);
    console.log(`  ${k}: ${top.map(([f, w]) => `${f} ${w}`).join(', ')}`);
  }
  if (dry) return;
  const file = {
    name: 'learned-kind',
    how: 'npx tsx scripts/train-kind.ts: one L2 logistic regression per kind, one against the rest (src/extract/learn/logistic.ts), over src/extract/learn/kind-features.ts; label = the gold kind of the paired position; L2 and margins by 10-fold cross-validation by article.',
    l2: best.l2,
    margins: best.margins,
    cv: { ruleKindAccuracy: Math.round(ruleAcc * 1000) / 1000, withModelAccuracy: Math.round(best.acc * 1000) / 1000 },
    trainingIds: ids,
    models: Object.fromEntries(POSITION_KINDS.map((k) => [k, { bias: models[k].bias, weights: Object.fromEntries(Object.entries(models[k].weights).sort((x, y) => (x[0] < y[0] ? -1 : 1))) }])),
  };
  writeFileSync(path.join(root, 'src', 'extract', 'models', 'kind.json'), JSON.stringify(file, null, 1) + '\n');
  console.log('wrote src/extract/models/kind.json');
}

await main();
