import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { setupTestApp, signIn, TEST_PASSWORD, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp({ env: { PASSWORD_HISTORY: '3' } });
});
afterAll(() => t.close());

describe('password history', () => {
  it('refuses the current and the two previous passwords with 422 at /newPassword, then lets the oldest go', async () => {
    await buildUser(t.systemCtx(), { username: 'cycler' });
    const c = await signIn(t.app, 'cycler');
    const change = (from: string, to: string) =>
      c.post('/api/me/password', { currentPassword: from, newPassword: to });
    expect((await change(TEST_PASSWORD, 'second-secret-22')).statusCode).toBe(200);
    expect((await change('second-secret-22', 'third-secret-333')).statusCode).toBe(200);
    for (const reused of ['third-secret-333', 'second-secret-22', TEST_PASSWORD]) {
      const res = await change('third-secret-333', reused);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'auth.password_reused',
        errors: [{ pointer: '/newPassword', code: 'auth.password_reused' }],
      });
    }
    expect((await change('third-secret-333', 'fourth-secret-4444')).statusCode).toBe(200);
    // Now the current and the two before it are fourth, third, second: the first may come back.
    expect((await change('fourth-secret-4444', TEST_PASSWORD)).statusCode).toBe(200);
    const kept = await t.database.db.selectFrom('password_history').select('id').execute();
    expect(kept).toHaveLength(2);
  });
});
