import { CRITERIA, type Criterion } from '../../../../common/calls.js';
import { type CalibratedReview, type CalibrationResult, calibrate, type Observation } from './calibration.js';

/**
 * The calibration of a panel's submitted scorecards (docs/adr/0011-reviewer-calibration.md): one fit on
 * the weighted totals, one per criterion, on the scale of the criteria. Pure. The panel of a call
 * (panel.compute.ts) and the panel of a project check (server/modules/projects/checks) both calibrate
 * through this, so the same numbers give the same calibrated scores.
 */
export interface CardScores {
  /** What is scored: an application, or a project check. */
  itemId: string;
  reviewerId: string;
  total: number;
  scores: Partial<Record<Criterion, number>>;
}

export interface CardsCalibration {
  totalFit: CalibrationResult;
  /** The calibrated total of a card, by item and reviewer. */
  total(itemId: string, reviewerId: string): CalibratedReview | undefined;
  /** The calibrated score of a criterion of a card. */
  criterion(k: Criterion, itemId: string, reviewerId: string): CalibratedReview | undefined;
}

const key = (itemId: string, reviewerId: string) => `${itemId}|${reviewerId}`;
const lookup = (fit: CalibrationResult) =>
  new Map(fit.reviews.map((r) => [key(r.applicationId, r.reviewerId), r]));

export function calibrateCards(
  cards: readonly CardScores[],
  scale: { min: number; max: number },
): CardsCalibration {
  const obs = (value: (c: CardScores) => number | undefined): Observation[] =>
    cards
      .filter((c) => value(c) !== undefined)
      .map((c) => ({ applicationId: c.itemId, reviewerId: c.reviewerId, score: value(c)! }));
  const totalFit = calibrate(
    obs((c) => c.total),
    { scale },
  );
  const totals = lookup(totalFit);
  const perCriterion = new Map(
    CRITERIA.map((k) => [
      k,
      lookup(
        calibrate(
          obs((c) => c.scores[k]),
          { scale },
        ),
      ),
    ]),
  );
  return {
    totalFit,
    total: (i, r) => totals.get(key(i, r)),
    criterion: (k, i, r) => perCriterion.get(k)?.get(key(i, r)),
  };
}
