import type { Kysely } from 'kysely';
import { camelRow } from '../../db/rows.js';
import type { DB } from '../../db/schema.js';
import { personIdsOfOrganisations } from './people.repository.js';

/**
 * The people of organisations, for the organisation registry's keeping rule (part of the service,
 * docs/adr/0015, ADR 0013). It imports only the repository: the people service reads the registry,
 * so importing it from there would make an import cycle.
 */
export async function peopleOfOrganisations(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<Array<{ personId: string; organisationId: string }>> {
  if (organisationIds.length === 0) return [];
  const rows = (await personIdsOfOrganisations(db, organisationIds).execute()).map(camelRow);
  return rows.map(({ id, organisationId }) => ({ personId: id, organisationId: organisationId! }));
}
