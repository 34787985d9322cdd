/** Problem codes of the conflict rules (issue 5); spread into common/error-codes.ts. */
export const CONFLICTS_ERRORS = {
  'conflicts.rule_set_not_found': 'Conflict rule set not found',
  'conflicts.rule_set_not_usable': 'This conflict rule set does not exist or belongs to another platform',
  'conflicts.rule_set_code_taken': 'This rule set code is already used by another platform',
  'conflicts.not_in_call': 'This application is not part of this call',
  'conflicts.expert_not_found': 'Expert not found',
  'conflicts.avoid_limit_reached': 'An application may name at most 3 experts to avoid',
  'conflicts.avoid_duplicate': 'This name is already on the list of experts to avoid',
  'conflicts.avoid_not_editable':
    'Experts to avoid can only be changed while the application is a draft or returned for correction',
  'conflicts.avoid_request_not_found': 'This request to avoid an expert was not found',
} as const;
