import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Actor, type Ctx, isoNow } from '../../http/context.js';
import { AppError, forbidden, notFound, unauthorized } from '../../http/errors.js';
import { sendDirectMail } from '../notifications/notifications.direct.js';
import { notify } from '../notifications/notifications.service.js';
import { findOrgsByCodeOrName, organisationNames, survivingOrganisationIds } from '../orgs/orgs.lookup.js';
import type { OrgType } from '../orgs/orgs.schema.js';
import { editableOrganisations, insertOrganisationInTrx } from '../orgs/orgs.service.js';
import { insertPersonRecord } from '../people/people.service.js';
import { platformSummaries } from '../platforms/platforms.lookup.js';
import {
  findAccountByUsername,
  findAccountsByEmail,
  insertSelfRegisteredAccount,
} from '../users/users.accounts.js';
import { canReview, reviewablePlatforms } from './registrations.policy.js';
import {
  findRegistration,
  findRegistrationForUpdate,
  listRegistrationRows,
  type Registration,
  type RegistrationState,
  updateRegistration,
} from './registrations.repository.js';
import type { ApprovalBlock, ListRegistrationsQuery, RegistrationView } from './registrations.schema.js';

/**
 * 注册审核: the registry's keepers decide on verified registrations (docs/adr/0045). Approval creates a
 * new account (applicant on the platform registered on, nothing else), a new person linked to it, and
 * the proposed organisation or the link to the one picked — never an existing person or account (no
 * identity takeover, ADR 0013). Refusal e-mails the reason. One audited transaction each.
 */

function assertReviewer(ctx: Ctx) {
  if (!ctx.actor) throw unauthorized();
  if (!canReview(ctx.actor)) throw forbidden();
}

export async function listRegistrations(ctx: Ctx, q: ListRegistrationsQuery) {
  assertReviewer(ctx);
  const mine = reviewablePlatforms(ctx.actor);
  const platformIds = q.platformId
    ? mine === null || mine.includes(q.platformId)
      ? [q.platformId]
      : []
    : mine;
  const { rows, total } = await listRegistrationRows(
    ctx.db,
    { state: q.state as RegistrationState, platformIds },
    { limit: q.limit, offset: q.offset },
  );
  return { items: await views(ctx, rows), total };
}

/**
 * Why the actor may not approve each registration, or null when it may: the one rule the approval
 * enforces and the list shows per row (so 批准 is disabled, with the reason, before anyone clicks).
 * Only a pending one is approved; on a platform the actor keeps; and, when it names an existing
 * organisation (or the one that organisation was merged into), only by whoever may curate that
 * organisation (ADR 0013), since the approval adds a person to it.
 */
export async function approvalBlocks(
  db: Kysely<DB>,
  actor: Actor,
  rows: readonly Registration[],
): Promise<Map<string, ApprovalBlock | null>> {
  const picked = rows.flatMap((r) => (r.organisationId ? [r.organisationId] : []));
  const survivors = await survivingOrganisationIds(db, picked);
  const editable = await editableOrganisations(db, actor, [...new Set(survivors.values())]);
  return new Map(
    rows.map((r) => {
      const block = decisionBlock(actor, r);
      if (block) return [r.id, block];
      const org = r.organisationId && survivors.get(r.organisationId);
      return [r.id, org && !editable.has(org) ? 'orgs.keepers_only' : null];
    }),
  );
}

async function views(ctx: Pick<Ctx, 'db' | 'actor'>, rows: Registration[]): Promise<RegistrationView[]> {
  const db = ctx.db;
  const blocks = await approvalBlocks(db, ctx.actor, rows);
  const platforms = await platformSummaries(db, [...new Set(rows.map((r) => r.platformId))]);
  const orgs = await organisationNames(
    db,
    rows.map((r) => r.organisationId),
  );
  return rows.map((r) => {
    const p = platforms.get(r.platformId)!;
    return {
      id: r.id,
      platform: { id: p.id, nameZh: p.nameZh, nameEn: p.nameEn },
      state: r.state as RegistrationState,
      name: r.displayName,
      email: r.email,
      phone: r.phone,
      organisation: (r.organisationId && orgs.get(r.organisationId)) || null,
      proposedOrganisation: r.proposedName
        ? {
            nameZh: r.proposedName,
            creditCode: r.proposedCreditCode!,
            type: r.proposedType as 'enterprise',
            enterpriseSize: (r.proposedSize as 'sme' | 'large' | null) ?? null,
          }
        : null,
      consentVersion: r.consentVersion,
      createdAt: r.createdAt,
      verifiedAt: r.verifiedAt,
      decidedAt: r.decidedAt,
      refusalReason: r.refusalReason,
      userId: r.userId,
      personId: r.personId,
      approval: { allowed: !blocks.get(r.id), blockedBy: blocks.get(r.id) ?? null },
    };
  });
}

/** The registration, locked, if the actor may decide on it and it waits for a decision. */
async function pendingForDecision(trx: Kysely<DB>, ctx: Ctx, id: string): Promise<Registration> {
  const r = await findRegistrationForUpdate(trx, ctx.seam, id);
  const block = r ? decisionBlock(ctx.actor, r) : 'registrations.not_found';
  // Another platform's registrations are not the caller's to see: answered like a missing one.
  if (!r || block === 'registrations.not_found') throw notFound('registrations.not_found');
  if (block) throw new AppError(409, block, { state: r.state });
  return r;
}

/** Whether the actor may decide on the registration now at all (approve or refuse). */
function decisionBlock(actor: Actor, r: Registration): ApprovalBlock | null {
  if (!canReview(actor, r.platformId)) return 'registrations.not_found';
  return r.state === 'pending' ? null : 'registrations.not_pending';
}

