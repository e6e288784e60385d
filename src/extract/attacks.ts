import type { Attack } from '../model';
import type { AnalysedArticle } from './types';

/** STUB: returns nothing yet; the extraction work replaces the body. */
export function detectAttacks(a: AnalysedArticle): Attack[] {
  void a;
  return [];
}
