import { z } from 'zod';

/** Where an article came from: a file the analyst opened, or text they pasted. */
export const ArticleOriginSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('file'),
    /** The path as the analyst gave it (absolute in the app, as typed on the CLI). */
    path: z.string(),
    /** The importer that read it. */
    format: z.enum(['txt', 'md', 'html', 'docx', 'pdf']),
  }),
  z.object({ kind: z.literal('paste') }),
]);
export type ArticleOrigin = z.infer<typeof ArticleOriginSchema>;

/**
 * One imported news article. `text` is normalised once on import (Unicode NFC, `\n` line
 * endings, no BOM); every offset anywhere in Briefsmith refers to this string, counted in
 * UTF-16 code units as JavaScript counts them.
 */
export const ArticleSchema = z.object({
  /** Stable id: derived from the text's content hash, so re-importing gives the same id. */
  id: z.string().min(1),
  title: z.string().nullable(),
  /** The publication ("The New York Times"), when the file shows it. */
  outlet: z.string().nullable(),
  /** Publication date as YYYY-MM-DD, when the file shows it. */
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  byline: z.string().nullable(),
  /** Where the article was published online, when the file or the analyst gives it. */
  url: z.string().max(2000).nullable().optional(),
  text: z.string(),
  origin: ArticleOriginSchema,
});
export type Article = z.infer<typeof ArticleSchema>;
