import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requestNumbers } from './services.numbers.repository.js';
import { type Service, servicePage } from './services.repository.js';

/**
 * Reads of the catalog for other modules (part of the service, docs/adr/0015): the needs matching
 * (docs/needs.md) ranks a platform's published services without naming the table; the vouchers name
 * requests by their numbers.
 */

/** The human numbers of service requests by id (SR-2026-00042), for the voucher views and statement. */
export const serviceRequestNumbers = (db: Kysely<DB>, ids: readonly string[]) => requestNumbers(db, ids);

/** Every published service of the platform, by English name (a catalog holds hundreds, not millions). */
export async function publishedServicesOf(db: Kysely<DB>, platformId: string): Promise<Service[]> {
  return (
    await servicePage(db, { platformId, states: ['published'], terms: [] }, { page: 1, pageSize: 100_000 })
  ).rows;
}

/** The services and the service requests that keep a unit (the units module refuses to delete it). */
export { serviceCountOfUnit as servicesNamingUnit } from './services.repository.js';
export { requestCountOfUnit as serviceRequestsNamingUnit } from './services.requests.repository.js';
