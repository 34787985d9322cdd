import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Service, servicePage } from './services.repository.js';

/**
 * Reads of the catalog for other modules (part of the service, docs/adr/0015): the needs matching
 * (docs/needs.md) ranks a platform's published services without naming the table.
 */

/** Every published service of the platform, by English name (a catalog holds hundreds, not millions). */
export async function publishedServicesOf(db: Kysely<DB>, platformId: string): Promise<Service[]> {
  return (
    await servicePage(db, { platformId, states: ['published'], terms: [] }, { page: 1, pageSize: 100_000 })
  ).rows;
}
