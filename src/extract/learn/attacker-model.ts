import data from '../models/attacker.json';
import { predict, type LogisticModel } from './logistic';
import type { AttackerCandidate } from './attacker-features';

/**
 * The learned attacker chooser as data (src/extract/models/attacker.json, written by
 * scripts/train-attacker.ts): P(this candidate is the side that struck) for each (strike
 * record, candidate side) pair. A record the rules leave without an attacker takes the best
 * candidate when it scores at or above `fill`; a record with the rules' attacker takes another
 * candidate only in mode 'override', when it scores at or above `threshold` and beats the
 * rules' side by `margin`. Thresholds, margin, mode and regularisation are chosen by
 * cross-validation by article inside the training articles.
 */
export interface AttackerModel {
  readonly model: LogisticModel;
  readonly fill: number;
  readonly threshold: number;
  readonly margin: number;
  readonly mode: 'override' | 'fill';
}

export interface AttackerModelFile extends AttackerModel {
  readonly features: readonly string[];
  readonly trainingIds: readonly string[];
  readonly made: string;
}

function checked(m: AttackerModelFile): AttackerModelFile {
  const ok =
    typeof m.model?.bias === 'number' &&
    typeof m.fill === 'number' &&
    typeof m.threshold === 'number' &&
    typeof m.margin === 'number' &&
    (m.mode === 'override' || m.mode === 'fill');
  if (!ok) throw new Error('src/extract/models/attacker.json: not an attacker model (retrain with scripts/train-attacker.ts)');
  return m;
}

let loaded: AttackerModel | null | undefined;
/** The committed model (checked on first use); null when the file holds no model yet. */
export const attackerModel = (): AttackerModel | null => {
  if (loaded === undefined) loaded = (data as { model?: unknown }).model ? checked(data as unknown as AttackerModelFile) : null;
  return loaded;
};

/** Runs `fn` with no attacker model (the rules alone), as the trainer needs. */
export function withoutAttackerModel<T>(fn: () => T): T {
  const saved = attackerModel();
  loaded = null;
  try {
    return fn();
  } finally {
    loaded = saved;
  }
}

/** The side a setting picks for a record from its candidates' probabilities, or the rules' side. */
export function chooseAttacker(m: Omit<AttackerModel, 'model'>, cands: readonly AttackerCandidate[], probs: readonly number[], ruleParty: string | null): string | null {
  let best = -1;
  probs.forEach((p, k) => {
    if (best < 0 || p > probs[best]!) best = k;
  });
  if (best < 0) return ruleParty;
  const p = probs[best]!;
  const party = cands[best]!.party;
  if (!ruleParty) return p >= m.fill ? party : null;
  if (m.mode === 'fill' || party === ruleParty) return ruleParty;
  const ruleP = probs[cands.findIndex((c) => c.party === ruleParty)] ?? 0;
  return p >= m.threshold && p - ruleP >= m.margin ? party : ruleParty;
}

/** Each candidate's probability, in the candidates' order. */
export const attackerProbabilities = (m: AttackerModel, cands: readonly AttackerCandidate[]): number[] => cands.map((c) => predict(m.model, c.features));
