import { type AdjustmentChange, adjustedPlan } from './projects.adjustments.js';
import { type ReportDue, scheduleOf } from './projects.amendments.js';
import {
  AGREEMENT_AMOUNT_FIELD,
  budgetCells,
  SPENDING_CATEGORIES,
  type SpendingCategory,
} from './projects.js';
import type { ReportKind } from './projects.reports.js';

/**
 * The figures the portfolio shows of one project, kept on its row (issue 13, docs/adr/0035): computed
 * here from the project's records by the writes that change them and by migration 0051's backfill, so
 * the two agree by construction. Nothing here depends on the day: the portfolio compares the next
 * report's due date with today, and reads the state and outcome from the project itself.
 */
export interface ProjectFigures {
  /** The approved plan (frozen 任务书 + approved 预算调剂); null before the 任务书 is frozen. */
  plannedMinor: number | null;
  /** Every spending entry of the project. */
  spentMinor: number;
  /** A member × category spent beyond its approved plan (never before the 任务书). */
  overspent: boolean;
  /** The indicators of the frozen 任务书 (0 before it). */
  indicatorsTotal: number;
  /** Indicators the latest check report judged met; null before any report. */
  indicatorsMet: number | null;
  /** The earliest report of the frozen 任务书's schedule not yet submitted. */
  nextReport: { kind: ReportKind; dueOn: string } | null;
}

export interface ProjectFigureRecords {
  startsOn: string;
  endsOn: string;
  /** The frozen 任务书's budget (one object per member) and indicators; null while not frozen. */
  agreement: {
    budget: readonly Record<string, unknown>[];
    indicators: readonly unknown[];
    /** The schedule the 任务书 names (an amendment's); absent: computed from the dates. */
    schedule?: readonly ReportDue[] | undefined;
  } | null;
  approvedChanges: readonly { changes: readonly AdjustmentChange[] }[];
  /** Spending summed per member and category. */
  spent: readonly { organisationId: string; category: SpendingCategory; amountMinor: number }[];
  submittedReports: readonly { kind: ReportKind; dueOn: string }[];
  /** The judgements of the latest check report, one per indicator; null before any report. */
  judgements: readonly string[] | null;
}

export function projectFigures(r: ProjectFigureRecords): ProjectFigures {
  const plan = r.agreement
    ? adjustedPlan(
        r.agreement.budget.flatMap((b) =>
          SPENDING_CATEGORIES.map((category) => ({
            organisationId: String(b.organisationId),
            category,
            amountMinor: Number(b[AGREEMENT_AMOUNT_FIELD[category]] ?? 0),
          })),
        ),
        r.approvedChanges,
      )
    : null;
  const cells = plan ? budgetCells(plan, r.spent) : [];
  const submitted = new Set(r.submittedReports.map((s) => `${s.kind}\u0000${s.dueOn}`));
  // The schedule is in due-date order, so the first one not submitted is the earliest.
  const next = r.agreement
    ? scheduleOf(r.startsOn, r.endsOn, r.agreement.schedule).find(
        (s) => !submitted.has(`${s.kind}\u0000${s.dueOn}`),
      )
    : undefined;
  return {
    plannedMinor: plan ? cells.reduce((s, c) => s + c.plannedMinor, 0) : null,
    spentMinor: r.spent.reduce((s, c) => s + c.amountMinor, 0),
    overspent: cells.some((c) => c.spentMinor > c.plannedMinor),
    indicatorsTotal: r.agreement?.indicators.length ?? 0,
    indicatorsMet: r.judgements ? r.judgements.filter((j) => j === 'met').length : null,
    nextReport: next ? { kind: next.kind, dueOn: next.dueOn } : null,
  };
}
