import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { download, sendFile } from '../../files/download.js';
import { ctxOf } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { portfolioWorkbook } from './projects.portfolio.export.js';
import { getPortfolio } from './projects.portfolio.js';
import { portfolioFilter, portfolioQuery, portfolioView } from './projects.portfolio.schema.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Routes of the portfolio, added to the projects plugin by projectsRoutes (after its sign-in hook), so
 * the module still registers one plugin.
 */
export function projectPortfolioRoutes(app: FastifyInstance) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];

  typed.get(
    '/api/projects/portfolio',
    {
      schema: {
        tags,
        summary:
          "The portfolio (项目组合) of the platforms whose projects the caller reads in full (admins, program officers, supervisors): each project's state, health flags, indicators met, budget burn and next report, with the distribution by state × flag",
        querystring: portfolioQuery,
        response: { 200: portfolioView, ...problemResponses },
      },
    },
    async (request) => getPortfolio(ctxOf(request), request.query),
  );

  typed.get(
    '/api/projects/portfolio.xlsx',
    {
      schema: {
        tags,
        summary: 'The portfolio as XLSX: every project the filters match, the same columns as the page',
        querystring: portfolioFilter,
        response: { 200: download(XLSX, 'The portfolio'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const f = await portfolioWorkbook(ctxOf(request), request.query);
      return sendFile(reply, { mediaType: XLSX, fileName: f.fileName, body: f.body });
    },
  );
}
