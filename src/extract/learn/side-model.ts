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
  readonly mode: SideMode;
}

/**
 * When the model's pick replaces the rules' answer: 'fill' only for people the rules leave
 * without a side; 'weak' also where the side came from a row that reads no words of the person's
 * own (the vote over their sentences, the article's home state, a team the delegations stage
 * gave, a companion's or principal's side); 'override' always.
 */
export type SideMode = 'fill' | 'weak' | 'override';
export const SIDE_MODES: readonly SideMode[] = ['fill', 'weak', 'override'];
/** Rows whose answer the model may replace in mode 'weak'. */
export const WEAK_ROWS: ReadonlySet<string> = new Set(['own-sentences', 'home-state', 'team', 'companion', 'principal']);

/** Whether the model's pick may replace the rules' answer (given by the row `ruleBy`) in mode `mode`. */
export function mayReplace(mode: SideMode, ruleParty: string | null, ruleBy: string | null): boolean {
  if (!ruleParty) return true;
  switch (mode) {
    case 'fill':
      return false;
    case 'weak':
      return ruleBy != null && WEAK_ROWS.has(ruleBy);
    case 'override':
      return true;
    default: {
      const never: never = mode;
      throw new Error(`unknown side mode ${String(never)}`);
    }
  }
}

export interface SideModelFile extends SideModel {
  readonly features: readonly string[];
  readonly trainingIds: readonly string[];
  readonly made: string;
}

function checked(m: SideModelFile): SideModelFile {
  const ok = typeof m.model?.bias === 'number' && typeof m.threshold === 'number' && SIDE_MODES.includes(m.mode);
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
export function chooseSide(m: SideModel, cands: readonly SideCandidate[], ruleParty: string | null, ruleBy: string | null = null): string | null {
  if (!mayReplace(m.mode, ruleParty, ruleBy)) return ruleParty;
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
