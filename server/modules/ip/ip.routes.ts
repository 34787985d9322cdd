import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { createDisclosure, getDisclosure, listDisclosures, updateDisclosure } from './ip.disclosures.js';
import { docket } from './ip.docket.js';
import { ipExportRoutes } from './ip.export.js';
import { createFiling, createOtherAsset, listFilings, listOtherAssets, updateFiling } from './ip.filings.js';
import {
  createDisclosureBody,
  createFilingBody,
  createOtherAssetBody,
  disclosureList,
  disclosureView,
  docketQuery,
  docketView,
  filingList,
  filingListQuery,
  filingView,
  idParams,
  listQuery,
  otherAssetList,
  otherAssetView,
  platformParams,
  updateDisclosureBody,
  updateFilingBody,
} from './ip.schema.js';

const MANAGERS = "(the platform's tech-transfer officers and admins)";

export async function ipRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['ip'];
  ipExportRoutes(root);

  app.get(
    '/api/platforms/:platformId/ip/disclosures',
    {
      schema: {
        tags,
        summary: `Invention disclosures of a platform, newest received first ${MANAGERS}`,
        params: platformParams,
        querystring: listQuery,
        response: { 200: disclosureList, ...problemResponses },
      },
    },
    async (request) => listDisclosures(ctxOf(request), request.params.platformId, request.query),
  );

  app.post(
    '/api/platforms/:platformId/ip/disclosures',
    {
      schema: {
        tags,
        summary: `Record an invention disclosure with its inventors, shares adding up to 100 % ${MANAGERS}`,
        params: platformParams,
        body: createDisclosureBody,
        response: { 201: disclosureView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createDisclosure(ctxOf(request), request.params.platformId, request.body)),
  );

  app.get(
    '/api/ip/disclosures/:id',
    {
      schema: {
        tags,
        summary: `A disclosure with its inventors and patent filings ${MANAGERS}`,
        params: idParams,
        response: { 200: disclosureView, ...problemResponses },
      },
    },
    async (request) => getDisclosure(ctxOf(request), request.params.id),
  );

  app.patch(
    '/api/ip/disclosures/:id',
    {
      schema: {
        tags,
        summary: `Edit a disclosure; inventors, when given, replace the list ${MANAGERS}`,
        params: idParams,
        body: updateDisclosureBody,
        response: { 200: disclosureView, ...problemResponses },
      },
    },
    async (request) => updateDisclosure(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/ip/disclosures/:id/filings',
    {
      schema: {
        tags,
        summary: `File a patent application for a disclosure (provisional, utility, PCT, continuation, divisional, national phase) ${MANAGERS}`,
        params: idParams,
        body: createFilingBody,
        response: { 201: filingView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createFiling(ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/platforms/:platformId/ip/filings',
    {
      schema: {
        tags,
        summary: `Patent filings of a platform, newest filed first; from/to by filing date, grantedFrom/grantedTo by grant date ${MANAGERS}`,
        params: platformParams,
        querystring: filingListQuery,
        response: { 200: filingList, ...problemResponses },
      },
    },
    async (request) => listFilings(ctxOf(request), request.params.platformId, request.query),
  );

  app.patch(
    '/api/ip/filings/:id',
    {
      schema: {
        tags,
        summary: `Record numbers, publication, grant or a status change of a filing ${MANAGERS}`,
        params: idParams,
        body: updateFilingBody,
        response: { 200: filingView, ...problemResponses },
      },
    },
    async (request) => updateFiling(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/platforms/:platformId/ip/other-assets',
    {
      schema: {
        tags,
        summary: `Copyright and software registrations and trademarks of a platform ${MANAGERS}`,
        params: platformParams,
        querystring: listQuery,
        response: { 200: otherAssetList, ...problemResponses },
      },
    },
    async (request) => listOtherAssets(ctxOf(request), request.params.platformId, request.query),
  );

  app.post(
    '/api/platforms/:platformId/ip/other-assets',
    {
      schema: {
        tags,
        summary: `Register a copyright, software registration or trademark ${MANAGERS}`,
        params: platformParams,
        body: createOtherAssetBody,
        response: { 201: otherAssetView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createOtherAsset(ctxOf(request), request.params.platformId, request.body)),
  );

  app.get(
    '/api/platforms/:platformId/ip/docket',
    {
      schema: {
        tags,
        summary: `Docket: deadlines computed from the rules (non-provisional at 12 months, PCT national phase at 30 months, US maintenance fees, CN annual fees), earliest first ${MANAGERS}`,
        params: platformParams,
        querystring: docketQuery,
        response: { 200: docketView, ...problemResponses },
      },
    },
    async (request) => docket(ctxOf(request), request.params.platformId, request.query),
  );
}
