import { z } from 'zod';
import { LOCALES, ROLES, TOKEN_SCOPES } from '../../../common/roles.js';

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  /** The solved proof-of-work challenge (the widget's base64 payload); needed only after failed sign-ins. */
  challenge: z.string().min(1).max(8000).optional(),
});

export const roleAssignment = z.object({ platformId: z.uuid(), role: z.enum(ROLES) });

export const sessionInfo = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    locale: z.enum(LOCALES),
    isSystemAdmin: z.boolean(),
    isSecurityAdmin: z.boolean(),
    isAuditAdmin: z.boolean(),
    roles: z.array(roleAssignment),
  }),
  /** Second factor: `pending` until the code of this sign-in is given; `enrolmentRequired` blocks all else. */
  mfa: z.object({
    enabled: z.boolean(),
    required: z.boolean(),
    pending: z.boolean(),
    enrolmentRequired: z.boolean(),
  }),
  /**
   * `mustChange` blocks all else until the password is changed: `set_by_admin` (an administrator chose it)
   * or `expired` (older than PASSWORD_MAX_AGE_DAYS); `expiresAt` is null when passwords do not expire.
   */
  password: z.object({
    mustChange: z.boolean(),
    reason: z.enum(['set_by_admin', 'expired']).nullable(),
    expiresAt: z.string().nullable(),
  }),
  csrfToken: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

/** What a password change ended besides the old password. */
export const passwordChanged = z.object({
  endedSessions: z.number().int(),
  revokedTokens: z.number().int(),
});
export type PasswordChanged = z.infer<typeof passwordChanged>;

export const preferencesBody = z.strictObject({ locale: z.enum(LOCALES) });

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).max(TOKEN_SCOPES.length),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const apiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const createdToken = apiToken.extend({ token: z.string() });
export const idParams = z.strictObject({ id: z.uuid() });
