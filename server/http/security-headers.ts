import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The app's helmet settings: a strict CSP for the single-page app; HSTS only behind HTTPS. */
export function helmetOptions(hsts: boolean): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        // No <base> element is used; 'none' stops an injected one from redirecting relative URLs.
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts,
  };
}

/**
 * The headers helmet sends for `options`, worked out once. @fastify/helmet calls `helmet(options)` again
 * on every request, re-parsing the CSP directives and building the middleware anew, and adds two hooks
 * (one async, allocating a `reply.helmet` closure nobody here uses): ~2% of a trivial request's CPU in the
 * healthz profile (bench/README.md). With fixed directives (no nonces, no per-request functions) the
 * headers are the same on every answer, so a throwaway instance answers one request and its helmet
 * headers are kept: the same library and options decide them, nothing is written out by hand.
 */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<Array<[string, string]>> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, options);
  probe.get('/', async (_request, reply) => reply.type('application/json').send('{}'));
  const bare = Fastify({ logger: false });
  bare.get('/', async (_request, reply) => reply.type('application/json').send('{}'));
  try {
    const [withHelmet, without] = await Promise.all([probe.inject('/'), bare.inject('/')]);
    const plain = new Set(Object.keys(without.headers));
    return Object.entries(withHelmet.headers)
      .filter(([name]) => !plain.has(name))
      .map(([name, value]) => [name, String(value)]);
  } finally {
    await Promise.all([probe.close(), bare.close()]);
  }
}

/**
 * Sends helmet's headers on every answer from one synchronous onRequest hook, set on the raw response as
 * helmet itself does (so a route that sets its own, e.g. the API docs' CSP, still overrides them).
 */
export const securityHeaders = fp(
  async (app: FastifyInstance, options: FastifyHelmetOptions) => {
    const headers = await helmetHeaders(options);
    app.addHook('onRequest', (_request, reply, done) => {
      const res = reply.raw;
      res.removeHeader('x-powered-by');
      for (const [name, value] of headers) res.setHeader(name, value);
      done();
    });
  },
  { name: 'commonlab-security-headers' },
);
