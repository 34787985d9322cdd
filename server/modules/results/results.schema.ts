import { z } from 'zod';
import {
  LICENCE_EXCLUSIVITIES,
  LICENCE_KINDS,
  RESULT_STATES,
  RESULT_TYPES,
  RESULT_VISIBILITIES,
} from '../../../common/results.js';
import { fieldRefs, fieldSummary } from '../fields/fields.schema.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => text(max).nullable().optional();
const trl = z.number().int().min(1).max(9);

/** Everything a staff member edits on a result; technology-listing fields only for type "technology". */
const editable = {
  unitId: z.uuid().nullable().optional(),
  titleZh: text(300),
  titleEn: text(300),
  summaryZh: text(4000),
  summaryEn: text(4000),
  trl: trl.nullable().optional(),
  visibility: z.enum(RESULT_VISIBILITIES),
  year: z.number().int().min(1900).max(2100).nullable().optional(),
  /** DOI, standard number, SRM number, repository id… */
  identifier: optText(200),
  url: z.url().max(500).nullable().optional(),
  authors: optText(1000),
  problemZh: optText(4000),
  problemEn: optText(4000),
  advantageZh: optText(4000),
  advantageEn: optText(4000),
  economicsZh: optText(4000),
  economicsEn: optText(4000),
  applicationsZh: optText(4000),
  applicationsEn: optText(4000),
  ipStatusZh: optText(2000),
  ipStatusEn: optText(2000),
  licenceTypes: z.array(z.enum(LICENCE_EXCLUSIVITIES)).max(3).optional(),
  licenceKinds: z.array(z.enum(LICENCE_KINDS)).max(6).optional(),
  /** Marks invented demo records so nobody quotes them. */
  isIllustrative: z.boolean().optional(),
  ...fieldRefs,
};

export const createResultBody = z.strictObject({
  platformId: z.uuid(),
  type: z.enum(RESULT_TYPES),
  ...editable,
});
export type CreateResultInput = z.infer<typeof createResultBody>;

export const updateResultBody = z.strictObject({
  type: z.enum(RESULT_TYPES).optional(),
  ...editable,
  titleZh: editable.titleZh.optional(),
  titleEn: editable.titleEn.optional(),
  summaryZh: editable.summaryZh.optional(),
  summaryEn: editable.summaryEn.optional(),
  visibility: editable.visibility.optional(),
});
export type UpdateResultInput = z.infer<typeof updateResultBody>;

export const resultIdParams = z.strictObject({ id: z.uuid() });

const page = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
/** Filters shared by the staff list and the public search. */
const filters = {
  q: z.string().trim().max(200).optional(),
  type: z.enum(RESULT_TYPES).optional(),
  fieldId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  platformId: z.uuid().optional(),
  trlMin: z.coerce.number().int().min(1).max(9).optional(),
  trlMax: z.coerce.number().int().min(1).max(9).optional(),
  /** The result's year, from and to (inclusive): the analytics' drill-down opens the list with them. */
  yearFrom: z.coerce.number().int().min(1900).max(2200).optional(),
  yearTo: z.coerce.number().int().min(1900).max(2200).optional(),
};
export const publicSearchQuery = z.strictObject({ ...filters, ...page });
export type PublicSearchQuery = z.infer<typeof publicSearchQuery>;
export const staffListQuery = z.strictObject({
  ...filters,
  state: z.enum(RESULT_STATES).optional(),
  visibility: z.enum(RESULT_VISIBILITIES).optional(),
  ...page,
});
export type StaffListQuery = z.infer<typeof staffListQuery>;
export const exportQuery = z.strictObject({
  platformId: z.uuid().optional(),
  lang: z.enum(['zh-CN', 'en-US']).default('zh-CN'),
});

const named = z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string() });
export const trlView = z.object({ level: z.number().int(), zh: z.string(), en: z.string() });

/** What the public sees of a result (only public, published records ever take this shape). */
export const publicResultView = z.object({
  id: z.uuid(),
  type: z.enum(RESULT_TYPES),
  platform: named.extend({ code: z.string() }),
  unit: named.nullable(),
  fields: z.array(fieldSummary),
  titleZh: z.string(),
  titleEn: z.string(),
  summaryZh: z.string(),
  summaryEn: z.string(),
  trl: trlView.nullable(),
  year: z.number().int().nullable(),
  identifier: z.string().nullable(),
  url: z.string().nullable(),
  authors: z.string().nullable(),
  problemZh: z.string().nullable(),
  problemEn: z.string().nullable(),
  advantageZh: z.string().nullable(),
  advantageEn: z.string().nullable(),
  economicsZh: z.string().nullable(),
  economicsEn: z.string().nullable(),
  applicationsZh: z.string().nullable(),
  applicationsEn: z.string().nullable(),
  ipStatusZh: z.string().nullable(),
  ipStatusEn: z.string().nullable(),
  licenceTypes: z.array(z.enum(LICENCE_EXCLUSIVITIES)),
  licenceKinds: z.array(z.enum(LICENCE_KINDS)),
  isIllustrative: z.boolean(),
  publishedAt: z.string().nullable(),
});
export type PublicResultView = z.infer<typeof publicResultView>;

export const resultView = publicResultView.extend({
  visibility: z.enum(RESULT_VISIBILITIES),
  state: z.enum(RESULT_STATES),
  withdrawnAt: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  access: z.object({ canEdit: z.boolean(), canPublish: z.boolean() }),
});
export type ResultView = z.infer<typeof resultView>;

export const publicResultSummary = publicResultView.pick({
  id: true,
  type: true,
  platform: true,
  unit: true,
  fields: true,
  titleZh: true,
  titleEn: true,
  summaryZh: true,
  summaryEn: true,
  trl: true,
  year: true,
  isIllustrative: true,
});
export type PublicResultSummary = z.infer<typeof publicResultSummary>;

export const publicSearchView = z.object({
  items: z.array(publicResultSummary),
  /** The number of matches, exact (ADR 0038). */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The terms the query was segmented into (the same segmenter indexes the records). */
  terms: z.array(z.string()),
});

export const staffResultSummary = publicResultSummary.extend({
  visibility: z.enum(RESULT_VISIBILITIES),
  state: z.enum(RESULT_STATES),
  updatedAt: z.string(),
});
export const staffListView = z.object({
  items: z.array(staffResultSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Platforms where the caller may create results. */
  canCreateOn: z.array(z.uuid()),
});

const facet = z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string(), count: z.number().int() });
/** Filter options of the portal with counts of public, published results only. */
export const publicFiltersView = z.object({
  total: z.number().int(),
  types: z.array(z.object({ type: z.enum(RESULT_TYPES), count: z.number().int() })),
  platforms: z.array(facet),
  units: z.array(facet.extend({ platformId: z.uuid() })),
  fields: z.array(facet),
});
