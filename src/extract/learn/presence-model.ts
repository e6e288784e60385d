import presenceData from '../models/presence.json';
import type { Findings } from '../../model';
import type { AnalysedArticle } from '../types';
import { predict, type LogisticModel } from './logistic';
import { fromLearnedDetector, PRESENCE_SECTIONS, presenceFeatures, type PresenceSection } from './presence-features';

/**
 * The learned presence gate (src/extract/models/presence.json, written by
 * scripts/train-presence.ts): per section, P(the article reports that kind of fact at all) from
 * the article-level features of presence-features.ts. An article whose section has items but
 * scores below the section's threshold loses that section's items: the scorer counts a section
 * the gold leaves empty as 0 when the system has items, and leaves it out when both are empty.
 * Between that threshold and a second one (`weak`) the article keeps only the items a rule found.
 * Sections without a gate in the file are left as they are. Features are standardised with the
 * training articles' means and scales before the dot product; thresholds come from
 * cross-validation by article inside the training articles.
 */
export interface SectionGate extends LogisticModel {
  /** Below it the section's items are all dropped. */
  readonly threshold: number;
  /**
   * Below it (and at or above `threshold`) the evidence is weak: only the items a rule found
   * stay, those a learned detector added on its own are dropped (0: no such band).
   */
  readonly weak: number;
  /** Feature name → the training mean and scale it is standardised by. */
  readonly means: Readonly<Record<string, number>>;
  readonly scales: Readonly<Record<string, number>>;
}

export interface PresenceModel {
  readonly name: string;
  readonly sections: Readonly<Partial<Record<PresenceSection, SectionGate>>>;
}

export interface PresenceModelFile extends PresenceModel {
  readonly how: string;
  readonly trainingIds: readonly string[];
}

export const PRESENCE_MODEL: PresenceModel = presenceData as PresenceModelFile;

/** The standardised feature vector a gate reads (a feature the article lacks counts as 0). */
export function standardised(gate: SectionGate, features: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, m] of Object.entries(gate.means)) out.set(name, ((features.get(name) ?? 0) - m) / (gate.scales[name] || 1));
  return out;
}

/** P(the article reports the section) under its gate. */
export const presenceProbability = (gate: SectionGate, features: ReadonlyMap<string, number>): number => predict(gate, standardised(gate, features));

/**
 * Body sentences a text needs before the gate judges it: the gate weighs a whole news article
 * (shares of sentences, counts of items), and was trained on nothing shorter; a pasted paragraph
 * of a few sentences is left as it is.
 */
export const MIN_GATED_SENTENCES = 8;

/** The findings of one article with the sections its gates reject emptied; the rest as they were. */
export function gatePresence(a: AnalysedArticle, f: Findings, model: PresenceModel = PRESENCE_MODEL): Findings {
  const gated = PRESENCE_SECTIONS.filter((s) => model.sections[s] && f[s].length > 0);
  if (!gated.length || a.sentences.filter((s) => !s.heading).length < MIN_GATED_SENTENCES) return f;
  const features = presenceFeatures(a, f, gated);
  const out: Findings = { ...f };
  for (const s of gated) {
    const gate = model.sections[s]!;
    const p = presenceProbability(gate, features[s]!);
    if (p < gate.threshold) keepOnly(out, s, () => false);
    else if (p < gate.weak) keepOnly(out, s, (x) => !fromLearnedDetector(x));
  }
  return out;
}

/** Keeps the section's items that pass `keep`. */
function keepOnly(f: Findings, s: PresenceSection, keep: (x: { readonly rules?: readonly string[] }) => boolean): void {
  switch (s) {
    case 'positions':
      f.positions = f.positions.filter(keep);
      return;
    case 'outlook':
      f.outlook = f.outlook.filter(keep);
      return;
    case 'delegations':
      f.delegations = f.delegations.filter(keep);
      return;
    case 'attacks':
      f.attacks = f.attacks.filter(keep);
      return;
    case 'people':
      f.people = f.people.filter(keep);
      return;
    default: {
      const never: never = s;
      throw new Error(`unknown section ${String(never)}`);
    }
  }
}
