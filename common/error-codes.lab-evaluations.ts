/** Problem codes of the committee's evaluation of units (issue 13); spread into common/error-codes.ts. */
export const LAB_EVALUATIONS_ERRORS = {
  'lab_evaluations.not_found': 'Evaluation round not found',
  'lab_evaluations.period_taken': 'This platform already has an evaluation round for this period',
  'lab_evaluations.period_order': 'The last year must not be before the first',
  'lab_evaluations.unknown_chair': 'The chair must be a serving member of the committee',
  'lab_evaluations.no_units': 'The platform has no units to evaluate',
  'lab_evaluations.no_members': 'The committee has no serving members',
  'lab_evaluations.unknown_member': 'Not a serving member of the committee',
  'lab_evaluations.unknown_unit': 'This unit is not evaluated in this round',
  'lab_evaluations.own_unit': 'A member never rates their own unit',
  'lab_evaluations.already_assigned': 'This member already rates this unit',
  'lab_evaluations.scorecard_not_found': 'Scorecard not found',
  'lab_evaluations.already_submitted': 'This scorecard is submitted and can no longer change',
  'lab_evaluations.scoring_started':
    'Scoring has started; the criteria and members of the round can no longer change',
  'lab_evaluations.chair_not_removed': 'The chair cannot be taken off the round; choose another chair first',
  'lab_evaluations.round_adopted': 'The report is adopted; the round can no longer change',
  'lab_evaluations.not_chair': 'Only the chair of the round adopts the report',
  'lab_evaluations.incomplete': 'Every scorecard must be submitted before the report is adopted',
} as const;
