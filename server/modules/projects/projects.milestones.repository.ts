import type { Kysely, Selectable } from 'kysely';
import type { DB, ProjectMilestoneReviewsTable } from '../../db/schema.js';

/**
 * The SQL on project_milestone_reviews (issue 13): the completion of a 任务书 milestone as the project
 * submitted it and the officer's decision, one row per milestone (by its index in the frozen 任务书).
 */
export type MilestoneReviewState = 'submitted' | 'accepted' | 'rejected';

export interface MilestoneReview {
  milestone: number;
  state: MilestoneReviewState;
  note: string;
  submittedBy: string | null;
  submittedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

const toReview = (r: Selectable<ProjectMilestoneReviewsTable>): MilestoneReview => ({
  milestone: Number(r.milestone),
  state: r.state as MilestoneReviewState,
  note: r.note,
  submittedBy: r.submitted_by,
  submittedAt: r.submitted_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionReason: r.decision_reason,
});

export async function milestoneReviewsOf(db: Kysely<DB>, projectId: string): Promise<MilestoneReview[]> {
  const rows = await db
    .selectFrom('project_milestone_reviews')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('milestone')
    .execute();
  return rows.map(toReview);
}

/** Records a (re)submission: the decision of an earlier round is cleared. */
export async function upsertSubmission(
  db: Kysely<DB>,
  projectId: string,
  milestone: number,
  s: { note: string; submittedBy: string | null; submittedAt: string },
): Promise<void> {
  const values = {
    state: 'submitted',
    note: s.note,
    submitted_by: s.submittedBy,
    submitted_at: s.submittedAt,
    decided_by: null,
    decided_at: null,
    decision_reason: null,
  };
  await db
    .insertInto('project_milestone_reviews')
    .values({ project_id: projectId, milestone, ...values })
    .onConflict((oc) => oc.columns(['project_id', 'milestone']).doUpdateSet(values))
    .execute();
}

/** Records the decision on a submitted milestone; false when it was not (or no longer) submitted. */
export async function decideMilestone(
  db: Kysely<DB>,
  projectId: string,
  milestone: number,
  d: { state: 'accepted' | 'rejected'; decidedBy: string | null; decidedAt: string; reason: string | null },
): Promise<boolean> {
  const res = await db
    .updateTable('project_milestone_reviews')
    .set({ state: d.state, decided_by: d.decidedBy, decided_at: d.decidedAt, decision_reason: d.reason })
    .where('project_id', '=', projectId)
    .where('milestone', '=', milestone)
    .where('state', '=', 'submitted')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
