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
  type Inquiry,
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
    const row: Inquiry = {
      id: newId(),
      resultId: result.id,
      platformId: result.platformId,
      kind: input.kind,
      name: input.name,
      organisation: input.organisation,
      email: input.email,
      phone: input.phone ?? null,
      message: input.message,
      locale: input.locale,
      state: 'received',
      closeReason: null,
      licenceId: null,
      consentVersion: input.consentVersion,
      consentedAt: now,
      receivedAt: now,
      updatedAt: now,
    };
    await insertInquiry(trx, row);
    await insertTransition(trx, {
      id: newId(),
      inquiryId: row.id,
      fromState: null,
      toState: 'received',
      at: now,
      actorId: ctx.actor?.userId || null,
      actorLabel: ctx.actor?.username ?? 'public',
      note: null,
    });
    // The visitor's contact details stay out of the audit trail; the inquiry row keeps them.
    await audit({
      action: 'inquiry.received',
      entityType: 'inquiry',
      entityId: row.id,
      platformId: row.platformId,
      after: {
        resultId: row.resultId,
        kind: row.kind,
        state: row.state,
        consentVersion: input.consentVersion,
      },
    });
    await notify(trx, ctx, {
      // The platform's tech-transfer officers (its admins when it has none) answer inquiries.
      userIds: await roleHoldersOrAdmins(trx, row.platformId, 'tech_transfer_officer'),
      kind: 'inquiry.received',
      platformId: row.platformId,
      entityType: 'inquiry',
      entityId: row.id,
      params: { titleZh: result.titleZh, titleEn: result.titleEn, organisation: row.organisation },
    });
    return { id: row.id, receivedAt: now };
  });
}

async function managed(db: Kysely<DB>, ctx: Ctx, id: string): Promise<Inquiry> {
  const row = await findInquiryForUpdate(db, ctx.seam, id);
  if (!row) throw notFound('inquiries.not_found');
  if (!can(ctx.actor, 'inquiries.manage', { platformId: row.platformId })) {
    // Staff of the platform learn that it exists; everyone else gets "not found".
    throw ctx.actor?.roles.some((r) => r.platformId === row.platformId)
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
  before: Inquiry,
  input: TransitionInput,
): Promise<Inquiry> {
  const from = before.state as InquiryState;
  if (!INQUIRY_TRANSITIONS[from].includes(input.to))
    throw new AppError(409, 'inquiries.illegal_transition', {
      detail: `The inquiry is ${from}; it cannot move to ${input.to}`,
      currentState: from,
    });
  if (input.to === 'closed' && !input.reason) throw invalidField('/reason', 'inquiries.reason_required');
  const now = isoNow(ctx.clock);
  const after: Inquiry = {
    ...before,
    state: input.to,
    closeReason: input.to === 'closed' ? input.reason! : before.closeReason,
    licenceId: input.to === 'licensed' ? (input.licenceId ?? null) : before.licenceId,
    updatedAt: now,
  };
  await updateInquiryState(trx, before.id, {
    state: after.state,
    closeReason: after.closeReason,
    licenceId: after.licenceId,
    updatedAt: now,
  });
  await insertTransition(trx, {
    id: newId(),
    inquiryId: before.id,
    fromState: from,
    toState: input.to,
    at: now,
    actorId: ctx.actor?.userId || null,
    actorLabel: ctx.actor?.username ?? 'public',
    note: input.note ?? input.reason ?? null,
  });
  await audit({
    action: 'inquiry.transition',
    entityType: 'inquiry',
    entityId: before.id,
    platformId: before.platformId,
    before: { state: from },
    after: { state: after.state, closeReason: after.closeReason, licenceId: after.licenceId },
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
): Promise<Inquiry> {
  const before = await managed(trx, ctx, inquiryId);
  if (before.state === 'licensed' && before.licenceId === licenceId) return before;
  return moveInTrx(trx, audit, ctx, before, { to: 'licensed', licenceId });
}

/** Whether the inquiry exists on the platform (a licence may be recorded from it). */
export const inquiryIsOnPlatform = (db: Kysely<DB>, inquiryId: string, platformId: string) =>
  inquiryExistsOn(db, inquiryId, platformId);
