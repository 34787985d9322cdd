/** Problem codes of the expert database (issue 5); spread into common/error-codes.ts. */
export const EXPERTS_ERRORS = {
  'experts.not_found': 'Expert not found',
  'experts.no_profile': 'You have no expert profile; a program officer creates it',
  'experts.unknown_person': 'This person does not exist',
  'experts.already_expert': 'This person already has an expert profile',
  'experts.unknown_field': 'Unknown or retired field',
  'experts.unknown_organisation': 'This organisation does not exist',
  'experts.duplicate_field': 'This field is listed twice',
} as const;
