import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { unitDashboard } from './service-dashboards.provider.js';
import { dashboardQuery, dashboardView } from './service-dashboards.schema.js';
import { enterpriseDashboard } from './service-dashboards.service.js';
import { supervisorDashboard } from './service-dashboards.supervisor.js';

const ROUTES = [
  ['enterprise', enterpriseDashboard, "My enterprise's service requests, spend, vouchers, ratings and needs"],
  [
    'unit',
    unitDashboard,
    "The queue, delivery, instruments' use, revenue and ratings of the units I act for",
  ],
  [
    'supervisor',
    supervisorDashboard,
    "A platform's vouchers by scheme, enterprises served, requests and survey outcomes",
  ],
] as const;

export async function serviceDashboardsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  for (const [kind, read, summary] of ROUTES)
    app.get(
      `/api/service-dashboards/${kind}`,
      {
        schema: {
          tags: ['services'],
          summary,
          querystring: dashboardQuery,
          response: { 200: dashboardView, ...problemResponses },
        },
      },
      async (request) => read(ctxOf(request), request.query.platformId),
    );
}
