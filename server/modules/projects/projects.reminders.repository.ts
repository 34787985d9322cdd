import type { Kysely } from 'kysely';
import type { ReminderSettings } from '../../../common/projects.reminders.js';
import type { ReportKind } from '../../../common/projects.reports.js';
import { flag, jsonColumn, toFlag, toJsonColumn } from '../../db/rows.js';
import type { DB } from '../../db/schema.js';

/**
 * The SQL on project_reminder_settings and project_report_reminders (issue 13, migration 0049): a
 * platform's reminder settings and the reminders sent, one row per report and offset.
 */
export interface StoredReminderSettings extends ReminderSettings {
  updatedBy: string | null;
  updatedAt: string;
}

export async function findReminderSettings(
  db: Kysely<DB>,
  platformId: string,
): Promise<StoredReminderSettings | undefined> {
  const r = await db
    .selectFrom('project_reminder_settings')
    .selectAll()
    .where('platform_id', '=', platformId)
    .executeTakeFirst();
  return (
    r && {
      enabled: flag(r.enabled),
      daysBefore: jsonColumn<number[]>(r.days_before_json),
      daysAfter: jsonColumn<number[]>(r.days_after_json),
      updatedBy: r.updated_by,
      updatedAt: r.updated_at,
    }
  );
}

/** Inserts or replaces the platform's settings. */
export async function saveReminderSettings(
  db: Kysely<DB>,
  platformId: string,
  s: StoredReminderSettings,
): Promise<void> {
  const values = {
    enabled: toFlag(s.enabled),
    days_before_json: toJsonColumn(s.daysBefore),
    days_after_json: toJsonColumn(s.daysAfter),
    updated_by: s.updatedBy,
    updated_at: s.updatedAt,
  };
  await db
    .insertInto('project_reminder_settings')
    .values({ platform_id: platformId, ...values })
    .onConflict((oc) => oc.column('platform_id').doUpdateSet(values))
    .execute();
}

export interface SentReminder {
  projectId: string;
  kind: ReportKind;
  dueOn: string;
  offset: number;
}

/** The reminders already sent for these projects. */
export async function sentReminders(db: Kysely<DB>, projectIds: readonly string[]): Promise<SentReminder[]> {
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectFrom('project_report_reminders')
    .select(['project_id', 'kind', 'due_on', 'offset_days'])
    .where('project_id', 'in', [...projectIds])
    .execute();
  return rows.map((r) => ({
    projectId: r.project_id,
    kind: r.kind as ReportKind,
    dueOn: r.due_on,
    offset: Number(r.offset_days),
  }));
}

/**
 * Records a reminder as sent unless it already is: the primary key (report, offset) decides, so of two
 * concurrent runs exactly one gets `true` (PostgreSQL makes the second wait for the first's commit, then
 * inserts nothing). The caller notifies only on `true`, in the same transaction.
 */
export async function claimReminder(
  db: Kysely<DB>,
  r: SentReminder & { sentAt: string; recipients: number },
): Promise<boolean> {
  const res = await db
    .insertInto('project_report_reminders')
    .values({
      project_id: r.projectId,
      kind: r.kind,
      due_on: r.dueOn,
      offset_days: r.offset,
      sent_at: r.sentAt,
      recipients: r.recipients,
    })
    .onConflict((oc) => oc.columns(['project_id', 'kind', 'due_on', 'offset_days']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Who a reminder went to and how (notifications' deliveries), written with its claim (migration 0061). */
export async function recordDeliveries(
  db: Kysely<DB>,
  r: SentReminder,
  deliveries: readonly ReminderDelivery[],
): Promise<void> {
  await db
    .updateTable('project_report_reminders')
    .set({ deliveries_json: toJsonColumn(deliveries) })
    .where('project_id', '=', r.projectId)
    .where('kind', '=', r.kind)
    .where('due_on', '=', r.dueOn)
    .where('offset_days', '=', r.offset)
    .execute();
}

export interface ReminderDelivery {
  userId: string;
  name: string;
  email: boolean;
}
export interface SentReminderRecord extends SentReminder {
  sentAt: string;
  recipients: number;
  /** Null for reminders sent before migration 0061, which kept only the count. */
  deliveries: ReminderDelivery[] | null;
}

/** The reminders sent for a project, in the order they went out. */
export async function remindersSentFor(db: Kysely<DB>, projectId: string): Promise<SentReminderRecord[]> {
  const rows = await db
    .selectFrom('project_report_reminders')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('sent_at')
    .orderBy('offset_days')
    .execute();
  return rows.map((r) => ({
    projectId: r.project_id,
    kind: r.kind as ReportKind,
    dueOn: r.due_on,
    offset: Number(r.offset_days),
    sentAt: r.sent_at,
    recipients: Number(r.recipients),
    deliveries: r.deliveries_json === null ? null : jsonColumn<ReminderDelivery[]>(r.deliveries_json),
  }));
}

export interface StoredRun<L> {
  ranAt: string;
  on: string;
  lines: L[];
}

/** Replaces the platform's last run (its lines as JSON). */
export async function saveLastRun<L>(db: Kysely<DB>, platformId: string, run: StoredRun<L>): Promise<void> {
  const values = { ran_at: run.ranAt, on_day: run.on, lines_json: toJsonColumn(run.lines) };
  await db
    .insertInto('project_reminder_runs')
    .values({ platform_id: platformId, ...values })
    .onConflict((oc) => oc.column('platform_id').doUpdateSet(values))
    .execute();
}

export async function findLastRun<L>(db: Kysely<DB>, platformId: string): Promise<StoredRun<L> | undefined> {
  const r = await db
    .selectFrom('project_reminder_runs')
    .selectAll()
    .where('platform_id', '=', platformId)
    .executeTakeFirst();
  return r && { ranAt: r.ran_at, on: r.on_day, lines: jsonColumn<L[]>(r.lines_json) };
}
