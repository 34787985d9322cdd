import { createHash } from 'node:crypto';
import { hitWindow, windowStartOf } from '../../db/rate-limit-windows.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, invalidField } from '../../http/errors.js';
import { requireSolvedChallenge } from '../auth/challenge.service.js';
import { hashPassword } from '../auth/password.js';
import { assertPasswordAllowed } from '../auth/password-rules.js';
import { randomToken, tokenHash } from '../auth/secrets.js';
import { sendDirectMail } from '../notifications/notifications.direct.js';
import { findOrgsByCodeOrName, organisationExists, searchOrganisations } from '../orgs/orgs.lookup.js';
import { normaliseCode, orgRuleErrors } from '../orgs/orgs.rules.js';
import { platformSummaries } from '../platforms/platforms.lookup.js';
import { findAccountByUsername, findAccountsByEmail } from '../users/users.accounts.js';
import {
  claimVerification,
  findRegistrationByToken,
  insertRegistration,
  openRegistrationsOf,
  type Registration,
  undecidedRegistrationOf,
  updateRegistration,
} from './registrations.repository.js';
import type { RegisterInput } from './registrations.schema.js';

/** How long a verification link works. */
export const VERIFY_LINK_HOURS = 24;
const HOUR = 3_600_000;

/**
 * Self-registration, the public part (docs/adr/0045, docs/sign-in.md "Self-registration"): the form, the
 * e-mailed verification link and its resend. Every well-formed registration with a solved challenge, the
 * current consent and an allowed password gets the same answer whether its address is free or not: the
 * password is hashed, a token drawn and the per-address counter hit on both paths, and the e-mail —
 * the link to a free address, a notice to the owner of a taken one — leaves after the answer.
 */
export async function register(ctx: Ctx, input: RegisterInput & { ip: string | null }): Promise<void> {
  await requireSolvedChallenge(ctx, input.challenge);
  const platform = (await platformSummaries(ctx.db, [input.platformId])).get(input.platformId);
  if (!platform) throw invalidField('/platformId', 'platforms.not_found');
  const proposed = await checkOrganisation(ctx, input);
  await assertPasswordAllowed(
    ctx,
    input.password,
    { username: input.email, email: input.email, displayName: input.name },
    '/password',
  );
  const passwordHash = await hashPassword(input.password);
  const token = randomToken();
  const now = ctx.clock.now();
  const overLimit = await hitAddress(ctx, input.email, now);
  const taken = await addressInUse(ctx, input.email, now.toISOString());
  const platformNames = { platformZh: platform.nameZh, platformEn: platform.nameEn };
  if (overLimit) {
    ctx.log.info({ ip: input.ip }, 'registration: address over its hourly limit, no e-mail');
    return;
  }
  if (taken) {
    ctx.log.info({ ip: input.ip }, 'registration: address already in use, its owner is told');
    sendDirectMail(ctx, {
      to: input.email,
      locale: input.locale,
      kind: 'registration.address_in_use',
      params: {
        ...platformNames,
        signInLink: `${ctx.config.publicUrl}/sign-in`,
        resetLink: `${ctx.config.publicUrl}/forgot-password`,
      },
    });
    return;
  }
  const id = newId();
  const at = now.toISOString();
  const row: Registration = {
    id,
    platformId: platform.id,
    state: 'unverified',
    displayName: input.name,
    email: input.email,
    phone: input.phone ?? null,
    locale: input.locale,
    passwordHash,
    organisationId: input.organisationId ?? null,
    proposedName: proposed?.nameZh ?? null,
    proposedCreditCode: proposed?.creditCode ?? null,
    proposedType: proposed?.type ?? null,
    proposedSize: proposed?.enterpriseSize ?? null,
    consentVersion: input.consentVersion,
    consentedAt: at,
    tokenHash: tokenHash(token),
    tokenExpiresAt: new Date(now.getTime() + VERIFY_LINK_HOURS * HOUR).toISOString(),
    verifiedAt: null,
    decidedAt: null,
    decidedBy: null,
    refusalReason: null,
    userId: null,
    personId: null,
    ip: input.ip,
    createdAt: at,
    updatedAt: at,
  };
  await write(ctx, async (trx, audit) => {
    await insertRegistration(trx, row);
    // The person's details stay out of the audit trail (as for the public inquiry form); the row keeps them.
    await audit({
      action: 'registration.submitted',
      entityType: 'registration',
      entityId: id,
      after: {
        platformId: platform.id,
        organisationId: row.organisationId,
        proposesOrganisation: !!proposed,
        consentVersion: input.consentVersion,
        ip: input.ip,
      },
    });
  });
  sendLink(ctx, row, token, platformNames);
}

