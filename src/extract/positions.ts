import type { Position } from '../model';
import type { AnalysedArticle } from './types';

/** STUB: returns nothing yet; the extraction work replaces the body. */
export function detectPositions(a: AnalysedArticle): Position[] {
  void a;
  return [];
}
