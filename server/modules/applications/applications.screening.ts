import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { accessible } from './applications.access.js';
import { callOf } from './applications.drafts.js';
import type { ScreeningInput } from './applications.schema.js';
import { insertScreening } from './applications.screenings.repository.js';
import { Problems } from './applications.sections.js';
import { illegal, transitionApplication } from './applications.transitions.js';
import { copyVersion } from './applications.versions.repository.js';

const DAY_MS = 86_400_000;

/**
 * Screening (形式审查) by the platform's program officers: checklist answers are recorded each time; the
 * first record moves a submitted application into screening. An outcome passes it to review, returns
 * it for correction (a new draft version, resubmittable until now + the call's window) or rejects it.
 */
export async function screenApplication(ctx: Ctx, id: string, input: ScreeningInput): Promise<void> {
  await write(ctx, async (trx, audit) => {
    let { app } = await accessible(trx, ctx, id, 'screen', { lock: true });
    if (app.state !== 'submitted' && app.state !== 'screening') throw illegal(app.state);
    const call = await callOf(trx, app.callId);
    const p = new Problems();
    const keys = new Set(call.screeningChecklist.map((c) => c.key));
    input.answers.forEach((a, i) => {
      if (!keys.has(a.key)) p.add(`/answers/${i}/key`, 'applications.checklist_unknown_key');
    });
    if ((input.outcome === 'return' || input.outcome === 'reject') && !input.reasons)
      p.add('/reasons', 'applications.reasons_required');
    p.throwIfAny();
    const at = isoNow(ctx.clock);
    await insertScreening(trx, {
      id: newId(),
      applicationId: id,
      versionNo: app.versionNo,
      answers: input.answers,
      outcome: input.outcome ?? null,
      reasons: input.reasons ?? null,
      officerId: ctx.actor?.userId || null,
      officerLabel: ctx.actor?.displayName ?? '',
      at,
    });
    await audit({
      action: 'application.screening_recorded',
      entityType: 'application',
      entityId: id,
      platformId: app.platformId,
      after: { versionNo: app.versionNo, answers: input.answers, outcome: input.outcome ?? null },
      reason: input.reasons ?? null,
    });
    if (app.state === 'submitted') {
      await transitionApplication(trx, audit, ctx, app, call, 'start_screening', { at });
      app = { ...app, state: 'screening', updatedAt: at };
    }
    if (input.outcome === 'pass')
      await transitionApplication(trx, audit, ctx, app, call, 'pass', { at, reason: input.reasons });
    if (input.outcome === 'reject')
      await transitionApplication(trx, audit, ctx, app, call, 'reject', { at, reason: input.reasons });
    if (input.outcome === 'return') {
      const deadline = new Date(ctx.clock.now().getTime() + call.resubmitWindowDays * DAY_MS).toISOString();
      // A new draft version for corrections: a copy of the frozen one.
      const versionNo = await copyVersion(trx, app.id, app.versionNo, at, newId);
      await transitionApplication(trx, audit, ctx, app, call, 'return', {
        at,
        reason: input.reasons,
        patch: { resubmitDeadline: deadline, versionNo },
      });
    }
  });
}
