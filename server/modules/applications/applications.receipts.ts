import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Ctx } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { accessible } from './applications.access.js';
import type { ReceiptView } from './applications.schema.js';

/** The receipt of one frozen version (the latest submitted one when versionNo is omitted). */
export async function receiptOf(db: Kysely<DB>, id: string, versionNo?: number): Promise<ReceiptView> {
  let q = db
    .selectFrom('application_versions as v')
    .innerJoin('applications as a', 'a.id', 'v.application_id')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .innerJoin('organisations as o', 'o.id', 'a.lead_org_id')
    .select([
      'v.version_no',
      'v.frozen_at',
      'v.checksum',
      'v.receipt_no',
      'v.snapshot_json',
      'c.code',
      'o.name_zh as lead_name_zh',
    ])
    .where('v.application_id', '=', id)
    .where('v.frozen_at', 'is not', null);
  q = versionNo === undefined ? q.orderBy('v.version_no', 'desc') : q.where('v.version_no', '=', versionNo);
  const row = await q.executeTakeFirst();
  if (!row) {
    if (versionNo !== undefined) throw notFound('applications.version_not_found');
    throw new AppError(409, 'applications.not_submitted');
  }
  const snap = JSON.parse(row.snapshot_json!) as {
    content: { titleZh?: string | null; titleEn?: string | null };
  };
  return {
    applicationId: id,
    callCode: row.code,
    receiptNo: row.receipt_no!,
    versionNo: row.version_no,
    submittedAt: row.frozen_at!,
    checksum: row.checksum!,
    titleZh: snap.content.titleZh ?? null,
    titleEn: snap.content.titleEn ?? null,
    leadNameZh: row.lead_name_zh,
  };
}

/** The receipt for someone who may read the application. */
export async function getReceipt(ctx: Ctx, id: string, versionNo?: number): Promise<ReceiptView> {
  await accessible(ctx.db, ctx, id, 'read');
  return receiptOf(ctx.db, id, versionNo);
}

/** The downloadable receipt: plain UTF-8 text in both languages, so it needs no font or viewer. */
export function receiptText(r: ReceiptView): string {
  return [
    '申报回执 / Application receipt',
    '',
    `回执编号 Receipt number: ${r.receiptNo}`,
    `计划编号 Call: ${r.callCode}`,
    `项目名称 Title: ${r.titleZh ?? '—'}${r.titleEn ? ` / ${r.titleEn}` : ''}`,
    `牵头单位 Lead organisation: ${r.leadNameZh}`,
    `版本 Version: ${r.versionNo}`,
    `提交时间 Submitted at (UTC, server clock): ${r.submittedAt}`,
    `校验值 Checksum (SHA-256 of the frozen version, canonical JSON): ${r.checksum}`,
    `申报书编号 Application id: ${r.applicationId}`,
    '',
  ].join('\n');
}
