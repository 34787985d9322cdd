import type { Kysely } from 'kysely';
import type { AmendmentTimelineAction } from '../../../common/projects.amendments.js';
import type { ProjectAction, ProjectOutcome, ProjectState } from '../../../common/projects.js';
import { camelRow, insertRow, updateRow } from '../../db/rows.js';
import type { DB, ProjectsTable, ProjectTransitionsTable } from '../../db/schema.js';

/**
 * The SQL on a project's state and its timeline (project_transitions), split from projects.repository.ts
 * by sub-domain (docs/adr/0015).
 */

export interface ProjectTransition {
  id: string;
  action: ProjectAction | 'create' | AmendmentTimelineAction;
  fromState: ProjectState | null;
  toState: ProjectState;
  outcome: ProjectOutcome | null;
  at: string;
  actorId: string | null;
  actorLabel: string;
  reason: string | null;
}

/**
 * Moves the project from `from` to `to` unless another request moved it first (false then), and
 * records the move on the timeline. The verdict is set by the move that closes the project and kept
 * by the later ones (绩效评价).
 */
export async function moveProject(
  db: Kysely<DB>,
  id: string,
  t: Omit<ProjectTransition, 'fromState'> & { fromState: ProjectState },
): Promise<boolean> {
  const res = await db
    .updateTable('projects')
    .set(
      updateRow<ProjectsTable>({
        state: t.toState,
        updatedAt: t.at,
        ...(t.outcome ? { outcome: t.outcome } : {}),
      }),
    )
    .where('id', '=', id)
    .where('state', '=', t.fromState)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await insertTransition(db, id, t);
  return true;
}

export async function insertTransition(
  db: Kysely<DB>,
  projectId: string,
  t: ProjectTransition,
): Promise<void> {
  await db
    .insertInto('project_transitions')
    .values(
      insertRow<ProjectTransitionsTable>({
        id: t.id,
        projectId,
        action: t.action,
        fromState: t.fromState,
        toState: t.toState,
        outcome: t.outcome,
        at: t.at,
        actorId: t.actorId,
        actorLabel: t.actorLabel,
        reason: t.reason,
      }),
    )
    .execute();
}

/** The timeline of a project, oldest first. */
export async function transitionsOf(db: Kysely<DB>, projectId: string): Promise<ProjectTransition[]> {
  const rows = await db
    .selectFrom('project_transitions')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((row) => {
    const { projectId: _projectId, ...r } = camelRow(row);
    return {
      ...r,
      action: r.action as ProjectTransition['action'],
      fromState: r.fromState as ProjectState | null,
      toState: r.toState as ProjectState,
      outcome: r.outcome as ProjectOutcome | null,
    };
  });
}
