import { createHash } from 'node:crypto';
import { DEFAULT_CRITERIA } from '../../common/calls.js';
import { canonicalJson } from '../../common/canonical-json.js';
import { type CheckKind, type CheckVerdict, judgeIndicator } from '../../common/project-checks.js';
import { weightedTotal } from '../../common/review-scoring.js';
import { write } from '../db/write.js';
import { type Ctx, newId } from '../http/context.js';
import { insertEvaluation } from '../modules/projects/checks/checks.evaluation.repository.js';
import type { EvaluationRecord } from '../modules/projects/checks/checks.evaluation.schema.js';
import { buildReport, spendingSummary } from '../modules/projects/checks/checks.report.js';
import {
  adoptReport,
  type Check,
  insertCheck,
  insertReport,
  insertSeat,
  reportsOf,
  updateCheck,
} from '../modules/projects/checks/checks.repository.js';
import { financialFigures } from '../modules/projects/checks/checks.reviews.js';
import { insertReview } from '../modules/projects/checks/checks.reviews.repository.js';
import type { FinancialReview, TaskReview } from '../modules/projects/checks/checks.reviews.schema.js';
import type { CheckAdoption, CheckReport } from '../modules/projects/checks/checks.schema.js';
import { insertScorecard, saveScorecardRows } from '../modules/projects/checks/checks.scoring.repository.js';
import { runningResult } from '../modules/projects/checks/checks.views.js';
import { findAgreement } from '../modules/projects/projects.agreement.repository.js';
import { agreementContent } from '../modules/projects/projects.agreement.schema.js';
import type { ProjectRecord } from '../modules/projects/projects.repository.js';
import { structureOf } from '../modules/projects/projects.structure.repository.js';

const DAY = 86_400_000;
const at = (day: string) => `${day}T09:00:00.000Z`;
const addDays = (day: string, n: number) => new Date(Date.parse(day) + n * DAY).toISOString().slice(0, 10);
const sha = (json: string) => createHash('sha256').update(json).digest('hex');
const then = (ctx: Ctx, day: string): Ctx => ({ ...ctx, clock: { now: () => new Date(at(day)) } });

/**
 * The checks of the demo's ATP projects, written the way the checks module writes them (report frozen
 * with its sha256, a panel of three experts who each submit a scorecard, the adoption with the panel's
 * aggregates and each indicator judged against its target), dated as they happened. The experts hold no
 * accounts in the demo, so nobody is left with a scorecard to fill.
 */
