import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../../http/auth.js';
import { problem, problemResponses } from '../../../http/openapi.js';
import { answerInvitation, myCheckInvitations } from './checks.invitations.js';
import { createCheckRun, getCheckRun, refillCheck, replayCheckRun } from './checks.runs.js';
import {
  checkAnswerBody,
  checkAnswerView,
  checkRunBody,
  checkRunParams,
  checkRunReplay,
  checkRunView,
  myCheckInvitations as myCheckInvitationsView,
  refillBody,
} from './checks.runs.schema.js';
import { checkIdParams } from './checks.schema.js';

/** The review engine's runs over project checks (docs/projects.md "Assignment runs for checks"). */
export async function checkRunsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];

  app.post(
    '/api/project-check-runs',
    {
      schema: {
        tags,
        summary:
          'Run the assignment engine (optimal / random / hybrid) over one or several checks of a platform: conflicts under the rule set, experts invited (the funder’s side)',
        body: checkRunBody,
        response: { 201: checkRunView, ...problemResponses, 422: problem },
      },
    },
    async (request, reply) => reply.code(201).send(await createCheckRun(ctxOf(request), request.body)),
  );

  app.get(
    '/api/project-check-runs/:runId',
    {
      schema: {
        tags,
        summary: 'A run over checks with each expert’s seat and its state (the funder’s side)',
        params: checkRunParams,
        response: { 200: checkRunView, ...problemResponses },
      },
    },
    async (request) => getCheckRun(ctxOf(request), request.params.runId),
  );

  app.post(
    '/api/project-check-runs/:runId/replay',
    {
      schema: {
        tags,
        summary:
          'Re-run the engine from the stored instance, mode and seed and compare with the stored panels',
        params: checkRunParams,
        response: { 200: checkRunReplay, ...problemResponses },
      },
    },
    async (request) => replayCheckRun(ctxOf(request), request.params.runId),
  );

  app.post(
    '/api/project-checks/:checkId/refill',
    {
      schema: {
        tags,
        summary:
          'Run the engine again for the check as its latest run did, to fill declined or expired seats (the funder’s side)',
        params: checkIdParams,
        body: refillBody,
        response: { 201: checkRunView, ...problemResponses, 422: problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await refillCheck(ctxOf(request), request.params.checkId, request.body)),
  );

  app.post(
    '/api/project-checks/:checkId/invitation',
    {
      schema: {
        tags,
        summary: 'The invited expert accepts or declines their seat on the check’s panel',
        params: checkIdParams,
        body: checkAnswerBody,
        response: { 200: checkAnswerView, ...problemResponses },
      },
    },
    async (request) => answerInvitation(ctxOf(request), request.params.checkId, request.body),
  );

  app.get(
    '/api/my-project-check-invitations',
    {
      schema: {
        tags,
        summary:
          "The signed-in expert's open invitations to check panels: project, check kind, due date, answer deadline",
        response: { 200: myCheckInvitationsView, ...problemResponses },
      },
    },
    async (request) => myCheckInvitations(ctxOf(request)),
  );
}
