import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { batchResult } from '../../../common/batch.js';
import { ctxOf } from '../../http/auth.js';
import { eachItem } from '../../http/batch.js';
import type { Ctx } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { type BatchScreeningInput, batchScreeningBody } from './applications.schema.js';
import { screenApplication } from './applications.screening.js';

/**
 * Passes or returns several applications at screening (形式审查), each as the single route would: its
 * own transaction, audit entries and transition, refused per item by the same rules (not visible: 404,
 * not awaiting screening: 409). No checklist answers are recorded for a batch: the officer did not
 * answer item by item, and the record says so rather than claim every check was made.
 */
export async function screenApplications(ctx: Ctx, input: BatchScreeningInput) {
  return eachItem(input.applicationIds, (id) =>
    screenApplication(ctx, id, { answers: [], outcome: input.outcome, reasons: input.reasons }),
  );
}

/** The batch route, added to the applications plugin by applicationsRoutes (after its sign-in hook). */
export function applicationBatchRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/applications/screening',
    {
      schema: {
        tags: ['applications'],
        summary:
          'Screening of several applications at once: pass or return each (a reason for returns), one result per application',
        body: batchScreeningBody,
        response: { 200: batchResult, ...problemResponses },
      },
    },
    async (request) => screenApplications(ctxOf(request), request.body),
  );
}
