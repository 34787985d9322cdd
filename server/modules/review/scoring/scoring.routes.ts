import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportOptions } from '../../../../common/export-options.js';
import { download, sendFile } from '../../../files/download.js';
import { PDF_TYPE } from '../../../files/pdf.js';
import { ctxOf, requireSignIn } from '../../../http/auth.js';
import { problem, problemResponses } from '../../../http/openapi.js';
import { panelWorkbook } from './panel.export.js';
import { panelPdf } from './panel.print.js';
import { getPanel, recordPanelReview, setThresholds } from './panel.service.js';
import { reviewerAttachment } from './scorecards.files.js';
import { declareNoConflict, getScorecard, saveScorecard } from './scorecards.service.js';
import {
  applicationIdParams,
  assignmentIdParams,
  attachmentParams,
  callIdParams,
  consensusView,
  declarationBody,
  panelReviewBody,
  panelView,
  reviewThresholds,
  scorecardBody,
  scorecardView,
} from './scoring.schema.js';

const writeProblems = { ...problemResponses, 422: problem };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Scorecards of the dual evaluation and the panel (issue 5; docs/review-scoring.md). */
export async function scoringRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['review'];

  app.get(
    '/api/review-assignments/:assignmentId/scorecard',
    {
      schema: {
        tags,
        summary:
          "The expert's scorecard of an accepted seat: the application as submitted, the call's criteria, own scores",
        params: assignmentIdParams,
        response: { 200: scorecardView, ...problemResponses },
      },
    },
    async (request) => getScorecard(ctxOf(request), request.params.assignmentId),
  );

  app.get(
    '/api/review-assignments/:assignmentId/files/:attachmentId',
    {
      schema: {
        tags,
        summary:
          "Download an attachment of the seat's application as submitted (the expert of an accepted seat)",
        params: attachmentParams,
        response: { 200: download('application/octet-stream', 'The file as uploaded'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { assignmentId, attachmentId } = request.params;
      const f = await reviewerAttachment(ctxOf(request), assignmentId, attachmentId);
      return sendFile(reply, f);
    },
  );

  app.post(
    '/api/review-assignments/:assignmentId/declaration',
    {
      schema: {
        tags,
        summary: 'Declare no conflict of interest with the application (required before scoring)',
        params: assignmentIdParams,
        body: declarationBody,
        response: { 200: scorecardView, ...writeProblems },
      },
    },
    async (request) => declareNoConflict(ctxOf(request), request.params.assignmentId),
  );

  app.put(
    '/api/review-assignments/:assignmentId/scorecard',
    {
      schema: {
        tags,
        summary: 'Save the draft scorecard: the scores given replace the stored ones (each on the scale)',
        params: assignmentIdParams,
        body: scorecardBody,
        response: { 200: scorecardView, ...writeProblems },
      },
    },
    async (request) => saveScorecard(ctxOf(request), request.params.assignmentId, request.body, false),
  );

  app.post(
    '/api/review-assignments/:assignmentId/submit',
    {
      schema: {
        tags,
        summary:
          'Submit the scorecard before the scoring deadline: every criterion on the scale with a comment; computes the weighted total and freezes it',
        params: assignmentIdParams,
        body: scorecardBody,
        response: { 200: scorecardView, ...writeProblems },
      },
    },
    async (request) => saveScorecard(ctxOf(request), request.params.assignmentId, request.body, true),
  );

  app.get(
    '/api/calls/:callId/panel',
    {
      schema: {
        tags,
        summary:
          "The panel (officers): each in-review application's reviews raw and calibrated, flags, means, sub-scores, thresholds and rank",
        params: callIdParams,
        response: { 200: panelView, ...problemResponses },
      },
    },
    async (request) => getPanel(ctxOf(request), request.params.callId),
  );

  app.get(
    '/api/calls/:callId/panel.xlsx',
    {
      schema: {
        tags,
        summary:
          'The panel summary as XLSX: ranking, raw and calibrated means, thresholds, consensus and report',
        params: callIdParams,
        response: { 200: download(XLSX, 'The panel summary'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const f = await panelWorkbook(ctxOf(request), request.params.callId);
      return sendFile(reply, { mediaType: XLSX, fileName: f.filename, body: f.body });
    },
  );

  app.get(
    '/api/calls/:callId/panel.pdf',
    {
      schema: {
        tags,
        summary: 'The panel summary as a printable PDF: ranking and each seat’s scores by label (officers)',
        params: callIdParams,
        querystring: z.strictObject(exportOptions),
        response: { 200: download(PDF_TYPE, 'The panel summary'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const file = await panelPdf(ctxOf(request), request.params.callId, request.query);
      return sendFile(reply.header('cache-control', 'no-store'), { mediaType: PDF_TYPE, ...file });
    },
  );

  app.put(
    '/api/calls/:callId/panel-thresholds',
    {
      schema: {
        tags,
        summary:
          "Set the panel's minimums per criterion, for the total and the academic and economic sub-scores",
        params: callIdParams,
        body: reviewThresholds,
        response: { 200: panelView, ...writeProblems },
      },
    },
    async (request) => setThresholds(ctxOf(request), request.params.callId, request.body),
  );

  app.put(
    '/api/applications/:applicationId/panel-review',
    {
      schema: {
        tags,
        summary: "Record the panel's consensus score and report for an in-review application",
        params: applicationIdParams,
        body: panelReviewBody,
        response: { 200: consensusView, ...writeProblems },
      },
    },
    async (request) => recordPanelReview(ctxOf(request), request.params.applicationId, request.body),
  );
}
