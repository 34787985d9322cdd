import { z } from 'zod';
import { SPENDING_CATEGORIES } from '../../../common/projects.js';

/** Spending of a project (issue 13): per consortium member and 任务书 cost category. */
const money = z.int().min(1).max(Number.MAX_SAFE_INTEGER);

export const spendingBody = z.strictObject({
  organisationId: z.uuid(),
  category: z.enum(SPENDING_CATEGORIES),
  spentOn: z.iso.date(),
  /** Integer minor units (分), more than zero. */
  amountMinor: money,
  description: z.string().trim().min(1).max(500),
  /** The evidence's reference in the books (invoice or voucher number); the files are attached apart. */
  evidenceRef: z.string().trim().min(1).max(100).nullish(),
});
export type SpendingInput = z.infer<typeof spendingBody>;

export const spendingEntryView = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  category: z.enum(SPENDING_CATEGORIES),
  spentOn: z.string(),
  amountMinor: z.int(),
  description: z.string(),
  evidenceRef: z.string().nullable(),
  createdAt: z.string(),
});

export const budgetCellView = z.object({
  organisationId: z.uuid(),
  category: z.enum(SPENDING_CATEGORIES),
  plannedMinor: z.int(),
  spentMinor: z.int(),
  headroomMinor: z.int(),
});

export const spendingView = z.object({
  projectId: z.uuid(),
  currency: z.string(),
  /** Plan against actual per member × category, members in consortium order. */
  cells: z.array(budgetCellView),
  totals: z.object({ plannedMinor: z.int(), spentMinor: z.int() }),
  entries: z.array(spendingEntryView),
  access: z.object({ record: z.boolean() }),
});
export type SpendingView = z.infer<typeof spendingView>;
