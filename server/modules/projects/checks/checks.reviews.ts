import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../../../common/canonical-json.js';
import {
  type CheckReviewKind,
  judgeIndicator,
  valueFitsIndicator,
} from '../../../../common/project-checks.js';
import { SPENDING_CATEGORIES } from '../../../../common/projects.js';
import type { DB } from '../../../db/schema.js';
import { type Audit, type Trx, write } from '../../../db/write.js';
import { type Ctx, isoNow } from '../../../http/context.js';
import { AppError, forbidden } from '../../../http/errors.js';
import { organisationNames } from '../../orgs/orgs.lookup.js';
import { findEvidence } from '../projects.evidence.repository.js';
import { approvedPlan } from '../projects.plan.js';
import { findProject, type ProjectRecord } from '../projects.repository.js';
import { spendingTotals } from '../projects.spending.repository.js';
import { checkAccess } from './checks.access.js';
import { type Check, findCheck, reportsOf } from './checks.repository.js';
import { insertReview, reviewsOf } from './checks.reviews.repository.js';
import type {
  FinancialReview,
  FinancialReviewInput,
  TaskReview,
  TaskReviewInput,
} from './checks.reviews.schema.js';
import type { CheckReport, CheckView } from './checks.schema.js';
import { getCheck, readableCheck, wrongState } from './checks.service.js';

/**
 * The task review and the financial review of 结题验收 (issue 13; docs/projects.md "Final acceptance"),
 * recorded by the funder's side on the report version under review, each frozen (canonical JSON +
 * sha256) with its own outcome. The adoption (checks.adoption.ts) needs both and passes only when both
 * pass. A resubmitted version in 整改 is reviewed afresh.
 */

const unprocessable = (
  code:
    | 'project_checks.indicator_type'
    | 'project_checks.indicator_missing'
    | 'project_checks.audit_report_not_found',
  pointer: string,
) => new AppError(422, code, { errors: [{ in: 'body', pointer, code, message: '' }] });

/**
 * The check under review and its current report, if the caller is on the funder's side and this
 * version has no review of `kind` yet. Throws 403, 409 naming the state (or `not_final`,
 * `already_reviewed`) otherwise.
 */
async function reviewable(trx: Trx, ctx: Ctx, checkId: string, projectId: string, kind: CheckReviewKind) {
  const check = (await findCheck(trx, checkId, ctx.seam))!;
  const p = (await findProject(trx, projectId, ctx.seam))!;
  if (!(await checkAccess(trx, ctx, p)).manage) throw forbidden();
  if (check.kind !== 'final')
    throw new AppError(409, 'project_checks.not_final', {
      state: check.state,
      detail: `The check is ${check.kind}`,
    });
  if (check.state !== 'under_review') throw wrongState(check.state);
  if ((await reviewsOf(trx, checkId)).some((r) => r.version === check.version && r.kind === kind))
    throw new AppError(409, 'project_checks.already_reviewed', { state: check.state });
  const current = (await reportsOf(trx, [checkId])).find((r) => r.version === check.version)!;
  return { check, p, report: current.report as CheckReport, reportSha256: current.reportSha256 };
}

async function freeze(
  trx: Trx,
  ctx: Ctx,
  audit: Audit,
  frame: { check: Check; p: ProjectRecord },
  kind: CheckReviewKind,
  review: TaskReview | FinancialReview,
): Promise<void> {
  const json = canonicalJson(review);
  const sha256 = createHash('sha256').update(json).digest('hex');
  await insertReview(trx, {
    checkId: frame.check.id,
    version: frame.check.version,
    kind,
    outcome: review.outcome,
    json,
    sha256,
    reviewedBy: ctx.actor?.userId || null,
    reviewedAt: isoNow(ctx.clock),
  });
  await audit({
    action: kind === 'task' ? 'project_check.task_reviewed' : 'project_check.financial_reviewed',
    entityType: 'project_check',
    entityId: frame.check.id,
    platformId: frame.p.platformId,
    after: { version: frame.check.version, outcome: review.outcome, sha256 },
  });
}

/**
 * 任务审查: each indicator of the report met or not, with the actual value (the report's unless the
 * reviewer found another, typed as the indicator). An indicator not named keeps the automatic
 * judgement (met = met). Refused with nothing written: 403, 409 (state, not final, already reviewed),
 * 422 for an unknown or repeated indicator or a value of the wrong type.
 */
