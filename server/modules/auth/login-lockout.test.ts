import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { anonymous, setupTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';

const MAX = 5;
let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp({ env: { LOGIN_MAX_FAILURES: String(MAX), LOGIN_LOCKOUT_MINUTES: '15' } });
});
afterAll(() => t.close());

const attempt = (username: string, password: string) =>
  anonymous(t.app).post('/api/auth/login', { username, password });

const counters = (username: string) =>
  t.database.db
    .selectFrom('users')
    .select(['failed_login_count', 'locked_until'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();

const auditCount = async (userId: string, action: string) =>
  (
    await t.database.db
      .selectFrom('audit_log')
      .select('seq')
      .where('entity_id', '=', userId)
      .where('action', '=', action)
      .execute()
  ).length;

/** The part of a refusal a caller could compare: everything but the per-request id. */
const visible = (res: Awaited<ReturnType<typeof attempt>>) => {
  const { requestId: _r, ...body } = res.json();
  return { status: res.statusCode, type: res.headers['content-type'], body };
};

describe('lockout under concurrent sign-ins', () => {
  it('counts every one of 20 parallel wrong passwords up to the limit and locks the account once', async () => {
    const u = await buildUser(t.systemCtx(), { username: 'burst' });
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt('burst', 'wrong-password-1')));
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(401));
    const row = await counters('burst');
    expect(row.failed_login_count).toBe(MAX);
    expect(row.locked_until).toBe(new Date(t.clock.now().getTime() + 15 * 60_000).toISOString());
    expect(await auditCount(u.id, 'auth.account_locked')).toBe(1);
    // The answer says nothing, so the owner hears of the lockout in the notification centre (and by e-mail).
    const notes = await t.database.db
      .selectFrom('notifications')
      .select(['kind', 'params_json'])
      .where('user_id', '=', u.id)
      .execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.kind).toBe('auth.account_locked');
    expect(JSON.parse(notes[0]!.params_json).lockedUntilAt).toBe(row.locked_until);
    // Locked: the right password is refused too, and nothing more is counted.
    expect((await attempt('burst', TEST_PASSWORD)).json().code).toBe('auth.invalid_credentials');
    expect((await counters('burst')).failed_login_count).toBe(MAX);
  });

  it('does not let the right password through in a burst of 29 wrong ones', async () => {
    await buildUser(t.systemCtx(), { username: 'guessed' });
    const burst = [
      ...Array.from({ length: 29 }, (_, i) => attempt('guessed', `wrong-guess-${i}`)),
      attempt('guessed', TEST_PASSWORD),
    ];
    const results = await Promise.all(burst);
    expect(results.map((r) => r.statusCode)).toEqual(Array(30).fill(401));
    expect(await counters('guessed')).toMatchObject({ failed_login_count: MAX });
  });

  it('gives a fresh set of attempts once the lockout has passed', async () => {
    await buildUser(t.systemCtx(), { username: 'patient' });
    for (let i = 0; i < MAX; i++) await attempt('patient', 'wrong-password-2');
    expect((await attempt('patient', TEST_PASSWORD)).statusCode).toBe(401);
    t.clock.advance(16 * 60_000);
    expect((await attempt('patient', 'wrong-password-2')).statusCode).toBe(401);
    expect(await counters('patient')).toEqual({ failed_login_count: 1, locked_until: null });
    expect((await attempt('patient', TEST_PASSWORD)).statusCode).toBe(200);
    expect(await counters('patient')).toEqual({ failed_login_count: 0, locked_until: null });
  });

  it('signs in on the last allowed attempt and clears the count', async () => {
    await buildUser(t.systemCtx(), { username: 'lastchance' });
    for (let i = 0; i < MAX - 1; i++) await attempt('lastchance', 'wrong-password-3');
    expect((await attempt('lastchance', TEST_PASSWORD)).statusCode).toBe(200);
    expect(await counters('lastchance')).toEqual({ failed_login_count: 0, locked_until: null });
  });
});

describe('uniform refusals', () => {
  it('answers an unknown name, a wrong password, a locked and a disabled account alike', async () => {
    await buildUser(t.systemCtx(), { username: 'known' });
    const locked = await buildUser(t.systemCtx(), { username: 'lockedout' });
    for (let i = 0; i < MAX; i++) await attempt('lockedout', 'wrong-password-4');
    const disabled = await buildUser(t.systemCtx(), { username: 'gone' });
    await t.database.db
      .updateTable('users')
      .set({ disabled_at: t.clock.now().toISOString() })
      .where('id', '=', disabled.id)
      .execute();

    const answers = {
      unknown: await attempt('nobody-here', TEST_PASSWORD),
      wrong: await attempt('known', 'wrong-password-5'),
      locked: await attempt('lockedout', TEST_PASSWORD),
      disabled: await attempt('gone', TEST_PASSWORD),
    };
    const expected = visible(answers.unknown);
    expect(expected.status).toBe(401);
    expect(expected.body.code).toBe('auth.invalid_credentials');
    for (const res of Object.values(answers)) expect(visible(res)).toEqual(expected);
    // The real reason is kept for the operator.
    const refused = await t.database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'after_json'])
      .where('action', '=', 'auth.sign_in_refused')
      .where('entity_id', 'in', [locked.id, disabled.id])
      .orderBy('seq')
      .execute();
    const reasons = refused.map((r) => [r.entity_id, JSON.parse(r.after_json!).reason]);
    expect(reasons).toContainEqual([locked.id, 'locked']);
    expect(reasons).toContainEqual([disabled.id, 'disabled']);
  });
});
