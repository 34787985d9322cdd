import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import {
  anonymous,
  type Client,
  setupTestApp,
  signIn,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/harness.js';
import { createUser, setRoles } from './users.service.js';

let t: TestApp;
let A: string;
let B: string;
let root: Client;
let rootId: string;
let sec: Client;

beforeAll(async () => {
  t = await setupTestApp({ env: { LOGIN_MAX_FAILURES: '3' } });
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  B = (await buildPlatform(ctx, { code: 'B' })).id;
  // Like the demo admin: system admin, and platform admin of the platforms it creates role holders on.
  rootId = (await buildUser(ctx, { username: 'root', systemAdmin: true })).id;
  await setRoles(ctx, rootId, [
    { platformId: A, role: 'platform_admin' },
    { platformId: B, role: 'platform_admin' },
  ]);
  root = await signIn(t.app, 'root');
  await buildUser(ctx, { username: 'sec', securityAdmin: true });
  sec = await signIn(t.app, 'sec');
});
afterAll(() => t.close());

/** The newest audit entry of an action on a user, JSON columns parsed. */
async function lastAudit(entityId: string, action: string) {
  const row = await t.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  const parse = (s: string | null) => (s === null ? null : JSON.parse(s));
  return { ...row, before: parse(row.before_json), after: parse(row.after_json) };
}

const count = async (table: 'users' | 'audit_log' | 'role_assignments') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const storedRoles = (userId: string) =>
  t.database.db
    .selectFrom('role_assignments')
    .select(['platform_id as platformId', 'role'])
    .where('user_id', '=', userId)
    .orderBy('platform_id')
    .orderBy('role')
    .execute();

const newUser = (over: Record<string, unknown> = {}) => ({
  username: 'newperson',
  displayName: 'New Person',
  password: TEST_PASSWORD,
  ...over,
});

describe('creating an account', () => {
  it('normalises the user name to lower case, audits the creation, and the account can sign in', async () => {
    const res = await root.post(
      '/api/users',
      newUser({ username: '  NewPerson ', roles: [{ platformId: A, role: 'expert' }] }),
    );
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username: 'newperson',
      displayName: 'New Person',
      isSystemAdmin: false,
      disabled: false,
    });
    expect(user.roles).toEqual([{ platformId: A, role: 'expert' }]);
    const entry = await lastAudit(user.id, 'user.created');
    expect(entry.actor_id).toBe(rootId);
    expect(entry.request_id).toBe(res.headers['x-request-id']);
    expect(entry.before).toBeNull();
    expect(entry.after).toMatchObject({ username: 'newperson', roles: [{ platformId: A, role: 'expert' }] });
    expect(entry.after_json).not.toContain(TEST_PASSWORD);
    expect(entry.after_json).not.toContain('scrypt');
    expect(
      (await anonymous(t.app).post('/api/auth/login', { username: 'NEWPERSON', password: TEST_PASSWORD }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses a taken user name, whatever its case, with 409 and a pointer', async () => {
    const before = await count('audit_log');
    for (const username of ['newperson', 'NEWPERSON']) {
      const res = await root.post('/api/users', newUser({ username }));
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'users.username_taken', errors: [{ pointer: '/username' }] });
    }
    expect(await count('audit_log')).toBe(before);
  });

  it('refuses a weak password with a pointer to /password, and writes nothing', async () => {
    const users = await count('users');
    for (const [password, code] of [
      ['short', 'auth.password_too_short'],
      ['xx-weakling-xx-2026', 'auth.password_contains_username'],
    ]) {
      const res = await root.post('/api/users', newUser({ username: 'weakling', password }));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code, errors: [{ pointer: '/password', code }] });
    }
    expect(await count('users')).toBe(users);
  });

  it('refuses an unknown platform in the roles, pointing at it, and writes nothing', async () => {
    const before = {
      users: await count('users'),
      audit: await count('audit_log'),
      roles: await count('role_assignments'),
    };
    const unknown = crypto.randomUUID();
    // Only the CLI both creates accounts and grants on any platform; a system admin granting on an
    // unknown platform is refused before (403, tests in users.security.test.ts).
    const create = (roles: Array<{ platformId: string; role: 'expert' | 'researcher' }>) =>
      createUser(t.systemCtx(), { ...newUser({ username: 'ghost' }), isSystemAdmin: false, roles });
    await expect(create([{ platformId: unknown, role: 'expert' }])).rejects.toMatchObject({
      status: 400,
      code: 'users.unknown_platform',
      extra: { errors: [expect.objectContaining({ pointer: '/roles/0/platformId' })] },
    });
    const second = create([
      { platformId: A, role: 'expert' },
      { platformId: unknown, role: 'researcher' },
    ]);
    await expect(second).rejects.toMatchObject({
      extra: { errors: [expect.objectContaining({ pointer: '/roles/1/platformId' })] },
    });
    expect({
      users: await count('users'),
      audit: await count('audit_log'),
      roles: await count('role_assignments'),
    }).toEqual(before);
  });
  it('creating one name in parallel gives one account and 409 for the rest, never a database error', async () => {
    const before = await count('audit_log');
    for (let round = 0; round < 4; round++) {
      const input = { ...newUser({ username: `racer${round}` }), isSystemAdmin: false, roles: [] };
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, () => createUser(t.systemCtx(), input)),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) {
        if (r.status === 'rejected')
          expect(r.reason).toMatchObject({ status: 409, code: 'users.username_taken' });
      }
    }
    expect(await count('audit_log')).toBe(before + 4);
  });
});

