import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { download, sendFile } from '../../files/download.js';
import { readAttachmentUpload } from '../../files/upload.js';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import {
  answerSurvey,
  checkDelivery,
  deliverReport,
  REPORT_MAX_BYTES,
  reportFile,
  surveyOutcomes,
} from './services.delivery.js';
import { serviceRequestExportRoutes } from './services.export.js';
import { listRequests } from './services.queue.js';
import { createRequest, getRequest, transitionRequest } from './services.requests.js';
import {
  catalogQuery,
  createRequestBody,
  platformParams,
  requestIdParams,
  requestList,
  requestsQuery,
  requestTransitionBody,
  requestView,
  serviceBody,
  serviceIdParams,
  serviceList,
  serviceStateBody,
  serviceView,
  surveyBody,
  surveyRollup,
} from './services.schema.js';
import {
  createService,
  getService,
  listServices,
  setServiceState,
  updateService,
} from './services.service.js';

/** The service catalog and service requests (issue 14; docs/services.md). */
export async function servicesRoutes(root: FastifyInstance) {
  await root.register(multipart, { limits: { fileSize: REPORT_MAX_BYTES, files: 1 } });
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['services'];
  const pub = { public: true };
  serviceRequestExportRoutes(root);

  app.get(
    '/api/public/platforms/:platformId/services',
    {
      config: pub,
      schema: {
        tags: ['public-portal'],
        summary: 'Published services of a platform, searched in Chinese or English (no sign-in)',
        params: platformParams,
        querystring: catalogQuery,
        response: { 200: serviceList, ...problemResponses },
      },
    },
    async (request) => listServices(ctxOf(request), request.params.platformId, request.query, true),
  );
  app.get(
    '/api/public/services/:id',
    {
      config: pub,
      schema: {
        tags: ['public-portal'],
        summary: 'One published service (no sign-in)',
        params: serviceIdParams,
        response: { 200: serviceView, ...problemResponses },
      },
    },
    async (request) => getService(ctxOf(request), request.params.id, true),
  );
  app.get(
    '/api/platforms/:platformId/services',
    {
      schema: {
        tags,
        summary: "A platform's catalog; its people may filter drafts and retired services",
        params: platformParams,
        querystring: catalogQuery,
        response: { 200: serviceList, ...problemResponses },
      },
    },
    async (request) => listServices(ctxOf(request), request.params.platformId, request.query, false),
  );
  app.post(
    '/api/platforms/:platformId/services',
    {
      schema: {
        tags,
        summary: "Add a service to a unit's catalog as a draft (the unit's director, platform admins)",
        params: platformParams,
        body: serviceBody,
        response: { 201: serviceView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createService(ctxOf(request), request.params.platformId, request.body)),
  );
  app.get(
    '/api/services/:id',
    {
      schema: {
        tags,
        summary: 'One service',
        params: serviceIdParams,
        response: { 200: serviceView, ...problemResponses },
      },
    },
    async (request) => getService(ctxOf(request), request.params.id, false),
  );
  app.put(
    '/api/services/:id',
    {
      schema: {
        tags,
        summary: "Edit a service (the unit's director, platform admins)",
        params: serviceIdParams,
        body: serviceBody,
        response: { 200: serviceView, ...problemResponses },
      },
    },
    async (request) => updateService(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/services/:id/state',
    {
      schema: {
        tags,
        summary: 'Publish or retire a service: draft → published → retired',
        params: serviceIdParams,
        body: serviceStateBody,
        response: { 200: serviceView, ...problemResponses },
      },
    },
    async (request) => setServiceState(ctxOf(request), request.params.id, request.body.to),
  );
  app.post(
    '/api/services/:id/requests',
    {
      schema: {
        tags,
        summary: 'Ask for a published service (enterprise users of the platform)',
        params: serviceIdParams,
        body: createRequestBody,
        response: { 201: requestView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createRequest(ctxOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/service-requests',
    {
      schema: {
        tags,
        summary: "Service requests: the enterprise's own, a unit's queue, or the whole platform",
        querystring: requestsQuery,
        response: { 200: requestList, ...problemResponses },
      },
    },
    async (request) => listRequests(ctxOf(request), request.query),
  );
  app.get(
    '/api/service-requests/:id',
    {
      schema: {
        tags,
        summary: 'A service request with its transitions (its enterprise, its unit, the platform)',
        params: requestIdParams,
        response: { 200: requestView, ...problemResponses },
      },
    },
    async (request) => getRequest(ctxOf(request), request.params.id),
  );
  app.post(
    '/api/service-requests/:id/transitions',
    {
      schema: {
        tags,
        summary:
          'Move a request: quote, accept, contract, start, rate, close, cancel, rework, dispute, resolve',
        params: requestIdParams,
        body: requestTransitionBody,
        response: { 200: requestView, ...problemResponses },
      },
    },
    async (request) => transitionRequest(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/service-requests/:id/report',
    {
      schema: {
        tags,
        summary:
          'Deliver: upload the report as multipart/form-data (the unit); the type is checked by content',
        params: requestIdParams,
        response: { 200: requestView, ...problemResponses },
      },
    },
    async (request) => {
      await checkDelivery(ctxOf(request), request.params.id);
      const file = await readAttachmentUpload(request, REPORT_MAX_BYTES);
      return deliverReport(ctxOf(request), request.params.id, file);
    },
  );
  app.get(
    '/api/service-requests/:id/report',
    {
      schema: {
        tags,
        summary: 'Download the delivered report (its enterprise, its unit, the platform)',
        params: requestIdParams,
        response: {
          200: download('application/octet-stream', 'The report as uploaded'),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const f = await reportFile(ctxOf(request), request.params.id);
      return sendFile(reply, f);
    },
  );
  app.post(
    '/api/service-requests/:id/survey',
    {
      schema: {
        tags,
        summary: 'Answer the impact survey a year after delivery (the enterprise)',
        params: requestIdParams,
        body: surveyBody,
        response: { 200: requestView, ...problemResponses },
      },
    },
    async (request) => answerSurvey(ctxOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/platforms/:platformId/service-outcomes',
    {
      schema: {
        tags,
        summary: 'Impact survey answers and ratings per unit (platform admins, supervisor)',
        params: platformParams,
        response: { 200: surveyRollup, ...problemResponses },
      },
    },
    async (request) => surveyOutcomes(ctxOf(request), request.params.platformId),
  );
}
