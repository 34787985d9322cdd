import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { listProjectRecords, type ProjectRecord } from './projects.repository.js';

/** The most projects a unit's portfolio reads; a unit of a platform has far fewer. */
const PORTFOLIO_LIMIT = 10_000;

/**
 * A unit's projects that ran at some time between two dates (start on or before the end, end on or
 * after the start), for the committee's evaluation of units (server/modules/lab-evaluations). No
 * authorization inside: the caller decided the unit may be evaluated.
 */
export async function unitProjectsBetween(
  db: Kysely<DB>,
  q: { platformId: string; unitId: string; startDate: string; endDate: string },
): Promise<ProjectRecord[]> {
  const { items } = await listProjectRecords(
    db,
    { platformId: q.platformId, unitId: q.unitId },
    { limit: PORTFOLIO_LIMIT, offset: 0 },
  );
  return items.filter((p) => p.startsOn <= q.endDate && p.endsOn >= q.startDate);
}
