import data from '../models/delegations.json';
import { predict, type LogisticModel } from './logistic';
import type { PersonCase } from './delegation-features';

/**
 * The learned delegation detector as data (src/extract/models/delegations.json, written by
 * scripts/train-delegations.ts): P(member of a side's negotiating team) for a person, with the
 * threshold chosen by cross-validation by article inside the training articles, and how a
 * learned member is made a leader.
 */

/** How a learned member is judged to lead their team. */
export type LeaderRule =
  | { readonly kind: 'model'; readonly model: LogisticModel; readonly threshold: number }
  | { readonly kind: 'feature'; readonly features: readonly string[] }
  | { readonly kind: 'never' };

export interface DelegationModel {
  readonly member: LogisticModel;
  /** A person at or above it is a member (in an article where the rules found no team). */
  readonly threshold: number;
  readonly leader: LeaderRule;
  /** Where learned members are added: beside the rules' teams everywhere, or only in an article where the rules found no team. */
  readonly mode: 'union' | 'silent';
  /** In 'union' mode, the threshold beside the rules' teams (the rules' own finds make a learned one less needed); `threshold` when absent. */
  readonly besideRules?: number;
}

export interface DelegationModelFile extends DelegationModel {
  /** The features the model was offered (names or prefixes), the training articles and how it was made. */
  readonly features: readonly string[];
  readonly trainingIds: readonly string[];
  readonly made: string;
}

let loaded: DelegationModel | null = null;
/** The committed model, checked (on first use) for the shape the detector reads. */
export const delegationModel = (): DelegationModel => (loaded ??= checked(data as unknown as DelegationModelFile));

function checked(m: DelegationModelFile): DelegationModelFile {
  const ok = typeof m.member?.bias === 'number' && typeof m.threshold === 'number' && (m.mode === 'union' || m.mode === 'silent') && (m.besideRules === undefined || typeof m.besideRules === 'number') && ['model', 'feature', 'never'].includes(m.leader?.kind);
  if (!ok) throw new Error('src/extract/models/delegations.json: not a delegation model (retrain with scripts/train-delegations.ts)');
  return m;
}

/** Whether the member or leader model weighs any common-word feature (`w:`, `near:w:`). */
export function readsWords(m: DelegationModel): boolean {
  const isWord = (n: string): boolean => n.startsWith('w:') || n.startsWith('near:w:');
  return Object.keys(m.member.weights).some(isWord) || (m.leader.kind === 'model' && Object.keys(m.leader.model.weights).some(isWord));
}

export const memberProbability = (m: DelegationModel, c: PersonCase): number => predict(m.member, c.features);

/** The threshold a person's probability must reach, given whether the rules found a team in the article (null: no learned member at all). */
export function memberThreshold(m: DelegationModel, rulesFoundTeams: boolean): number | null {
  if (!rulesFoundTeams) return m.threshold;
  switch (m.mode) {
    case 'silent':
      return null;
    case 'union':
      return m.besideRules ?? m.threshold;
    default: {
      const never: never = m.mode;
      return never;
    }
  }
}

export function leads(m: DelegationModel, c: PersonCase): boolean {
  const rule = m.leader;
  switch (rule.kind) {
    case 'model':
      return predict(rule.model, c.features) >= rule.threshold;
    case 'feature':
      return rule.features.some((f) => (c.features.get(f) ?? 0) > 0);
    case 'never':
      return false;
    default: {
      const never: never = rule;
      return never;
    }
  }
}
