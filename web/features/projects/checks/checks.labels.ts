import type {
  CheckKind,
  CheckState,
  CheckVerdict,
  EvaluationGrade,
  IndicatorJudgement,
} from '../../../../common/project-checks.js';
import { tk } from '../../../i18n/index.js';

/** Project checks and 绩效评价 as people name them (中期检查, 结题验收, 通过 …). */
export const CHECK_KIND_LABELS: Record<CheckKind, string> = {
  interim: tk('Interim check'),
  final: tk('Final acceptance'),
};
export const CHECK_STATE_LABELS: Record<CheckState, string> = {
  open: tk('Awaiting the report'),
  under_review: tk('Under expert review'),
  rectification: tk('Rectification'),
  decided: tk('check.decided'),
};
export const VERDICT_LABELS: Record<CheckVerdict, string> = {
  pass: tk('Pass'),
  rectify: tk('Rectify'),
  fail: tk('Fail'),
};
export const VERDICT_COLORS: Record<CheckVerdict, string> = { pass: 'green', rectify: 'orange', fail: 'red' };
export const JUDGEMENT_LABELS: Record<IndicatorJudgement, string> = {
  met: tk('target.met'),
  partly_met: tk('Partly met'),
  not_met: tk('Not met'),
};
export const GRADE_LABELS: Record<EvaluationGrade, string> = {
  excellent: tk('Excellent'),
  good: tk('Good'),
  pass: tk('Satisfactory'),
  fail: tk('Unsatisfactory'),
};
export const PROGRESS_LABELS = {
  done: tk('Done'),
  in_progress: tk('Under way'),
  not_started: tk('Not started'),
} as const;
