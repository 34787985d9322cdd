import { z } from 'zod';
import type { ExportDoc } from '../../../common/report-doc.js';
import { LOCALES } from '../../../common/roles.js';
import { LABELS } from '../../../common/tech-transfer-labels.js';
import { reportDoc, type ScopeNames } from '../../../common/tech-transfer-sheets.js';
import { findCjkFont } from '../../files/cjk-font.js';
import { renderPdf } from '../../files/pdf.js';
import type { Ctx } from '../../http/context.js';
import { fieldSummaries } from '../fields/fields.service.js';
import { listUnits } from '../units/units.service.js';
import { renderXlsx } from './report.xlsx.js';
import { type Report, type ReportQuery, reportQuery } from './ttreports.schema.js';
import { techTransferReport } from './ttreports.service.js';

export const EXPORT_FORMATS = ['xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The JSON report's query, plus the language of the file's labels (default 简体中文). */
export const exportQuery = reportQuery.safeExtend({ lang: z.enum(LOCALES).default('zh-CN') });

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export interface ReportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

async function scopeNames(ctx: Ctx, r: Report, lang: ExportDoc['lang']): Promise<ScopeNames> {
  const zh = lang === 'zh-CN';
  const unit = r.scope.unitId
    ? (await listUnits(ctx, r.platform.id)).find((u) => u.id === r.scope.unitId)
    : undefined;
  const field = r.scope.fieldId
    ? (await fieldSummaries(ctx.db, [r.scope.fieldId])).get(r.scope.fieldId)
    : undefined;
  return {
    unit: unit ? (zh ? unit.nameZh : unit.nameEn) : null,
    field: field ? `${field.code} ${zh ? field.nameZh : field.nameEn}` : null,
  };
}

/**
 * The tech-transfer report as an XLSX workbook or a PDF: the same figures as the JSON report (same query,
 * same authorization, computed by the same service). A PDF asked for in Chinese on a server without a
 * Chinese font is made in English and says so on its first page, rather than failing or showing boxes.
 */
export async function exportReport(
  ctx: Ctx,
  platformId: string,
  query: ReportQuery & { lang: ExportDoc['lang'] },
  format: ExportFormat,
): Promise<ReportFile> {
  const { lang: asked, ...reportQ } = query;
  const report = await techTransferReport(ctx, { ...reportQ, platformId });
  const font = format === 'pdf' ? findCjkFont() : null;
  const lang = format === 'pdf' && !font ? 'en-US' : asked;
  const notice = lang !== asked ? [LABELS.noCjkFont[1]] : [];
  const doc = reportDoc(report, lang, await scopeNames(ctx, report, lang), notice);
  const body = format === 'xlsx' ? await renderXlsx(doc) : await renderPdf(doc, font);
  const filename = `tech-transfer-${report.platform.code}-${report.scope.from}-${report.scope.to}.${format}`;
  return { filename, contentType: CONTENT_TYPES[format], body };
}
