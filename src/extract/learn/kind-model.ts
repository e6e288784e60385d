import kindData from '../models/kind.json';
import { POSITION_KINDS, type PositionKind } from '../../model';
import { predict, type LogisticModel } from './logistic';
import { kindFeatures, type KindInput } from './kind-features';

/**
 * The learned kind of a position (src/extract/models/kind.json, written by scripts/train-kind.ts):
 * one logistic model per kind, one against the rest, over the general features of
 * learn/kind-features.ts; the kind whose model scores highest wins. It replaces the cue's kind only
 * when it scores at least a margin above it: `margins.learned` for the learned detector's items,
 * `margins.rules` for the cue rules' items (1 or more: never). Cross-validation inside the training
 * articles chose both.
 */
export interface KindModel {
  readonly name: string;
  readonly models: Readonly<Record<PositionKind, LogisticModel>>;
  readonly margins: { readonly learned: number; readonly rules: number };
}

export interface KindModelFile extends KindModel {
  readonly how: string;
  readonly l2: number;
  readonly cv: { readonly ruleKindAccuracy: number; readonly withModelAccuracy: number };
  readonly trainingIds: readonly string[];
}

export const KIND_MODEL: KindModel = kindData as KindModelFile;

/** Each kind's score for an item. */
export function kindScores(m: KindModel, item: KindInput): Record<PositionKind, number> {
  const f = kindFeatures(item);
  return Object.fromEntries(POSITION_KINDS.map((k) => [k, predict(m.models[k], f)])) as Record<PositionKind, number>;
}

/** True when the model may change the kind of some items. */
export const kindModelActive = (m: KindModel): boolean => m.margins.learned < 1 || m.margins.rules < 1;

/** The kind an item takes: the model's where it wins by the margin, else the cue's. */
export function kindOf(m: KindModel, item: KindInput, learned: boolean): PositionKind {
  const margin = learned ? m.margins.learned : m.margins.rules;
  if (margin >= 1) return item.kind;
  const s = kindScores(m, item);
  const best = POSITION_KINDS.reduce((x, y) => (s[y] > s[x] ? y : x));
  return s[best] - s[item.kind] >= margin ? best : item.kind;
}
