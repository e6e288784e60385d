import type { Article, CancelToken, Findings, Person, Progress, SourceRef } from '../model';
import { BriefsmithError } from '../model';
import { analyseWithDelegations } from './analyse';
import { checkBudget, withBudget } from './budget';
import { detectAttacks } from './attacks';
import { mergeFindings } from './merge';
import { personId } from './names';
import { detectOutlook } from './outlook';
import { detectPositions } from './positions';
import { gatePresence } from './learn/presence-model';
import { STATEMENT_MODELS, type StatementModels } from './learn/statement-model';
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

/**
 * Every section found in one article before the presence gate, with the analysis it came from;
 * `models` replace the shipped statement detectors (scripts/train-presence.ts refits them by fold).
 */
export function extractSections(article: Article, models: StatementModels = STATEMENT_MODELS): { analysed: AnalysedArticle; findings: Findings } {
  const { analysed, delegations } = analyseWithDelegations(article);
  checkBudget();
  const positions = detectPositions(analysed, models.positions);
  checkBudget();
  const outlook = detectOutlook(analysed, models);
  checkBudget();
  const findings = {
    people: analysed.people.map((p) => toPerson(analysed, p)),
    delegations,
    positions,
    outlook,
    attacks: detectAttacks(analysed),
  };
  return { analysed, findings };
}

/** Everything found in one article (not merged with others); a section the presence gate rejects is empty. */
export function extractArticle(article: Article): Findings {
  const { analysed, findings } = extractSections(article);
  return gatePresence(analysed, findings);
}

export interface ExtractOptions {
  readonly progress?: Progress;
  readonly cancel?: CancelToken;
  /** Time budget per article (default ARTICLE_BUDGET_MS in budget.ts); the cancel token is checked inside articles too. */
  readonly budgetMs?: number;
  /**
   * Called for an article over its time budget or the size extraction reads; the others go on.
   * Without it such an article throws a `BriefsmithError('too-large')` naming it.
   */
  readonly skipped?: (article: Article, error: BriefsmithError) => void;
}

/** Extracts every article and merges the results: one person per real person, conflicts kept. */
export function extractAll(articles: readonly Article[], options: ExtractOptions = {}): Findings {
  const per: Findings[] = [];
  const published: Array<string | null> = [];
  articles.forEach((a, i) => {
    if (options.cancel?.cancelled) throw new BriefsmithError('cancelled', 'Extraction was cancelled.');
    options.progress?.({ done: i, total: articles.length, label: a.title ?? a.id });
    const label = a.origin.kind === 'file' ? a.origin.path : (a.title ?? a.id);
    try {
      per.push(withBudget(label, a.text, { budgetMs: options.budgetMs, cancelled: () => !!options.cancel?.cancelled }, () => extractArticle(a)));
      published.push(a.published);
    } catch (e) {
      if (!(e instanceof BriefsmithError) || e.code !== 'too-large' || !options.skipped) throw e;
      options.skipped(a, e);
    }
  });
  options.progress?.({ done: articles.length, total: articles.length, label: 'merging' });
  return mergeFindings(per, undefined, published);
}
