import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/auth.js';
import { problem, problemResponses } from '../../http/openapi.js';
import {
  decideAmendment,
  listAmendments,
  proposeAmendment,
  withdrawAmendment,
} from './projects.amendments.js';
import {
  agreementVersionList,
  amendmentBody,
  amendmentDecisionBody,
  amendmentIdParams,
  amendmentList,
  amendmentView,
} from './projects.amendments.schema.js';
import { listAgreementVersions } from './projects.amendments.versions.js';
import { projectIdParams } from './projects.schema.js';

/**
 * Routes of the amendments (变更) of a frozen 任务书 and its versions (docs/adr/0041), added to the
 * projects plugin by projectsRoutes (after its sign-in hook), so the module still registers one plugin.
 */
export function projectAmendmentsRoutes(app: FastifyInstance) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];

  typed.get(
    '/api/projects/:id/agreement/versions',
    {
      schema: {
        tags,
        summary:
          'Every frozen version of the 任务书, oldest first, each with what changed from the one before (anyone who may read the project)',
        params: projectIdParams,
        response: { 200: agreementVersionList, ...problemResponses },
      },
    },
    async (request) => listAgreementVersions(ctxOf(request), request.params.id),
  );

  typed.get(
    '/api/projects/:id/amendments',
    {
      schema: {
        tags,
        summary:
          'Amendments of the 任务书, newest first, with what each changes (anyone who may read the project)',
        params: projectIdParams,
        response: { 200: amendmentList, ...problemResponses },
      },
    },
    async (request) => listAmendments(ctxOf(request), request.params.id),
  );

  typed.post(
    '/api/projects/:id/amendments',
    {
      schema: {
        tags,
        summary:
          "Propose an amendment of the frozen 任务书 — indicators, milestones, reporting schedule, end date, objectives; not the budget (预算调剂) — with a reason (the lead organisation's side or the funder's officers); one open at a time",
        params: projectIdParams,
        body: amendmentBody,
        response: { 201: amendmentView, ...problemResponses, 422: problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await proposeAmendment(ctxOf(request), request.params.id, request.body)),
  );

  typed.post(
    '/api/projects/:id/amendments/:amendmentId/decision',
    {
      schema: {
        tags,
        summary:
          "Approve an open amendment, freezing the next version of the 任务书, or refuse it with a reason (the platform's admins and program officers)",
        params: amendmentIdParams,
        body: amendmentDecisionBody,
        response: { 200: amendmentView, ...problemResponses, 422: problem },
      },
    },
    async (request) =>
      decideAmendment(ctxOf(request), request.params.id, request.params.amendmentId, request.body),
  );

  typed.post(
    '/api/projects/:id/amendments/:amendmentId/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw an open amendment (whoever may propose one)',
        params: amendmentIdParams,
        response: { 200: amendmentView, ...problemResponses },
      },
    },
    async (request) => withdrawAmendment(ctxOf(request), request.params.id, request.params.amendmentId),
  );
}
