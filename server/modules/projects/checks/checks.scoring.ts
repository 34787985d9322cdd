import { weightedTotal } from '../../../../common/review-scoring.js';
import { write } from '../../../db/write.js';
import { type Ctx, isoNow } from '../../../http/context.js';
import { AppError, notFound } from '../../../http/errors.js';
import { expertIdOfUser } from '../../review/experts/experts.service.js';
import { scorecardProblems } from '../../review/scoring/scorecards.service.js';
import { findProject } from '../projects.repository.js';
import { findCheck, reportsOf } from './checks.repository.js';
import type { CheckAdoption, CheckReport, CheckScorecardView, ScorecardInput } from './checks.schema.js';
import {
  type CheckScorecard,
  findScorecard,
  saveScorecardRows,
  scorecardsOfExpert,
  scoresOf,
} from './checks.scoring.repository.js';
import { wrongState } from './checks.service.js';

// Part of the check service: an expert's own scorecards. Anyone else's, or one that does not exist,
// is 404 — a scorecard's existence says who judges which project.

async function ownScorecard(ctx: Pick<Ctx, 'db' | 'actor'>, id: string): Promise<CheckScorecard> {
  const card = await findScorecard(ctx.db, id);
  const expertId = await expertIdOfUser(ctx.db, ctx.actor?.userId);
  if (!card || !expertId || card.expertId !== expertId) throw notFound('project_checks.scorecard_not_found');
  return card;
}

const projectRef = async (ctx: Pick<Ctx, 'db'>, projectId: string) => {
  const p = (await findProject(ctx.db, projectId))!;
  return { id: p.id, code: p.code, titleZh: p.titleZh, titleEn: p.titleEn };
};

/** The signed-in expert's scorecards on project checks, most recently changed first. */
export async function myCheckScorecards(ctx: Ctx) {
  const expertId = await expertIdOfUser(ctx.db, ctx.actor?.userId);
  const cards = expertId ? await scorecardsOfExpert(ctx.db, expertId) : [];
  const items = [];
  for (const c of cards) {
    const check = (await findCheck(ctx.db, c.checkId))!;
    items.push({
      id: c.id,
      checkId: c.checkId,
      version: c.version,
      project: await projectRef(ctx, check.projectId),
      kind: check.kind,
      state: c.state,
      total: c.total,
    });
  }
  return { items };
}

async function view(ctx: Pick<Ctx, 'db'>, card: CheckScorecard): Promise<CheckScorecardView> {
  const check = (await findCheck(ctx.db, card.checkId))!;
  const report = (await reportsOf(ctx.db, [check.id])).find((r) => r.version === card.version)!;
  return {
    id: card.id,
    checkId: check.id,
    version: card.version,
    project: await projectRef(ctx, check.projectId),
    kind: check.kind,
    criteria: check.criteria,
    report: report.report as CheckReport,
    state: card.state,
    scores: (await scoresOf(ctx.db, [card.id])).get(card.id) ?? [],
    overallComment: card.overallComment,
    total: card.total,
    submittedAt: card.submittedAt,
    adoption: (report.adoption as CheckAdoption | null) ?? null,
  };
}

/** An expert's own scorecard with the frozen report it judges (and the adopted result, once adopted). */
export async function getCheckScorecard(ctx: Ctx, id: string): Promise<CheckScorecardView> {
  return view(ctx, await ownScorecard(ctx, id));
}

/**
 * Saves the draft or submits it (`submit`): the rules of application scorecards — every criterion
 * once on the check's scale, each with a comment; the weighted total computed and the card frozen.
 * Only while the panel reviews the version the card is for (409 otherwise).
 */
export async function saveCheckScorecard(
  ctx: Ctx,
  id: string,
  input: ScorecardInput,
  submit: boolean,
): Promise<CheckScorecardView> {
  const own = await ownScorecard(ctx, id);
  await write(ctx, async (trx, audit) => {
    const check = (await findCheck(trx, own.checkId, ctx.seam))!;
    if (check.state !== 'under_review' || check.version !== own.version) throw wrongState(check.state);
    const card = (await findScorecard(trx, id))!;
    if (card.state === 'submitted') throw new AppError(409, 'project_checks.already_submitted');
    const errors = scorecardProblems(check.criteria, input, submit);
    if (errors.length) throw new AppError(400, 'request.validation_failed', { errors });
    const scores = input.scores.map((s) => ({
      criterion: s.criterion,
      score: s.score,
      comment: s.comment.trim(),
    }));
    const total = submit
      ? weightedTotal(check.criteria, Object.fromEntries(scores.map((s) => [s.criterion, s.score])))
      : null;
    await saveScorecardRows(trx, id, {
      scores,
      overallComment: input.overallComment || null,
      at: isoNow(ctx.clock),
      submit: submit ? { total } : null,
    });
    if (submit) {
      const p = (await findProject(trx, check.projectId))!;
      await audit({
        action: 'project_check.scorecard_submitted',
        entityType: 'project_check_scorecard',
        entityId: id,
        platformId: p.platformId,
        after: { checkId: check.id, version: card.version, expertId: card.expertId, total, scores },
      });
    }
  });
  return view(ctx, (await findScorecard(ctx.db, id))!);
}
