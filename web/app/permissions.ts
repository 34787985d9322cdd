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
  user.isSystemAdmin || user.isSecurityAdmin || hasRole(user, 'platform_admin');
/** Creating, disabling and resetting passwords are for system admins; platform admins only assign roles. */
export const canAdministerAccounts = (user: SessionUser): boolean => user.isSystemAdmin;
/** Roles on every platform, second-factor resets and unlocks: the security admin (docs/adr/0014). */
export const canAdministerSecurity = (user: SessionUser): boolean => user.isSecurityAdmin;
/** The whole deployment's log is the audit admin's; platform admins and supervisors read their platforms'. */
export const canReadAudit = (user: SessionUser): boolean =>
  user.isAuditAdmin || hasRole(user, 'platform_admin', 'supervisor');
export const canVerifyAudit = (user: SessionUser): boolean => user.isAuditAdmin;

// Organisation registry and people directory (orgs.policy.ts, people.policy.ts). The registry is read by
// everyone signed in; whether the caller keeps it comes with every list (canManage).
export const canKeepOrgRegistry = (user: SessionUser): boolean =>
  user.isSystemAdmin || hasRole(user, 'platform_admin', 'program_officer');
export const canListPeople = (user: SessionUser): boolean =>
  user.isSystemAdmin || hasRole(user, 'platform_admin', 'supervisor', 'lab_director', 'program_officer');
export const canCreatePeople = (user: SessionUser): boolean =>
  user.isSystemAdmin || hasRole(user, 'platform_admin', 'lab_director');

// Platforms, fields, units and the committee (platforms.policy.ts, fields.policy.ts); the server also
// tells each platform page what the caller may do (access.canEdit).
export const canCreatePlatform = (user: SessionUser): boolean => user.isSystemAdmin;
/** The taxonomy is curated by system admins alone (fields.policy.ts, docs/adr/0013). */
export const canManageFields = (user: SessionUser): boolean => user.isSystemAdmin;

// IP pipeline, agreements and tech-transfer reports (ip.policy.ts): records are kept by the platform's
// tech-transfer officers and admins; supervisors and lab directors also read the reports.
export const ttKeeperPlatforms = (user: SessionUser): string[] => [
  ...new Set(
    user.roles
      .filter((r) => r.role === 'platform_admin' || r.role === 'tech_transfer_officer')
      .map((r) => r.platformId),
  ),
];
export const ttReportPlatforms = (user: SessionUser): string[] => [
  ...new Set([
    ...ttKeeperPlatforms(user),
    ...user.roles
      .filter((r) => r.role === 'supervisor' || r.role === 'lab_director')
      .map((r) => r.platformId),
  ]),
];
export const canKeepTechTransfer = (user: SessionUser): boolean =>
  user.isSystemAdmin || ttKeeperPlatforms(user).length > 0;
export const canReadTtReports = (user: SessionUser): boolean =>
  user.isSystemAdmin || ttReportPlatforms(user).length > 0;

// Calls, applications, screening and projects (calls.policy.ts, applications.policy.ts, projects.policy.ts).
/** Program officers and platform admins keep calls and screen applications. */
export const canManageCalls = (user: SessionUser): boolean =>
  user.isSystemAdmin || hasRole(user, 'platform_admin', 'program_officer');
/** Applicants apply; confirmed members' contacts read the applications they take part in. */
export const canApply = (user: SessionUser): boolean => hasRole(user, 'applicant');
