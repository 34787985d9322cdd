import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { comparePlatforms, getPlatformDetail, orgChart } from './platforms.charts.js';
import {
  comparison,
  comparisonQuery,
  orgChart as orgChartSchema,
  platformDetail,
} from './platforms.charts.schema.js';
import {
  createPlatformBody,
  fieldList,
  fundingTable,
  platformIdParams,
  platformList,
  platformProfile,
  setFundingBody,
  setPlatformFieldsBody,
  updatePlatformBody,
} from './platforms.schema.js';
import {
  createPlatform,
  listPlatforms,
  setFunding,
  setPlatformFields,
  updatePlatform,
} from './platforms.service.js';

export async function platformsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['platforms'];

  app.get(
    '/api/platforms',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'All platforms (public)',
        response: { 200: platformList, ...problemResponses },
      },
    },
    async (request) => ({ items: await listPlatforms(ctxOf(request)) }),
  );

  app.post(
    '/api/platforms',
    {
      schema: {
        tags,
        summary: 'Create a platform (system admins; give it admins with PUT /api/users/:id/roles)',
        body: createPlatformBody,
        response: { 201: platformProfile, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createPlatform(ctxOf(request), request.body)),
  );

  app.get(
    '/api/platforms/comparison',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Every platform side by side: model, ratings, funding mix, units, fields (public)',
        querystring: comparisonQuery,
        response: { 200: comparison, ...problemResponses },
      },
    },
    async (request) => comparePlatforms(ctxOf(request), request.query),
  );

  app.get(
    '/api/platforms/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'A platform: profile, ratings, funding, fields, units, committee composition (public)',
        params: platformIdParams,
        response: { 200: platformDetail, ...problemResponses },
      },
    },
    async (request) => getPlatformDetail(ctxOf(request), request.params.id),
  );

  app.get(
    '/api/platforms/:id/org-chart',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The organisation chart as ECharts tree and graph data, derived from the records (public)',
        params: platformIdParams,
        response: { 200: orgChartSchema, ...problemResponses },
      },
    },
    async (request) => orgChart(ctxOf(request), request.params.id),
  );

  app.patch(
    '/api/platforms/:id',
    {
      schema: {
        tags,
        summary: 'Edit the profile (platform admins of this platform)',
        params: platformIdParams,
        body: updatePlatformBody,
        response: { 200: platformProfile, ...problemResponses },
      },
    },
    async (request) => updatePlatform(ctxOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/platforms/:id/funding',
    {
      schema: {
        tags,
        summary: 'Replace the yearly funding table by source (platform admins of this platform)',
        params: platformIdParams,
        body: setFundingBody,
        response: { 200: fundingTable, ...problemResponses },
      },
    },
    async (request) => setFunding(ctxOf(request), request.params.id, request.body.rows),
  );

  app.put(
    '/api/platforms/:id/fields',
    {
      schema: {
        tags,
        summary: 'Replace the technology fields the platform covers (platform admins of this platform)',
        params: platformIdParams,
        body: setPlatformFieldsBody,
        response: { 200: fieldList, ...problemResponses },
      },
    },
    async (request) => setPlatformFields(ctxOf(request), request.params.id, request.body),
  );
}
