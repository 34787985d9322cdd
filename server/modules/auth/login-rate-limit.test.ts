import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { setupTestApp, type TestApp } from '../../test/harness.js';

const LIMIT = 4;
let t: TestApp;
let second: FastifyInstance;
beforeAll(async () => {
  t = await setupTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
  // A second app process on the same database, as behind a load-balancing proxy.
  second = await buildApp({ config: t.config, database: t.database, clock: t.clock, logger: false });
  await second.ready();
});
afterAll(async () => {
  await second.close();
  await t.close();
});

const attempt = (app: FastifyInstance, ip = '203.0.113.7') =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    payload: { username: 'nobody', password: 'wrong-password' },
  });

describe('sign-in rate limit shared through the database', () => {
  it('counts the attempts of two app instances together and answers 429 problem+json with Retry-After', async () => {
    t.clock.set('2026-06-01T08:00:15.000Z');
    const first = await Promise.all([attempt(t.app), attempt(second), attempt(t.app), attempt(second)]);
    expect(first.map((r) => r.statusCode)).toEqual([401, 401, 401, 401]);
    expect(first.map((r) => Number(r.headers['ratelimit-remaining'])).sort()).toEqual([0, 1, 2, 3]);
    expect(first[0]!.headers['ratelimit-limit']).toBe(String(LIMIT));

    const over = await attempt(second);
    expect(over.statusCode).toBe(429);
    expect(over.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(over.json()).toMatchObject({ status: 429, code: 'request.rate_limited' });
    expect(over.headers['retry-after']).toBe('45');
    expect(over.headers['ratelimit-remaining']).toBe('0');
    expect((await attempt(t.app)).statusCode).toBe(429);
    // Another client is not affected.
    expect((await attempt(t.app, '198.51.100.2')).statusCode).toBe(401);

    t.clock.advance(45_000);
    expect((await attempt(second)).statusCode).toBe(401);
  });

  it('counts exactly the limit of 20 parallel attempts', async () => {
    t.clock.set('2026-06-01T09:00:00.000Z');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(i % 2 ? second : t.app, '192.0.2.9')),
    );
    expect(results.filter((r) => r.statusCode === 401)).toHaveLength(LIMIT);
    expect(results.filter((r) => r.statusCode === 429)).toHaveLength(20 - LIMIT);
    // Windows that have passed are swept.
    const windows = await t.database.db.selectFrom('rate_limit_windows').select('window_start').execute();
    expect(new Set(windows.map((w) => w.window_start))).toEqual(new Set(['2026-06-01T09:00:00.000Z']));
  });
});
