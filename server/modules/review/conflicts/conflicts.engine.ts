/**
 * The conflict engine's entry points for other modules (assignment runs): recompute and store the
 * excluded pairs of a call under the rule set the call chose.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { newId } from '../../../http/context.js';
import { loadCallConflictData } from './conflicts.data.js';
import { evaluateConflicts } from './conflicts.evaluate.js';
import { pairKey } from './conflicts.model.js';
import { ruleSetOfCall } from './conflicts.rulesets.js';

const INSERT_CHUNK = 500;

/**
 * Recomputes and stores conflict_exclusions of the call: all its in_review applications × active
 * experts under the call's rule set (call_review_settings.rule_set_id, else the default preset). One row
 * per (pair, matching rule) with the evidence. Returns the excluded pair keys `${expertId}|${applicationId}`.
 */
export async function refreshCallConflicts(
  trx: Transaction<DB> | Kysely<DB>,
  callId: string,
  now: Date,
): Promise<Set<string>> {
  const ruleSet = await ruleSetOfCall(trx, callId);
  const data = await loadCallConflictData(trx, callId);
  const matches = evaluateConflicts(ruleSet.rules, data, now);
  const computedAt = now.toISOString();
  await trx.deleteFrom('conflict_exclusions').where('call_id', '=', callId).execute();
  const rows = matches.map((m) => ({
    id: newId(),
    call_id: callId,
    application_id: m.applicationId,
    expert_id: m.expertId,
    rule_set_id: ruleSet.id,
    rule_key: m.ruleKey,
    evidence_json: JSON.stringify({ matches: m.evidence }),
    computed_at: computedAt,
  }));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await trx
      .insertInto('conflict_exclusions')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  }
  return new Set(matches.map((m) => pairKey(m.expertId, m.applicationId)));
}

/** The stored excluded pair keys of a call (as last refreshed), without recomputing. */
export async function storedCallConflicts(db: Kysely<DB>, callId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('conflict_exclusions')
    .select(['expert_id', 'application_id'])
    .where('call_id', '=', callId)
    .execute();
  return new Set(rows.map((r) => pairKey(r.expert_id, r.application_id)));
}
