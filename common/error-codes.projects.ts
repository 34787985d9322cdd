/** Problem codes of projects from 立项 through execution (issue 13); spread into common/error-codes.ts. */
export const PROJECTS_ERRORS = {
  'projects.illegal_transition': 'This is not possible in the current state of the project',
  'projects.reason_required': 'Give a reason',
  'projects.outcome_required': 'Choose whether the project passed or failed',
  'projects.outcome_only_when_closing': 'A verdict is given only when the project is closed',
} as const;
