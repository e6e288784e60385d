import type { Article, SourceRef } from '../model';
import type { NumberSpan } from './numbers';

/**
 * Shapes shared by the extraction stages. The pipeline is:
 *   sentences → parties → people → (delegations, positions, outlook, attacks) → merge
 * Each stage is a pure function of an AnalysedArticle (plus the word classes in lexicon/).
 */

/** One word or punctuation mark, with its part of speech from wink-nlp (UD tags: PROPN, NOUN, VERB...). */
export interface Token {
  readonly text: string;
  /** Offsets in the article text: `article.text.slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
  readonly pos: string;
}

/** One sentence (or heading line) of an article; `article.text.slice(start, end) === text`. */
export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Index of the paragraph (line block) it belongs to. */
  readonly paragraph: number;
  /** A line without final punctuation that stands alone: a heading or dateline. */
  readonly heading: boolean;
  /** Its tokens (absent only in sentences built by hand, e.g. in tests). */
  readonly tokens?: readonly Token[];
}

/** A span of the article text that names a party: "Kyiv", "the Kremlin", "Russian", "Ukraine's". */
export interface PartyMention {
  /** Canonical party name, as the JSON contract wants it: "Ukraine", "Russia", "United States". */
  readonly party: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly sentence: number;
  /** How it was named: the country's name, a demonym ("Ukrainian"), a capital or seat ("Kyiv", "Kremlin"), another name ("U.S."), or an organisation. */
  readonly kind?: 'name' | 'demonym' | 'capital' | 'alias' | 'organisation';
}

/** One place a person is named or referred to ("Olena Marchuk", "Ms. Marchuk", "the minister"). */
export interface PersonMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly sentence: number;
}

/** A person as seen within one article, before merging across articles. */
export interface ArticlePerson {
  /** Key unique within the article (normalised full name). */
  readonly key: string;
  readonly name: string;
  readonly variants: readonly string[];
  readonly roles: readonly string[];
  readonly party: string | null;
  readonly mentions: readonly PersonMention[];
}

/** An article with the shared analysis every later stage reads. */
export interface AnalysedArticle {
  readonly article: Article;
  readonly sentences: readonly Sentence[];
  readonly parties: readonly PartyMention[];
  readonly people: readonly ArticlePerson[];
  /** Every number of the text as a span with its value ("two dozen" = 24, a range's lower bound); built once in analyse.ts. */
  readonly numbers?: readonly NumberSpan[];
  /**
   * The learned statement detectors' features of every sentence, by sentence index
   * (learn/statement-features.ts); built once in analyse.ts and read by both the positions and the
   * outlook detectors. Absent in articles analysed by hand (tests): then computed where needed.
   */
  readonly statementFeatures?: ReadonlyArray<readonly string[]>;
}

/** Provenance of a fact that stands in one sentence. */
export const refOf = (a: AnalysedArticle, s: Sentence): SourceRef => ({
  article: a.article.id,
  sentence: s.text,
  start: s.start,
  end: s.end,
});
