import type { ColumnType } from 'kysely';
import type { Flag, Timestamp, WithDefault } from './columns.js';

// Users, roles, sessions, API tokens and the audit chain (migration 0001).
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  is_system_admin: Flag;
  /** Separation of duties (migration 0012): at most one of the three administrator flags is 1. */
  is_security_admin: WithDefault<Flag>;
  is_audit_admin: WithDefault<Flag>;
  locale: string;
  failed_login_count: ColumnType<number, number | undefined, number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  password_changed_at: Timestamp;
  /** Migration 0017: 1 while the password is one someone else set (admin reset, account made by an admin). */
  password_change_required: WithDefault<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoleAssignmentsTable {
  id: string;
  user_id: string;
  platform_id: string;
  role: string;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
  /** 1 while the second factor of this sign-in is outstanding (migration 0012). */
  mfa_pending: WithDefault<Flag>;
}

/** A user's TOTP secret (encrypted) and the last accepted time step (migration 0012). */
export interface UserMfaTable {
  user_id: string;
  secret_enc: string;
  enabled_at: Timestamp | null;
  last_step: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Timestamp;
}

export interface MfaRecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  scopes: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  seq: number;
  id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  platform_id: string | null;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}
