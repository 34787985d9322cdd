import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCache, sendAnswer } from './answer-cache.js';

/**
 * What sendAnswer keeps (answer-cache.ts, docs/adr/0037): only a GET's 200 that sets no cookie, and only
 * when AUTH_CACHE_MS is not 0. A bare Fastify app with the app's `deps` and a counting `compute`.
 */
const cache = answerCache({ tables: ['answer_cache_rules_test'] });
const db = {};
let reads = 0;
const compute = async () => ({ n: ++reads });
const app = Fastify({ logger: false });
const deps = (authCacheMs: number) => ({
  config: { authCacheMs },
  database: { db },
  clock: { now: () => new Date('2026-06-01T08:00:00.000Z') },
});

beforeAll(async () => {
  app.decorate('deps', deps(1000) as never);
  const response = { 200: { type: 'object', properties: { n: { type: 'integer' } } } };
  app.get('/ok', { schema: { response } }, (_req, reply) => sendAnswer(reply, cache, { key: 'ok', compute }));
  app.get('/cookie', (_req, reply) => {
    reply.header('set-cookie', 'a=1');
    return sendAnswer(reply, cache, { key: 'cookie', compute });
  });
  app.get('/accepted', (_req, reply) => sendAnswer(reply.code(202), cache, { key: 'accepted', compute }));
  app.post('/post', (_req, reply) => sendAnswer(reply, cache, { key: 'post', compute }));
  app.get('/fails', (_req, reply) =>
    sendAnswer(reply, cache, {
      key: 'fails',
      compute: async () => {
        reads++;
        throw new Error('read failed');
      },
    }),
  );
  await app.ready();
});
afterAll(() => app.close());

const twice = async (method: 'GET' | 'POST', url: string) => {
  const before = reads;
  const a = await app.inject({ method, url });
  const b = await app.inject({ method, url });
  return { reads: reads - before, a, b };
};

describe('sendAnswer keeps', () => {
  it('a GET’s 200, serialised by the route’s schema, sent as JSON from the second request on', async () => {
    const r = await twice('GET', '/ok');
    expect(r.reads).toBe(1);
    expect(r.b.body).toBe(r.a.body);
    expect(r.a.body).toBe('{"n":1}');
    expect(r.b.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(cache.storeOf(db).size).toBe(1);
  });

  it('no answer that sets a cookie, answers another status, a POST or a failed read', async () => {
    expect((await twice('GET', '/cookie')).reads).toBe(2);
    const accepted = await twice('GET', '/accepted');
    expect(accepted.reads).toBe(2);
    expect(accepted.b.statusCode).toBe(202);
    expect((await twice('POST', '/post')).reads).toBe(2);
    const failed = await twice('GET', '/fails');
    expect(failed.reads).toBe(2);
    expect(failed.b.statusCode).toBe(500);
    expect(cache.storeOf(db).size).toBe(1);
  });

  it('nothing when AUTH_CACHE_MS is 0', async () => {
    const off = Fastify({ logger: false });
    off.decorate('deps', deps(0) as never);
    off.get('/ok', (_req, reply) => sendAnswer(reply, cache, { key: 'off', compute }));
    const before = reads;
    await off.inject({ url: '/ok' });
    await off.inject({ url: '/ok' });
    expect(reads - before).toBe(2);
    await off.close();
  });
});
