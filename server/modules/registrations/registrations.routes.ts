import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { sharedRateLimit } from '../../http/rate-limit.js';
import { approveRegistration, listRegistrations, refuseRegistration } from './registrations.review.js';
import {
  listRegistrationsQuery,
  orgSearchQuery,
  orgSearchResult,
  refuseBody,
  registerBody,
  registrationIdParams,
  registrationList,
  registrationView,
  resendBody,
  verifyBody,
  verifyResult,
} from './registrations.schema.js';
import {
  register,
  resendVerification,
  searchForRegistration,
  verifyRegistration,
} from './registrations.service.js';

/** Self-registration (docs/adr/0045): the public form, link and search, and the keepers' 注册审核. */
export async function registrationsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['registrations'];
  const pub = { public: true };
  // Per client address, in the database; the same limit as the other public account routes.
  const limit = (bucket: string) => sharedRateLimit(bucket, root.deps.config.passwordResetRateLimitPerMinute);
  const noContent = { 204: z.null(), ...problemResponses };

  app.post(
    '/api/public/registrations',
    {
      schema: {
        tags,
        summary: 'Register (the answer is the same for every address)',
        body: registerBody,
        response: noContent,
      },
      onRequest: limit('register'),
      config: pub,
    },
    async (request, reply) => {
      await register(ctxOf(request), { ...request.body, ip: request.ip });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/public/registrations/resend',
    {
      schema: { tags, summary: '重新发送: a new verification link', body: resendBody, response: noContent },
      onRequest: limit('register-resend'),
      config: pub,
    },
    async (request, reply) => {
      await resendVerification(ctxOf(request), { email: request.body.email, ip: request.ip });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/public/registrations/verify',
    {
      schema: {
        tags,
        summary: 'Verify the e-mail address with the link',
        body: verifyBody,
        response: { 200: verifyResult, ...problemResponses },
      },
      onRequest: limit('register-verify'),
      config: pub,
    },
    async (request) => verifyRegistration(ctxOf(request), { token: request.body.token, ip: request.ip }),
  );

  app.get(
    '/api/public/registrations/organisations',
    {
      schema: {
        tags,
        summary: 'Organisations to register with, by name or credit code',
        querystring: orgSearchQuery,
        response: { 200: orgSearchResult, ...problemResponses },
      },
      onRequest: limit('register-search'),
      config: pub,
    },
    async (request) => searchForRegistration(ctxOf(request), request.query.q),
  );

  app.get(
    '/api/registrations',
    {
      schema: {
        tags,
        summary: '注册审核: registrations of the platforms one keeps',
        querystring: listRegistrationsQuery,
        response: { 200: registrationList, ...problemResponses },
      },
    },
    async (request) => listRegistrations(ctxOf(request), request.query),
  );

  app.post(
    '/api/registrations/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve: a new applicant account, person and (proposed) organisation',
        params: registrationIdParams,
        response: { 200: registrationView, ...problemResponses },
      },
    },
    async (request) => approveRegistration(ctxOf(request), request.params.id),
  );

  app.post(
    '/api/registrations/:id/refuse',
    {
      schema: {
        tags,
        summary: 'Refuse with a reason (e-mailed to the person)',
        params: registrationIdParams,
        body: refuseBody,
        response: { 200: registrationView, ...problemResponses },
      },
    },
    async (request) => refuseRegistration(ctxOf(request), request.params.id, request.body.reason),
  );
}
