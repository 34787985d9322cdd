import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { copyCall } from './calls.copy.js';
import { callExportRoutes } from './calls.export.js';
import {
  callIdParams,
  callView,
  copyCallBody,
  createCallBody,
  extendDeadlineBody,
  platformCallsParams,
  publicCallList,
  publicCallsQuery,
  publicCallView,
  staffCallList,
  staffCallsQuery,
  transitionBody,
  updateCallBody,
} from './calls.schema.js';
import { closeCall, createCall, extendDeadline, publishCall, updateCall } from './calls.service.js';
import { getPublicCall, getStaffCall, listPublicCalls, listStaffCalls } from './calls.views.js';

export async function callsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['calls'];
  callExportRoutes(root);

  app.get(
    '/api/calls',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Published calls for anyone (open, upcoming, past); times in UTC with the server clock',
        querystring: publicCallsQuery,
        response: { 200: publicCallList, ...problemResponses },
      },
    },
    async (request) => listPublicCalls(ctxOf(request), request.query),
  );

  app.get(
    '/api/calls/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "A published call for anyone; a draft only as its platform's staff preview",
        params: callIdParams,
        response: { 200: publicCallView, ...problemResponses },
      },
    },
    async (request) => getPublicCall(ctxOf(request), request.params.id),
  );

  app.get(
    '/api/calls/:id/manage',
    {
      schema: {
        tags,
        summary: 'The full call with its state and screening checklist (program officers and admins)',
        params: callIdParams,
        response: { 200: callView, ...problemResponses },
      },
    },
    async (request) => getStaffCall(ctxOf(request), request.params.id),
  );

  app.get(
    '/api/platforms/:platformId/calls',
    {
      schema: {
        tags,
        summary: 'Every call of a platform, drafts included (program officers and admins)',
        params: platformCallsParams,
        querystring: staffCallsQuery,
        response: { 200: staffCallList, ...problemResponses },
      },
    },
    async (request) => listStaffCalls(ctxOf(request), request.params.platformId, request.query),
  );

  app.post(
    '/api/platforms/:platformId/calls',
    {
      schema: {
        tags,
        summary: 'Create a draft call (program officers and admins)',
        params: platformCallsParams,
        body: createCallBody,
        response: { 201: callView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCall(ctxOf(request), request.params.platformId, request.body)),
  );

  app.post(
    '/api/calls/:id/copy',
    {
      schema: {
        tags,
        summary:
          '复制申报指南: a new draft call from this one (guide, criteria, budget rules, forms, fields) under a new code and dates (the platform’s call staff)',
        params: callIdParams,
        body: copyCallBody,
        response: { 201: callView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await copyCall(ctxOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/calls/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft call',
        params: callIdParams,
        body: updateCallBody,
        response: { 200: callView, ...problemResponses },
      },
    },
    async (request) => updateCall(ctxOf(request), request.params.id, request.body),
  );

  for (const [action, run, summary] of [
    ['publish', publishCall, 'Publish a draft call (checks times, budget, fields and summary)'],
    ['close', closeCall, 'Close a published call: it accepts no more submissions'],
  ] as const) {
    app.post(
      `/api/calls/:id/${action}`,
      {
        schema: {
          tags,
          summary,
          params: callIdParams,
          body: transitionBody,
          response: { 200: callView, ...problemResponses },
        },
      },
      async (request) => run(ctxOf(request), request.params.id, request.body?.reason),
    );
  }

  app.post(
    '/api/calls/:id/extend-deadline',
    {
      schema: {
        tags,
        summary: 'Move the deadline of a published call later, with a reason; applicants are notified',
        params: callIdParams,
        body: extendDeadlineBody,
        response: { 200: callView, ...problemResponses },
      },
    },
    async (request) => extendDeadline(ctxOf(request), request.params.id, request.body),
  );
}
