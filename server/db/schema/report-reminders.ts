import type { Flag, Timestamp } from './columns.js';

// Reminders of reports due (issue 13); migration 0049.

/** A platform's reminder settings, once its admin saved them (the defaults apply without a row). */
export interface ProjectReminderSettingsTable {
  platform_id: string;
  enabled: Flag;
  /** JSON array of integers: days before the due day */
  days_before_json: string;
  /** JSON array of integers: days after the due day */
  days_after_json: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** A reminder sent: the report (project, kind, due day) and its offset in days (negative = before). */
export interface ProjectReportRemindersTable {
  project_id: string;
  /** annual | interim | final */
  kind: string;
  due_on: string;
  offset_days: number;
  sent_at: Timestamp;
  /** how many accounts were notified */
  recipients: number;
  /** JSON array of { userId, name, email }: who was notified, e-mail too or in-app only (0061; null before) */
  deliveries_json: string | null;
}

/** The last run's lines of a platform's reminders (migration 0061): one row, replaced by each run. */
export interface ProjectReminderRunsTable {
  platform_id: string;
  ran_at: Timestamp;
  /** the day the run judged by (ISO date) */
  on_day: string;
  /** JSON array of the run's lines: the report, the recipients' count and the outcome */
  lines_json: string;
}

export interface ReportReminderTables {
  project_reminder_settings: ProjectReminderSettingsTable;
  project_report_reminders: ProjectReportRemindersTable;
  project_reminder_runs: ProjectReminderRunsTable;
}

export const REPORT_REMINDER_TABLES = [
  'project_reminder_settings',
  'project_report_reminders',
  'project_reminder_runs',
] as const satisfies readonly (keyof ReportReminderTables)[];
