import type { Trx } from '../../db/write.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow } from '../../http/context.js';
import { AppError, forbidden, invalidField } from '../../http/errors.js';
import { isLeadSigner } from './projects.agreement.js';
import { findAgreement } from './projects.agreement.repository.js';
import { agreementContent } from './projects.agreement.schema.js';
import {
  decideMilestone,
  type MilestoneReview,
  milestoneReviewsOf,
  upsertSubmission,
} from './projects.milestones.repository.js';
import type {
  MilestoneDecisionInput,
  MilestoneList,
  MilestoneSubmissionInput,
  MilestoneView,
} from './projects.milestones.schema.js';
import { can } from './projects.policy.js';
import { findProject, type ProjectRecord } from './projects.repository.js';
import { projectResource, readableProject } from './projects.service.js';

/**
 * Milestones and deliverables of the frozen 任务书 (issue 13): the lead organisation's side submits the
 * completion of a milestone with a note on its deliverables; the funder's managers accept it or reject it
 * with a reason. A rejected milestone is submitted again; an accepted one is locked (409
 * `projects.deliverable_locked`), so what the checks later see cannot change under them.
 */

/** While the work is done and judged: execution, the interim check, final acceptance and rectification. */
const OPEN_STATES: readonly string[] = ['in_progress', 'interim_check', 'final_acceptance', 'rectification'];

export async function frozenMilestones(db: Trx, projectId: string) {
  const a = await findAgreement(db, projectId);
  return a?.frozenAt ? agreementContent.parse(a.content).milestones : null;
}

const manages = async (db: Trx, ctx: Ctx, p: ProjectRecord) =>
  can(ctx.actor, 'projects.manage', await projectResource(db, p));

export function refusal(p: ProjectRecord, milestones: unknown[] | null): AppError | null {
  if (!milestones) return new AppError(409, 'projects.agreement_unsigned');
  if (!OPEN_STATES.includes(p.state))
    return new AppError(409, 'projects.illegal_transition', {
      state: p.state,
      detail: `The project is ${p.state}`,
    });
  return null;
}

export async function listMilestones(ctx: Ctx, projectId: string): Promise<MilestoneList> {
  const p = await readableProject(ctx, projectId);
  const [milestones, reviews] = await Promise.all([
    frozenMilestones(ctx.db, projectId),
    milestoneReviewsOf(ctx.db, projectId),
  ]);
  const open = !refusal(p, milestones);
  const [lead, manager] = open
    ? await Promise.all([isLeadSigner(ctx.db, ctx, p), manages(ctx.db, ctx, p)])
    : [false, false];
  const byIndex = new Map(reviews.map((r) => [r.milestone, r]));
  return {
    projectId,
    items: (milestones ?? []).map((m, index): MilestoneView => {
      const r: MilestoneReview | undefined = byIndex.get(index);
      return {
        index,
        title: m.title,
        dueOn: m.dueOn,
        deliverables: m.deliverables,
        review: r
          ? {
              state: r.state,
              note: r.note,
              submittedAt: r.submittedAt,
              decidedAt: r.decidedAt,
              decisionReason: r.decisionReason,
            }
          : null,
        access: { submit: lead && r?.state !== 'accepted', decide: manager && r?.state === 'submitted' },
      };
    }),
  };
}

async function milestoneView(ctx: Ctx, projectId: string, index: number): Promise<MilestoneView> {
  return (await listMilestones(ctx, projectId)).items[index]!;
}

/** In one transaction with the project row locked: the project, its milestones, the one asked for. */
async function locked(trx: Trx, ctx: Ctx, projectId: string, index: number) {
  const p = (await findProject(trx, projectId, ctx.seam))!;
  const milestones = await frozenMilestones(trx, projectId);
  if (milestones && index >= milestones.length)
    throw invalidField('/milestone', 'projects.milestone_not_found');
  const review = (await milestoneReviewsOf(trx, projectId)).find((r) => r.milestone === index);
  return { p, milestones, review };
}

/**
 * Submits (or, after a rejection, resubmits) the completion of milestone `index`: the lead organisation's
 * side only. Refused with nothing written when accepted already (409 `projects.deliverable_locked`), before
 * the 任务书 is frozen or outside execution and acceptance (409).
 */
export async function submitMilestone(
  ctx: Ctx,
  projectId: string,
  input: MilestoneSubmissionInput,
): Promise<MilestoneView> {
  const index = input.milestone;
  await readableProject(ctx, projectId);
  await write(ctx, async (trx, audit) => {
    const { p, milestones, review } = await locked(trx, ctx, projectId, index);
    if (!(await isLeadSigner(trx, ctx, p))) throw forbidden();
    const refused = refusal(p, milestones);
    if (refused) throw refused;
    if (review?.state === 'accepted') throw new AppError(409, 'projects.deliverable_locked');
    await upsertSubmission(trx, projectId, index, {
      note: input.note,
      submittedBy: ctx.actor?.userId || null,
      submittedAt: isoNow(ctx.clock),
    });
    await audit({
      action: 'project.milestone_submitted',
      entityType: 'project',
      entityId: projectId,
      platformId: p.platformId,
      before: review ? { milestone: index, state: review.state } : null,
      after: { milestone: index, state: 'submitted', note: input.note },
    });
  });
  return milestoneView(ctx, projectId, index);
}

/**
 * Accepts or rejects a submitted milestone: the funder's managers. A rejection needs a reason (400
 * `/reason`); a milestone not submitted is 409 `projects.milestone_not_submitted`, an accepted one 409
 * `projects.deliverable_locked`.
 */
export async function decideMilestoneSubmission(
  ctx: Ctx,
  projectId: string,
  input: MilestoneDecisionInput,
): Promise<MilestoneView> {
  const index = input.milestone;
  await readableProject(ctx, projectId);
  await write(ctx, async (trx, audit) => {
    const { p, milestones, review } = await locked(trx, ctx, projectId, index);
    if (!(await manages(trx, ctx, p))) throw forbidden();
    if (input.decision === 'rejected' && !input.reason)
      throw invalidField('/reason', 'projects.reason_required');
    const refused = refusal(p, milestones);
    if (refused) throw refused;
    if (review?.state === 'accepted') throw new AppError(409, 'projects.deliverable_locked');
    const decided =
      review?.state === 'submitted' &&
      (await decideMilestone(trx, projectId, index, {
        state: input.decision,
        decidedBy: ctx.actor?.userId || null,
        decidedAt: isoNow(ctx.clock),
        reason: input.reason ?? null,
      }));
    if (!decided) throw new AppError(409, 'projects.milestone_not_submitted');
    await audit({
      action: `project.milestone_${input.decision}`,
      entityType: 'project',
      entityId: projectId,
      platformId: p.platformId,
      before: { milestone: index, state: 'submitted' },
      after: { milestone: index, state: input.decision },
      reason: input.reason,
    });
  });
  return milestoneView(ctx, projectId, index);
}
