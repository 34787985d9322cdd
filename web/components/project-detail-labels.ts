import type { OutputType } from '../../common/project-outputs.js';
import type { AdjustmentGround, AdjustmentState } from '../../common/projects.adjustments.js';
import type { IndicatorType, SpendingCategory } from '../../common/projects.js';
import type { ReportStatus } from '../../common/projects.reports.js';
import { tk } from '../i18n/index.js';

/** The 任务书's cost categories of the 2021 reform, plus indirect costs. */
export const SPENDING_LABELS: Record<SpendingCategory, string> = {
  equipment: tk('Equipment'),
  operations: tk('Operating costs'),
  labour: tk('Labour'),
  indirect: tk('Indirect costs'),
};

export const INDICATOR_TYPE_LABELS: Record<IndicatorType, string> = {
  count: tk('Count'),
  amount: tk('Amount'),
  percentage: tk('Percentage'),
  date: tk('Date'),
  yes_no: tk('Yes or no'),
};

export const REPORT_KIND_LABELS: Record<'annual' | 'interim' | 'final', string> = {
  annual: tk('Annual report'),
  interim: tk('Interim report'),
  final: tk('Final report'),
};

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  due: tk('Awaiting submission'),
  overdue: tk('Overdue'),
  submitted: tk('Submitted'),
};
export const REPORT_STATUS_COLORS: Record<ReportStatus, string> = {
  due: 'blue',
  overdue: 'red',
  submitted: 'green',
};

export const ADJUSTMENT_STATE_LABELS: Record<AdjustmentState, string> = {
  pending: tk('Awaiting decision'),
  approved: tk('request.granted'),
  rejected: tk('Refused'),
};
export const ADJUSTMENT_LEVEL_LABELS: Record<'unit' | 'funder', string> = {
  unit: tk('Project unit decides'),
  funder: tk('Funder decides'),
};
export const GROUND_LABELS: Record<AdjustmentGround, string> = {
  total: tk('Changes the total'),
  between_members: tk('Moves money between members'),
  equipment: tk('Equipment beyond the unit threshold'),
  indirect: tk('Changes indirect costs'),
  extension: tk('Extends the end date'),
};

export const MILESTONE_REVIEW_LABELS: Record<'submitted' | 'accepted' | 'rejected', string> = {
  submitted: tk('Awaiting acceptance'),
  accepted: tk('Acceptance passed'),
  rejected: tk('Sent back'),
};

/** The kinds of record a project's outputs link to (common/project-outputs.ts). */
export const OUTPUT_TYPE_LABELS: Record<OutputType, string> = {
  result: tk('Result'),
  disclosure: tk('Invention disclosure'),
  filing: tk('Patent filing'),
  licence: tk('Licence'),
  service_request: tk('Service request'),
};
