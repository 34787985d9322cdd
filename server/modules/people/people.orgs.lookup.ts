import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { personIdsOfOrganisation } from './people.repository.js';

/**
 * The people of an organisation, for the organisation registry's keeping rule (part of the service,
 * docs/adr/0015, ADR 0013). It imports only the repository: the people service reads the registry,
 * so importing it from there would make an import cycle.
 */
export async function peopleOfOrganisation(db: Kysely<DB>, organisationId: string): Promise<string[]> {
  return (await personIdsOfOrganisation(db, organisationId).execute()).map((r) => r.id);
}
