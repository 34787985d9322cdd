import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../../common/privacy.js';
import { makeResult, technologyBody } from '../modules/results/results.fixtures.js';
import { snapshotTables } from '../test/bad-input.js';
import { buildPlatform, buildUser } from '../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../test/harness.js';

// The walk over every route (bad-input.test.ts) covers each field; this file pins the rule itself:
// what is refused, what is allowed, and that PostgreSQL no longer answers 500 on a NUL.
let t: TestApp;
let admin: Client;
let result: string;
const form = {
  kind: 'licensing',
  name: '王工',
  organisation: '深圳某半导体设备有限公司',
  email: 'wang@example.com',
  message: '我们希望了解该技术的非独占许可条件。',
  consentVersion: PRIVACY_NOTICE_VERSION,
};

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  await buildUser(ctx, { username: 'root', systemAdmin: true });
  admin = await signIn(t.app, 'root');
  result = (await makeResult(ctx, technologyBody((await buildPlatform(ctx)).id))).id;
});
afterAll(() => t.close());

const inquire = (body: object) =>
  anonymous(t.app).post(`/api/public/results/${result}/inquiries`, { ...form, ...body });

describe('control characters in text', () => {
  it('refuses a NUL on the anonymous inquiry form with 422 and a pointer, storing nothing', async () => {
    const before = await snapshotTables(t.database);
    const res = await inquire({ message: `我们希望了解\u0000许可条件。` });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      status: 422,
      code: 'request.control_character',
      errors: [{ in: 'body', pointer: '/message', code: 'request.control_character' }],
    });
    expect(await snapshotTables(t.database)).toEqual(before);
  });

  it('allows tab, line feed and carriage return and stores them verbatim', async () => {
    const message = '第一行\r\n第二行\n\t缩进的第三行';
    const res = await inquire({ message });
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.database.db
      .selectFrom('inquiries')
      .select('message')
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.message).toBe(message);
  });

  it('refuses the other C0 controls, DEL and C1 controls, pointing into arrays', async () => {
    for (const c of ['\u0001', '\u0007', '\u000b', '\u001b', '\u007f', '\u0085', '\u009f']) {
      const res = await admin.post('/api/me/tokens', { name: `ci${c}`, scopes: ['read', `wr${c}ite`] });
      expect(res.statusCode, JSON.stringify(c)).toBe(422);
      expect(res.json().errors).toEqual([
        expect.objectContaining({ in: 'body', pointer: '/name' }),
        expect.objectContaining({ in: 'body', pointer: '/scopes/1' }),
      ]);
    }
  });

  it('applies to query strings and path parameters too', async () => {
    const q = await admin.get(`/api/users?q=${encodeURIComponent('a\u0000')}`);
    expect(q.statusCode).toBe(422);
    expect(q.json().errors).toEqual([expect.objectContaining({ in: 'querystring', pointer: '/q' })]);
    const p = await admin.get(`/api/platforms/${encodeURIComponent('a\u0000b')}`);
    expect(p.statusCode).toBe(422);
    expect(p.json().errors).toEqual([expect.objectContaining({ in: 'params', pointer: '/id' })]);
  });
});
