/**
 * The workflow's decisions as pure functions, apart from the components (the way GitHub Desktop
 * keeps `lib/stores` apart from `ui/`): what an import adds and what it says, which articles to
 * extract after a removal or a re-import. `App.tsx` only runs them and dispatches the result.
 */
import type { Article } from '../../src/model';
import type { ImportReport } from '../../src/services/api';
import { articleLabel } from './review';

export interface ImportPlan {
  /** Articles new to the project, in the order they came. */
  readonly fresh: readonly Article[];
  /** Files whose text is already in the project (or earlier in the same batch). */
  readonly duplicates: number;
  /** The articles to extract: the project's and the new ones. */
  readonly extract: readonly Article[];
  /** The undo step's name, e.g. "Imported 20 new articles, 30 duplicates skipped". */
  readonly label: string;
  /** Said when nothing new came in (null otherwise). */
  readonly nothingNew: string | null;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function planImport(current: readonly Article[], report: Pick<ImportReport, 'articles'>): ImportPlan {
  const known = new Set(current.map((a) => a.id));
  const fresh: Article[] = [];
  for (const a of report.articles) {
    if (known.has(a.id)) continue;
    known.add(a.id);
    fresh.push(a);
  }
  const duplicates = report.articles.length - fresh.length;
  const dup = duplicates ? `${plural(duplicates, 'duplicate')} skipped` : '';
  return {
    fresh,
    duplicates,
    extract: [...current, ...fresh],
    label: `Imported ${plural(fresh.length, 'new article')}${dup ? `, ${dup}` : ''}`,
    nothingNew: fresh.length === 0 && report.articles.length > 0 ? `No new article: ${dup}.` : null,
  };
}

/** After removing an article: what is left to extract, and the undo step's name. */
export function planRemoval(current: readonly Article[], id: string): { extract: readonly Article[]; label: string } | null {
  const gone = current.find((a) => a.id === id);
  return gone ? { extract: current.filter((a) => a.id !== id), label: `Removed '${articleLabel(gone)}'` } : null;
}

/** After re-importing a file: the project's articles with the fresh one in the old one's place (no twice the same text). */
export function planReimport(current: readonly Article[], oldId: string, fresh: Article): readonly Article[] {
  return current.map((a) => (a.id === oldId ? fresh : a)).filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i);
}
