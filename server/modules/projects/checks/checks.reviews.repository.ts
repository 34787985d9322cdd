import type { Kysely } from 'kysely';
import type { CheckReviewKind, CheckVerdict } from '../../../../common/project-checks.js';
import { camelRow, insertRow, jsonColumn } from '../../../db/rows.js';
import type { DB, ProjectCheckReviewsTable } from '../../../db/schema.js';
import type { CheckReviews } from './checks.reviews.schema.js';

/** The SQL on project_check_reviews (migration 0041): the task and financial reviews of a final check. */
export interface CheckReviewRecord {
  checkId: string;
  version: number;
  kind: CheckReviewKind;
  outcome: CheckVerdict;
  review: unknown;
  sha256: string;
  reviewedBy: string | null;
  reviewedAt: string;
}

/** Inserts a review; a second one of the same kind and version breaks the key (the caller checks first). */
export async function insertReview(
  db: Kysely<DB>,
  r: Omit<CheckReviewRecord, 'review'> & { json: string },
): Promise<void> {
  await db
    .insertInto('project_check_reviews')
    .values(
      insertRow<ProjectCheckReviewsTable>({
        checkId: r.checkId,
        version: r.version,
        kind: r.kind,
        outcome: r.outcome,
        reviewJson: r.json,
        reviewSha256: r.sha256,
        reviewedBy: r.reviewedBy,
        reviewedAt: r.reviewedAt,
      }),
    )
    .execute();
}

/** The reviews of a check, every version, oldest first. */
export async function reviewsOf(db: Kysely<DB>, checkId: string): Promise<CheckReviewRecord[]> {
  const rows = await db
    .selectFrom('project_check_reviews')
    .selectAll()
    .where('check_id', '=', checkId)
    .orderBy('version')
    .orderBy('kind')
    .execute();
  return rows.map((row) => {
    const { reviewJson, reviewSha256, ...r } = camelRow(row);
    return {
      ...r,
      version: Number(r.version),
      kind: r.kind as CheckReviewKind,
      outcome: r.outcome as CheckVerdict,
      review: jsonColumn(reviewJson),
      sha256: reviewSha256,
    };
  });
}

/** The reviews of one report version. */
export async function reviewsOfVersion(
  db: Kysely<DB>,
  checkId: string,
  version: number,
): Promise<CheckReviews> {
  const rows = (await reviewsOf(db, checkId)).filter((r) => r.version === version);
  const of = (kind: CheckReviewKind) => {
    const r = rows.find((x) => x.kind === kind);
    return r ? { ...(r.review as object), reviewedAt: r.reviewedAt, sha256: r.sha256 } : null;
  };
  return {
    task: of('task') as CheckReviews['task'],
    financial: of('financial') as CheckReviews['financial'],
  };
}
