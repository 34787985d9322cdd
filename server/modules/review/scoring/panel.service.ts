import type { Kysely } from 'kysely';
import { ERROR_MESSAGES } from '../../../../common/error-codes.js';
import type { ReviewThresholds } from '../../../../common/review-thresholds.js';
import type { DB } from '../../../db/schema.js';
import { write } from '../../../db/write.js';
import { type Ctx, isoNow } from '../../../http/context.js';
import { AppError, type FieldError, forbidden, notFound } from '../../../http/errors.js';
import { accessible } from '../../applications/applications.access.js';
import { type CallRecord, loadCall } from '../../calls/calls.lookup.js';
import { can } from '../../calls/calls.policy.js';
import { saveThresholds } from '../runs/settings.service.js';
import { computePanel } from './panel.compute.js';
import { findPanelReview, panelReviewsOfCall, savePanelReview } from './scoring.repository.js';
import type { PanelReviewInput, PanelView } from './scoring.schema.js';

/** The call if the caller is one of its platform's officers (platform admins, program officers, system admins). */
export async function officerCall(
  db: Kysely<DB>,
  ctx: Pick<Ctx, 'actor'>,
  callId: string,
): Promise<CallRecord> {
  const call = await loadCall(db, callId);
  if (!call) throw notFound('calls.not_found');
  if (!can(ctx.actor, 'calls.manage', { id: call.platformId })) {
    if (call.state === 'draft') throw notFound('calls.not_found');
    throw forbidden();
  }
  return call;
}

/** The panel table of a call (officers only: it names the reviewers). */
export async function getPanel(ctx: Ctx, callId: string): Promise<PanelView> {
  return computePanel(ctx.db, await officerCall(ctx.db, ctx, callId));
}

export interface PanelOutcome {
  applicationId: string;
  /** The consensus score when the panel recorded one, else the calibrated mean; null without any review. */
  score: number | null;
  calibratedMean: number | null;
  rawMean: number | null;
  passesThresholds: boolean;
  rank: number | null;
  consensus: { score: number; reportZh: string | null; reportEn: string | null } | null;
}

/**
 * For the funding decision (server/modules/review/decisions): per in-review application of the call,
 * the score the decision uses, whether it passes the panel's thresholds, its rank and consensus report.
 * No authorization: the caller has checked it. Works inside a transaction (pass the trx).
 */
export async function panelOutcomes(db: Kysely<DB>, callId: string): Promise<PanelOutcome[]> {
  const call = await loadCall(db, callId);
  if (!call) throw notFound('calls.not_found');
  const panel = await computePanel(db, call);
  return panel.applications.map((a) => ({
    applicationId: a.applicationId,
    score: a.score,
    calibratedMean: a.calibratedMean,
    rawMean: a.rawMean,
    passesThresholds: a.passesThresholds,
    rank: a.rank,
    consensus: a.consensus
      ? { score: a.consensus.score, reportZh: a.consensus.reportZh, reportEn: a.consensus.reportEn }
      : null,
  }));
}

/** For the funding decision: the panel's consensus reports of the call's applications (no authorization). */
export async function panelReportsOfCall(db: Kysely<DB>, callId: string) {
  return (await panelReviewsOfCall(db, callId)).map((r) => ({
    applicationId: r.applicationId,
    reportZh: r.reportZh,
    reportEn: r.reportEn,
  }));
}

const outOfScale = (pointer: string): FieldError => ({
  in: 'body',
  pointer,
  code: 'scoring.threshold_out_of_scale',
  message: ERROR_MESSAGES['scoring.threshold_out_of_scale'],
});

/** Sets the panel's minimums (per criterion, total, academic, economic) on the call's scale. */
export async function setThresholds(ctx: Ctx, callId: string, input: ReviewThresholds): Promise<PanelView> {
  await write(ctx, async (trx, audit) => {
    const call = await officerCall(trx, ctx, callId);
    const { min, max } = call.criteria.scale;
    const off = (v: number | null | undefined) => v !== null && v !== undefined && (v < min || v > max);
    const errors: FieldError[] = [];
    for (const k of ['total', 'academic', 'economic'] as const)
      if (off(input[k])) errors.push(outOfScale(`/${k}`));
    for (const [k, v] of Object.entries(input.criteria ?? {}))
      if (off(v)) errors.push(outOfScale(`/criteria/${k}`));
    if (errors.length) throw new AppError(400, 'request.validation_failed', { errors });
    // A call without review settings gets the assignment module's defaults, then these thresholds.
    const before = await saveThresholds(trx, callId, input, ctx.actor?.userId || null, isoNow(ctx.clock));
    await audit({
      action: 'review.panel_thresholds_set',
      entityType: 'call',
      entityId: callId,
      platformId: call.platformId,
      before,
      after: input,
    });
  });
  return getPanel(ctx, callId);
}

/**
 * Records the panel's consensus score and report for an in-review application, with a snapshot of
 * what it was based on (raw and calibrated means, flags, rank at that moment).
 */
export async function recordPanelReview(ctx: Ctx, applicationId: string, input: PanelReviewInput) {
  return write(ctx, async (trx, audit) => {
    const { app } = await accessible(trx, ctx, applicationId, 'screen', { lock: true });
    if (app.state !== 'in_review') throw new AppError(409, 'scoring.application_not_in_review');
    const call = (await loadCall(trx, app.callId))!;
    const { min, max } = call.criteria.scale;
    const errors: FieldError[] = [];
    if (input.consensusScore < min || input.consensusScore > max)
      errors.push({
        in: 'body',
        pointer: '/consensusScore',
        code: 'scoring.score_out_of_scale',
        message: ERROR_MESSAGES['scoring.score_out_of_scale'],
      });
    if (!input.reportZh && !input.reportEn)
      errors.push({
        in: 'body',
        pointer: '/reportZh',
        code: 'scoring.report_required',
        message: ERROR_MESSAGES['scoring.report_required'],
      });
    if (errors.length) throw new AppError(400, 'request.validation_failed', { errors });
    const entry = (await computePanel(trx, call)).applications.find(
      (a) => a.applicationId === applicationId,
    )!;
    const basis = {
      rawMean: entry.rawMean,
      calibratedMean: entry.calibratedMean,
      academic: entry.academic,
      economic: entry.economic,
      rank: entry.rank,
      reviews: entry.reviews.map((r) => ({
        label: r.label,
        rawTotal: r.rawTotal,
        calibratedTotal: r.calibratedTotal,
        flags: r.flags,
        reviewerFlag: r.reviewerFlag,
      })),
    };
    const at = isoNow(ctx.clock);
    const review = {
      applicationId,
      callId: call.id,
      consensusScore: input.consensusScore,
      reportZh: input.reportZh ?? null,
      reportEn: input.reportEn ?? null,
      basis,
      updatedBy: ctx.actor?.userId || null,
      updatedAt: at,
    };
    const before = await findPanelReview(trx, applicationId);
    await savePanelReview(trx, review, !!before);
    await audit({
      action: 'review.panel_consensus_recorded',
      entityType: 'application',
      entityId: applicationId,
      platformId: call.platformId,
      before: before ? { consensusScore: before.consensusScore } : null,
      after: { consensusScore: input.consensusScore, basis },
    });
    return {
      applicationId,
      consensusScore: input.consensusScore,
      reportZh: review.reportZh,
      reportEn: review.reportEn,
      basis,
      updatedAt: at,
    };
  });
}
