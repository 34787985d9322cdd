import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';

let t: TestApp;
let root: Client;

beforeAll(async () => {
  t = await setupTestApp({ env: { SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '12' } });
  const ctx = t.systemCtx();
  await buildUser(ctx, { username: 'root', systemAdmin: true });
  await buildUser(ctx, { username: 'worker', roles: ['researcher'] });
  root = await signIn(t.app, 'root');
});
afterAll(() => t.close());

const countOf = async (table: 'platforms' | 'users' | 'audit_log') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function summary(client = root) {
  const res = await client.get('/api/home/summary');
  expect(res.statusCode).toBe(200);
  return res.json() as Record<string, number | null>;
}

describe('home summary for a system admin', () => {
  it('counts what is in the database', async () => {
    expect(await summary()).toEqual({
      platforms: await countOf('platforms'),
      users: await countOf('users'),
      activeSessions: 1,
      // The whole log is the audit admin's (separation of duties, docs/adr/0014).
      auditEntries: null,
      myRoles: 0,
      myPlatforms: 0,
    });
  });

  it('follows new platforms, users, sign-ins and sign-outs', async () => {
    const before = await summary();
    await buildPlatform(t.systemCtx());
    await buildUser(t.systemCtx(), { username: 'newcomer' });
    const worker = await signIn(t.app, 'worker');
    const after = await summary();
    expect(after.platforms).toBe(before.platforms! + 1);
    expect(after.users).toBe(before.users! + 1);
    expect(after.activeSessions).toBe(2);
    await worker.post('/api/auth/logout');
    expect((await summary()).activeSessions).toBe(1);
  });

  it('does not count sessions that have gone idle or passed their absolute lifetime', async () => {
    await signIn(t.app, 'worker');
    expect((await summary()).activeSessions).toBe(2);
    t.clock.advance(31 * 60_000);
    root = await signIn(t.app, 'root');
    expect((await summary()).activeSessions).toBe(1);
    // Keep one session alive past its 12 hours: used every 20 minutes, it never idles out.
    const keeper = await signIn(t.app, 'worker');
    for (let i = 0; i < 37; i++) {
      t.clock.advance(20 * 60_000);
      await keeper.get('/api/auth/session');
    }
    root = await signIn(t.app, 'root');
    expect((await summary()).activeSessions).toBe(1);
  });
});

describe('home summary for the audit admin', () => {
  it('counts the whole audit log, and no accounts or sessions', async () => {
    await buildUser(t.systemCtx(), { username: 'auditor', auditAdmin: true });
    const auditor = await signIn(t.app, 'auditor');
    const s = await summary(auditor);
    expect(s.auditEntries).toBe(await countOf('audit_log'));
    expect(s).toMatchObject({ users: null, activeSessions: null });
    await buildUser(t.systemCtx(), { username: 'later' });
    expect((await summary(auditor)).auditEntries).toBe(s.auditEntries! + 1);
  });
});

describe('home summary for a role holder', () => {
  it('counts their roles and platforms, and hides the counts they may not see', async () => {
    const ctx = t.systemCtx();
    const p1 = (await buildPlatform(ctx)).id;
    const p2 = (await buildPlatform(ctx)).id;
    const u = await buildUser(ctx, { username: 'busy', roles: ['researcher', 'expert'], platformId: p1 });
    await t.database.db
      .insertInto('role_assignments')
      .values({
        id: crypto.randomUUID(),
        user_id: u.id,
        platform_id: p2,
        role: 'applicant',
        created_at: t.clock.now().toISOString(),
      })
      .execute();
    expect(await summary(await signIn(t.app, 'busy'))).toEqual({
      platforms: await countOf('platforms'),
      myRoles: 3,
      myPlatforms: 2,
      users: null,
      activeSessions: null,
      auditEntries: null,
    });
  });
});
