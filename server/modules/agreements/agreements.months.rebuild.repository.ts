import { type Kysely, sql } from 'kysely';
import { LICENSING_KINDS } from '../../../common/ip.js';
import type { DB } from '../../db/schema.js';
import {
  agreementMonthsPlatformOf,
  receiptMonthsPlatformOf,
} from './agreements.months.platform.repository.js';

// The agreements' monthly rollups (ADR 0043; platform-wide ones, ADR 0049 round 14) recounted from the
// records: the rebuilds' fill (migrations, bulk loads, after a hand repair) and the tests' recount.

/** The monthly receipt rows a platform's receipts add up to (the rebuild's fill and the tests' recount). */
export function receiptMonthsRecount(platformId: string) {
  return sql<Record<string, unknown>>`
    SELECT
      a.platform_id || '|' || coalesce(a.unit_id, '') || '|' || coalesce(a.field_id, '') || '|' || a.kind
        || '|' || coalesce(a.licence_kind, '') || '|' || r.category || '|' || substr(r.received_date, 1, 7)
        || '|' || r.currency AS key,
      a.platform_id, a.unit_id, a.field_id, a.kind, a.licence_kind, r.category,
      substr(r.received_date, 1, 7) AS month, r.currency, sum(r.amount_minor) AS amount_minor, count(*) AS receipts
    FROM receipts r JOIN agreements a ON a.id = r.agreement_id
    WHERE r.platform_id = ${platformId}
    GROUP BY a.platform_id, a.unit_id, a.field_id, a.kind, a.licence_kind, r.category,
      substr(r.received_date, 1, 7), r.currency`;
}

/**
 * Recomputes a platform's monthly receipt totals from its receipts: for receipts written straight into
 * the table in bulk (the demo loader, the benchmarks' generators) and to rebuild after a restore.
 */
export async function rebuildReceiptMonths(db: Kysely<DB>, platformId: string): Promise<void> {
  await db.deleteFrom('receipt_months').where('platform_id', '=', platformId).execute();
  await sql`INSERT INTO receipt_months (key, platform_id, unit_id, field_id, kind, licence_kind, category, month,
    currency, amount_minor, receipts) ${receiptMonthsRecount(platformId)}`.execute(db);
  await db.deleteFrom('receipt_months_platform').where('platform_id', '=', platformId).execute();
  await sql`INSERT INTO receipt_months_platform (key, platform_id, kind, licence_kind, category, month, currency,
    amount_minor, receipts) ${receiptMonthsPlatformRecount(platformId)}`.execute(db);
}

/** The platform-wide receipt rows (receipt_months summed over units and fields) a platform's receipts give. */
export const receiptMonthsPlatformRecount = (platformId: string) =>
  receiptMonthsPlatformOf(receiptMonthsRecount(platformId));

/** The monthly agreement rows a platform's agreements add up to (the rebuild's fill and the tests' recount). */
export function agreementMonthsRecount(platformId: string) {
  const cols = sql`platform_id, unit_id, field_id, kind, licence_kind, exclusivity, crada_class, currency`;
  const spanCols = sql`a.platform_id, a.unit_id, a.field_id, a.kind, a.licence_kind, a.exclusivity, a.crada_class,
    a.currency`;
  // Each licence's (and option's) first and last receipt, any category.
  const spans = sql`agreements a JOIN (
      SELECT agreement_id, min(received_date) AS first_receipt, max(received_date) AS last_receipt
      FROM receipts WHERE platform_id = ${platformId} GROUP BY agreement_id
    ) s ON s.agreement_id = a.id
    WHERE a.platform_id = ${platformId} AND a.kind IN (${sql.join([...LICENSING_KINDS])})`;
  const stop = sql`CASE WHEN termination_date IS NOT NULL AND (end_date IS NULL OR termination_date < end_date)
    THEN termination_date ELSE end_date END`;
  return sql<Record<string, unknown>>`
    SELECT
      e.platform_id || '|' || coalesce(e.unit_id, '') || '|' || coalesce(e.field_id, '') || '|' || e.kind
        || '|' || coalesce(e.licence_kind, '') || '|' || coalesce(e.exclusivity, '') || '|'
        || coalesce(e.crada_class, '') || '|' || e.month || '|' || e.currency AS key,
      e.platform_id, e.unit_id, e.field_id, e.kind, e.licence_kind, e.exclusivity, e.crada_class, e.month,
      e.currency, sum(e.executed) AS executed, sum(e.value_minor) AS value_minor, sum(e.ended) AS ended,
      sum(e.for_cause) AS for_cause, sum(e.first_receipts) AS first_receipts,
      sum(e.last_receipts) AS last_receipts
    FROM (
      SELECT ${cols}, substr(execution_date, 1, 7) AS month, 1 AS executed,
        coalesce(contract_value_minor, 0) AS value_minor, 0 AS ended, 0 AS for_cause, 0 AS first_receipts,
        0 AS last_receipts
      FROM agreements WHERE platform_id = ${platformId}
      UNION ALL
      SELECT ${cols}, substr(${stop}, 1, 7), 0, 0, 1, 0, 0, 0
      FROM agreements WHERE platform_id = ${platformId} AND (end_date IS NOT NULL OR termination_date IS NOT NULL)
      UNION ALL
      SELECT ${cols}, substr(termination_date, 1, 7), 0, 0, 0, 1, 0, 0
      FROM agreements
      WHERE platform_id = ${platformId} AND termination_reason = 'for_cause' AND termination_date IS NOT NULL
      UNION ALL
      SELECT ${spanCols}, substr(s.first_receipt, 1, 7), 0, 0, 0, 0, 1, 0 FROM ${spans}
      UNION ALL
      SELECT ${spanCols}, substr(s.last_receipt, 1, 7), 0, 0, 0, 0, 0, 1 FROM ${spans}
    ) e
    GROUP BY e.platform_id, e.unit_id, e.field_id, e.kind, e.licence_kind, e.exclusivity, e.crada_class,
      e.month, e.currency`;
}

/** Recomputes a platform's monthly agreement rows from its agreements (bulk loads; after a restore). */
export async function rebuildAgreementMonths(db: Kysely<DB>, platformId: string): Promise<void> {
  await db.deleteFrom('agreement_months').where('platform_id', '=', platformId).execute();
  await sql`INSERT INTO agreement_months (key, platform_id, unit_id, field_id, kind, licence_kind, exclusivity,
    crada_class, month, currency, executed, value_minor, ended, for_cause, first_receipts, last_receipts)
    ${agreementMonthsRecount(platformId)}`.execute(db);
  await db.deleteFrom('agreement_months_platform').where('platform_id', '=', platformId).execute();
  await sql`INSERT INTO agreement_months_platform (key, platform_id, kind, licence_kind, exclusivity, crada_class,
    month, currency, executed, value_minor, ended, for_cause, first_receipts, last_receipts)
    ${agreementMonthsPlatformRecount(platformId)}`.execute(db);
}

/** The platform-wide agreement rows (agreement_months summed over units and fields) a platform's agreements give. */
export const agreementMonthsPlatformRecount = (platformId: string) =>
  agreementMonthsPlatformOf(agreementMonthsRecount(platformId));
