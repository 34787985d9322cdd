import type { Kysely, Selectable } from 'kysely';
import type { AmendmentState } from '../../../common/projects.amendments.js';
import { jsonColumn, toJsonColumn } from '../../db/rows.js';
import type { DB, ProjectAmendmentsTable } from '../../db/schema.js';
import { keepProjectFigures } from './projects.figures.repository.js';

/**
 * The SQL on project_amendments and project_agreement_versions (issue 13, migration 0058, docs/adr/0041):
 * amendments of a frozen 任务书 and every version it had. The current version stays in project_agreements
 * (content, snapshot, checksum, version), so what reads the 任务书 reads the current version.
 */
export interface AmendmentRecord {
  id: string;
  projectId: string;
  number: number;
  fromVersion: number;
  toVersion: number | null;
  changes: unknown;
  reason: string;
  state: AmendmentState;
  proposedBy: string | null;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

const toRecord = (r: Selectable<ProjectAmendmentsTable>): AmendmentRecord => ({
  id: r.id,
  projectId: r.project_id,
  number: Number(r.number),
  fromVersion: Number(r.from_version),
  toVersion: r.to_version === null ? null : Number(r.to_version),
  changes: jsonColumn(r.changes_json),
  reason: r.reason,
  state: r.state as AmendmentState,
  proposedBy: r.proposed_by,
  proposedAt: r.proposed_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionReason: r.decision_reason,
});

/** The amendments of a project, newest first. */
export async function amendmentsOf(db: Kysely<DB>, projectId: string): Promise<AmendmentRecord[]> {
  const rows = await db
    .selectFrom('project_amendments')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('number', 'desc')
    .execute();
  return rows.map(toRecord);
}

export async function findAmendment(
  db: Kysely<DB>,
  projectId: string,
  id: string,
): Promise<AmendmentRecord | undefined> {
  const row = await db
    .selectFrom('project_amendments')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toRecord(row);
}

/** Inserts a proposal numbered after the project's last (the unique key catches a race). */
export async function insertAmendment(db: Kysely<DB>, a: Omit<AmendmentRecord, 'number'>): Promise<number> {
  const row = await db
    .selectFrom('project_amendments')
    .select((eb) => eb.fn.max<number | null>('number').as('n'))
    .where('project_id', '=', a.projectId)
    .executeTakeFirst();
  const number = Number(row?.n ?? 0) + 1;
  await db
    .insertInto('project_amendments')
    .values({
      id: a.id,
      project_id: a.projectId,
      number,
      from_version: a.fromVersion,
      to_version: a.toVersion,
      changes_json: toJsonColumn(a.changes),
      reason: a.reason,
      state: a.state,
      proposed_by: a.proposedBy,
      proposed_at: a.proposedAt,
      decided_by: a.decidedBy,
      decided_at: a.decidedAt,
      decision_reason: a.decisionReason,
    })
    .execute();
  return number;
}

/** Closes a proposal (approved, refused, withdrawn); false when another request closed it first. */
export async function closeAmendment(
  db: Kysely<DB>,
  id: string,
  d: {
    state: Exclude<AmendmentState, 'proposed'>;
    by: string | null;
    at: string;
    reason: string | null;
    toVersion: number | null;
  },
): Promise<boolean> {
  const res = await db
    .updateTable('project_amendments')
    .set({
      state: d.state,
      decided_by: d.by,
      decided_at: d.at,
      decision_reason: d.reason,
      to_version: d.toVersion,
    })
    .where('id', '=', id)
    .where('state', '=', 'proposed')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export interface AgreementVersion {
  version: number;
  snapshotJson: string;
  checksum: string;
  amendmentId: string | null;
  frozenAt: string;
}

/** Every frozen version of a project's 任务书, oldest first. */
export async function agreementVersionsOf(db: Kysely<DB>, projectId: string): Promise<AgreementVersion[]> {
  const rows = await db
    .selectFrom('project_agreement_versions')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: Number(r.version),
    snapshotJson: r.snapshot_json,
    checksum: r.checksum,
    amendmentId: r.amendment_id,
    frozenAt: r.frozen_at,
  }));
}

/**
 * Freezes a new version: kept beside the earlier ones and made the current 任务书, and the project's
 * kept figures recomputed from it, in the caller's transaction.
 */
export async function freezeAgreementVersion(
  db: Kysely<DB>,
  projectId: string,
  v: AgreementVersion & { content: unknown },
): Promise<void> {
  await db
    .insertInto('project_agreement_versions')
    .values({
      project_id: projectId,
      version: v.version,
      snapshot_json: v.snapshotJson,
      checksum: v.checksum,
      amendment_id: v.amendmentId,
      frozen_at: v.frozenAt,
    })
    .execute();
  await db
    .updateTable('project_agreements')
    .set({
      content_json: toJsonColumn(v.content),
      snapshot_json: v.snapshotJson,
      checksum: v.checksum,
      version: v.version,
      updated_at: v.frozenAt,
    })
    .where('project_id', '=', projectId)
    .execute();
  await keepProjectFigures(db, projectId);
}
