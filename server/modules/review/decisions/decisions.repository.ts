import type { Kysely, Selectable } from 'kysely';
import type { DecisionOutcome } from '../../../../common/review.js';
import type { DialectSeam } from '../../../db/dialect.js';
import { jsonColumn, toJsonColumn } from '../../../db/rows.js';
import type { DB, FundingDecisionItemsTable, FundingDecisionsTable } from '../../../db/schema.js';
import type { DecisionConstraintsInput, DecisionExplanation } from './decisions.schema.js';

/** A funding decision as the service and views use it: JSON columns parsed, amounts as numbers. */
export interface Decision {
  id: string;
  callId: string;
  state: 'draft' | 'final';
  budgetMinor: number;
  currency: string;
  constraints: DecisionConstraintsInput;
  solver: string;
  objective: number;
  millis: number;
  explanation: DecisionExplanation;
  createdBy: string | null;
  createdAt: string;
  finalisedBy: string | null;
  finalisedAt: string | null;
}

export interface DecisionItem {
  applicationId: string;
  rank: number;
  score: number;
  requestedMinor: number;
  optimiserOutcome: DecisionOutcome;
  outcome: DecisionOutcome;
  overrideReason: string | null;
}

function toDecision(r: Selectable<FundingDecisionsTable>): Decision {
  return {
    id: r.id,
    callId: r.call_id,
    state: r.state as Decision['state'],
    budgetMinor: Number(r.budget_minor),
    currency: r.currency,
    constraints: jsonColumn(r.constraints_json),
    solver: r.solver,
    objective: Number(r.objective),
    millis: r.millis,
    explanation: jsonColumn(r.explanation_json),
    createdBy: r.created_by,
    createdAt: r.created_at,
    finalisedBy: r.finalised_by,
    finalisedAt: r.finalised_at,
  };
}

function toItem(r: Selectable<FundingDecisionItemsTable>): DecisionItem {
  return {
    applicationId: r.application_id,
    rank: r.rank,
    score: Number(r.score),
    requestedMinor: Number(r.requested_minor),
    optimiserOutcome: r.optimiser_outcome as DecisionOutcome,
    outcome: r.outcome as DecisionOutcome,
    overrideReason: r.override_reason,
  };
}

/** The decision of the call, or undefined; with `lock` the row stays locked for the transaction. */
export async function findDecision(
  db: Kysely<DB>,
  callId: string,
  decisionId: string,
  opts: { lock?: DialectSeam } = {},
): Promise<Decision | undefined> {
  const q = db
    .selectFrom('funding_decisions')
    .selectAll()
    .where('id', '=', decisionId)
    .where('call_id', '=', callId);
  const row = await (opts.lock ? opts.lock.forUpdate(q) : q).executeTakeFirst();
  return row && toDecision(row);
}

/** The decisions of a call, newest first. */
export async function decisionsOfCall(db: Kysely<DB>, callId: string): Promise<Decision[]> {
  const rows = await db
    .selectFrom('funding_decisions')
    .selectAll()
    .where('call_id', '=', callId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toDecision);
}

/** The items of a decision in rank order (ties by application id). */
export async function decisionItems(db: Kysely<DB>, decisionId: string): Promise<DecisionItem[]> {
  const rows = await db
    .selectFrom('funding_decision_items')
    .selectAll()
    .where('decision_id', '=', decisionId)
    .orderBy('rank')
    .orderBy('application_id')
    .execute();
  return rows.map(toItem);
}

/** The approved total of each decision. */
export async function approvedTotals(db: Kysely<DB>, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('funding_decision_items')
    .select(['decision_id', 'requested_minor'])
    .where('decision_id', 'in', ids)
    .where('outcome', '=', 'approved')
    .execute();
  const totals = new Map<string, number>();
  for (const r of rows)
    totals.set(r.decision_id, (totals.get(r.decision_id) ?? 0) + Number(r.requested_minor));
  return totals;
}

export async function insertDecision(db: Kysely<DB>, d: Decision, items: DecisionItem[]): Promise<void> {
  await db
    .insertInto('funding_decisions')
    .values({
      id: d.id,
      call_id: d.callId,
      state: d.state,
      budget_minor: d.budgetMinor,
      currency: d.currency,
      constraints_json: toJsonColumn(d.constraints),
      solver: d.solver,
      objective: d.objective,
      millis: d.millis,
      explanation_json: toJsonColumn(d.explanation),
      created_by: d.createdBy,
      created_at: d.createdAt,
      finalised_by: d.finalisedBy,
      finalised_at: d.finalisedAt,
    })
    .execute();
  if (items.length)
    await db
      .insertInto('funding_decision_items')
      .values(
        items.map((i) => ({
          decision_id: d.id,
          application_id: i.applicationId,
          rank: i.rank,
          score: i.score,
          requested_minor: i.requestedMinor,
          optimiser_outcome: i.optimiserOutcome,
          outcome: i.outcome,
          override_reason: i.overrideReason,
        })),
      )
      .execute();
}

export async function setItemOutcome(
  db: Kysely<DB>,
  decisionId: string,
  applicationId: string,
  outcome: DecisionOutcome,
  reason: string,
): Promise<void> {
  await db
    .updateTable('funding_decision_items')
    .set({ outcome, override_reason: reason })
    .where('decision_id', '=', decisionId)
    .where('application_id', '=', applicationId)
    .execute();
}

export async function markFinal(db: Kysely<DB>, decisionId: string, by: string | null, at: string) {
  await db
    .updateTable('funding_decisions')
    .set({ state: 'final', finalised_by: by, finalised_at: at })
    .where('id', '=', decisionId)
    .execute();
}
