import { z } from 'zod';

/** Sections a briefing can hold; the analyst picks any subset in any order. */
export const SECTION_IDS = [
  'bluf',
  'delegations',
  'positions',
  'outlook',
  'attacks',
  'people',
  'timeline',
  'disagreements',
  'sources',
  'notes',
] as const;
export const SectionIdSchema = z.enum(SECTION_IDS);
export type SectionId = z.infer<typeof SectionIdSchema>;

export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  bluf: 'Bottom line up front',
  delegations: 'Delegations',
  positions: 'Positions',
  outlook: 'Outlook',
  attacks: 'Attacks',
  people: 'People',
  timeline: 'Timeline',
  disagreements: 'Disagreements between sources',
  sources: 'Sources',
  notes: 'Analyst notes',
};

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
  options: z
    .object({
      citations: z.enum(['footnotes', 'endnotes']).nullable().default(null),
      language: z.string().default('en-GB'),
    })
    .default({ citations: null, language: 'en-GB' }),
});
export type Briefing = z.infer<typeof BriefingSchema>;
