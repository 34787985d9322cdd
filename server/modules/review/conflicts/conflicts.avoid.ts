/**
 * Experts an applicant asks not to be reviewed by (at most MAX_AVOID_REQUESTS per application, as NSFC
 * allows). The request stores what the applicant wrote; whether it names someone in the expert database
 * is visible to officers only (the explain view), never to the applicant.
 */

import { type ApplicationState, EDITABLE_STATES } from '../../../../common/applications.js';
import { MAX_AVOID_REQUESTS, normaliseName } from '../../../../common/conflict-rules.js';
import { appendAudit } from '../../../db/audit-chain.js';
import type { Ctx } from '../../../http/context.js';
import { isoNow, newId } from '../../../http/context.js';
import { AppError, invalidField, notFound } from '../../../http/errors.js';
import { accessible } from '../../applications/applications.access.js';
import type { CreateAvoidRequestInput } from './conflicts.schema.js';

const editable = (state: string) => EDITABLE_STATES.includes(state as ApplicationState);

/** The application's avoid list, for whoever may read the application. */
export async function listAvoidRequests(ctx: Ctx, applicationId: string) {
  const { app, relations } = await accessible(ctx.db, ctx, applicationId, 'read');
  const rows = await ctx.db
    .selectFrom('application_avoid_requests as r')
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select(['r.id', 'r.name', 'r.reason', 'r.created_at', 'r.organisation_id', 'o.name_zh', 'o.name_en'])
    .where('r.application_id', '=', applicationId)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      reason: r.reason,
      createdAt: r.created_at,
      organisation: r.organisation_id
        ? { id: r.organisation_id, name: r.name_zh || r.name_en || r.organisation_id }
        : null,
    })),
    max: MAX_AVOID_REQUESTS,
    editable: relations.has('owner') && editable(app.state),
  };
}

/** Adds a name to the avoid list: the owner, while the application is a draft or returned. */
export async function addAvoidRequest(ctx: Ctx, applicationId: string, input: CreateAvoidRequestInput) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { app } = await accessible(trx, ctx, applicationId, 'edit', { lock: true });
    if (!editable(app.state)) throw new AppError(409, 'conflicts.avoid_not_editable');
    if (input.organisationId) {
      const org = await trx
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', input.organisationId)
        .executeTakeFirst();
      if (!org) throw invalidField('/organisationId', 'orgs.not_found');
    }
    const existing = await trx
      .selectFrom('application_avoid_requests')
      .select(['name'])
      .where('application_id', '=', applicationId)
      .execute();
    if (existing.length >= MAX_AVOID_REQUESTS) throw new AppError(409, 'conflicts.avoid_limit_reached');
    if (existing.some((e) => normaliseName(e.name) === normaliseName(input.name))) {
      throw new AppError(409, 'conflicts.avoid_duplicate');
    }
    const row = {
      id: newId(),
      application_id: applicationId,
      name: input.name,
      organisation_id: input.organisationId ?? null,
      reason: input.reason,
      created_by: ctx.actor?.userId || null,
      created_at: isoNow(ctx.clock),
    };
    await trx.insertInto('application_avoid_requests').values(row).execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'applications.avoid_request_add',
      entityType: 'application',
      entityId: applicationId,
      platformId: app.platform_id,
      after: { id: row.id, name: row.name, organisationId: row.organisation_id, reason: row.reason },
    });
    return row.id;
  });
  const list = await listAvoidRequests(ctx, applicationId);
  return list.items.find((i) => i.id === id)!;
}

/** Removes a name from the avoid list (the owner, while editable). */
export async function removeAvoidRequest(ctx: Ctx, applicationId: string, requestId: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const { app } = await accessible(trx, ctx, applicationId, 'edit', { lock: true });
    if (!editable(app.state)) throw new AppError(409, 'conflicts.avoid_not_editable');
    const row = await trx
      .selectFrom('application_avoid_requests')
      .selectAll()
      .where('id', '=', requestId)
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    if (!row) throw notFound('conflicts.avoid_request_not_found');
    await trx.deleteFrom('application_avoid_requests').where('id', '=', requestId).execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'applications.avoid_request_remove',
      entityType: 'application',
      entityId: applicationId,
      platformId: app.platform_id,
      before: { id: row.id, name: row.name, organisationId: row.organisation_id, reason: row.reason },
    });
  });
}
