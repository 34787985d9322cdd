import ExcelJS from 'exceljs';
import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import {
  APPLICATION_STATE_LABELS,
  APPLICATION_STATES,
  type ApplicationState,
} from '../../../common/applications.js';
import type { DB } from '../../db/schema.js';
import type { Ctx } from '../../http/context.js';
import { platformIdsWithRole } from '../../http/context.js';
import { unauthorized } from '../../http/errors.js';
import type { ListApplicationsQuery } from './applications.schema.js';
import { summaries } from './applications.views.js';

type Q = SelectQueryBuilder<DB, 'applications', object>;
type Filters = Omit<ListApplicationsQuery, 'limit' | 'offset' | 'sort' | 'order'>;

/**
 * Only what the caller may see: all applications of the platforms they are a program officer or admin
 * of (all of them for system admins), their own, and those they confirmed a member's part in. The same
 * predicate serves the list, the counts and the export, so none of them can leak.
 */
function visible(ctx: Ctx, q: Q): Q {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  if (actor.isSystemAdmin) return q;
  const officerOf = platformIdsWithRole(actor, ['program_officer', 'platform_admin']);
  return q.where((eb: ExpressionBuilder<DB, 'applications'>) =>
    eb.or([
      ...(officerOf.length ? [eb('applications.platform_id', 'in', officerOf)] : []),
      eb('applications.owner_user_id', '=', actor.userId),
      eb(
        'applications.id',
        'in',
        eb
          .selectFrom('application_invitations')
          .select('application_id')
          .where('user_id', '=', actor.userId)
          .where('state', '=', 'confirmed'),
      ),
    ]),
  );
}

function filtered(ctx: Ctx, q: Filters, withState: boolean): Q {
  let out = visible(ctx, ctx.db.selectFrom('applications'));
  if (q.callId) out = out.where('applications.call_id', '=', q.callId);
  if (q.platformId) out = out.where('applications.platform_id', '=', q.platformId);
  if (q.fieldId) out = out.where('applications.field_id', '=', q.fieldId);
  if (withState && q.state) out = out.where('applications.state', '=', q.state);
  if (q.q) {
    const like = `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    out = out.where((eb) =>
      eb.or([
        sql<boolean>`lower(coalesce(applications.title_zh, '')) like ${like} escape '\\'`,
        sql<boolean>`lower(coalesce(applications.title_en, '')) like ${like} escape '\\'`,
        sql<boolean>`lower(coalesce(applications.receipt_no, '')) like ${like} escape '\\'`,
      ]),
    );
  }
  return out;
}

const SORT_COLUMNS = {
  updatedAt: 'applications.updated_at',
  submittedAt: 'applications.submitted_at',
  title: 'applications.title_zh',
  requested: 'applications.requested_total_minor',
  state: 'applications.state',
} as const;

/** A page of the applications the caller may see, with the total and counts by state. */
export async function listApplications(ctx: Ctx, q: ListApplicationsQuery) {
  const base = filtered(ctx, q, true);
  const [rows, total, byState] = await Promise.all([
    base
      .selectAll('applications')
      .orderBy(SORT_COLUMNS[q.sort], q.order)
      .orderBy('applications.id', q.order)
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    filtered(ctx, q, false)
      .select(['applications.state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('applications.state')
      .execute(),
  ]);
  const counts = Object.fromEntries(APPLICATION_STATES.map((s) => [s, 0])) as Record<string, number>;
  for (const r of byState) counts[r.state] = Number(r.n);
  return { items: await summaries(ctx.db, rows), total: Number(total.n), counts };
}

/** The filtered list (no paging) as XLSX, with the same visibility as the list. */
export async function exportApplications(ctx: Ctx, q: Omit<ListApplicationsQuery, 'limit' | 'offset'>) {
  const rows = await filtered(ctx, q, true)
    .selectAll('applications')
    .orderBy(SORT_COLUMNS[q.sort], q.order)
    .orderBy('applications.id', q.order)
    .execute();
  const items = await summaries(ctx.db as Kysely<DB>, rows);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('申报书 Applications');
  ws.columns = [
    { header: '回执编号 Receipt', key: 'receipt', width: 16 },
    { header: '计划 Call', key: 'call', width: 14 },
    { header: '项目名称 Title (zh)', key: 'titleZh', width: 36 },
    { header: 'Title (en)', key: 'titleEn', width: 36 },
    { header: '牵头单位 Lead', key: 'lead', width: 30 },
    { header: '状态 State', key: 'state', width: 20 },
    { header: '申请金额 Requested (minor units)', key: 'requested', width: 18 },
    { header: '币种 Currency', key: 'currency', width: 10 },
    { header: '提交时间 Submitted (UTC)', key: 'submittedAt', width: 24 },
    { header: '更新时间 Updated (UTC)', key: 'updatedAt', width: 24 },
    { header: 'ID', key: 'id', width: 38 },
  ];
  for (const a of items) {
    ws.addRow({
      receipt: a.receiptNo ?? '',
      call: a.callCode,
      titleZh: a.titleZh ?? '',
      titleEn: a.titleEn ?? '',
      lead: a.lead.nameZh,
      state: APPLICATION_STATE_LABELS[a.state as ApplicationState],
      requested: a.requestedTotalMinor,
      currency: a.currency,
      submittedAt: a.submittedAt ?? '',
      updatedAt: a.updatedAt,
      id: a.id,
    });
  }
  ws.getRow(1).font = { bold: true };
  const day = ctx.clock.now().toISOString().slice(0, 10);
  return {
    body: Buffer.from(await wb.xlsx.writeBuffer()),
    filename: `applications-${day}.xlsx`,
    count: items.length,
  };
}
