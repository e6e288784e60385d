/**
 * What identifies an article to extraction: its content id and the metadata extraction reads
 * (the publication date resolves "on Tuesday"; title, outlet and byline are in the findings'
 * sources). The extraction keeps each article's findings under this key, and the window sends
 * an article it sent before as this reference alone, without its text.
 */
import type { Article } from '../model';

export type ArticleKeyFields = Pick<Article, 'id' | 'published' | 'title' | 'outlet' | 'byline'>;

/**
 * An article the receiver holds already, named without its text. It carries the article's
 * `url` too (not part of the key: extraction does not read it), so that a project worker
 * holding the article takes a corrected link from the reference.
 */
export interface ArticleRef extends ArticleKeyFields {
  readonly ref: true;
  readonly url?: string | null;
}

export const articleKey = (a: ArticleKeyFields): string => JSON.stringify([a.id, a.published, a.title, a.outlet, a.byline]);

export const articleRef = (a: ArticleKeyFields & Pick<Article, 'url'>): ArticleRef => ({
  ref: true,
  id: a.id,
  published: a.published,
  title: a.title,
  outlet: a.outlet,
  byline: a.byline,
  ...(a.url !== undefined ? { url: a.url } : {}),
});
