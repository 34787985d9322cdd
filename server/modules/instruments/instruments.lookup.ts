import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Instrument, instrumentPage } from './instruments.repository.js';

/**
 * Reads of the instruments for other modules (part of the service, docs/adr/0015): the needs matching
 * (docs/needs.md) ranks a platform's published instruments without naming the table.
 */

/** Every published instrument of the platform, by English name. */
export async function publishedInstrumentsOf(db: Kysely<DB>, platformId: string): Promise<Instrument[]> {
  return (
    await instrumentPage(db, { platformId, states: ['published'], terms: [] }, { page: 1, pageSize: 100_000 })
  ).rows;
}

/** The instruments that keep a unit (the units module refuses to delete a unit they name). */
export { instrumentCountOfUnit as instrumentsNamingUnit } from './instruments.repository.js';
