import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../../common/canonical-json.js';
import { judgeIndicator, valueFitsIndicator } from '../../../../common/project-checks.js';
import { write } from '../../../db/write.js';
import { type Ctx, isoNow } from '../../../http/context.js';
import { AppError, forbidden } from '../../../http/errors.js';
import { findAgreement } from '../projects.agreement.repository.js';
import { agreementContent } from '../projects.agreement.schema.js';
import { findProject } from '../projects.repository.js';
import { readableProject } from '../projects.service.js';
import { illegalMove, moveInTrx } from '../projects.transitions.js';
import { checkAccess } from './checks.access.js';
import { findEvaluation, insertEvaluation } from './checks.evaluation.repository.js';
import type { EvaluationInput, EvaluationRecord, EvaluationView } from './checks.evaluation.schema.js';
import { checksOfProject, reportsOf } from './checks.repository.js';

/**
 * 绩效评价 (issue 13): after 结题 the funder's side records the evaluation against the 任务书's indicators
 * (target against what was achieved, typed as the indicator), the academic and economic judgement and a
 * grade 优秀 / 良好 / 合格 / 不合格; frozen (canonical JSON + sha256); the project moves with `evaluate`.
 */

export async function getEvaluation(ctx: Ctx, projectId: string): Promise<EvaluationView> {
  const p = await readableProject(ctx, projectId);
  const e = await findEvaluation(ctx.db, projectId);
  const { manage } = await checkAccess(ctx.db, ctx, p);
  return {
    evaluation: (e?.evaluation as EvaluationRecord | undefined) ?? null,
    sha256: e?.sha256 ?? null,
    evaluatedAt: e?.evaluatedAt ?? null,
    access: { evaluate: manage && p.state === 'closed' && !e },
  };
}

const unprocessable = (
  code: 'project_checks.indicator_type' | 'project_checks.indicator_missing',
  pointer: string,
) => new AppError(422, code, { errors: [{ in: 'body', pointer, code, message: '' }] });

/**
 * Records the 绩效评价 of a closed project. Refused with nothing written: by someone not on the funder's
 * side (403), a project not closed (409 naming the state), one already evaluated (409), a value of the
 * wrong type for its indicator (422 at `/indicators/i/achieved`), an indicator missing or twice (422).
 */
export async function evaluateProject(
  ctx: Ctx,
  projectId: string,
  input: EvaluationInput,
): Promise<EvaluationView> {
  await readableProject(ctx, projectId);
  await write(ctx, async (trx, audit) => {
    const p = (await findProject(trx, projectId, ctx.seam))!;
    if (!(await checkAccess(trx, ctx, p)).manage) throw forbidden();
    if (await findEvaluation(trx, projectId)) throw new AppError(409, 'project_checks.already_evaluated');
    if (p.state !== 'closed') throw illegalMove(p.state);
    const agreement = await findAgreement(trx, projectId);
    const content = agreement?.frozenAt ? agreementContent.parse(agreement.content) : null;
    const targets = content?.indicators ?? [];
    const seen = new Set<number>();
    const indicators = input.indicators.map((r, i) => {
      const ind = targets[r.index];
      if (!ind || seen.has(r.index))
        throw unprocessable('project_checks.indicator_missing', `/indicators/${i}/index`);
      seen.add(r.index);
      if (!valueFitsIndicator(ind.type, r.achieved))
        throw unprocessable('project_checks.indicator_type', `/indicators/${i}/achieved`);
      return {
        index: r.index,
        name: ind.name,
        type: ind.type,
        target: ind.target,
        achieved: r.achieved,
        measured: null,
        judgement: judgeIndicator(ind.type, ind.target, r.achieved),
        note: r.note || null,
      };
    });
    if (seen.size !== targets.length) throw unprocessable('project_checks.indicator_missing', '/indicators');
    const finalCheck = (await checksOfProject(trx, projectId)).filter((c) => c.kind === 'final').at(-1);
    const finalReport = finalCheck
      ? (await reportsOf(trx, [finalCheck.id])).find((r) => r.version === finalCheck.version)
      : undefined;
    const record: EvaluationRecord = {
      projectId,
      outcome: p.outcome,
      agreementChecksum: agreement?.checksum ?? null,
      indicators: indicators.sort((a, b) => a.index - b.index),
      academic: input.academic,
      economic: input.economic,
      grade: input.grade,
      finalCheck: finalCheck
        ? {
            checkId: finalCheck.id,
            verdict: finalCheck.verdict,
            adoptionSha256: finalReport?.adoptionSha256 ?? null,
          }
        : null,
    };
    const json = canonicalJson(record);
    const sha256 = createHash('sha256').update(json).digest('hex');
    await insertEvaluation(trx, {
      projectId,
      grade: input.grade,
      json,
      sha256,
      by: ctx.actor?.userId || null,
      at: isoNow(ctx.clock),
    });
    await moveInTrx(trx, audit, ctx, p, { action: 'evaluate' });
    await audit({
      action: 'project.evaluation_recorded',
      entityType: 'project',
      entityId: projectId,
      platformId: p.platformId,
      after: { grade: input.grade, sha256 },
    });
  });
  return getEvaluation(ctx, projectId);
}
