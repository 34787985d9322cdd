import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import {
  addMemberBody,
  committeeView,
  endTermBody,
  listCommitteeQuery,
  memberIdParams,
  memberView,
  platformCommitteeParams,
  updateMemberBody,
} from './committee.schema.js';
import {
  addCommitteeMember,
  endCommitteeTerm,
  removeCommitteeMember,
  updateCommitteeMember,
} from './committee.service.js';
import { listCommittee } from './committee.views.js';

export async function committeeRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['committee'];

  app.get(
    '/api/platforms/:platformId/committee',
    {
      schema: {
        tags,
        summary:
          "A platform's evaluation committee with its composition by category (anyone with a role on the platform)",
        params: platformCommitteeParams,
        querystring: listCommitteeQuery,
        response: { 200: committeeView, ...problemResponses },
      },
    },
    async (request) => listCommittee(ctxOf(request), request.params.platformId, request.query),
  );

  app.post(
    '/api/platforms/:platformId/committee',
    {
      schema: {
        tags,
        summary: 'Appoint a member: an existing person or a new one (platform admins)',
        params: platformCommitteeParams,
        body: addMemberBody,
        response: { 201: memberView, ...problemResponses },
      },
    },
    async (request, reply) => {
      return reply
        .code(201)
        .send(await addCommitteeMember(ctxOf(request), request.params.platformId, request.body));
    },
  );

  app.patch(
    '/api/committee/:id',
    {
      schema: {
        tags,
        summary: "Edit a member's category, organisation, term, appointing body or fields (platform admins)",
        params: memberIdParams,
        body: updateMemberBody,
        response: { 200: memberView, ...problemResponses },
      },
    },
    async (request) => updateCommitteeMember(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/committee/:id/end-term',
    {
      schema: {
        tags,
        summary: "End a member's term (platform admins)",
        params: memberIdParams,
        body: endTermBody,
        response: { 200: memberView, ...problemResponses },
      },
    },
    async (request) => endCommitteeTerm(ctxOf(request), request.params.id, request.body?.termEnd),
  );

  app.delete(
    '/api/committee/:id',
    {
      schema: {
        tags,
        summary: 'Remove a member entered by mistake (platform admins)',
        params: memberIdParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await removeCommitteeMember(ctxOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
