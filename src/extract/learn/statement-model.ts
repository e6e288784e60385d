import outlookData from '../models/outlook.json';
import positionsData from '../models/positions.json';
import type { SourceRef } from '../../model';
import type { AnalysedArticle, Sentence } from '../types';
import { predict, type LogisticModel } from './logistic';
import { statementFeatures } from './statement-features';

/**
 * The learned statement detectors as data (src/extract/models/{positions,outlook}.json, written
 * by scripts/train-statements.ts): P(a sentence states a position / an outlook) from the general
 * features of statement-features.ts. A sentence the rules left without an item gets a learned
 * item at or above `threshold`; a rule item in a sentence scored below `veto` is dropped.
 * Both levels were chosen by cross-validation by article (ten folds) inside the training articles.
 */
export interface StatementModel extends LogisticModel {
  readonly name: string;
  readonly threshold: number;
  readonly veto: number;
}

export interface StatementModelFile extends StatementModel {
  readonly how: string;
  readonly l2: number;
  readonly cv: { readonly rulesOnlyF1: number; readonly withModelF1: number };
  readonly trainingIds: readonly string[];
}

export const POSITIONS_MODEL: StatementModel = positionsData as StatementModelFile;
export const OUTLOOK_MODEL: StatementModel = outlookData as StatementModelFile;

/**
 * The statement detectors one extraction runs with: the shipped models, or (scripts/train-presence.ts)
 * models refitted without the article's fold, so that what a later stage learns from their scores
 * and items is what unseen text gets.
 */
export interface StatementModels {
  readonly positions: StatementModel;
  readonly outlook: StatementModel;
}
export const STATEMENT_MODELS: StatementModels = { positions: POSITIONS_MODEL, outlook: OUTLOOK_MODEL };

export const statementProbability = (m: StatementModel, features: readonly string[]): number => predict(m, features);

/**
 * A statement model run beside the rule items of one article: the rule items it keeps (all,
 * unless it may veto: then those whose sentence scores at or above `veto`), and the sentences no
 * rule cited that score at or above `threshold`, with their features and probability. Only the
 * sentences the model may act on are scored.
 */
export function learnedSentences<T extends { readonly sources: readonly SourceRef[] }>(
  a: AnalysedArticle,
  rules: readonly T[],
  model: StatementModel,
): { kept: T[]; picked: Array<{ sentence: Sentence; p: number; features: readonly string[] }> } {
  const cited = new Set(rules.flatMap((x) => x.sources.map((r) => r.start)));
  const features = statementFeatures(a, (s) => !s.heading && (model.veto > 0 || !cited.has(s.start)));
  const p = features.map((f) => statementProbability(model, f));
  const at = new Map(a.sentences.map((s, i) => [s.start, i]));
  const kept = model.veto > 0 ? rules.filter((x) => x.sources.some((r) => (p[at.get(r.start) ?? -1] ?? 1) >= model.veto)) : [...rules];
  const picked = a.sentences.flatMap((s, i) => (s.heading || cited.has(s.start) || p[i]! < model.threshold ? [] : [{ sentence: s, p: p[i]!, features: features[i]! }]));
  return { kept, picked };
}
