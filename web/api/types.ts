// Shapes come from the server's zod schemas (type-only imports: no zod code reaches the browser).
import type { z } from 'zod';
import type { auditEntry, auditPage, verifyResult } from '../../server/modules/audit/audit.schema.js';
import type {
  apiToken,
  createdToken,
  createTokenBody,
  sessionInfo,
} from '../../server/modules/auth/auth.schema.js';
import type { platformList, platformSummary } from '../../server/modules/platforms/platforms.schema.js';
import type { createUserBody, userList, userView } from '../../server/modules/users/users.schema.js';

export type SessionInfo = z.infer<typeof sessionInfo>;
export type SessionUser = SessionInfo['user'];
export type RoleAssignment = SessionUser['roles'][number];
export type UserView = z.infer<typeof userView>;
export type UserList = z.infer<typeof userList>;
export type CreateUserBody = z.input<typeof createUserBody>;
export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditPage = z.infer<typeof auditPage>;
export type VerifyResult = z.infer<typeof verifyResult>;
export type ApiToken = z.infer<typeof apiToken>;
export type CreatedToken = z.infer<typeof createdToken>;
export type CreateTokenBody = z.input<typeof createTokenBody>;
export type PlatformSummary = z.infer<typeof platformSummary>;
export type PlatformList = z.infer<typeof platformList>;

/** GET /api/home/summary; null means the caller may not see that count (server/modules/home/home.routes.ts). */
export interface HomeSummary {
  platforms: number;
  myRoles: number;
  myPlatforms: number;
  users: number | null;
  activeSessions: number | null;
  auditEntries: number | null;
}
