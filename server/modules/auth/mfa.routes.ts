import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireSignIn, setSessionCookies } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { resetUserMfa } from '../users/users.security.service.js';
import { idParams, sessionInfo } from './auth.schema.js';
import { sessionInfoOf } from './auth.service.js';
import { codeBody, enrolmentStarted, mfaStatus, recoveryCodes, verifyBody } from './mfa.schema.js';
import {
  confirmEnrolment,
  disableOwnMfa,
  mfaStatusOf,
  startEnrolment,
  verifySecondFactor,
} from './mfa.service.js';

/** Second factor (TOTP, RFC 6238): enrolment, the second step of a sign-in, disable and reset. */
export async function mfaRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['auth'];
  // Codes are guessed one request at a time: the second step is limited like the password.
  const rateLimit = { max: root.deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' };

  app.post(
    '/api/auth/mfa/verify',
    {
      schema: {
        tags,
        summary: 'Second step of a sign-in: a current code or a recovery code',
        body: verifyBody,
        response: { 200: sessionInfo, ...problemResponses },
      },
      config: { rateLimit },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const s = await verifySecondFactor(ctx, { sessionId: request.session?.id ?? null, ...request.body });
      setSessionCookies(reply, root, s);
      return sessionInfoOf(
        { ...ctx, actor: s.actor },
        { csrfToken: s.csrfToken, expiresAt: s.expiresAt, mfaPending: false },
      );
    },
  );

  app.get(
    '/api/me/mfa',
    {
      schema: {
        tags,
        summary: 'My second factor: on or off, required, recovery codes left',
        response: { 200: mfaStatus, ...problemResponses },
      },
    },
    async (request) => mfaStatusOf(ctxOf(request)),
  );

  app.post(
    '/api/me/mfa/enrolment',
    {
      schema: {
        tags,
        summary: 'Start setting up an authenticator app (new secret and otpauth URI)',
        response: { 201: enrolmentStarted, ...problemResponses },
      },
    },
    async (request, reply) => {
      return reply.code(201).send(await startEnrolment(ctxOf(request)));
    },
  );

  app.post(
    '/api/me/mfa/enrolment/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the authenticator app with a code; returns the recovery codes once',
        body: codeBody,
        response: { 200: recoveryCodes, ...problemResponses },
      },
      config: { rateLimit },
    },
    async (request) => confirmEnrolment(ctxOf(request), request.body.code),
  );

  app.post(
    '/api/me/mfa/disable',
    {
      schema: {
        tags,
        summary: 'Turn my second factor off (needs a current code)',
        body: codeBody,
        response: { 204: z.null(), ...problemResponses },
      },
      config: { rateLimit },
    },
    async (request, reply) => {
      await disableOwnMfa(ctxOf(request), request.body.code);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/users/:id/mfa',
    {
      schema: {
        tags: ['users'],
        summary: "Reset someone's second factor (security admin; ends their sessions)",
        params: idParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await resetUserMfa(ctxOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
