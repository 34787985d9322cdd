import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { auditExportRoutes } from './audit.export.js';
import { auditPage, auditQuery, verifyResult } from './audit.schema.js';
import { listAudit, verifyAudit } from './audit.service.js';
import { securityEventList, securityEventsQuery } from './security-events.schema.js';
import { listSecurityEvents } from './security-events.service.js';

export async function auditRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['audit'];
  auditExportRoutes(root);

  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'Audit trail, newest first',
        querystring: auditQuery,
        response: { 200: auditPage, ...problemResponses },
      },
    },
    async (request) => listAudit(ctxOf(request), request.query),
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags,
        summary: 'Recompute the audit hash chain',
        response: { 200: verifyResult, ...problemResponses },
      },
    },
    async (request) => verifyAudit(ctxOf(request)),
  );

  app.get(
    '/api/security-events',
    {
      schema: {
        tags,
        summary: 'Refused requests of signed-in users (403, and 404 on an object), newest first',
        querystring: securityEventsQuery,
        response: { 200: securityEventList, ...problemResponses },
      },
    },
    async (request) => listSecurityEvents(ctxOf(request), request.query),
  );
}
