import outlookData from '../models/outlook.json';
import positionsData from '../models/positions.json';
import { predict, type LogisticModel } from './logistic';

/**
 * The learned statement detectors as data (src/extract/models/{positions,outlook}.json, written
 * by scripts/train-statements.ts): P(a sentence states a position / an outlook) from the general
 * features of statement-features.ts. A sentence the rules left without an item gets a learned
 * item at or above `threshold`; a rule item in a sentence scored below `veto` is dropped.
 * Both levels were chosen by leave-one-article-out cross-validation inside the training articles.
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

export const statementProbability = (m: StatementModel, features: readonly string[]): number => predict(m, features);
