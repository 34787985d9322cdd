import type { Ctx } from '../../../http/context.js';
import { isoNow } from '../../../http/context.js';
import { uploadAttachment } from '../../applications/applications.attachments.js';
import { createApplication, saveDraft } from '../../applications/applications.drafts.js';
import {
  buildApplicant,
  buildOrg,
  completeDraft,
  pdfBytes,
} from '../../applications/applications.fixtures.js';
import { screenApplication } from '../../applications/applications.screening.js';
import { submitApplication } from '../../applications/applications.submission.js';
import { loadActor } from '../../users/users.accounts.js';

/**
 * Test data of the funding decisions: in-review applications through the real submission and screening,
 * with the panel's consensus written straight into panel_reviews (the scoring module owns how it is
 * normally recorded), and the call moved to reviewing.
 */
/** An in-review application requesting `requested` (minor units), the lead an SME when `sme`. */
export async function scoredApplication(
  ctx: Ctx,
  call: { id: string; platformId: string; fieldId: string },
  o: { requested: number; score: number | null; sme?: boolean; report?: string },
) {
  const org = (await buildOrg(ctx, o.sme ? 'enterprise' : 'university', o.sme ? 'sme' : null)).id;
  const applicant = await buildApplicant(ctx, call.platformId, org);
  const owner = { ...ctx, actor: await loadActor(ctx.db, applicant.userId, 'session', ['read', 'write']) };
  const id = await createApplication(owner, call.id, {});
  await saveDraft(
    owner,
    id,
    completeDraft(call.fieldId, [{ orgId: org, contactId: applicant.personId, requested: o.requested }]),
  );
  await uploadAttachment(owner, id, 'proposal', { fileName: 'proposal.pdf', bytes: pdfBytes(id) });
  await submitApplication(owner, id);
  await screenApplication(ctx, id, { answers: [], outcome: 'pass' });
  if (o.score !== null)
    await ctx.db
      .insertInto('panel_reviews')
      .values({
        application_id: id,
        call_id: call.id,
        consensus_score: o.score,
        report_zh: o.report ?? `评审意见${o.score}`,
        report_en: o.report ?? `Report ${o.score}`,
        basis_json: '{}',
        updated_by: null,
        updated_at: isoNow(ctx.clock),
      })
      .execute();
  return { id, ownerUserId: applicant.userId, ownerUsername: applicant.username };
}

/** Closes the call for review with the given budget. */
export async function startReview(ctx: Ctx, callId: string, budgetMinor: number) {
  await ctx.db
    .updateTable('calls')
    .set({ state: 'reviewing', budget_total_minor: budgetMinor })
    .where('id', '=', callId)
    .execute();
}
