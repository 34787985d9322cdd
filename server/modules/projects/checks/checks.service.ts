import { DEFAULT_CRITERIA } from '../../../../common/calls.js';
import { write } from '../../../db/write.js';
import { type Ctx, isoNow, newId } from '../../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../../http/errors.js';
import { expertIdOfUser, findExpert } from '../../review/experts/experts.service.js';
import { agreementFrozen } from '../projects.agreement.js';
import { findProject, type ProjectRecord } from '../projects.repository.js';
import { readableProject } from '../projects.service.js';
import { illegalMove, moveInTrx } from '../projects.transitions.js';
import { checkAccess } from './checks.access.js';
import { expertConflicts } from './checks.conflicts.js';
import {
  type Check,
  checksOfProject,
  findCheck,
  insertCheck,
  insertConflicts,
  insertSeat,
  liveSeats,
  panelOf,
} from './checks.repository.js';
import type { CheckList, CheckView, OpenCheckInput } from './checks.schema.js';
import { insertScorecard, scorecardsOf } from './checks.scoring.repository.js';
import { checkView } from './checks.views.js';

/**
 * 中期检查 and 结题验收 (issue 13; docs/projects.md "Checks"): the officer opens a check (the project
 * moves to interim_check or final_acceptance), assigns experts with the conflict rules, the lead
 * submits the report (checks.report.ts), the experts score (checks.scoring.ts) and the officers or the
 * chair adopt the verdict (checks.adoption.ts).
 */

export const wrongState = (state: string) =>
  new AppError(409, 'project_checks.wrong_state', { state, detail: `The check is ${state}` });

/**
 * The check and its project if the caller may read the project or sits on the check's panel (the chair
 * adopts there; an expert reads the check they judge, never the project); 404 otherwise.
 */
export async function readableCheck(
  ctx: Ctx,
  checkId: string,
): Promise<{ check: Check; project: ProjectRecord }> {
  const check = await findCheck(ctx.db, checkId);
  if (!check) throw notFound('project_checks.not_found');
  try {
    return { check, project: await readableProject(ctx, check.projectId) };
  } catch {
    const expertId = await expertIdOfUser(ctx.db, ctx.actor?.userId);
    if (expertId && liveSeats(await panelOf(ctx.db, checkId)).some((s) => s.expertId === expertId))
      return { check, project: (await findProject(ctx.db, check.projectId))! };
    throw notFound('project_checks.not_found');
  }
}

export async function getCheck(ctx: Ctx, checkId: string): Promise<CheckView> {
  const { check, project } = await readableCheck(ctx, checkId);
  return checkView(ctx.db, check, await checkAccess(ctx.db, ctx, project, check));
}

/** The checks of a project, oldest first, and whether the caller may open one now. */
export async function listChecks(ctx: Ctx, projectId: string): Promise<CheckList> {
  const p = await readableProject(ctx, projectId);
  const checks = await checksOfProject(ctx.db, projectId);
  const items = [];
  for (const c of checks) items.push(await checkView(ctx.db, c, await checkAccess(ctx.db, ctx, p, c)));
  const { manage } = await checkAccess(ctx.db, ctx, p);
  return { items, access: { open: manage && p.state === 'in_progress' } };
}

/**
 * Opens a check (the funder's side): the project moves along its life (open_interim or open_final,
 * audited, on its timeline) and the check waits for the project's report by `dueOn`. A project
 * without a frozen 任务书 has nothing to be checked against (409).
 */
