import type { Kysely, Selectable } from 'kysely';
import type { DecisionOutcome } from '../../../../common/review.js';
import type { DB, FundingDecisionsTable } from '../../../db/schema.js';
import type { DecisionExplanation, DecisionList, DecisionView } from './decisions.schema.js';

type DecisionRow = Selectable<FundingDecisionsTable>;

function summary(row: DecisionRow) {
  return {
    id: row.id,
    callId: row.call_id,
    state: row.state as 'draft' | 'final',
    budgetMinor: Number(row.budget_minor),
    currency: row.currency,
    constraints: JSON.parse(row.constraints_json),
    solver: row.solver,
    objective: Number(row.objective),
    millis: row.millis,
    createdAt: row.created_at,
    finalisedAt: row.finalised_at,
  };
}

async function approvedTotals(db: Kysely<DB>, ids: string[]) {
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

/** The decisions of a call, newest first. */
export async function listView(db: Kysely<DB>, callId: string): Promise<DecisionList> {
  const rows = await db
    .selectFrom('funding_decisions')
    .selectAll()
    .where('call_id', '=', callId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const totals = await approvedTotals(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => ({ ...summary(r), approvedMinor: totals.get(r.id) ?? 0 })) };
}

/** A decision with its items in rank order, the cumulative approved budget and each item's reason. */
export async function decisionView(db: Kysely<DB>, row: DecisionRow): Promise<DecisionView> {
  const items = await db
    .selectFrom('funding_decision_items as i')
    .innerJoin('applications as a', 'a.id', 'i.application_id')
    .select([
      'i.application_id',
      'i.rank',
      'i.score',
      'i.requested_minor',
      'i.optimiser_outcome',
      'i.outcome',
      'i.override_reason',
      'a.receipt_no',
      'a.title_zh',
      'a.title_en',
      'a.field_id',
    ])
    .where('i.decision_id', '=', row.id)
    .execute();
  items.sort(
    (x, y) =>
      x.rank - y.rank ||
      String(x.receipt_no ?? x.application_id).localeCompare(String(y.receipt_no ?? y.application_id)),
  );
  const explanation = JSON.parse(row.explanation_json) as DecisionExplanation;
  let cumulative = 0;
  return {
    ...summary(row),
    explanation,
    approvedMinor: items.reduce((s, i) => s + (i.outcome === 'approved' ? Number(i.requested_minor) : 0), 0),
    items: items.map((i) => {
      if (i.outcome === 'approved') cumulative += Number(i.requested_minor);
      return {
        applicationId: i.application_id,
        number: i.receipt_no,
        titleZh: i.title_zh,
        titleEn: i.title_en,
        fieldId: i.field_id,
        rank: i.rank,
        score: Number(i.score),
        requestedMinor: Number(i.requested_minor),
        cumulativeApprovedMinor: cumulative,
        optimiserOutcome: i.optimiser_outcome as DecisionOutcome,
        outcome: i.outcome as DecisionOutcome,
        overrideReason: i.override_reason,
        reason: explanation.items[i.application_id] ?? { code: 'would_exceed', constraint: 'budget' },
      };
    }),
  };
}
