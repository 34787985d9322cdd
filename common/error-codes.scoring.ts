/** Problem codes of the scorecards and the panel (issue 5); spread into common/error-codes.ts. */
export const SCORING_ERRORS = {
  'scoring.seat_not_found': 'Review assignment not found',
  'scoring.seat_not_accepted': 'Accept the review invitation before scoring',
  'scoring.not_declared': 'Declare that you have no conflict of interest before scoring',
  'scoring.already_submitted': 'The scorecard is submitted and can no longer change',
  'scoring.deadline_passed': 'The scoring period of this call has ended',
  'scoring.application_not_in_review': 'The application is not in review',
  'scoring.score_out_of_scale': "The score is outside the call's scale",
  'scoring.comment_required': 'Write a comment of at least 5 characters',
  'scoring.criterion_missing': 'Every criterion needs a score and a comment',
  'scoring.criterion_repeated': 'Each criterion at most once',
  'scoring.threshold_out_of_scale': "The minimum is outside the call's scale",
  'scoring.report_required': 'Write the panel report in Chinese or English',
} as const;
