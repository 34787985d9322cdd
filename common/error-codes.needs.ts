/** Problem codes of technology needs and matchmaking (issue 14); spread into common/error-codes.ts. */
export const NEEDS_ERRORS = {
  'needs.not_found': 'Technology need not found',
  'needs.illegal_transition': 'The need cannot do this in its current state',
  'needs.not_open': 'The need is no longer open',
  'needs.no_organisation': 'Link your account to your enterprise before posting a need',
  'needs.deadline_past': 'The deadline must not be in the past',
  'needs.unknown_field': 'Unknown field',
  'needs.match_not_found': 'This is not among the need’s matches',
  'needs.already_contacted': 'This match has already been contacted for the need',
  'needs.contact_not_found': 'Contact not found',
  'needs.contact_answered': 'The contact has already been answered',
  'needs.decline_text_required': 'Say why when the reason is “other”',
} as const;
