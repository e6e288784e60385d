import type { PositionKind } from '../../model';
import { inSpans, quotations } from '../clauses';
import { statementFeatures } from './statement-features';
import { anchorOf } from './item-anchor';
import type { AnalysedArticle, Sentence } from '../types';

/**
 * General features of one position item for the learned kind model (learn/kind-model.ts): the
 * kind its cue gave (`cue:`), the rule that found it (`rule:`: a named frame of the lexicon, or
 * the learned detector), and the lower-case common words of its own text (`t:`), which carry the
 * act ("does not want", "only if", "accused", "ready to"), with a mark for a negation and for a
 * modal. No proper nouns or numbers: a capitalised word or a digit is never a feature. Which
 * words a model keeps is decided when it is trained (seen in at least three training articles).
 *
 * The item's sentence adds context (`c:`, kindContext): the lexicon's tags of the whole sentence
 * (stance verbs by kind, speech verb, modal, negation, proposal noun, quotation, question), its
 * first verb, the two words before the item's own words, and whether those stand in a quotation.
 *
 * Cheap: the item's text split on spaces and the sentence features the analysis already holds.
 */

/** Prefixes of the features that name a word (kept by the training only when seen in three articles or more). */
export const KIND_LEXICAL_PREFIXES = ['t:', 'first:', 'c:v:', 'c:pre:'] as const;
export const isKindLexical = (f: string): boolean => KIND_LEXICAL_PREFIXES.some((p) => f.startsWith(p));

const WORD = /^[a-z][a-z'’-]{1,19}$/;
const NEGATION = new Set(['not', "n't", 'no', 'never', 'cannot', 'without', 'nor']);
const MODAL = new Set(['will', 'would', 'could', 'may', 'might', 'should', 'must', 'shall', 'can']);

export interface KindInput {
  readonly kind: PositionKind;
  readonly rules?: readonly string[];
  readonly text: string;
  /** Features of the item's sentence (kindContext), absent for an item seen alone. */
  readonly context?: readonly string[];
}

/** The sentence features kept as context: tags and shapes, and the first verb. */
const CONTEXT_TAG = /^(?:tag:|shape:quote$|shape:question$|party:subject$|person:subject$|v:)/;

/** The context features of an item of sentence `s` whose text is `text`. */
export function kindContext(a: AnalysedArticle, s: Sentence, text: string): string[] {
  const built = a.statementFeatures?.[s.index] ?? statementFeatures(a, (x) => x === s)[s.index] ?? [];
  const out = built.filter((f) => CONTEXT_TAG.test(f) && !f.includes('&')).map((f) => `c:${f}`);
  const at = anchorOf(s, text);
  const before = s.text.slice(0, at - s.start).toLowerCase().match(/[a-z][a-z'’-]*/g) ?? [];
  for (const w of before.slice(-2)) if (WORD.test(w)) out.push(`c:pre:${w.replace(/’/g, "'")}`);
  if (inSpans(quotations(s), at)) out.push('c:in-quote');
  return out;
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
    f.add(`t:${w}`);
    if (i === 0) f.add(`first:${w}`);
  });
  for (const c of item.context ?? []) f.add(c);
  return [...f];
}
