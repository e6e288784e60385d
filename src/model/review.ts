import { z } from 'zod';
import {
  AttackSchema,
  DelegationSchema,
  ITEM_SECTIONS,
  OutlookSchema,
  PersonSchema,
  PositionSchema,
} from './findings';

/**
 * The analyst's decisions, kept apart from the extracted findings so that re-extraction
 * never loses review work. Keys are item ids (stable across runs).
 */
export const DecisionSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('accepted') }),
  z.object({ status: z.literal('rejected') }),
  /** Edited fields replace the extracted ones; the item counts as accepted. */
  z.object({ status: z.literal('edited'), fields: z.record(z.string(), z.unknown()) }),
]);
export type Decision = z.infer<typeof DecisionSchema>;

export const ReviewSectionSchema = z.enum(ITEM_SECTIONS);

export const AddedItemSchema = z.discriminatedUnion('section', [
  z.object({ section: z.literal('people'), item: PersonSchema }),
  z.object({ section: z.literal('delegations'), item: DelegationSchema }),
  z.object({ section: z.literal('positions'), item: PositionSchema }),
  z.object({ section: z.literal('outlook'), item: OutlookSchema }),
  z.object({ section: z.literal('attacks'), item: AttackSchema }),
]);
export type AddedItem = z.infer<typeof AddedItemSchema>;

export const OverlaySchema = z.object({
  decisions: z.record(z.string(), DecisionSchema).default({}),
  added: z.array(AddedItemSchema).default([]),
  /** People the analyst merged: each group becomes one person (first id wins). */
  personMerges: z.array(z.array(z.string()).min(2)).default([]),
  /** People the analyst split: ids of people whose automatic merge is undone. */
  personSplits: z.array(z.string()).default([]),
});
export type Overlay = z.infer<typeof OverlaySchema>;

export const emptyOverlay = (): Overlay => ({ decisions: {}, added: [], personMerges: [], personSplits: [] });
