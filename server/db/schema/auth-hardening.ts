import type { Timestamp } from './columns.js';

// Sign-in hardening (issue 10); migration 0012.

/** One fixed window of a rate limit: hits of one bucket (e.g. `login:<ip>`) since window_start. */
export interface RateLimitWindowsTable {
  bucket: string;
  window_start: Timestamp;
  hits: number;
}

/** Earlier password hashes of a user, newest last; PASSWORD_HISTORY of them are kept. */
export interface PasswordHistoryTable {
  id: string;
  user_id: string;
  password_hash: string;
  created_at: Timestamp;
}

export interface AuthHardeningTables {
  rate_limit_windows: RateLimitWindowsTable;
  password_history: PasswordHistoryTable;
}

export const AUTH_HARDENING_TABLES = [
  'rate_limit_windows',
  'password_history',
] as const satisfies readonly (keyof AuthHardeningTables)[];
