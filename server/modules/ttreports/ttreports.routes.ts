import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { reportParams, reportQuery, reportView } from './ttreports.schema.js';
import { techTransferReport } from './ttreports.service.js';

export async function ttreportsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);

  app.get(
    '/api/platforms/:platformId/reports/tech-transfer',
    {
      schema: {
        tags: ['reports'],
        summary:
          "Tech-transfer report for a run of fiscal (the platform's start month) or calendar years: invention disclosures, patent applications, patents issued, active licences, licence income, and the federal, AUTM and Chinese annual-report sets with a per-year breakdown (tech-transfer officers, admins, supervisors and lab directors of the platform)",
        params: reportParams,
        querystring: reportQuery,
        response: { 200: reportView, ...problemResponses },
      },
    },
    async (request) =>
      techTransferReport(ctxOf(request), { ...request.query, platformId: request.params.platformId }),
  );
}
