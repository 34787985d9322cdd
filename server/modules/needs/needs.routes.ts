import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import {
  answerContact,
  contactMatch,
  needMatches,
  needsAttention,
  receivedContacts,
} from './needs.contacts.js';
import {
  attentionList,
  attentionQuery,
  contactAnswerBody,
  contactBody,
  contactIdParams,
  contactList,
  contactView,
  listNeedsQuery,
  matchesQuery,
  matchList,
  needBody,
  needIdParams,
  needList,
  needMoveBody,
  needView,
  platformParams,
  publicNeedList,
  publicNeedsQuery,
} from './needs.schema.js';
import { createNeed, editNeed, getNeed, listNeeds, listPublicNeeds, moveNeed } from './needs.service.js';

/** Technology needs and matchmaking (技术需求对接, docs/needs.md). */
export async function needsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['needs'];

  app.get(
    '/api/public/needs',
    {
      config: { public: true },
      schema: {
        tags: ['public-portal'],
        summary: 'Open public technology needs (no sign-in); the enterprise is not named',
        querystring: publicNeedsQuery,
        response: { 200: publicNeedList, ...problemResponses },
      },
    },
    async (request) => listPublicNeeds(ctxOf(request), request.query.platformId),
  );

  app.post(
    '/api/platforms/:platformId/needs',
    {
      schema: {
        tags,
        summary: "Post a technology need for the caller's enterprise (enterprise users of the platform)",
        params: platformParams,
        body: needBody,
        response: { 201: needView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createNeed(ctxOf(request), request.params.platformId, request.body)),
  );

  app.get(
    '/api/needs',
    {
      schema: {
        tags,
        summary:
          "Needs the caller may read: public ones, its enterprise's, and staff-only ones of its platforms",
        querystring: listNeedsQuery,
        response: { 200: needList, ...problemResponses },
      },
    },
    async (request) => listNeeds(ctxOf(request), request.query),
  );

  app.get(
    '/api/needs/attention',
    {
      schema: {
        tags,
        summary:
          'Open needs that are unmatched, uncontacted, unanswered or declined (tech-transfer officers, staff)',
        querystring: attentionQuery,
        response: { 200: attentionList, ...problemResponses },
      },
    },
    async (request) => needsAttention(ctxOf(request), request.query.platformId, request.query.filter),
  );

  app.get(
    '/api/needs/:id',
    {
      schema: {
        tags,
        summary: 'One need',
        params: needIdParams,
        response: { 200: needView, ...problemResponses },
      },
    },
    async (request) => getNeed(ctxOf(request), request.params.id),
  );

  app.put(
    '/api/needs/:id',
    {
      schema: {
        tags,
        summary: "Edit an open need (the need's enterprise)",
        params: needIdParams,
        body: needBody,
        response: { 200: needView, ...problemResponses },
      },
    },
    async (request) => editNeed(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/needs/:id/transitions',
    {
      schema: {
        tags,
        summary: "Close or withdraw an open need (the need's enterprise)",
        params: needIdParams,
        body: needMoveBody,
        response: { 200: needView, ...problemResponses },
      },
    },
    async (request) => moveNeed(ctxOf(request), request.params.id, request.body.action, request.body.note),
  );

  app.get(
    '/api/needs/:id/matches',
    {
      schema: {
        tags,
        summary: 'Ranked matches with their reasons (the enterprise and the platform staff)',
        params: needIdParams,
        querystring: matchesQuery,
        response: { 200: matchList, ...problemResponses },
      },
    },
    async (request) => needMatches(ctxOf(request), request.params.id, request.query.kind),
  );

  app.post(
    '/api/needs/:id/contacts',
    {
      schema: {
        tags,
        summary: "Contact one of the need's matches through the platform (the need's enterprise)",
        params: needIdParams,
        body: contactBody,
        response: { 201: contactView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await contactMatch(ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/need-contacts',
    {
      schema: {
        tags,
        summary: 'Contacts addressed to the caller (unit directors, experts, tech-transfer officers)',
        response: { 200: contactList, ...problemResponses },
      },
    },
    async (request) => receivedContacts(ctxOf(request)),
  );

  app.post(
    '/api/need-contacts/:id/answer',
    {
      schema: {
        tags,
        summary: 'Accept or decline a contact; a decline gives a structured reason',
        params: contactIdParams,
        body: contactAnswerBody,
        response: { 200: contactView, ...problemResponses },
      },
    },
    async (request) => answerContact(ctxOf(request), request.params.id, request.body),
  );
}
