import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { download, sendFile } from '../../files/download.js';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problem, problemResponses } from '../../http/openapi.js';
import {
  type AnalyticsFile,
  analyticsExportQuery,
  analyticsXlsx,
  annualReportPdf,
  annualReportQuery,
} from './analytics.export.js';
import { analyticsQuery, analyticsView } from './analytics.schema.js';
import { analytics } from './analytics.service.js';

const send = (reply: FastifyReply, f: AnalyticsFile) =>
  sendFile(reply, { mediaType: f.contentType, fileName: f.filename, body: f.body });

const READERS =
  'supervisors, platform admins, program and tech-transfer officers of the platform; a lab director only its unit';

export async function analyticsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);

  app.get(
    '/api/analytics',
    {
      schema: {
        tags: ['analytics'],
        summary: `Indicators (inputs, activity, outputs, outcomes; docs/analytics.md) of the platforms the caller may analyse, year by year, cut by platform, model, region, government participation, unit and calendar or fiscal year (${READERS})`,
        querystring: analyticsQuery,
        response: { 200: analyticsView, ...problemResponses },
      },
    },
    async (request) => analytics(ctxOf(request), request.query),
  );

  app.get(
    '/api/analytics.xlsx',
    {
      schema: {
        tags: ['analytics'],
        summary: `The charts of a dashboard as an XLSX workbook: one sheet per chart with its definition, numbers as numbers (${READERS})`,
        querystring: analyticsExportQuery,
        response: {
          200: download('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'The workbook'),
          ...problemResponses,
          422: problem,
        },
      },
    },
    async (request, reply) => send(reply, await analyticsXlsx(ctxOf(request), request.query)),
  );

  app.get(
    '/api/analytics/annual-report.pdf',
    {
      schema: {
        tags: ['analytics'],
        summary: `The annual report (年度报告) of a platform as a PDF: highlights, inputs, outputs, transfer, services and programmes over five years, in Chinese or English (${READERS})`,
        querystring: annualReportQuery,
        response: { 200: download('application/pdf', 'The report'), ...problemResponses, 422: problem },
      },
    },
    async (request, reply) => send(reply, await annualReportPdf(ctxOf(request), request.query)),
  );
}
