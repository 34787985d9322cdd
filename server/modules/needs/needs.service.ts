import type { Kysely } from 'kysely';
import { NEED_TRANSITIONS, type NeedAction } from '../../../common/needs.js';
import type { DB } from '../../db/schema.js';
import { type Audit, write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { liveFieldIds } from '../fields/fields.lookup.js';
import { organisationOfAccount } from '../people/people.service.js';
import { isNeedsStaff, mayPostNeed, mayReadNeed, ownsNeed } from './needs.policy.js';
import {
  contactsOfNeeds,
  findNeed,
  insertNeed,
  type Need,
  needsWhere,
  updateNeed,
} from './needs.repository.js';
import type { NeedInput, NeedView } from './needs.schema.js';
import { needViews } from './needs.views.js';

/** The organisation of the caller's account (an enterprise acts for its organisation). */
export const actorOrgOf = async (db: Kysely<DB>, ctx: Pick<Ctx, 'actor'>) =>
  ctx.actor?.userId ? organisationOfAccount(db, ctx.actor.userId) : null;

async function checkInput(db: Kysely<DB>, ctx: Ctx, input: NeedInput) {
  const live = await liveFieldIds(db, input.fieldIds);
  const bad = input.fieldIds.findIndex((id) => !live.has(id));
  if (bad >= 0) throw invalidField(`/fieldIds/${bad}`, 'needs.unknown_field');
  if (input.deadline && input.deadline < isoNow(ctx.clock).slice(0, 10))
    throw invalidField('/deadline', 'needs.deadline_past');
}

const auditOf = (n: Need) => ({
  title: n.title,
  state: n.state,
  visibility: n.visibility,
  budgetMinor: n.budgetMinor,
  deadline: n.deadline,
  fieldIds: n.fieldIds,
});

export async function viewsFor(ctx: Ctx, needs: readonly Need[]): Promise<NeedView[]> {
  const org = await actorOrgOf(ctx.db, ctx);
  const contacts = await contactsOfNeeds(
    ctx.db,
    needs.map((n) => n.id),
  );
  return needViews(ctx.db, ctx.actor, org, needs, contacts);
}

/** An enterprise user posts a need for its organisation on the platform; audited. */
export async function createNeed(ctx: Ctx, platformId: string, input: NeedInput): Promise<NeedView> {
  if (!mayPostNeed(ctx.actor, platformId)) throw forbidden();
  const need = await write(ctx, async (trx, audit) => {
    const org = await actorOrgOf(trx, ctx);
    if (!org) throw new AppError(422, 'needs.no_organisation');
    await checkInput(trx, ctx, input);
    const now = isoNow(ctx.clock);
    const n: Need = {
      id: newId(),
      platformId,
      organisationId: org,
      createdBy: ctx.actor!.userId,
      ...input,
      state: 'open',
      closeNote: null,
      createdAt: now,
      updatedAt: now,
    };
    await insertNeed(trx, n);
    await audit({
      action: 'need.posted',
      entityType: 'need',
      entityId: n.id,
      platformId,
      after: auditOf(n),
    });
    return n;
  });
  return (await viewsFor(ctx, [need]))[0]!;
}

/** The need if the caller may read it; otherwise "not found" (a staff-only need is not revealed). */
export async function readableNeed(db: Kysely<DB>, ctx: Ctx, id: string, lock = false): Promise<Need> {
  const n = await findNeed(db, lock ? ctx.seam : null, id);
  if (!n || !mayReadNeed(ctx.actor, n, await actorOrgOf(db, ctx))) throw notFound('needs.not_found');
  return n;
}

/** The need, locked, if the caller's enterprise posted it; 403 for others who may read it. */
async function ownNeed(trx: Kysely<DB>, ctx: Ctx, id: string): Promise<Need> {
  const n = await readableNeed(trx, ctx, id, true);
  if (!ownsNeed(ctx.actor, n, await actorOrgOf(trx, ctx))) throw forbidden();
  return n;
}

export async function getNeed(ctx: Ctx, id: string): Promise<NeedView> {
  return (await viewsFor(ctx, [await readableNeed(ctx.db, ctx, id)]))[0]!;
}

/** The enterprise edits its open need; audited with before and after. */
export async function editNeed(ctx: Ctx, id: string, input: NeedInput): Promise<NeedView> {
  const need = await write(ctx, async (trx, audit) => {
    const before = await ownNeed(trx, ctx, id);
    if (before.state !== 'open') throw new AppError(409, 'needs.not_open', { currentState: before.state });
    await checkInput(trx, ctx, input);
    const after: Need = { ...before, ...input, updatedAt: isoNow(ctx.clock) };
    await updateNeed(trx, after);
    await audit({
      action: 'need.edited',
      entityType: 'need',
      entityId: id,
      platformId: after.platformId,
      before: auditOf(before),
      after: auditOf(after),
    });
    return after;
  });
  return (await viewsFor(ctx, [need]))[0]!;
}

async function moveIn(
  trx: Kysely<DB>,
  audit: Audit,
  ctx: Ctx,
  before: Need,
  action: NeedAction,
  note?: string,
) {
  const t = NEED_TRANSITIONS[action];
  if (!t.from.includes(before.state))
    throw new AppError(409, 'needs.illegal_transition', {
      detail: `The need is ${before.state}; "${action}" is not possible`,
      currentState: before.state,
    });
  const after: Need = { ...before, state: t.to, closeNote: note ?? null, updatedAt: isoNow(ctx.clock) };
  await updateNeed(trx, after);
  await audit({
    action: `need.${action}`,
    entityType: 'need',
    entityId: before.id,
    platformId: before.platformId,
    before: { state: before.state },
    after: { state: after.state },
    reason: note ?? null,
  });
  return after;
}

/** The enterprise closes (met, or no longer needed) or withdraws its open need; audited. */
export async function moveNeed(ctx: Ctx, id: string, action: NeedAction, note?: string): Promise<NeedView> {
  const need = await write(ctx, async (trx, audit) =>
    moveIn(trx, audit, ctx, await ownNeed(trx, ctx, id), action, note),
  );
  return (await viewsFor(ctx, [need]))[0]!;
}

/**
 * The needs the caller may read, newest first: public ones, staff-only ones of the platforms where the
 * caller is staff, and every need of the caller's enterprise; `mine` keeps only the latter.
 */
export async function listNeeds(
  ctx: Ctx,
  q: { platformId?: string; mine: boolean; state?: Need['state'] },
): Promise<{ items: NeedView[]; total: number }> {
  const org = await actorOrgOf(ctx.db, ctx);
  const actor = ctx.actor;
  const staffPlatformIds = [...new Set(actor?.roles.map((r) => r.platformId) ?? [])].filter((p) =>
    isNeedsStaff(actor, p),
  );
  if (q.mine && !org) return { items: [], total: 0 };
  const needs = await needsWhere(ctx.db, {
    platformIds: q.platformId ? [q.platformId] : undefined,
    states: q.state ? [q.state] : undefined,
    ...(q.mine
      ? { organisationId: org! }
      : actor?.isSystemAdmin
        ? {}
        : { readable: { staffPlatformIds, organisationId: org } }),
  });
  // An organisation's accounts on other platforms see its needs there only with a role there.
  const visible = needs.filter((n) => mayReadNeed(actor, n, org));
  return { items: await viewsFor(ctx, visible), total: visible.length };
}

/** The portal's open public needs (no sign-in), newest first. */
export async function listPublicNeeds(ctx: Ctx, platformId?: string) {
  const needs = await needsWhere(ctx.db, {
    platformIds: platformId ? [platformId] : undefined,
    states: ['open'],
    publicOnly: true,
  });
  return {
    items: needs.map((n) => ({
      id: n.id,
      platformId: n.platformId,
      title: n.title,
      problem: n.problem,
      language: n.language,
      fieldIds: n.fieldIds,
      budgetMinor: n.budgetMinor,
      currency: n.currency,
      deadline: n.deadline,
      createdAt: n.createdAt,
    })),
    total: needs.length,
  };
}
