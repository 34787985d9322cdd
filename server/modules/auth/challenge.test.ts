import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { setupTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';

// The proof-of-work challenge after failed sign-ins (issue 10/12; docs/adr/0032).
const AFTER = 3;
let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp({
    env: {
      LOGIN_CHALLENGE_AFTER_FAILURES: String(AFTER),
      LOGIN_CHALLENGE_DIFFICULTY: '2000',
      LOGIN_MAX_FAILURES: '10',
    },
  });
});
afterAll(() => t.close());

let ipNo = 0;
const from = () => `10.7.0.${++ipNo}`;

const login = (body: Record<string, unknown>, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: body, remoteAddress: ip });

/** Fetches a challenge and solves it as the widget does; returns the widget's base64 payload. */
async function solved(ip: string): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: '/api/auth/challenge', remoteAddress: ip });
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  const challenge = res.json();
  const solution = await solveChallenge({ challenge, deriveKey });
  expect(solution).not.toBeNull();
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

async function failTimes(username: string, n: number, ip: string) {
  for (let i = 0; i < n; i++)
    expect((await login({ username, password: 'wrong-password-x' }, ip)).statusCode).toBe(401);
}

describe('sign-in challenge after failures', () => {
  it('is not asked before failures, then asked with a stable code, and a fresh solution signs in', async () => {
    await buildUser(t.systemCtx(), { username: 'guarded' });
    const ip = from();
    await failTimes('guarded', AFTER, ip);
    const bare = await login({ username: 'guarded', password: TEST_PASSWORD }, ip);
    expect(bare.statusCode).toBe(401);
    expect(bare.headers['content-type']).toContain('application/problem+json');
    expect(bare.json()).toMatchObject({
      code: 'auth.challenge_required',
      errors: [{ pointer: '/challenge', code: 'auth.challenge_required' }],
    });
    const ok = await login({ username: 'guarded', password: TEST_PASSWORD, challenge: await solved(ip) }, ip);
    expect(ok.statusCode).toBe(200);
    // The name's count ends with the success; from another address it signs in plainly again.
    expect((await login({ username: 'guarded', password: TEST_PASSWORD }, from())).statusCode).toBe(200);
  });

  it('refuses a replayed solution, a tampered one and an expired one', async () => {
    await buildUser(t.systemCtx(), { username: 'replayed' });
    const ip = from();
    await failTimes('replayed', AFTER, ip);
    const payload = await solved(ip);
    // Used once with a wrong password: spent all the same.
    expect(
      (await login({ username: 'replayed', password: 'wrong-again-1', challenge: payload }, ip)).json().code,
    ).toBe('auth.invalid_credentials');
    const replay = await login({ username: 'replayed', password: TEST_PASSWORD, challenge: payload }, ip);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('auth.challenge_invalid');

    const fresh = JSON.parse(Buffer.from(await solved(ip), 'base64').toString('utf8'));
    // A key guessed rather than derived (the counter alone is not checked when the key is signed).
    fresh.solution.derivedKey = fresh.solution.derivedKey.replace(/.$/, (c: string) =>
      c === '0' ? '1' : '0',
    );
    const tampered = Buffer.from(JSON.stringify(fresh)).toString('base64');
    expect(
      (await login({ username: 'replayed', password: TEST_PASSWORD, challenge: tampered }, ip)).json().code,
    ).toBe('auth.challenge_invalid');
    expect(
      (await login({ username: 'replayed', password: TEST_PASSWORD, challenge: 'bm90IGpzb24=' }, ip)).json()
        .code,
    ).toBe('auth.challenge_invalid');

    const late = await solved(ip);
    t.clock.advance(11 * 60_000);
    // The failures' window (LOGIN_LOCKOUT_MINUTES, 15) may have turned: fail again so a challenge is needed.
    await failTimes('replayed', AFTER, ip);
    expect(
      (await login({ username: 'replayed', password: TEST_PASSWORD, challenge: late }, ip)).json().code,
    ).toBe('auth.challenge_invalid');
    expect(
      (await login({ username: 'replayed', password: TEST_PASSWORD, challenge: await solved(ip) }, ip))
        .statusCode,
    ).toBe(200);
  });

  it('asks the same of an unknown name, so the need tells nothing about which names exist', async () => {
    const ip = from();
    await failTimes('no-such-person', AFTER, ip);
    expect((await login({ username: 'no-such-person', password: 'whatever-1' }, from())).json().code).toBe(
      'auth.challenge_required',
    );
  });

  it('asks it of every name from an address that failed too often', async () => {
    await buildUser(t.systemCtx(), { username: 'bystander' });
    const ip = from();
    for (let i = 0; i < AFTER; i++)
      expect((await login({ username: `sprayed${i}`, password: 'Spring2026!' }, ip)).statusCode).toBe(401);
    expect((await login({ username: 'bystander', password: TEST_PASSWORD }, ip)).json().code).toBe(
      'auth.challenge_required',
    );
    expect((await login({ username: 'bystander', password: TEST_PASSWORD }, from())).statusCode).toBe(200);
  });
});
