import { z } from 'zod';

/**
 * Provenance: the exact sentence of an article a fact came from.
 * `article.text.slice(start, end) === sentence` always holds.
 */
export const SourceRefSchema = z.object({
  article: z.string(),
  sentence: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** 0 (a guess) … 1 (stated plainly). The review screen shows doubtful items first. */
export const ConfidenceSchema = z.number().min(0).max(1);

/**
 * Sources that disagree on one field of an item: e.g. who led a delegation, or a casualty
 * count. Each value keeps the sources that state it. The item's own field holds the value
 * the extractor prefers; the conflict keeps the others visible.
 */
export const ConflictSchema = z.object({
  field: z.string(),
  values: z.array(z.object({ value: z.string(), sources: z.array(SourceRefSchema) })),
});
export type Conflict = z.infer<typeof ConflictSchema>;

const itemBase = {
  /** Stable across runs: derived from content (section, normalised key), never random. */
  id: z.string().min(1),
  sources: z.array(SourceRefSchema),
  confidence: ConfidenceSchema,
  conflicts: z.array(ConflictSchema).default([]),
  /** Why the extractor proposed it: the names of the rules that produced it (shown in review). */
  rules: z.array(z.string()).optional(),
  /**
   * Set by applying the review overlay: true when the analyst accepted, edited or added the
   * item. Absent: nobody has reviewed it (a DRAFT document counts these).
   */
  reviewed: z.boolean().optional(),
};

export const PersonSchema = z.object({
  ...itemBase,
  /** The fullest form of the name seen ("Anatoly V. Gromenko"). */
  name: z.string(),
  /** Other forms seen: "Mr. Gromenko", "Anatoliy Gromenko". */
  variants: z.array(z.string()),
  /** Roles as the articles give them, most specific first. */
  roles: z.array(z.string()),
  /** Plain country or organisation name ("Ukraine", "United States"), or null. */
  party: z.string().nullable(),
});
export type Person = z.infer<typeof PersonSchema>;

export const DelegationMemberSchema = z.object({
  /** The Person this member is, when resolved. */
  personId: z.string().nullable(),
  name: z.string(),
  role: z.string().nullable(),
  leads: z.boolean(),
  sources: z.array(SourceRefSchema),
});
export type DelegationMember = z.infer<typeof DelegationMemberSchema>;

export const DelegationSchema = z.object({
  ...itemBase,
  party: z.string(),
  venue: z.string().nullable(),
  /** Date of the talks, YYYY-MM-DD, when known. */
  date: z.string().nullable(),
  members: z.array(DelegationMemberSchema),
});
export type Delegation = z.infer<typeof DelegationSchema>;

export const POSITION_KINDS = ['demand', 'condition', 'red-line', 'goal', 'offer', 'refusal', 'accusation'] as const;
export const PositionKindSchema = z.enum(POSITION_KINDS);
export type PositionKind = z.infer<typeof PositionKindSchema>;

export const PositionSchema = z.object({
  ...itemBase,
  party: z.string().nullable(),
  kind: PositionKindSchema,
  /** A short statement of the position, in the article's words where possible. */
  text: z.string(),
  speaker: z.string().nullable(),
});
export type Position = z.infer<typeof PositionSchema>;

export const OutlookSchema = z.object({
  ...itemBase,
  text: z.string(),
  /** Who said it: a name, a description ("a Ukrainian official"), or null for the article's own. */
  who: z.string().nullable(),
  /** The horizon in the article's words ("within weeks", "on Monday"), when given. */
  horizon: z.string().nullable(),
  /** The horizon resolved to a date (YYYY-MM-DD), when it can be. */
  date: z.string().nullable(),
});
export type Outlook = z.infer<typeof OutlookSchema>;

export const WEAPON_TYPES = ['drone', 'missile', 'guided bomb', 'bomb', 'artillery', 'rocket', 'airstrike', 'other'] as const;
export const WeaponTypeSchema = z.enum(WEAPON_TYPES);
export type WeaponType = z.infer<typeof WeaponTypeSchema>;

export const WeaponSchema = z.object({
  type: WeaponTypeSchema,
  count: z.number().int().nonnegative().nullable(),
  /** The words of the article ("guided aerial bombs", "Shahed drones"). */
  label: z.string(),
});
export type Weapon = z.infer<typeof WeaponSchema>;

export const AttackSchema = z.object({
  ...itemBase,
  attacker: z.string().nullable(),
  location: z.string().nullable(),
  /** The time in the article's words ("Saturday night"). */
  when: z.string().nullable(),
  /** `when` resolved against the publication date, YYYY-MM-DD. */
  date: z.string().nullable(),
  weapons: z.array(WeaponSchema),
  /** Lower bound where the article says "at least". */
  killed: z.number().int().nonnegative().nullable(),
  injured: z.number().int().nonnegative().nullable(),
  target: z.string().nullable(),
  /** Weapons shot down, when stated. */
  intercepted: z.number().int().nonnegative().nullable().default(null),
  /** True when the figures add up several days or strikes. */
  aggregate: z.boolean().default(false),
});
export type Attack = z.infer<typeof AttackSchema>;

/** Everything extracted from a set of articles, merged across them. */
export const FindingsSchema = z.object({
  people: z.array(PersonSchema),
  delegations: z.array(DelegationSchema),
  positions: z.array(PositionSchema),
  outlook: z.array(OutlookSchema),
  attacks: z.array(AttackSchema),
});
export type Findings = z.infer<typeof FindingsSchema>;

export const ITEM_SECTIONS = ['people', 'delegations', 'positions', 'outlook', 'attacks'] as const;
export type ItemSection = (typeof ITEM_SECTIONS)[number];
export type ItemOf<S extends ItemSection> = Findings[S][number];

export const emptyFindings = (): Findings => ({ people: [], delegations: [], positions: [], outlook: [], attacks: [] });
