import type { AttachmentType } from '../../../common/calls.js';
import { ERROR_MESSAGES, type ErrorCode } from '../../../common/error-codes.js';
import { type Trx, write } from '../../db/write.js';
import { attachmentsDir, readStoredFile, sha256Of, storeFile } from '../../files/stored-files.js';
import { type AttachmentRule, checkAttachment, type UploadedFile } from '../../files/upload.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { findCheck } from './checks/checks.repository.js';
import { isLeadSigner } from './projects.agreement.js';
import { type Evidence, evidenceOf, findEvidence, insertEvidence } from './projects.evidence.repository.js';
import type { EvidenceList, EvidenceUploadQuery, EvidenceView } from './projects.evidence.schema.js';
import { frozenMilestones, refusal } from './projects.milestones.js';
import { milestoneReviewsOf } from './projects.milestones.repository.js';
import { can } from './projects.policy.js';
import { assertReportDraft, REPORT_FILE_SUBJECTS, removableFiles } from './projects.report-files.js';
import { findProject, type ProjectRecord } from './projects.repository.js';
import { projectResource, readableProject } from './projects.service.js';
import { mayRecord } from './projects.spending.js';
import { spendingOf } from './projects.spending.repository.js';

/**
 * Evidence files (issue 13): the lead organisation's side attaches files to a milestone's completion, and
 * whoever books spending attaches the invoice or receipt to an entry. The checks are those of application
 * attachments (type from the bytes, the name claiming the same type, a size limit), the files are stored
 * by sha256 under server/files, and every reader of the project may download them.
 */

/** The largest evidence file: the size of a call's largest attachment by default. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
/** Documents and pictures: PDF, Word, Excel, PNG/JPEG. */
const EVIDENCE: AttachmentRule = { maxBytes: EVIDENCE_MAX_BYTES, types: ['pdf', 'docx', 'xlsx', 'image'] };

const problem = (
  status: number,
  code: ErrorCode,
  where: 'body' | 'querystring',
  pointer: string,
  extra = {},
) =>
  new AppError(status, code, {
    ...extra,
    errors: [{ in: where, pointer, code, message: ERROR_MESSAGES[code] }],
  });

const view = (e: Evidence, removable: boolean): EvidenceView => ({
  id: e.id,
  subject: e.subject,
  ref: e.subjectRef,
  fileName: e.fileName,
  type: e.type as AttachmentType,
  mediaType: e.mediaType,
  sizeBytes: e.sizeBytes,
  sha256: e.sha256,
  uploadedAt: e.createdAt,
  removable,
});

/**
 * Whether the caller may attach evidence to this subject now: a milestone while the lead's side may
 * submit it (not after it was accepted: 409 `projects.deliverable_locked`), a spending entry of this
 * project for whoever may book spending, an audit report to a final check under review for the
 * funder's side, a report still being written for the lead's side (projects.report-files.ts). Throws
 * the refusal.
 */
async function assertMayAttach(db: Trx, ctx: Ctx, p: ProjectRecord, q: EvidenceUploadQuery): Promise<void> {
  if (q.subject === 'audit_report') {
    // The audit firm's report goes with the financial review, so only while that review may be made.
    if (!can(ctx.actor, 'projects.manage', await projectResource(db, p))) throw forbidden();
    const check = await findCheck(db, q.ref);
    if (!check || check.projectId !== p.id || check.kind !== 'final')
      throw problem(422, 'project_checks.not_found', 'querystring', '/ref');
    if (check.state !== 'under_review')
      throw new AppError(409, 'project_checks.wrong_state', { state: check.state });
    return;
  }
  if (q.subject === 'report' || q.subject === 'check_report')
    return assertReportDraft(db, ctx, p, q.subject, q.ref);
  if (q.subject === 'milestone') {
    const milestones = await frozenMilestones(db, p.id);
    if (!(await isLeadSigner(db, ctx, p))) throw forbidden();
    const refused = refusal(p, milestones);
    if (refused) throw refused;
    const index = Number(q.ref);
    if (!/^\d+$/.test(q.ref) || index >= milestones!.length)
      throw problem(422, 'projects.milestone_not_found', 'querystring', '/ref');
    const review = (await milestoneReviewsOf(db, p.id)).find((r) => r.milestone === index);
    if (review?.state === 'accepted') throw new AppError(409, 'projects.deliverable_locked');
    return;
  }
  if (!(await mayRecord(db, ctx, p))) throw forbidden();
  if (!(await spendingOf(db, p.id)).some((e) => e.id === q.ref))
    throw problem(422, 'projects.spending_entry_not_found', 'querystring', '/ref');
}

/** Checks rights and the subject before the body is read, so nobody streams a file to a refusal. */
export async function checkEvidenceUpload(
  ctx: Ctx,
  projectId: string,
  q: EvidenceUploadQuery,
): Promise<void> {
  const p = await readableProject(ctx, projectId);
  await assertMayAttach(ctx.db, ctx, p, q);
}

/** Stores one evidence file; refused with nothing written on a bad file (400 empty, 413, 415). */
export async function uploadEvidence(
  ctx: Ctx,
  projectId: string,
  q: EvidenceUploadQuery,
  file: UploadedFile,
): Promise<EvidenceView> {
  await readableProject(ctx, projectId);
  const e = await write(ctx, async (trx, audit) => {
    const p = (await findProject(trx, projectId, ctx.seam))!;
    await assertMayAttach(trx, ctx, p, q);
    const sniffed = checkAttachment(file, EVIDENCE);
    const sha256 = sha256Of(file.bytes);
    storeFile(attachmentsDir(ctx), sha256, file.bytes);
    const evidence: Evidence = {
      id: newId(),
      projectId,
      subject: q.subject,
      subjectRef: q.ref,
      fileName: file.fileName,
      type: sniffed.type,
      mediaType: sniffed.mediaType,
      sizeBytes: file.bytes.length,
      sha256,
      uploadedBy: ctx.actor?.userId || null,
      createdAt: isoNow(ctx.clock),
    };
    await insertEvidence(trx, evidence);
    await audit({
      action: 'project.evidence_uploaded',
      entityType: 'project',
      entityId: projectId,
      platformId: p.platformId,
      after: { evidenceId: evidence.id, subject: q.subject, ref: q.ref, fileName: file.fileName, sha256 },
    });
    return evidence;
  });
  return view(e, REPORT_FILE_SUBJECTS.includes(e.subject));
}

export async function listEvidence(ctx: Ctx, projectId: string): Promise<EvidenceList> {
  const p = await readableProject(ctx, projectId);
  const items = await evidenceOf(ctx.db, projectId);
  const removable = await removableFiles(ctx.db, ctx, p, items);
  return { projectId, items: items.map((e) => view(e, removable.has(e.id))) };
}

/** An evidence file of a project the caller may read, its checksum verified (410 when gone). */
export async function downloadEvidence(ctx: Ctx, projectId: string, evidenceId: string) {
  await readableProject(ctx, projectId);
  const e = await findEvidence(ctx.db, projectId, evidenceId);
  if (!e) throw notFound('request.not_found');
  return { body: readStoredFile(ctx, e.sha256), mediaType: e.mediaType, fileName: e.fileName };
}
