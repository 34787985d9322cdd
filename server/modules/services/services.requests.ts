import type { Kysely } from 'kysely';
import {
  isOverdue,
  nextRequestActions,
  OPEN_WORK,
  REQUEST_TRANSITIONS,
  type RequestAction,
  requestTarget,
  surveyDueOn,
} from '../../../common/services.js';
import type { DB } from '../../db/schema.js';
import { type Audit, write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { notify } from '../notifications/notifications.service.js';
import { organisationOfAccount } from '../people/people.service.js';
import { nextRequestNumber } from './services.numbers.repository.js';
import { mayReadRequest, mayRequest, type RequestResource, sidesOf } from './services.policy.js';
import { serviceNames } from './services.repository.js';
import {
  findRequest,
  insertRequest,
  insertRequestTransition,
  openWorkCount,
  replaceRequest,
  type ServiceRequest,
  transitionsOfRequest,
} from './services.requests.repository.js';
import type { CreateRequestInput, RequestTransitionInput, RequestView } from './services.schema.js';
import { requestableService, unitOn } from './services.service.js';
import { answeredSurveys } from './services.surveys.repository.js';

const today = (ctx: Pick<Ctx, 'clock'>) => isoNow(ctx.clock).slice(0, 10);

async function resourceOf(db: Kysely<DB>, r: ServiceRequest): Promise<RequestResource> {
  const unit = await unitOn(db, r.platformId, r.unitId);
  return {
    platformId: r.platformId,
    directorUserId: unit.directorUserId,
    requesterId: r.requesterId,
    organisationId: r.organisationId,
  };
}

const actorOrg = async (db: Kysely<DB>, ctx: Ctx) =>
  ctx.actor?.userId ? organisationOfAccount(db, ctx.actor.userId) : null;

/** Views of requests for the caller, with the moves open to them and the survey's state. */
export async function requestViews(
  db: Kysely<DB>,
  ctx: Ctx,
  rows: ServiceRequest[],
  withTransitions: boolean,
): Promise<RequestView[]> {
  const services = await serviceNames(
    db,
    rows.map((r) => r.serviceId),
  );
  const answered = await answeredSurveys(
    db,
    rows.map((r) => r.id),
  );
  const org = await actorOrg(db, ctx);
  const day = today(ctx);
  const out: RequestView[] = [];
  for (const r of rows) {
    const sides = sidesOf(ctx.actor, await resourceOf(db, r), org);
    const dueOn = r.deliveredAt ? surveyDueOn(r.deliveredAt) : null;
    out.push({
      id: r.id,
      number: r.number,
      platformId: r.platformId,
      service: services.get(r.serviceId)!,
      unitId: r.unitId,
      requesterId: r.requesterId,
      organisationId: r.organisationId,
      state: r.state,
      description: r.description,
      quantity: r.quantity,
      wantedBy: r.wantedBy,
      quote:
        r.quotePriceMinor !== null && r.quoteDueOn
          ? { priceMinor: r.quotePriceMinor, currency: r.currency, dueOn: r.quoteDueOn, terms: r.quoteTerms }
          : null,
      report: r.reportSha256
        ? {
            fileName: r.reportFileName!,
            mediaType: r.reportMediaType!,
            sizeBytes: r.reportSizeBytes!,
            sha256: r.reportSha256,
          }
        : null,
      deliveredAt: r.deliveredAt,
      rating: r.rating,
      ratingComment: r.ratingComment,
      lastReason: r.lastReason,
      overdue: isOverdue(r.state, r.quoteDueOn, day),
      survey: dueOn ? { dueOn, due: dueOn <= day, answered: answered.has(r.id) } : null,
      // Deliver is listed like any move: the web offers it as the report upload (its own route).
      next: nextRequestActions(r.state, sides),
      createdAt: r.createdAt,
      ...(withTransitions
        ? {
            transitions: (await transitionsOfRequest(db, r.id)).map((t) => ({
              action: t.action,
              from: t.fromState,
              to: t.toState,
              at: t.at,
              reason: t.reason,
            })),
          }
        : {}),
    });
  }
  return out;
}

/** Tells the other side of a request that it moved (the notifications module; inside the write). */
async function tell(trx: Kysely<DB>, ctx: Ctx, r: ServiceRequest, res: RequestResource, action: string) {
  const services = await serviceNames(trx, [r.serviceId]);
  const s = services.get(r.serviceId)!;
  const toEnterprise = ['quote', 'contract', 'start', 'deliver', 'close', 'resolve', 'cancel'].includes(
    action,
  );
  const userIds = [
    ...(toEnterprise ? [r.requesterId] : []),
    ...(!toEnterprise || action === 'cancel' || action === 'resolve' ? [res.directorUserId] : []),
  ].filter((id): id is string => !!id && id !== ctx.actor?.userId);
  await notify(trx, ctx, {
    userIds,
    kind: 'service_request.moved',
    platformId: r.platformId,
    entityType: 'service_request',
    entityId: r.id,
    params: { serviceZh: s.nameZh, serviceEn: s.nameEn, state: r.state, reason: r.lastReason },
  });
}

async function record(
  trx: Kysely<DB>,
  audit: Audit,
  ctx: Ctx,
  before: ServiceRequest | null,
  after: ServiceRequest,
  action: RequestAction | 'submit',
  reason: string | null,
) {
  await insertRequestTransition(trx, {
    id: newId(),
    requestId: after.id,
    action,
    fromState: before?.state ?? null,
    toState: after.state,
    at: after.updatedAt,
    actorId: ctx.actor?.userId || null,
    reason,
  });
  await audit({
    action: `service_request.${action}`,
    entityType: 'service_request',
    entityId: after.id,
    platformId: after.platformId,
    before: before && { state: before.state },
    after: {
      state: after.state,
      quotePriceMinor: after.quotePriceMinor,
      quoteDueOn: after.quoteDueOn,
      rating: after.rating,
      reportSha256: after.reportSha256,
    },
    reason,
  });
}

/** An enterprise asks a unit for a published service; a retired one answers 409. */
export async function createRequest(
  ctx: Ctx,
  serviceId: string,
  input: CreateRequestInput,
): Promise<RequestView> {
  const row = await write(ctx, async (trx, audit) => {
    const s = await requestableService(trx, ctx, serviceId);
    if (!mayRequest(ctx.actor, s.platformId)) throw forbidden();
    const now = isoNow(ctx.clock);
    const r: ServiceRequest = {
      id: newId(),
      platformId: s.platformId,
      serviceId: s.id,
      unitId: s.unitId,
      requesterId: ctx.actor!.userId,
      organisationId: await actorOrg(trx, ctx),
      number: await nextRequestNumber(trx, s.platformId, now),
      state: 'submitted',
      description: input.description,
      quantity: input.quantity,
      wantedBy: input.wantedBy,
      quotePriceMinor: null,
      currency: s.currency,
      quoteDueOn: null,
      quoteTerms: null,
      reportFileName: null,
      reportMediaType: null,
      reportSizeBytes: null,
      reportSha256: null,
      deliveredAt: null,
      rating: null,
      ratingComment: null,
      lastReason: null,
      createdAt: now,
      updatedAt: now,
    };
    await insertRequest(trx, r);
    await record(trx, audit, ctx, null, r, 'submit', null);
    const unit = await unitOn(trx, s.platformId, s.unitId);
    await notify(trx, ctx, {
      userIds: unit.directorUserId ? [unit.directorUserId] : [],
      kind: 'service_request.submitted',
      platformId: s.platformId,
      entityType: 'service_request',
      entityId: r.id,
      params: { serviceZh: s.nameZh, serviceEn: s.nameEn },
    });
    return r;
  });
  return (await requestViews(ctx.db, ctx, [row], true))[0]!;
}

/** The request and the caller's sides on it; a request the caller may not read is "not found". */
export async function accessibleRequest(db: Kysely<DB>, ctx: Ctx, id: string, lock: boolean) {
  const r = await findRequest(db, lock ? ctx.seam : null, id);
  if (!r) throw notFound('services.request_not_found');
  const res = await resourceOf(db, r);
  const org = await actorOrg(db, ctx);
  if (!mayReadRequest(ctx.actor, res, org)) throw notFound('services.request_not_found');
  return { r, res, sides: sidesOf(ctx.actor, res, org) };
}

export async function getRequest(ctx: Ctx, id: string): Promise<RequestView> {
  const { r } = await accessibleRequest(ctx.db, ctx, id, false);
  return (await requestViews(ctx.db, ctx, [r], true))[0]!;
}

/** Checks one step of the state machine for the caller's sides; 403 when it is the other side's. */
export function checkStep(r: ServiceRequest, sides: readonly string[], action: RequestAction) {
  const to = requestTarget(r.state, action);
  if (!to)
    throw new AppError(409, 'services.illegal_transition', {
      detail: `The request is ${r.state}; "${action}" is not possible`,
      currentState: r.state,
    });
  if (!REQUEST_TRANSITIONS[action].by.some((s) => sides.includes(s))) {
    if (sides.length === 0) throw forbidden();
    throw new AppError(403, 'services.not_your_side');
  }
  return to;
}

/** Applies a checked step: writes the request, its transition, the audit entry and the notification. */
export async function applyStep(
  trx: Kysely<DB>,
  audit: Audit,
  ctx: Ctx,
  before: ServiceRequest,
  res: RequestResource,
  action: RequestAction,
  patch: Partial<ServiceRequest>,
  reason: string | null,
) {
  const after: ServiceRequest = {
    ...before,
    ...patch,
    state: requestTarget(before.state, action)!,
    lastReason: reason ?? before.lastReason,
    updatedAt: isoNow(ctx.clock),
  };
  await replaceRequest(trx, after);
  await record(trx, audit, ctx, before, after, action, reason);
  await tell(trx, ctx, after, res, action);
  return after;
}

/** Moves a request one step (every action but deliver, which comes with the report upload). */
export async function transitionRequest(
  ctx: Ctx,
  id: string,
  input: RequestTransitionInput,
): Promise<RequestView> {
  const row = await write(ctx, async (trx, audit) => {
    const { r, res, sides } = await accessibleRequest(trx, ctx, id, true);
    const action = input.action;
    checkStep(r, sides, action);
    const needsReason = REQUEST_TRANSITIONS[action].reason;
    if (needsReason && !input.reason) throw invalidField('/reason', 'services.reason_required');
    const patch: Partial<ServiceRequest> = {};
    if (action === 'quote') {
      if (input.priceMinor === undefined) throw invalidField('/priceMinor', 'services.quote_incomplete');
      if (!input.dueOn) throw invalidField('/dueOn', 'services.quote_incomplete');
      Object.assign(patch, {
        quotePriceMinor: input.priceMinor,
        quoteDueOn: input.dueOn,
        quoteTerms: input.terms ?? null,
      });
    }
    if (action === 'accept') {
      // Capacity: the unit's open work on this service may not exceed what it said it can take.
      const s = await requestableService(trx, ctx, r.serviceId).catch(() => null);
      if (s && (await openWorkCount(trx, s.id, OPEN_WORK)) >= s.capacityPerMonth)
        throw new AppError(409, 'services.over_capacity');
    }
    if (action === 'rate') {
      if (input.rating === undefined) throw invalidField('/rating', 'services.rating_required');
      Object.assign(patch, { rating: input.rating, ratingComment: input.comment ?? null });
    }
    return applyStep(trx, audit, ctx, r, res, action, patch, needsReason ? input.reason! : null);
  });
  return (await requestViews(ctx.db, ctx, [row], true))[0]!;
}
