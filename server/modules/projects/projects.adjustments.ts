import { adjustedPlan, adjustmentLevel } from '../../../common/projects.adjustments.js';
import { budgetCells } from '../../../common/projects.js';
import type { Trx } from '../../db/write.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField } from '../../http/errors.js';
import {
  type AdjustmentRecord,
  adjustmentsOf,
  decideAdjustment,
  findAdjustment,
  insertAdjustment,
  nextAdjustmentVersion,
} from './projects.adjustments.repository.js';
import type {
  AdjustmentDecisionInput,
  AdjustmentInput,
  AdjustmentList,
  AdjustmentView,
} from './projects.adjustments.schema.js';
import { isLeadSigner } from './projects.agreement.js';
import { approvedPlan, executionRefusal } from './projects.plan.js';
import { can } from './projects.policy.js';
import { findProject, type ProjectRecord, setProjectEnd } from './projects.repository.js';
import { projectResource, readableProject } from './projects.service.js';
import { spendingTotals } from './projects.spending.repository.js';
import { structureOf } from './projects.structure.repository.js';

/**
 * 预算调剂 (issue 13): the project's side asks to change the approved plan of its frozen 任务书, with a
 * reason; the pure policy (common/projects.adjustments.ts) says whether the project unit approves it
 * itself or the funder must. Requests are numbered per project and decided one at a time; an approved
 * one changes the plan the spending check uses (and, for an extension, the end date).
 */

const manages = async (db: Trx, ctx: Ctx, p: ProjectRecord) =>
  can(ctx.actor, 'projects.manage', await projectResource(db, p));

/** The lead organisation's side and the funder's managers ask; the same decide the unit's own requests. */
const mayRequest = async (db: Trx, ctx: Ctx, p: ProjectRecord) =>
  (await manages(db, ctx, p)) || isLeadSigner(db, ctx, p);

async function mayDecide(db: Trx, ctx: Ctx, p: ProjectRecord, a: AdjustmentRecord): Promise<boolean> {
  if (a.level === 'funder') return manages(db, ctx, p);
  return mayRequest(db, ctx, p);
}

/**
 * Refuses (422, nothing written) a plan that would leave a member's category below what it has already
 * spent: money spent cannot be moved away.
 */
async function checkCoversSpending(db: Trx, projectId: string, changes: AdjustmentRecord['changes']) {
  const plan = await approvedPlan(db, projectId);
  const cells = budgetCells(adjustedPlan(plan ?? [], [{ changes }]), await spendingTotals(db, projectId));
  for (const [i, c] of changes.entries()) {
    const cell = cells.find((x) => x.organisationId === c.organisationId && x.category === c.category);
    if (cell && cell.headroomMinor < 0)
      throw new AppError(422, 'projects.adjustment_below_spent', {
        organisationId: c.organisationId,
        category: c.category,
        headroomMinor: cell.headroomMinor - c.deltaMinor,
        detail: `The ${c.category} budget of this member has ${cell.headroomMinor - c.deltaMinor} minor units left`,
        errors: [
          {
            in: 'body',
            pointer: `/changes/${i}/deltaMinor`,
            code: 'projects.adjustment_below_spent',
            message: `${c.category}: ${cell.headroomMinor - c.deltaMinor}`,
          },
        ],
      });
  }
}

function view(a: AdjustmentRecord, decide: boolean): AdjustmentView {
  return {
    id: a.id,
    version: a.version,
    level: a.level,
    grounds: a.grounds,
    changes: a.changes,
    endsOn: a.endsOn,
    reason: a.reason,
    state: a.state,
    requestedAt: a.requestedAt,
    decidedAt: a.decidedAt,
    decisionReason: a.decisionReason,
    decide,
  };
}

export async function listAdjustments(ctx: Ctx, projectId: string): Promise<AdjustmentList> {
  const p = await readableProject(ctx, projectId);
  const items = await adjustmentsOf(ctx.db, projectId);
  const open = !(await executionRefusal(ctx.db, p));
  return {
    projectId,
    items: await Promise.all(
      items.map(async (a) => view(a, open && a.state === 'pending' && (await mayDecide(ctx.db, ctx, p, a)))),
    ),
    access: {
      request: open && !items.some((a) => a.state === 'pending') && (await mayRequest(ctx.db, ctx, p)),
    },
  };
}

/**
 * Files a request. Refused with nothing written: by someone not on the project's side (403), outside
 * execution or without a frozen 任务书 (409), while another request is pending (409
 * `projects.adjustment_pending`), with nothing to change, a member outside the consortium, a line twice or
 * an end date not later than the current one (400 with the field), or a plan below what is spent (422).
 */
