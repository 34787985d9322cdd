import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { scorecardCountOfExpert, submittedSeatIds } from './scoring.repository.js';

/**
 * Reads of the scoring tables for other review steps. A file of its own (not scorecards.service.ts,
 * which imports runs/seats.service.ts) so the runs module reads it without an import cycle.
 */
export const submittedSeats = (db: Kysely<DB>, assignmentIds: readonly string[]): Promise<Set<string>> =>
  submittedSeatIds(db, assignmentIds);

/** How many scorecards the expert has (the people directory keeps a review history with its account). */
export const scorecardsOfExpert = (db: Kysely<DB>, expertId: string): Promise<number> =>
  scorecardCountOfExpert(db, expertId);