export function demoChecks(ctx: Ctx, experts: readonly string[]) {
  async function decided(
    p: ProjectRecord,
    kind: CheckKind,
    openedOn: string,
    achieved: readonly [number, number, boolean, number],
    verdict: CheckVerdict,
    rectification?: { items: string[]; dueOn: string },
  ): Promise<EvaluationRecord['finalCheck']> {
    const reportOn = addDays(openedOn, 14);
    const decidedOn = addDays(openedOn, 20);
    const check: Check = {
      id: newId(),
      projectId: p.id,
      kind,
      state: 'open',
      dueOn: addDays(openedOn, 30),
      criteria: DEFAULT_CRITERIA,
      version: 0,
      verdict: null,
      openedBy: null,
      openedAt: at(openedOn),
      updatedAt: at(openedOn),
    };
    await write(then(ctx, openedOn), async (trx, audit) => {
      await insertCheck(trx, check);
      await audit({
        action: 'project_check.opened',
        entityType: 'project_check',
        entityId: check.id,
        platformId: p.platformId,
        after: { projectId: p.id, kind, dueOn: check.dueOn },
      });
    });
    await write(then(ctx, reportOn), async (trx, audit) => {
      const agreement = (await findAgreement(trx, p.id))!;
      const content = agreementContent.parse(agreement.content);
      const members = (await structureOf(trx, p.id)).members.map((m) => m.organisationId);
      const report = buildReport(
        content,
        {
          indicators: achieved.map((value, index) => ({ index, value })),
          milestones: content.milestones.map((m, index) => ({
            index,
            progress: m.dueOn <= reportOn ? 'done' : 'in_progress',
          })),
          achievements: '按任务书完成阶段研发任务，样件通过检测（示例）。',
          problems: achieved[2] ? '' : '示范生产线建设因设备到货延迟而推后（示例）。',
          resultsOwnership: [{ output: '工艺规范与样件', ownerOrganisationId: members[0]! }],
        },
        { kind, version: 1, agreementChecksum: agreement.checksum, members: new Set(members) },
        { spending: await spendingSummary(trx, p), outputs: [] },
      );
      const json = canonicalJson(report);
      await insertReport(trx, {
        checkId: check.id,
        version: 1,
        json,
        sha256: sha(json),
        by: null,
        at: at(reportOn),
      });
      await updateCheck(trx, check.id, { state: 'under_review', version: 1, at: at(reportOn) });
      for (const [i, expertId] of experts.entries()) {
        await insertSeat(trx, {
          checkId: check.id,
          expertId,
          chair: i === 0,
          assignedAt: at(reportOn),
          assignedBy: null,
        });
        const cardId = newId();
        await insertScorecard(trx, {
          id: cardId,
          checkId: check.id,
          version: 1,
          expertId,
          state: 'draft',
          overallComment: null,
          total: null,
          submittedAt: null,
          updatedAt: at(reportOn),
        });
        // Illustrative: a sound project, the experts a point apart.
        const base = verdict === 'pass' ? 7 : 5;
        const scores = DEFAULT_CRITERIA.items.map((c, k) => ({
          criterion: c.key,
          score: base + ((i + k) % 3) - 1,
          comment: '评审意见（示例）',
        }));
        const total = weightedTotal(
          DEFAULT_CRITERIA,
          Object.fromEntries(scores.map((s) => [s.criterion, s.score])),
        );
        await saveScorecardRows(trx, cardId, {
          scores,
          overallComment: null,
          at: at(addDays(reportOn, 3)),
          submit: { total },
        });
      }
      await audit({
        action: 'project_check.report_submitted',
        entityType: 'project_check',
        entityId: check.id,
        platformId: p.platformId,
        after: { version: 1, reportSha256: sha(json) },
      });
    });
    return write(then(ctx, decidedOn), async (trx, audit) => {
      const [current] = await reportsOf(trx, [check.id]);
      const report = current!.report as { indicators: { index: number; name: string; judgement: string }[] };
      // 结题验收's two reviews come before its verdict (checks.reviews.ts): 整改 here is the task review's.
      let reviewShas: CheckAdoption['reviews'] = null;
      if (kind === 'final') {
        const frozen = current!.report as CheckReport;
        const task: TaskReview = {
          version: 1,
          reportSha256: current!.reportSha256,
          outcome: verdict,
          indicators: frozen.indicators.map((i) => ({
            index: i.index,
            name: i.name,
            type: i.type,
            target: i.target,
            actual: i.value,
            judgement: i.judgement,
            met: i.judgement === 'met',
          })),
          notes: verdict === 'pass' ? '考核指标均已完成（示例）。' : '部分考核指标未完成（示例）。',
        };
        const financial: FinancialReview = {
          version: 1,
          reportSha256: current!.reportSha256,
          outcome: 'pass',
          ...(await financialFigures(trx, p)),
          auditReport: null,
          notes: '经费使用基本规范（示例）。',
        };
        const shas = { task: '', financial: '' };
        for (const [k, review] of [
          ['task', task],
          ['financial', financial],
        ] as const) {
          const json = canonicalJson(review);
          shas[k] = sha(json);
          await insertReview(trx, {
            checkId: check.id,
            version: 1,
            kind: k,
            outcome: review.outcome,
            json,
            sha256: shas[k],
            reviewedBy: null,
            reviewedAt: at(decidedOn),
          });
          await audit({
            action: k === 'task' ? 'project_check.task_reviewed' : 'project_check.financial_reviewed',
            entityType: 'project_check',
            entityId: check.id,
            platformId: p.platformId,
            after: { version: 1, outcome: review.outcome, sha256: shas[k] },
          });
        }
        reviewShas = shas;
      }
      const adoption: CheckAdoption = {
        verdict,
        version: 1,
        reportSha256: current!.reportSha256,
        panel: await runningResult(trx, { ...check, version: 1 }),
        indicators: report.indicators.map((i) => ({
          index: i.index,
          name: i.name,
          judgement: i.judgement as CheckAdoption['indicators'][number]['judgement'],
          met: i.judgement === 'met',
        })),
        rectification: verdict === 'rectify' && rectification ? rectification : null,
        summary: verdict === 'pass' ? '同意通过（示例）。' : '限期整改（示例）。',
        reviews: reviewShas,
      };
      const json = canonicalJson(adoption);
      await adoptReport(trx, check.id, 1, { verdict, json, sha256: sha(json), by: null, at: at(decidedOn) });
      await updateCheck(trx, check.id, {
        state: kind === 'final' && verdict === 'rectify' ? 'rectification' : 'decided',
        verdict,
        at: at(decidedOn),
      });
      await audit({
        action: 'project_check.adopted',
        entityType: 'project_check',
        entityId: check.id,
        platformId: p.platformId,
        after: { version: 1, verdict, adoptionSha256: sha(json) },
      });
      return { checkId: check.id, verdict, adoptionSha256: sha(json) };
    });
  }

  /** 绩效评价 of a closed project: what each indicator achieved against its target, and the grade. */
  async function evaluated(
    p: ProjectRecord,
    day: string,
    achieved: readonly [number, number, boolean, number],
    finalCheck: EvaluationRecord['finalCheck'],
  ) {
    await write(then(ctx, day), async (trx, audit) => {
      const agreement = (await findAgreement(trx, p.id))!;
      const content = agreementContent.parse(agreement.content);
      const record: EvaluationRecord = {
        projectId: p.id,
        outcome: p.outcome,
        agreementChecksum: agreement.checksum,
        indicators: content.indicators.map((ind, index) => ({
          index,
          name: ind.name,
          type: ind.type,
          target: ind.target,
          achieved: achieved[index]!,
          measured: null,
          judgement: judgeIndicator(ind.type, ind.target, achieved[index]!),
          note: null,
        })),
        academic: '工艺路线成熟，形成行业标准草案（示例）。',
        economic: '技术合同收入超出目标，示范线已投产（示例）。',
        grade: 'good',
        finalCheck,
      };
      const json = canonicalJson(record);
      await insertEvaluation(trx, {
        projectId: p.id,
        grade: 'good',
        json,
        sha256: sha(json),
        by: null,
        at: at(day),
      });
      await audit({
        action: 'project.evaluation_recorded',
        entityType: 'project',
        entityId: p.id,
        platformId: p.platformId,
        after: { grade: 'good', sha256: sha(json) },
      });
    });
  }

  return { decided, evaluated };
}
