/** Problem codes of the funding decisions (issue 5); spread into common/error-codes.ts. */
export const DECISIONS_ERRORS = {
  'decisions.not_found': 'Funding decision not found',
  'decisions.call_not_reviewing': 'Funding decisions are made while the call is in review',
  'decisions.infeasible': 'No selection within the budget satisfies these constraints',
  'decisions.solver_limit': 'The selection did not finish within the solver limit; relax the constraints',
  'decisions.already_final': 'The decision is final and can no longer change',
  'decisions.over_budget': 'Approving this application would exceed the call budget',
  'decisions.not_in_decision': 'The application is not part of this decision',
  'decisions.min_above_max': 'The minimum is above the maximum',
  'decisions.field_repeated': 'Each field at most once',
} as const;
