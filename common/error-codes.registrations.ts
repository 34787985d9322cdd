/** Problem codes of self-registration (issue 12, docs/adr/0045); spread into common/error-codes.ts. */
export const REGISTRATIONS_ERRORS = {
  'registrations.link_invalid':
    'This verification link is not valid: it was used already, has expired or is wrong; ask for a new one',
  'registrations.not_found': 'No such registration',
  'registrations.not_pending': 'This registration is not waiting for a decision',
  'registrations.email_taken': 'An account with this e-mail address exists already; refuse the registration',
  'registrations.organisation_required': 'Pick an existing organisation or propose a new one',
  'auth.registration_unverified':
    'Your e-mail address is not verified yet: open the link we sent you, or ask for a new one',
  'auth.registration_pending':
    'Your registration is waiting for the platform to confirm it; you will get an e-mail',
} as const;
