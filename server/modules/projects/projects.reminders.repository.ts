import type { Kysely } from 'kysely';
import type { ReminderSettings } from '../../../common/projects.reminders.js';
import type { ReportKind } from '../../../common/projects.reports.js';
import {
  camelRow,
  flag,
  insertRow,
  jsonColumn,
  type RowValue,
  toFlag,
  toJsonColumn,
  updateRow,
} from '../../db/rows.js';
import type {
  DB,
  ProjectReminderRunsTable,
  ProjectReminderSettingsTable,
  ProjectReportRemindersTable,
} from '../../db/schema.js';

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
  if (!r) return undefined;
  const { enabled, daysBeforeJson, daysAfterJson, updatedBy, updatedAt } = camelRow(r);
  return {
    enabled: flag(enabled),
    daysBefore: jsonColumn<number[]>(daysBeforeJson),
    daysAfter: jsonColumn<number[]>(daysAfterJson),
    updatedBy,
    updatedAt,
  };
}

/** Inserts or replaces the platform's settings. */
export async function saveReminderSettings(
  db: Kysely<DB>,
  platformId: string,
  s: StoredReminderSettings,
): Promise<void> {
  const row = insertRow<ProjectReminderSettingsTable>({
    platformId,
    enabled: toFlag(s.enabled),
    daysBeforeJson: toJsonColumn(s.daysBefore),
    daysAfterJson: toJsonColumn(s.daysAfter),
    updatedBy: s.updatedBy,
    updatedAt: s.updatedAt,
  });
  const { platform_id: _platformId, ...values } = row;
  await db
    .insertInto('project_reminder_settings')
    .values(row)
    .onConflict((oc) => oc.column('platform_id').doUpdateSet(values))
    .execute();
}

export interface SentReminder {
  projectId: string;
  kind: ReportKind;
  dueOn: string;
  offset: number;
}

const toSent = (
  r: Pick<RowValue<ProjectReportRemindersTable>, 'projectId' | 'kind' | 'dueOn' | 'offsetDays'>,
) => ({
  projectId: r.projectId,
  kind: r.kind as ReportKind,
  dueOn: r.dueOn,
  offset: Number(r.offsetDays),
});

/** The reminders already sent for these projects. */
export async function sentReminders(db: Kysely<DB>, projectIds: readonly string[]): Promise<SentReminder[]> {
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectFrom('project_report_reminders')
    .select(['project_id', 'kind', 'due_on', 'offset_days'])
    .where('project_id', 'in', [...projectIds])
    .execute();
  return rows.map((row) => toSent(camelRow(row)));
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
    .values(
      insertRow<ProjectReportRemindersTable>({
        projectId: r.projectId,
        kind: r.kind,
        dueOn: r.dueOn,
        offsetDays: r.offset,
        sentAt: r.sentAt,
        recipients: r.recipients,
        deliveriesJson: null,
      }),
    )
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
    .set(updateRow<ProjectReportRemindersTable>({ deliveriesJson: toJsonColumn(deliveries) }))
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
  return rows.map((row) => {
    const r = camelRow(row);
    return {
      ...toSent(r),
      sentAt: r.sentAt,
      recipients: Number(r.recipients),
      deliveries: jsonColumn<ReminderDelivery[]>(r.deliveriesJson),
    };
  });
}

export interface StoredRun<L> {
  ranAt: string;
  on: string;
  lines: L[];
}

/** Replaces the platform's last run (its lines as JSON). */
export async function saveLastRun<L>(db: Kysely<DB>, platformId: string, run: StoredRun<L>): Promise<void> {
  const row = insertRow<ProjectReminderRunsTable>({
    platformId,
    ranAt: run.ranAt,
    onDay: run.on,
    linesJson: toJsonColumn(run.lines),
  });
  const { platform_id: _platformId, ...values } = row;
  await db
    .insertInto('project_reminder_runs')
    .values(row)
    .onConflict((oc) => oc.column('platform_id').doUpdateSet(values))
    .execute();
}

export async function findLastRun<L>(db: Kysely<DB>, platformId: string): Promise<StoredRun<L> | undefined> {
  const r = await db
    .selectFrom('project_reminder_runs')
    .selectAll()
    .where('platform_id', '=', platformId)
    .executeTakeFirst();
  if (!r) return undefined;
  const { ranAt, onDay, linesJson } = camelRow(r);
  return { ranAt, on: onDay, lines: jsonColumn<L[]>(linesJson) };
}
