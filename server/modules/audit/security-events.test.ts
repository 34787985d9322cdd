import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';

let t: TestApp;
let researcher: { id: string };
let me: Client;
let security: Client;
let auditor: Client;
let sysadmin: Client;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  researcher = await buildUser(ctx, { username: 'curious' });
  await buildUser(ctx, { username: 'secadmin', securityAdmin: true });
  await buildUser(ctx, { username: 'auditor', auditAdmin: true });
  await buildUser(ctx, { username: 'sysadmin', systemAdmin: true });
  me = await signIn(t.app, 'curious');
  security = await signIn(t.app, 'secadmin');
  auditor = await signIn(t.app, 'auditor');
  sysadmin = await signIn(t.app, 'sysadmin');
});
afterAll(() => t.close());

const rows = () => t.database.db.selectFrom('security_events').selectAll().orderBy('first_at').execute();
const auditCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('failed authorisation as security events (ASVS 16.3.2)', () => {
  it('records a refused request once (who, route, method, time, request id) and nothing in the audit chain', async () => {
    const before = await auditCount();
    const res = await me.get('/api/audit/verify?x=1');
    expect(res.statusCode).toBe(403);
    const events = await rows();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      user_id: researcher.id,
      method: 'GET',
      route: '/api/audit/verify',
      status: 403,
      code: 'auth.forbidden',
      object_id: null,
      first_request_id: res.json().requestId,
      first_at: t.clock.now().toISOString(),
      count: 1,
    });
    expect(await auditCount()).toBe(before);
  });

  it('records nothing for an allowed request', async () => {
    const n = (await rows()).length;
    expect((await auditor.get('/api/audit/verify')).statusCode).toBe(200);
    expect((await me.get('/api/auth/session')).statusCode).toBe(200);
    expect(await rows()).toHaveLength(n);
  });

  it('keeps a flood bounded: one row per user, route and minute, with the count', async () => {
    t.clock.advance(60_000);
    const n = (await rows()).length;
    const answers = await Promise.all(Array.from({ length: 40 }, () => me.get('/api/audit/verify')));
    expect(answers.every((a) => a.statusCode === 403)).toBe(true);
    const after = await rows();
    expect(after).toHaveLength(n + 1);
    expect(after.at(-1)).toMatchObject({ route: '/api/audit/verify', count: 40 });
    expect(after.at(-1)!.last_request_id).not.toBe(after.at(-1)!.first_request_id);
    t.clock.advance(60_000);
    expect((await me.get('/api/audit/verify')).statusCode).toBe(403);
    expect(await rows()).toHaveLength(n + 2);
  });

  it('records the 404 that hides an object, with its id; not a route that does not exist', async () => {
    const ghost = crypto.randomUUID();
    const res = await sysadmin.patch(`/api/users/${ghost}`, { displayName: 'X' });
    expect(res.statusCode).toBe(404);
    expect((await sysadmin.get('/api/no-such-route')).statusCode).toBe(404);
    const hidden = (await rows()).filter((r) => r.status === 404);
    expect(hidden).toHaveLength(1);
    expect(hidden[0]).toMatchObject({
      method: 'PATCH',
      route: '/api/users/:id',
      object_id: ghost,
      code: 'users.not_found',
    });
  });

  it('is read by the security and the audit administrator only, with filters', async () => {
    for (const reader of [security, auditor]) {
      const all = await reader.get('/api/security-events');
      expect(all.statusCode, all.body).toBe(200);
      expect(all.json().total).toBeGreaterThanOrEqual(3);
      const mine = (await reader.get(`/api/security-events?userId=${researcher.id}&status=403`)).json();
      expect(mine.items.length).toBeGreaterThanOrEqual(3);
      for (const e of mine.items)
        expect(e).toMatchObject({ userId: researcher.id, username: 'curious', status: 403 });
      const notFound = (await reader.get('/api/security-events?status=404')).json();
      expect(notFound.items.map((e: { route: string }) => e.route)).toEqual(['/api/users/:id']);
    }
    for (const refused of [me, sysadmin]) {
      expect((await refused.get('/api/security-events')).statusCode).toBe(403);
    }
  });
});
