import { write } from '../../../db/write.js';
import { type Ctx, newId } from '../../../http/context.js';
import { AppError, notFound } from '../../../http/errors.js';
import { expertIdOfUser } from '../../review/experts/experts.service.js';
import { findProject } from '../projects.repository.js';
import { tellOfficersOfCheckDecline } from './checks.notices.js';
import { findCheck, panelOf } from './checks.repository.js';
import { answerSeatRow, invitedSeatsOfExpert } from './checks.runs.repository.js';
import type { CheckAnswerInput, MyCheckInvitations } from './checks.runs.schema.js';
import { insertScorecard, scorecardsOf } from './checks.scoring.repository.js';

/*
 * An expert's invitations to the panels of project checks (docs/projects.md "Assignment runs for checks"):
 * the list of those still open, and the answer. An invited expert sees what application review shows an
 * invited expert — the project's code and title, the check's kind and due date, the answer deadline —
 * and nothing of the report before accepting.
 */

/** The signed-in expert's open invitations (not answered, not expired, check not decided), soonest first. */
export async function myCheckInvitations(ctx: Ctx): Promise<MyCheckInvitations> {
  const expertId = await expertIdOfUser(ctx.db, ctx.actor?.userId);
  if (!expertId) return { items: [] };
  const at = ctx.clock.now().toISOString();
  const items: MyCheckInvitations['items'] = [];
  for (const seat of await invitedSeatsOfExpert(ctx.db, expertId)) {
    if (seat.respondBy && seat.respondBy <= at) continue;
    const check = await findCheck(ctx.db, seat.checkId);
    if (!check || check.state === 'decided') continue;
    const p = (await findProject(ctx.db, check.projectId))!;
    items.push({
      checkId: check.id,
      projectCode: p.code,
      projectTitleZh: p.titleZh,
      projectTitleEn: p.titleEn,
      kind: check.kind,
      dueOn: check.dueOn,
      respondBy: seat.respondBy,
    });
  }
  items.sort(
    (a, b) =>
      (a.respondBy ?? '9999').localeCompare(b.respondBy ?? '9999') || a.checkId.localeCompare(b.checkId),
  );
  return { items };
}

/**
 * The invited expert accepts or declines their seat before it expires; anyone else is told the check
 * does not exist. An accepted seat on a check under review gets its scorecard; a declined one is
 * refilled by the officers (refillCheck).
 */
export async function answerInvitation(ctx: Ctx, checkId: string, input: CheckAnswerInput) {
  return write(ctx, async (trx, audit) => {
    const expertId = await expertIdOfUser(trx, ctx.actor?.userId);
    const check = await findCheck(trx, checkId, ctx.seam);
    const seat =
      expertId && check ? (await panelOf(trx, checkId)).find((s) => s.expertId === expertId) : null;
    if (!check || !seat || !expertId) throw notFound('project_checks.not_found');
    const at = ctx.clock.now().toISOString();
    if (seat.state !== 'invited' || check.state === 'decided')
      throw new AppError(409, 'project_checks.invitation_not_open', { state: seat.state });
    if (seat.respondBy && seat.respondBy <= at)
      throw new AppError(409, 'project_checks.response_window_closed', { state: seat.state });
    const state: 'accepted' | 'declined' = input.answer === 'accept' ? 'accepted' : 'declined';
    const reason = state === 'declined' ? (input.reason ?? null) : null;
    await answerSeatRow(trx, checkId, expertId, state, at, reason);
    if (
      state === 'accepted' &&
      check.state === 'under_review' &&
      !(await scorecardsOf(trx, checkId, check.version)).some((c) => c.expertId === expertId)
    )
      await insertScorecard(trx, {
        id: newId(),
        checkId,
        version: check.version,
        expertId,
        state: 'draft',
        overallComment: null,
        total: null,
        submittedAt: null,
        updatedAt: at,
      });
    const p = (await findProject(trx, check.projectId))!;
    await audit({
      action: state === 'accepted' ? 'project_check.seat_accepted' : 'project_check.seat_declined',
      entityType: 'project_check',
      entityId: checkId,
      platformId: p.platformId,
      before: { state: seat.state },
      after: { expertId, state },
      reason,
    });
    if (state === 'declined') await tellOfficersOfCheckDecline(trx, ctx, p, check, expertId, reason);
    return { checkId, expertId, state };
  });
}
