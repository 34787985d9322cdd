import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Ctx } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { loadCall } from '../calls/calls.lookup.js';
import { accessible } from './applications.access.js';
import { organisationsById } from './applications.lookup.js';
import { loadApplication } from './applications.repository.js';
import type { ReceiptView } from './applications.schema.js';
import { frozenVersion } from './applications.versions.repository.js';

/** The receipt of one frozen version (the latest submitted one when versionNo is omitted). */
export async function receiptOf(db: Kysely<DB>, id: string, versionNo?: number): Promise<ReceiptView> {
  const frozen = await frozenVersion<{ content: { titleZh?: string | null; titleEn?: string | null } }>(
    db,
    id,
    versionNo,
  );
  if (!frozen) {
    if (versionNo !== undefined) throw notFound('applications.version_not_found');
    throw new AppError(409, 'applications.not_submitted');
  }
  const app = (await loadApplication(db, id))!;
  const call = (await loadCall(db, app.callId))!;
  const lead = (await organisationsById(db, [app.leadOrgId])).get(app.leadOrgId)!;
  return receiptView({
    applicationId: id,
    callCode: call.code,
    receiptNo: frozen.receiptNo,
    versionNo: frozen.versionNo,
    submittedAt: frozen.frozenAt,
    checksum: frozen.checksum,
    content: frozen.snapshot.content,
    leadNameZh: lead.nameZh,
  });
}

/** A receipt from the frozen version's values (the submission builds it from what it has just written). */
export function receiptView(r: {
  applicationId: string;
  callCode: string;
  receiptNo: string;
  versionNo: number;
  submittedAt: string;
  checksum: string;
  content: { titleZh?: string | null; titleEn?: string | null };
  leadNameZh: string;
}): ReceiptView {
  return {
    applicationId: r.applicationId,
    callCode: r.callCode,
    receiptNo: r.receiptNo,
    versionNo: r.versionNo,
    submittedAt: r.submittedAt,
    checksum: r.checksum,
    titleZh: r.content.titleZh ?? null,
    titleEn: r.content.titleEn ?? null,
    leadNameZh: r.leadNameZh,
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
