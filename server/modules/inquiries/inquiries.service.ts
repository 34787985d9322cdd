import type { Kysely } from 'kysely';
import { INQUIRY_TRANSITIONS, type InquiryState } from '../../../common/results.js';
import type { DB } from '../../db/schema.js';
import { type Audit, write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { notify, roleHoldersOrAdmins } from '../notifications/notifications.service.js';
import { publishedPublicResultSummary } from '../results/results.service.js';
import { can } from './inquiries.policy.js';
import {
  findInquiryForUpdate,
  type InquiryRow,
  inquiryExistsOn,
  insertInquiry,
  insertTransition,
  updateInquiryState,
} from './inquiries.repository.js';
import type { CreateInquiryInput, InquiryView, TransitionInput } from './inquiries.schema.js';
import { inquiryViews } from './inquiries.views.js';

/**
 * A visitor's inquiry about a public, published result (no sign-in). It lands in the inquiry list of
 * the tech-transfer officers and admins of the result's platform, in state "received".
 */
export async function createInquiry(ctx: Ctx, resultId: string, input: CreateInquiryInput) {
  return write(ctx, async (trx, audit) => {
    const result = await publishedPublicResultSummary(trx, resultId);
    if (!result) throw notFound('results.not_found');
    const now = isoNow(ctx.clock);
    const row: InquiryRow = {
      id: newId(),
      result_id: result.id,
      platform_id: result.platformId,
      kind: input.kind,
      name: input.name,
      organisation: input.organisation,
      email: input.email,
      phone: input.phone ?? null,
      message: input.message,
      locale: input.locale,
      state: 'received',
      close_reason: null,
      licence_id: null,
      consent_version: input.consentVersion,
      consented_at: now,
      received_at: now,
      updated_at: now,
    };
    await insertInquiry(trx, row);
    await insertTransition(trx, {
      id: newId(),
      inquiry_id: row.id,
      from_state: null,
      to_state: 'received',
      at: now,
      actor_id: ctx.actor?.userId || null,
      actor_label: ctx.actor?.username ?? 'public',
      note: null,
    });
    // The visitor's contact details stay out of the audit trail; the inquiry row keeps them.
    await audit({
      action: 'inquiry.received',
      entityType: 'inquiry',
      entityId: row.id,
      platformId: row.platform_id,
      after: {
        resultId: row.result_id,
        kind: row.kind,
        state: row.state,
        consentVersion: input.consentVersion,
      },
    });
    await notify(trx, ctx, {
      // The platform's tech-transfer officers (its admins when it has none) answer inquiries.
      userIds: await roleHoldersOrAdmins(trx, row.platform_id, 'tech_transfer_officer'),
      kind: 'inquiry.received',
      platformId: row.platform_id,
      entityType: 'inquiry',
      entityId: row.id,
      params: { titleZh: result.titleZh, titleEn: result.titleEn, organisation: row.organisation },
    });
    return { id: row.id, receivedAt: now };
  });
}

async function managed(db: Kysely<DB>, ctx: Ctx, id: string): Promise<InquiryRow> {
  const row = await findInquiryForUpdate(db, ctx.seam, id);
  if (!row) throw notFound('inquiries.not_found');
  if (!can(ctx.actor, 'inquiries.manage', { platformId: row.platform_id })) {
    // Staff of the platform learn that it exists; everyone else gets "not found".
    throw ctx.actor?.roles.some((r) => r.platformId === row.platform_id)
      ? forbidden()
      : notFound('inquiries.not_found');
  }
  return row;
}

export async function getInquiry(ctx: Ctx, id: string): Promise<InquiryView> {
  const row = await managed(ctx.db, ctx, id);
  return (await inquiryViews(ctx.db, [row], true))[0]!;
}

/** Moves an inquiry one step along the funnel inside the caller's transaction; audited. */
async function moveInTrx(
  trx: Kysely<DB>,
  audit: Audit,
  ctx: Ctx,
  before: InquiryRow,
  input: TransitionInput,
): Promise<InquiryRow> {
  const from = before.state as InquiryState;
  if (!INQUIRY_TRANSITIONS[from].includes(input.to))
    throw new AppError(409, 'inquiries.illegal_transition', {
      detail: `The inquiry is ${from}; it cannot move to ${input.to}`,
      currentState: from,
    });
  if (input.to === 'closed' && !input.reason) throw invalidField('/reason', 'inquiries.reason_required');
  const now = isoNow(ctx.clock);
  const after: InquiryRow = {
    ...before,
    state: input.to,
    close_reason: input.to === 'closed' ? input.reason! : before.close_reason,
    licence_id: input.to === 'licensed' ? (input.licenceId ?? null) : before.licence_id,
    updated_at: now,
  };
  await updateInquiryState(trx, before.id, {
    state: after.state,
    close_reason: after.close_reason,
    licence_id: after.licence_id,
    updated_at: now,
  });
  await insertTransition(trx, {
    id: newId(),
    inquiry_id: before.id,
    from_state: from,
    to_state: input.to,
    at: now,
    actor_id: ctx.actor?.userId || null,
    actor_label: ctx.actor?.username ?? 'public',
    note: input.note ?? input.reason ?? null,
  });
  await audit({
    action: 'inquiry.transition',
    entityType: 'inquiry',
    entityId: before.id,
    platformId: before.platform_id,
    before: { state: from },
    after: { state: after.state, closeReason: after.close_reason, licenceId: after.licence_id },
    reason: input.reason ?? null,
  });
  return after;
}

/** The officer moves an inquiry along the funnel; an illegal step is 409 naming the current state. */
export async function transitionInquiry(ctx: Ctx, id: string, input: TransitionInput): Promise<InquiryView> {
  const row = await write(ctx, async (trx, audit) =>
    moveInTrx(trx, audit, ctx, await managed(trx, ctx, id), input),
  );
  return (await inquiryViews(ctx.db, [row], true))[0]!;
}

/**
 * Marks an inquiry as licensed when a licence is recorded from it (the agreements module calls this inside
 * its own transaction). The licence id is kept as text. Repeating it with the same licence is a no-op.
 */
export async function markInquiryLicensed(
  trx: Kysely<DB>,
  audit: Audit,
  ctx: Ctx,
  inquiryId: string,
  licenceId: string,
): Promise<InquiryRow> {
  const before = await managed(trx, ctx, inquiryId);
  if (before.state === 'licensed' && before.licence_id === licenceId) return before;
  return moveInTrx(trx, audit, ctx, before, { to: 'licensed', licenceId });
}

/** Whether the inquiry exists on the platform (a licence may be recorded from it). */
export const inquiryIsOnPlatform = (db: Kysely<DB>, inquiryId: string, platformId: string) =>
  inquiryExistsOn(db, inquiryId, platformId);
