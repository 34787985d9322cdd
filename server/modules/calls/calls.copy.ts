import type { Ctx } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { loadCall } from './calls.lookup.js';
import { can } from './calls.policy.js';
import type { CallView, CopyCallInput } from './calls.schema.js';
import { createCall } from './calls.service.js';

/**
 * 复制申报指南: a new draft call on the earlier call's platform with its guide (titles unless given,
 * summaries), eligibility rules, criteria and weights, budget rules (currency, total, ceiling),
 * reviewers per application, required attachments, screening checklist, resubmission window, contact
 * person and fields,
 * under a new code and new dates. It goes through createCall, so the same rights (the platform's call
 * staff), checks (dates, ceiling, code free) and audit entry (`call.created`, naming the source) apply.
 * Nothing of the earlier call's applications, review or decisions is copied. Anyone else is refused as
 * for editing: 404 on a draft (they do not see it), 403 on a published call.
 */
export async function copyCall(ctx: Ctx, sourceId: string, input: CopyCallInput): Promise<CallView> {
  const source = await loadCall(ctx.db, sourceId);
  if (!source) throw notFound('calls.not_found');
  if (!can(ctx.actor, 'calls.manage', { id: source.platformId }))
    throw source.state === 'draft' ? notFound('calls.not_found') : forbidden();
  return createCall(
    ctx,
    source.platformId,
    {
      code: input.code,
      titleZh: input.titleZh ?? source.titleZh,
      titleEn: input.titleEn ?? source.titleEn,
      summaryZh: source.summaryZh ?? undefined,
      summaryEn: source.summaryEn ?? undefined,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      currency: source.currency,
      budgetTotalMinor: source.budgetTotalMinor,
      ceilingMinor: source.ceilingMinor,
      eligibility: source.eligibility,
      criteria: source.criteria,
      reviewersPerApplication: source.reviewersPerApplication,
      requiredAttachments: source.requiredAttachments,
      screeningChecklist: source.screeningChecklist,
      resubmitWindowDays: source.resubmitWindowDays,
      contactName: source.contactName,
      contactPhone: source.contactPhone,
      contactEmail: source.contactEmail,
      fieldIds: source.fieldIds,
    },
    { copiedFrom: source.id },
  );
}
