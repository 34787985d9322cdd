import type { Kysely } from 'kysely';
import { CRITERIA, CRITERION_DIMENSION, type Criterion } from '../../../../common/calls.js';
import { dimensionScore, type ReviewFlag } from '../../../../common/review-scoring.js';
import { missedThresholds } from '../../../../common/review-thresholds.js';
import type { DB } from '../../../db/schema.js';
import { reviewedApplications } from '../../applications/applications.lookup.js';
import type { CallRecord } from '../../calls/calls.lookup.js';
import { organisationNames } from '../../orgs/orgs.lookup.js';
import { expertPersonNames } from '../experts/experts.service.js';
import { liveSeatCounts, seatLabels } from '../runs/seats.service.js';
import { thresholdsOf } from '../runs/settings.service.js';
import { calibrateCards } from './calibration.cards.js';
import { panelReviewsOfCall, submittedCardsOfCall, submittedScoresOfCall } from './scoring.repository.js';
import type { PanelApplicationView, PanelView } from './scoring.schema.js';

export const CALIBRATION_METHOD = 'additive-ridge-als';

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/** Submitted scorecards of the call with their scores, seat labels and reviewer names. */
async function submittedCards(db: Kysely<DB>, callId: string) {
  const submitted = await submittedCardsOfCall(db, callId);
  if (!submitted.length) return [];
  const [labels, names, byCard] = await Promise.all([
    seatLabels(db, callId),
    expertPersonNames(
      db,
      submitted.map((c) => c.expertId),
    ),
    submittedScoresOfCall(db, callId),
  ]);
  const cards = submitted.map(
    ({ id, applicationId, expertId, weightedTotal, submittedAt, assignmentId }) => ({
      id,
      applicationId,
      expertId,
      weightedTotal: Number(weightedTotal),
      submittedAt,
      label: labels.get(assignmentId)!,
      nameZh: names.get(expertId)!.nameZh,
      nameEn: names.get(expertId)!.nameEn,
      scores: byCard.get(id) ?? {},
    }),
  );
  // By application, then seat label, as the joined query ordered them (ids and labels sort alike in any collation).
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return cards.sort((x, y) => cmp(x.applicationId, y.applicationId) || cmp(x.label, y.label));
}

type Card = Awaited<ReturnType<typeof submittedCards>>[number];

/** Competition ranking (1, 2, 2, 4) by score, highest first; applications without a score are unranked. */
export function rankByScore<T extends { score: number | null }>(rows: T[]): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity));
  let rank = 0;
  return sorted.map((r, i) => {
    if (r.score === null) return { ...r, rank: null };
    if (i === 0 || Math.abs(sorted[i - 1]!.score! - r.score) > 1e-9) rank = i + 1;
    return { ...r, rank };
  });
}

/**
 * The panel of a call, with no authorization: every in-review application with its reviews raw and
 * calibrated (per criterion and total), means, sub-scores, thresholds and rank, best first. The
 * calibration uses every submitted scorecard of the call, so each reviewer's effect rests on all they scored.
 */
