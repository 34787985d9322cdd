import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../common/canonical-json.js';
import { ERROR_MESSAGES, type ErrorCode } from '../../../common/error-codes.js';
import { type AgreementTerms, agreementDiff, scheduleOf } from '../../../common/projects.amendments.js';
import type { Trx } from '../../db/write.js';
import { AppError, invalidField } from '../../http/errors.js';
import { findAgreement } from './projects.agreement.repository.js';
import { type AgreementContent, agreementContent } from './projects.agreement.schema.js';
import type { AmendmentRecord } from './projects.amendments.repository.js';
import { type AmendmentChanges, amendmentChanges } from './projects.amendments.schema.js';
import { milestoneReviewsOf } from './projects.milestones.repository.js';
import { submittedReports } from './projects.reports.repository.js';
import type { ProjectRecord } from './projects.repository.js';
import { structureOf } from './projects.structure.repository.js';

/**
 * The terms an amendment changes (issue 13, docs/adr/0041): the current version's terms, the terms an
 * amendment would give and the checks on them, and the canonical JSON a new version is frozen as.
 */

const unprocessable = (pointer: string, code: ErrorCode) =>
  new AppError(422, code, { errors: [{ in: 'body', pointer, code, message: ERROR_MESSAGES[code] }] });

/** The current 任务书 (frozen) with the terms an amendment compares; null when it is not frozen. */
export async function currentTerms(db: Trx, p: ProjectRecord) {
  const a = await findAgreement(db, p.id);
  if (!a?.frozenAt || !a.checksum) return null;
  const content = agreementContent.parse(a.content);
  return {
    version: a.version,
    checksum: a.checksum,
    content,
    terms: await termsOf(db, p, content, p.endsOn),
  };
}

/** The terms of a version: the objectives it states (else the application's), its schedule. */
export async function termsOf(
  db: Trx,
  p: Pick<ProjectRecord, 'id' | 'startsOn'>,
  content: AgreementContent,
  endsOn: string,
): Promise<AgreementTerms> {
  const objectives = content.objectives ?? (await structureOf(db, p.id)).objectives.map((o) => o.text);
  return {
    endsOn,
    objectives,
    indicators: content.indicators,
    milestones: content.milestones,
    schedule: scheduleOf(p.startsOn, endsOn, content.schedule),
  };
}

/** The changes of a stored amendment (validated when proposed). */
export const changesOf = (a: AmendmentRecord): AmendmentChanges => amendmentChanges.parse(a.changes);

/**
 * The content and end date the amendment gives, checked against the project as it is now. Refused with
 * the field: nothing changed (400 `/changes`), an end not after the start (400 `/changes/endsOn`), a report
 * outside the project, twice, or no final report (400 under `/changes/schedule`, or `/changes/endsOn` when
 * only the end moved), a submitted report dropped from the schedule or an accepted milestone changed
 * (422: what is done stays as it was).
 */
export async function amendedTerms(db: Trx, p: ProjectRecord, changes: AmendmentChanges) {
  const current = await currentTerms(db, p);
  if (!current) throw new AppError(409, 'projects.agreement_unsigned');
  const { endsOn: newEnd, ...sections } = changes;
  const endsOn = newEnd ?? p.endsOn;
  if (endsOn <= p.startsOn) throw invalidField('/changes/endsOn', 'projects.amendment_ends_before_start');
  const content: AgreementContent = { ...current.content, ...sections };
  const terms = await termsOf(db, p, content, endsOn);
  const at = changes.schedule ? '/changes/schedule' : '/changes/endsOn';
  const seen = new Set<string>();
  for (const r of terms.schedule) {
    const where = changes.schedule ? `${at}/${changes.schedule.indexOf(r)}` : at;
    if (r.dueOn < p.startsOn || r.dueOn > endsOn)
      throw invalidField(changes.schedule ? `${where}/dueOn` : at, 'projects.report_outside_project');
    if (seen.has(`${r.kind} ${r.dueOn}`)) throw invalidField(where, 'projects.report_repeated');
    seen.add(`${r.kind} ${r.dueOn}`);
  }
  if (!terms.schedule.some((r) => r.kind === 'final'))
    throw invalidField(at, 'projects.final_report_missing');
  for (const s of await submittedReports(db, [p.id]))
    if (!seen.has(`${s.kind} ${s.dueOn}`)) throw unprocessable(at, 'projects.submitted_report_removed');
  for (const r of await milestoneReviewsOf(db, p.id)) {
    if (r.state !== 'accepted') continue;
    if (
      canonicalJson(current.content.milestones[r.milestone]) !==
      canonicalJson(content.milestones[r.milestone])
    )
      throw unprocessable(`/changes/milestones/${r.milestone}`, 'projects.deliverable_locked');
  }
  const diff = agreementDiff(current.terms, terms);
  if (diff.length === 0) throw invalidField('/changes', 'projects.amendment_empty');
  return { current, content, endsOn, terms, diff };
}

/** The canonical JSON and sha256 of a version frozen by an approved amendment. */
export function versionSnapshot(
  p: ProjectRecord,
  v: {
    version: number;
    previousChecksum: string;
    content: AgreementContent;
    terms: AgreementTerms;
    amendment: Record<string, unknown>;
  },
) {
  const json = canonicalJson({
    projectId: p.id,
    code: p.code,
    currency: p.currency,
    startsOn: p.startsOn,
    endsOn: v.terms.endsOn,
    version: v.version,
    previousChecksum: v.previousChecksum,
    content: v.content,
    schedule: v.terms.schedule,
    amendment: v.amendment,
  });
  return { json, checksum: createHash('sha256').update(json).digest('hex') };
}
