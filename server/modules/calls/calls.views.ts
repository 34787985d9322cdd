import { canTransition } from '../../../common/calls.js';
import { type Ctx, isoNow } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { fieldSummaries } from '../fields/fields.service.js';
import { platformSummaries } from '../platforms/platforms.lookup.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { findAccountById } from '../users/users.accounts.js';
import { deadlineExtensionsOf } from './calls.deadlines.repository.js';
import { effectiveCallState } from './calls.lookup.js';
import { can } from './calls.policy.js';
import { type CallRecord, listCallsOfPlatform, listPublishedCalls, loadCall } from './calls.repository.js';
import type {
  CallView,
  PublicCallList,
  PublicCallSummary,
  PublicCallsQuery,
  PublicCallView,
  StaffCallList,
  StaffCallsQuery,
} from './calls.schema.js';

type DbCtx = Pick<Ctx, 'db' | 'clock'>;

async function summaries(ctx: DbCtx, calls: CallRecord[]): Promise<PublicCallSummary[]> {
  if (calls.length === 0) return [];
  const platforms = await platformSummaries(
    ctx.db,
    calls.map((c) => c.platformId),
  );
  const fields = await fieldSummaries(
    ctx.db,
    calls.flatMap((c) => c.fieldIds),
  );
  const now = ctx.clock.now();
  return calls.map((c) => {
    return {
      id: c.id,
      platform: platforms.get(c.platformId)!,
      code: c.code,
      titleZh: c.titleZh,
      titleEn: c.titleEn,
      effectiveState: effectiveCallState(c, now),
      opensAt: c.opensAt,
      closesAt: c.closesAt,
      currency: c.currency,
      budgetTotalMinor: c.budgetTotalMinor,
      ceilingMinor: c.ceilingMinor,
      fields: c.fieldIds.map((id) => fields.get(id)).filter((f) => f !== undefined),
    };
  });
}

async function publicView(ctx: DbCtx, call: CallRecord): Promise<PublicCallView> {
  const [summary] = await summaries(ctx, [call]);
  const extensions = await deadlineExtensionsOf(ctx.db, call.id);
  return {
    ...summary!,
    summaryZh: call.summaryZh,
    summaryEn: call.summaryEn,
    serverNow: isoNow(ctx.clock),
    eligibility: call.eligibility,
    criteria: call.criteria,
    reviewersPerApplication: call.reviewersPerApplication,
    requiredAttachments: call.requiredAttachments,
    resubmitWindowDays: call.resubmitWindowDays,
    contactName: call.contactName,
    contactPhone: call.contactPhone,
    contactEmail: call.contactEmail,
    publishedAt: call.publishedAt,
    deadlineExtensions: extensions,
  };
}

/** The full record for the platform's staff, with what the caller may do next. */
export async function staffView(ctx: Ctx, call: CallRecord): Promise<CallView> {
  const base = await publicView(ctx, call);
  const creator = call.createdBy ? await findAccountById(ctx.db, call.createdBy) : undefined;
  const manage = can(ctx.actor, 'calls.manage', { id: call.platformId });
  const open = base.effectiveState;
  return {
    ...base,
    state: call.state,
    screeningChecklist: call.screeningChecklist,
    createdBy: creator ? { id: creator.id, displayName: creator.displayName } : null,
    closedAt: call.closedAt,
    createdAt: call.createdAt,
    updatedAt: call.updatedAt,
    access: {
      canEdit: manage && call.state === 'draft',
      canPublish: manage && canTransition(call.state, 'publish'),
      canExtend: manage && canTransition(call.state, 'extend_deadline') && open !== 'closed',
      canClose: manage && canTransition(call.state, 'close'),
      canCopy: manage,
    },
  };
}

/**
 * A call as the public sees it. Drafts exist only for the platform's staff (a preview); for anyone
 * else a draft is not found, so its existence does not leak.
 */
