import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { agreementsNamingUnit } from '../agreements/agreements.lookup.js';
import { instrumentsNamingUnit } from '../instruments/instruments.lookup.js';
import { disclosuresNamingUnit } from '../ip/ip.lookup.js';
import { evaluationRoundsNamingUnit } from '../lab-evaluations/lab-evaluations.lookup.js';
import { resultsNamingUnit } from '../results/results.lookup.js';
import { serviceRequestsNamingUnit, servicesNamingUnit } from '../services/services.lookup.js';

/**
 * The records that keep a unit from being deleted, read through their owners' lookups (part of the units
 * service; no SQL). The first three are counted in figures kept by unit (ADR 0043: ip_months with the
 * filings of a disclosure, agreement_months, receipt_months and the per-licence figures of an agreement,
 * result_years), and their `unit_id` is `ON DELETE SET NULL`, which no rollup sees: deleting the unit would
 * move the records to "no unit" and leave their figures under a unit that no longer exists. The unit stays
 * while they name it (the records keep the unit they were made in, as a report of past years expects); a
 * disclosure or a result can be moved to another unit first, an agreement's unit never changes.
 */
export const UNIT_REFERENCES: ReadonlyArray<{
  usedBy: string;
  count: (db: Kysely<DB>, unitId: string) => Promise<number>;
}> = [
  { usedBy: 'ip_disclosures', count: disclosuresNamingUnit },
  { usedBy: 'agreements', count: agreementsNamingUnit },
  { usedBy: 'results', count: resultsNamingUnit },
  // Kept by their foreign keys (ON DELETE RESTRICT): counted here so the answer is a 409 naming them, not
  // the database's refusal surfacing as a 500. Services and instruments are retired, never deleted; an
  // evaluation round keeps the units it evaluated.
  { usedBy: 'services', count: servicesNamingUnit },
  { usedBy: 'service_requests', count: serviceRequestsNamingUnit },
  { usedBy: 'instruments', count: instrumentsNamingUnit },
  { usedBy: 'lab_evaluation_rounds', count: evaluationRoundsNamingUnit },
];

/** The references to a unit, one entry per kind that names it, in the order above. */
export async function unitUsage(
  db: Kysely<DB>,
  unitId: string,
): Promise<Array<{ usedBy: string; count: number }>> {
  const out: Array<{ usedBy: string; count: number }> = [];
  for (const ref of UNIT_REFERENCES) {
    const count = await ref.count(db, unitId);
    if (count > 0) out.push({ usedBy: ref.usedBy, count });
  }
  return out;
}
