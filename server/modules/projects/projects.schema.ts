import { z } from 'zod';
import { COST_CATEGORIES, PROJECT_KINDS } from '../../../common/calls.js';
import { AMENDMENT_TIMELINE_ACTIONS } from '../../../common/projects.amendments.js';
import { PROJECT_ACTIONS, PROJECT_OUTCOMES, PROJECT_STATES } from '../../../common/projects.js';
import { fieldRefs, fieldSummary } from '../fields/fields.schema.js';
import { currencyCode } from '../platforms/platforms.schema.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();

/** An intramural project: a unit's own research, registered without any application step. */
export const registerProjectBody = z.strictObject({
  unitId: z.uuid(),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9_-]{0,39}$/, 'letters, digits, _ - (1–40 characters)'),
  titleZh: text(300),
  titleEn: text(300),
  summaryZh: text(20_000).nullable().optional(),
  summaryEn: text(20_000).nullable().optional(),
  /** Integer minor units of the currency. */
  budgetMinor: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** The platform's default currency when omitted. */
  currency: currencyCode.optional(),
  startsOn: isoDate,
  endsOn: isoDate,
  ...fieldRefs,
});
export type RegisterProjectInput = z.infer<typeof registerProjectBody>;

export const platformProjectsParams = z.strictObject({ platformId: z.uuid() });
export const projectIdParams = z.strictObject({ id: z.uuid() });

export const projectsQuery = z.strictObject({
  kind: z.enum(PROJECT_KINDS).optional(),
  state: z.enum(PROJECT_STATES).optional(),
  unitId: z.uuid().optional(),
  fieldId: z.uuid().optional(),
  /** Matches code or title (either language). */
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ProjectsQuery = z.infer<typeof projectsQuery>;

const named = z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string().nullable() });

export const projectView = z.object({
  id: z.uuid(),
  platformId: z.uuid(),
  unit: named.nullable(),
  kind: z.enum(PROJECT_KINDS),
  code: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  summaryZh: z.string().nullable(),
  summaryEn: z.string().nullable(),
  applicationId: z.string().nullable(),
  leadOrg: named.nullable(),
  budgetMinor: z.number().int(),
  currency: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  state: z.enum(PROJECT_STATES),
  /** passed | failed once closed */
  outcome: z.enum(PROJECT_OUTCOMES).nullable(),
  fields: z.array(fieldSummary),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProjectView = z.infer<typeof projectView>;

export const projectList = z.object({
  items: z.array(projectView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Units the caller may register intramural projects for (all for admins, their own for a director). */
  access: z.object({ registrableUnitIds: z.array(z.uuid()) }),
});
export type ProjectList = z.infer<typeof projectList>;

/** A state change of a project; some actions need a reason, closing needs the verdict. */
export const projectTransitionBody = z.strictObject({
  action: z.enum(PROJECT_ACTIONS),
  reason: text(2000).optional(),
  /** Only with action 'close': 结题 passed or failed. */
  outcome: z.enum(PROJECT_OUTCOMES).optional(),
});
export type ProjectTransitionInput = z.infer<typeof projectTransitionBody>;

export const projectTransitionView = z.object({
  id: z.uuid(),
  action: z.enum([...PROJECT_ACTIONS, 'create', ...AMENDMENT_TIMELINE_ACTIONS]),
  fromState: z.enum(PROJECT_STATES).nullable(),
  toState: z.enum(PROJECT_STATES),
  outcome: z.enum(PROJECT_OUTCOMES).nullable(),
  at: z.string(),
  actorLabel: z.string(),
  reason: z.string().nullable(),
});
export type ProjectTransitionView = z.infer<typeof projectTransitionView>;

/** Everything a project is made of besides its header, with the organisations named. */
export const projectDetail = projectView.extend({
  members: z.array(
    z.object({
      position: z.int(),
      organisation: named,
      role: z.string().nullable(),
      fundedMinor: z.int(),
      cofundingMinor: z.int(),
    }),
  ),
  budget: z.array(
    z.object({ organisationId: z.uuid(), category: z.enum(COST_CATEGORIES), amountMinor: z.int() }),
  ),
  objectives: z.array(
    z.object({ text: z.string(), indicators: z.array(z.object({ name: z.string(), target: z.string() })) }),
  ),
  milestones: z.array(z.object({ title: z.string(), workPackage: z.string().nullable(), dueOn: z.string() })),
  timeline: z.array(projectTransitionView),
  /** The moves the caller may make now (empty for those who may only read). */
  actions: z.array(z.enum(PROJECT_ACTIONS)),
});
export type ProjectDetail = z.infer<typeof projectDetail>;
