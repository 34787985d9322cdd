import type { Ctx } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { organisationOfAccount } from '../people/people.service.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { unitAuthorities } from '../units/units.service.js';
import { actsForUnit, overseesPlatform } from './services.policy.js';
import { requestPage } from './services.repository.js';
import { requestViews } from './services.requests.js';
import type { RequestsQuery } from './services.schema.js';

/**
 * Requests of a platform as the caller may see them: `mine` the caller's enterprise's, `unit` the
 * queue of the units the caller acts for (due first, overdue flagged), `all` the whole platform for
 * its admins and supervisor.
 */
export async function listRequests(ctx: Ctx, q: RequestsQuery) {
  await platformOrNotFound(ctx.db, q.platformId);
  const actor = ctx.actor!;
  if (!actor.isSystemAdmin && !actor.roles.some((r) => r.platformId === q.platformId))
    throw notFound('platforms.not_found');
  const filter: Parameters<typeof requestPage>[1] = {
    platformId: q.platformId,
    state: q.state,
    createdFrom: q.createdFrom,
    createdTo: q.createdTo,
  };
  if (q.view === 'mine') {
    if (!actor.isSystemAdmin && !hasRole(actor, 'enterprise_user', q.platformId)) throw forbidden();
    filter.requesterOrOrg = {
      userId: actor.userId,
      organisationId: await organisationOfAccount(ctx.db, actor.userId),
    };
  } else if (q.view === 'unit') {
    const units = (await unitAuthorities(ctx.db, q.platformId)).filter(
      (u) => actsForUnit(actor, u) && (!q.unitId || u.id === q.unitId),
    );
    if (units.length === 0) throw forbidden();
    filter.unitIds = units.map((u) => u.id);
  } else {
    if (!overseesPlatform(actor, q.platformId)) throw forbidden();
    if (q.unitId) filter.unitIds = [q.unitId];
  }
  const page = await requestPage(ctx.db, filter, q);
  return { items: await requestViews(ctx.db, ctx, page.rows, false), total: page.total };
}
