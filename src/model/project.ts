import { z } from 'zod';
import { ArticleSchema } from './article';
import { BriefingSchema } from './briefing';
import { FindingsSchema } from './findings';
import { OverlaySchema } from './review';

export const PROJECT_FORMAT = 'briefsmith';
export const PROJECT_VERSION = 2;

/**
 * A `.briefsmith` project file: everything the analyst needs to pick up the work.
 * `findings` can be recomputed from the articles, but is saved so that a project opens
 * instantly and shows exactly what was reviewed.
 */
export const ProjectSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(PROJECT_VERSION),
  articles: z.array(ArticleSchema),
  findings: FindingsSchema,
  overlay: OverlaySchema,
  briefing: BriefingSchema,
});
export type Project = z.infer<typeof ProjectSchema>;
