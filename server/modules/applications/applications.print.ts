import { z } from 'zod';
import { COST_CATEGORY_LABELS, type CostCategory } from '../../../common/calls.js';
import { exportOptions } from '../../../common/export-options.js';
import { count, type ExportDoc, money, text } from '../../../common/report-doc.js';
import { formatInZone } from '../../../common/time-format.js';
import { printablePdf } from '../../files/pdf.js';
import type { Ctx } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { loadCall } from '../calls/calls.lookup.js';
import { fieldSummaries } from '../fields/fields.service.js';
import { accessible } from './applications.access.js';
import type { ApplicationContent } from './applications.schema.js';
import { frozenVersion } from './applications.versions.repository.js';

/** `?versionNo=` (the latest submitted version when omitted), the reader's language and zone. */
export const printQuery = z.strictObject({
  versionNo: z.coerce.number().int().min(1).optional(),
  ...exportOptions,
});
export type PrintQuery = z.infer<typeof printQuery>;

/** The frozen version as written by applications.submission.ts (what its checksum covers). */
interface Snapshot {
  currency: string;
  content: ApplicationContent;
  consortium: {
    position: number;
    organisationId: string;
    organisationNameZh: string;
    organisationNameEn: string | null;
    contactNameZh: string | null;
    role: string | null;
    requestedMinor: number;
    cofundingMinor: number;
  }[];
  budget: { organisationId: string; category: string; amountMinor: number }[];
  attachments: { key: string; fileName: string; type: string; sizeBytes: number; sha256: string }[];
}

/** Chinese labels of the cost categories, as the web catalog has them (zh-CN.calls.ts). */
const CATEGORY_ZH: Record<CostCategory, string> = {
  equipment: '设备费',
  materials: '材料费',
  testing: '测试化验加工费',
  fuel_power: '燃料动力费',
  travel_meetings: '差旅/会议/国际合作与交流费',
  publication_ip: '出版/文献/信息传播/知识产权事务费',
  labour: '劳务费',
  expert_consulting: '专家咨询费',
  indirect: '间接费用',
  other: '其他',
};

/**
 * The 申报书 of one submitted version as a PDF for printing and sealing: the call, the project, the
 * consortium, the budget, objectives with their indicators, work packages with their milestones and the
 * attachments list, headed by the receipt number and the checksum of the frozen version. It prints the
 * frozen snapshot only (never the draft being edited), for whoever may read the application; nothing of
 * the review (reviewers, scores) is in it.
 */
