import type { Kysely, Selectable } from 'kysely';
import type {
  AdjustmentChange,
  AdjustmentGround,
  AdjustmentLevel,
  AdjustmentState,
} from '../../../common/projects.adjustments.js';
import { jsonColumn, toJsonColumn } from '../../db/rows.js';
import type { DB, ProjectAdjustmentsTable } from '../../db/schema.js';
import { keepAdjustmentProjectFigures, keepProjectFigures } from './projects.figures.repository.js';

/**
 * The SQL on project_adjustments (预算调剂 requests, issue 13) and the row ⇄ value conversion: the
 * grounds and changes are JSON columns, returned parsed.
 */
export interface AdjustmentRecord {
  id: string;
  projectId: string;
  version: number;
  level: AdjustmentLevel;
  grounds: AdjustmentGround[];
  changes: AdjustmentChange[];
  endsOn: string | null;
  reason: string;
  state: AdjustmentState;
  requestedBy: string | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

const toRecord = (r: Selectable<ProjectAdjustmentsTable>): AdjustmentRecord => ({
  id: r.id,
  projectId: r.project_id,
  version: Number(r.version),
  level: r.level as AdjustmentLevel,
  grounds: jsonColumn(r.grounds_json),
  changes: jsonColumn(r.changes_json),
  endsOn: r.ends_on,
  reason: r.reason,
  state: r.state as AdjustmentState,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionReason: r.decision_reason,
});

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
    .values({
      id: a.id,
      project_id: a.projectId,
      version: a.version,
      level: a.level,
      grounds_json: toJsonColumn(a.grounds),
      changes_json: toJsonColumn(a.changes),
      ends_on: a.endsOn,
      reason: a.reason,
      state: a.state,
      requested_by: a.requestedBy,
      requested_at: a.requestedAt,
      decided_by: a.decidedBy,
      decided_at: a.decidedAt,
      decision_reason: a.decisionReason,
    })
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
    .set({ state: d.state, decided_by: d.decidedBy, decided_at: d.decidedAt, decision_reason: d.reason })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  const decided = Number(res.numUpdatedRows) === 1;
  if (decided && d.state === 'approved') await keepAdjustmentProjectFigures(db, id);
  return decided;
}
