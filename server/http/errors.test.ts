import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../app.js';
import { freshDatabase, testClock, testConfig } from '../test/harness.js';
import { AppError } from './errors.js';

const SECRET = 'password=hunter2 at /srv/commonlab/secret.ts';
let app: FastifyInstance;
let logged = '';
let cleanup: () => Promise<void>;

// An app with extra routes that fail in the ways real handlers can, registered before ready().
beforeAll(async () => {
  const fresh = await freshDatabase();
  const config = testConfig(fresh.dataDir, { BODY_LIMIT_BYTES: '2048' });
  const stream = new Writable({
    write(chunk, _enc, done) {
      logged += chunk.toString();
      done();
    },
  });
  app = await buildApp({
    config,
    database: fresh.database,
    clock: testClock(),
    logger: { level: 'error', stream },
  });
  app.get('/api/test/throws', async () => {
    throw new Error(SECRET);
  });
  app.get('/api/test/bad-sql', async () => {
    await sql`select * from no_such_table_${sql.raw('xyz')}`.execute(fresh.database.db);
    return {};
  });
  app.get(
    '/api/test/wrong-shape',
    { schema: { response: { 200: z.object({ id: z.uuid() }) } } },
    async () => ({
      id: SECRET,
    }),
  );
  app.get('/api/test/app-error', async () => {
    throw new AppError(409, 'users.username_taken', { detail: 'alice is taken', field: 'username' });
  });
  await app.ready();
  cleanup = async () => {
    await app.close();
    await fresh.database.close();
    await fresh.drop();
  };
});
afterAll(() => cleanup());

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({
    status,
    code,
    type: `urn:commonlab:problem:${code}`,
    title: expect.any(String),
  });
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body;
}

describe('unknown routes', () => {
  it('answers 404 problem+json for an unknown API path, any method, and for an unknown page path', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await app.inject({
        method,
        url: '/api/nothing/here?x=1',
        payload: method === 'GET' ? undefined : { a: 1 },
      });
      expect(expectProblem(res, 404, 'request.not_found').instance).toBe('/api/nothing/here');
    }
    expectProblem(await app.inject({ method: 'GET', url: '/no-such-page' }), 404, 'request.not_found');
  });

  it('answers a malformed %-escape in the path with problem+json, not the router default', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/users/%E0%A4%A' }), 400, 'request.invalid');
  });

  it('answers 404, not 405 or 500, for a known path with a method it does not take', async () => {
    expectProblem(await app.inject({ method: 'DELETE', url: '/api/platforms' }), 404, 'request.not_found');
  });
});

describe('unexpected errors', () => {
  it('sends 500 internal.error with no message, stack or detail, and logs the cause with the request id', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/test/throws',
      headers: { 'x-request-id': 'trace-500-a' },
    });
    const body = expectProblem(res, 500, 'internal.error');
    expect(body.requestId).toBe('trace-500-a');
    expect(body.detail).toBeUndefined();
    expect(body.stack).toBeUndefined();
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toMatch(/\.ts:\d+|Error:/);
    expect(logged).toContain('hunter2');
    expect(logged).toContain('trace-500-a');
  });

  it('hides database errors: no SQL, table name or driver message in the body', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/bad-sql' });
    expectProblem(res, 500, 'internal.error');
    expect(res.body).not.toMatch(/no_such_table|select|SQLITE|relation/i);
    expect(logged).toMatch(/no_such_table_xyz/);
  });

  it('treats a response that breaks its own schema as a server error and does not send the value', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/wrong-shape' });
    expectProblem(res, 500, 'internal.error');
    expect(res.body).not.toContain('hunter2');
  });
});

describe('expected errors', () => {
  it('sends an AppError with its status, code, detail and extra members', async () => {
    const body = expectProblem(
      await app.inject({ method: 'GET', url: '/api/test/app-error' }),
      409,
      'users.username_taken',
    );
    expect(body).toMatchObject({
      detail: 'alice is taken',
      field: 'username',
      instance: '/api/test/app-error',
    });
  });

  it('lists every invalid field with where it was, a JSON pointer and a code', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '', password: 5, 'odd/key~': true },
    });
    const body = expectProblem(res, 400, 'request.validation_failed');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'body', pointer: '/username', code: 'too_small' }),
        expect.objectContaining({ in: 'body', pointer: '/password', code: 'invalid_type' }),
        expect.objectContaining({ in: 'body', pointer: '/odd~1key~0', code: 'unrecognized_keys' }),
      ]),
    );
  });

  it('refuses a body that is not JSON with 415 and one over the limit with 413', async () => {
    const xml = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login/>',
    });
    expectProblem(xml, 415, 'request.unsupported_media_type');
    const big = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x'.repeat(4096), password: 'x' },
    });
    expectProblem(big, 413, 'request.body_too_large');
  });

  it('refuses malformed and empty JSON bodies with request.malformed_json', async () => {
    for (const payload of ['{"username":', '']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expectProblem(res, 400, 'request.malformed_json');
    }
  });
});

describe('request ids', () => {
  it('echoes a well-formed x-request-id and replaces an unsafe one with a fresh UUIDv7', async () => {
    const kept = await app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'x-request-id': 'abc-123.XYZ_9' },
    });
    expect(kept.headers['x-request-id']).toBe('abc-123.XYZ_9');
    for (const unsafe of ['has space', 'x'.repeat(65), 'line\u2028break', '<script>']) {
      const res = await app.inject({ method: 'GET', url: '/api/nope', headers: { 'x-request-id': unsafe } });
      expect(res.headers['x-request-id']).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(res.json().requestId).toBe(res.headers['x-request-id']);
    }
  });

  it('gives each request its own id', async () => {
    const a = await app.inject({ method: 'GET', url: '/healthz' });
    const b = await app.inject({ method: 'GET', url: '/healthz' });
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });
});
