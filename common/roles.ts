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
