import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { download, sendFile } from '../../files/download.js';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { exportResults, listResults, publicFilters, publicResult, publicSearch } from './results.catalog.js';
import { resultExportRoutes } from './results.export.js';
import {
  createResultBody,
  exportQuery,
  publicFiltersView,
  publicResultView,
  publicSearchQuery,
  publicSearchView,
  resultIdParams,
  resultView,
  staffListQuery,
  staffListView,
  updateResultBody,
} from './results.schema.js';
import { changeResultState, createResult, deleteResult, getResult, updateResult } from './results.service.js';

const CSV = 'text/csv; charset=utf-8';

const send = (reply: FastifyReply, f: { filename: string; contentType: string; body: Buffer }) =>
  sendFile(reply, { mediaType: f.contentType, fileName: f.filename, body: f.body });

export async function resultsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['results'];
  const publicTags = ['public-portal'];

  app.get(
    '/api/public/results',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: 'Search public, published results in Chinese or English (no sign-in)',
        description:
          'The query is segmented into words (Intl.Segmenter for Chinese, light stemming for English) exactly as ' +
          'the records were indexed; every term must occur; ranked by summed term weights × idf.',
        querystring: publicSearchQuery,
        response: { 200: publicSearchView, ...problemResponses },
      },
    },
    async (request) => publicSearch(ctxOf(request), request.query),
  );

  app.get(
    '/api/public/results/filters',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: 'Filter options of the portal with counts of public, published results (no sign-in)',
        response: { 200: publicFiltersView, ...problemResponses },
      },
    },
    async (request) => publicFilters(ctxOf(request)),
  );

  app.get(
    '/api/public/results/:id',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: 'A public, published result with its technology listing and TRL definition (no sign-in)',
        params: resultIdParams,
        response: { 200: publicResultView, ...problemResponses },
      },
    },
    async (request) => publicResult(ctxOf(request), request.params.id),
  );

  app.get(
    '/api/results',
    {
      schema: {
        tags,
        summary:
          'The catalog of the platforms whose staff the caller is, drafts and internal results included',
        querystring: staffListQuery,
        response: { 200: staffListView, ...problemResponses },
      },
    },
    async (request) => listResults(ctxOf(request), request.query),
  );

  app.get(
    '/api/results/export.csv',
    {
      schema: {
        tags,
        summary: 'The catalog the caller reads as CSV, each field as its code (platform staff)',
        querystring: exportQuery,
        response: { 200: download(CSV, 'The export'), ...problemResponses },
      },
    },
    async (request, reply) => send(reply, await exportResults(ctxOf(request), request.query)),
  );
  resultExportRoutes(root);

  app.post(
    '/api/results',
    {
      schema: {
        tags,
        summary: 'Draft a result (tech-transfer officers and platform admins; lab directors and researchers)',
        body: createResultBody,
        response: { 201: resultView, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createResult(ctxOf(request), request.body)),
  );

  app.get(
    '/api/results/:id',
    {
      schema: {
        tags,
        summary: 'A result as staff see it (platform staff)',
        params: resultIdParams,
        response: { 200: resultView, ...problemResponses },
      },
    },
    async (request) => getResult(ctxOf(request), request.params.id),
  );

  app.patch(
    '/api/results/:id',
    {
      schema: {
        tags,
        summary: 'Edit a result (managers; the author while it is a draft)',
        params: resultIdParams,
        body: updateResultBody,
        response: { 200: resultView, ...problemResponses },
      },
    },
    async (request) => updateResult(ctxOf(request), request.params.id, request.body),
  );

  for (const action of ['publish', 'withdraw'] as const) {
    app.post(
      `/api/results/:id/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'publish'
              ? 'Publish a draft or withdrawn result (tech-transfer officers and platform admins)'
              : 'Withdraw a published result (tech-transfer officers and platform admins)',
          params: resultIdParams,
          response: { 200: resultView, ...problemResponses },
        },
      },
      async (request) => changeResultState(ctxOf(request), request.params.id, action),
    );
  }

  app.delete(
    '/api/results/:id',
    {
      schema: {
        tags,
        summary: 'Delete a draft entered by mistake (its author or a manager)',
        params: resultIdParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteResult(ctxOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
