import type { PositionKind } from '../../model';

/**
 * General features of one position item for the learned kind model (learn/kind-model.ts): the
 * kind its cue gave (`cue:`), the rule that found it (`rule:`: a named frame of the lexicon, or
 * the learned detector), and the lower-case common words of its own text (`t:`), which carry the
 * act ("does not want", "only if", "accused", "ready to"), with a mark for a negation and for a
 * modal. No proper nouns or numbers: a capitalised word or a digit is never a feature. Which
 * words a model keeps is decided when it is trained (seen in at least three training articles).
 *
 * Cheap: the item's text split on spaces, no tagger.
 */

/** Prefix of the features that name a word (kept by the training only when seen in three articles or more). */
export const KIND_LEXICAL_PREFIX = 't:';

const WORD = /^[a-z][a-z'’-]{1,19}$/;
const NEGATION = new Set(['not', "n't", 'no', 'never', 'cannot', 'without', 'nor']);
const MODAL = new Set(['will', 'would', 'could', 'may', 'might', 'should', 'must', 'shall', 'can']);

export interface KindInput {
  readonly kind: PositionKind;
  readonly rules?: readonly string[];
  readonly text: string;
}

export function kindFeatures(item: KindInput): string[] {
  const f = new Set<string>([`cue:${item.kind}`, `rule:${item.rules?.[0] ?? 'none'}`]);
  const words = item.text.split(/[^A-Za-z'’-]+/).filter(Boolean);
  words.forEach((raw, i) => {
    let w = raw.replace(/’/g, "'");
    if (w.toLowerCase().endsWith("n't")) {
      f.add('tag:negation');
      w = w.slice(0, -3);
    }
    if (!WORD.test(w)) return;
    if (NEGATION.has(w)) f.add('tag:negation');
    if (MODAL.has(w)) f.add('tag:modal');
    f.add(`${KIND_LEXICAL_PREFIX}${w}`);
    if (i === 0) f.add(`first:${w}`);
  });
  return [...f];
}
