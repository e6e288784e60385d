/**
 * How a learned statement detector (positions, outlook) is fitted, shared by the script that
 * trains it (train-statements.ts) and the one that refits it inside each fold to give a later stage
 * held-out scores (train-presence.ts): L2 logistic regression over the sentence features of
 * src/extract/learn/statement-features.ts, words kept when seen in at least three of the training
 * articles, positives up-weighted to half the class ratio; label = the sentence holds a gold key phrase.
 */
import { train, type Example, type LogisticModel } from '../src/extract/learn/logistic';
import { LEXICAL_PREFIXES } from '../src/extract/learn/statement-features';
import type { StatementModel } from '../src/extract/learn/statement-model';

/** One sentence as training material. */
export interface SentenceRow {
  readonly features: readonly string[];
  readonly label: boolean;
  readonly heading: boolean;
}

const lexical = (f: string): boolean => LEXICAL_PREFIXES.some((p) => f.startsWith(p));

/** Words kept as features: those seen in at least three different articles. */
export function vocabulary(docs: ReadonlyArray<{ readonly rows: readonly SentenceRow[] }>): Set<string> {
  const seenIn = new Map<string, number>();
  for (const d of docs) for (const w of new Set(d.rows.flatMap((r) => r.features.filter(lexical)))) seenIn.set(w, (seenIn.get(w) ?? 0) + 1);
  return new Set([...seenIn].filter(([, n]) => n >= 3).map(([w]) => w));
}

export function fitStatementModel(docs: ReadonlyArray<{ readonly rows: readonly SentenceRow[] }>, l2: number): LogisticModel {
  const vocab = vocabulary(docs);
  const ok = (f: string): boolean => !lexical(f) || vocab.has(f);
  const examples: Example[] = docs.flatMap((d) => d.rows.filter((r) => !r.heading).map((r): Example => ({ features: r.features.filter(ok), label: r.label ? 1 : 0 })));
  const pos = examples.filter((e) => e.label === 1).length;
  return train(examples, { l2, epochs: 300, positiveWeight: Math.max(1, (examples.length - pos) / Math.max(1, pos) / 2) });
}

/** A shipped detector's policy (name, threshold, veto, penalty) with weights refitted on `docs`. */
export function refitted(shipped: StatementModel & { readonly l2: number }, docs: ReadonlyArray<{ readonly rows: readonly SentenceRow[] }>): StatementModel {
  const m = fitStatementModel(docs, shipped.l2);
  return { name: shipped.name, threshold: shipped.threshold, veto: shipped.veto, bias: m.bias, weights: m.weights };
}
