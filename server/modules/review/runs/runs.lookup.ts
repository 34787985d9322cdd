/**
 * Reads of a call's review settings for other review modules (docs/adr/0015). It imports only the
 * repository, so the conflicts module, which settings.service.ts calls, reads it without a cycle.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { findSettings, seatCountOfExpert } from './runs.repository.js';

/** The conflict rule set the call's review settings chose, if it has settings. */
export async function ruleSetIdOfCall(db: Kysely<DB>, callId: string): Promise<string | undefined> {
  return (await findSettings(db, callId))?.rule_set_id;
}

/** How many seats the expert has held (the people directory keeps a review history with its account). */
export const seatsOfExpert = (db: Kysely<DB>, expertId: string): Promise<number> =>
  seatCountOfExpert(db, expertId);
