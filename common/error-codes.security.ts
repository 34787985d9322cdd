/** Problem codes of one's own sessions, re-authentication and the security events (issue 10). */
export const SECURITY_ERRORS = {
  'auth.session_not_found': 'This session does not exist or has already ended',
  'auth.reauthentication_required':
    'Confirm it is you: enter your current password (or a code from your authenticator app)',
  'auth.reauthentication_failed': 'The password or code is wrong',
} as const;
