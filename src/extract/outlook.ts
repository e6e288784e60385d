import type { Outlook } from '../model';
import type { AnalysedArticle } from './types';

/** STUB: returns nothing yet; the extraction work replaces the body. */
export function detectOutlook(a: AnalysedArticle): Outlook[] {
  void a;
  return [];
}