export async function getPublicCall(ctx: Ctx, id: string): Promise<PublicCallView> {
  const call = await loadCall(ctx.db, id);
  if (!call || (call.state === 'draft' && !can(ctx.actor, 'calls.manage', { id: call.platformId })))
    throw notFound('calls.not_found');
  return publicView(ctx, call);
}

/** The staff record of a call (program officers and admins of its platform). */
export async function getStaffCall(ctx: Ctx, id: string): Promise<CallView> {
  const call = await loadCall(ctx.db, id);
  if (!call) throw notFound('calls.not_found');
  if (!can(ctx.actor, 'calls.manage', { id: call.platformId }))
    throw call.state === 'draft' ? notFound('calls.not_found') : forbidden();
  return staffView(ctx, call);
}

const PAST = ['closed', 'reviewing', 'decided', 'archived'];

/** Opened between the dates (inclusive, as the analytics count: opens_at compared as ISO text). */
const openedWithin = (c: CallRecord, q: { openedFrom?: string | undefined; openedTo?: string | undefined }) =>
  (!q.openedFrom || (c.state !== 'draft' && c.opensAt >= q.openedFrom)) &&
  (!q.openedTo || (c.state !== 'draft' && c.opensAt <= `${q.openedTo}T23:59:59.999Z`));

/** Published calls for anyone: open now, upcoming, past (closed and later), or all; newest deadline first for past. */
export async function listPublicCalls(ctx: Ctx, q: PublicCallsQuery): Promise<PublicCallList> {
  const all = (await listPublishedCalls(ctx.db, q)).filter((c) => openedWithin(c, q));
  const now = ctx.clock.now();
  const bucket = (c: CallRecord) => {
    const s = effectiveCallState(c, now);
    return s === 'open' || s === 'upcoming' ? s : PAST.includes(s) ? 'past' : null;
  };
  const counts = { open: 0, upcoming: 0, past: 0 };
  for (const c of all) {
    const b = bucket(c);
    if (b) counts[b]++;
  }
  const order = { open: 0, upcoming: 1, past: 2 } as const;
  const chosen = all
    .filter((c) => bucket(c) !== null && (q.status === 'all' || bucket(c) === q.status))
    .sort((a, b) => {
      const ba = bucket(a)!;
      const bb = bucket(b)!;
      if (ba !== bb) return order[ba] - order[bb];
      // Calls closing or opening at the same moment keep one order (by id), so pages never overlap.
      if (ba === 'past') return b.closesAt.localeCompare(a.closesAt) || a.id.localeCompare(b.id);
      return (
        (ba === 'upcoming' ? a.opensAt.localeCompare(b.opensAt) : a.closesAt.localeCompare(b.closesAt)) ||
        a.id.localeCompare(b.id)
      );
    });
  const page = chosen.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  return {
    items: await summaries(ctx, page),
    total: chosen.length,
    page: q.page,
    pageSize: q.pageSize,
    serverNow: now.toISOString(),
    counts,
  };
}

/** Every call of a platform, drafts included (its program officers and admins). */
export async function listStaffCalls(
  ctx: Ctx,
  platformId: string,
  q: Omit<StaffCallsQuery, 'page' | 'pageSize'> & { page?: number; pageSize?: number | undefined },
): Promise<StaffCallList> {
  const platform = await platformOrNotFound(ctx.db, platformId);
  if (!can(ctx.actor, 'calls.manage', platform)) throw forbidden();
  const now = ctx.clock.now();
  const matching = (await listCallsOfPlatform(ctx.db, platformId)).filter(
    (c) => (!q.state || effectiveCallState(c, now) === q.state) && openedWithin(c, q),
  );
  const records = q.pageSize
    ? matching.slice(((q.page ?? 1) - 1) * q.pageSize, (q.page ?? 1) * q.pageSize)
    : matching;
  const list = await summaries(ctx, records);
  return {
    items: list.map((s, i) => ({ ...s, state: records[i]!.state, updatedAt: records[i]!.updatedAt })),
    total: matching.length,
    serverNow: now.toISOString(),
    access: { canCreate: true },
  };
}
