import { z } from 'zod';
import { batchIds } from '../../../common/batch.js';
import { ADMIN_KINDS, ROLES } from '../../../common/roles.js';

const roleAssignment = z.strictObject({ platformId: z.uuid(), role: z.enum(ROLES) });

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'letters, digits, . _ - (2–63 characters)');

export const createUserBody = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(100),
  email: z.email().max(200).nullable().optional(),
  password: z.string().min(1).max(256),
  isSystemAdmin: z.boolean().default(false),
  isSecurityAdmin: z.boolean().default(false),
  isAuditAdmin: z.boolean().default(false),
  roles: z.array(roleAssignment).max(100).default([]),
});

export const updateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(100).optional(),
  email: z.email().max(200).nullable().optional(),
  disabled: z.boolean().optional(),
});

/** Several accounts disabled (or enabled) at once. */
export const batchDisableBody = z.strictObject({ userIds: batchIds, disabled: z.boolean() });
export type BatchDisableInput = z.infer<typeof batchDisableBody>;

export const setRolesBody = z.strictObject({ roles: z.array(roleAssignment).max(100) });
export const resetPasswordBody = z.strictObject({ password: z.string().min(1).max(256) });

export const listUsersQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  platformId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const userView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  isSystemAdmin: z.boolean(),
  isSecurityAdmin: z.boolean(),
  isAuditAdmin: z.boolean(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  roles: z.array(z.object({ platformId: z.uuid(), role: z.enum(ROLES) })),
});
export type UserView = z.infer<typeof userView>;
export const userList = z.object({ items: z.array(userView), total: z.number().int() });
export const userIdParams = z.strictObject({ id: z.uuid() });
export const adminKindBody = z.strictObject({ adminKind: z.enum(ADMIN_KINDS) });
