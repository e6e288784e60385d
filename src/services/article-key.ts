/**
 * What identifies an article to extraction: its content id and the metadata extraction reads
 * (the publication date resolves "on Tuesday"; title, outlet and byline are in the findings'
 * sources). The extraction keeps each article's findings under this key, and the window sends
 * an article it sent before as this reference alone, without its text.
 */
import type { Article } from '../model';

export type ArticleKeyFields = Pick<Article, 'id' | 'published' | 'title' | 'outlet' | 'byline'>;

/** An article the extraction holds already, named without its text. */
export interface ArticleRef extends ArticleKeyFields {
  readonly ref: true;
}

export const articleKey = (a: ArticleKeyFields): string => JSON.stringify([a.id, a.published, a.title, a.outlet, a.byline]);

export const articleRef = (a: ArticleKeyFields): ArticleRef => ({ ref: true, id: a.id, published: a.published, title: a.title, outlet: a.outlet, byline: a.byline });
