/**
 * The conflict engine's entry points for other modules (assignment runs): recompute and store the
 * excluded pairs of a call under the rule set the call chose.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { newId } from '../../../http/context.js';
import { loadCallConflictData } from './conflicts.data.js';
import { evaluateConflicts, type RuleMatch } from './conflicts.evaluate.js';
import { pairKey } from './conflicts.model.js';
import { excludedPairsOf, exclusionsOfPair, replaceExclusions } from './conflicts.repository.js';
import { assertRuleSetUsable, loadRuleSet, ruleSetOfCall } from './conflicts.rulesets.js';
import { type ConflictSubject, loadSubjectConflictData } from './conflicts.subjects.js';

export type { ConflictSubject };

/** For assignment overrides: the rules that exclude one pair of the call, with their evidence. */
export { exclusionsOfPair };

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
  await replaceExclusions(
    trx,
    callId,
    matches.map((m) => ({
      id: newId(),
      callId,
      applicationId: m.applicationId,
      expertId: m.expertId,
      ruleSetId: ruleSet.id,
      ruleKey: m.ruleKey,
      evidence: { matches: m.evidence },
      computedAt,
    })),
  );
  return new Set(matches.map((m) => pairKey(m.expertId, m.applicationId)));
}

/** The stored excluded pair keys of a call (as last refreshed), without recomputing. */
export async function storedCallConflicts(db: Kysely<DB>, callId: string): Promise<Set<string>> {
  const rows = await excludedPairsOf(db, callId);
  return new Set(rows.map((r) => pairKey(r.expertId, r.applicationId)));
}

/**
 * For subjects other than a call's applications (project checks): every (expert, subject, rule) that
 * matches under the rule set, with its evidence, all active experts considered. The rule set must be a
 * preset or the platform's own (422 /ruleSetId otherwise). The caller stores the matches.
 */
export async function evaluateSubjectConflicts(
  db: Kysely<DB>,
  platformId: string,
  ruleSetId: string,
  subjects: ConflictSubject[],
  now: Date,
): Promise<RuleMatch[]> {
  await assertRuleSetUsable(db, ruleSetId, platformId);
  const ruleSet = (await loadRuleSet(db, ruleSetId))!;
  return evaluateConflicts(ruleSet.rules, await loadSubjectConflictData(db, subjects), now);
}
