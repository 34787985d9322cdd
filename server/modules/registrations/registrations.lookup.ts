import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { undecidedRegistrationOf } from './registrations.repository.js';

/**
 * What the sign-in reads of registrations (auth.service): the newest registration of a user name that
 * is an e-mail address and not yet decided, with the hash of the password chosen for it, so that the
 * sign-in can tell its owner — and only someone who knows that password — why it does not open yet.
 * Imports only its repository, so auth and registrations make no import cycle.
 */
export async function undecidedRegistration(
  db: Kysely<DB>,
  username: string,
): Promise<{ state: 'unverified' | 'pending'; passwordHash: string } | undefined> {
  const r = await undecidedRegistrationOf(db, username.trim().toLowerCase());
  if (!r || (r.state !== 'unverified' && r.state !== 'pending')) return undefined;
  return { state: r.state, passwordHash: r.passwordHash };
}
