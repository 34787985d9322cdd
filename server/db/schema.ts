import type { ColumnType } from 'kysely';

/**
 * Table types shared by both databases. Portable storage conventions (docs/adr/0002):
 * ids are UUIDv7 text, timestamps ISO-8601 UTC text, booleans integer 0/1, JSON as text,
 * money integer minor units (bigint) with an ISO-4217 currency column.
 */
export type Timestamp = string;
export type Flag = 0 | 1;

export interface PlatformsTable {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  model: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

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

export interface DB {
  platforms: PlatformsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}

/** Every table in foreign-key order (parents first); backup and restore rely on it, a test checks it is complete. */
export const TABLES_IN_DEPENDENCY_ORDER = [
  'platforms',
  'users',
  'role_assignments',
  'sessions',
  'api_tokens',
  'audit_head',
  'audit_log',
] as const satisfies readonly (keyof DB)[];

