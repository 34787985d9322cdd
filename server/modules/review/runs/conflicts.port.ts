import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { exclusionsOfPair, refreshCallConflicts } from '../conflicts/conflicts.engine.js';

/** The rules that exclude one pair of the call, with their evidence (as last stored). */
export { exclusionsOfPair };

/**
 * The excluded (expert, application) pairs of a call as `${expertId}|${applicationId}`, recomputed and
 * stored by the conflicts engine (server/modules/review/conflicts) under the call's rule set.
 */
export function excludedPairs(trx: Transaction<DB>, callId: string, now: Date): Promise<Set<string>> {
  return refreshCallConflicts(trx, callId, now);
}
