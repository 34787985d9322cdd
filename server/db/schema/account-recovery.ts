import type { Timestamp } from './columns.js';

// Accounts for the public (issue 10/12); migration 0048.

/** An e-mailed reset link: the SHA-256 of its token, its expiry and when it was used (single use). */
export interface PasswordResetsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  /** the address the request came from (for the owner and the audit trail) */
  ip: string | null;
}

/** A sign-in challenge already answered, kept until it expires so it cannot be answered again. */
export interface UsedChallengesTable {
  signature: string;
  expires_at: Timestamp;
}

export interface AccountRecoveryTables {
  password_resets: PasswordResetsTable;
  used_challenges: UsedChallengesTable;
}

export const ACCOUNT_RECOVERY_TABLES = [
  'password_resets',
  'used_challenges',
] as const satisfies readonly (keyof AccountRecoveryTables)[];