export async function requestAdjustment(
  ctx: Ctx,
  projectId: string,
  input: AdjustmentInput,
): Promise<AdjustmentView> {
  await readableProject(ctx, projectId);
  const id = await write(
    ctx,
    async (trx, audit) => {
      const p = (await findProject(trx, projectId, ctx.seam))!;
      if (!(await mayRequest(trx, ctx, p))) throw forbidden();
      const refusal = await executionRefusal(trx, p);
      if (refusal) throw refusal;
      if (input.changes.length === 0 && !input.endsOn)
        throw invalidField('/changes', 'projects.adjustment_empty');
      const members = new Set((await structureOf(trx, projectId)).members.map((m) => m.organisationId));
      const seen = new Set<string>();
      for (const [i, c] of input.changes.entries()) {
        if (!members.has(c.organisationId))
          throw invalidField(`/changes/${i}/organisationId`, 'projects.not_a_member');
        const k = `${c.organisationId}/${c.category}`;
        if (seen.has(k)) throw invalidField(`/changes/${i}/category`, 'projects.adjustment_line_repeated');
        seen.add(k);
      }
      if (input.endsOn && input.endsOn <= p.endsOn)
        throw invalidField('/endsOn', 'projects.extension_not_later');
      const pending = (await adjustmentsOf(trx, projectId)).some((a) => a.state === 'pending');
      if (pending) throw new AppError(409, 'projects.adjustment_pending');
      await checkCoversSpending(trx, projectId, input.changes);
      const { level, grounds } = adjustmentLevel(input);
      const a: AdjustmentRecord = {
        id: newId(),
        projectId,
        version: await nextAdjustmentVersion(trx, projectId),
        level,
        grounds,
        changes: input.changes,
        endsOn: input.endsOn,
        reason: input.reason,
        state: 'pending',
        requestedBy: ctx.actor?.userId || null,
        requestedAt: isoNow(ctx.clock),
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
      };
      await insertAdjustment(trx, a);
      await audit({
        action: 'project.adjustment_requested',
        entityType: 'project',
        entityId: projectId,
        platformId: p.platformId,
        after: { id: a.id, version: a.version, level, grounds, changes: a.changes, endsOn: a.endsOn },
        reason: input.reason,
      });
      return a.id;
    },
    { retryOnUniqueViolation: true },
  );
  return adjustmentView(ctx, projectId, id);
}

async function adjustmentView(ctx: Ctx, projectId: string, id: string): Promise<AdjustmentView> {
  const list = await listAdjustments(ctx, projectId);
  return list.items.find((a) => a.id === id)!;
}

/**
 * Approves or rejects a pending request: the funder's managers decide every request, the lead's side the
 * unit's own. A rejection needs a reason (400 `/reason`). An approval is checked again against the
 * spending booked since the request (422) and needs the project still in execution (409).
 */
export async function decideAdjustmentRequest(
  ctx: Ctx,
  projectId: string,
  adjustmentId: string,
  input: AdjustmentDecisionInput,
): Promise<AdjustmentView> {
  await readableProject(ctx, projectId);
  await write(ctx, async (trx, audit) => {
    const p = (await findProject(trx, projectId, ctx.seam))!;
    const a = await findAdjustment(trx, projectId, adjustmentId);
    if (!a) throw new AppError(404, 'projects.adjustment_not_found');
    if (!(await mayDecide(trx, ctx, p, a))) throw forbidden();
    if (input.decision === 'rejected' && !input.reason)
      throw invalidField('/reason', 'projects.reason_required');
    if (a.state !== 'pending') throw new AppError(409, 'projects.adjustment_decided', { state: a.state });
    const refusal = await executionRefusal(trx, p);
    if (refusal) throw refusal;
    const at = isoNow(ctx.clock);
    if (input.decision === 'approved') {
      await checkCoversSpending(trx, projectId, a.changes);
      if (a.endsOn) await setProjectEnd(trx, projectId, a.endsOn, at);
    }
    const decided = await decideAdjustment(trx, a.id, {
      state: input.decision,
      decidedBy: ctx.actor?.userId || null,
      decidedAt: at,
      reason: input.reason ?? null,
    });
    if (!decided) throw new AppError(409, 'projects.adjustment_decided', { state: 'decided' });
    await audit({
      action: `project.adjustment_${input.decision}`,
      entityType: 'project',
      entityId: projectId,
      platformId: p.platformId,
      before: { id: a.id, version: a.version, state: 'pending', endsOn: p.endsOn },
      after: { id: a.id, version: a.version, state: input.decision, level: a.level },
      reason: input.reason,
    });
  });
  return adjustmentView(ctx, projectId, adjustmentId);
}
