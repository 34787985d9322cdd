import type { CallCriteria } from '../../../common/calls.js';
import { panelAggregate } from '../../../common/lab-evaluations.js';
import type { UnitResult } from './lab-evaluations.schema.js';
import type { Score, Scorecard } from './lab-evaluations.scorecards.repository.js';

type UnitRef = UnitResult['unit'];

/**
 * The committee's aggregates per unit over the submitted scorecards (pure): common/lab-evaluations.ts
 * `panelAggregate` over each unit's submitted cards (the expert panels of project checks use the same).
 */
export function unitResults(
  criteria: CallCriteria,
  units: readonly UnitRef[],
  scorecards: readonly Scorecard[],
  scores: ReadonlyMap<string, Score[]>,
): UnitResult[] {
  return units.map((unit) => {
    const cards = scorecards
      .filter((s) => s.unitId === unit.id && s.state === 'submitted')
      .map((c) => ({ total: c.total, scores: scores.get(c.id) ?? [] }));
    return { unit, ...panelAggregate(criteria, cards) };
  });
}
