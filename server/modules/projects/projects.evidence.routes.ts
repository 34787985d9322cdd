import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { download, sendFile } from '../../files/download.js';
import { attachmentUpload, readAttachmentUpload } from '../../files/upload.js';
import { ctxOf } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import {
  checkEvidenceUpload,
  downloadEvidence,
  EVIDENCE_MAX_BYTES,
  listEvidence,
  uploadEvidence,
} from './projects.evidence.js';
import {
  evidenceList,
  evidenceParams,
  evidenceUploadQuery,
  evidenceView,
} from './projects.evidence.schema.js';
import { deleteReportFile } from './projects.report-files.js';
import { projectIdParams } from './projects.schema.js';

/**
 * Routes of the evidence files of a project (milestones, spending entries), added to the projects plugin
 * by projectsRoutes (after its sign-in hook), so the module still registers one plugin.
 */
export function projectEvidenceRoutes(app: FastifyInstance) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];

  typed.get(
    '/api/projects/:id/evidence',
    {
      schema: {
        tags,
        summary:
          'Evidence files of the milestones and spending entries of a project (anyone who may read it)',
        params: projectIdParams,
        response: { 200: evidenceList, ...problemResponses },
      },
    },
    async (request) => listEvidence(ctxOf(request), request.params.id),
  );

  typed.post(
    '/api/projects/:id/evidence',
    {
      config: attachmentUpload,
      schema: {
        tags,
        summary:
          "Attach an evidence file (multipart/form-data, one file) to a milestone (the lead's side, until accepted) or a spending entry (whoever books spending); the type is checked by content",
        params: projectIdParams,
        querystring: evidenceUploadQuery,
        response: { 201: evidenceView, ...problemResponses },
      },
    },
    async (request, reply) => {
      await checkEvidenceUpload(ctxOf(request), request.params.id, request.query);
      const file = await readAttachmentUpload(request, EVIDENCE_MAX_BYTES);
      return reply
        .code(201)
        .send(await uploadEvidence(ctxOf(request), request.params.id, request.query, file));
    },
  );

  typed.delete(
    '/api/projects/:id/evidence/:evidenceId',
    {
      schema: {
        tags,
        summary:
          "Remove a file from a report still being written (the lead organisation's side); a submitted report's files are frozen (409)",
        params: evidenceParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteReportFile(ctxOf(request), request.params.id, request.params.evidenceId);
      return reply.code(204).send(null);
    },
  );

  typed.get(
    '/api/projects/:id/evidence/:evidenceId',
    {
      schema: {
        tags,
        summary: 'Download an evidence file (anyone who may read the project)',
        params: evidenceParams,
        response: { 200: download('application/octet-stream', 'The file as uploaded'), ...problemResponses },
      },
    },
    async (request, reply) =>
      sendFile(reply, await downloadEvidence(ctxOf(request), request.params.id, request.params.evidenceId)),
  );
}
