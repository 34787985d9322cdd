/** Problem codes of the second factor and the separation of administrators (docs/adr/0014). */
export const MFA_ERRORS = {
  'auth.mfa_required': 'Enter the code of your authenticator app to finish signing in',
  'auth.mfa_enrolment_required': 'Your role requires two-factor authentication; set it up first',
  'auth.mfa_invalid_code': 'The code is wrong, expired or already used',
  'auth.mfa_challenge_expired': 'The sign-in took too long; sign in with your password again',
  'auth.mfa_already_enabled': 'Two-factor authentication is already on',
  'auth.mfa_not_enrolled': 'Two-factor authentication is not set up',
  'auth.mfa_no_pending_sign_in': 'No sign-in is waiting for a second factor',
  'users.admin_kinds_exclusive': 'An account holds at most one of system, security and audit administrator',
  'users.not_locked': 'This account is not locked',
  'users.administrator_roles':
    'Only the security administrator changes the roles of the security and audit administrators',
} as const;
