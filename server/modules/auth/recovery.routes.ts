import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { sharedRateLimit } from '../../http/rate-limit.js';
import { newChallenge } from './challenge.service.js';
import {
  passwordReset,
  passwordResetBody,
  passwordResetRequestBody,
  signInChallenge,
} from './recovery.schema.js';
import { requestPasswordReset, resetPasswordWithLink } from './recovery.service.js';

/** The anonymous account routes: forgot password, and the sign-in challenge (docs/sign-in.md). */
export async function recoveryRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['auth'];
  const { config } = root.deps;
  // Per client address, in the database (shared by every app process); the per-address limit of the
  // e-mail itself is in the service, where it answers alike.
  const resetLimit = sharedRateLimit('pwreset', config.passwordResetRateLimitPerMinute);

  app.get(
    '/api/auth/challenge',
    {
      schema: {
        tags,
        summary: 'A proof-of-work challenge for the sign-in (needed after failed sign-ins)',
        response: { 200: signInChallenge, ...problemResponses },
      },
      onRequest: sharedRateLimit('challenge', config.loginRateLimitPerMinute),
      config: { public: true },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return newChallenge(ctxOf(request));
    },
  );

  app.post(
    '/api/auth/password-reset-requests',
    {
      schema: {
        tags,
        summary: 'Forgot password: e-mail a reset link (the answer is the same for every address)',
        body: passwordResetRequestBody,
        response: { 204: z.null(), ...problemResponses },
      },
      onRequest: resetLimit,
      config: { public: true },
    },
    async (request, reply) => {
      await requestPasswordReset(ctxOf(request), { email: request.body.email, ip: request.ip });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Set a new password with an e-mailed link (ends every session and API token of the account)',
        body: passwordResetBody,
        response: { 200: passwordReset, ...problemResponses },
      },
      onRequest: resetLimit,
      config: { public: true },
    },
    async (request) => resetPasswordWithLink(ctxOf(request), { ...request.body, ip: request.ip }),
  );
}
