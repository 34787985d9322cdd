import { z } from 'zod';
import { PROJECT_KINDS, PROJECT_STATES } from '../../../common/calls.js';
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
