import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { EDITABLE_STATES, type InvitationState } from '../../../common/applications.js';
import type { DB } from '../../db/schema.js';
import { type Audit, type Trx, write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, invalidField, notFound } from '../../http/errors.js';
import { callsByIds } from '../calls/calls.lookup.js';
import { notify } from '../notifications/notifications.service.js';
import { peopleByIds } from '../people/people.lookup.js';
import { accessible } from './applications.access.js';
import { callOf, frozen } from './applications.drafts.js';
import {
  findInvitation,
  type Invitation,
  insertInvitation,
  invitationsOfUser,
  recordAnswer,
  revokeInvitations,
} from './applications.invitations.repository.js';
import { organisationsById } from './applications.lookup.js';
import { membersOf } from './applications.parts.repository.js';
import { type Application, applicationsByIds, loadApplication } from './applications.repository.js';
import type { InvitationView } from './applications.schema.js';
import { loadVersion } from './applications.versions.repository.js';

const VALID_DAYS = 14;
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

async function views(db: Kysely<DB>, invitations: Invitation[]): Promise<InvitationView[]> {
  if (!invitations.length) return [];
  const apps = await applicationsByIds(
    db,
    invitations.map((i) => i.applicationId),
  );
  const calls = await callsByIds(
    db,
    apps.map((a) => a.callId),
  );
  const leads = await organisationsById(
    db,
    apps.map((a) => a.leadOrgId),
  );
  const orgs = await organisationsById(
    db,
    invitations.map((i) => i.organisationId),
  );
  const people = await peopleByIds(
    db,
    invitations.map((i) => i.personId),
  );
  return invitations.map((i) => {
    const a = apps.find((x) => x.id === i.applicationId)!;
    const call = calls.get(a.callId)!;
    const o = orgs.get(i.organisationId)!;
    const p = people.get(i.personId)!;
    return {
      id: i.id,
      applicationId: i.applicationId,
      callTitleZh: call.titleZh,
      callTitleEn: call.titleEn,
      applicationTitleZh: a.titleZh,
      applicationTitleEn: a.titleEn,
      leadNameZh: leads.get(a.leadOrgId)!.nameZh,
      organisation: {
        id: o.id,
        nameZh: o.nameZh,
        nameEn: o.nameEn,
        type: o.type,
        enterpriseSize: o.enterpriseSize,
      },
      contact: { id: p.id, nameZh: p.nameZh, nameEn: p.nameEn },
      requestedMinor: i.requestedMinor,
      cofundingMinor: i.cofundingMinor,
      role: i.role,
      state: i.state as InvitationState,
      channel: i.channel as 'in_app' | 'email',
      invitedAt: i.invitedAt,
      respondedAt: i.respondedAt,
      note: i.note,
    };
  });
}

/**
 * The lead invites a member's contact to confirm the member's part as it now stands. A contact with a
 * user account is told in the app and answers there; anyone else gets a one-time link by e-mail (only
 * the link's hash is stored). A newer invitation to the same organisation replaces older ones.
 * Returns the token of an e-mailed link for the mailer (never sent back to the lead).
 */
export async function inviteMember(
  ctx: Ctx,
  id: string,
  organisationId: string,
): Promise<{ view: InvitationView; token: string | null; email: string | null }> {
  const out = await write(ctx, async (trx, audit) => {
    const app = (await accessible(trx, ctx, id, 'edit', { lock: true })).app;
    if (!EDITABLE_STATES.includes(app.state)) throw frozen(app.state);
    const version = (await loadVersion(trx, id, app.versionNo))!;
    const member = (await membersOf(trx, version.id)).find((m) => m.organisationId === organisationId);
    if (!member) throw invalidField('/organisationId', 'applications.member_not_in_consortium');
    if (member.position === 0) throw invalidField('/organisationId', 'applications.invitation_lead');
    if (!member.contactPersonId) throw invalidField('/organisationId', 'applications.invitation_no_contact');
    const person = (await peopleByIds(trx, [member.contactPersonId])).get(member.contactPersonId);
    if (!person) throw new Error(`no person ${member.contactPersonId}`);
    if (!person.userId && !person.email)
      throw invalidField('/organisationId', 'applications.invitation_no_email');
    const now = ctx.clock.now();
    const token = person.userId ? null : randomUUID();
    await revokeInvitations(trx, id, organisationId);
    const invitation: Invitation = {
      id: newId(),
      applicationId: id,
      organisationId,
      personId: person.id,
      userId: person.userId,
      channel: person.userId ? 'in_app' : 'email',
      tokenHash: token ? hashToken(token) : null,
      role: member.role,
      // The member's terms as the consortium now states them.
      requestedMinor: member.requestedMinor,
      cofundingMinor: member.cofundingMinor,
      state: 'pending',
      note: null,
      invitedBy: ctx.actor?.userId || null,
      invitedAt: now.toISOString(),
      respondedAt: null,
      expiresAt: new Date(now.getTime() + VALID_DAYS * 86_400_000).toISOString(),
    };
    await insertInvitation(trx, invitation);
    await audit({
      action: 'application.member_invited',
      entityType: 'application',
      entityId: id,
      platformId: app.platformId,
      after: {
        invitationId: invitation.id,
        organisationId,
        personId: person.id,
        channel: invitation.channel,
      },
    });
    const call = await callOf(trx, app.callId);
    if (person.userId)
      await notify(trx, ctx, {
        userIds: [person.userId],
        kind: 'application.member_invited',
        platformId: app.platformId,
        entityType: 'invitation',
        entityId: invitation.id,
        params: {
          callTitleZh: call.titleZh,
          callTitleEn: call.titleEn,
          ...applicationNamed(app),
        },
      });
    return { view: (await views(trx, [invitation]))[0]!, token, email: token ? person.email : null };
  });
  if (out.token && out.email) sendInvitationMail(ctx, out.email, out.token, out.view);
  return out;
}

