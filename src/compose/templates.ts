/**
 * Briefing templates: data only (JSON files in `templates/`), validated once here. A template
 * decides the page, fonts, colours, title block, header and footer, the sections it offers and
 * their default order, the wording of generated sentences and how citations are printed.
 * Placeholders are logic-less: `{title}`, `{date}`, `{marking}`, `{author}`, `{page}`, `{pages}`,
 * and in wording patterns the names listed next to each pattern.
 */
import { z } from 'zod';
import { BriefsmithError, SECTION_IDS, SectionIdSchema } from '../model';
import { TEMPLATE_ID_PATTERN } from './template-id';

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');
const slots = z
  .object({ left: z.string().max(200).default(''), center: z.string().max(200).default(''), right: z.string().max(200).default('') })
  .strict();

export { TEMPLATE_ID_PATTERN };

/** Wording patterns for generated sentences. Names in braces are filled in by compose. */
export const WordingSchema = z
  .object({
    /** {parties} {venue} {date} — two or more parties met. */
    blufTalks: z.string().max(400).default('Delegations of {parties} met in {venue} on {date}.'),
    /** {parties} {date} — no venue known. */
    blufTalksNoVenue: z.string().max(400).default('Delegations of {parties} held talks on {date}.'),
    /** {party} {venue} {date} — one party's delegation only. */
    blufTalksOne: z.string().max(400).default('A delegation of {party} held talks in {venue} on {date}.'),
    /** {leaders} ("X for Kyrgyzstan and Y for Tajikistan") */
    blufLeaders: z.string().max(400).default('They were led by {leaders}.'),
    /** {venues} */
    blufOtherTalks: z.string().max(400).default('Other talks were reported in {venues}.'),
    /** {count} ("3 strikes were") {span} (" between 10 Oct 2026 and 12 Oct 2026") {toll} (", killing at least 4 and injuring at least 9") */
    blufAttacks: z.string().max(400).default('{count} reported{span}{toll}.'),
    /** {party} {kind} {text} — a position that does not read as a sentence after the party's name. */
    blufPosition: z.string().max(400).default('{party}’s {kind}: {text}.'),
    /** {judgement} {text} — the outlook sentence when the analyst chose an estimative word. */
    blufJudgement: z.string().max(400).default('We judge it {judgement} that this holds: {text}'),
    /** {count} {fields} */
    blufDisagreements: z.string().max(400).default('Sources disagree on {fields}.'),
    /** {count} {total} */
    draftBanner: z.string().max(200).default('DRAFT — {count} of {total} items not yet reviewed'),
    /** {count} */
    moreItems: z.string().max(200).default('{count} more in the full brief.'),
    /** {venue} {date} */
    delegationCaption: z.string().max(200).default('Talks in {venue}, {date}'),
    /** {date} — a meeting the sources do not date, by the day its first report was published. */
    reportedOn: z.string().max(200).default('reported {date}'),
    leaderMark: z.string().max(60).default('leads'),
    /** {who} {horizon} */
    outlookAttribution: z.string().max(200).default('{who}, {horizon}'),
    empty: z.string().max(200).default('Nothing reported in the sources.'),
    totalsCaption: z.string().max(200).default('Weapons used, totals by type'),
    chartTitle: z.string().max(200).default('Strikes reported per day'),
    /** {count} {figures} ("1 figure", "3 figures") */
    aggregateRemark: z.string().max(300).default('Totals leave out {figures} adding up several days or strikes.'),
    /** {count} — printed when two or more sources cover items and none disagree. */
    agreement: z.string().max(300).default('The sources agree on the {count} items that two or more of them report.'),
    agreementOne: z.string().max(300).default('The sources agree on the one item that two or more of them report.'),
    /** Kept for templates written before 0.2; no longer printed. */
    blufOutlook: z.string().max(400).optional(),
    articleVoice: z.string().max(60).optional(),
    notesEmpty: z.string().max(200).optional(),
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
        /** A font family name: letters, digits, spaces, dots, hyphens (it goes into CSS and XML). */
        family: z.string().min(1).max(64).regex(/^[\p{L}\p{N} ._-]+$/u, 'letters, digits, spaces, dots and hyphens only').default('Liberation Sans'),
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
    /**
     * Most items each section prints (bottom-line points, positions, outlook items, attack rows,
     * people, timeline rows, delegations); the rest are counted ("3 more in the full brief").
     */
    limits: z.partialRecord(SectionIdSchema, z.number().int().min(1).max(1000)).default({}),
    /** Pages the document should fit in; compose drops the least important items until its estimate fits. */
    pageBudget: z.number().int().min(1).max(500).nullable().default(null),
    /** What notes say by default: the quoted sentence, or only the source's number and name. */
    citationStyle: z.enum(['quote', 'source']).default('quote'),
    /** The source list as a table, or as a compact list (one-pagers). */
    sourcesLayout: z.enum(['table', 'list']).default('table'),
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
