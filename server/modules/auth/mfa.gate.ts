import type { Kysely } from 'kysely';
import type { ErrorCode } from '../../../common/error-codes.js';
import type { MfaRoleName } from '../../../common/roles.js';
import type { DB } from '../../db/schema.js';
import type { UserActor } from '../../http/context.js';
import { findFactor } from './auth.mfa.repository.js';

/** Whether MFA_REQUIRED_ROLES names one of the actor's administrator kinds or platform roles. */
export function mfaRequiredFor(actor: UserActor, required: readonly MfaRoleName[]): boolean {
  return required.some((name) => {
    if (name === 'system_admin') return actor.isSystemAdmin;
    if (name === 'security_admin') return actor.isSecurityAdmin;
    if (name === 'audit_admin') return actor.isAuditAdmin;
    return actor.roles.some((r) => r.role === name);
  });
}

/** Sign-in hook (auth.service login): whether the password must be followed by a code. */
export async function secondFactorEnabled(db: Kysely<DB>, userId: string): Promise<boolean> {
  return !!(await findFactor(db, userId))?.enabledAt;
}

// What a session may reach before its second factor is done: finishing or abandoning the sign-in.
const PENDING_ROUTES = new Set([
  'POST /api/auth/login',
  'POST /api/auth/mfa/verify',
  'POST /api/auth/logout',
  'GET /api/auth/session',
]);
// What a user whose role requires the factor may reach before enrolling: enrolment and little else.
const ENROL_ROUTES = new Set([
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/session',
  'GET /api/me/mfa',
  'POST /api/me/mfa/enrolment',
  'POST /api/me/mfa/enrolment/confirm',
  'PUT /api/me/preferences',
]);

// What a session whose password must be changed (expired, or set by an administrator) may reach.
const PASSWORD_ROUTES = new Set([
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/session',
  'POST /api/me/password',
  'PUT /api/me/preferences',
]);

/**
 * The problem that stops a session's request, or null. The order is the sign-in's: the second step of an
 * enrolled user, then a new password (before enrolling, so the enrolment is not done under a password
 * someone else knows), then enrolment. Checked on every session request, so a role that
 * starts requiring the factor mid-session sends its holder to enrol at once (and a password that expires
 * mid-session to change it). API tokens are not gated: they are created in a session that passed this
 * gate and are a second credential already; a password reset by an administrator revokes them all.
 */
export async function sessionGate(
  db: Kysely<DB>,
  required: readonly MfaRoleName[],
  session: { actor: UserActor; mfaPending: boolean; passwordMustChange: boolean; factorEnabled?: boolean },
  route: string,
): Promise<ErrorCode | null> {
  if (session.mfaPending) return PENDING_ROUTES.has(route) ? null : 'auth.mfa_required';
  if (session.passwordMustChange) return PASSWORD_ROUTES.has(route) ? null : 'auth.password_change_required';
  if (ENROL_ROUTES.has(route) || !mfaRequiredFor(session.actor, required)) return null;
  // The session lookup reads the factor once per cached session (auth.lookup.ts); read it here otherwise.
  const enabled = session.factorEnabled ?? (await secondFactorEnabled(db, session.actor.userId));
  return enabled ? null : 'auth.mfa_enrolment_required';
}
