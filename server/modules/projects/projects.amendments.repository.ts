import type { Kysely, Selectable } from 'kysely';
import type { AmendmentState } from '../../../common/projects.amendments.js';
import {
  camelRow,
  insertRow,
  type JsonValue,
  jsonColumn,
  type RowValue,
  toJsonColumn,
  updateRow,
} from '../../db/rows.js';
import type {
  DB,
  ProjectAgreementsTable,
  ProjectAgreementVersionsTable,
  ProjectAmendmentsTable,
} from '../../db/schema.js';
import { keepProjectFigures } from './projects.figures.repository.js';

/**
 * The SQL on project_amendments and project_agreement_versions (issue 13, migration 0058, docs/adr/0041):
 * amendments of a frozen 任务书 and every version it had. The current version stays in project_agreements
 * (content, snapshot, checksum, version), so what reads the 任务书 reads the current version.
 */
export interface AmendmentRecord extends Omit<RowValue<ProjectAmendmentsTable>, 'changesJson' | 'state'> {
  changes: JsonValue;
  state: AmendmentState;
}

const toRecord = (row: Selectable<ProjectAmendmentsTable>): AmendmentRecord => {
  const { changesJson, ...r } = camelRow(row);
  return {
    ...r,
    number: Number(r.number),
    fromVersion: Number(r.fromVersion),
    toVersion: r.toVersion === null ? null : Number(r.toVersion),
    changes: jsonColumn<JsonValue>(changesJson),
    state: r.state as AmendmentState,
  };
};

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
    .values(
      insertRow<ProjectAmendmentsTable>({
        id: a.id,
        projectId: a.projectId,
        number,
        fromVersion: a.fromVersion,
        toVersion: a.toVersion,
        changesJson: toJsonColumn(a.changes),
        reason: a.reason,
        state: a.state,
        proposedBy: a.proposedBy,
        proposedAt: a.proposedAt,
        decidedBy: a.decidedBy,
        decidedAt: a.decidedAt,
        decisionReason: a.decisionReason,
      }),
    )
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
    .set(
      updateRow<ProjectAmendmentsTable>({
        state: d.state,
        decidedBy: d.by,
        decidedAt: d.at,
        decisionReason: d.reason,
        toVersion: d.toVersion,
      }),
    )
    .where('id', '=', id)
    .where('state', '=', 'proposed')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export type AgreementVersion = Omit<RowValue<ProjectAgreementVersionsTable>, 'projectId'>;

/** Every frozen version of a project's 任务书, oldest first. */
export async function agreementVersionsOf(db: Kysely<DB>, projectId: string): Promise<AgreementVersion[]> {
  const rows = await db
    .selectFrom('project_agreement_versions')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('version')
    .execute();
  return rows.map((row) => {
    const { projectId: _projectId, ...v } = camelRow(row);
    return { ...v, version: Number(v.version) };
  });
}

/**
 * Freezes a new version: kept beside the earlier ones and made the current 任务书, and the project's
 * kept figures recomputed from it, in the caller's transaction.
 */
export async function freezeAgreementVersion(
  db: Kysely<DB>,
  projectId: string,
  v: AgreementVersion & { content: JsonValue },
): Promise<void> {
  await db
    .insertInto('project_agreement_versions')
    .values(
      insertRow<ProjectAgreementVersionsTable>({
        projectId,
        version: v.version,
        snapshotJson: v.snapshotJson,
        checksum: v.checksum,
        amendmentId: v.amendmentId,
        frozenAt: v.frozenAt,
      }),
    )
    .execute();
  await db
    .updateTable('project_agreements')
    .set(
      updateRow<ProjectAgreementsTable>({
        contentJson: toJsonColumn(v.content),
        snapshotJson: v.snapshotJson,
        checksum: v.checksum,
        version: v.version,
        updatedAt: v.frozenAt,
      }),
    )
    .where('project_id', '=', projectId)
    .execute();
  await keepProjectFigures(db, projectId);
}
