import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import {
  changeEmailBody,
  emailChanged,
  endedSessions,
  ownSessionList,
  sessionRefParams,
} from './account.schema.js';
import { changeOwnEmail, endOtherSessions, endOwnSession, listOwnSessions } from './account.service.js';

/** My account: the sessions I am signed in with, and the e-mail change that needs my password again. */
export async function accountRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['auth'];

  app.get(
    '/api/me/sessions',
    {
      schema: {
        tags,
        summary: 'My signed-in sessions (browser and system, IP, since, last seen, which is this one)',
        response: { 200: ownSessionList, ...problemResponses },
      },
    },
    async (request) => ({ items: await listOwnSessions(ctxOf(request), request.session?.id ?? null) }),
  );

  app.delete(
    '/api/me/sessions/:id',
    {
      schema: {
        tags,
        summary: 'End one of my sessions',
        params: sessionRefParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await endOwnSession(ctxOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/me/sessions/end-others',
    {
      schema: {
        tags,
        summary: 'End all my sessions but this one',
        response: { 200: endedSessions, ...problemResponses },
      },
    },
    async (request) => endOtherSessions(ctxOf(request), request.session?.id ?? null),
  );

  app.put(
    '/api/me/email',
    {
      schema: {
        tags,
        summary: 'Change my e-mail (with my current password, or a current code of my second factor)',
        body: changeEmailBody,
        response: { 200: emailChanged, ...problemResponses },
      },
    },
    async (request) => changeOwnEmail(ctxOf(request), request.body),
  );
}
