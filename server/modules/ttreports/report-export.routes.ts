import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { download, sendFile } from '../../files/download.js';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problem, problemResponses } from '../../http/openapi.js';
import {
  CONTENT_TYPES,
  EXPORT_FORMATS,
  exportQuery,
  exportReport,
  type ReportFile,
} from './report.export.js';
import { reportParams } from './ttreports.schema.js';

const WHAT: Record<(typeof EXPORT_FORMATS)[number], string> = {
  xlsx: 'an XLSX workbook: one sheet each for the federal (NIST), AUTM and Chinese sets and one by year; counts, amounts (major units with a currency format) and shares are numbers',
  pdf: 'a PDF (A4 landscape) with the same tables; in Chinese with the server’s CJK font, or in English with a note saying so when the server has none',
};

const send = (reply: FastifyReply, f: ReportFile) =>
  sendFile(reply.header('cache-control', 'no-store'), {
    mediaType: f.contentType,
    fileName: f.filename,
    body: f.body,
  });

/** Downloads of the tech-transfer report: the JSON report's figures, query and access, as files. */
export async function reportExportRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  for (const format of EXPORT_FORMATS) {
    app.get(
      `/api/platforms/:platformId/reports/tech-transfer.${format}`,
      {
        schema: {
          tags: ['reports'],
          summary: `Tech-transfer report as ${format.toUpperCase()} (system admins, the platform's admins, tech-transfer officers, supervisors and lab directors)`,
          description: `The report of GET /api/platforms/{platformId}/reports/tech-transfer with the same query, as ${WHAT[format]}. \`lang\` chooses the labels (zh-CN default, en-US).`,
          params: reportParams,
          querystring: exportQuery,
          response: {
            200: download(CONTENT_TYPES[format], 'The report file'),
            ...problemResponses,
            422: problem,
          },
        },
      },
      async (request, reply) => {
        const file = await exportReport(ctxOf(request), request.params.platformId, request.query, format);
        return send(reply, file);
      },
    );
  }
}
