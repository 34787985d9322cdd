import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireSignIn, setSessionCookies } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { sharedRateLimit } from '../../http/rate-limit.js';
import {
  apiToken,
  changePasswordBody,
  createdToken,
  createTokenBody,
  idParams,
  loginBody,
  passwordChanged,
  preferencesBody,
  sessionInfo,
} from './auth.schema.js';
import { changeOwnPassword, login, logout, sessionInfoOf, setOwnLocale } from './auth.service.js';
import { createToken, listOwnTokens, revokeOwnToken } from './tokens.service.js';

export async function authRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['auth'];

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with user name and password',
        body: loginBody,
        response: { 200: sessionInfo, ...problemResponses },
      },
      // Counted in the database, not in memory, so every app process behind a proxy shares the limit.
      onRequest: sharedRateLimit('login', root.deps.config.loginRateLimitPerMinute),
      config: { public: true },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const s = await login(ctx, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookies(reply, root, s);
      return sessionInfoOf(
        { ...ctx, actor: s.actor },
        { csrfToken: s.csrfToken, expiresAt: s.expiresAt, mfaPending: s.mfaPending },
      );
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags,
        summary: 'Sign out (ends the session)',
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      if (request.session) await logout(ctxOf(request), request.session.id);
      setSessionCookies(reply, root, null);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags,
        summary: 'The signed-in user, roles and CSRF token',
        response: { 200: sessionInfo, ...problemResponses },
      },
    },
    async (request) =>
      sessionInfoOf(ctxOf(request), {
        csrfToken: request.session?.csrfToken ?? null,
        expiresAt: request.session?.expiresAt ?? null,
        mfaPending: request.session?.mfaPending ?? false,
      }),
  );

  app.post(
    '/api/me/password',
    {
      schema: {
        tags,
        summary: 'Change my password (my other sessions end, all my API tokens are revoked)',
        body: changePasswordBody,
        response: { 200: passwordChanged, ...problemResponses },
      },
    },
    async (request) =>
      changeOwnPassword(ctxOf(request), {
        ...request.body,
        keepSessionId: request.session?.id ?? null,
      }),
  );

  app.put(
    '/api/me/preferences',
    {
      schema: {
        tags,
        summary: 'Set my language',
        body: preferencesBody,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await setOwnLocale(ctxOf(request), request.body.locale);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me/tokens',
    {
      schema: {
        tags,
        summary: 'My personal API tokens',
        response: { 200: z.object({ items: z.array(apiToken) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listOwnTokens(ctxOf(request)) }),
  );

  app.post(
    '/api/me/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal API token (shown once)',
        body: createTokenBody,
        response: { 201: createdToken, ...problemResponses },
      },
    },
    async (request, reply) => {
      return reply.code(201).send(await createToken(ctxOf(request), request.body));
    },
  );

  app.delete(
    '/api/me/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke one of my API tokens',
        params: idParams,
        response: { 200: apiToken, ...problemResponses },
      },
    },
    async (request) => revokeOwnToken(ctxOf(request), request.params.id),
  );
}
