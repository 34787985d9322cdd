import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problem, problemResponses } from '../../http/openapi.js';
import {
  createInquiryBody,
  funnelQuery,
  funnelView,
  inquiryIdParams,
  inquiryList,
  inquiryReceipt,
  inquiryView,
  listInquiriesQuery,
  resultInquiryParams,
  transitionBody,
} from './inquiries.schema.js';
import { createInquiry, getInquiry, transitionInquiry } from './inquiries.service.js';
import { inquiryFunnel, listInquiries } from './inquiries.views.js';

export async function inquiriesRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['inquiries'];

  app.post(
    '/api/public/results/:id/inquiries',
    {
      // Public writes share the sign-in limit per client address (LOGIN_RATE_LIMIT_PER_MINUTE).
      config: {
        public: true,
        rateLimit: { max: root.deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['public-portal'],
        summary: 'Send a licensing or collaboration inquiry about a public result (no sign-in; rate-limited)',
        params: resultInquiryParams,
        body: createInquiryBody,
        response: { 201: inquiryReceipt, 429: problem, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createInquiry(ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/inquiries',
    {
      schema: {
        tags,
        summary:
          'Inquiries of the platforms the caller answers for, newest first (tech-transfer officers, admins)',
        querystring: listInquiriesQuery,
        response: { 200: inquiryList, ...problemResponses },
      },
    },
    async (request) => listInquiries(ctxOf(request), request.query),
  );

  app.get(
    '/api/inquiries/funnel',
    {
      schema: {
        tags,
        summary:
          "A platform's inquiry funnel for inquiries received in a period (tech-transfer officers, admins)",
        querystring: funnelQuery,
        response: { 200: funnelView, ...problemResponses },
      },
    },
    async (request) => inquiryFunnel(ctxOf(request), request.query),
  );

  app.get(
    '/api/inquiries/:id',
    {
      schema: {
        tags,
        summary: 'An inquiry with its transitions (tech-transfer officers, admins)',
        params: inquiryIdParams,
        response: { 200: inquiryView, ...problemResponses },
      },
    },
    async (request) => getInquiry(ctxOf(request), request.params.id),
  );

  app.post(
    '/api/inquiries/:id/transitions',
    {
      schema: {
        tags,
        summary:
          'Move an inquiry along the funnel: received → in_discussion → nda_signed → licensed, or closed with a reason',
        params: inquiryIdParams,
        body: transitionBody,
        response: { 200: inquiryView, ...problemResponses },
      },
    },
    async (request) => transitionInquiry(ctxOf(request), request.params.id, request.body),
  );
}
