import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../../common/canonical-json.js';
import {
  addMonths,
  DEFAULT_RECTIFICATION_MONTHS,
  verdictFitsReviews,
} from '../../../../common/project-checks.js';
import { write } from '../../../db/write.js';
import { type Ctx, isoNow } from '../../../http/context.js';
import { AppError, invalidField } from '../../../http/errors.js';
import { findProject } from '../projects.repository.js';
import type { ProjectTransitionInput } from '../projects.schema.js';
import { moveInTrx } from '../projects.transitions.js';
import { checkAccess } from './checks.access.js';
import { adoptReport, findCheck, reportsOf, updateCheck } from './checks.repository.js';
import { reviewsOfVersion } from './checks.reviews.repository.js';
import type { AdoptCheckInput, CheckAdoption, CheckReport, CheckView } from './checks.schema.js';
import { scorecardsOf } from './checks.scoring.repository.js';
import { getCheck, readableCheck, wrongState } from './checks.service.js';
import { runningResult } from './checks.views.js';

/**
 * The verdict on the current report version (the officers or the panel's chair), once every expert of
 * the panel has submitted: the panel's aggregates (mean, SD, min, max per criterion; academic and
 * economic sub-scores; total), each indicator met or not (the automatic judgement unless the adopter
 * says otherwise) and, for 整改, what must be rectified by when — frozen (canonical JSON + sha256).
 * The project moves with it: an interim check returns it to execution; a final one closes it passed
 * (通过) or failed (不通过), or sends it to rectification (整改, once). A final check is adopted only
 * after its task review and financial review (checks.reviews.ts; 409 `reviews_missing`), never better
 * than either (409 `verdict_exceeds_reviews`), and takes each indicator's finding from the task review.
 */
export async function adoptCheck(ctx: Ctx, checkId: string, input: AdoptCheckInput): Promise<CheckView> {
  const { project } = await readableCheck(ctx, checkId);
  await write(ctx, async (trx, audit) => {
    const check = (await findCheck(trx, checkId, ctx.seam))!;
    const p = (await findProject(trx, project.id, ctx.seam))!;
    const access = await checkAccess(trx, ctx, p, check);
    if (!access.manage && !access.chair) throw new AppError(403, 'project_checks.not_adopter');
    if (check.state !== 'under_review') throw wrongState(check.state);
    const cards = await scorecardsOf(trx, checkId, check.version);
    if (cards.length === 0 || cards.some((c) => c.state !== 'submitted'))
      throw new AppError(409, 'project_checks.incomplete');
    const reports = await reportsOf(trx, [checkId]);
    const current = reports.find((r) => r.version === check.version)!;
    if (input.verdict === 'rectify') {
      if (!input.rectification)
        throw invalidField('/rectification', 'project_checks.rectification_items_required');
      if (check.kind === 'final' && reports.some((r) => r.verdict === 'rectify'))
        throw invalidField('/verdict', 'project_checks.rectification_once');
    }
    const report = current.report as CheckReport;
    const reviews = check.kind === 'final' ? await reviewsOfVersion(trx, checkId, check.version) : null;
    if (reviews && (!reviews.task || !reviews.financial))
      throw new AppError(409, 'project_checks.reviews_missing', {
        state: check.state,
        missing: [!reviews.task && 'task', !reviews.financial && 'financial'].filter(Boolean),
      });
    if (reviews && !verdictFitsReviews(input.verdict, [reviews.task!.outcome, reviews.financial!.outcome]))
      throw new AppError(409, 'project_checks.verdict_exceeds_reviews', {
        errors: [
          {
            in: 'body',
            pointer: '/verdict',
            code: 'project_checks.verdict_exceeds_reviews',
            message: `task ${reviews.task!.outcome}, financial ${reviews.financial!.outcome}`,
          },
        ],
      });
    // In final acceptance the task review judged each indicator; the adoption takes its findings.
    const overrides = new Map(
      reviews
        ? reviews.task!.indicators.map((i) => [i.index, i.met])
        : input.indicators.map((i) => [i.index, i.met]),
    );
    const today = isoNow(ctx.clock).slice(0, 10);
    const adoption: CheckAdoption = {
      verdict: input.verdict,
      version: check.version,
      reportSha256: current.reportSha256,
      panel: await runningResult(trx, check, cards),
      indicators: report.indicators.map((i) => ({
        index: i.index,
        name: i.name,
        judgement: i.judgement,
        met: overrides.get(i.index) ?? i.judgement === 'met',
      })),
      rectification:
        input.verdict === 'rectify' && input.rectification
          ? {
              items: input.rectification.items,
              dueOn: input.rectification.dueOn ?? addMonths(today, DEFAULT_RECTIFICATION_MONTHS),
            }
          : null,
      summary: input.summary || null,
      reviews: reviews ? { task: reviews.task!.sha256, financial: reviews.financial!.sha256 } : null,
    };
    const json = canonicalJson(adoption);
    const sha256 = createHash('sha256').update(json).digest('hex');
    const at = isoNow(ctx.clock);
    await adoptReport(trx, checkId, check.version, {
      verdict: input.verdict,
      json,
      sha256,
      by: ctx.actor?.userId || null,
      at,
    });
    const rectifying = check.kind === 'final' && input.verdict === 'rectify';
    await updateCheck(trx, checkId, {
      state: rectifying ? 'rectification' : 'decided',
      verdict: input.verdict,
      at,
    });
    const move: ProjectTransitionInput =
      check.kind === 'interim'
        ? { action: 'close_interim' }
        : rectifying
          ? { action: 'request_rectification', reason: adoption.rectification!.items.join('；') }
          : { action: 'close', outcome: input.verdict === 'pass' ? 'passed' : 'failed' };
    await moveInTrx(trx, audit, ctx, p, move);
    await audit({
      action: 'project_check.adopted',
      entityType: 'project_check',
      entityId: checkId,
      platformId: p.platformId,
      after: { version: check.version, verdict: input.verdict, adoptionSha256: sha256 },
    });
  });
  return getCheck(ctx, checkId);
}
