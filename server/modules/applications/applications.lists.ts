import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import {
  APPLICATION_STATE_LABELS,
  APPLICATION_STATES,
  type ApplicationState,
} from '../../../common/applications.js';
import type { DB } from '../../db/schema.js';
import type { Ctx } from '../../http/context.js';
import { platformIdsWithRole } from '../../http/context.js';
import { unauthorized } from '../../http/errors.js';
import { type ListScope, listAll, listPage } from './applications.repository.js';
import type { ListApplicationsQuery } from './applications.schema.js';
import { summaries } from './applications.views.js';

/**
 * Only what the caller may see: the submitted applications of the platforms they are a program officer
 * or admin of (of all platforms for system admins; a draft is its applicant's until submitted), their
 * own, and those they confirmed a member's part in, drafts included. The same
 * scope serves the list, the counts and the export, so none of them can leak.
 */
function scopeOf(ctx: Ctx): ListScope {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  return {
    all: actor.isSystemAdmin,
    userId: actor.userId,
    officerOf: platformIdsWithRole(actor, ['program_officer', 'platform_admin']),
  };
}

/** A page of the applications the caller may see, with the total and counts by state. */
export async function listApplications(ctx: Ctx, q: ListApplicationsQuery) {
  const { rows, total, byState } = await listPage(ctx.db, scopeOf(ctx), q);
  const counts = Object.fromEntries(APPLICATION_STATES.map((s) => [s, 0])) as Record<string, number>;
  for (const r of byState) counts[r.state] = r.n;
  return { items: await summaries(ctx.db, rows), total, counts };
}

/** The filtered list (no paging) as XLSX, with the same visibility as the list. */
export async function exportApplications(ctx: Ctx, q: Omit<ListApplicationsQuery, 'limit' | 'offset'>) {
  const rows = await listAll(ctx.db, scopeOf(ctx), q);
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
