import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { createUser } from './users.service.js';

// Separation of duties (三权分立, docs/adr/0014): who may make someone an administrator, grant roles,
// unlock; and the rule that no account holds two administrator kinds.
let t: TestApp;
let A: string;
let sys: Client;
let sec: Client;
let audit: Client;

beforeAll(async () => {
  t = await setupTestApp({ env: { LOGIN_MAX_FAILURES: '2' } });
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  await buildUser(ctx, { username: 'sys', systemAdmin: true });
  await buildUser(ctx, { username: 'sec', securityAdmin: true });
  await buildUser(ctx, { username: 'aud', auditAdmin: true });
  sys = await signIn(t.app, 'sys');
  sec = await signIn(t.app, 'sec');
  audit = await signIn(t.app, 'aud');
});
afterAll(() => t.close());

const actions = async (entityId: string) =>
  (
    await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('entity_id', '=', entityId)
      .orderBy('seq')
      .execute()
  ).map((r) => `${r.action} by ${r.actor_label}`);

describe('administrator kinds', () => {
  it('are granted by the security admin alone, one per account: a second kind is 409', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'candidate' });
    for (const client of [sys, audit]) {
      const denied = await client.post(`/api/users/${u.id}/admin-kinds`, { adminKind: 'system_admin' });
      expect(denied.statusCode).toBe(403);
    }
    const granted = await sec.post(`/api/users/${u.id}/admin-kinds`, { adminKind: 'system_admin' });
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({
      isSystemAdmin: true,
      isSecurityAdmin: false,
      isAuditAdmin: false,
    });
    for (const adminKind of ['security_admin', 'audit_admin']) {
      const second = await sec.post(`/api/users/${u.id}/admin-kinds`, { adminKind });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({ code: 'users.admin_kinds_exclusive', holds: 'system_admin' });
    }
    const revoked = await sec.post(`/api/users/${u.id}/admin-kinds/revoke`, { adminKind: 'system_admin' });
    expect(revoked.json().isSystemAdmin).toBe(false);
    expect(
      (await sec.post(`/api/users/${u.id}/admin-kinds`, { adminKind: 'audit_admin' })).json(),
    ).toMatchObject({
      isSystemAdmin: false,
      isAuditAdmin: true,
    });
    expect(await actions(u.id)).toEqual([
      'user.created by test (cli)',
      'user.admin_kind_granted by sec',
      'user.admin_kind_revoked by sec',
      'user.admin_kind_granted by sec',
    ]);
  });

  it('refuses an account created with two kinds (422), also through the CLI', async () => {
    const input = {
      username: 'greedy',
      displayName: 'Greedy',
      password: TEST_PASSWORD,
      isSystemAdmin: true,
      isAuditAdmin: true,
      roles: [],
    };
    await expect(createUser(t.systemCtx(), input)).rejects.toMatchObject({
      status: 422,
      code: 'users.admin_kinds_exclusive',
    });
    const res = await sys.post('/api/users', input);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].pointer).toBe('/isSystemAdmin');
  });

  it('are held one at a time by the database too, whatever a future code path forgets', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'direct', systemAdmin: true });
    await expect(
      t.database.db.updateTable('users').set({ is_security_admin: 1 }).where('id', '=', u.id).execute(),
    ).rejects.toThrow();
  });

  it('are not given by creating an account: the system admin creates plain accounts', async () => {
    const res = await sys.post('/api/users', {
      username: 'newsec',
      displayName: 'New',
      password: TEST_PASSWORD,
      isSecurityAdmin: true,
    });
    expect(res.statusCode).toBe(403);
    const plain = await sys.post('/api/users', {
      username: 'newsec',
      displayName: 'New',
      password: TEST_PASSWORD,
    });
    expect(plain.statusCode).toBe(201);
  });
});

describe('roles', () => {
  it('are granted by the security admin; the system admin no longer grants them, on creation or after', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'worker' });
    const roles = [{ platformId: A, role: 'expert' }];
    expect((await sys.put(`/api/users/${u.id}/roles`, { roles })).statusCode).toBe(403);
    expect(
      (
        await sys.post('/api/users', {
          username: 'worker2',
          displayName: 'W',
          password: TEST_PASSWORD,
          roles,
        })
      ).statusCode,
    ).toBe(403);
    expect((await audit.put(`/api/users/${u.id}/roles`, { roles })).statusCode).toBe(403);
    const ok = await sec.put(`/api/users/${u.id}/roles`, { roles });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().roles).toEqual(roles);
  });
});

describe('unlocking', () => {
  it('lifts a lockout early for the security admin only, audited; an unlocked account is 409', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'clumsy' });
    for (let i = 0; i < 2; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'clumsy', password: 'wrong-wrong-wrong' },
      });
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'clumsy', password: TEST_PASSWORD },
    });
    // Locked: the right password is refused with the answer every refusal gets (auth.service).
    expect(locked.json()).toMatchObject({ status: 401, code: 'auth.invalid_credentials' });
    expect((await sys.post(`/api/users/${u.id}/unlock`)).statusCode).toBe(403);
    expect((await sec.post(`/api/users/${u.id}/unlock`)).statusCode).toBe(204);
    expect((await signIn(t.app, 'clumsy')).cookie).not.toBe('');
    const again = await sec.post(`/api/users/${u.id}/unlock`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('users.not_locked');
    expect(await actions(u.id)).toContain('user.unlocked by sec');
  });

  it("are not a platform admin's to give to the security or audit administrator (三权分立: found by npm run security)", async () => {
    await buildUser(t.systemCtx(), { username: 'admin-of-a', roles: ['platform_admin'], platformId: A });
    const adminA = await signIn(t.app, 'admin-of-a');
    const plain = await buildUser(t.systemCtx(), { username: 'plain-for-a' });
    const roles = [{ platformId: A, role: 'platform_admin' }];
    const before = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    for (const who of ['sec', 'aud']) {
      const id = (
        await t.database.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', who)
          .executeTakeFirstOrThrow()
      ).id;
      const res = await adminA.put(`/api/users/${id}/roles`, { roles });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('users.administrator_roles');
      // Nothing of the account is disclosed, nothing stored or audited.
      expect(res.json().username).toBeUndefined();
      expect(res.body).not.toContain(`"${who}"`);
      expect(
        await t.database.db.selectFrom('role_assignments').select('role').where('user_id', '=', id).execute(),
      ).toEqual([]);
    }
    const after = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // A plain account still gets roles on the admin's platform; the security admin still decides an administrator's.
    expect(
      (await adminA.put(`/api/users/${plain.id}/roles`, { roles: [{ platformId: A, role: 'expert' }] }))
        .statusCode,
    ).toBe(200);
    const audId = (
      await t.database.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'aud')
        .executeTakeFirstOrThrow()
    ).id;
    const bySec = await sec.put(`/api/users/${audId}/roles`, { roles: [] });
    expect(bySec.statusCode, bySec.body).toBe(200);
  });
});
