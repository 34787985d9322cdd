import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../common/canonical-json.js';
import { scheduleOf } from '../../../common/projects.amendments.js';
import { reportStatuses } from '../../../common/projects.reports.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow } from '../../http/context.js';
import { AppError, forbidden, invalidField } from '../../http/errors.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { isLeadSigner } from './projects.agreement.js';
import { frozenSchedules } from './projects.agreement.repository.js';
import { reportFiles } from './projects.evidence.repository.js';
import { can } from './projects.policy.js';
import { remindersSentFor } from './projects.reminders.repository.js';
import { insertReport, submittedReports } from './projects.reports.repository.js';
import type {
  ProjectReports,
  ReportSubmissionInput,
  ReportsDueList,
  ReportsDueQuery,
} from './projects.reports.schema.js';
import { findProject, listProjectRecords, type ProjectRecord } from './projects.repository.js';
import { readableProject, scopeOf } from './projects.service.js';

/**
 * Reports due (issue 13): a project with a frozen 任务书 owes the reports of its reporting schedule
 * (annual, interim, final; computed from the project's current dates, so an approved extension moves the
 * final report). The lead organisation's side submits each once; one list across the projects the caller
 * reads shows what is due, overdue and submitted.
 */

/** While reports are written: from execution to the end of final acceptance and rectification. */
export const REPORTING_STATES: readonly string[] = [
  'in_progress',
  'interim_check',
  'final_acceptance',
  'rectification',
];
/** The most projects one list reads; a platform's running portfolio is far smaller. */
export const LIST_LIMIT = 10_000;

export const today = (ctx: Pick<Ctx, 'clock'>) => isoNow(ctx.clock).slice(0, 10);

export async function listProjectReports(ctx: Ctx, projectId: string): Promise<ProjectReports> {
  const p = await readableProject(ctx, projectId);
  const schedules = await frozenSchedules(ctx.db, [projectId]);
  const frozen = schedules.has(projectId);
  const [submitted, reminders] = await Promise.all([
    submittedReports(ctx.db, [projectId]),
    remindersSentFor(ctx.db, projectId),
  ]);
  const items = frozen
    ? reportStatuses(scheduleOf(p.startsOn, p.endsOn, schedules.get(projectId)), submitted, today(ctx))
    : [];
  return {
    projectId,
    items: items.map((r) => ({
      ...r,
      body: submitted.find((s) => s.kind === r.kind && s.dueOn === r.dueOn)?.body ?? null,
      reminders: reminders
        .filter((m) => m.kind === r.kind && m.dueOn === r.dueOn)
        .map(({ offset, sentAt, recipients, deliveries }) => ({ offset, sentAt, recipients, deliveries })),
      sha256: submitted.find((s) => s.kind === r.kind && s.dueOn === r.dueOn)?.sha256 ?? null,
    })),
    access: {
      submit:
        frozen &&
        REPORTING_STATES.includes(p.state) &&
        items.some((r) => r.status !== 'submitted') &&
        (await isLeadSigner(ctx.db, ctx, p)),
    },
  };
}

/**
 * Submits one report of the schedule: the lead organisation's side, while the project runs. Refused with
 * nothing written: a report not in the schedule (400 `/dueOn`), one already submitted (409
 * `projects.report_submitted`), before the 任务书 is frozen or outside the reporting states (409).
 */
export async function submitProjectReport(
  ctx: Ctx,
  projectId: string,
  input: ReportSubmissionInput,
): Promise<ProjectReports> {
  await readableProject(ctx, projectId);
  await write(
    ctx,
    async (trx, audit) => {
      const p = (await findProject(trx, projectId, ctx.seam))!;
      if (!(await isLeadSigner(trx, ctx, p))) throw forbidden();
      const schedules = await frozenSchedules(trx, [projectId]);
      if (!schedules.has(projectId)) throw new AppError(409, 'projects.agreement_unsigned');
      if (!REPORTING_STATES.includes(p.state))
        throw new AppError(409, 'projects.illegal_transition', {
          state: p.state,
          detail: `The project is ${p.state}`,
        });
      const scheduled = scheduleOf(p.startsOn, p.endsOn, schedules.get(projectId)).some(
        (r) => r.kind === input.kind && r.dueOn === input.dueOn,
      );
      if (!scheduled) throw invalidField('/dueOn', 'projects.report_not_scheduled');
      const already = (await submittedReports(trx, [projectId])).some(
        (r) => r.kind === input.kind && r.dueOn === input.dueOn,
      );
      if (already) throw new AppError(409, 'projects.report_submitted');
      // Frozen with the files attached while it was a draft: the report's hash covers theirs.
      const files = await reportFiles(trx, projectId, 'report', `${input.kind}:${input.dueOn}`);
      const report = {
        projectId,
        ...input,
        submittedBy: ctx.actor?.userId || null,
        submittedAt: isoNow(ctx.clock),
      };
      const sha256 = createHash('sha256')
        .update(canonicalJson({ ...report, files }))
        .digest('hex');
      await insertReport(trx, { ...report, sha256 });
      await audit({
        action: 'project.report_submitted',
        entityType: 'project',
        entityId: projectId,
        platformId: p.platformId,
        after: { kind: input.kind, dueOn: input.dueOn, sha256, files: files.length },
      });
    },
    { retryOnUniqueViolation: true },
  );
  return listProjectReports(ctx, projectId);
}

/**
 * The reports of every project of the platform the caller reads (the same scope as the project list),
 * soonest first, with the counts per status. A terminated project owes nothing more; what it submitted
 * stays listed.
 */
export async function listReportsDue(
  ctx: Ctx,
  platformId: string,
  q: ReportsDueQuery,
): Promise<ReportsDueList> {
  await platformOrNotFound(ctx.db, platformId);
  if (!can(ctx.actor, 'projects.list', { platformId, directorUserId: null })) throw forbidden();
  const scope = await scopeOf(ctx.db, ctx.actor, platformId);
  const { items: projects } = await listProjectRecords(
    ctx.db,
    { platformId, scope, kind: 'extramural', ...(q.state ? { state: q.state } : {}) },
    { limit: LIST_LIMIT, offset: 0 },
  );
  const frozen = await frozenSchedules(
    ctx.db,
    projects.map((p) => p.id),
  );
  const owing = projects.filter((p) => frozen.has(p.id));
  const submitted = await submittedReports(
    ctx.db,
    owing.map((p) => p.id),
  );
  const status = q.overdue === 'true' ? 'overdue' : q.status;
  const rows = owing.flatMap((p: ProjectRecord) =>
    reportStatuses(
      scheduleOf(p.startsOn, p.endsOn, frozen.get(p.id)),
      submitted.filter((s) => s.projectId === p.id),
      today(ctx),
    )
      .filter((r) => p.state !== 'terminated' || r.status === 'submitted')
      // A date window narrows the list and its counts: a project running for decades owes dozens of reports.
      .filter((r) => !q.before || r.dueOn <= q.before)
      .map((r) => ({
        projectId: p.id,
        code: p.code,
        titleZh: p.titleZh,
        titleEn: p.titleEn,
        state: p.state,
        ...r,
      })),
  );
  const counts = { due: 0, overdue: 0, submitted: 0 };
  for (const r of rows) counts[r.status]++;
  return {
    items: rows
      .filter((r) => !status || r.status === status)
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.code.localeCompare(b.code)),
    counts,
  };
}
