import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { approvedTotals, type Decision, decisionItems, decisionsOfCall } from './decisions.repository.js';
import type { DecisionList, DecisionView } from './decisions.schema.js';

function summary(d: Decision) {
  return {
    id: d.id,
    callId: d.callId,
    state: d.state,
    budgetMinor: d.budgetMinor,
    currency: d.currency,
    constraints: d.constraints,
    solver: d.solver,
    objective: d.objective,
    millis: d.millis,
    createdAt: d.createdAt,
    finalisedAt: d.finalisedAt,
  };
}

/** The decisions of a call, newest first. */
export async function listView(db: Kysely<DB>, callId: string): Promise<DecisionList> {
  const rows = await decisionsOfCall(db, callId);
  const totals = await approvedTotals(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => ({ ...summary(r), approvedMinor: totals.get(r.id) ?? 0 })) };
}

/** A decision with its items in rank order, the cumulative approved budget and each item's reason. */
export async function decisionView(db: Kysely<DB>, decision: Decision): Promise<DecisionView> {
  const rows = await decisionItems(db, decision.id);
  const apps = rows.length
    ? await db
        .selectFrom('applications')
        .select(['id', 'receipt_no', 'title_zh', 'title_en', 'field_id'])
        .where(
          'id',
          'in',
          rows.map((i) => i.applicationId),
        )
        .execute()
    : [];
  const appById = new Map(apps.map((a) => [a.id, a]));
  const items = rows.map((i) => ({ ...i, ...appById.get(i.applicationId)! }));
  items.sort(
    (x, y) =>
      x.rank - y.rank ||
      String(x.receipt_no ?? x.applicationId).localeCompare(String(y.receipt_no ?? y.applicationId)),
  );
  const explanation = decision.explanation;
  let cumulative = 0;
  return {
    ...summary(decision),
    explanation,
    approvedMinor: items.reduce((s, i) => s + (i.outcome === 'approved' ? i.requestedMinor : 0), 0),
    items: items.map((i) => {
      if (i.outcome === 'approved') cumulative += i.requestedMinor;
      return {
        applicationId: i.applicationId,
        number: i.receipt_no,
        titleZh: i.title_zh,
        titleEn: i.title_en,
        fieldId: i.field_id,
        rank: i.rank,
        score: i.score,
        requestedMinor: i.requestedMinor,
        cumulativeApprovedMinor: cumulative,
        optimiserOutcome: i.optimiserOutcome,
        outcome: i.outcome,
        overrideReason: i.overrideReason,
        reason: explanation.items[i.applicationId] ?? { code: 'would_exceed', constraint: 'budget' },
      };
    }),
  };
}
