import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Ctx } from '../../http/context.js';
import {
  type Person,
  peopleRowsByIds,
  peopleRowsOfUsers,
  personIdsNamed,
  personIdsOfOrganisation,
  personNameZhAt,
  personRowOfUser,
} from './people.repository.js';
import type { PersonView } from './people.schema.js';
import { peopleViews } from './people.service.js';

/**
 * Reads of the people directory for other modules (part of the service, docs/adr/0015): applications,
 * IP, experts and the importers name people without naming the table. These values carry contact
 * details: a caller that shows them to someone applies the directory's rules (personViewsByIds does).
 */
export type { Person };

/** The people by id (unknown ids are absent). */
export async function peopleByIds(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, Person>> {
  return new Map((await peopleRowsByIds(db, ids)).map((p) => [p.id, p]));
}

/** The person linked to the user account, if any. */
export async function personOfUser(db: Kysely<DB>, userId: string): Promise<Person | undefined> {
  return personRowOfUser(db, userId);
}

/** The people linked to the user accounts, by user id (accounts without a person are absent). */
export async function peopleOfUsers(
  db: Kysely<DB>,
  userIds: readonly string[],
): Promise<Map<string, Person>> {
  return new Map((await peopleRowsOfUsers(db, userIds)).map((p) => [p.userId!, p]));
}

/** The directory's views of the people by id, contact details as the actor may see them. */
export async function personViewsByIds(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  ids: readonly string[],
): Promise<PersonView[]> {
  return peopleViews(ctx, await peopleRowsByIds(ctx.db, ids));
}

/**
 * Fragments for another module's list of records that name a person in `personIdColumn`: filters by
 * the person's organisation and name (either language, literally), and the sort by Chinese name.
 */
export function personFilters(
  db: Kysely<DB>,
  personIdColumn: string,
  f: { organisationId?: string; named?: string },
) {
  return {
    ofOrganisation: f.organisationId ? personIdsOfOrganisation(db, f.organisationId) : undefined,
    named: f.named ? personIdsNamed(db, f.named) : undefined,
    sortName: personNameZhAt(db, personIdColumn),
  };
}
