import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { recordRefusal } from '../modules/audit/security-events.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The problem code of a problem+json answer, or null. */
function codeOf(payload: unknown): string | null {
  if (typeof payload !== 'string') return null;
  try {
    const code = (JSON.parse(payload) as { code?: unknown }).code;
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}

/**
 * Failed authorisation as security events (ASVS 16.3.2, docs/security/asvs-5.0-l2.md). Recorded: every
 * 403 answered to a signed-in user (session or API token), and every 404 a route with an id parameter
 * answers a signed-in user with its own `*.not_found` code — the answer that hides an object the user
 * may not see. The server answers an unseen and a missing object alike on purpose, so both are recorded:
 * a run of them is what probing for ids looks like. Not recorded: anonymous callers (401), refusals
 * before the caller is known (a CSRF failure, a second factor still pending), and route-not-found.
 * Recording runs before the answer leaves, so a test (or an auditor) sees the row as soon as the answer;
 * a failure to record is logged and never changes the answer.
 */
export const securityEventsPlugin = fp(async (app: FastifyInstance) => {
  // Callback style: every answer but a signed-in caller's 403/404 leaves at once, without a promise.
  app.addHook('onSend', (request, reply, payload, done) => {
    const status = reply.statusCode;
    const actor = request.actor;
    const route = request.routeOptions.url;
    if ((status !== 403 && status !== 404) || !actor || !route?.startsWith('/api/'))
      return done(null, payload);
    record(request, status, actor.userId, route, payload).then(() => done(null, payload), done);
  });

  async function record(
    request: FastifyRequest,
    status: number,
    userId: string,
    route: string,
    payload: unknown,
  ): Promise<void> {
    const params = (request.params ?? {}) as Record<string, unknown>;
    const ids = Object.values(params).filter((v): v is string => typeof v === 'string' && UUID.test(v));
    const code = codeOf(payload) ?? (status === 403 ? 'auth.forbidden' : 'request.not_found');
    if (status === 404 && (ids.length === 0 || code === 'request.not_found')) return;
    try {
      await recordRefusal(app.deps.database.db, {
        userId,
        method: request.method,
        route,
        status,
        code,
        objectId: typeof params.id === 'string' && UUID.test(params.id) ? params.id : (ids[0] ?? null),
        ip: request.ip ?? null,
        requestId: request.id,
        at: app.deps.clock.now(),
      });
    } catch (err) {
      request.log.error({ err }, 'security event not recorded');
    }
  }
});
