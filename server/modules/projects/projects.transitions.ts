import { CHECK_ACTIONS, nextProjectState, REASON_REQUIRED } from '../../../common/projects.js';
import { type Audit, type Trx, write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField } from '../../http/errors.js';
import { agreementFrozen } from './projects.agreement.js';
import { can } from './projects.policy.js';
import { findProject, type ProjectRecord } from './projects.repository.js';
import type { ProjectDetail, ProjectTransitionInput } from './projects.schema.js';
import { getProject, projectResource, readableProject } from './projects.service.js';
import { moveProject } from './projects.timeline.repository.js';

/** 409 naming the state the project is in, so the caller sees why the move is not possible. */
export const illegalMove = (state: string) =>
  new AppError(409, 'projects.illegal_transition', { state, detail: `The project is ${state}` });

/**
 * Moves a project along its life (common/projects.ts), audited and on its timeline. Readers who may
 * not move it get 403; a move not legal from the current state (also when another request moved it
 * first) is 409 naming the state; 整改, 暂停 and 终止 need a reason and 结题 its verdict (400, /reason
 * or /outcome). On an extramural project the check moves (CHECK_ACTIONS) are the checks module's:
 * 409 `projects.move_by_check` naming the state.
 */
export async function transitionProject(
  ctx: Ctx,
  id: string,
  input: ProjectTransitionInput,
): Promise<ProjectDetail> {
  await readableProject(ctx, id);
  await write(ctx, async (trx, audit) => {
    const p = await findProject(trx, id, ctx.seam);
    if (!p) throw illegalMove('missing');
    if (!can(ctx.actor, 'projects.manage', await projectResource(trx, p))) throw forbidden();
    // Entering or leaving a check state without the check would leave the project in 中期检查 with no
    // check to report to (or closed with no verdict): on a funded project the checks module moves it.
    if (p.kind === 'extramural' && CHECK_ACTIONS.has(input.action))
      throw new AppError(409, 'projects.move_by_check', {
        state: p.state,
        detail: `The project is ${p.state}; ${input.action} is made by its check`,
      });
    await moveInTrx(trx, audit, ctx, p, input);
  });
  return getProject(ctx, id);
}

/**
 * The move itself, inside a caller's transaction once it has authorised it (the check service opens,
 * decides and closes checks through it): legality, reason and verdict rules, the timeline row and the
 * audit entry `project.<action>`.
 */
export async function moveInTrx(
  trx: Trx,
  audit: Audit,
  ctx: Ctx,
  p: ProjectRecord,
  input: ProjectTransitionInput,
): Promise<void> {
  const id = p.id;
  const to = nextProjectState(p.state, input.action);
  if (!to) throw illegalMove(p.state);
  if (REASON_REQUIRED.has(input.action) && !input.reason)
    throw invalidField('/reason', 'projects.reason_required');
  if (input.action === 'close' && !input.outcome) throw invalidField('/outcome', 'projects.outcome_required');
  if (input.action !== 'close' && input.outcome)
    throw invalidField('/outcome', 'projects.outcome_only_when_closing');
  // A funded project runs on its signed 任务书; starting from 立项 directly skips contracting (docs/projects.md).
  if (input.action === 'start' && p.state === 'contracting' && !(await agreementFrozen(trx, id)))
    throw new AppError(409, 'projects.agreement_unsigned', { state: p.state });
  const outcome = input.action === 'close' ? (input.outcome ?? null) : p.outcome;
  const moved = await moveProject(trx, id, {
    id: newId(),
    action: input.action,
    fromState: p.state,
    toState: to,
    outcome: input.action === 'close' ? outcome : null,
    at: isoNow(ctx.clock),
    actorId: ctx.actor?.userId || null,
    actorLabel: ctx.actor?.displayName ?? 'system',
    reason: input.reason ?? null,
  });
  if (!moved) throw illegalMove((await findProject(trx, id))?.state ?? p.state);
  await audit({
    action: `project.${input.action}`,
    entityType: 'project',
    entityId: id,
    platformId: p.platformId,
    before: { state: p.state, outcome: p.outcome },
    after: { state: to, outcome },
    reason: input.reason ?? null,
  });
}
