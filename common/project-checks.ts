/**
 * 中期检查 and 结题验收 of projects with the dual evaluation, and 绩效评价 (issue 13; docs/projects.md
 * "Checks"). Pure, shared by server and web; imports only common/.
 */
import type { IndicatorType } from './projects.js';

export const CHECK_KINDS = ['interim', 'final'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** open: the project writes its report; under_review: the panel scores; rectification: 整改; decided. */
export const CHECK_STATES = ['open', 'under_review', 'rectification', 'decided'] as const;
export type CheckState = (typeof CHECK_STATES)[number];

/** 通过 / 整改 / 不通过. */
export const CHECK_VERDICTS = ['pass', 'rectify', 'fail'] as const;
export type CheckVerdict = (typeof CHECK_VERDICTS)[number];

/** A seat on a check's panel: an engine run invites, the expert accepts or declines (or lets it expire);
 * a seat the officer adds by hand is accepted. */
export const CHECK_SEAT_STATES = ['invited', 'accepted', 'declined', 'expired'] as const;
export type CheckSeatState = (typeof CHECK_SEAT_STATES)[number];
/** Days an invited expert has to answer. */
export const CHECK_RESPONSE_DAYS = 7;

/** How far a milestone got, as the project reports it. */
export const MILESTONE_PROGRESS = ['done', 'in_progress', 'not_started'] as const;

/** 绩效评价 grades: 优秀 / 良好 / 合格 / 不合格. */
export const EVALUATION_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];

/** The rectification window when the adoption names no due date: three months (issue 13). */
export const DEFAULT_RECTIFICATION_MONTHS = 3;

export type IndicatorValue = number | string | boolean;

/** Whether a reported value has the type of its indicator (the target's type in the 任务书). */
export function valueFitsIndicator(type: IndicatorType, value: unknown): value is IndicatorValue {
  switch (type) {
    case 'count':
    case 'amount':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
    case 'percentage':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
    case 'date':
      return (
        typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
      );
    case 'yes_no':
      return typeof value === 'boolean';
  }
}

export const INDICATOR_JUDGEMENTS = ['met', 'partly_met', 'not_met'] as const;
export type IndicatorJudgement = (typeof INDICATOR_JUDGEMENTS)[number];

/**
 * An indicator's value against its target: counts, amounts and percentages are met at or above the
 * target and partly met above zero; a date is met on or before the target; yes/no when equal.
 */
export function judgeIndicator(
  type: IndicatorType,
  target: IndicatorValue,
  value: IndicatorValue,
): IndicatorJudgement {
  if (type === 'date') return (value as string) <= (target as string) ? 'met' : 'not_met';
  if (type === 'yes_no') return value === target ? 'met' : 'not_met';
  const v = value as number;
  if (v >= (target as number)) return 'met';
  return v > 0 ? 'partly_met' : 'not_met';
}

/** The day `months` months after `day` (clamped to the month's length). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * The two reviews of 结题验收 (issue 13): the task review (任务审查, the indicators of the 任务书 met or
 * not) and the financial review (财务审查, spending against the budget). Each has its own outcome.
 */
export const CHECK_REVIEW_KINDS = ['task', 'financial'] as const;
export type CheckReviewKind = (typeof CHECK_REVIEW_KINDS)[number];

const VERDICT_RANK: Record<CheckVerdict, number> = { pass: 2, rectify: 1, fail: 0 };

/**
 * Whether a final check's verdict agrees with its two reviews: it passes only when both pass, and is
 * never better than the worse review (a rectification in either allows 整改 or 不通过; a failed one only
 * 不通过).
 */
export function verdictFitsReviews(verdict: CheckVerdict, outcomes: readonly CheckVerdict[]): boolean {
  return outcomes.every((o) => VERDICT_RANK[verdict] <= VERDICT_RANK[o]);
}
