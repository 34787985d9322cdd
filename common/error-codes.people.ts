/** Problem codes of linking person records to user accounts (issue 10; docs/adr/0013). */
export const PEOPLE_LINK_ERRORS = {
  'people.link_needs_consent':
    "Linking or unlinking an account needs the account owner's consent: propose the link instead",
  'people.link_has_history':
    "This expert's reviews belong to the linked account; they are not moved to another account",
  'people.already_linked': 'This person is already linked to an account',
  'people.link_already_proposed': 'This link has already been proposed and awaits an answer',
  'people.link_request_answered': 'This proposal has already been answered',
  'people.link_request_not_found': 'Proposal not found',
} as const;
