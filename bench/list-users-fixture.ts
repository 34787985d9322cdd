import { randomBytes } from 'node:crypto';
import { createToken } from '../server/modules/auth/tokens.service.js';
import { loadActor } from '../server/modules/users/users.accounts.js';
import { createUser, setRoles, updateUser } from '../server/modules/users/users.service.js';
import type { BenchDatabase } from './lib/fixture.js';
import { seedUsers } from './lib/fixture.js';

export const LIST_USERS = 3_000;
export const LIST_PLATFORMS = 5;
const AUDITED_ROLE_CHANGES = 100;
const AUDITED_EDITS = 50;

/**
 * The data of `list-users` (and of `list-users-serve.ts`, the same app alone for a profiler): 3,000 bulk
 * users on 5 platforms, a system admin made through the services, some audited history, and the admin's
 * read-scope API token. Returns the admin's password (to sign in over HTTP) and the token.
 */
export async function seedListUsers(bench: BenchDatabase): Promise<{ adminPassword: string; token: string }> {
  const ctx = bench.ctx();
  const seeded = await seedUsers(ctx, { users: LIST_USERS, platforms: LIST_PLATFORMS });
  // The caller and some history go through the services, so the audit chain and token rows are real.
  const adminPassword = randomBytes(18).toString('base64url');
  const admin = await createUser(ctx, {
    username: 'bench-admin',
    displayName: 'Bench admin',
    password: adminPassword,
    isSystemAdmin: true,
    roles: [{ platformId: seeded.platformIds[0]!, role: 'platform_admin' }],
  });
  for (let i = 0; i < AUDITED_ROLE_CHANGES; i++) {
    const platformId = seeded.platformIds[i % LIST_PLATFORMS]!;
    await setRoles(ctx, seeded.userIds[i * 7]!, [{ platformId, role: i % 2 ? 'expert' : 'applicant' }]);
  }
  for (let i = 0; i < AUDITED_EDITS; i++) {
    await updateUser(ctx, seeded.userIds[i * 11 + 3]!, { email: `changed${i}@example.org` });
  }
  const adminActor = await loadActor(bench.database.db, admin.id, 'cli', ['read', 'write']);
  const { token } = await createToken(bench.ctx(adminActor!), { name: 'bench', scopes: ['read'] });
  return { adminPassword, token };
}

/** Signs the admin in over HTTP and returns the Cookie header of the session. */
export async function signInCookie(appUrl: string, password: string): Promise<string> {
  const login = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench-admin', password }),
  });
  if (login.status !== 200) throw new Error(`sign-in answered ${login.status}: ${await login.text()}`);
  return login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
