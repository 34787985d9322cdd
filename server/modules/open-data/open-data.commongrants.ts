import { z } from 'zod';
import { currencyDigits } from '../../../common/platforms.js';
import type { callItem } from './open-data.records.schema.js';

/**
 * The CommonGrants protocol (HHS/simpler-grants-protocol) shape of a funding opportunity
 * (`OpportunityBase` with `OppStatus`, `OppFunding`, `OppTimeline`, `Money`, `SingleDateEvent` and
 * `CustomField`), so other grant systems read the platform's calls without a converter. Strict where
 * the protocol is (`OppStatus` allows no other property); the open-data schema test parses every
 * exported opportunity with it (docs/open-data.md).
 */
export const money = z.strictObject({
  amount: z.string().regex(/^-?\d+(\.\d+)?$/),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
const singleDate = z.object({
  name: z.string(),
  eventType: z.literal('singleDate'),
  date: z.iso.date(),
  time: z.iso.time({ precision: 0 }).optional(),
  description: z.string().optional(),
});
const customField = z.object({
  name: z.string(),
  fieldType: z.enum(['string', 'number', 'integer', 'boolean', 'object', 'array']),
  schema: z.string().optional(),
  value: z.unknown(),
  description: z.string().optional(),
});
/** The protocol's `CustomField`, shared by opportunities and awards. */
export const OPEN_DATA_CUSTOM_FIELD = customField;
export const OPP_STATUSES = ['forecasted', 'open', 'closed', 'custom'] as const;
export const commonGrantsOpportunity = z
  .object({
    id: z.uuid(),
    title: z.string(),
    status: z.strictObject({
      value: z.enum(OPP_STATUSES),
      customValue: z.string().optional(),
      description: z.string().optional(),
    }),
    description: z.string(),
    funding: z
      .object({
        details: z.string().optional(),
        totalAmountAvailable: money.optional(),
        minAwardAmount: money.optional(),
        maxAwardAmount: money.optional(),
        minAwardCount: z.number().int().optional(),
        maxAwardCount: z.number().int().optional(),
        estimatedAwardCount: z.number().int().optional(),
      })
      .optional(),
    keyDates: z.object({ postDate: singleDate.optional(), closeDate: singleDate.optional() }).optional(),
    source: z.url().optional(),
    customFields: z.record(z.string(), customField).optional(),
    createdAt: z.iso.datetime(),
    lastModifiedAt: z.iso.datetime(),
  })
  .describe('A call as a CommonGrants OpportunityBase');
export type CommonGrantsOpportunity = z.infer<typeof commonGrantsOpportunity>;

type Call = z.infer<typeof callItem>;

/** Minor units as the protocol's decimal string ("1000000.00"). */
export const decimal = (minor: number, currency: string) => {
  const digits = currencyDigits(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
};

const DESCRIPTIONS = {
  forecasted: 'Published; applications open later',
  open: 'Accepting applications',
  closed: 'No longer accepting applications',
} as const;

/**
 * A public call (its open-data record) as a CommonGrants opportunity. The status follows the call's
 * dates at `now` (published and not yet open: forecasted; open until its deadline; later: closed). The
 * protocol's texts are English; the Chinese title and summary and the platform's own ids travel as
 * custom fields.
 */
export function callAsOpportunity(c: Call, now: Date, publicUrl: string): CommonGrantsOpportunity {
  const at = now.toISOString();
  const value: keyof typeof DESCRIPTIONS =
    c.state === 'published' && at < c.opensAt
      ? 'forecasted'
      : c.state === 'published' && at < c.closesAt
        ? 'open'
        : 'closed';
  const text = (name: string, v: string | null, description: string) =>
    v === null ? {} : { [name]: { name, fieldType: 'string' as const, value: v, description } };
  return {
    id: c.id,
    title: c.titleEn || c.titleZh,
    status: { value, description: DESCRIPTIONS[value] },
    description: c.summaryEn ?? c.summaryZh ?? c.titleEn,
    funding: {
      totalAmountAvailable: { amount: decimal(c.budgetTotalMinor, c.currency), currency: c.currency },
      maxAwardAmount: { amount: decimal(c.ceilingMinor, c.currency), currency: c.currency },
    },
    keyDates: {
      postDate: {
        name: 'Opening date',
        eventType: 'singleDate',
        date: c.opensAt.slice(0, 10),
        time: c.opensAt.slice(11, 19),
        description: 'Applications open (UTC)',
      },
      closeDate: {
        name: 'Deadline',
        eventType: 'singleDate',
        date: c.closesAt.slice(0, 10),
        time: c.closesAt.slice(11, 19),
        description: 'Applications close (UTC)',
      },
    },
    source: `${publicUrl.replace(/\/$/, '')}/calls/${c.id}`,
    customFields: {
      ...text('titleZh', c.titleZh, 'Title in Chinese'),
      ...text('summaryZh', c.summaryZh, 'Summary in Chinese'),
      code: { name: 'code', fieldType: 'string', value: c.code, description: "The platform's call code" },
      platformId: {
        name: 'platformId',
        fieldType: 'string',
        value: c.platformId,
        description: 'The platform (Commonlab open data: /api/open/v1/platforms)',
      },
      fieldIds: {
        name: 'fieldIds',
        fieldType: 'array',
        value: c.fieldIds,
        description: 'Technology fields (Commonlab open data: /api/open/v1/fields)',
      },
    },
    createdAt: new Date(c.publishedAt ?? c.opensAt).toISOString(),
    lastModifiedAt: new Date(c.closedAt ?? c.publishedAt ?? c.opensAt).toISOString(),
  };
}
