import { z } from 'zod';
import { decimal, money, OPEN_DATA_CUSTOM_FIELD } from './open-data.commongrants.js';
import type { projectItem } from './open-data.records.schema.js';

/**
 * A funded project as a CommonGrants award: the protocol's `AwardBase` (added in protocol version 0.4,
 * HHS/simpler-grants-protocol lib/core models/award.tsp) with `AwdStatus`, `AwdFunding`, `AwdTimeline`
 * and `OrgRefCollection`. Strict where the protocol is (the status, money, events and organisation
 * references allow no other property); the open-data test parses every exported award with it
 * (docs/open-data.md 'CommonGrants').
 */
const orgRef = z.strictObject({ id: z.uuid(), name: z.string().min(1) });
const dateRange = z.strictObject({
  name: z.string(),
  eventType: z.literal('dateRange'),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  description: z.string().optional(),
});
export const AWD_STATUSES = ['awarded', 'completed', 'cancelled', 'custom'] as const;
export const commonGrantsAward = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    status: z.strictObject({
      value: z.enum(AWD_STATUSES),
      customValue: z.string().optional(),
      description: z.string().optional(),
    }),
    funding: z
      .strictObject({
        details: z.string().optional(),
        requestedAmount: money.optional(),
        awardedAmount: money.optional(),
        disbursedAmount: money.optional(),
      })
      .optional(),
    keyDates: z.strictObject({ periodOfPerformance: dateRange.optional() }).optional(),
    recipientOrganizations: z
      .strictObject({ primary: orgRef, otherOrgs: z.record(z.string(), orgRef).optional() })
      .optional(),
    customFields: z.record(z.string(), OPEN_DATA_CUSTOM_FIELD).optional(),
    createdAt: z.iso.datetime(),
    lastModifiedAt: z.iso.datetime(),
  })
  .describe('A funded project as a CommonGrants AwardBase (protocol 0.4)');
export type CommonGrantsAward = z.infer<typeof commonGrantsAward>;

type Project = z.infer<typeof projectItem>;

/** Project states as the protocol's award statuses: funded and running, finished, or stopped. */
const STATUS: Record<string, { value: (typeof AWD_STATUSES)[number]; description: string }> = {
  approved: { value: 'awarded', description: 'Funded; the contract is being prepared' },
  contracting: { value: 'awarded', description: 'Funded; the contract is being signed' },
  in_progress: { value: 'awarded', description: 'Funded and under way' },
  interim_check: { value: 'awarded', description: 'Under way; at its interim check' },
  final_acceptance: { value: 'awarded', description: 'Work done; at final acceptance' },
  rectification: { value: 'awarded', description: 'At final acceptance; correcting findings' },
  closed: { value: 'completed', description: 'Accepted and closed' },
  evaluated: { value: 'completed', description: 'Closed and evaluated' },
  terminated: { value: 'cancelled', description: 'Terminated before completion' },
};

const orgName = (o: { nameZh: string | null; nameEn: string | null }) => o.nameEn || o.nameZh || '—';

/**
 * A project of the open `projects` dataset as a CommonGrants award. The protocol's texts are English;
 * the Chinese title and summary, the code, platform, unit, fields and each consortium member's funded
 * and co-funded amounts travel as custom fields, as the opportunities' do. `changedAt` is the record's
 * latest change in the open-data feed.
 */
export function projectAsAward(p: Project, changedAt: string): CommonGrantsAward {
  const status = STATUS[p.state] ?? {
    value: 'custom' as const,
    customValue: p.state,
    description: p.state === 'suspended' ? 'Suspended' : p.state,
  };
  const lead = p.leadOrganisation;
  const others = p.consortium.filter((m) => m.organisation.id !== lead?.id);
  const primary = lead ?? others.shift()?.organisation ?? null;
  const field = (name: string, fieldType: 'string' | 'array', value: unknown, description: string) =>
    value === null ? {} : { [name]: { name, fieldType, value, description } };
  const modified = new Date(changedAt).toISOString();
  const started = `${p.startsOn}T00:00:00.000Z`;
  return {
    id: p.id,
    title: p.titleEn || p.titleZh,
    description: p.summaryEn ?? p.summaryZh ?? (p.titleEn || p.titleZh),
    status,
    funding: {
      awardedAmount: { amount: decimal(p.budgetMinor, p.currency), currency: p.currency },
      details:
        "The project's approved budget; each member's funded and co-funded share is in customFields.consortium",
    },
    keyDates: {
      periodOfPerformance: {
        name: 'Period of performance',
        eventType: 'dateRange',
        startDate: p.startsOn,
        endDate: p.endsOn,
        description: 'The project period in its contract',
      },
    },
    ...(primary
      ? {
          recipientOrganizations: {
            primary: { id: primary.id, name: orgName(primary) },
            ...(others.length
              ? {
                  otherOrgs: Object.fromEntries(
                    others.map((m) => [
                      String(m.position),
                      { id: m.organisation.id, name: orgName(m.organisation) },
                    ]),
                  ),
                }
              : {}),
          },
        }
      : {}),
    customFields: {
      ...field('titleZh', 'string', p.titleZh, 'Title in Chinese'),
      ...field('summaryZh', 'string', p.summaryZh, 'Summary in Chinese'),
      ...field('code', 'string', p.code, "The platform's project code"),
      ...field(
        'platformId',
        'string',
        p.platformId,
        'The platform (Commonlab open data: /api/open/v1/platforms)',
      ),
      ...field('unitId', 'string', p.unitId, 'The unit (Commonlab open data: /api/open/v1/units)'),
      ...field(
        'fieldIds',
        'array',
        p.fieldIds,
        'Technology fields (Commonlab open data: /api/open/v1/fields)',
      ),
      ...field(
        'consortium',
        'array',
        p.consortium.map((m) => ({
          position: m.position,
          organisationId: m.organisation.id,
          role: m.role,
          funded: decimal(m.fundedMinor, p.currency),
          cofunding: decimal(m.cofundingMinor, p.currency),
          currency: p.currency,
        })),
        "Each member's funded and co-funded amount (decimal strings in the project's currency)",
      ),
    },
    // The open-data feed keeps no first-publication time: an award's record dates from its start.
    createdAt: started < modified ? started : modified,
    lastModifiedAt: modified,
  };
}
