import type { Role } from '../../common/roles.js';
import type { SessionUser } from '../api/types.js';

// Mirrors of the server's pure policies (users.policy.ts, audit.policy.ts), used only to decide what to
// show; the server still decides what is allowed.

export const hasRole = (user: SessionUser, ...roles: Role[]): boolean =>
  user.roles.some((r) => roles.includes(r.role));

export const platformsWithRole = (user: SessionUser, role: Role): string[] => [
  ...new Set(user.roles.filter((r) => r.role === role).map((r) => r.platformId)),
];

export const canListUsers = (user: SessionUser): boolean =>
  user.isSystemAdmin || hasRole(user, 'platform_admin');
/** Creating, disabling and resetting passwords are for system admins; platform admins only assign roles. */
export const canAdministerAccounts = (user: SessionUser): boolean => user.isSystemAdmin;
export const canReadAudit = (user: SessionUser): boolean =>
  user.isSystemAdmin || hasRole(user, 'platform_admin', 'supervisor');
export const canVerifyAudit = (user: SessionUser): boolean => user.isSystemAdmin;
