import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: never edit a released migration, add a new one.
//
// The audit trail is append-only in the database itself: triggers refuse any UPDATE or DELETE of
// audit_log (and TRUNCATE on PostgreSQL), and let audit_head move only one step forward onto the entry
// just appended. Not even a system admin working through the application can rewrite history; the
// database owner can drop triggers, which is what the signed checkpoints outside the database catch.
// `restore` replaces the whole trail, so it lifts and re-creates these guards inside its transaction.

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Creates the guards (the migration, and `restore` after it has rewritten the trail). */
export async function createAuditGuards(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`
      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`.execute(db);
    await sql`
      CREATE OR REPLACE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.seq <> OLD.seq + 1 OR NOT EXISTS (
          SELECT 1 FROM audit_log WHERE seq = NEW.seq AND hash = NEW.hash
        ) THEN
          RAISE EXCEPTION 'audit_head moves only onto the entry just appended' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    await sql`CREATE TRIGGER audit_head_forward BEFORE UPDATE OR DELETE ON audit_head
      FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only()`.execute(db);
    await sql`CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    return;
  }
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END`.execute(db);
  await sql`CREATE TRIGGER audit_head_forward BEFORE UPDATE ON audit_head
    WHEN NEW.seq <> OLD.seq + 1
      OR NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq AND hash = NEW.hash)
    BEGIN SELECT RAISE(ABORT, 'audit_head moves only onto the entry just appended'); END`.execute(db);
  await sql`CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
    BEGIN SELECT RAISE(ABORT, 'audit_head cannot be deleted'); END`.execute(db);
}

/** Drops the guards; only `restore` (which replaces the trail wholesale) and `down` use it. */
export async function dropAuditGuards(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    for (const [trigger, table] of [
      ['audit_log_no_change', 'audit_log'],
      ['audit_log_no_truncate', 'audit_log'],
      ['audit_head_forward', 'audit_head'],
      ['audit_head_no_truncate', 'audit_head'],
    ] as const) {
      await sql`DROP TRIGGER IF EXISTS ${sql.id(trigger)} ON ${sql.id(table)}`.execute(db);
    }
    return;
  }
  for (const trigger of [
    'audit_log_no_update',
    'audit_log_no_delete',
    'audit_head_forward',
    'audit_head_no_delete',
  ])
    await sql`DROP TRIGGER IF EXISTS ${sql.id(trigger)}`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await createAuditGuards(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropAuditGuards(db);
}
