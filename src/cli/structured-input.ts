/**
 * Reads a structured-data file — the output of `briefsmith extract --json`, perhaps edited by
 * hand — back into articles and findings, so that extract → edit → build works without the app.
 * The file is outside data: it is validated here, once, and every problem is reported with
 * its JSON path.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  BriefsmithError,
  POSITION_KINDS,
  WEAPON_TYPES,
  type Article,
  type Findings,
  type SourceRef,
} from '../model';

const Ref = z.object({
  article: z.string(),
  sentence: z.string(),
  start: z.number().int().nonnegative().nullish(),
  end: z.number().int().nonnegative().nullish(),
});
const refs = z.array(Ref).default([]);
/** What the sources disagree on (written by `extract --json`); kept so the briefing still shows it. */
const conflicts = z.array(z.object({ field: z.string().min(1), values: z.array(z.object({ value: z.string(), sources: refs })) })).default([]);
/** Set when the analyst reviewed the item; absent means not reviewed (a DRAFT counts these). */
const reviewed = z.boolean().optional();
const nstr = z.string().nullish().transform((v) => v ?? null);
const ncount = z.number().int().nonnegative().nullish().transform((v) => v ?? null);

export const StructuredDataSchema = z.object({
  articles: z
    .array(
      z.object({
        id: z.string().min(1),
        path: nstr,
        title: nstr,
        source: nstr,
        published: nstr,
        url: nstr,
      }),
    )
    .default([]),
  people: z
    .array(z.object({ name: z.string().min(1), variants: z.array(z.string()).default([]), role: nstr, party: nstr, sources: refs, conflicts, reviewed }))
    .default([]),
  delegations: z
    .array(
      z.object({
        party: z.string().min(1),
        venue: nstr,
        date: nstr,
        members: z.array(z.object({ name: z.string().min(1), role: nstr, leads: z.boolean().default(false) })).default([]),
        sources: refs,
        conflicts,
        reviewed,
      }),
    )
    .default([]),
  positions: z
    .array(z.object({ party: nstr, kind: z.enum(POSITION_KINDS), text: z.string().default(''), speaker: nstr, sources: refs, conflicts, reviewed }))
    .default([]),
  outlook: z.array(z.object({ text: z.string().default(''), who: nstr, horizon: nstr, date: nstr, sources: refs, conflicts, reviewed })).default([]),
  attacks: z
    .array(
      z.object({
        attacker: nstr,
        location: nstr,
        when: nstr,
        date: nstr,
        weapons: z.array(z.object({ type: z.enum(WEAPON_TYPES), count: ncount, label: nstr })).default([]),
        killed: ncount,
        injured: ncount,
        intercepted: ncount,
        target: nstr,
        aggregate: z.boolean().default(false),
        sources: refs,
        conflicts,
        reviewed,
      }),
    )
    .default([]),
});
export type StructuredData = z.infer<typeof StructuredDataSchema>;

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);
const toRef = (r: z.infer<typeof Ref>): SourceRef => ({
  article: r.article,
  sentence: r.sentence,
  start: r.start ?? 0,
  end: r.end ?? (r.start ?? 0) + r.sentence.length,
});

/** Parses the JSON text of a structured-data file; throws BriefsmithError('invalid-input') naming the file. */
export function parseStructuredData(json: string, file: string): { articles: Article[]; findings: Findings } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new BriefsmithError('invalid-input', `${file}: not valid JSON (${(e as Error).message}).`, file);
  }
  const parsed = StructuredDataSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    throw new BriefsmithError('invalid-input', `${file}: ${where}: ${issue.message}. Expected the output of \`briefsmith extract --json\`.`, file);
  }
  return fromStructuredData(parsed.data);
}

/** Converts validated structured data into the core's model. Ids are content-derived, so a rebuild gives the same ids. */
export function fromStructuredData(d: StructuredData): { articles: Article[]; findings: Findings } {
  const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);
  const articles: Article[] = d.articles.map((a) => ({
    id: a.id,
    title: a.title,
    outlet: a.source,
    published: date(a.published),
    byline: null,
    text: '',
    origin: a.path ? { kind: 'file', path: a.path, format: 'txt' } : { kind: 'paste' },
    ...(a.url ? { url: a.url } : {}),
  }));
  // Confidence 1: the file is the analyst's word. Conflicts and the review flag come back as written.
  const item = (i: { conflicts: z.infer<typeof conflicts>; reviewed?: boolean }) => ({
    confidence: 1,
    conflicts: i.conflicts.map((c) => ({ field: c.field, values: c.values.map((v) => ({ value: v.value, sources: v.sources.map(toRef) })) })),
    ...(i.reviewed !== undefined ? { reviewed: i.reviewed } : {}),
  });
  const findings: Findings = {
    people: d.people.map((p) => ({
      ...item(p),
      id: `person:${hash(p.name)}`,
      name: p.name,
      variants: p.variants,
      roles: p.role ? [p.role] : [],
      party: p.party,
      sources: p.sources.map(toRef),
    })),
    delegations: d.delegations.map((g, i) => ({
      ...item(g),
      id: `delegation:${hash(`${g.party}|${i}`)}`,
      party: g.party,
      venue: g.venue,
      date: date(g.date),
      members: g.members.map((m) => ({ personId: null, name: m.name, role: m.role, leads: m.leads, sources: [] })),
      sources: g.sources.map(toRef),
    })),
    positions: d.positions.map((p, i) => ({
      ...item(p),
      id: `position:${hash(`${p.kind}|${p.text}|${i}`)}`,
      party: p.party,
      kind: p.kind,
      text: p.text || p.sources[0]?.sentence || '',
      speaker: p.speaker,
      sources: p.sources.map(toRef),
    })),
    outlook: d.outlook.map((o, i) => ({
      ...item(o),
      id: `outlook:${hash(`${o.text}|${i}`)}`,
      text: o.text || o.sources[0]?.sentence || '',
      who: o.who,
      horizon: o.horizon,
      date: date(o.date),
      sources: o.sources.map(toRef),
    })),
    attacks: d.attacks.map((a, i) => ({
      ...item(a),
      id: `attack:${hash(`${a.location}|${a.when}|${i}`)}`,
      attacker: a.attacker,
      location: a.location,
      when: a.when,
      date: date(a.date),
      weapons: a.weapons.map((w) => ({ type: w.type, count: w.count, label: w.label ?? w.type })),
      killed: a.killed,
      injured: a.injured,
      target: a.target,
      intercepted: a.intercepted,
      aggregate: a.aggregate,
      sources: a.sources.map(toRef),
    })),
  };
  return { articles, findings };
}
