import type { Kysely, Selectable } from 'kysely';
import type { DecisionOutcome } from '../../../../common/review.js';
import type { DialectSeam } from '../../../db/dialect.js';
import { camelRow, insertRow, jsonColumn, type RowValue, toJsonColumn, updateRow } from '../../../db/rows.js';
import type { DB, FundingDecisionItemsTable, FundingDecisionsTable } from '../../../db/schema.js';
import type { DecisionConstraintsInput, DecisionExplanation } from './decisions.schema.js';

/** A funding decision as the service and views use it: JSON columns parsed, amounts as numbers. */
export interface Decision
  extends Omit<RowValue<FundingDecisionsTable>, 'state' | 'constraintsJson' | 'explanationJson'> {
  state: 'draft' | 'final';
  constraints: DecisionConstraintsInput;
  explanation: DecisionExplanation;
}

export interface DecisionItem
  extends Omit<RowValue<FundingDecisionItemsTable>, 'decisionId' | 'optimiserOutcome' | 'outcome'> {
  optimiserOutcome: DecisionOutcome;
  outcome: DecisionOutcome;
}

function toDecision(row: Selectable<FundingDecisionsTable>): Decision {
  const { constraintsJson, explanationJson, ...d } = camelRow(row);
  return {
    ...d,
    state: d.state as Decision['state'],
    budgetMinor: Number(d.budgetMinor),
    objective: Number(d.objective),
    constraints: jsonColumn(constraintsJson),
    explanation: jsonColumn(explanationJson),
  };
}

function toItem(row: Selectable<FundingDecisionItemsTable>): DecisionItem {
  const { decisionId: _, ...i } = camelRow(row);
  return {
    ...i,
    score: Number(i.score),
    requestedMinor: Number(i.requestedMinor),
    optimiserOutcome: i.optimiserOutcome as DecisionOutcome,
    outcome: i.outcome as DecisionOutcome,
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

export async function insertDecision(
  db: Kysely<DB>,
  { constraints, explanation, ...d }: Decision,
  items: DecisionItem[],
): Promise<void> {
  await db
    .insertInto('funding_decisions')
    .values(
      insertRow<FundingDecisionsTable>({
        ...d,
        constraintsJson: toJsonColumn(constraints),
        explanationJson: toJsonColumn(explanation),
      }),
    )
    .execute();
  if (items.length)
    await db
      .insertInto('funding_decision_items')
      .values(items.map((i) => insertRow<FundingDecisionItemsTable>({ decisionId: d.id, ...i })))
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
    .set(updateRow<FundingDecisionItemsTable>({ outcome, overrideReason: reason }))
    .where('decision_id', '=', decisionId)
    .where('application_id', '=', applicationId)
    .execute();
}

export async function markFinal(db: Kysely<DB>, decisionId: string, by: string | null, at: string) {
  await db
    .updateTable('funding_decisions')
    .set(updateRow<FundingDecisionsTable>({ state: 'final', finalisedBy: by, finalisedAt: at }))
    .where('id', '=', decisionId)
    .execute();
}
