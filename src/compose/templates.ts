/**
 * Briefing templates: data only (JSON files in `templates/`), validated once here. A template
 * decides the page, fonts, colours, title block, header and footer, the sections it offers and
 * their default order, the wording of generated sentences and how citations are printed.
 * Placeholders are logic-less: `{title}`, `{date}`, `{marking}`, `{author}`, `{page}`, `{pages}`,
 * and in wording patterns the names listed next to each pattern.
 */
import { z } from 'zod';
import { BriefsmithError, SECTION_IDS, SectionIdSchema } from '../model';

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');
const slots = z
  .object({ left: z.string().max(200).default(''), center: z.string().max(200).default(''), right: z.string().max(200).default('') })
  .strict();

export const TEMPLATE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Wording patterns for generated sentences. Names in braces are filled in by compose. */
export const WordingSchema = z
  .object({
    /** {parties} {venue} {date} {leaders} */
    blufTalks: z.string().default('Delegations of {parties} met in {venue} on {date}.'),
    /** {parties} */
    blufTalksNoVenue: z.string().default('Delegations of {parties} held talks.'),
    /** {count} {killed} {injured} {weapons} */
    blufAttacks: z.string().default('{count} attacks reported, killing at least {killed} and injuring {injured}; weapons: {weapons}.'),
    /** {party} {kind} {text} */
    blufPosition: z.string().default('{party} ({kind}): {text}'),
    /** {who} {text} {horizon} */
    blufOutlook: z.string().default('Outlook ({who}): {text}'),
    /** {count} {fields} */
    blufDisagreements: z.string().default('Sources disagree on {count} point(s): {fields}.'),
    /** {venue} {date} */
    delegationCaption: z.string().default('Talks in {venue}, {date}'),
    leaderMark: z.string().default('leads'),
    /** {who} {horizon} */
    outlookAttribution: z.string().default('{who}, {horizon}'),
    articleVoice: z.string().default('the article'),
    empty: z.string().default('Nothing reported in the sources.'),
    notesEmpty: z.string().default('No analyst notes.'),
    totalsCaption: z.string().default('Weapons used, totals by type'),
    chartTitle: z.string().default('Weapons reported, by type'),
    /** {count} */
    aggregateRemark: z.string().default('Totals leave out {count} figure(s) that add up several days or strikes.'),
  })
  .strict();
export type Wording = z.infer<typeof WordingSchema>;

export const TemplateSchema = z
  .object({
    id: z.string().regex(TEMPLATE_ID_PATTERN),
    name: z.string().min(1).max(80),
    description: z.string().max(400).default(''),
    /** Printed under the title ("Situation brief"). */
    kindLabel: z.string().max(80).default(''),
    page: z
      .object({
        size: z.enum(['A4', 'Letter']),
        /** Millimetres. */
        margins: z.object({ top: z.number().min(5).max(60), right: z.number().min(5).max(60), bottom: z.number().min(5).max(60), left: z.number().min(5).max(60) }).strict(),
      })
      .strict(),
    fonts: z
      .object({
        family: z.string().min(1).default('Liberation Sans'),
        body: z.number().min(7).max(16).default(10.5),
        small: z.number().min(6).max(14).default(9),
        note: z.number().min(6).max(12).default(8),
        title: z.number().min(12).max(48).default(24),
        subtitle: z.number().min(9).max(24).default(13),
        h1: z.number().min(10).max(28).default(15),
        h2: z.number().min(9).max(22).default(12.5),
        h3: z.number().min(8).max(18).default(11),
        lineHeight: z.number().min(1).max(2).default(1.3),
        paragraphSpacing: z.number().min(0).max(24).default(6),
      })
      .strict(),
    colours: z
      .object({
        text: colour.default('#1a1a1a'),
        accent: colour.default('#1f3a5f'),
        muted: colour.default('#5a6472'),
        rule: colour.default('#c5ccd6'),
        tableHeaderFill: colour.default('#1f3a5f'),
        tableHeaderText: colour.default('#ffffff'),
        tableStripe: colour.default('#f1f4f8'),
        marking: colour.default('#9b1c1c'),
        chartBar: colour.default('#2f6690'),
      })
      .strict(),
    titleBlock: z.enum(['cover', 'block']),
    toc: z.boolean(),
    header: slots,
    footer: slots,
    /** Default sections and their order when the analyst has not chosen. */
    sections: z.array(SectionIdSchema).min(1),
    /** Sections the template offers (the app lists these first). */
    offeredSections: z.array(SectionIdSchema).min(1),
    /** Sections printed as annexes (after a page break, titled "Annex A — …"). */
    annexes: z.array(SectionIdSchema).default([]),
    /** Headings that replace the model's default section titles. */
    sectionTitles: z.partialRecord(SectionIdSchema, z.string().min(1).max(120)).default({}),
    /** Defaults for a new briefing made with this template. */
    defaults: z
      .object({ title: z.string().min(1).max(300).default('Briefing'), marking: z.string().max(120).default('') })
      .strict()
      .default({ title: 'Briefing', marking: '' }),
    /** Whether the attacks section adds a table of weapon totals, and a chart of them. */
    attackTotals: z.boolean().default(true),
    charts: z.boolean().default(true),
    /** How many key points the bottom line gives (3–5). */
    blufPoints: z.number().int().min(3).max(5).default(5),
    wording: WordingSchema.default(WordingSchema.parse({})),
    citations: z.enum(['footnotes', 'endnotes']),
    notesTitle: z.string().default('Notes'),
    annexLabel: z.string().default('Annex'),
  })
  .strict()
  .superRefine((t, ctx) => {
    for (const s of t.sections)
      if (!t.offeredSections.includes(s)) ctx.addIssue({ code: 'custom', message: `its default sections name "${s}", which it does not offer`, path: ['sections'] });
  });
export type Template = z.infer<typeof TemplateSchema>;

/** Parse a template's JSON (text or already parsed); `id` names it in errors. */
export function parseTemplate(json: unknown, id: string): Template {
  let data: unknown = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (e) {
      throw new BriefsmithError('corrupt', `Template "${id}" is not valid JSON: ${(e as Error).message}`, id);
    }
  }
  const r = TemplateSchema.safeParse(data);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new BriefsmithError('invalid-input', `Template "${id}" is not a valid Briefsmith template: ${issues}`, id);
  }
  if (r.data.id !== id) throw new BriefsmithError('invalid-input', `Template "${id}" declares the id "${r.data.id}"; the id must match the file name.`, id);
  return r.data;
}

/** Every section id, for templates that offer all of them. */
export const ALL_SECTIONS = SECTION_IDS;
