import type { ReportKind, ReportStatus } from '../../../../common/projects.reports.js';
import { tk } from '../../../i18n/index.js';

/** The reports of the 任务书's schedule (年度报告, 中期报告, 结题报告) in words. */
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  annual: tk('Annual report'),
  interim: tk('Interim report'),
  final: tk('Final report'),
};

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  due: tk('Not yet due'),
  overdue: tk('Report overdue'),
  submitted: tk('Report submitted'),
};

export const REPORT_STATUS_COLORS: Record<ReportStatus, string> = {
  due: 'blue',
  overdue: 'red',
  submitted: 'green',
};