/** The organisation part: an existing live one, or a proposal whose credit code is valid and new. */
async function checkOrganisation(ctx: Ctx, input: RegisterInput) {
  if (input.organisationId) {
    if (!(await organisationExists(ctx.db, input.organisationId)))
      throw invalidField('/organisationId', 'orgs.not_found');
    return null;
  }
  const p = input.newOrganisation!;
  const enterpriseSize = p.enterpriseSize ?? null;
  const errors = orgRuleErrors({ type: p.type, enterpriseSize, creditCode: p.creditCode });
  if (errors.length)
    throw new AppError(400, 'request.validation_failed', {
      errors: errors.map((e) => ({
        in: 'body',
        pointer: `/newOrganisation/${e.field}`,
        code: e.code,
        message: '',
      })),
    });
  const creditCode = normaliseCode(p.creditCode).code!;
  const [holder] = await findOrgsByCodeOrName(ctx.db, [creditCode], []);
  if (holder) {
    // Already in the registry: the person picks it instead (its code is public, so this tells nothing).
    throw new AppError(409, 'orgs.duplicate_credit_code', {
      existingId: holder.id,
      errors: [
        {
          in: 'body',
          pointer: '/newOrganisation/creditCode',
          code: 'orgs.duplicate_credit_code',
          message: '',
        },
      ],
    });
  }
  return { nameZh: p.nameZh, type: p.type, enterpriseSize, creditCode };
}

/** Counts one mail for the address this hour; true when over PASSWORD_RESET_PER_ADDRESS_PER_HOUR. */
async function hitAddress(ctx: Ctx, email: string, now: Date): Promise<boolean> {
  const key = createHash('sha256').update(email).digest('hex');
  const sent = await hitWindow(ctx.db, 'register-address', key, windowStartOf(now.getTime(), HOUR));
  return sent > ctx.config.passwordResetPerAddressPerHour;
}

/** Whether an account (by user name or e-mail) or an open registration holds the address. */
async function addressInUse(ctx: Ctx, email: string, now: string): Promise<boolean> {
  const [byName, byEmail, open] = await Promise.all([
    findAccountByUsername(ctx.db, email),
    findAccountsByEmail(ctx.db, email),
    openRegistrationsOf(ctx.db, email, now),
  ]);
  return !!byName || byEmail.length > 0 || open.length > 0;
}

function sendLink(
  ctx: Ctx,
  r: Pick<Registration, 'email' | 'locale' | 'displayName'>,
  token: string,
  platformNames: { platformZh: string; platformEn: string },
) {
  sendDirectMail(ctx, {
    to: r.email,
    locale: r.locale,
    kind: 'registration.verify_link',
    params: {
      ...platformNames,
      name: r.displayName,
      hours: String(VERIFY_LINK_HOURS),
      link: `${ctx.config.publicUrl}/public/register/verify#${token}`,
    },
  });
}

/**
 * 重新发送: a new link for the newest unverified registration of the address (the old link stops
 * working). The answer is the same for every address; the per-address hourly limit applies.
 */
export async function resendVerification(ctx: Ctx, input: { email: string; ip: string | null }) {
  const now = ctx.clock.now();
  const token = randomToken();
  const overLimit = await hitAddress(ctx, input.email, now);
  const r = await undecidedRegistrationOf(ctx.db, input.email);
  if (overLimit || !r || r.state !== 'unverified') {
    ctx.log.info({ ip: input.ip, overLimit }, 'registration link: nothing to resend');
    return;
  }
  const at = now.toISOString();
  await write(ctx, async (trx) => {
    await updateRegistration(trx, r.id, {
      tokenHash: tokenHash(token),
      tokenExpiresAt: new Date(now.getTime() + VERIFY_LINK_HOURS * HOUR).toISOString(),
      updatedAt: at,
    });
  });
  const platform = (await platformSummaries(ctx.db, [r.platformId])).get(r.platformId)!;
  sendLink(ctx, r, token, { platformZh: platform.nameZh, platformEn: platform.nameEn });
}

const invalidLink = () => invalidField('/token', 'registrations.link_invalid');

/** Opens an e-mailed link: the registration is verified and waits for the keepers' decision. */
export async function verifyRegistration(ctx: Ctx, input: { token: string; ip: string | null }) {
  const now = isoNow(ctx.clock);
  const r = await findRegistrationByToken(ctx.db, tokenHash(input.token));
  if (r?.state !== 'unverified' || !r.tokenExpiresAt || r.tokenExpiresAt <= now) throw invalidLink();
  await write(ctx, async (trx, audit) => {
    if (!(await claimVerification(trx, r.id, now))) throw invalidLink();
    await audit({
      action: 'registration.verified',
      entityType: 'registration',
      entityId: r.id,
      after: { ip: input.ip },
    });
  });
  const platform = (await platformSummaries(ctx.db, [r.platformId])).get(r.platformId)!;
  return { state: 'pending' as const, platform: { nameZh: platform.nameZh, nameEn: platform.nameEn } };
}

/** The organisation search of the form: live organisations by name or credit code, ten at most. */
export async function searchForRegistration(ctx: Ctx, q: string) {
  return { items: await searchOrganisations(ctx.db, q, 10) };
}
