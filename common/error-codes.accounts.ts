/** Problem codes of the public account flows (issue 10/12: forgot password, sign-in challenge); spread into common/error-codes.ts. */
export const ACCOUNTS_ERRORS = {
  'auth.reset_link_invalid':
    'This link is not valid: it was used already, has expired or is wrong; ask for a new one',
  'auth.challenge_required': 'After several failed sign-ins, confirm that you are a person to sign in',
  'auth.challenge_invalid': 'The check is not valid (used already, expired or wrong); do it again',
} as const;
