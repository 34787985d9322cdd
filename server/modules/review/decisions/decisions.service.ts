import { ERROR_MESSAGES } from '../../../../common/error-codes.js';
import { write } from '../../../db/write.js';
import type { Ctx } from '../../../http/context.js';
import { isoNow, newId } from '../../../http/context.js';
import { AppError, type FieldError } from '../../../http/errors.js';
import { explain } from '../engines/funding-decision/explain.js';
import { DecisionInfeasible, decide, NodeLimitError } from '../engines/funding-decision/model.js';
import { alreadyFinal, decisionCall, decisionRow, notReviewing } from './decisions.access.js';
import { loadCandidates } from './decisions.candidates.js';
import { decisionItems, insertDecision, setItemOutcome } from './decisions.repository.js';
import type {
  DecisionConstraintsInput,
  DecisionList,
  DecisionView,
  OverrideInput,
} from './decisions.schema.js';
import { decisionView, listView } from './decisions.views.js';

export const SOLVER = 'commonlab-bnb-lagrangian@1';

const fieldError = (pointer: string, code: keyof typeof ERROR_MESSAGES): FieldError => ({
  in: 'body',
  pointer,
  code,
  message: ERROR_MESSAGES[code],
});

function checkConstraints(c: DecisionConstraintsInput) {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  c.fields.forEach((f, i) => {
    if (seen.has(f.fieldId))
      errors.push(fieldError(`/constraints/fields/${i}/fieldId`, 'decisions.field_repeated'));
    seen.add(f.fieldId);
    if (f.minCount !== undefined && f.maxCount !== undefined && f.minCount > f.maxCount)
      errors.push(fieldError(`/constraints/fields/${i}/minCount`, 'decisions.min_above_max'));
    if (f.minSharePct !== undefined && f.maxSharePct !== undefined && f.minSharePct > f.maxSharePct)
      errors.push(fieldError(`/constraints/fields/${i}/minSharePct`, 'decisions.min_above_max'));
  });
  if (errors.length) throw new AppError(400, 'request.validation_failed', { errors });
}

/**
 * Computes a draft decision for the call in review: the exact optimal selection within the budget under
 * the constraints, outcomes (selected → approved, the next ones by rank → waitlisted, the rest declined)
 * and the cut-off explanation. Constraints no selection meets: 422 naming them (JSON pointers).
 */
export async function computeDecision(
  ctx: Ctx,
  callId: string,
  constraints: DecisionConstraintsInput,
): Promise<DecisionView> {
  checkConstraints(constraints);
  const id = await write(ctx, async (trx, audit) => {
    const call = await decisionCall(trx, ctx, callId, true);
    if (call.state !== 'reviewing') throw notReviewing(call.state);
    const candidates = await loadCandidates(trx, call);
    const budget = call.budgetTotalMinor;
    const t0 = performance.now();
    let solved: ReturnType<typeof decide>;
    try {
      solved = decide(candidates, budget, constraints);
    } catch (e) {
      if (e instanceof DecisionInfeasible)
        throw new AppError(422, 'decisions.infeasible', {
          detail: e.message,
          constraints: e.constraints,
          errors: e.constraints.map((c) =>
            fieldError(`/constraints/${c === 'budget' ? '' : c}`, 'decisions.infeasible'),
          ),
        });
      if (e instanceof NodeLimitError) throw new AppError(422, 'decisions.solver_limit');
      throw e;
    }
    const { outcomes, explanation } = explain(candidates, budget, constraints, solved);
    const millis = Math.round(performance.now() - t0);
    const at = isoNow(ctx.clock);
    const decisionId = newId();
    await insertDecision(
      trx,
      {
        id: decisionId,
        callId: call.id,
        state: 'draft',
        budgetMinor: budget,
        currency: call.currency,
        constraints,
        solver: SOLVER,
        objective: solved.objective,
        millis,
        explanation,
        createdBy: ctx.actor?.userId || null,
        createdAt: at,
        finalisedBy: null,
        finalisedAt: null,
      },
      candidates.map((c) => ({
        applicationId: c.applicationId,
        rank: c.rank,
        score: c.score,
        requestedMinor: c.requestedMinor,
        optimiserOutcome: outcomes.get(c.applicationId)!,
        outcome: outcomes.get(c.applicationId)!,
        overrideReason: null,
      })),
    );
    await audit({
      action: 'decision.computed',
      entityType: 'funding_decision',
      entityId: decisionId,
      platformId: call.platformId,
      after: {
        callId: call.id,
        constraints,
        solver: SOLVER,
        objective: solved.objective,
        approved: candidates
          .filter((c) => outcomes.get(c.applicationId) === 'approved')
          .map((c) => c.applicationId),
      },
    });
    return decisionId;
  });
  return getDecision(ctx, callId, id);
}

/** The decisions of a call (officers). */
export async function listDecisions(ctx: Ctx, callId: string): Promise<DecisionList> {
  await decisionCall(ctx.db, ctx, callId);
  return listView(ctx.db, callId);
}

/** One decision with its items, cut-off and reasons (officers). */
export async function getDecision(ctx: Ctx, callId: string, decisionId: string): Promise<DecisionView> {
  await decisionCall(ctx.db, ctx, callId);
  return decisionView(ctx.db, await decisionRow(ctx.db, ctx, callId, decisionId));
}

/**
 * An officer's override of one outcome in a draft, with a required reason (audited). Approving beyond
 * the call budget is refused (422 with the approved total and the budget): the decision never exceeds it.
 */
export async function overrideItem(
  ctx: Ctx,
  callId: string,
  decisionId: string,
  applicationId: string,
  input: OverrideInput,
): Promise<DecisionView> {
  await write(ctx, async (trx, audit) => {
    const call = await decisionCall(trx, ctx, callId, true);
    const row = await decisionRow(trx, ctx, callId, decisionId, true);
    if (row.state !== 'draft') throw alreadyFinal();
    const items = await decisionItems(trx, decisionId);
    const item = items.find((i) => i.applicationId === applicationId);
    if (!item) throw new AppError(404, 'decisions.not_in_decision');
    const approved = items.reduce(
      (s, i) =>
        s +
        ((i.applicationId === applicationId ? input.outcome : i.outcome) === 'approved'
          ? i.requestedMinor
          : 0),
      0,
    );
    const budget = row.budgetMinor;
    if (approved > budget)
      throw new AppError(422, 'decisions.over_budget', {
        approvedMinor: approved,
        budgetMinor: budget,
        params: { approvedMinor: approved, budgetMinor: budget },
      });
    await setItemOutcome(trx, decisionId, applicationId, input.outcome, input.reason);
    await audit({
      action: 'decision.overridden',
      entityType: 'funding_decision',
      entityId: decisionId,
      platformId: call.platformId,
      before: { applicationId, outcome: item.outcome, optimiserOutcome: item.optimiserOutcome },
      after: { applicationId, outcome: input.outcome, approvedMinor: approved },
      reason: input.reason,
    });
  });
  return getDecision(ctx, callId, decisionId);
}
