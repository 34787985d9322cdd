import { z } from 'zod';
import { REMINDER_DAYS_MAX, REMINDER_OFFSETS_MAX } from '../../../common/projects.reminders.js';

/** Reminders of reports due (issue 13): a platform's settings and what a run sent. */

const days = (min: number) =>
  z
    .array(z.int().min(min).max(REMINDER_DAYS_MAX))
    .max(REMINDER_OFFSETS_MAX)
    .superRefine((list, ctx) => {
      list.forEach((d, i) => {
        if (list.indexOf(d) !== i)
          ctx.addIssue({ code: 'custom', path: [i], message: `${d} is already in the list` });
      });
    });

export const reminderSettingsBody = z.strictObject({
  enabled: z.boolean(),
  /** Days before a report is due (0 = on the due day). */
  daysBefore: days(0),
  /** Days after the due day (1 = the first day it is overdue). */
  daysAfter: days(1),
});
export type ReminderSettingsInput = z.infer<typeof reminderSettingsBody>;

export const reminderSettingsView = z.object({
  platformId: z.uuid(),
  enabled: z.boolean(),
  daysBefore: z.array(z.int()),
  daysAfter: z.array(z.int()),
  /** true while the platform has not saved its own (the defaults apply). */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  access: z.object({ edit: z.boolean() }),
});
export type ReminderSettingsView = z.infer<typeof reminderSettingsView>;

/** One reminder of a run: sent (or, in a dry run, to be sent), or left out and why. */
export const reminderRunItem = z.object({
  platformId: z.uuid(),
  projectId: z.uuid(),
  code: z.string(),
  kind: z.enum(['annual', 'interim', 'final']),
  dueOn: z.string(),
  offset: z.int(),
  recipients: z.int(),
});
export type ReminderRunItem = z.infer<typeof reminderRunItem>;

export const REMINDER_OUTCOMES = ['sent', 'already_sent', 'submitted', 'no_recipient'] as const;
/** A line of a run as kept for the platform's admins (project_reminder_runs, migration 0061). */
export const reminderRunLine = reminderRunItem.extend({
  titleZh: z.string(),
  titleEn: z.string(),
  outcome: z.enum(REMINDER_OUTCOMES),
});
export type ReminderRunLine = z.infer<typeof reminderRunLine>;

/** The platform's last run of the reminders: when, as of which day, and each line with its project. */
export const lastReminderRunView = z.object({
  platformId: z.uuid(),
  /** Null until a run has written for the platform. */
  ranAt: z.string().nullable(),
  on: z.string().nullable(),
  lines: z.array(reminderRunLine),
});
export type LastReminderRunView = z.infer<typeof lastReminderRunView>;

/** A reminder sent for one report: when, the offset, and to whom by which channel (null: not kept). */
export const reminderSentView = z.object({
  offset: z.int(),
  sentAt: z.string(),
  recipients: z.int(),
  deliveries: z.array(z.object({ userId: z.string(), name: z.string(), email: z.boolean() })).nullable(),
});

export interface ReminderRun {
  /** The day the run judged by (ISO date). */
  on: string;
  dryRun: boolean;
  sent: ReminderRunItem[];
  /**
   * Reminders due but not sent: another run sent it first, the report came in meanwhile, or the project
   * has no one to tell (no account on its lead side).
   */
  skipped: (ReminderRunItem & { reason: 'already_sent' | 'submitted' | 'no_recipient' })[];
}
