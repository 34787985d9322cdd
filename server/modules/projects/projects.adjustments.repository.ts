import type { Kysely, Selectable } from 'kysely';
import type {
  AdjustmentChange,
  AdjustmentGround,
  AdjustmentLevel,
  AdjustmentState,
} from '../../../common/projects.adjustments.js';
import { camelRow, insertRow, jsonColumn, type RowValue, toJsonColumn, updateRow } from '../../db/rows.js';
import type { DB, ProjectAdjustmentsTable } from '../../db/schema.js';
import { keepAdjustmentProjectFigures, keepProjectFigures } from './projects.figures.repository.js';

/**
 * The SQL on project_adjustments (预算调剂 requests, issue 13) and the row ⇄ value conversion: the
 * grounds and changes are JSON columns, returned parsed.
 */
export interface AdjustmentRecord
  extends Omit<RowValue<ProjectAdjustmentsTable>, 'level' | 'groundsJson' | 'changesJson' | 'state'> {
  level: AdjustmentLevel;
  grounds: AdjustmentGround[];
  changes: AdjustmentChange[];
  state: AdjustmentState;
}

const toRecord = (row: Selectable<ProjectAdjustmentsTable>): AdjustmentRecord => {
  const { groundsJson, changesJson, ...r } = camelRow(row);
  return {
    ...r,
    version: Number(r.version),
    level: r.level as AdjustmentLevel,
    grounds: jsonColumn(groundsJson),
    changes: jsonColumn(changesJson),
    state: r.state as AdjustmentState,
  };
};

/** The requests of a project, newest version first. */
export async function adjustmentsOf(db: Kysely<DB>, projectId: string): Promise<AdjustmentRecord[]> {
  const rows = await db
    .selectFrom('project_adjustments')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toRecord);
}

export async function findAdjustment(
  db: Kysely<DB>,
  projectId: string,
  id: string,
): Promise<AdjustmentRecord | undefined> {
  const row = await db
    .selectFrom('project_adjustments')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toRecord(row);
}

/** The next version number of a project's requests (the unique key catches a race). */
export async function nextAdjustmentVersion(db: Kysely<DB>, projectId: string): Promise<number> {
  const row = await db
    .selectFrom('project_adjustments')
    .select((eb) => eb.fn.max<number | null>('version').as('v'))
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

export async function insertAdjustment(db: Kysely<DB>, a: AdjustmentRecord): Promise<void> {
  await db
    .insertInto('project_adjustments')
    .values(
      insertRow<ProjectAdjustmentsTable>({
        id: a.id,
        projectId: a.projectId,
        version: a.version,
        level: a.level,
        groundsJson: toJsonColumn(a.grounds),
        changesJson: toJsonColumn(a.changes),
        endsOn: a.endsOn,
        reason: a.reason,
        state: a.state,
        requestedBy: a.requestedBy,
        requestedAt: a.requestedAt,
        decidedBy: a.decidedBy,
        decidedAt: a.decidedAt,
        decisionReason: a.decisionReason,
      }),
    )
    .execute();
  if (a.state === 'approved') await keepProjectFigures(db, a.projectId);
}

/** Records the decision on a pending request; false when it was decided first by another request. */
export async function decideAdjustment(
  db: Kysely<DB>,
  id: string,
  d: { state: 'approved' | 'rejected'; decidedBy: string | null; decidedAt: string; reason: string | null },
): Promise<boolean> {
  const res = await db
    .updateTable('project_adjustments')
    .set(
      updateRow<ProjectAdjustmentsTable>({
        state: d.state,
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt,
        decisionReason: d.reason,
      }),
    )
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  const decided = Number(res.numUpdatedRows) === 1;
  if (decided && d.state === 'approved') await keepAdjustmentProjectFigures(db, id);
  return decided;
}
