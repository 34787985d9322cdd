import { scheduleOf } from '../../../common/projects.amendments.js';
import {
  DEFAULT_REMINDER_SETTINGS,
  type ReminderDue,
  type ReminderSettings,
  remindersDue,
} from '../../../common/projects.reminders.js';
import { reportStatuses } from '../../../common/projects.reports.js';
import type { Trx } from '../../db/write.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { notify } from '../notifications/notifications.service.js';
import { allPlatformIds } from '../platforms/platforms.lookup.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { leadSideUserIds } from './projects.agreement.js';
import { frozenSchedules } from './projects.agreement.repository.js';
import { can, readsAllProjects } from './projects.policy.js';
import {
  claimReminder,
  findLastRun,
  findReminderSettings,
  recordDeliveries,
  saveLastRun,
  saveReminderSettings,
  sentReminders,
} from './projects.reminders.repository.js';
import type {
  LastReminderRunView,
  ReminderRun,
  ReminderRunItem,
  ReminderRunLine,
  ReminderSettingsInput,
  ReminderSettingsView,
} from './projects.reminders.schema.js';
import { LIST_LIMIT, REPORTING_STATES, today } from './projects.reports.js';
import { submittedReports } from './projects.reports.repository.js';
import { listProjectRecords, type ProjectRecord } from './projects.repository.js';

/**
 * Reminders of reports due (issue 13, docs/projects.md, docs/adr/0033). Each platform's admins set, once,
 * the days before a report is due and after it is overdue; a run (the server's timer, or `commonlab
 * projects remind`) tells the lead side of each project in-app and by e-mail, once per report and offset:
 * the row of project_report_reminders is the claim, written with the notifications in one transaction.
 */

const KIND_WORDS = {
  annual: { zh: '年度报告', en: 'annual report' },
  interim: { zh: '中期报告', en: 'interim report' },
  final: { zh: '结题报告', en: 'final report' },
} as const;

/** The platform's settings, or the defaults while it has saved none. */
export async function reminderSettingsOf(db: Trx, platformId: string): Promise<ReminderSettings> {
  const s = await findReminderSettings(db, platformId);
  return s
    ? { enabled: s.enabled, daysBefore: s.daysBefore, daysAfter: s.daysAfter }
    : DEFAULT_REMINDER_SETTINGS;
}

async function settingsView(ctx: Ctx, platformId: string): Promise<ReminderSettingsView> {
  const s = await findReminderSettings(ctx.db, platformId);
  const settings = s ?? DEFAULT_REMINDER_SETTINGS;
  return {
    platformId,
    enabled: settings.enabled,
    daysBefore: settings.daysBefore,
    daysAfter: settings.daysAfter,
    isDefault: !s,
    updatedAt: s?.updatedAt ?? null,
    access: { edit: can(ctx.actor, 'projects.configure', { platformId, directorUserId: null }) },
  };
}

/** Read by those who follow every project of the platform (its admins, program officers, supervisors). */
export async function getReminderSettings(ctx: Ctx, platformId: string): Promise<ReminderSettingsView> {
  await platformOrNotFound(ctx.db, platformId);
  if (!readsAllProjects(ctx.actor, platformId)) throw forbidden();
  return settingsView(ctx, platformId);
}

/** Saved by the platform's admins; audited with the settings before and after. */
export async function putReminderSettings(
  ctx: Ctx,
  platformId: string,
  input: ReminderSettingsInput,
): Promise<ReminderSettingsView> {
  await platformOrNotFound(ctx.db, platformId);
  if (!can(ctx.actor, 'projects.configure', { platformId, directorUserId: null })) throw forbidden();
  // Kept in day order, so the stored list reads as the reminders go out.
  const next: ReminderSettings = {
    enabled: input.enabled,
    daysBefore: [...input.daysBefore].sort((a, b) => b - a),
    daysAfter: [...input.daysAfter].sort((a, b) => a - b),
  };
  await write(ctx, async (trx, audit) => {
    const before = await reminderSettingsOf(trx, platformId);
    await saveReminderSettings(trx, platformId, {
      ...next,
      updatedBy: ctx.actor?.userId || null,
      updatedAt: isoNow(ctx.clock),
    });
    await audit({
      action: 'project.reminder_settings_updated',
      entityType: 'platform',
      entityId: platformId,
      platformId,
      before,
      after: next,
    });
  });
  return settingsView(ctx, platformId);
}

/** The platform's last run of the reminders, each line with its outcome (who may read the settings). */
export async function lastReminderRun(ctx: Ctx, platformId: string): Promise<LastReminderRunView> {
  await platformOrNotFound(ctx.db, platformId);
  if (!readsAllProjects(ctx.actor, platformId)) throw forbidden();
  const run = await findLastRun<ReminderRunLine>(ctx.db, platformId);
  return { platformId, ranAt: run?.ranAt ?? null, on: run?.on ?? null, lines: run?.lines ?? [] };
}

interface Candidate {
  project: ProjectRecord;
  reminder: ReminderDue;
}