export async function openCheck(ctx: Ctx, projectId: string, input: OpenCheckInput): Promise<CheckView> {
  await readableProject(ctx, projectId);
  const id = await write(ctx, async (trx, audit) => {
    const p = (await findProject(trx, projectId, ctx.seam))!;
    if (!(await checkAccess(trx, ctx, p)).manage) throw forbidden();
    if (p.state !== 'in_progress') throw illegalMove(p.state);
    if (!(await agreementFrozen(trx, projectId)))
      throw new AppError(409, 'project_checks.agreement_unsigned', { state: p.state });
    if (input.dueOn < isoNow(ctx.clock).slice(0, 10))
      throw invalidField('/dueOn', 'project_checks.due_in_past');
    await moveInTrx(trx, audit, ctx, p, { action: input.kind === 'interim' ? 'open_interim' : 'open_final' });
    const at = isoNow(ctx.clock);
    const check: Check = {
      id: newId(),
      projectId,
      kind: input.kind,
      state: 'open',
      dueOn: input.dueOn,
      criteria: input.criteria ?? DEFAULT_CRITERIA,
      version: 0,
      verdict: null,
      openedBy: ctx.actor?.userId || null,
      openedAt: at,
      updatedAt: at,
    };
    await insertCheck(trx, check);
    await audit({
      action: 'project_check.opened',
      entityType: 'project_check',
      entityId: check.id,
      platformId: p.platformId,
      after: { projectId, kind: check.kind, dueOn: check.dueOn, criteria: check.criteria },
    });
    return check.id;
  });
  return getCheck(ctx, id);
}

/**
 * Puts an expert of the expert database on the check's panel (the funder's side), accepted. An expert
 * the conflicts engine excludes under the check's rule set (its latest run's, else the default preset:
 * same organisation as a consortium member, a member's contact person, recent collaboration,
 * declarations) is refused 409 with the rules and the evidence; the findings are recorded (nothing
 * else is written). Once a report is under review the new
 * expert gets a scorecard for it.
 */
export async function assignExpert(
  ctx: Ctx,
  checkId: string,
  input: { expertId: string; chair: boolean },
): Promise<CheckView> {
  const { project } = await readableCheck(ctx, checkId);
  const refused = await write(
    ctx,
    async (trx, audit) => {
      const check = (await findCheck(trx, checkId, ctx.seam))!;
      const p = (await findProject(trx, project.id))!;
      if (!(await checkAccess(trx, ctx, p)).manage) throw forbidden();
      if (check.state === 'decided') throw wrongState(check.state);
      const expert = await findExpert(trx, input.expertId);
      if (!expert?.active) throw invalidField('/expertId', 'project_checks.unknown_expert');
      const seats = await panelOf(trx, checkId);
      if (seats.some((s) => s.expertId === expert.id))
        throw new AppError(409, 'project_checks.already_on_panel', {
          errors: [
            { in: 'body', pointer: '/expertId', code: 'project_checks.already_on_panel', message: '' },
          ],
        });
      const at = isoNow(ctx.clock);
      const found = await expertConflicts(trx, ctx, { check, project: p }, expert.id);
      if (found.length) {
        await insertConflicts(
          trx,
          found.map((f) => ({ id: newId(), checkId, expertId: expert.id, ...f, foundAt: at })),
        );
        await audit({
          action: 'project_check.conflict_found',
          entityType: 'project_check',
          entityId: checkId,
          platformId: p.platformId,
          after: { expertId: expert.id, conflicts: found },
        });
        return found;
      }
      if (input.chair && seats.some((s) => s.chair))
        throw invalidField('/chair', 'project_checks.chair_taken');
      await insertSeat(trx, {
        checkId,
        expertId: expert.id,
        chair: input.chair,
        assignedAt: at,
        assignedBy: ctx.actor?.userId || null,
      });
      if (
        check.state === 'under_review' &&
        !(await scorecardsOf(trx, checkId, check.version)).some((c) => c.expertId === expert.id)
      )
        await insertScorecard(trx, {
          id: newId(),
          checkId,
          version: check.version,
          expertId: expert.id,
          state: 'draft',
          overallComment: null,
          total: null,
          submittedAt: null,
          updatedAt: at,
        });
      await audit({
        action: 'project_check.expert_assigned',
        entityType: 'project_check',
        entityId: checkId,
        platformId: p.platformId,
        after: { expertId: expert.id, chair: input.chair },
      });
      return null;
    },
    { retryOnUniqueViolation: true },
  );
  if (refused)
    throw new AppError(409, 'project_checks.expert_conflict', {
      conflicts: refused,
      errors: [
        {
          in: 'body',
          pointer: '/expertId',
          code: 'project_checks.expert_conflict',
          message: refused.map((f) => f.rule).join(', '),
        },
      ],
    });
  return getCheck(ctx, checkId);
}