export async function computePanel(db: Kysely<DB>, call: CallRecord): Promise<PanelView> {
  const { criteria } = call;
  const [cards, thresholds, apps, seatCount, consensus] = await Promise.all([
    submittedCards(db, call.id),
    thresholdsOf(db, call.id),
    reviewedApplications(db, call.id),
    liveSeatCounts(db, call.id),
    panelReviewsOfCall(db, call.id),
  ]);
  const fit = calibrateCards(
    cards.map((c) => ({
      itemId: c.applicationId,
      reviewerId: c.expertId,
      total: c.weightedTotal,
      scores: c.scores,
    })),
    criteria.scale,
  );
  const { totalFit } = fit;

  const leads = await organisationNames(
    db,
    apps.map((a) => a.leadOrgId),
  );
  const cardsOf = new Map<string, Card[]>();
  for (const c of cards) cardsOf.set(c.applicationId, [...(cardsOf.get(c.applicationId) ?? []), c]);
  const consensusOf = new Map(consensus.map((x) => [x.applicationId, x]));
  const nameOf = new Map(cards.map((c) => [c.expertId, { zh: c.nameZh, en: c.nameEn }]));
  const rows = apps.map((a) => {
    const mine = cardsOf.get(a.id) ?? [];
    const reviews = mine.map((c) => {
      const t = fit.total(a.id, c.expertId)!;
      const flags = new Set<ReviewFlag>(t.flags);
      const raw: Partial<Record<Criterion, number | null>> = {};
      const calibrated: Partial<Record<Criterion, number | null>> = {};
      for (const k of CRITERIA) {
        const r = fit.criterion(k, a.id, c.expertId);
        raw[k] = c.scores[k] ?? null;
        calibrated[k] = r?.calibrated ?? null;
        for (const f of r?.flags ?? []) if (f === 'outlier') flags.add(f);
      }
      return {
        label: c.label,
        expertName: c.nameZh,
        expertNameEn: c.nameEn,
        raw,
        calibrated,
        rawTotal: c.weightedTotal,
        calibratedTotal: t.calibrated,
        flags: [...flags],
        reviewerFlag: totalFit.reviewers[c.expertId]?.flag ?? null,
        submittedAt: c.submittedAt!,
      };
    });
    const meansOf = (pick: 'raw' | 'calibrated') =>
      Object.fromEntries(
        CRITERIA.map((k) => [k, mean(reviews.map((r) => r[pick][k]).filter((v): v is number => v !== null))]),
      ) as Partial<Record<Criterion, number | null>>;
    const criteriaMeans = { raw: meansOf('raw'), calibrated: meansOf('calibrated') };
    const calibratedMean = mean(reviews.map((r) => r.calibratedTotal));
    const academic = dimensionScore(criteria, 'academic', criteriaMeans.calibrated);
    const economic = dimensionScore(criteria, 'economic', criteriaMeans.calibrated);
    const c = consensusOf.get(a.id);
    const score = c ? c.consensusScore : calibratedMean;
    const missed = missedThresholds(thresholds, {
      total: score,
      academic,
      economic,
      criteria: criteriaMeans.calibrated,
    });
    return {
      applicationId: a.id,
      titleZh: a.titleZh,
      titleEn: a.titleEn,
      leadNameZh: leads.get(a.leadOrgId)!.nameZh,
      leadNameEn: leads.get(a.leadOrgId)!.nameEn,
      requestedTotalMinor: a.requestedTotalMinor,
      seats: seatCount.get(a.id) ?? 0,
      reviews,
      rawMean: mean(reviews.map((r) => r.rawTotal)),
      calibratedMean,
      criteriaMeans,
      academic,
      economic,
      consensus: c
        ? {
            score: c.consensusScore,
            reportZh: c.reportZh,
            reportEn: c.reportEn,
            updatedAt: c.updatedAt,
          }
        : null,
      score,
      passesThresholds: score !== null && missed.length === 0,
      missedThresholds: missed,
      flagged: reviews.some((r) => r.flags.length > 0 || r.reviewerFlag !== null),
    };
  });
  const reviewerIds = Object.keys(totalFit.reviewers).sort();
  return {
    callId: call.id,
    currency: call.currency,
    scale: criteria.scale,
    criteria: criteria.items.map((i) => ({
      key: i.key,
      weight: i.weight,
      dimension: CRITERION_DIMENSION[i.key],
    })),
    thresholds,
    calibration: {
      method: CALIBRATION_METHOD,
      lambda: totalFit.lambda,
      residualSd: totalFit.residualSd,
      components: totalFit.components,
      converged: totalFit.converged,
      reviews: totalFit.reviews.length,
    },
    reviewers: reviewerIds.map((id, i) => ({
      code: `R${i + 1}`,
      expertName: nameOf.get(id)!.zh,
      expertNameEn: nameOf.get(id)!.en,
      reviews: totalFit.reviewers[id]!.reviews,
      effect: totalFit.reviewers[id]!.effect,
      flag: totalFit.reviewers[id]!.flag,
    })),
    applications: rankByScore(rows) as PanelApplicationView[],
  };
}
