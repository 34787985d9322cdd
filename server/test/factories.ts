import type { Role } from '../../common/roles.js';
import type { Ctx } from '../http/context.js';
import { isoNow, newId } from '../http/context.js';
import { createUser } from '../modules/users/users.service.js';
import { TEST_PASSWORD } from './harness.js';

let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

/** A platform row; code and names unique unless given. */
export async function buildPlatform(
  ctx: Ctx,
  overrides: Partial<{ code: string; nameZh: string; nameEn: string; model: string }> = {},
) {
  const now = isoNow(ctx.clock);
  const code = overrides.code ?? `P${next()}`.toUpperCase();
  const row = {
    id: newId(),
    code,
    name_zh: overrides.nameZh ?? `平台${code}`,
    name_en: overrides.nameEn ?? `Platform ${code}`,
    model: overrides.model ?? 'gov_institute',
    created_at: now,
    updated_at: now,
  };
  await ctx.db.insertInto('platforms').values(row).execute();
  return { id: row.id, code };
}

/** A user with roles; password TEST_PASSWORD. Creates a platform when roles need one and none is given. */
export async function buildUser(
  ctx: Ctx,
  overrides: {
    username?: string;
    roles?: Role[];
    platformId?: string;
    systemAdmin?: boolean;
    securityAdmin?: boolean;
    auditAdmin?: boolean;
    displayName?: string;
  } = {},
) {
  const roles = overrides.roles ?? [];
  const platformId = overrides.platformId ?? (roles.length ? (await buildPlatform(ctx)).id : undefined);
  const username = overrides.username ?? `user${next()}`;
  return createUser(ctx, {
    username,
    displayName: overrides.displayName ?? username,
    password: TEST_PASSWORD,
    isSystemAdmin: overrides.systemAdmin ?? false,
    isSecurityAdmin: overrides.securityAdmin ?? false,
    isAuditAdmin: overrides.auditAdmin ?? false,
    roles: roles.map((role) => ({ platformId: platformId!, role })),
  });
}
