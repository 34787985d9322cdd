import { z } from 'zod';
import {
  FILING_STATUSES,
  FILING_TYPES,
  IP_KINDS,
  OTHER_IP_KINDS,
  OTHER_IP_STATUSES,
} from '../../../common/ip.js';

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
/** Jurisdiction: ISO 3166 alpha-2, or WO (PCT) / EP (European Patent Office). */
const jurisdiction = z.string().regex(/^[A-Z]{2}$/, 'a two-letter office code such as US, CN, EP, WO');

export const inventorInput = z.strictObject({
  personId: z.uuid().nullable().optional(),
  /** Defaults to the person's name when personId is given. */
  name: text(200).optional(),
  /** Percent with at most two decimals; the inventors' shares sum to 100. */
  sharePct: z.number().positive().max(100).multipleOf(0.01),
});

export const createDisclosureBody = z.strictObject({
  refNo: text(60),
  title: text(500),
  ipKind: z.enum(IP_KINDS),
  receivedDate: isoDate,
  unitId: z.uuid().nullable().optional(),
  fieldId: z.uuid().nullable().optional(),
  fundingSource: text(300).nullable().optional(),
  /** Publication, sale or public use: starts the statutory bar. */
  firstPublicDisclosureDate: isoDate.nullable().optional(),
  inventors: z.array(inventorInput).min(1).max(50),
});
export type CreateDisclosureInput = z.infer<typeof createDisclosureBody>;

export const updateDisclosureBody = createDisclosureBody.partial().strict();
export type UpdateDisclosureInput = z.infer<typeof updateDisclosureBody>;

export const createFilingBody = z.strictObject({
  jurisdiction,
  filingType: z.enum(FILING_TYPES),
  /** The filing this one claims priority from or continues (same disclosure); sets the family. */
  parentFilingId: z.uuid().nullable().optional(),
  applicationNumber: text(60).nullable().optional(),
  publicationNumber: text(60).nullable().optional(),
  patentNumber: text(60).nullable().optional(),
  filingDate: isoDate,
  /** Defaults to the parent's priority date, or the filing date for a first filing. */
  priorityDate: isoDate.optional(),
  publicationDate: isoDate.nullable().optional(),
  grantDate: isoDate.nullable().optional(),
  status: z.enum(FILING_STATUSES).optional(),
});
export type CreateFilingInput = z.infer<typeof createFilingBody>;

export const updateFilingBody = z.strictObject({
  applicationNumber: text(60).nullable().optional(),
  publicationNumber: text(60).nullable().optional(),
  patentNumber: text(60).nullable().optional(),
  filingDate: isoDate.optional(),
  publicationDate: isoDate.nullable().optional(),
  grantDate: isoDate.nullable().optional(),
  status: z.enum(FILING_STATUSES).optional(),
});
export type UpdateFilingInput = z.infer<typeof updateFilingBody>;

export const createOtherAssetBody = z.strictObject({
  kind: z.enum(OTHER_IP_KINDS),
  title: text(500),
  jurisdiction,
  disclosureId: z.uuid().nullable().optional(),
  registrationNumber: text(60).nullable().optional(),
  filingDate: isoDate.nullable().optional(),
  registrationDate: isoDate.nullable().optional(),
  status: z.enum(OTHER_IP_STATUSES).optional(),
});
export type CreateOtherAssetInput = z.infer<typeof createOtherAssetBody>;

export const platformParams = z.strictObject({ platformId: z.uuid() });
export const idParams = z.strictObject({ id: z.uuid() });

export const listQuery = z.strictObject({
  /** Matches the reference number or title. */
  q: z.string().trim().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListQuery = z.infer<typeof listQuery>;
/** Filings also by grant date (the analytics' patents granted per year drill into it). */
export const filingListQuery = listQuery.extend({
  grantedFrom: isoDate.optional(),
  grantedTo: isoDate.optional(),
});
export type FilingListQuery = z.infer<typeof filingListQuery>;

export const docketQuery = z.strictObject({
  /** Deadlines due on or after this day; default today minus 90 days (to show what is overdue). */
  from: isoDate.optional(),
  /** Deadlines due on or before this day; default `from` plus 2 years. */
  to: isoDate.optional(),
});

export const inventorView = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  name: z.string(),
  sharePct: z.number(),
});

export const filingView = z.object({
  id: z.uuid(),
  platformId: z.uuid(),
  disclosureId: z.uuid(),
  familyId: z.string(),
  parentFilingId: z.uuid().nullable(),
  jurisdiction: z.string(),
  filingType: z.enum(FILING_TYPES),
  applicationNumber: z.string().nullable(),
  publicationNumber: z.string().nullable(),
  patentNumber: z.string().nullable(),
  filingDate: z.string(),
  priorityDate: z.string(),
  publicationDate: z.string().nullable(),
  grantDate: z.string().nullable(),
  status: z.enum(FILING_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FilingView = z.infer<typeof filingView>;

export const disclosureSummary = z.object({
  id: z.uuid(),
  platformId: z.uuid(),
  refNo: z.string(),
  title: z.string(),
  ipKind: z.enum(IP_KINDS),
  receivedDate: z.string(),
  unitId: z.uuid().nullable(),
  fieldId: z.uuid().nullable(),
  fundingSource: z.string().nullable(),
  firstPublicDisclosureDate: z.string().nullable(),
  filingCount: z.number().int(),
  grantedCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const disclosureView = disclosureSummary.extend({
  inventors: z.array(inventorView),
  filings: z.array(filingView),
});
export type DisclosureView = z.infer<typeof disclosureView>;
export const disclosureList = z.object({ items: z.array(disclosureSummary), total: z.number().int() });
export const filingList = z.object({ items: z.array(filingView), total: z.number().int() });

export const otherAssetView = z.object({
  id: z.uuid(),
  platformId: z.uuid(),
  disclosureId: z.uuid().nullable(),
  kind: z.enum(OTHER_IP_KINDS),
  title: z.string(),
  jurisdiction: z.string(),
  registrationNumber: z.string().nullable(),
  filingDate: z.string().nullable(),
  registrationDate: z.string().nullable(),
  status: z.enum(OTHER_IP_STATUSES),
  createdAt: z.string(),
});
export type OtherAssetView = z.infer<typeof otherAssetView>;
export const otherAssetList = z.object({ items: z.array(otherAssetView), total: z.number().int() });

export const DOCKET_RULES = [
  'us_nonprovisional_12m',
  'pct_national_phase_30m',
  'us_maintenance_3_5y',
  'us_maintenance_7_5y',
  'us_maintenance_11_5y',
  'cn_annual_fee',
] as const;
export const docketEntry = z.object({
  filingId: z.uuid(),
  disclosureId: z.uuid(),
  disclosureRefNo: z.string(),
  jurisdiction: z.string(),
  applicationNumber: z.string().nullable(),
  patentNumber: z.string().nullable(),
  rule: z.enum(DOCKET_RULES),
  /** The n-th CN annual fee (patent year), null for other rules. */
  feeYear: z.number().int().nullable(),
  dueDate: z.string(),
  /** Days from today (negative: overdue). */
  daysLeft: z.number().int(),
  overdue: z.boolean(),
});
export type DocketEntry = z.infer<typeof docketEntry>;
export const docketView = z.object({ from: z.string(), to: z.string(), items: z.array(docketEntry) });
