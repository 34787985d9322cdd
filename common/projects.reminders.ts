import type { DueReport, ReportKind } from './projects.reports.js';

/**
 * Reminders of reports due (issue 13): configured once per platform (days before a report is due, days
 * after it is overdue), sent to the project's lead side in-app and by e-mail, once per report and offset.
 * Pure, so the job, the CLI's dry run and the tests agree on which report gets which reminder on which day.
 */
export interface ReminderSettings {
  enabled: boolean;
  /** Days before the due day (0 = on the due day itself), each at most once. */
  daysBefore: number[];
  /** Days after the due day (the report is overdue from the day after), each at most once. */
  daysAfter: number[];
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  enabled: true,
  daysBefore: [14, 3],
  daysAfter: [1, 7],
};
/** Bounds of the settings: offsets within a year, at most this many on each side. */
export const REMINDER_DAYS_MAX = 365;
export const REMINDER_OFFSETS_MAX = 6;
/**
 * How late a reminder may still go out when the job did not run on its day (a server down over a weekend).
 * Older ones are not sent: turning reminders on does not send a year-old report every reminder at once.
 */
export const REMINDER_CATCH_UP_DAYS = 7;

export interface ReminderDue {
  kind: ReportKind;
  dueOn: string;
  /** Days relative to the due day: negative before it, positive after. */
  offset: number;
  /** Days until the due day on `today` (negative once overdue). */
  daysLeft: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS;

/** The offsets of the settings in day order (before the due day negative), without duplicates. */
export function reminderOffsets(s: Pick<ReminderSettings, 'daysBefore' | 'daysAfter'>): number[] {
  return [...new Set([...s.daysBefore.map((d) => -d), ...s.daysAfter])].sort((a, b) => a - b);
}

/**
 * The reminders the reports call for on `today` (an ISO date): for each report not submitted, the latest
 * offset whose day has come, if that day is at most REMINDER_CATCH_UP_DAYS ago and no later offset's day
 * has come. Whether it was already sent is the caller's (the reminders table's) to say.
 */
export function remindersDue(
  reports: readonly Pick<DueReport, 'kind' | 'dueOn' | 'status'>[],
  settings: ReminderSettings,
  today: string,
): ReminderDue[] {
  if (!settings.enabled) return [];
  const offsets = reminderOffsets(settings);
  const now = dayNumber(today);
  const out: ReminderDue[] = [];
  for (const r of reports) {
    if (r.status === 'submitted') continue;
    const due = dayNumber(r.dueOn);
    const reached = offsets.filter((o) => due + o <= now);
    const offset = reached.at(-1);
    if (offset === undefined || now - (due + offset) > REMINDER_CATCH_UP_DAYS) continue;
    out.push({ kind: r.kind, dueOn: r.dueOn, offset, daysLeft: due - now });
  }
  return out;
}
