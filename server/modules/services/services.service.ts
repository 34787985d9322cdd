import type { Kysely } from 'kysely';
import { SERVICE_MOVES, type ServiceState } from '../../../common/services.js';
import { moveCatalogEntry } from '../../catalog/lifecycle.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { resolveFieldRefs } from '../fields/fields.service.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { queryTerms } from '../results/results.terms.js';
import { unitAuthority } from '../units/units.service.js';
import { actsForUnit } from './services.policy.js';
import {
  findService,
  insertService,
  replaceService,
  type Service,
  serviceNames,
  servicePage,
} from './services.repository.js';
import { findRequest } from './services.requests.repository.js';
import type { CatalogQuery, ServiceInput, ServiceView } from './services.schema.js';

/** The unit a record belongs to, as the rules see it; a unit of another platform is "not found". */
export async function unitOn(db: Kysely<DB>, platformId: string, unitId: string, pointer = '/unitId') {
  const unit = await unitAuthority(db, unitId);
  if (!unit || unit.platformId !== platformId) throw invalidField(pointer, 'services.unit_unknown');
  return unit;
}

async function unitSummaries(db: Kysely<DB>, ids: readonly string[]) {
  const out = new Map<string, { id: string; nameZh: string; nameEn: string }>();
  for (const id of new Set(ids)) {
    const u = await unitAuthority(db, id);
    if (u) out.set(id, { id, nameZh: u.nameZh, nameEn: u.nameEn });
  }
  return out;
}

async function views(db: Kysely<DB>, rows: Service[]): Promise<ServiceView[]> {
  const units = await unitSummaries(
    db,
    rows.map((s) => s.unitId),
  );
  return rows.map(({ unitId, createdAt: _c, ...s }) => ({
    ...s,
    unit: units.get(unitId) ?? { id: unitId, nameZh: '', nameEn: '' },
  }));
}

/** A unit's director (or the platform's admins) adds a service to the catalog, as a draft. */
export async function createService(ctx: Ctx, platformId: string, input: ServiceInput): Promise<ServiceView> {
  await platformOrNotFound(ctx.db, platformId);
  const unit = await unitOn(ctx.db, platformId, input.unitId);
  if (!actsForUnit(ctx.actor, unit)) throw forbidden();
  const s = await write(ctx, async (trx, audit) => {
    const fieldIds = await resolveFieldRefs(trx, { fieldIds: input.fieldIds });
    const now = isoNow(ctx.clock);
    const service: Service = {
      ...input,
      fieldIds,
      id: newId(),
      platformId,
      state: 'draft',
      createdAt: now,
      updatedAt: now,
    };
    await insertService(trx, service);
    await audit({
      action: 'service.created',
      entityType: 'service',
      entityId: service.id,
      platformId,
      after: { ...input, fieldIds },
    });
    return service;
  });
  return (await views(ctx.db, [s]))[0]!;
}

/** The service for a catalog keeper; a service nobody may see is "not found". */
async function kept(db: Kysely<DB>, ctx: Ctx, id: string, lock: boolean): Promise<Service> {
  const s = await findService(db, lock ? ctx.seam : null, id);
  if (!s) throw notFound('services.not_found');
  const unit = await unitOn(db, s.platformId, s.unitId);
  if (actsForUnit(ctx.actor, unit)) return s;
  if (s.state === 'draft' && !ctx.actor?.roles.some((r) => r.platformId === s.platformId))
    throw notFound('services.not_found');
  throw forbidden();
}

/** Edits a service (any state but retired: a retired service is history). */
export async function updateService(ctx: Ctx, id: string, input: ServiceInput): Promise<ServiceView> {
  const s = await write(ctx, async (trx, audit) => {
    const before = await kept(trx, ctx, id, true);
    if (before.state === 'retired') throw new AppError(409, 'services.retired');
    if (input.unitId !== before.unitId) {
      const unit = await unitOn(trx, before.platformId, input.unitId);
      if (!actsForUnit(ctx.actor, unit)) throw forbidden();
    }
    const fieldIds = await resolveFieldRefs(
      trx,
      { fieldIds: input.fieldIds },
      { keep: new Set(before.fieldIds) },
    );
    const after: Service = { ...before, ...input, fieldIds, updatedAt: isoNow(ctx.clock) };
    await replaceService(trx, after);
    await audit({
      action: 'service.updated',
      entityType: 'service',
      entityId: id,
      platformId: before.platformId,
      before,
      after,
    });
    return after;
  });
  return (await views(ctx.db, [s]))[0]!;
}

/** draft → published → retired; a move the catalog does not allow is 409 naming the current state. */
export async function setServiceState(ctx: Ctx, id: string, to: ServiceState): Promise<ServiceView> {
  const s = await moveCatalogEntry(ctx, to, {
    kind: 'service',
    illegal: 'services.illegal_state',
    moves: SERVICE_MOVES,
    keep: (trx) => kept(trx, ctx, id, true),
    save: replaceService,
  });
  return (await views(ctx.db, [s]))[0]!;
}

/**
 * The catalog of a platform. The public (and everyone else) sees published services; the platform's
 * staff with a role there may ask for drafts and retired ones with `state`.
 */
export async function listServices(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  platformId: string,
  q: CatalogQuery,
  publicOnly: boolean,
) {
  await platformOrNotFound(ctx.db, platformId);
  const staff =
    !publicOnly &&
    !!ctx.actor &&
    (ctx.actor.isSystemAdmin || ctx.actor.roles.some((r) => r.platformId === platformId));
  const states: ServiceState[] =
    staff && q.state ? [q.state] : staff ? ['draft', 'published', 'retired'] : ['published'];
  if (!staff && q.state && q.state !== 'published') return { items: [], total: 0 };
  const page = await servicePage(
    ctx.db,
    { platformId, states, kind: q.kind, unitId: q.unitId, fieldId: q.fieldId, terms: queryTerms(q.q) },
    q,
  );
  return { items: await views(ctx.db, page.rows), total: page.total };
}

/** One service: published ones for everyone; drafts and retired ones for the platform's people. */
export async function getService(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  id: string,
  publicOnly: boolean,
): Promise<ServiceView> {
  const s = await findService(ctx.db, null, id);
  const visible =
    s &&
    (s.state === 'published' ||
      (!publicOnly &&
        !!ctx.actor &&
        (ctx.actor.isSystemAdmin || ctx.actor.roles.some((r) => r.platformId === s.platformId))));
  if (!s || !visible) throw notFound('services.not_found');
  return (await views(ctx.db, [s]))[0]!;
}

/** The service a request is made to, locked: it must exist and be published. */
export async function requestableService(trx: Kysely<DB>, ctx: Ctx, id: string): Promise<Service> {
  const s = await findService(trx, ctx.seam, id);
  if (!s || s.state === 'draft') throw notFound('services.not_found');
  if (s.state === 'retired') throw new AppError(409, 'services.retired');
  return s;
}

/** What the analytics read of service requests (docs/analytics.md). */
export { serviceRequestCounts } from './services.stats.repository.js';
export { findService as serviceById };

/** Each given request's identity: its service and when it was made (projects list the requests linked to them). */
export async function requestLabels(db: Kysely<DB>, ids: readonly string[]) {
  const rows = (await Promise.all([...new Set(ids)].map((id) => findRequest(db, null, id)))).filter(
    (r) => r !== undefined,
  );
  const services = await serviceNames(
    db,
    rows.map((r) => r.serviceId),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        platformId: r.platformId,
        number: r.number,
        serviceNameZh: services.get(r.serviceId)?.nameZh ?? '',
        createdAt: r.createdAt,
      },
    ]),
  );
}