export async function recordTaskReview(
  ctx: Ctx,
  checkId: string,
  input: TaskReviewInput,
): Promise<CheckView> {
  const { project } = await readableCheck(ctx, checkId);
  await write(
    ctx,
    async (trx, audit) => {
      const frame = await reviewable(trx, ctx, checkId, project.id, 'task');
      const given = new Map<number, TaskReviewInput['indicators'][number]>();
      input.indicators.forEach((r, i) => {
        const ind = frame.report.indicators.find((x) => x.index === r.index);
        if (!ind || given.has(r.index))
          throw unprocessable('project_checks.indicator_missing', `/indicators/${i}/index`);
        if (r.actual !== undefined && !valueFitsIndicator(ind.type, r.actual))
          throw unprocessable('project_checks.indicator_type', `/indicators/${i}/actual`);
        given.set(r.index, r);
      });
      const review: TaskReview = {
        version: frame.check.version,
        reportSha256: frame.reportSha256,
        outcome: input.outcome,
        indicators: frame.report.indicators.map((ind) => {
          const r = given.get(ind.index);
          const actual = r?.actual ?? ind.value;
          const judgement = judgeIndicator(ind.type, ind.target, actual);
          return {
            index: ind.index,
            name: ind.name,
            type: ind.type,
            target: ind.target,
            actual,
            judgement,
            met: r?.met ?? judgement === 'met',
          };
        }),
        notes: input.notes,
      };
      await freeze(trx, ctx, audit, frame, 'task', review);
    },
    { retryOnUniqueViolation: true },
  );
  return getCheck(ctx, checkId);
}

const line = (plannedMinor: number, spentMinor: number) => ({
  plannedMinor,
  spentMinor,
  rate: plannedMinor > 0 ? Math.round((spentMinor / plannedMinor) * 10_000) / 10_000 : null,
  overspent: spentMinor > plannedMinor,
});

/**
 * Spending against the approved budget (the signed 任务书 plus approved 预算调剂) per category, per
 * member and per member × category, from the records at the time of the review.
 */
export async function financialFigures(
  db: Kysely<DB>,
  p: ProjectRecord,
): Promise<Pick<FinancialReview, 'currency' | 'total' | 'byCategory' | 'byMember' | 'overspent'>> {
  const [plan, spent] = await Promise.all([approvedPlan(db, p.id), spendingTotals(db, p.id)]);
  const planned = plan ?? [];
  const key = (o: string, c: string) => `${o}|${c}`;
  const cells = new Map<
    string,
    {
      organisationId: string;
      category: (typeof SPENDING_CATEGORIES)[number];
      plannedMinor: number;
      spentMinor: number;
    }
  >();
  for (const l of planned)
    cells.set(key(l.organisationId, l.category), { ...l, plannedMinor: l.amountMinor, spentMinor: 0 });
  for (const s of spent) {
    const k = key(s.organisationId, s.category);
    const cell = cells.get(k) ?? {
      organisationId: s.organisationId,
      category: s.category,
      plannedMinor: 0,
      spentMinor: 0,
    };
    cell.spentMinor += s.amountMinor;
    cells.set(k, cell);
  }
  const all = [...cells.values()];
  const members = [...new Set(all.map((c) => c.organisationId))];
  const names = await organisationNames(db, members);
  const name = (id: string) => names.get(id)?.nameZh ?? id;
  const sum = (xs: typeof all) =>
    line(
      xs.reduce((s, c) => s + c.plannedMinor, 0),
      xs.reduce((s, c) => s + c.spentMinor, 0),
    );
  return {
    currency: p.currency,
    total: sum(all),
    byCategory: SPENDING_CATEGORIES.map((category) => ({
      category,
      ...sum(all.filter((c) => c.category === category)),
    })),
    byMember: members.map((organisationId) => ({
      organisationId,
      name: name(organisationId),
      ...sum(all.filter((c) => c.organisationId === organisationId)),
    })),
    overspent: all
      .filter((c) => c.spentMinor > c.plannedMinor)
      .map((c) => ({ ...c, name: name(c.organisationId) })),
  };
}

/**
 * 财务审查: spending against the approved budget, computed from the records (execution rate, over-spent
 * lines), with the reviewer's outcome and notes and optionally the audit firm's report (uploaded as
 * evidence `audit_report` of this check). Refused with nothing written: 403, 409 (state, not final,
 * already reviewed), 422 for an audit report not uploaded for this check.
 */
export async function recordFinancialReview(
  ctx: Ctx,
  checkId: string,
  input: FinancialReviewInput,
): Promise<CheckView> {
  const { project } = await readableCheck(ctx, checkId);
  await write(
    ctx,
    async (trx, audit) => {
      const frame = await reviewable(trx, ctx, checkId, project.id, 'financial');
      let auditReport: FinancialReview['auditReport'] = null;
      if (input.auditReportId) {
        const e = await findEvidence(trx, frame.p.id, input.auditReportId);
        if (e?.subject !== 'audit_report' || e.subjectRef !== checkId)
          throw unprocessable('project_checks.audit_report_not_found', '/auditReportId');
        auditReport = { id: e.id, fileName: e.fileName };
      }
      const review: FinancialReview = {
        version: frame.check.version,
        reportSha256: frame.reportSha256,
        outcome: input.outcome,
        ...(await financialFigures(trx, frame.p)),
        auditReport,
        notes: input.notes,
      };
      await freeze(trx, ctx, audit, frame, 'financial', review);
    },
    { retryOnUniqueViolation: true },
  );
  return getCheck(ctx, checkId);
}
