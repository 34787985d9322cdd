import type { ColumnType } from 'kysely';
import type { Flag, Timestamp } from './columns.js';

// Users, roles, sessions, API tokens and the audit chain (migration 0001).
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  is_system_admin: Flag;
  locale: string;
  failed_login_count: ColumnType<number, number | undefined, number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  password_changed_at: Timestamp;
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
