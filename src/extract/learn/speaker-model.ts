import data from '../models/outlook-speaker.json';
import { predict, type LogisticModel } from './logistic';
import type { SpeakerCandidate } from './speaker-features';

/**
 * The learned speaker chooser as data (src/extract/models/outlook-speaker.json, written by
 * scripts/train-speaker.ts): P(this candidate is who says the statement) for each candidate of
 * learn/speaker-features.ts. Where the rules name no speaker, a none detector first tells the
 * article's own voice;
 * else the best candidate is taken when it scores at or above the threshold; otherwise the
 * attribution rules' answer stands. Regularisation and threshold are
 * chosen by cross-validation by article inside the training articles.
 */
export interface SpeakerModel {
  /** The ranker over named candidates. */
  readonly model: LogisticModel;
  readonly threshold: number;
  /** P(no one says it: the article's own voice) from the none candidate's features; at or above `threshold` the item has no speaker. */
  readonly none: { readonly model: LogisticModel; readonly threshold: number };
}

export interface SpeakerModelFile extends SpeakerModel {
  readonly how: string;
  readonly l2: number;
  readonly cv: { readonly rulesAccuracy: number; readonly modelAccuracy: number; readonly items: number; readonly noneAccuracy: number; readonly noneItems: number };
  readonly trainingIds: readonly string[];
}

function checked(m: SpeakerModelFile): SpeakerModelFile {
  if (typeof m.model?.bias !== 'number' || typeof m.threshold !== 'number' || typeof m.none?.model?.bias !== 'number') throw new Error('src/extract/models/outlook-speaker.json: not a speaker model (retrain with scripts/train-speaker.ts)');
  return m;
}

/** The committed model; null when the file holds none. */
export const OUTLOOK_SPEAKER_MODEL: SpeakerModel | null = (data as { model?: unknown }).model ? checked(data as unknown as SpeakerModelFile) : null;

/** None when the none detector says so; else the best named candidate, or `ruleWho` when none reaches the threshold. */
export function chooseSpeaker(m: SpeakerModel, cands: readonly SpeakerCandidate[], ruleWho: string | null): string | null {
  const none = cands.find((c) => c.name == null);
  // Only where the rules name no one: a speaker they found (a quote carried on, a source as subject) stands.
  if (ruleWho == null && none && predict(m.none.model, none.features) >= m.none.threshold) return null;
  let best: SpeakerCandidate | null = null;
  let bestP = -1;
  for (const c of cands) {
    if (c.name == null) continue;
    const p = predict(m.model, c.features);
    if (p > bestP) {
      bestP = p;
      best = c;
    }
  }
  return best && bestP >= m.threshold ? best.name : ruleWho;
}
