import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { download, sendFile } from '../../files/download.js';
import { PDF_TYPE } from '../../files/pdf.js';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problem, problemResponses } from '../../http/openapi.js';
import { applicationBatchRoutes } from './applications.batch.js';
import { createApplication, saveDraft } from './applications.drafts.js';
import { exportApplications, listApplications } from './applications.lists.js';
import { applicationFormPdf, printQuery } from './applications.print.js';
import { getReceipt, receiptText } from './applications.receipts.js';
import {
  applicationIdParams,
  applicationView,
  callIdParams,
  createApplicationBody,
  eligibilityView,
  exportApplicationsQuery,
  frozenVersionView,
  listApplicationsQuery,
  listApplicationsView,
  receiptQuery,
  receiptView,
  saveDraftBody,
  screeningBody,
  versionQuery,
  withdrawBody,
} from './applications.schema.js';
import { screenApplication } from './applications.screening.js';
import { submitApplication } from './applications.submission.js';
import { getApplication, getEligibility, getFrozenVersion } from './applications.views.js';
import { withdrawApplication } from './applications.withdrawal.js';

export const writeProblems = { ...problemResponses, 413: problem, 415: problem, 422: problem };
const viewQuery = z.strictObject({ versionNo: z.coerce.number().int().min(1).optional() });

/** Consortium applications (issue 4): drafts, submission, receipts, lists, screening, withdrawal. */
export async function applicationsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['applications'];
  applicationBatchRoutes(root);

  app.post(
    '/api/calls/:callId/applications',
    {
      schema: {
        tags,
        summary: "Start an application to an open call, led by the caller's own organisation (applicants)",
        params: callIdParams,
        body: createApplicationBody,
        response: { 201: applicationView, ...writeProblems },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const id = await createApplication(ctx, request.params.callId, request.body);
      return reply.code(201).send(await getApplication(ctx, id));
    },
  );

  app.get(
    '/api/applications',
    {
      schema: {
        tags,
        summary:
          "Applications the caller may see (own, confirmed member's, or all of the platforms they are officer of), with counts by state",
        querystring: listApplicationsQuery,
        response: { 200: listApplicationsView, ...problemResponses },
      },
    },
    async (request) => listApplications(ctxOf(request), request.query),
  );

  app.get(
    '/api/applications/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The filtered list as XLSX (same visibility as the list)',
        querystring: exportApplicationsQuery,
        response: {
          200: download('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'The export'),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => sendFile(reply, await exportApplications(ctxOf(request), request.query)),
  );

  app.get(
    '/api/applications/:id',
    {
      schema: {
        tags,
        summary: 'One application (the current version, or an earlier one with ?versionNo=)',
        params: applicationIdParams,
        querystring: viewQuery,
        response: { 200: applicationView, ...problemResponses },
      },
    },
    async (request) => getApplication(ctxOf(request), request.params.id, request.query.versionNo),
  );

  app.put(
    '/api/applications/:id',
    {
      schema: {
        tags,
        summary: 'Save the draft: each section given replaces that section (owner; a frozen version is 409)',
        params: applicationIdParams,
        body: saveDraftBody,
        response: { 200: applicationView, ...writeProblems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      await saveDraft(ctx, request.params.id, request.body);
      return getApplication(ctx, request.params.id);
    },
  );

  app.get(
    '/api/applications/:id/eligibility',
    {
      schema: {
        tags,
        summary: "Every eligibility rule's outcome and what is still missing, before submitting",
        params: applicationIdParams,
        response: { 200: eligibilityView, ...problemResponses },
      },
    },
    async (request) => getEligibility(ctxOf(request), request.params.id),
  );

  app.post(
    '/api/applications/:id/submit',
    {
      schema: {
        tags,
        summary:
          'Submit (or resubmit) the current version before the deadline by the server clock; freezes it and returns the receipt',
        params: applicationIdParams,
        response: { 200: receiptView, ...writeProblems },
      },
    },
    async (request) => submitApplication(ctxOf(request), request.params.id),
  );

  app.get(
    '/api/applications/:id/receipt',
    {
      schema: {
        tags,
        summary: 'The receipt of the latest (or a given) submitted version',
        params: applicationIdParams,
        querystring: receiptQuery,
        response: { 200: receiptView, ...problemResponses },
      },
    },
    async (request) => getReceipt(ctxOf(request), request.params.id, request.query.versionNo),
  );

  app.get(
    '/api/applications/:id/receipt.txt',
    {
      schema: {
        tags,
        summary: 'The receipt as a downloadable UTF-8 text file',
        params: applicationIdParams,
        querystring: receiptQuery,
        response: { 200: download('text/plain; charset=utf-8', 'The receipt'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const r = await getReceipt(ctxOf(request), request.params.id, request.query.versionNo);
      const fileName = `receipt-${r.receiptNo}.txt`;
      return sendFile(reply, { mediaType: 'text/plain; charset=utf-8', fileName, body: receiptText(r) });
    },
  );

  app.get(
    '/api/applications/:id/application-form.pdf',
    {
      schema: {
        tags,
        summary: 'The 申报书 of a submitted version as a printable PDF (whoever may read the application)',
        description:
          'The frozen version (`versionNo`, else the latest submitted one) on A4 in `lang` (zh-CN default) with the packaged CJK font: call, project, consortium, budget, objectives and indicators, milestones, attachments list, receipt number and checksum; times in `tz`. Nothing of the review is printed.',
        params: applicationIdParams,
        querystring: printQuery,
        response: { 200: download(PDF_TYPE, 'The application form'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const file = await applicationFormPdf(ctxOf(request), request.params.id, request.query);
      return sendFile(reply.header('cache-control', 'no-store'), { mediaType: PDF_TYPE, ...file });
    },
  );

  app.get(
    '/api/applications/:id/snapshot',
    {
      schema: {
        tags,
        summary: 'A submitted version exactly as frozen (?versionNo=), with its checksum',
        params: applicationIdParams,
        querystring: versionQuery,
        response: { 200: frozenVersionView, ...problemResponses },
      },
    },
    async (request) => getFrozenVersion(ctxOf(request), request.params.id, request.query.versionNo),
  );

  app.post(
    '/api/applications/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw the application with a reason (owner, until a decision)',
        params: applicationIdParams,
        body: withdrawBody,
        response: { 200: applicationView, ...writeProblems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      await withdrawApplication(ctx, request.params.id, request.body.reason);
      return getApplication(ctx, request.params.id);
    },
  );

  app.post(
    '/api/applications/:id/screening',
    {
      schema: {
        tags,
        summary:
          "Screening (形式审查): record checklist answers, and pass, return for correction or reject (the platform's program officers)",
        params: applicationIdParams,
        body: screeningBody,
        response: { 200: applicationView, ...writeProblems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      await screenApplication(ctx, request.params.id, request.body);
      return getApplication(ctx, request.params.id);
    },
  );
}
