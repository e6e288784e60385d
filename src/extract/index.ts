import type { Article, CancelToken, Findings, Progress } from '../model';
import { emptyFindings } from '../model';

/**
 * Extraction entry points. STUB: the extraction issue replaces the body; the signatures
 * are what the CLI, the app and the tests call.
 */
export function extractArticle(article: Article): Findings {
  void article;
  return emptyFindings();
}

export interface ExtractOptions {
  readonly progress?: Progress;
  readonly cancel?: CancelToken;
}

/** Extracts every article and merges the results: one person per real person, conflicts kept. */
export function extractAll(articles: readonly Article[], options: ExtractOptions = {}): Findings {
  const per = articles.map((a, i) => {
    options.progress?.({ done: i, total: articles.length, label: a.title ?? a.id });
    return extractArticle(a);
  });
  return {
    people: per.flatMap((f) => f.people),
    delegations: per.flatMap((f) => f.delegations),
    positions: per.flatMap((f) => f.positions),
    outlook: per.flatMap((f) => f.outlook),
    attacks: per.flatMap((f) => f.attacks),
  };
}
