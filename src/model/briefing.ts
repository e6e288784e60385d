import { z } from 'zod';
import { ESTIMATIVE_WORDS, SECTION_IDS } from './briefing-vocabulary';

export { ESTIMATIVE_WORDS, SECTION_IDS, SECTION_TITLES, type EstimativeWord, type SectionId } from './briefing-vocabulary';

export const SectionIdSchema = z.enum(SECTION_IDS);

export const BriefingSchema = z.object({
  title: z.string().min(1).max(300),
  subtitle: z.string().max(300).nullable().default(null),
  /** YYYY-MM-DD */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  author: z.string().max(200).default(''),
  /** Handling marking printed in header and footer ("OFFICIAL", "INTERNAL — NOT FOR DISTRIBUTION"). */
  marking: z.string().max(120).default(''),
  sections: z.array(SectionIdSchema),
  templateId: z.string().min(1),
  /** Free text of the 'notes' section, paragraphs separated by blank lines. */
  notes: z.string().max(200_000).default(''),
  /**
   * The analyst's own bottom line: paragraphs separated by blank lines. When not empty it is
   * printed instead of the draft compose generates from the reviewed facts (`draftBottomLine`).
   */
  bottomLine: z.string().max(20_000).optional(),
  options: z
    .object({
      citations: z.enum(['footnotes', 'endnotes']).nullable().default(null),
      language: z.string().default('en-GB'),
      /**
       * What notes say: `quote` quotes the source sentence where it is first cited (later
       * citations of it reuse the note); `source` names only the numbered source. Default: the
       * template's (see BRIEFING_OPTION_DEFAULTS).
       */
      citationStyle: z.enum(['quote', 'source']).nullable().optional(),
      /**
       * Items the analyst has not reviewed: `draft` prints them and marks the document DRAFT
       * with their count; `accepted-only` leaves them out (a final product). Default `draft`.
       */
      unreviewed: z.enum(['draft', 'accepted-only']).optional(),
      /**
       * An ICD 203 estimative word the analyst chose for the outlook judgement in the bottom
       * line ("likely", "almost certainly" …); absent or null: no estimative language at all.
       */
      estimative: z.enum(ESTIMATIVE_WORDS).nullable().optional(),
    })
    .default({ citations: null, language: 'en-GB' }),
});
export type Briefing = z.infer<typeof BriefingSchema>;

/** The value each optional briefing option takes when the briefing leaves it out. */
export const BRIEFING_OPTION_DEFAULTS = { unreviewed: 'draft', estimative: null } as const;
