import type { Kysely, Selectable } from 'kysely';
import { camelRow } from '../../../db/rows.js';
import type { DB, ProjectCheckRunsTable } from '../../../db/schema.js';

/*
 * The SQL on project_check_runs and on the seat states of project_check_panel (migration 0059): the
 * assignment engine's runs over project checks, kept whole so they replay (docs/adr/0042).
 */

export type CheckRunRow = Selectable<ProjectCheckRunsTable>;

export async function insertCheckRun(db: Kysely<DB>, run: CheckRunRow): Promise<void> {
  await db.insertInto('project_check_runs').values(run).execute();
}

export async function findCheckRun(db: Kysely<DB>, id: string): Promise<CheckRunRow | undefined> {
  return db.selectFrom('project_check_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The runs that staffed a check, newest first (a run lists its checks in check_ids_json). */
export async function runsOfCheck(db: Kysely<DB>, checkId: string): Promise<CheckRunRow[]> {
  const runIds = await db
    .selectFrom('project_check_panel')
    .select('run_id')
    .distinct()
    .where('check_id', '=', checkId)
    .where('run_id', 'is not', null)
    .execute();
  const ids = runIds.map((r) => r.run_id!);
  if (!ids.length) return [];
  return db
    .selectFrom('project_check_runs')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Records the expert's answer on an invited seat; false when the seat was no longer invited. */
export async function answerSeatRow(
  db: Kysely<DB>,
  checkId: string,
  expertId: string,
  state: 'accepted' | 'declined' | 'expired',
  at: string,
  reason: string | null,
): Promise<boolean> {
  const r = await db
    .updateTable('project_check_panel')
    .set({ state, responded_at: at, decline_reason: reason })
    .where('check_id', '=', checkId)
    .where('expert_id', '=', expertId)
    .where('state', '=', 'invited')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Forgets the conflicts an earlier engine run found for these checks (a run stores them afresh). */
export async function deleteRunConflicts(db: Kysely<DB>, checkIds: string[]): Promise<void> {
  if (!checkIds.length) return;
  await db
    .deleteFrom('project_check_conflicts')
    .where('check_id', 'in', checkIds)
    .where('run_id', 'is not', null)
    .execute();
}

/** The expert's seats still waiting for an answer (by check id; the caller orders them). */
export async function invitedSeatsOfExpert(
  db: Kysely<DB>,
  expertId: string,
): Promise<{ checkId: string; respondBy: string | null }[]> {
  const rows = await db
    .selectFrom('project_check_panel')
    .select(['check_id', 'respond_by'])
    .where('expert_id', '=', expertId)
    .where('state', '=', 'invited')
    .orderBy('check_id')
    .execute();
  return rows.map(camelRow);
}
