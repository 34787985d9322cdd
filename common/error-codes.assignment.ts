/** Problem codes of the assignment runs and invitations (issue 5); spread into common/error-codes.ts. */
export const ASSIGNMENT_ERRORS = {
  'assignment.invalid_instance': 'The assignment instance is invalid',
  'assignment.infeasible': 'The assignment constraints cannot be satisfied',
  'assignment.call_not_reviewable': 'This call has no applications in review',
  'assignment.run_not_found': 'Assignment run not found',
  'assignment.run_not_draft': 'Only a draft run can be published',
  'assignment.already_published': 'This call already has published seats; refill declined seats instead',
  'assignment.not_published': 'Publish an assignment before refilling seats',
  'assignment.nothing_to_refill':
    'No open seat to refill: every application has its reviewers invited or accepted',
  'assignment.pair_conflicted': 'This pair is excluded by a conflict-of-interest rule',
  'assignment.pair_not_eligible': 'This expert or application is not part of the review',
  'assignment.override_exists': 'This pair already has a pin or forbid',
  'assignment.override_not_found': 'Pin or forbid not found',
  'assignment.seat_not_found': 'Review invitation not found',
  'assignment.seat_not_open': 'This invitation is no longer open',
  'assignment.seat_still_open': 'The expert may still answer this invitation',
  'assignment.seat_answered': 'The expert has answered this invitation',
  'assignment.application_full': 'The application already has all its reviewers invited or accepted',
  'assignment.response_window_closed': 'The time to answer this invitation has passed',
} as const;
