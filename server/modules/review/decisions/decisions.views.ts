import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { reviewedApplicationsByIds } from '../../applications/applications.lookup.js';
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
  const appById = await reviewedApplicationsByIds(
    db,
    rows.map((i) => i.applicationId),
  );
  const items = rows.map((i) => {
    const a = appById.get(i.applicationId)!;
    return { ...i, receiptNo: a.receiptNo, titleZh: a.titleZh, titleEn: a.titleEn, fieldId: a.fieldId };
  });
  items.sort(
    (x, y) =>
      x.rank - y.rank ||
      String(x.receiptNo ?? x.applicationId).localeCompare(String(y.receiptNo ?? y.applicationId)),
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
        number: i.receiptNo,
        titleZh: i.titleZh,
        titleEn: i.titleEn,
        fieldId: i.fieldId,
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
