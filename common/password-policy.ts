/**
 * Password rules shared by the server (enforced) and the web (shown before submit); docs/sign-in.md.
 * The list of common passwords is checked on the server only (server/modules/auth/common-passwords.ts):
 * 30,000 words are too heavy for the browser bundle, so the web shows the server's translated answer.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
/** Shorter context words (a two-letter code, a two-character name) would refuse too many good passwords. */
export const CONTEXT_WORD_MIN_LENGTH = 3;
/** Platform codes of three letters (ITL, ATP) hide in ordinary words ("little"): a deployment word needs four. */
export const DEPLOYMENT_WORD_MIN_LENGTH = 4;
/** Words of the product itself, refused in every deployment (ASVS 6.1.2). */
export const PRODUCT_WORDS: readonly string[] = ['commonlab'];

export type PasswordProblem =
  | 'auth.password_too_short'
  | 'auth.password_too_long'
  | 'auth.password_contains_username'
  | 'auth.password_contains_context'
  | 'auth.password_common';

/** Who the password is for and where it is used: each word of it is refused inside the password. */
export interface PasswordContext {
  username: string;
  email?: string | null;
  displayName?: string | null;
  /** The deployment's platform codes and names (server only; the web does not know them all). */
  deploymentWords?: readonly string[];
}

/**
 * The context words (ASVS 6.2.11), lower-case, at least CONTEXT_WORD_MIN_LENGTH characters: the e-mail's
 * local part and its parts, the display name and its words, the product name and the deployment's words.
 * The user name is checked on its own, under its own code.
 */
export function contextWords(c: PasswordContext): string[] {
  const words = new Set<string>();
  const add = (w: string | null | undefined, min = CONTEXT_WORD_MIN_LENGTH) => {
    const v = (w ?? '').trim().toLowerCase();
    if ([...v].length >= min) words.add(v);
  };
  const local = (c.email ?? '').split('@')[0] ?? '';
  add(local);
  for (const part of local.split(/[._+-]+/)) add(part);
  add(c.displayName);
  add((c.displayName ?? '').replace(/\s+/g, ''));
  for (const part of (c.displayName ?? '').split(/\s+/)) add(part);
  for (const w of PRODUCT_WORDS) add(w);
  for (const w of c.deploymentWords ?? []) add(w, DEPLOYMENT_WORD_MIN_LENGTH);
  return [...words];
}

/** The first rule the password breaks, or null; the common-password list is the server's extra check. */
export function passwordProblem(password: string, context: string | PasswordContext): PasswordProblem | null {
  const c = typeof context === 'string' ? { username: context } : context;
  if (password.length < PASSWORD_MIN_LENGTH) return 'auth.password_too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'auth.password_too_long';
  const lower = password.toLowerCase();
  const u = c.username.trim().toLowerCase();
  if (u.length >= CONTEXT_WORD_MIN_LENGTH && lower.includes(u)) return 'auth.password_contains_username';
  if (contextWords(c).some((w) => lower.includes(w))) return 'auth.password_contains_context';
  return null;
}
