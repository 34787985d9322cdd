/**
 * Whether a password must be replaced before the session may do anything else (等保 "定期更换"):
 * one someone else set (an administrator's reset, an account an administrator made) at once, and any
 * password older than PASSWORD_MAX_AGE_DAYS when that is not 0. Pure, so the gate and the session view
 * answer alike.
 */
export interface PasswordState {
  mustChange: boolean;
  reason: 'set_by_admin' | 'expired' | null;
  /** When the password expires by age; null when PASSWORD_MAX_AGE_DAYS is 0. */
  expiresAt: string | null;
}

const DAY = 86_400_000;

export function passwordStateOf(
  account: { passwordChangedAt: string; passwordChangeRequired: boolean },
  maxAgeDays: number,
  now: Date,
): PasswordState {
  const expiresAt =
    maxAgeDays > 0
      ? new Date(new Date(account.passwordChangedAt).getTime() + maxAgeDays * DAY).toISOString()
      : null;
  if (account.passwordChangeRequired) return { mustChange: true, reason: 'set_by_admin', expiresAt };
  if (expiresAt && expiresAt <= now.toISOString()) return { mustChange: true, reason: 'expired', expiresAt };
  return { mustChange: false, reason: null, expiresAt };
}
