import { adjustedPlan } from '../../../common/projects.adjustments.js';
import {
  AGREEMENT_AMOUNT_FIELD,
  SPENDING_CATEGORIES,
  type SpendingCategory,
} from '../../../common/projects.js';
import type { Trx } from '../../db/write.js';
import { AppError } from '../../http/errors.js';
import { adjustmentsOf } from './projects.adjustments.repository.js';
import { findAgreement } from './projects.agreement.repository.js';
import { agreementContent } from './projects.agreement.schema.js';
import type { ProjectRecord } from './projects.repository.js';

/**
 * The approved plan of a project in execution (issue 13), shared by spending and budget adjustments:
 * the frozen 任务书 per member × category with the approved 预算调剂 added.
 */

/** States in which money is spent and the plan may change: execution and an interim check. */
export const EXECUTION_STATES: readonly string[] = ['in_progress', 'interim_check'];

export type PlanLine = { organisationId: string; category: SpendingCategory; amountMinor: number };

/** The plan of the frozen 任务书 (null when it is not frozen). */
export async function frozenPlan(db: Trx, projectId: string): Promise<PlanLine[] | null> {
  const a = await findAgreement(db, projectId);
  if (!a?.frozenAt) return null;
  const content = agreementContent.parse(a.content);
  return content.budget.flatMap((b) =>
    SPENDING_CATEGORIES.map((category) => ({
      organisationId: b.organisationId,
      category,
      amountMinor: b[AGREEMENT_AMOUNT_FIELD[category]],
    })),
  );
}

/** The plan a spending entry is checked against: the frozen 任务书 with the approved adjustments. */
export async function approvedPlan(db: Trx, projectId: string): Promise<PlanLine[] | null> {
  const frozen = await frozenPlan(db, projectId);
  if (!frozen) return null;
  const approved = (await adjustmentsOf(db, projectId)).filter((a) => a.state === 'approved');
  return adjustedPlan(frozen, approved);
}

/**
 * Why money may not be booked or the plan changed now (409), or null: the 任务书 is not frozen, or the
 * project is not in execution.
 */
export async function executionRefusal(db: Trx, p: ProjectRecord): Promise<AppError | null> {
  if (!(await findAgreement(db, p.id))?.frozenAt) return new AppError(409, 'projects.agreement_unsigned');
  if (!EXECUTION_STATES.includes(p.state))
    return new AppError(409, 'projects.not_in_execution', {
      state: p.state,
      detail: `The project is ${p.state}`,
    });
  return null;
}
