import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { batchResult } from '../../../common/batch.js';
import { ctxOf } from '../../http/auth.js';
import { eachItem } from '../../http/batch.js';
import type { Ctx } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { can } from './users.policy.js';
import { type BatchDisableInput, batchDisableBody } from './users.schema.js';
import { updateUser } from './users.service.js';

/**
 * Disables (or enables again) several accounts, each as PATCH /api/users/:id would: its own
 * transaction and audit entry, its sessions and tokens ended by the same code. Who may not edit
 * accounts at all is refused for the whole batch, as for one account.
 */
export async function disableUsers(ctx: Ctx, input: BatchDisableInput) {
  if (!can(ctx.actor, 'users.update')) throw forbidden();
  return eachItem(input.userIds, async (id) => {
    await updateUser(ctx, id, { disabled: input.disabled });
  });
}

/** The batch route, added to the users plugin by usersRoutes (after its sign-in hook). */
export function userBatchRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/users/disabled',
    {
      schema: {
        tags: ['users'],
        summary: 'Disable or enable several accounts at once, one result per account (system admin)',
        body: batchDisableBody,
        response: { 200: batchResult, ...problemResponses },
      },
    },
    async (request) => disableUsers(ctxOf(request), request.body),
  );
}
