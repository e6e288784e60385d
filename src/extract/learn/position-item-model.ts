import itemData from '../models/position-items.json';
import type { Position } from '../../model';
import type { AnalysedArticle } from '../types';
import { predict, type LogisticModel } from './logistic';
import { itemContext, positionItemFeatures } from './position-item-features';
import { POSITIONS_MODEL, statementProbability } from './statement-model';

/**
 * The learned position item filter as data (src/extract/models/position-items.json, written by
 * scripts/train-position-items.ts): P(a candidate item is one of the article's positions) from the
 * general features of position-item-features.ts. An item scored below its level (one for the cue
 * rules' items, one for the learned detector's) is dropped. Penalty and levels were chosen by
 * cross-validation by article (ten folds) inside the training articles.
 */
export interface ItemFilterModel extends LogisticModel {
  readonly name: string;
  readonly levels: { readonly rules: number; readonly learned: number };
}

export interface ItemFilterModelFile extends ItemFilterModel {
  readonly how: string;
  readonly l2: number;
  readonly cv: { readonly unfilteredF1: number; readonly filteredF1: number };
  readonly trainingIds: readonly string[];
}

export const POSITION_ITEM_MODEL: ItemFilterModel = itemData as ItemFilterModelFile;

/** Each item's probability of being a position, in the order given. */
export function positionItemScores(a: AnalysedArticle, items: readonly Position[], model: ItemFilterModel = POSITION_ITEM_MODEL): number[] {
  const ctx = itemContext(a, items);
  return items.map((p, i) => {
    const si = ctx.sentenceAt.get(p.sources[0]!.start);
    const prob = si == null ? 0 : statementProbability(POSITIONS_MODEL, ctx.sentenceFeatures[si] ?? []);
    return predict(model, positionItemFeatures(a, ctx, p, i, prob));
  });
}

/**
 * The items the filter keeps: those scored at or above their level. The later elements of one cue
 * match (a list's items, a coordinated subject's parties) share its first item's fate: the filter
 * judges the statement, the rules its structure.
 */
export function filterPositionItems(a: AnalysedArticle, items: readonly Position[], model: ItemFilterModel = POSITION_ITEM_MODEL): Position[] {
  if (!items.length || (model.levels.rules <= 0 && model.levels.learned <= 0)) return [...items];
  const ctx = itemContext(a, items);
  const scored = new Map<number, number>();
  const keep = items.map((x, i) => {
    if (ctx.order[i]!.element) return false;
    const si = ctx.sentenceAt.get(x.sources[0]!.start);
    // items of one sentence share its detector score: scored once per sentence in this article
    const prob = si == null ? 0 : (scored.get(si) ?? scored.set(si, statementProbability(POSITIONS_MODEL, ctx.sentenceFeatures[si] ?? [])).get(si)!);
    return predict(model, positionItemFeatures(a, ctx, x, i, prob)) >= ((x.rules ?? []).includes(POSITIONS_MODEL.name) ? model.levels.learned : model.levels.rules);
  });
  return items.filter((_, i) => keep[ctx.order[i]!.head]);
}
