/** Password rules shared by the server (enforced) and the web (shown before submit). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem =
  | 'auth.password_too_short'
  | 'auth.password_too_long'
  | 'auth.password_contains_username';

export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'auth.password_too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'auth.password_too_long';
  const u = username.trim().toLowerCase();
  if (u.length >= 3 && password.toLowerCase().includes(u)) return 'auth.password_contains_username';
  return null;
}
