import type { Kysely } from 'kysely';
import {
  INQUIRY_STATES,
  INQUIRY_TRANSITIONS,
  type InquiryKind,
  type InquiryState,
  type ResultType,
} from '../../../common/results.js';
import type { DB } from '../../db/schema.js';
import { type Ctx, platformIdsWithRole } from '../../http/context.js';
import { AppError, forbidden } from '../../http/errors.js';
import { resultSummaries } from '../results/results.service.js';
import { can } from './inquiries.policy.js';
import { funnelCounts, type Inquiry, inquiryPage, transitionsOf } from './inquiries.repository.js';
import type { InquiryView, ListInquiriesQuery } from './inquiries.schema.js';

export async function inquiryViews(
  db: Kysely<DB>,
  rows: Inquiry[],
  withTransitions: boolean,
): Promise<InquiryView[]> {
  if (rows.length === 0) return [];
  const results = await resultSummaries(
    db,
    rows.map((r) => r.resultId),
  );
  const transitions = withTransitions
    ? await transitionsOf(
        db,
        rows.map((r) => r.id),
      )
    : [];
  return rows.map((r) => {
    const res = results.find((x) => x.id === r.resultId)!;
    return {
      id: r.id,
      platformId: r.platformId,
      result: { id: res.id, type: res.type as ResultType, titleZh: res.titleZh, titleEn: res.titleEn },
      kind: r.kind as InquiryKind,
      name: r.name,
      organisation: r.organisation,
      email: r.email,
      phone: r.phone,
      message: r.message,
      locale: r.locale,
      state: r.state as InquiryState,
      closeReason: r.closeReason,
      licenceId: r.licenceId,
      receivedAt: r.receivedAt,
      updatedAt: r.updatedAt,
      next: [...INQUIRY_TRANSITIONS[r.state as InquiryState]],
      transitions: transitions
        .filter((t) => t.inquiryId === r.id)
        .map((t) => ({
          id: t.id,
          from: t.fromState as InquiryState | null,
          to: t.toState as InquiryState,
          at: t.at,
          actorLabel: t.actorLabel,
          note: t.note,
        })),
    };
  });
}

/** Platforms whose inquiries the caller answers (undefined: all, for system admins). */
const managedPlatforms = (ctx: Ctx) =>
  ctx.actor?.isSystemAdmin
    ? undefined
    : platformIdsWithRole(ctx.actor, ['tech_transfer_officer', 'platform_admin']);

/** The officer's inquiry list: newest first, of the platforms they answer for. */
export async function listInquiries(ctx: Ctx, q: ListInquiriesQuery) {
  const platforms = managedPlatforms(ctx);
  if (platforms && platforms.length === 0) throw forbidden();
  if (q.platformId && platforms && !platforms.includes(q.platformId)) throw forbidden();
  const { rows, total } = await inquiryPage(
    ctx.db,
    { platformIds: platforms, platformId: q.platformId, state: q.state },
    q,
  );
  const items = (await inquiryViews(ctx.db, rows, false)).map(
    ({ transitions: _t, message: _m, ...rest }) => rest,
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The funnel of the inquiries a platform received in the period: how many reached each stage (from the
 * transitions table, so an inquiry licensed after an NDA counts at both) and where they stand now.
 */
export async function inquiryFunnel(ctx: Ctx, q: { platformId: string; from?: string; to?: string }) {
  if (!can(ctx.actor, 'inquiries.manage', { platformId: q.platformId })) throw forbidden();
  if (q.from && q.to && q.to < q.from)
    throw new AppError(400, 'request.validation_failed', {
      errors: [{ in: 'querystring', pointer: '/to', code: 'inquiries.period_order', message: '' }],
    });
  const counts = await funnelCounts(ctx.db, {
    platformId: q.platformId,
    from: q.from,
    before: q.to ? nextDay(q.to) : undefined,
  });
  const reached = (s: InquiryState) => counts.reached.get(s) ?? 0;
  const current = Object.fromEntries(
    INQUIRY_STATES.map((s) => [s, counts.states.filter((x) => x === s).length]),
  );
  return {
    platformId: q.platformId,
    from: q.from ?? null,
    to: q.to ?? null,
    received: counts.states.length,
    reached: {
      in_discussion: reached('in_discussion'),
      nda_signed: reached('nda_signed'),
      licensed: reached('licensed'),
      closed: reached('closed'),
    },
    current: current as Record<InquiryState, number>,
  };
}