export async function applicationFormPdf(
  ctx: Ctx,
  id: string,
  q: PrintQuery,
): Promise<{ fileName: string; body: Buffer }> {
  const { app } = await accessible(ctx.db, ctx, id, 'read');
  const frozen = await frozenVersion<Snapshot>(ctx.db, id, q.versionNo);
  if (!frozen) {
    if (q.versionNo !== undefined) throw notFound('applications.version_not_found');
    throw new AppError(409, 'applications.not_submitted');
  }
  const call = (await loadCall(ctx.db, app.callId))!;
  const snap = frozen.snapshot;
  const c = snap.content;
  const field = c.fieldId ? (await fieldSummaries(ctx.db, [c.fieldId])).get(c.fieldId) : undefined;

  const body = await printablePdf(q.lang, (lang): ExportDoc => {
    const zh = lang === 'zh-CN';
    const l = (pair: readonly [string, string]) => pair[zh ? 0 : 1];
    const cur = (amountMinor: number) => money({ amountMinor, currency: snap.currency });
    const orgName = new Map(
      snap.consortium.map((m) => [
        m.organisationId,
        zh ? m.organisationNameZh : (m.organisationNameEn ?? m.organisationNameZh),
      ]),
    );
    const slots = new Map(call.requiredAttachments.map((a) => [a.key, zh ? a.labelZh : a.labelEn]));
    const title = (zh ? (c.titleZh ?? c.titleEn) : (c.titleEn ?? c.titleZh)) ?? '—';
    const objectives = c.objectives ?? [];
    const work = c.workPlan ?? [];
    return {
      lang,
      title: zh ? `申报书：${title}` : `Application form: ${title}`,
      meta: [
        `${l(['申报指南', 'Call'])}: ${call.code} ${zh ? call.titleZh : call.titleEn}`,
        `${l(['回执编号', 'Receipt number'])}: ${frozen.receiptNo}`,
        `${l(['版本', 'Version'])}: ${frozen.versionNo}`,
        `${l(['提交时间', 'Submitted at'])}: ${formatInZone(frozen.frozenAt, lang, q.tz)}`,
        `${l(['校验值（SHA-256，冻结版本）', 'Checksum (SHA-256 of the frozen version)'])}: ${frozen.checksum}`,
      ],
      sheets: [
        {
          name: 'project',
          title: l(['一、项目基本信息', '1. Project']),
          tables: [
            {
              title: l(['基本信息', 'Basic information']),
              columns: [l(['项目', 'Item']), l(['内容', 'Content'])],
              rows: [
                [text(l(['项目名称（中文）', 'Title (Chinese)'])), text(c.titleZh ?? '—')],
                [text(l(['项目名称（英文）', 'Title (English)'])), text(c.titleEn ?? '—')],
                [
                  text(l(['技术领域', 'Field'])),
                  text(field ? `${field.code} ${zh ? field.nameZh : field.nameEn}` : '—'),
                ],
                [text(l(['项目摘要', 'Summary'])), text((zh ? c.summaryZh : c.summaryEn) ?? '—')],
              ],
            },
          ],
        },
        {
          name: 'consortium',
          title: l(['二、申报单位', '2. Consortium']),
          tables: [
            {
              title: l(['牵头单位与参与单位', 'Lead and partner organisations']),
              columns: [
                l(['单位', 'Organisation']),
                l(['分工', 'Role']),
                l(['联系人', 'Contact']),
                l(['申请经费', 'Requested']),
                l(['自筹经费', 'Co-funding']),
              ],
              // Position 0 is the lead (applications.parts.repository.ts writes them in order).
              rows: snap.consortium.map((m) => [
                text(`${orgName.get(m.organisationId)}${m.position === 0 ? l(['（牵头）', ' (lead)']) : ''}`),
                text(m.role ?? '—'),
                text(m.contactNameZh ?? '—'),
                cur(m.requestedMinor),
                cur(m.cofundingMinor),
              ]),
            },
          ],
        },
        {
          name: 'budget',
          title: l(['三、经费预算', '3. Budget']),
          tables: [
            {
              title: l(['预算明细', 'Budget lines']),
              columns: [l(['单位', 'Organisation']), l(['科目', 'Category']), l(['金额', 'Amount'])],
              rows: [
                ...snap.budget.map((b) => [
                  text(orgName.get(b.organisationId) ?? '—'),
                  text(
                    zh
                      ? (CATEGORY_ZH[b.category as CostCategory] ?? b.category)
                      : (COST_CATEGORY_LABELS[b.category as CostCategory] ?? b.category),
                  ),
                  cur(b.amountMinor),
                ]),
                [
                  text(l(['合计', 'Total'])),
                  text(''),
                  cur(snap.budget.reduce((s, b) => s + b.amountMinor, 0)),
                ],
              ],
            },
          ],
        },
        {
          name: 'objectives',
          title: l(['四、目标与考核指标', '4. Objectives and indicators']),
          tables: [
            {
              title: l(['考核指标', 'Indicators']),
              columns: [l(['目标', 'Objective']), l(['指标', 'Indicator']), l(['目标值', 'Target'])],
              rows: objectives.flatMap((o) =>
                o.indicators.length
                  ? o.indicators.map((i) => [text(o.text), text(i.name), text(i.target)])
                  : [[text(o.text), text('—'), text('—')]],
              ),
            },
          ],
        },
        {
          name: 'milestones',
          title: l(['五、任务与里程碑', '5. Work plan and milestones']),
          tables: [
            {
              title: l(['里程碑', 'Milestones']),
              columns: [
                l(['任务', 'Work package']),
                l(['起止月份', 'Months']),
                l(['里程碑', 'Milestone']),
                l(['月份', 'Month']),
              ],
              rows: work.flatMap((w) =>
                (w.milestones.length ? w.milestones : [null]).map((m) => [
                  text(w.title),
                  text(`${w.startMonth}–${w.endMonth}`),
                  text(m?.title ?? '—'),
                  m ? count(m.month) : text('—'),
                ]),
              ),
            },
          ],
        },
        {
          name: 'attachments',
          title: l(['六、附件清单', '6. Attachments']),
          tables: [
            {
              title: l(['附件', 'Attachments']),
              columns: [
                l(['附件', 'Attachment']),
                l(['文件名', 'File']),
                l(['大小（字节）', 'Size (bytes)']),
                'SHA-256',
              ],
              rows: snap.attachments.map((a) => [
                text(slots.get(a.key) ?? a.key),
                text(a.fileName),
                count(a.sizeBytes),
                text(a.sha256),
              ]),
            },
          ],
        },
      ],
    };
  });
  return { fileName: `${q.lang === 'zh-CN' ? '申报书' : 'application'}-${frozen.receiptNo}.pdf`, body };
}
