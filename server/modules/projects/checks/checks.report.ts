import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../../../common/canonical-json.js';
import { judgeIndicator, valueFitsIndicator } from '../../../../common/project-checks.js';
import { SPENDING_CATEGORIES } from '../../../../common/projects.js';
import type { DB } from '../../../db/schema.js';
import { write } from '../../../db/write.js';
import { type Ctx, isoNow, newId } from '../../../http/context.js';
import { AppError, forbidden, invalidField } from '../../../http/errors.js';
import { findAgreement } from '../projects.agreement.repository.js';
import { type AgreementContent, agreementContent } from '../projects.agreement.schema.js';
import { reportFiles } from '../projects.evidence.repository.js';
import { outputsOfProject } from '../projects.outputs.js';
import { approvedPlan } from '../projects.plan.js';
import { findProject, type ProjectRecord } from '../projects.repository.js';
import { spendingTotals } from '../projects.spending.repository.js';
import { structureOf } from '../projects.structure.repository.js';
import { moveInTrx } from '../projects.transitions.js';
import { checkAccess } from './checks.access.js';
import { findCheck, insertReport, panelOf, updateCheck } from './checks.repository.js';
import type { CheckReport, CheckReportInput, CheckView } from './checks.schema.js';
import { insertScorecard } from './checks.scoring.repository.js';
import { getCheck, readableCheck, wrongState } from './checks.service.js';

// Part of the check service: the project's report, validated against the frozen 任务书, completed with
// what the records say (spending, the outputs list generated from the links of projects.outputs.ts) and frozen like an application version.

/** The spending summary of the report: plan against actual per category, from the records. */
export async function spendingSummary(db: Kysely<DB>, p: ProjectRecord): Promise<CheckReport['spending']> {
  const [plan, spent] = await Promise.all([approvedPlan(db, p.id), spendingTotals(db, p.id)]);
  const byCategory = SPENDING_CATEGORIES.map((category) => ({
    category,
    plannedMinor: (plan ?? []).filter((l) => l.category === category).reduce((s, l) => s + l.amountMinor, 0),
    spentMinor: spent.filter((l) => l.category === category).reduce((s, l) => s + l.amountMinor, 0),
  }));
  return {
    currency: p.currency,
    plannedMinor: byCategory.reduce((s, c) => s + c.plannedMinor, 0),
    spentMinor: byCategory.reduce((s, c) => s + c.spentMinor, 0),
    byCategory,
  };
}

const typeError = (pointer: string) =>
  new AppError(422, 'project_checks.indicator_type', {
    errors: [{ in: 'body', pointer, code: 'project_checks.indicator_type', message: '' }],
  });
const missing = (
  pointer: string,
  code: 'project_checks.indicator_missing' | 'project_checks.milestone_missing',
) => new AppError(422, code, { errors: [{ in: 'body', pointer, code, message: '' }] });

