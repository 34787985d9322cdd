import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import pino from 'pino';
import { LOGGER_OPTIONS } from '../../server/app.js';

/**
 * The logger every server in a benchmark gets: level info (a request line in and out, as in production)
 * written to /dev/null. Logging costs Fastify ~40% of its throughput (reference/performance-and-reliability.md
 * §2.1), so app and baseline must log alike or the ratio measures pino, not our code.
 * The redaction is buildApp's own (LOGGER_OPTIONS in server/app.ts).
 */
export function benchLogger(): NonNullable<FastifyServerOptions['logger']> {
  return {
    level: 'info',
    ...LOGGER_OPTIONS,
    stream: pino.destination({ dest: '/dev/null', sync: true }),
  };
}

/** Listens on a free loopback port and returns the base URL. */
export async function listenLocal(app: FastifyInstance): Promise<string> {
  return app.listen({ host: '127.0.0.1', port: 0 });
}

/**
 * The baseline: bare Fastify (no plugins, schemas or hooks) with the same logger settings, answering
 * `path` with a fixed JSON value. Give it the subject's own response body so payload sizes match, and the
 * subject route's own `logLevel` (e.g. /healthz logs at warn) so both write the same log lines. `headers`,
 * when given, are sent with every answer as they are (the subject's own headers, to size the answer alike).
 */
export async function startBareJson(
  path: string,
  payload: unknown,
  route: { logLevel?: 'warn' | 'info'; headers?: Record<string, string> } = {},
): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: benchLogger() });
  const { headers, ...options } = route;
  app.get(path, options, async (_request, reply) =>
    headers ? reply.headers(headers).send(payload) : payload,
  );
  const url = await listenLocal(app);
  return { app, url };
}
