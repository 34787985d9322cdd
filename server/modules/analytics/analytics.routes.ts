import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { analyticsQuery, analyticsView } from './analytics.schema.js';
import { analytics } from './analytics.service.js';

export async function analyticsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);

  app.get(
    '/api/analytics',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'Indicators (inputs, activity, outputs, outcomes; docs/analytics.md) of the platforms the caller may analyse, year by year, cut by platform, model, region, government participation, unit and calendar or fiscal year (supervisors, platform admins, program and tech-transfer officers of the platform; a lab director only its unit)',
        querystring: analyticsQuery,
        response: { 200: analyticsView, ...problemResponses },
      },
    },
    async (request) => analytics(ctxOf(request), request.query),
  );
}
