import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { answerLinkRequest, listMyLinkRequests, proposeLink } from './people.links.js';
import {
  createPersonBody,
  linkRequestParams,
  linkRequestView,
  listPeopleQuery,
  myLinkRequestList,
  orgContactList,
  orgIdParams,
  personIdParams,
  personList,
  personView,
  proposeLinkBody,
  updatePersonBody,
} from './people.schema.js';
import {
  createPerson,
  deletePerson,
  getPerson,
  listOrgContacts,
  listPeople,
  updatePerson,
} from './people.service.js';

export async function peopleRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['people'];

  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary:
          'The people directory (platform admins, supervisors and lab directors; contacts only where the person works with you)',
        querystring: listPeopleQuery,
        response: { 200: personList, ...problemResponses },
      },
    },
    async (request) => listPeople(ctxOf(request), request.query),
  );

  app.get(
    '/api/orgs/:id/contacts',
    {
      schema: {
        tags,
        summary:
          "An organisation's people by name, to name a consortium member's contact (anyone signed in; no contact details)",
        params: orgIdParams,
        response: { 200: orgContactList, ...problemResponses },
      },
    },
    async (request) => listOrgContacts(ctxOf(request), request.params.id),
  );

  app.post(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'Create a person record (platform admins and lab directors)',
        body: createPersonBody,
        response: { 201: personView, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createPerson(ctxOf(request), request.body)),
  );

  app.get(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'One person (404 when not visible to you)',
        params: personIdParams,
        response: { 200: personView, ...problemResponses },
      },
    },
    async (request) => getPerson(ctxOf(request), request.params.id),
  );

  app.patch(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'Edit a person (admins of a platform they work on, or of anyone not yet placed)',
        params: personIdParams,
        body: updatePersonBody,
        response: { 200: personView, ...problemResponses },
      },
    },
    async (request) => updatePerson(ctxOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'Delete a person nobody refers to (409 people.in_use otherwise)',
        params: personIdParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deletePerson(ctxOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/people/:id/link-requests',
    {
      schema: {
        tags,
        summary:
          "Propose linking a person without an account to a user account; the account's owner accepts or declines (admins keeping the record)",
        params: personIdParams,
        body: proposeLinkBody,
        response: { 201: linkRequestView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await proposeLink(ctxOf(request), request.params.id, request.body.userId)),
  );

  app.get(
    '/api/me/person-links',
    {
      schema: {
        tags,
        summary: 'Proposals to link a person record to your account, awaiting your answer',
        response: { 200: myLinkRequestList, ...problemResponses },
      },
    },
    async (request) => listMyLinkRequests(ctxOf(request)),
  );

  for (const answer of ['accept', 'decline'] as const) {
    app.post(
      `/api/me/person-links/:id/${answer}`,
      {
        schema: {
          tags,
          summary:
            answer === 'accept'
              ? 'Accept a proposal: the person record becomes yours (your account acts as that person)'
              : 'Decline a proposal: the person record stays unlinked',
          params: linkRequestParams,
          response: { 200: linkRequestView, ...problemResponses },
        },
      },
      async (request) => answerLinkRequest(ctxOf(request), request.params.id, answer),
    );
  }
}
