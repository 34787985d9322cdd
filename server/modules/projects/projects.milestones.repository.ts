import type { Kysely, Selectable } from 'kysely';
import { camelRow, insertRow, type RowValue, updateRow } from '../../db/rows.js';
import type { DB, ProjectMilestoneReviewsTable } from '../../db/schema.js';

/**
 * The SQL on project_milestone_reviews (issue 13): the completion of a 任务书 milestone as the project
 * submitted it and the officer's decision, one row per milestone (by its index in the frozen 任务书).
 */
export type MilestoneReviewState = 'submitted' | 'accepted' | 'rejected';

export interface MilestoneReview extends Omit<RowValue<ProjectMilestoneReviewsTable>, 'projectId' | 'state'> {
  state: MilestoneReviewState;
}

const toReview = (row: Selectable<ProjectMilestoneReviewsTable>): MilestoneReview => {
  const { projectId: _projectId, ...r } = camelRow(row);
  return { ...r, milestone: Number(r.milestone), state: r.state as MilestoneReviewState };
};

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
  const row = insertRow<ProjectMilestoneReviewsTable>({
    projectId,
    milestone,
    state: 'submitted',
    note: s.note,
    submittedBy: s.submittedBy,
    submittedAt: s.submittedAt,
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
  });
  const { project_id: _projectId, milestone: _milestone, ...values } = row;
  await db
    .insertInto('project_milestone_reviews')
    .values(row)
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
    .set(
      updateRow<ProjectMilestoneReviewsTable>({
        state: d.state,
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt,
        decisionReason: d.reason,
      }),
    )
    .where('project_id', '=', projectId)
    .where('milestone', '=', milestone)
    .where('state', '=', 'submitted')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
