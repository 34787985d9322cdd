import type { reportingSchedule } from './projects.js';

/**
 * The reports a project owes and where each stands (issue 13, what Hypha users ask for): due until its
 * date, overdue after it, submitted once the project sent it. Pure, so the list across projects, the
 * project page and the reminders agree.
 */
export type ReportKind = ReturnType<typeof reportingSchedule>[number]['kind'];
export const REPORT_STATUSES = ['due', 'overdue', 'submitted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface DueReport {
  kind: ReportKind;
  dueOn: string;
  status: ReportStatus;
  submittedAt: string | null;
}

/** Each report of the schedule with its status on `today` (an ISO date). */
export function reportStatuses(
  schedule: readonly { kind: ReportKind; dueOn: string }[],
  submitted: readonly { kind: ReportKind; dueOn: string; submittedAt: string }[],
  today: string,
): DueReport[] {
  return schedule.map((r) => {
    const s = submitted.find((x) => x.kind === r.kind && x.dueOn === r.dueOn);
    return {
      ...r,
      status: s ? 'submitted' : r.dueOn < today ? 'overdue' : 'due',
      submittedAt: s?.submittedAt ?? null,
    };
  });
}