/** The reminders the platform's projects call for on `on`, less those already sent. */
async function candidatesOf(ctx: Ctx, platformId: string, on: string): Promise<Candidate[]> {
  const settings = await reminderSettingsOf(ctx.db, platformId);
  if (!settings.enabled) return [];
  const { items } = await listProjectRecords(
    ctx.db,
    { platformId, kind: 'extramural' },
    { limit: LIST_LIMIT, offset: 0 },
  );
  const running = items.filter((p) => REPORTING_STATES.includes(p.state));
  const frozen = await frozenSchedules(
    ctx.db,
    running.map((p) => p.id),
  );
  const owing = running.filter((p) => frozen.has(p.id));
  const ids = owing.map((p) => p.id);
  const [submitted, sent] = await Promise.all([submittedReports(ctx.db, ids), sentReminders(ctx.db, ids)]);
  return owing.flatMap((project) =>
    remindersDue(
      reportStatuses(
        scheduleOf(project.startsOn, project.endsOn, frozen.get(project.id)),
        submitted.filter((s) => s.projectId === project.id),
        on,
      ),
      settings,
      on,
    )
      .filter(
        (r) =>
          !sent.some(
            (s) =>
              s.projectId === project.id && s.kind === r.kind && s.dueOn === r.dueOn && s.offset === r.offset,
          ),
      )
      .map((reminder) => ({ project, reminder })),
  );
}

/**
 * Sends one reminder unless a concurrent run did, or the report was submitted meanwhile: the submission
 * check, the claim, the notifications and the audit entry are one transaction.
 */
async function send(
  ctx: Ctx,
  c: Candidate,
  userIds: string[],
): Promise<'sent' | 'already_sent' | 'submitted'> {
  const { project: p, reminder: r } = c;
  return write(ctx, async (trx, audit) => {
    const submitted = (await submittedReports(trx, [p.id])).some(
      (s) => s.kind === r.kind && s.dueOn === r.dueOn,
    );
    if (submitted) return 'submitted';
    const sentAt = isoNow(ctx.clock);
    const claimed = await claimReminder(trx, { projectId: p.id, ...r, sentAt, recipients: userIds.length });
    if (!claimed) return 'already_sent';
    const deliveries = await notify(trx, ctx, {
      userIds,
      kind: r.offset > 0 ? 'project.report_overdue' : 'project.report_due_soon',
      platformId: p.platformId,
      entityType: 'project_reports',
      entityId: p.id,
      params: {
        code: p.code,
        projectTitleZh: p.titleZh,
        projectTitleEn: p.titleEn,
        reportKindZh: KIND_WORDS[r.kind].zh,
        reportKindEn: KIND_WORDS[r.kind].en,
        dueOn: r.dueOn,
        days: Math.abs(r.daysLeft),
      },
    });
    // To whom and how, as sent: the project's 报告 tab shows it (docs/projects.md "Reminders sent").
    await recordDeliveries(trx, { projectId: p.id, ...r }, deliveries);
    await audit({
      action: 'project.report_reminder_sent',
      entityType: 'project',
      entityId: p.id,
      platformId: p.platformId,
      after: { kind: r.kind, dueOn: r.dueOn, offset: r.offset, recipients: userIds.length },
    });
    return 'sent';
  });
}

/**
 * One run of the reminders: every platform (or one), as of `on` (an ISO date; default the clock's day).
 * A dry run writes nothing and lists what it would send. Run by the server's timer and the CLI, with the
 * server's own actor; there is no route for it.
 */
export async function runReminders(
  ctx: Ctx,
  opts: { platformId?: string; dryRun?: boolean; on?: string } = {},
): Promise<ReminderRun> {
  const on = opts.on ?? today(ctx);
  const run: ReminderRun = { on, dryRun: !!opts.dryRun, sent: [], skipped: [] };
  const platformIds = opts.platformId ? [opts.platformId] : await allPlatformIds(ctx.db);
  for (const platformId of platformIds) {
    const lines: ReminderRunLine[] = [];
    for (const c of await candidatesOf(ctx, platformId, on)) {
      const userIds = await leadSideUserIds(ctx.db, c.project);
      const item: ReminderRunItem = {
        platformId,
        projectId: c.project.id,
        code: c.project.code,
        kind: c.reminder.kind,
        dueOn: c.reminder.dueOn,
        offset: c.reminder.offset,
        recipients: userIds.length,
      };
      const outcome =
        userIds.length === 0 ? 'no_recipient' : run.dryRun ? 'sent' : await send(ctx, c, userIds);
      if (outcome === 'sent') run.sent.push(item);
      else run.skipped.push({ ...item, reason: outcome });
      lines.push({ ...item, titleZh: c.project.titleZh, titleEn: c.project.titleEn, outcome });
    }
    // The platform's last run, for its admins (lastReminderRun); a dry run leaves the last real one.
    if (!run.dryRun) await saveLastRun(ctx.db, platformId, { ranAt: isoNow(ctx.clock), on, lines });
  }
  return run;
}
