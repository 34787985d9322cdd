/**
 * Rule sets as versioned data: read, resolve the one a call uses, and check one is usable by a call.
 * A version is immutable; a change is a new row (same code, version + 1), see conflicts.versions.ts.
 */
import type { Kysely } from 'kysely';
import { DEFAULT_RULE_SET_ID } from '../../../../common/conflict-rules.js';
import { ERROR_MESSAGES } from '../../../../common/error-codes.js';
import type { DB } from '../../../db/schema.js';
import { AppError } from '../../../http/errors.js';
import { ruleSetIdOfCall as chosenRuleSetId } from '../runs/runs.lookup.js';
import { findRuleSet as loadRuleSet, type RuleSetRecord } from './conflicts.repository.js';

export { loadRuleSet, type RuleSetRecord };

/** The rule set a call uses: its review settings' choice, else the default preset. */
export async function ruleSetOfCall(db: Kysely<DB>, callId: string): Promise<RuleSetRecord> {
  const ruleSet = await loadRuleSet(db, (await chosenRuleSetId(db, callId)) ?? DEFAULT_RULE_SET_ID);
  if (!ruleSet) throw new AppError(409, 'conflicts.rule_set_not_found');
  return ruleSet;
}

/**
 * For the review settings of a call on `platformId`: the rule set exists and is a deployment-wide preset
 * or one of that platform's. Throws 422 conflicts.rule_set_not_usable (pointer /ruleSetId) otherwise.
 */
export async function assertRuleSetUsable(
  db: Kysely<DB>,
  ruleSetId: string,
  platformId: string,
): Promise<void> {
  const row = await loadRuleSet(db, ruleSetId);
  if (!row || (row.platformId !== null && row.platformId !== platformId)) {
    throw new AppError(422, 'conflicts.rule_set_not_usable', {
      errors: [
        {
          in: 'body',
          pointer: '/ruleSetId',
          code: 'conflicts.rule_set_not_usable',
          message: ERROR_MESSAGES['conflicts.rule_set_not_usable'],
        },
      ],
    });
  }
}
