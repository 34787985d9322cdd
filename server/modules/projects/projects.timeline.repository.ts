import type { Kysely } from 'kysely';
import type { AmendmentTimelineAction } from '../../../common/projects.amendments.js';
import type { ProjectAction, ProjectOutcome, ProjectState } from '../../../common/projects.js';
import type { DB } from '../../db/schema.js';

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
    .set({ state: t.toState, updated_at: t.at, ...(t.outcome ? { outcome: t.outcome } : {}) })
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
    .values({
      id: t.id,
      project_id: projectId,
      action: t.action,
      from_state: t.fromState,
      to_state: t.toState,
      outcome: t.outcome,
      at: t.at,
      actor_id: t.actorId,
      actor_label: t.actorLabel,
      reason: t.reason,
    })
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
  return rows.map((r) => ({
    id: r.id,
    action: r.action as ProjectTransition['action'],
    fromState: r.from_state as ProjectState | null,
    toState: r.to_state as ProjectState,
    outcome: r.outcome as ProjectOutcome | null,
    at: r.at,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    reason: r.reason,
  }));
}