/** Checks the input against the 任务书 and builds the report (pure but for the records passed in). */
export function buildReport(
  content: AgreementContent,
  input: CheckReportInput,
  frame: {
    kind: 'interim' | 'final';
    version: number;
    agreementChecksum: string | null;
    members: Set<string>;
  },
  generated: Pick<CheckReport, 'spending' | 'outputs'>,
): CheckReport {
  const seen = new Set<number>();
  const indicators = input.indicators.map((r, i) => {
    const ind = content.indicators[r.index];
    if (!ind || seen.has(r.index))
      throw missing(`/indicators/${i}/index`, 'project_checks.indicator_missing');
    seen.add(r.index);
    if (!valueFitsIndicator(ind.type, r.value)) throw typeError(`/indicators/${i}/value`);
    return {
      index: r.index,
      name: ind.name,
      type: ind.type,
      target: ind.target,
      value: r.value,
      judgement: judgeIndicator(ind.type, ind.target, r.value),
      note: r.note || null,
    };
  });
  if (seen.size !== content.indicators.length)
    throw missing('/indicators', 'project_checks.indicator_missing');
  const seenM = new Set<number>();
  const milestones = input.milestones.map((r, i) => {
    const m = content.milestones[r.index];
    if (!m || seenM.has(r.index)) throw missing(`/milestones/${i}/index`, 'project_checks.milestone_missing');
    seenM.add(r.index);
    return { index: r.index, title: m.title, dueOn: m.dueOn, progress: r.progress, note: r.note || null };
  });
  if (seenM.size !== content.milestones.length)
    throw missing('/milestones', 'project_checks.milestone_missing');
  input.resultsOwnership.forEach((o, i) => {
    if (!frame.members.has(o.ownerOrganisationId))
      throw invalidField(`/resultsOwnership/${i}/ownerOrganisationId`, 'projects.not_a_member');
  });
  if (frame.kind === 'final' && input.resultsOwnership.length === 0)
    throw new AppError(422, 'project_checks.ownership_required', {
      errors: [
        { in: 'body', pointer: '/resultsOwnership', code: 'project_checks.ownership_required', message: '' },
      ],
    });
  return {
    kind: frame.kind,
    version: frame.version,
    agreementChecksum: frame.agreementChecksum,
    indicators: indicators.sort((a, b) => a.index - b.index),
    milestones: milestones.sort((a, b) => a.index - b.index),
    spending: generated.spending,
    outputs: generated.outputs,
    achievements: input.achievements,
    problems: input.problems,
    resultsOwnership: input.resultsOwnership,
  };
}

/**
 * The lead organisation's side submits the report (or, in 整改, its new version: the earlier ones are
 * kept). Frozen on submit (canonical JSON + sha256); every expert of the panel gets a scorecard for the
 * new version. A resubmission moves the project back to final acceptance (resubmit). Refused with
 * nothing written: someone not on the lead's side (403), a check not waiting for a report (409), a
 * value of the wrong type for its indicator (422 at its pointer), an indicator or milestone missing
 * or repeated (422), a final report without the results-ownership list (422).
 */
export async function submitCheckReport(
  ctx: Ctx,
  checkId: string,
  input: CheckReportInput,
): Promise<CheckView> {
  const { project } = await readableCheck(ctx, checkId);
  await write(ctx, async (trx, audit) => {
    const check = (await findCheck(trx, checkId, ctx.seam))!;
    const p = (await findProject(trx, project.id, ctx.seam))!;
    if (!(await checkAccess(trx, ctx, p)).lead) throw forbidden();
    if (check.state !== 'open' && check.state !== 'rectification') throw wrongState(check.state);
    const agreement = await findAgreement(trx, p.id);
    const content = agreementContent.parse(agreement?.content);
    const members = new Set((await structureOf(trx, p.id)).members.map((m) => m.organisationId));
    const version = check.version + 1;
    const report = buildReport(
      content,
      input,
      { kind: check.kind, version, agreementChecksum: agreement?.checksum ?? null, members },
      { spending: await spendingSummary(trx, p), outputs: await outputsOfProject(trx, p.id) },
    );
    const attachments = await reportFiles(trx, p.id, 'check_report', checkId);
    const json = canonicalJson({ ...report, attachments });
    const sha256 = createHash('sha256').update(json).digest('hex');
    const at = isoNow(ctx.clock);
    await insertReport(trx, { checkId, version, json, sha256, by: ctx.actor?.userId || null, at });
    if (check.state === 'rectification') await moveInTrx(trx, audit, ctx, p, { action: 'resubmit' });
    await updateCheck(trx, checkId, { state: 'under_review', version, at });
    // Scorecards for the accepted seats; an invited expert gets theirs on accepting (checks.runs.ts).
    for (const seat of (await panelOf(trx, checkId)).filter((s) => s.state === 'accepted'))
      await insertScorecard(trx, {
        id: newId(),
        checkId,
        version,
        expertId: seat.expertId,
        state: 'draft',
        overallComment: null,
        total: null,
        submittedAt: null,
        updatedAt: at,
      });
    await audit({
      action: 'project_check.report_submitted',
      entityType: 'project_check',
      entityId: checkId,
      platformId: p.platformId,
      after: { version, reportSha256: sha256 },
    });
  });
  return getCheck(ctx, checkId);
}