/** The e-mailed one-time link, sent after the commit; without SMTP it is only logged that none went out. */
function sendInvitationMail(ctx: Ctx, to: string, token: string, v: InvitationView) {
  if (!ctx.config.smtpUrl) {
    ctx.log.warn({ invitationId: v.id }, 'SMTP_URL is not set: the invitation link was not e-mailed');
    return;
  }
  const link = `${ctx.config.publicUrl}/invitations/${token}`;
  nodemailer
    .createTransport(ctx.config.smtpUrl)
    .sendMail({
      from: ctx.config.smtpFrom,
      to,
      subject: `请确认参与申报 / Please confirm your part: ${v.callTitleZh}`,
      text: `${v.leadNameZh} 邀请贵单位（${v.organisation.nameZh}）确认在申报书中的参与内容：\n${link}\n\n${v.leadNameZh} invites ${v.organisation.nameZh} to confirm its part in an application to "${v.callTitleEn}":\n${link}\n`,
    })
    .catch((err: unknown) => ctx.log.error({ err, invitationId: v.id }, 'invitation e-mail failed'));
}

async function answer(
  trx: Trx,
  audit: Audit,
  ctx: Ctx,
  invitation: Invitation,
  accept: boolean,
  note: string | null | undefined,
) {
  if (invitation.state !== 'pending')
    throw new AppError(409, 'applications.invitation_answered', { state: invitation.state });
  const answered = {
    state: accept ? 'confirmed' : 'declined',
    respondedAt: isoNow(ctx.clock),
    note: note ?? null,
  };
  const { state } = answered;
  await recordAnswer(trx, invitation.id, answered);
  const app = (await loadApplication(trx, invitation.applicationId))!;
  await audit({
    action: `application.member_${state}`,
    entityType: 'application',
    entityId: app.id,
    platformId: app.platformId,
    after: { invitationId: invitation.id, organisationId: invitation.organisationId, state },
    reason: note ?? null,
  });
  await notify(trx, ctx, {
    userIds: [app.ownerUserId],
    kind: `application.member_${state}`,
    platformId: app.platformId,
    entityType: 'application',
    entityId: app.id,
    params: applicationNamed(app),
  });
  return (await views(trx, [{ ...invitation, ...answered }]))[0]!;
}

const live = (invitation: Invitation | undefined, now: string) =>
  invitation && invitation.state !== 'revoked' && invitation.expiresAt > now ? invitation : undefined;

/** The signed-in contact confirms or declines an in-app invitation addressed to them. */
export async function respondInvitation(
  ctx: Ctx,
  invitationId: string,
  accept: boolean,
  note?: string | null,
) {
  return write(ctx, async (trx, audit) => {
    const found = await findInvitation(trx, { id: invitationId }, ctx.seam);
    const row = live(found, isoNow(ctx.clock));
    if (!row || !ctx.actor || row.userId !== ctx.actor.userId)
      throw notFound('applications.invitation_not_found');
    return answer(trx, audit, ctx, row, accept, note);
  });
}

/** Invitations addressed to the caller, newest first. */
export async function myInvitations(ctx: Ctx): Promise<InvitationView[]> {
  if (!ctx.actor?.userId) return [];
  return views(ctx.db, await invitationsOfUser(ctx.db, ctx.actor.userId));
}

async function byToken(db: Kysely<DB>, ctx: Ctx, token: string, lock = false) {
  const found = await findInvitation(db, { tokenHash: hashToken(token) }, lock ? ctx.seam : undefined);
  const row = live(found, isoNow(ctx.clock));
  if (!row) throw notFound('applications.invitation_not_found');
  return row;
}

/** What the holder of a one-time link sees (no sign-in). */
export async function publicInvitation(ctx: Ctx, token: string) {
  const row = await byToken(ctx.db, ctx, token);
  const [v] = await views(ctx.db, [row]);
  const app = (await loadApplication(ctx.db, row.applicationId))!;
  return {
    state: v!.state,
    callTitleZh: v!.callTitleZh,
    callTitleEn: v!.callTitleEn,
    applicationTitleZh: v!.applicationTitleZh,
    applicationTitleEn: v!.applicationTitleEn,
    leadNameZh: v!.leadNameZh,
    organisationNameZh: v!.organisation.nameZh,
    contactNameZh: v!.contact.nameZh,
    requestedMinor: v!.requestedMinor,
    cofundingMinor: v!.cofundingMinor,
    currency: app.currency,
    role: v!.role,
    expiresAt: row.expiresAt,
  };
}

/** The holder of a one-time link confirms or declines; the link works once. */
export async function respondByToken(ctx: Ctx, token: string, accept: boolean, note?: string | null) {
  await write(ctx, async (trx, audit) => {
    const row = await byToken(trx, ctx, token, true);
    await answer(trx, audit, ctx, row, accept, note);
  });
  return publicInvitation(ctx, token);
}

/**
 * How a notification names the application: its receipt number once submitted, before that (a consortium
 * is confirmed while the application is a draft) its title in each language, never an id people cannot
 * read (issue 12 item 6: "参与单位已确认：e0f3ac56").
 */
function applicationNamed(
  app: Pick<Application, 'receiptNo' | 'titleZh' | 'titleEn'>,
): Record<string, string | null> {
  if (app.receiptNo) return { application: app.receiptNo };
  return { applicationZh: app.titleZh || app.titleEn, applicationEn: app.titleEn || app.titleZh };
}
