import { z } from 'zod';
import { PROJECT_STATES } from '../../../common/projects.js';
import { REPORT_STATUSES } from '../../../common/projects.reports.js';
import { reminderSentView } from './projects.reminders.schema.js';

/** Reports due from the 任务书's reporting schedule (issue 13). */
const kind = z.enum(['annual', 'interim', 'final']);

export const reportSubmissionBody = z.strictObject({
  kind,
  dueOn: z.iso.date(),
  /** The report itself: progress against indicators and milestones, in words. */
  body: z.string().trim().min(1).max(20_000),
});
export type ReportSubmissionInput = z.infer<typeof reportSubmissionBody>;

export const projectReportView = z.object({
  kind,
  dueOn: z.string(),
  status: z.enum(REPORT_STATUSES),
  submittedAt: z.string().nullable(),
  body: z.string().nullable(),
  /** The reminders sent for this report (docs/projects.md "Reminders sent"), in the order they went. */
  reminders: z.array(reminderSentView),
  /** sha256 of the submitted report's canonical JSON, covering its files' sha256 (null before submission). */
  sha256: z.string().nullable(),
});

export const projectReports = z.object({
  projectId: z.uuid(),
  items: z.array(projectReportView),
  access: z.object({ submit: z.boolean() }),
});
export type ProjectReports = z.infer<typeof projectReports>;

export const reportsDueQuery = z.strictObject({
  state: z.enum(PROJECT_STATES).optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  /** true: only overdue reports (the same as status=overdue, kept for the list's toggle). */
  overdue: z.enum(['true', 'false']).optional(),
  /** Only reports due on or before this day (the workbench's "due within 60 days"); the counts too. */
  before: z.iso.date().optional(),
});
export type ReportsDueQuery = z.infer<typeof reportsDueQuery>;

export const reportsDueList = z.object({
  items: z.array(
    z.object({
      projectId: z.uuid(),
      code: z.string(),
      titleZh: z.string(),
      titleEn: z.string(),
      state: z.enum(PROJECT_STATES),
      kind,
      dueOn: z.string(),
      status: z.enum(REPORT_STATUSES),
      submittedAt: z.string().nullable(),
    }),
  ),
  counts: z.object({ due: z.int(), overdue: z.int(), submitted: z.int() }),
});
export type ReportsDueList = z.infer<typeof reportsDueList>;
