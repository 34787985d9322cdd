/** Roles a person can hold on a platform (DOMAIN.md §10). The public has no login and no role. */
export const ROLES = [
  'platform_admin',
  'supervisor',
  'lab_director',
  'researcher',
  'program_officer',
  'applicant',
  'expert',
  'tech_transfer_officer',
  'enterprise_user',
] as const;
export type Role = (typeof ROLES)[number];

/** English labels double as i18n keys (ARCHITECTURE.md convention 8). */
export const ROLE_LABELS: Record<Role, string> = {
  platform_admin: 'Platform admin',
  supervisor: 'Supervisor',
  lab_director: 'Lab director',
  researcher: 'Researcher',
  program_officer: 'Program officer',
  applicant: 'Applicant',
  expert: 'Expert',
  tech_transfer_officer: 'Tech-transfer officer',
  enterprise_user: 'Enterprise user',
};

export const PLATFORM_MODELS = ['gov_institute', 'ppp_program', 'tech_alliance'] as const;
export type PlatformModel = (typeof PLATFORM_MODELS)[number];

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * The deployment's administrators, separated (三权分立, GB/T 22239-2019 §8.1.4; docs/adr/0014): the system
 * administrator runs accounts, platforms and configuration; the security administrator grants roles,
 * resets second factors and unlocks accounts; the audit administrator reads and exports the audit log.
 * No account holds two of them.
 */
export const ADMIN_KINDS = ['system_admin', 'security_admin', 'audit_admin'] as const;
export type AdminKind = (typeof ADMIN_KINDS)[number];

/** What MFA_REQUIRED_ROLES may name: an administrator kind or a platform role. */
export const MFA_ROLE_NAMES = [...ADMIN_KINDS, ...ROLES] as const;
export type MfaRoleName = (typeof MFA_ROLE_NAMES)[number];
export const DEFAULT_MFA_REQUIRED_ROLES: readonly MfaRoleName[] = [
  'system_admin',
  'security_admin',
  'audit_admin',
  'platform_admin',
];
