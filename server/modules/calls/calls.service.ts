import { DEFAULT_CRITERIA } from '../../../common/calls.js';
import { type Trx, write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, type FieldError, forbidden } from '../../http/errors.js';
import { resolveFieldRefs } from '../fields/fields.service.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { fieldError, invalid, managed } from './calls.access.js';
import { can } from './calls.policy.js';
import {
  type CallRecord,
  callIdByCode,
  callSnapshot,
  insertCall,
  loadCall,
  updateCall as storeCall,
} from './calls.repository.js';
import type { CallView, CreateCallInput, UpdateCallInput } from './calls.schema.js';
import { staffView } from './calls.views.js';

/** Checks that hold for every saved call, draft or not. */
function coherence(c: Pick<CallRecord, 'opensAt' | 'closesAt' | 'budgetTotalMinor' | 'ceilingMinor'>) {
  const errors: FieldError[] = [];
  if (c.closesAt <= c.opensAt) errors.push(fieldError('/closesAt', 'calls.close_before_open'));
  if (Number(c.ceilingMinor) > Number(c.budgetTotalMinor))
    errors.push(fieldError('/ceilingMinor', 'calls.ceiling_above_total'));
  return errors;
}

async function assertCodeFree(trx: Trx, platformId: string, code: string, selfId?: string) {
  const clash = await callIdByCode(trx, platformId, code);
  if (clash && clash !== selfId)
    throw new AppError(409, 'calls.code_taken', { errors: [fieldError('/code', 'calls.code_taken')] });
}

/** Creates a draft call on a platform (its program officers and admins); a copy names its source. */
export async function createCall(
  ctx: Ctx,
  platformId: string,
  input: CreateCallInput,
  opts: { copiedFrom?: string } = {},
): Promise<CallView> {
  const call = await write(
    ctx,
    async (trx, audit) => {
      const platform = await platformOrNotFound(trx, platformId);
      if (!can(ctx.actor, 'calls.manage', platform)) throw forbidden();
      const now = isoNow(ctx.clock);
      const values = {
        id: newId(),
        platformId,
        code: input.code,
        titleZh: input.titleZh,
        titleEn: input.titleEn,
        summaryZh: input.summaryZh ?? null,
        summaryEn: input.summaryEn ?? null,
        state: 'draft' as const,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        currency: input.currency ?? platform.defaultCurrency,
        budgetTotalMinor: input.budgetTotalMinor,
        ceilingMinor: input.ceilingMinor,
        eligibility: input.eligibility ?? [],
        criteria: input.criteria ?? DEFAULT_CRITERIA,
        reviewersPerApplication: input.reviewersPerApplication ?? 3,
        requiredAttachments: input.requiredAttachments ?? [],
        screeningChecklist: input.screeningChecklist ?? [],
        resubmitWindowDays: input.resubmitWindowDays ?? 7,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        contactEmail: input.contactEmail ?? null,
        createdBy: ctx.actor?.userId || null,
        publishedAt: null,
        closedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      const errors = coherence(values);
      if (errors.length) throw invalid(errors);
      await assertCodeFree(trx, platformId, values.code);
      const record: CallRecord = { ...values, fieldIds: await resolveFieldRefs(trx, input) };
      await insertCall(trx, record);
      await audit({
        action: 'call.created',
        entityType: 'call',
        entityId: record.id,
        platformId,
        after: { ...callSnapshot(record), ...(opts.copiedFrom && { copiedFrom: opts.copiedFrom }) },
      });
      return record.id;
    },
    { retryOnUniqueViolation: true },
  );
  return staffView(ctx, (await loadCall(ctx.db, call))!);
}

/** Edits a draft; given parts replace the stored ones. */
export async function updateCall(ctx: Ctx, id: string, input: UpdateCallInput): Promise<CallView> {
  await write(
    ctx,
    async (trx, audit) => {
      const before = await managed(trx, ctx, id);
      if (before.state !== 'draft')
        throw new AppError(409, 'calls.not_editable', {
          state: before.state,
          params: { state: before.state },
        });
      const after: CallRecord = {
        ...before,
        code: input.code ?? before.code,
        titleZh: input.titleZh ?? before.titleZh,
        titleEn: input.titleEn ?? before.titleEn,
        summaryZh: input.summaryZh === undefined ? before.summaryZh : input.summaryZh,
        summaryEn: input.summaryEn === undefined ? before.summaryEn : input.summaryEn,
        opensAt: input.opensAt ?? before.opensAt,
        closesAt: input.closesAt ?? before.closesAt,
        currency: input.currency ?? before.currency,
        budgetTotalMinor: input.budgetTotalMinor ?? before.budgetTotalMinor,
        ceilingMinor: input.ceilingMinor ?? before.ceilingMinor,
        eligibility: input.eligibility ?? before.eligibility,
        criteria: input.criteria ?? before.criteria,
        reviewersPerApplication: input.reviewersPerApplication ?? before.reviewersPerApplication,
        requiredAttachments: input.requiredAttachments ?? before.requiredAttachments,
        screeningChecklist: input.screeningChecklist ?? before.screeningChecklist,
        resubmitWindowDays: input.resubmitWindowDays ?? before.resubmitWindowDays,
        contactName: input.contactName === undefined ? before.contactName : input.contactName,
        contactPhone: input.contactPhone === undefined ? before.contactPhone : input.contactPhone,
        contactEmail: input.contactEmail === undefined ? before.contactEmail : input.contactEmail,
        updatedAt: isoNow(ctx.clock),
      };
      const errors = coherence(after);
      if (errors.length) throw invalid(errors);
      if (after.code !== before.code) await assertCodeFree(trx, before.platformId, after.code, id);
      const fieldsGiven = input.fieldIds !== undefined || input.fieldCodes !== undefined;
      if (fieldsGiven)
        after.fieldIds = await resolveFieldRefs(trx, input, { keep: new Set(before.fieldIds) });
      await storeCall(trx, after, fieldsGiven);
      await audit({
        action: 'call.updated',
        entityType: 'call',
        entityId: id,
        platformId: before.platformId,
        before: callSnapshot(before),
        after: callSnapshot(after),
      });
    },
    { retryOnUniqueViolation: true },
  );
  return staffView(ctx, (await loadCall(ctx.db, id))!);
}

/** For the open-data service: every call past its draft, with its fields. */
export { listPublishedCalls as publishedCallsForOpenData } from './calls.repository.js';
/** What the analytics read of calls (docs/analytics.md). */
export { callsOpenedByYear } from './calls.stats.repository.js';
/** A call's state changes: calls.transitions.ts. */
export { closeCall, extendDeadline, moveCall, publishCall } from './calls.transitions.js';
