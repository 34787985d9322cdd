/**
 * Experts an applicant asks not to be reviewed by (at most MAX_AVOID_REQUESTS per application, as NSFC
 * allows). The request stores what the applicant wrote; whether it names someone in the expert database
 * is visible to officers only (the explain view), never to the applicant.
 */

import { type ApplicationState, EDITABLE_STATES } from '../../../../common/applications.js';
import { MAX_AVOID_REQUESTS, normaliseName } from '../../../../common/conflict-rules.js';
import { write } from '../../../db/write.js';
import type { Ctx } from '../../../http/context.js';
import { isoNow, newId } from '../../../http/context.js';
import { AppError, invalidField, notFound } from '../../../http/errors.js';
import { accessible } from '../../applications/applications.access.js';
import { organisationExists, organisationNames } from '../../orgs/orgs.lookup.js';
import {
  type AvoidRequest,
  avoidNames,
  avoidRequestsOf,
  deleteAvoidRequest,
  findAvoidRequest,
  insertAvoidRequest,
} from './conflicts.repository.js';
import type { CreateAvoidRequestInput } from './conflicts.schema.js';

const editable = (state: string) => EDITABLE_STATES.includes(state as ApplicationState);

/** The application's avoid list, for whoever may read the application. */
export async function listAvoidRequests(ctx: Ctx, applicationId: string) {
  const { app, relations } = await accessible(ctx.db, ctx, applicationId, 'read');
  const rows = await avoidRequestsOf(ctx.db, [applicationId]);
  const orgs = await organisationNames(
    ctx.db,
    rows.map((r) => r.organisationId),
  );
  return {
    items: rows.map((r) => {
      const o = r.organisationId ? orgs.get(r.organisationId) : undefined;
      return {
        id: r.id,
        name: r.name,
        reason: r.reason,
        createdAt: r.createdAt,
        organisation: r.organisationId
          ? { id: r.organisationId, name: o?.nameZh || o?.nameEn || r.organisationId }
          : null,
      };
    }),
    max: MAX_AVOID_REQUESTS,
    editable: relations.has('owner') && editable(app.state),
  };
}

/** Adds a name to the avoid list: the owner, while the application is a draft or returned. */
export async function addAvoidRequest(ctx: Ctx, applicationId: string, input: CreateAvoidRequestInput) {
  const id = await write(ctx, async (trx, audit) => {
    const { app } = await accessible(trx, ctx, applicationId, 'edit', { lock: true });
    if (!editable(app.state)) throw new AppError(409, 'conflicts.avoid_not_editable');
    if (input.organisationId) {
      if (!(await organisationExists(trx, input.organisationId)))
        throw invalidField('/organisationId', 'orgs.not_found');
    }
    const existing = await avoidNames(trx, applicationId);
    if (existing.length >= MAX_AVOID_REQUESTS) throw new AppError(409, 'conflicts.avoid_limit_reached');
    if (existing.some((name) => normaliseName(name) === normaliseName(input.name))) {
      throw new AppError(409, 'conflicts.avoid_duplicate');
    }
    const row: AvoidRequest = {
      id: newId(),
      applicationId,
      name: input.name,
      organisationId: input.organisationId ?? null,
      reason: input.reason,
      createdBy: ctx.actor?.userId || null,
      createdAt: isoNow(ctx.clock),
    };
    await insertAvoidRequest(trx, row);
    await audit({
      action: 'applications.avoid_request_add',
      entityType: 'application',
      entityId: applicationId,
      platformId: app.platformId,
      after: { id: row.id, name: row.name, organisationId: row.organisationId, reason: row.reason },
    });
    return row.id;
  });
  const list = await listAvoidRequests(ctx, applicationId);
  return list.items.find((i) => i.id === id)!;
}

/** Removes a name from the avoid list (the owner, while editable). */
export async function removeAvoidRequest(ctx: Ctx, applicationId: string, requestId: string) {
  await write(ctx, async (trx, audit) => {
    const { app } = await accessible(trx, ctx, applicationId, 'edit', { lock: true });
    if (!editable(app.state)) throw new AppError(409, 'conflicts.avoid_not_editable');
    const row = await findAvoidRequest(trx, applicationId, requestId);
    if (!row) throw notFound('conflicts.avoid_request_not_found');
    await deleteAvoidRequest(trx, requestId);
    await audit({
      action: 'applications.avoid_request_remove',
      entityType: 'application',
      entityId: applicationId,
      platformId: app.platformId,
      before: { id: row.id, name: row.name, organisationId: row.organisationId, reason: row.reason },
    });
  });
}
