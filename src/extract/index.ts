import type { Article, CancelToken, Findings, Person, Progress, SourceRef } from '../model';
import { BriefsmithError } from '../model';
import { analyseWithDelegations } from './analyse';
import { detectAttacks } from './attacks';
import { mergeFindings } from './merge';
import { personId } from './names';
import { detectOutlook } from './outlook';
import { detectPositions } from './positions';
import type { AnalysedArticle, ArticlePerson } from './types';

/**
 * Extraction entry points: `extractArticle` for one article, `extractAll` for several, merged
 * (one person per real person, one item per fact with all its sources, conflicts kept).
 */

export { analyseArticle } from './analyse';
export type { AnalysedArticle } from './types';

/** How sure a person is: a full name with a role is plain; a lone surname with a title less so. */
function personConfidence(p: ArticlePerson): number {
  const full = p.name.trim().split(/\s+/).length > 1;
  return Math.min(1, (full ? 0.8 : 0.6) + (p.roles.length ? 0.1 : 0) + (p.party ? 0.05 : 0) + (p.mentions.length > 1 ? 0.05 : 0));
}

function toPerson(a: AnalysedArticle, p: ArticlePerson): Person {
  const sources: SourceRef[] = [];
  for (const m of p.mentions) {
    const s = a.sentences[m.sentence];
    if (s && !sources.some((r) => r.start === s.start)) sources.push({ article: a.article.id, sentence: s.text, start: s.start, end: s.end });
  }
  return { id: personId(p.name), name: p.name, variants: [...p.variants], roles: [...p.roles], party: p.party, sources, confidence: personConfidence(p), conflicts: [] };
}

/** Everything found in one article (not merged with others). */
export function extractArticle(article: Article): Findings {
  const { analysed, delegations } = analyseWithDelegations(article);
  return {
    people: analysed.people.map((p) => toPerson(analysed, p)),
    delegations,
    positions: detectPositions(analysed),
    outlook: detectOutlook(analysed),
    attacks: detectAttacks(analysed),
  };
}

export interface ExtractOptions {
  readonly progress?: Progress;
  readonly cancel?: CancelToken;
}

/** Extracts every article and merges the results: one person per real person, conflicts kept. */
export function extractAll(articles: readonly Article[], options: ExtractOptions = {}): Findings {
  const per: Findings[] = [];
  articles.forEach((a, i) => {
    if (options.cancel?.cancelled) throw new BriefsmithError('cancelled', 'Extraction was cancelled.');
    options.progress?.({ done: i, total: articles.length, label: a.title ?? a.id });
    per.push(extractArticle(a));
  });
  options.progress?.({ done: articles.length, total: articles.length, label: 'merging' });
  return mergeFindings(per);
}
