import data from '../models/side.json';
import { predict, type LogisticModel } from './logistic';
import type { SideCandidate } from './side-features';

/**
 * The learned side chooser as data (src/extract/models/side.json, written by
 * scripts/train-side.ts): P(this candidate is the person's side) for each (person, candidate)
 * pair. The best candidate is taken when it scores at or above the threshold; otherwise the
 * rule table's answer stands. In mode 'fill' the model only answers for people the rules left
 * without a side. Threshold, mode and regularisation are chosen by cross-validation by article
 * inside the training articles.
 */
export interface SideModel {
  readonly model: LogisticModel;
  readonly threshold: number;
  readonly mode: 'override' | 'fill';
}

export interface SideModelFile extends SideModel {
  readonly features: readonly string[];
  readonly trainingIds: readonly string[];
  readonly made: string;
}

function checked(m: SideModelFile): SideModelFile {
  const ok = typeof m.model?.bias === 'number' && typeof m.threshold === 'number' && (m.mode === 'override' || m.mode === 'fill');
  if (!ok) throw new Error('src/extract/models/side.json: not a side model (retrain with scripts/train-side.ts)');
  return m;
}

let loaded: SideModel | null | undefined;
/** The committed model (checked on first use); null when the file holds no model yet. */
export const sideModel = (): SideModel | null => {
  if (loaded === undefined) loaded = (data as { model?: unknown }).model ? checked(data as unknown as SideModelFile) : null;
  return loaded;
};

/** Runs `fn` with no side model (the rule table alone), as the trainer needs: its features must not depend on an earlier model. */
export function withoutSideModel<T>(fn: () => T): T {
  const saved = sideModel();
  loaded = null;
  try {
    return fn();
  } finally {
    loaded = saved;
  }
}

/** Each candidate's probability, in the candidates' order. */
export const sideProbabilities = (m: SideModel, cands: readonly SideCandidate[]): number[] => cands.map((c) => predict(m.model, c.features));

/** The side the model picks for a person, or the rule table's answer when it picks none. */
export function chooseSide(m: SideModel, cands: readonly SideCandidate[], ruleParty: string | null): string | null {
  if (m.mode === 'fill' && ruleParty) return ruleParty;
  let best: string | null = null;
  let bestP = -1;
  cands.forEach((c) => {
    const p = predict(m.model, c.features);
    if (p > bestP) {
      bestP = p;
      best = c.party;
    }
  });
  return best != null && bestP >= m.threshold ? best : ruleParty;
}
