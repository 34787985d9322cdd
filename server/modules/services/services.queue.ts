import type { Ctx } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { organisationOfAccount } from '../people/people.service.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { queryTerms } from '../results/results.terms.js';
import { unitAuthorities } from '../units/units.service.js';
import { actsForUnit, overseesPlatform } from './services.policy.js';
import { serviceNames } from './services.repository.js';
import { requestViews } from './services.requests.js';
import { requestPage } from './services.requests.repository.js';
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

/**
 * The platform's requests the caller answers for as the unit or the platform (those a project may link
 * as its outputs, server/modules/projects), whose service name or description contain every word of
 * `q` (or whose number does); the queue's order. Anyone else gets none: a choice list never reveals a request.
 */
export async function linkableRequests(
  ctx: Ctx,
  platformId: string,
  q: { q?: string | undefined; page: number; pageSize: number },
) {
  const actor = ctx.actor;
  const filter: Parameters<typeof requestPage>[1] = { platformId, terms: queryTerms(q.q) };
  if (!actor) return { items: [], total: 0 };
  if (!actor.isSystemAdmin && !hasRole(actor, 'platform_admin', platformId)) {
    const units = (await unitAuthorities(ctx.db, platformId)).filter((u) => actsForUnit(actor, u));
    if (units.length === 0) return { items: [], total: 0 };
    filter.unitIds = units.map((u) => u.id);
  }
  const page = await requestPage(ctx.db, filter, q);
  const names = await serviceNames(
    ctx.db,
    page.rows.map((r) => r.serviceId),
  );
  return {
    items: page.rows.map((r) => ({
      id: r.id,
      number: r.number,
      serviceNameZh: names.get(r.serviceId)?.nameZh ?? '',
      serviceNameEn: names.get(r.serviceId)?.nameEn ?? '',
      createdAt: r.createdAt,
    })),
    total: page.total,
  };
}
