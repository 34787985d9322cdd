import { z } from 'zod';
import { FUNDING_SOURCES, RATING_DIMENSIONS, UNIT_KINDS } from '../../../common/platforms.js';
import { PLATFORM_MODELS } from '../../../common/roles.js';
import { composition } from '../committee/committee.schema.js';
import { fieldSummary } from '../fields/fields.schema.js';
import { unitPublic } from '../units/units.schema.js';
import { fundingTable, platformProfile } from './platforms.schema.js';

/** The public detail page: profile, funding, fields, units and the committee's composition. */
export const platformDetail = platformProfile.extend({
  funding: fundingTable,
  fields: z.array(fieldSummary),
  units: z.array(unitPublic),
  committeeComposition: composition,
  access: z.object({
    /** May edit the profile, funding, fields, units and committee. */
    canEdit: z.boolean(),
    /** Holds a role on the platform: may see its people (directors, staff, committee members). */
    canSeePeople: z.boolean(),
  }),
});

const year = z.coerce.number().int().min(1900).max(2100);
export const comparisonQuery = z.strictObject({
  /** First year of funding counted (inclusive); all years when omitted. */
  from: year.optional(),
  /** Last year of funding counted (inclusive). */
  to: year.optional(),
});

const sourceAmount = z.object({
  source: z.enum(FUNDING_SOURCES),
  amountMinor: z.number().int(),
  /** Fraction of the platform's total over the years counted (0–1); 0 when there is no funding. */
  share: z.number(),
});
export const comparisonItem = z.object({
  id: z.uuid(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  model: z.enum(PLATFORM_MODELS),
  country: z.string().nullable(),
  isIllustrative: z.boolean(),
  notes: z.string().nullable(),
  /** Government participation, 0–3 per dimension: the radar chart. */
  ratings: z.object({ funding: z.number().int(), rd: z.number().int(), management: z.number().int() }),
  /** Funding mix over the years counted, every source listed (0 when absent): the stacked bars. */
  funding: z.object({
    currency: z.string(),
    currencyDigits: z.number().int(),
    years: z.array(z.number().int()),
    bySource: z.array(sourceAmount),
    totalMinor: z.number().int(),
    /** Some of the amounts counted are illustrative rather than from a source. */
    hasIllustrative: z.boolean(),
  }),
  unitCount: z.number().int(),
  fields: z.array(fieldSummary),
});
export const comparison = z.object({
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  models: z.array(z.enum(PLATFORM_MODELS)),
  dimensions: z.array(z.enum(RATING_DIMENSIONS)),
  sources: z.array(z.enum(FUNDING_SOURCES)),
  items: z.array(comparisonItem),
});

export const NODE_KINDS = [
  'department',
  'platform',
  'unit',
  'committee',
  'appointer',
  'category',
  'funding_source',
] as const;
export const LINK_KINDS = ['supervises', 'comprises', 'evaluates', 'appoints', 'includes', 'funds'] as const;

const nodeBase = z.object({
  /** Stable and unique within the chart (ECharts uses it to match links). */
  id: z.string(),
  /** nameEn, else nameZh: what ECharts labels by default; the UI may show nameZh instead. */
  name: z.string(),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  kind: z.enum(NODE_KINDS),
  /** Committee categories: members serving; funding sources: amount in minor units for fundingYear. */
  value: z.number().optional(),
  unitKind: z.enum(UNIT_KINDS).optional(),
  /** Units: their director, for callers who may see people (null otherwise or when none). */
  director: z.object({ nameZh: z.string(), nameEn: z.string().nullable() }).nullable().optional(),
});
const leaf = nodeBase;
const level2 = nodeBase.extend({ children: z.array(leaf).optional() });
const level1 = nodeBase.extend({ children: z.array(level2).optional() });
const root = nodeBase.extend({ children: z.array(level1).optional() });
export type TreeNode = z.infer<typeof root>;

export const orgChart = z.object({
  platformId: z.uuid(),
  /** Latest year with funding recorded, or null. */
  fundingYear: z.number().int().nullable(),
  currency: z.string(),
  currencyDigits: z.number().int(),
  /** True when unit directors are included (the caller holds a role on the platform). */
  showsPeople: z.boolean(),
  /** ECharts `tree` series data: supervising department → platform → units and committee → categories and appointer. */
  tree: root,
  /** ECharts `graph` series: the same records plus the funding flows, as nodes and links. */
  graph: z.object({
    categories: z.array(z.object({ name: z.enum(NODE_KINDS) })),
    nodes: z.array(nodeBase.extend({ category: z.number().int() })),
    links: z.array(
      z.object({
        source: z.string(),
        target: z.string(),
        kind: z.enum(LINK_KINDS),
        value: z.number().optional(),
      }),
    ),
  }),
  committee: z.object({
    appointerZh: z.string().nullable(),
    appointerEn: z.string().nullable(),
    composition,
  }),
  funding: z.array(
    z.object({ source: z.enum(FUNDING_SOURCES), amountMinor: z.number().int(), isIllustrative: z.boolean() }),
  ),
});
export type OrgChart = z.infer<typeof orgChart>;
