import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { helmetOptions, securityHeaders } from './security-headers.js';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function serve(plugin: 'ours' | 'fastify-helmet', hsts: boolean) {
  const app = Fastify({ logger: false });
  apps.push(app);
  if (plugin === 'ours') await app.register(securityHeaders, helmetOptions(hsts));
  else await app.register(helmet, helmetOptions(hsts));
  app.get('/x', async () => ({ ok: true }));
  // A route with its own policy (as the API docs have) keeps it.
  app.get('/own', async (_request, reply) =>
    reply.header('content-security-policy', "default-src 'none'").send('x'),
  );
  app.get('/fails', async () => {
    throw new Error('boom');
  });
  return app;
}

describe('security headers computed once', () => {
  for (const hsts of [false, true]) {
    it(`sends exactly what @fastify/helmet sends (hsts ${hsts}), also on errors and 404s`, async () => {
      const ours = await serve('ours', hsts);
      const theirs = await serve('fastify-helmet', hsts);
      for (const url of ['/x', '/own', '/fails', '/missing']) {
        const [a, b] = await Promise.all([ours.inject(url), theirs.inject(url)]);
        const { date: _d1, ...ha } = a.headers;
        const { date: _d2, ...hb } = b.headers;
        expect(ha).toEqual(hb);
        expect(a.statusCode).toBe(b.statusCode);
      }
      const x = await ours.inject('/x');
      expect(x.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(x.headers['x-content-type-options']).toBe('nosniff');
      expect(x.headers['strict-transport-security'] !== undefined).toBe(hsts);
      expect((await ours.inject('/own')).headers['content-security-policy']).toBe("default-src 'none'");
    });
  }
});