describe('setting roles', () => {
  it('the security admin may set roles on any platform; the change is audited with before and after', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'multi', roles: ['researcher'], platformId: A });
    const roles = [
      { platformId: A, role: 'expert' },
      { platformId: B, role: 'applicant' },
    ];
    const res = await sec.put(`/api/users/${u.id}/roles`, { roles });
    expect(res.statusCode).toBe(200);
    const expected = [...roles].sort((x, y) => x.platformId.localeCompare(y.platformId));
    expect(res.json().roles).toEqual(expected);
    expect(await storedRoles(u.id)).toEqual(expected);
    // One entry per platform whose roles changed, carrying that platform for its audit trail.
    const entries = (
      await t.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity_id', '=', u.id)
        .where('action', '=', 'user.roles_changed')
        .execute()
    ).map((e) => ({
      platformId: e.platform_id,
      before: JSON.parse(e.before_json!),
      after: JSON.parse(e.after_json!),
    }));
    expect(entries).toHaveLength(2);
    expect(entries).toContainEqual({
      platformId: A,
      before: { roles: ['researcher'] },
      after: { roles: ['expert'] },
    });
    expect(entries).toContainEqual({ platformId: B, before: { roles: [] }, after: { roles: ['applicant'] } });
    expect((await lastAudit(u.id, 'user.roles_changed')).platform_id).not.toBeNull();
  });

  it("a platform admin changes roles on their platform only and keeps the user's roles elsewhere", async () => {
    await buildUser(t.systemCtx(), { username: 'admin-a', roles: ['platform_admin'], platformId: A });
    const adminA = await signIn(t.app, 'admin-a');
    const u = (await root.get('/api/users?q=multi')).json().items[0];
    const ok = await adminA.put(`/api/users/${u.id}/roles`, {
      roles: [{ platformId: A, role: 'lab_director' }],
    });
    expect(ok.statusCode).toBe(200);
    expect(await storedRoles(u.id)).toEqual(
      [
        { platformId: A, role: 'lab_director' },
        { platformId: B, role: 'applicant' },
      ].sort((x, y) => x.platformId.localeCompare(y.platformId)),
    );
    const audit = await count('audit_log');
    for (const roles of [
      [{ platformId: B, role: 'expert' }],
      [
        { platformId: A, role: 'expert' },
        { platformId: B, role: 'expert' },
      ],
    ]) {
      const denied = await adminA.put(`/api/users/${u.id}/roles`, { roles });
      expect(denied.statusCode).toBe(403);
      expect(denied.json().code).toBe('auth.forbidden');
    }
    expect(await storedRoles(u.id)).toContainEqual({ platformId: B, role: 'applicant' });
    expect(await storedRoles(u.id)).toContainEqual({ platformId: A, role: 'lab_director' });
    expect(await count('audit_log')).toBe(audit);
    const cleared = await adminA.put(`/api/users/${u.id}/roles`, { roles: [] });
    expect(cleared.statusCode).toBe(200);
    expect(await storedRoles(u.id)).toEqual([{ platformId: B, role: 'applicant' }]);
  });

  it('answers 404 for a user that does not exist', async () => {
    const res = await sec.put(`/api/users/${crypto.randomUUID()}/roles`, { roles: [] });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('users.not_found');
  });
});