const emailTaken = () => new AppError(409, 'registrations.email_taken');

export async function approveRegistration(ctx: Ctx, id: string): Promise<RegistrationView> {
  assertReviewer(ctx);
  const now = isoNow(ctx.clock);
  const done = await write(ctx, async (trx, audit) => {
    const r = await pendingForDecision(trx, ctx, id);
    // Read inside the write, after the row is locked: a reference added meanwhile is counted.
    if ((await approvalBlocks(trx, ctx.actor, [r])).get(r.id) === 'orgs.keepers_only')
      throw new AppError(403, 'orgs.keepers_only');
    // The address became an account meanwhile (made by an administrator, or another registration):
    // never link to it; the keeper refuses this one.
    if ((await findAccountByUsername(trx, r.email)) || (await findAccountsByEmail(trx, r.email)).length)
      throw emailTaken();
    const organisationId = await organisationOf(trx, ctx, r);
    const userId = await insertSelfRegisteredAccount(trx, ctx, {
      email: r.email,
      displayName: r.displayName,
      passwordHash: r.passwordHash,
      locale: r.locale === 'en-US' ? 'en-US' : 'zh-CN',
      platformId: r.platformId,
      now,
    });
    const person = await insertPersonRecord(
      trx,
      ctx,
      { nameZh: r.displayName, email: r.email, phone: r.phone, organisationId },
      '',
      'registration',
      userId,
    );
    await updateRegistration(trx, r.id, {
      state: 'approved',
      organisationId,
      decidedAt: now,
      decidedBy: ctx.actor!.userId,
      userId,
      personId: person.id,
      updatedAt: now,
    });
    await audit({
      action: 'registration.approved',
      entityType: 'registration',
      entityId: r.id,
      before: { state: 'pending' },
      after: { state: 'approved', userId, personId: person.id, organisationId, role: 'applicant' },
    });
    const platform = (await platformSummaries(trx, [r.platformId])).get(r.platformId)!;
    // The account exists now: the news goes through the notification centre and its e-mail outbox.
    await notify(trx, ctx, {
      userIds: [userId],
      kind: 'registration.approved',
      platformId: r.platformId,
      entityType: 'user',
      entityId: userId,
      params: { platformZh: platform.nameZh, platformEn: platform.nameEn, username: r.email },
    });
    return r.id;
  }).catch((err: unknown) => {
    // Two approvals racing for one address: the unique user name decides, the loser gets 409.
    throw ctx.seam.isUniqueViolation(err) ? emailTaken() : err;
  });
  return viewOf(ctx, done);
}

/** The organisation to link: the one picked (or its merge survivor), or the proposal, created now. */
async function organisationOf(trx: Kysely<DB>, ctx: Ctx, r: Registration): Promise<string> {
  // Whoever may curate it was checked with the rest of the approval's rule (approvalBlocks).
  if (r.organisationId)
    return (await survivingOrganisationIds(trx, [r.organisationId])).get(r.organisationId)!;
  const [holder] = await findOrgsByCodeOrName(trx, [r.proposedCreditCode!], []);
  if (holder) throw new AppError(409, 'orgs.duplicate_credit_code', { existingId: holder.id });
  return insertOrganisationInTrx(trx, ctx, {
    nameZh: r.proposedName!,
    type: r.proposedType as OrgType,
    enterpriseSize: (r.proposedSize as 'sme' | 'large' | null) ?? null,
    creditCode: r.proposedCreditCode,
  });
}

export async function refuseRegistration(ctx: Ctx, id: string, reason: string): Promise<RegistrationView> {
  assertReviewer(ctx);
  const now = isoNow(ctx.clock);
  const r = await write(ctx, async (trx, audit) => {
    const r = await pendingForDecision(trx, ctx, id);
    await updateRegistration(trx, r.id, {
      state: 'refused',
      refusalReason: reason,
      decidedAt: now,
      decidedBy: ctx.actor!.userId,
      updatedAt: now,
    });
    await audit({
      action: 'registration.refused',
      entityType: 'registration',
      entityId: r.id,
      before: { state: 'pending' },
      after: { state: 'refused', reason },
    });
    return r;
  });
  const platform = (await platformSummaries(ctx.db, [r.platformId])).get(r.platformId)!;
  // No account exists to notify: straight to the address the person verified.
  sendDirectMail(ctx, {
    to: r.email,
    locale: r.locale,
    kind: 'registration.refused',
    params: { name: r.displayName, platformZh: platform.nameZh, platformEn: platform.nameEn, reason },
  });
  return viewOf(ctx, r.id);
}

async function viewOf(ctx: Ctx, id: string): Promise<RegistrationView> {
  return (await views(ctx, [(await findRegistration(ctx.db, id))!]))[0]!;
}

/** How many registrations wait for the actor's decision, per platform (the workbench's to-dos). */
export async function pendingCounts(ctx: Ctx): Promise<{ platformId: string | null; count: number }[]> {
  if (!ctx.actor || !canReview(ctx.actor)) return [];
  const mine = reviewablePlatforms(ctx.actor);
  // A system admin's one count is of every platform; a keeper's, one per platform kept (the list's filter).
  const scopes = mine === null ? [null] : mine;
  const out = [];
  for (const platformId of scopes) {
    const { total } = await listRegistrations(ctx, {
      state: 'pending',
      platformId: platformId ?? undefined,
      limit: 1,
      offset: 0,
    });
    out.push({ platformId, count: total });
  }
  return out;
}
