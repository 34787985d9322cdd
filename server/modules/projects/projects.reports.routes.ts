import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { listProjectReports, listReportsDue, submitProjectReport } from './projects.reports.js';
import {
  projectReports,
  reportSubmissionBody,
  reportsDueList,
  reportsDueQuery,
} from './projects.reports.schema.js';
import { platformProjectsParams, projectIdParams } from './projects.schema.js';

/**
 * Routes of the reports due, added to the projects plugin by projectsRoutes (after its sign-in hook), so
 * the module still registers one plugin.
 */
export function projectReportsRoutes(app: FastifyInstance) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];

  typed.get(
    '/api/platforms/:platformId/reports-due',
    {
      schema: {
        tags,
        summary:
          'Reports due across the projects the caller reads: due, overdue and submitted, with filters by project state and status',
        params: platformProjectsParams,
        querystring: reportsDueQuery,
        response: { 200: reportsDueList, ...problemResponses },
      },
    },
    async (request) => listReportsDue(ctxOf(request), request.params.platformId, request.query),
  );

  typed.get(
    '/api/projects/:id/reports',
    {
      schema: {
        tags,
        summary:
          'The reports a project owes by its 任务书 schedule and where each stands (anyone who may read the project)',
        params: projectIdParams,
        response: { 200: projectReports, ...problemResponses },
      },
    },
    async (request) => listProjectReports(ctxOf(request), request.params.id),
  );

  typed.post(
    '/api/projects/:id/reports',
    {
      schema: {
        tags,
        summary: "Submit a report of the schedule (the lead organisation's side), once",
        params: projectIdParams,
        body: reportSubmissionBody,
        response: { 201: projectReports, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await submitProjectReport(ctxOf(request), request.params.id, request.body)),
  );
}