describe('disabling an account', () => {
  it('ends its sessions and tokens, refuses sign-in, and can be undone', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'leaver' });
    const session = await signIn(t.app, 'leaver');
    const token = (await session.post('/api/me/tokens', { name: 'script', scopes: ['read'] })).json().token;
    const res = await root.patch(`/api/users/${u.id}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await session.get('/api/auth/session')).statusCode).toBe(401);
    expect(
      (await anonymous(t.app, { authorization: `Bearer ${token}` }).get('/api/auth/session')).statusCode,
    ).toBe(401);
    const login = await anonymous(t.app).post('/api/auth/login', {
      username: 'leaver',
      password: TEST_PASSWORD,
    });
    // Neither the right nor a wrong password reveals that the account exists but is disabled.
    expect(login.statusCode).toBe(401);
    expect(login.json().code).toBe('auth.invalid_credentials');
    const wrong = await anonymous(t.app).post('/api/auth/login', {
      username: 'leaver',
      password: 'not-the-password',
    });
    expect(wrong.json().code).toBe('auth.invalid_credentials');
    const entry = await lastAudit(u.id, 'user.updated');
    expect(entry.before).toEqual({ displayName: 'leaver', email: null, disabledAt: null });
    expect(entry.after.disabledAt).toBe(t.clock.now().toISOString());
    expect((await root.patch(`/api/users/${u.id}`, { disabled: false })).json().disabled).toBe(false);
    expect(
      (await anonymous(t.app).post('/api/auth/login', { username: 'leaver', password: TEST_PASSWORD }))
        .statusCode,
    ).toBe(200);
  });
});

describe('resetting a password', () => {
  it('clears the lockout, ends the sessions, and is audited without the password', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'forgetful' });
    const session = await signIn(t.app, 'forgetful');
    for (let i = 0; i < 3; i++) {
      await anonymous(t.app).post('/api/auth/login', { username: 'forgetful', password: 'wrong-password' });
    }
    const locked = (await root.get('/api/users?q=forgetful')).json().items[0];
    expect(locked.lockedUntil).not.toBeNull();
    const weak = await root.post(`/api/users/${u.id}/password`, { password: 'forgetful-123' });
    expect(weak.json()).toMatchObject({
      code: 'auth.password_contains_username',
      errors: [{ pointer: '/password' }],
    });
    const res = await root.post(`/api/users/${u.id}/password`, { password: 'a-fresh-start-2026' });
    expect(res.statusCode).toBe(204);
    expect((await root.get('/api/users?q=forgetful')).json().items[0].lockedUntil).toBeNull();
    expect((await session.get('/api/auth/session')).statusCode).toBe(401);
    const old = await anonymous(t.app).post('/api/auth/login', {
      username: 'forgetful',
      password: TEST_PASSWORD,
    });
    expect(old.statusCode).toBe(401);
    await signIn(t.app, 'forgetful', 'a-fresh-start-2026');
    const entry = await lastAudit(u.id, 'user.password_reset');
    expect(entry.actor_id).toBe(rootId);
    expect(JSON.stringify(entry)).not.toContain('a-fresh-start-2026');
  });
});
