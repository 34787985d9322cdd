import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import {
  collaboratorOrgNamed,
  conflictsDeclaredAgainst,
  declaredConflictOrgNamed,
} from './experts.conflicts.repository.js';
import { expertIdOfPerson, peopleWithProfile } from './experts.repository.js';

/**
 * Reads of the expert database for the people directory (part of the service, docs/adr/0015): who is
 * an expert, and the declarations that keep a person on file; and for the organisation registry, the
 * expert records that name an organisation. It imports only the repositories, so the
 * people module, which experts.service calls, reads it without an import cycle.
 */

/** The people among these who have an expert profile. */
export const expertsAmong = (db: Kysely<DB>, personIds: readonly string[]): Promise<Set<string>> =>
  peopleWithProfile(db, personIds);

/** The person's expert profile id, if they have one. */
export const expertProfileOf = (db: Kysely<DB>, personId: string): Promise<string | null> =>
  expertIdOfPerson(db, personId);

/** How many conflicts of interest experts declared against the person. */
export const declaredConflictsAgainst = (db: Kysely<DB>, personId: string): Promise<number> =>
  conflictsDeclaredAgainst(db, personId);

/** Those of the organisations that an expert output lists as a collaborator. */
export const collaboratorOrganisation = (
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<Set<string>> => collaboratorOrgNamed(db, organisationIds);

/** Those of the organisations that an expert declared a conflict with. */
export const declaredConflictWith = (
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<Set<string>> => declaredConflictOrgNamed(db, organisationIds);
