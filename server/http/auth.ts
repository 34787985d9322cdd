import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { resolveApiToken, resolveSession } from '../modules/auth/auth.service.js';
import { sessionGate } from '../modules/auth/mfa.gate.js';
import { API_TOKEN_PREFIX } from '../modules/auth/secrets.js';
import type { Actor, Ctx, UserActor } from './context.js';
import { AppError, unauthorized } from './errors.js';

export const SESSION_COOKIE = 'cl_session';
export const CSRF_COOKIE = 'cl_csrf';
/**
 * Over HTTPS (COOKIE_SECURE=true) the cookies carry the `__Host-` prefix (ASVS 3.3.1, 3.3.3): the browser
 * then accepts them only with Secure, Path=/ and no Domain, so a sibling subdomain cannot plant or
 * overwrite them. Plain HTTP (development) cannot set such cookies, so the bare names stay there.
 */
export const cookieNames = (secure: boolean) =>
  secure
    ? { session: `__Host-${SESSION_COOKIE}`, csrf: `__Host-${CSRF_COOKIE}` }
    : { session: SESSION_COOKIE, csrf: CSRF_COOKIE };
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answer without a signed-in caller in a scope that `requireSignIn` guards (public pages, sign-in). */
    public?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
    session: { id: string; csrfToken: string; expiresAt: string; mfaPending: boolean } | null;
    sessionExpired: boolean;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is calling: a session cookie (browser) or a personal API token (scripts).
 * Cookie-authenticated writes must echo the session's CSRF token in a header.
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionExpired', false);
  // A callback hook with a synchronous way out: a request outside /api/ (the web UI, /healthz) or one with
  // no credential costs no promise (issue 16; anonymous trivial routes next to bare Fastify).
  app.addHook('onRequest', (request, _reply, done) => {
    if (!request.url.startsWith('/api/')) return done();
    if (request.headers.authorization === undefined && request.headers.cookie === undefined) return done();
    authenticate(app, request).then(() => done(), done);
  });
});

/** Who the request's credential is, or the refusal (bearer token first, then the session cookie). */
async function authenticate(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  const deps = { db: app.deps.database.db, config: app.deps.config, clock: app.deps.clock };
  const auth = request.headers.authorization;
  // The scheme name is case-insensitive (RFC 7235 §2.1).
  if (auth && /^bearer /i.test(auth)) {
    const token = auth.slice(7).trim();
    const actor = token.startsWith(API_TOKEN_PREFIX) ? await resolveApiToken(deps, token) : null;
    if (!actor) throw unauthorized('auth.not_signed_in');
    if (!SAFE.has(request.method) && !actor.scopes.includes('write'))
      throw new AppError(403, 'auth.token_scope');
    request.actor = actor;
    return;
  }
  const raw = request.cookies[cookieNames(deps.config.cookieSecure).session];
  const unsigned = raw ? request.unsignCookie(raw) : null;
  if (!unsigned?.valid || !unsigned.value) return;
  const found = await resolveSession(deps, unsigned.value);
  if (found.state !== 'valid') {
    request.sessionExpired = found.state === 'expired';
    return;
  }
  if (!SAFE.has(request.method) && request.headers[CSRF_HEADER] !== found.csrfToken) {
    throw new AppError(403, 'auth.csrf_failed');
  }
  const route = `${request.method} ${request.routeOptions.url ?? ''}`;
  const blocked = await sessionGate(deps.db, deps.config.mfaRequiredRoles, found, route);
  if (blocked) throw new AppError(403, blocked);
  request.actor = found.actor;
  request.session = {
    id: found.sessionId,
    csrfToken: found.csrfToken,
    expiresAt: found.expiresAt,
    mfaPending: found.mfaPending,
  };
}

/**
 * Declares once for a route scope (a routes plugin) that its routes need a signed-in caller: 401 after
 * validation, as a handler's own check would answer, for every route not marked `config: { public: true }`.
 */
export function requireSignIn(app: FastifyInstance): void {
  // Synchronous: a throw here becomes the 401 as a rejected promise would, without allocating one.
  app.addHook('preHandler', (request, _reply, done) => {
    if (request.routeOptions.config.public !== true) requireActor(request);
    done();
  });
}

/** The signed-in actor, or 401 (naming an expired session when that is why). */
export function requireActor(request: FastifyRequest): UserActor {
  if (request.actor) return request.actor;
  throw unauthorized(request.sessionExpired ? 'auth.session_expired' : 'auth.not_signed_in');
}

export function setSessionCookies(
  reply: FastifyReply,
  app: FastifyInstance,
  value: { token: string; csrfToken: string; expiresAt: string } | null,
) {
  const secure = app.deps.config.cookieSecure;
  const names = cookieNames(secure);
  if (!value) {
    reply.clearCookie(names.session, { path: '/', secure }).clearCookie(names.csrf, { path: '/', secure });
    return;
  }
  const expires = new Date(value.expiresAt);
  reply
    .setCookie(names.session, value.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      signed: true,
      expires,
    })
    .setCookie(names.csrf, value.csrfToken, {
      path: '/',
      httpOnly: false,
      sameSite: 'strict',
      secure,
      expires,
    });
}

/** Builds the service context for a request. */
export function ctxOf(request: FastifyRequest): Ctx {
  const { database, config, clock } = request.server.deps;
  return {
    db: database.db,
    seam: database.seam,
    actor: request.actor,
    requestId: request.id,
    log: request.log,
    clock,
    config,
  };
}
