import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../../http/auth.js';
import { problemResponses } from '../../../http/openapi.js';
import { finaliseDecision } from './decisions.finalise.js';
import {
  callDecisionsParams,
  computeDecisionBody,
  decisionItemParams,
  decisionList,
  decisionParams,
  decisionView,
  finaliseBody,
  overrideBody,
} from './decisions.schema.js';
import { computeDecision, getDecision, listDecisions, overrideItem } from './decisions.service.js';

/** Funding decisions of a call (docs/review-decisions.md): the call platform's officers only. */
export async function decisionsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['review'];

  app.post(
    '/api/calls/:callId/decisions',
    {
      schema: {
        tags,
        summary:
          'Compute a draft funding decision: the exact optimal selection within the call budget (officers)',
        params: callDecisionsParams,
        body: computeDecisionBody,
        response: { 201: decisionView, ...problemResponses },
      },
    },
    async (request, reply) => {
      const view = await computeDecision(ctxOf(request), request.params.callId, request.body.constraints);
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/api/calls/:callId/decisions',
    {
      schema: {
        tags,
        summary: 'Funding decisions of a call, newest first (officers)',
        params: callDecisionsParams,
        response: { 200: decisionList, ...problemResponses },
      },
    },
    async (request) => listDecisions(ctxOf(request), request.params.callId),
  );

  app.get(
    '/api/calls/:callId/decisions/:decisionId',
    {
      schema: {
        tags,
        summary: 'A funding decision with its ranked items, cut-off line and reasons (officers)',
        params: decisionParams,
        response: { 200: decisionView, ...problemResponses },
      },
    },
    async (request) => getDecision(ctxOf(request), request.params.callId, request.params.decisionId),
  );

  app.patch(
    '/api/calls/:callId/decisions/:decisionId/items/:applicationId',
    {
      schema: {
        tags,
        summary: "Override one application's outcome in a draft decision, with a required reason (officers)",
        params: decisionItemParams,
        body: overrideBody,
        response: { 200: decisionView, ...problemResponses },
      },
    },
    async (request) => {
      const { callId, decisionId, applicationId } = request.params;
      return overrideItem(ctxOf(request), callId, decisionId, applicationId, request.body);
    },
  );

  app.post(
    '/api/calls/:callId/decisions/:decisionId/finalise',
    {
      schema: {
        tags,
        summary:
          'Finalise a decision: outcomes to the applications, projects for the approved, notifications, call decided (officers)',
        params: decisionParams,
        body: finaliseBody,
        response: { 200: decisionView, ...problemResponses },
      },
    },
    async (request) => {
      const { callId, decisionId } = request.params;
      return finaliseDecision(ctxOf(request), callId, decisionId, request.body.reason);
    },
  );
}
