/**
 * Stable, namespaced problem codes. The server sends the code; the English text is the problem's
 * title and the i18n key the web translates (web/i18n). Add a code here before throwing it.
 */
export const ERROR_MESSAGES = {
  'request.validation_failed': 'Some fields are invalid',
  'request.malformed_json': 'The request body is not valid JSON',
  'request.body_too_large': 'The request body is too large',
  'request.unsupported_media_type': 'This content type is not accepted',
  'request.not_found': 'Not found',
  'request.method_not_allowed': 'Method not allowed',
  'request.invalid': 'The request is invalid',
  'request.rate_limited': 'Too many requests; try again later',
  'internal.error': 'Something went wrong on our side; the request id helps support find it',
  'auth.invalid_credentials': 'Wrong user name or password',
  'auth.account_locked': 'Too many failed sign-ins; the account is locked for a while',
  'auth.account_disabled': 'This account is disabled',
  'auth.not_signed_in': 'Please sign in',
  'auth.session_expired': 'Your session has expired; please sign in again',
  'auth.csrf_failed': 'The security token is missing or wrong; reload the page',
  'auth.forbidden': 'You are not allowed to do this',
  'auth.token_scope': 'This API token does not allow this operation',
  'auth.password_too_short': 'The password must have at least 10 characters',
  'auth.password_too_long': 'The password is too long',
  'auth.password_contains_username': 'The password must not contain the user name',
  'auth.wrong_current_password': 'The current password is wrong',
  'users.username_taken': 'This user name is already taken',
  'users.not_found': 'User not found',
  'users.unknown_platform': 'Unknown platform',
  'tokens.not_found': 'API token not found',
  'audit.not_found': 'Audit entry not found',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
