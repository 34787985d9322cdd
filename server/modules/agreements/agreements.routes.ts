import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { agreementExportRoutes } from './agreements.export.js';
import {
  createReceipt,
  getDistributionRule,
  listFxRates,
  setDistributionRule,
  setFxRates,
} from './agreements.receipts.js';
import {
  agreementList,
  agreementListQuery,
  agreementView,
  createAgreementBody,
  createReceiptBody,
  distributionRuleBody,
  distributionRuleView,
  fxRateList,
  fxRatesBody,
  idParams,
  platformParams,
  updateAgreementBody,
} from './agreements.schema.js';
import { createAgreement, getAgreement, listAgreements, updateAgreement } from './agreements.service.js';

const MANAGERS = "(the platform's tech-transfer officers and admins)";

export async function agreementsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['agreements'];
  agreementExportRoutes(root);

  app.get(
    '/api/platforms/:platformId/agreements',
    {
      schema: {
        tags,
        summary: `Licences, options, CRADAs, transfers, equity deals and 技术开发/咨询/服务 contracts of a platform ${MANAGERS}`,
        params: platformParams,
        querystring: agreementListQuery,
        response: { 200: agreementList, ...problemResponses },
      },
    },
    async (request) => listAgreements(ctxOf(request), request.params.platformId, request.query),
  );

  app.post(
    '/api/platforms/:platformId/agreements',
    {
      schema: {
        tags,
        summary: `Record an agreement with its partner organisation and the IP it covers ${MANAGERS}`,
        params: platformParams,
        body: createAgreementBody,
        response: { 201: agreementView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createAgreement(ctxOf(request), request.params.platformId, request.body)),
  );

  app.get(
    '/api/agreements/:id',
    {
      schema: {
        tags,
        summary: `An agreement with its IP, receipts and their distribution ${MANAGERS}`,
        params: idParams,
        response: { 200: agreementView, ...problemResponses },
      },
    },
    async (request) => getAgreement(ctxOf(request), request.params.id),
  );

  app.patch(
    '/api/agreements/:id',
    {
      schema: {
        tags,
        summary: `Edit terms and dates, or record the termination with its reason ${MANAGERS}`,
        params: idParams,
        body: updateAgreementBody,
        response: { 200: agreementView, ...problemResponses },
      },
    },
    async (request) => updateAgreement(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/agreements/:id/receipts',
    {
      schema: {
        tags,
        summary: `Record a receipt (negative only as a refund); it is distributed under the platform's rule ${MANAGERS}`,
        params: idParams,
        body: createReceiptBody,
        response: { 201: agreementView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createReceipt(ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/platforms/:platformId/distribution-rule',
    {
      schema: {
        tags,
        summary: `The platform's income distribution rule ${MANAGERS}`,
        params: platformParams,
        response: { 200: distributionRuleView, ...problemResponses },
      },
    },
    async (request) => getDistributionRule(ctxOf(request), request.params.platformId),
  );

  app.put(
    '/api/platforms/:platformId/distribution-rule',
    {
      schema: {
        tags,
        summary: `Set the income distribution rule: first amount per year and share of the rest to inventors ${MANAGERS}`,
        params: platformParams,
        body: distributionRuleBody,
        response: { 200: distributionRuleView, ...problemResponses },
      },
    },
    async (request) => setDistributionRule(ctxOf(request), request.params.platformId, request.body),
  );

  app.get(
    '/api/fx-rates',
    {
      schema: {
        tags,
        summary:
          'Yearly exchange rates for single-currency reports (tech-transfer officers and admins of any platform)',
        response: { 200: fxRateList, ...problemResponses },
      },
    },
    async (request) => listFxRates(ctxOf(request)),
  );

  app.put(
    '/api/fx-rates',
    {
      schema: {
        tags,
        summary:
          'Set yearly exchange rates (insert or replace; tech-transfer officers and admins of any platform)',
        body: fxRatesBody,
        response: { 200: fxRateList, ...problemResponses },
      },
    },
    async (request) => setFxRates(ctxOf(request), request.body),
  );
}
