import { ERROR_MESSAGES, type ErrorCode } from '../../../common/error-codes.js';
import { scheduleOf } from '../../../common/projects.amendments.js';
import type { Trx } from '../../db/write.js';
import { write } from '../../db/write.js';
import type { Ctx } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { findCheck, reportsOf } from './checks/checks.repository.js';
import { isLeadSigner } from './projects.agreement.js';
import { frozenSchedules } from './projects.agreement.repository.js';
import { deleteEvidence, type Evidence, findEvidence } from './projects.evidence.repository.js';
import { REPORTING_STATES } from './projects.reports.js';
import { submittedReports } from './projects.reports.repository.js';
import type { ProjectRecord } from './projects.repository.js';
import { findProject } from './projects.repository.js';
import { readableProject } from './projects.service.js';

/**
 * Files attached to a project's reports (issue 13): a report of the schedule (`report`, ref `kind:dueOn`)
 * and a check report (`check_report`, ref the check's id). Stored as the project's evidence files (the same
 * checks, storage and downloads); the lead organisation's side attaches and removes them while the report
 * is a draft; once submitted they are frozen with it — the report's sha256 covers theirs — and the
 * funder's officers, as every reader of the project, read them.
 */
export const REPORT_FILE_SUBJECTS: readonly string[] = ['report', 'check_report'];

const atRef = (code: ErrorCode) =>
  new AppError(422, code, {
    errors: [{ in: 'querystring', pointer: '/ref', code, message: ERROR_MESSAGES[code] }],
  });

/** The ids of a check's files frozen with one of its submitted report versions. */
async function frozenCheckFiles(db: Trx, checkId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const r of await reportsOf(db, [checkId]))
    for (const a of (r.report as { attachments?: { id: string }[] }).attachments ?? []) ids.add(a.id);
  return ids;
}

/**
 * Throws unless the caller may attach or remove files of this report now: the lead's side (403), a report
 * of the schedule not yet submitted (409 `projects.report_files_frozen`; 422 at `/ref` when the schedule
 * has no such report) while the project reports, or a check waiting for its report (409 naming the state).
 */
export async function assertReportDraft(
  db: Trx,
  ctx: Pick<Ctx, 'actor'>,
  p: ProjectRecord,
  subject: 'report' | 'check_report',
  ref: string,
): Promise<void> {
  if (!(await isLeadSigner(db, ctx, p))) throw forbidden();
  if (subject === 'check_report') {
    const check = await findCheck(db, ref);
    if (!check || check.projectId !== p.id) throw atRef('project_checks.not_found');
    if (check.state !== 'open' && check.state !== 'rectification')
      throw new AppError(409, 'project_checks.wrong_state', { state: check.state });
    return;
  }
  const schedules = await frozenSchedules(db, [p.id]);
  if (!schedules.has(p.id)) throw new AppError(409, 'projects.agreement_unsigned');
  if (!REPORTING_STATES.includes(p.state))
    throw new AppError(409, 'projects.illegal_transition', {
      state: p.state,
      detail: `The project is ${p.state}`,
    });
  const [kind, dueOn] = ref.split(':');
  if (
    !scheduleOf(p.startsOn, p.endsOn, schedules.get(p.id)).some((r) => r.kind === kind && r.dueOn === dueOn)
  )
    throw atRef('projects.report_not_scheduled');
  if ((await submittedReports(db, [p.id])).some((r) => r.kind === kind && r.dueOn === dueOn))
    throw new AppError(409, 'projects.report_files_frozen');
}

/** Which of these files the caller may remove now (report files of a draft, by the lead's side). */
export async function removableFiles(db: Trx, ctx: Ctx, p: ProjectRecord, items: Evidence[]) {
  const out = new Set<string>();
  const drafts = new Map<string, boolean>();
  for (const e of items) {
    if (e.subject !== 'report' && e.subject !== 'check_report') continue;
    const key = `${e.subject} ${e.subjectRef}`;
    if (!drafts.has(key))
      drafts.set(
        key,
        await assertReportDraft(db, ctx, p, e.subject, e.subjectRef).then(
          () => true,
          () => false,
        ),
      );
    if (!drafts.get(key)) continue;
    if (e.subject === 'check_report' && (await frozenCheckFiles(db, e.subjectRef)).has(e.id)) continue;
    out.add(e.id);
  }
  return out;
}

/**
 * Removes a file from a report still being written. Refused with nothing written: a milestone's or
 * spending entry's evidence (409 `projects.evidence_kept`), a file of a submitted report or frozen with a
 * check report's earlier version (409 `projects.report_files_frozen`), or as assertReportDraft refuses.
 */
export async function deleteReportFile(ctx: Ctx, projectId: string, evidenceId: string): Promise<void> {
  await readableProject(ctx, projectId);
  await write(ctx, async (trx, audit) => {
    const p = (await findProject(trx, projectId, ctx.seam))!;
    const e = await findEvidence(trx, projectId, evidenceId);
    if (!e) throw notFound('projects.report_file_not_found');
    if (e.subject !== 'report' && e.subject !== 'check_report') {
      if (!(await isLeadSigner(trx, ctx, p))) throw forbidden();
      throw new AppError(409, 'projects.evidence_kept');
    }
    await assertReportDraft(trx, ctx, p, e.subject, e.subjectRef);
    if (e.subject === 'check_report' && (await frozenCheckFiles(trx, e.subjectRef)).has(e.id))
      throw new AppError(409, 'projects.report_files_frozen');
    await deleteEvidence(trx, projectId, evidenceId);
    await audit({
      action: 'project.report_file_deleted',
      entityType: 'project',
      entityId: projectId,
      platformId: p.platformId,
      before: { evidenceId, subject: e.subject, ref: e.subjectRef, fileName: e.fileName, sha256: e.sha256 },
    });
  });
}
