import { z } from 'zod';
import { PROJECT_KINDS } from '../../../common/calls.js';
import { HEALTH_FLAGS } from '../../../common/projects.health.js';
import { PROJECT_OUTCOMES, PROJECT_STATES } from '../../../common/projects.js';
import { REPORT_STATUSES } from '../../../common/projects.reports.js';

/** The portfolio (issue 13): every project the caller oversees with its health, for officers and supervisors. */
export const portfolioFilter = z.strictObject({
  /** Absent: every platform whose projects the caller reads in full. */
  platformId: z.uuid().optional(),
  state: z.enum(PROJECT_STATES).optional(),
  flag: z.enum(HEALTH_FLAGS).optional(),
  unitId: z.uuid().optional(),
});
export type PortfolioFilterInput = z.infer<typeof portfolioFilter>;

export const portfolioQuery = portfolioFilter.extend({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PortfolioQuery = z.infer<typeof portfolioQuery>;

const named = z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string().nullable() });

export const portfolioItem = z.object({
  id: z.uuid(),
  platformId: z.uuid(),
  unit: named.nullable(),
  kind: z.enum(PROJECT_KINDS),
  code: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  state: z.enum(PROJECT_STATES),
  outcome: z.enum(PROJECT_OUTCOMES).nullable(),
  flags: z.array(z.enum(HEALTH_FLAGS)),
  /** Indicators of the frozen 任务书; met as the latest check report judged them (null before any). */
  indicators: z.object({ met: z.int().nullable(), total: z.int() }),
  /** The approved plan (frozen 任务书 + approved 预算调剂) against the spending; null before the 任务书. */
  budget: z
    .object({
      currency: z.string(),
      plannedMinor: z.int(),
      spentMinor: z.int(),
      /** Spent as a share of the plan, in percent with one decimal (null for a plan of zero). */
      burnPercent: z.number().nullable(),
    })
    .nullable(),
  /** The earliest report of the schedule not yet submitted (overdue or due). */
  nextReport: z
    .object({
      kind: z.enum(['annual', 'interim', 'final']),
      dueOn: z.string(),
      status: z.enum(REPORT_STATUSES),
    })
    .nullable(),
});
export type PortfolioItem = z.infer<typeof portfolioItem>;

export const portfolioView = z.object({
  items: z.array(portfolioItem),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
  /**
   * Projects by state and flag over everything the filter matches (not only this page): a project with
   * two flags counts under each, one with none under `healthy`.
   */
  distribution: z.array(
    z.object({
      state: z.enum(PROJECT_STATES),
      flag: z.enum([...HEALTH_FLAGS, 'healthy']),
      count: z.int(),
    }),
  ),
});
export type PortfolioView = z.infer<typeof portfolioView>;
