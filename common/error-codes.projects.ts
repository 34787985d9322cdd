/** Problem codes of projects from 立项 through execution (issue 13); spread into common/error-codes.ts. */
export const PROJECTS_ERRORS = {
  'projects.illegal_transition': 'This is not possible in the current state of the project',
  'projects.reason_required': 'Give a reason',
  'projects.outcome_required': 'Choose whether the project passed or failed',
  'projects.outcome_only_when_closing': 'A verdict is given only when the project is closed',
  'projects.agreement_not_found': 'This project has no task agreement yet',
  'projects.agreement_frozen':
    'The task agreement is signed and frozen; it changes only through an amendment',
  'projects.agreement_unsigned': 'Both sides must sign the task agreement before execution starts',
  'projects.already_signed': 'This side has already signed',
  'projects.not_a_member': 'Not a member of the project consortium',
  'projects.member_repeated': 'Each member at most once',
  'projects.agreement_over_budget': 'The task agreement exceeds the approved budget',
  'projects.not_in_execution': 'Spending is booked only while the project is in execution',
  'projects.spent_outside_project': 'The date must fall within the project period',
  'projects.spending_over_budget': 'This exceeds the approved budget of the category',
} as const;
