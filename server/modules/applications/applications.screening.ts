import type { Kysely } from 'kysely';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB } from '../../db/schema.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { accessible } from './applications.access.js';
import { callOf } from './applications.drafts.js';
import { type ApplicationRow, loadVersion } from './applications.lookup.js';
import type { ScreeningInput } from './applications.schema.js';
import { Problems } from './applications.sections.js';
import { applyTransition, illegal } from './applications.transitions.js';

const DAY_MS = 86_400_000;

/** A new draft version for corrections: a copy of the frozen one (attachments share their stored files). */
async function openCorrectionVersion(trx: Kysely<DB>, app: ApplicationRow, at: string): Promise<number> {
  const frozen = (await loadVersion(trx, app.id, app.version_no))!;
  const versionNo = app.version_no + 1;
  const versionId = newId();
  await trx
    .insertInto('application_versions')
    .values({
      id: versionId,
      application_id: app.id,
      call_id: app.call_id,
      version_no: versionNo,
      content_json: frozen.content_json,
      frozen_at: null,
      snapshot_json: null,
      checksum: null,
      receipt_seq: null,
      receipt_no: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const members = await trx
    .selectFrom('application_members')
    .selectAll()
    .where('version_id', '=', frozen.id)
    .execute();
  if (members.length)
    await trx
      .insertInto('application_members')
      .values(members.map((m) => ({ ...m, id: newId(), version_id: versionId })))
      .execute();
  const lines = await trx
    .selectFrom('application_budget_lines')
    .selectAll()
    .where('version_id', '=', frozen.id)
    .execute();
  if (lines.length)
    await trx
      .insertInto('application_budget_lines')
      .values(lines.map((l) => ({ ...l, version_id: versionId })))
      .execute();
  const files = await trx
    .selectFrom('application_attachments')
    .selectAll()
    .where('version_id', '=', frozen.id)
    .execute();
  if (files.length)
    await trx
      .insertInto('application_attachments')
      .values(files.map((f) => ({ ...f, id: newId(), version_id: versionId })))
      .execute();
  return versionNo;
}

/**
 * Screening (形式审查) by the platform's program officers: checklist answers are recorded each time; the
 * first record moves a submitted application into screening. An outcome passes it to review, returns
 * it for correction (a new draft version, resubmittable until now + the call's window) or rejects it.
 */
export async function screenApplication(ctx: Ctx, id: string, input: ScreeningInput): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    let { app } = await accessible(trx, ctx, id, 'screen', { lock: true });
    if (app.state !== 'submitted' && app.state !== 'screening') throw illegal(app.state);
    const call = await callOf(trx, app.call_id);
    const p = new Problems();
    const keys = new Set(call.screeningChecklist.map((c) => c.key));
    input.answers.forEach((a, i) => {
      if (!keys.has(a.key)) p.add(`/answers/${i}/key`, 'applications.checklist_unknown_key');
    });
    if ((input.outcome === 'return' || input.outcome === 'reject') && !input.reasons)
      p.add('/reasons', 'applications.reasons_required');
    p.throwIfAny();
    const at = isoNow(ctx.clock);
    await trx
      .insertInto('application_screenings')
      .values({
        id: newId(),
        application_id: id,
        version_no: app.version_no,
        answers_json: JSON.stringify(input.answers),
        outcome: input.outcome ?? null,
        reasons: input.reasons ?? null,
        officer_id: ctx.actor?.userId || null,
        officer_label: ctx.actor?.displayName ?? '',
        at,
      })
      .execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'application.screening_recorded',
      entityType: 'application',
      entityId: id,
      platformId: app.platform_id,
      after: { versionNo: app.version_no, answers: input.answers, outcome: input.outcome ?? null },
      reason: input.reasons ?? null,
    });
    if (app.state === 'submitted') {
      await applyTransition(trx, ctx, app, call, 'start_screening', { at });
      app = { ...app, state: 'screening', updated_at: at };
    }
    if (input.outcome === 'pass')
      await applyTransition(trx, ctx, app, call, 'pass', { at, reason: input.reasons });
    if (input.outcome === 'reject')
      await applyTransition(trx, ctx, app, call, 'reject', { at, reason: input.reasons });
    if (input.outcome === 'return') {
      const deadline = new Date(ctx.clock.now().getTime() + call.resubmitWindowDays * DAY_MS).toISOString();
      const versionNo = await openCorrectionVersion(trx, app, at);
      await applyTransition(trx, ctx, app, call, 'return', {
        at,
        reason: input.reasons,
        patch: { resubmit_deadline: deadline, version_no: versionNo },
      });
    }
  });
}
