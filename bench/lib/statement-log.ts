import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../../server/db/schema.js';

export interface TimedStatement {
  sql: string;
  ms: number;
  /** The statement's bound values, to ask the database for its plan afterwards. */
  parameters: readonly unknown[];
}

/**
 * A second connection to a bench database (the SQLite file read-only, or PostgreSQL by URL) whose
 * Kysely logs every statement's duration into `spent`: a profile of where a service call's time goes,
 * statement by statement, without touching the service.
 */
export function statementLog(target: { file?: string; url?: string | null }) {
  const spent: TimedStatement[] = [];
  const sqlite = target.file ? new SQLite(target.file, { readonly: true }) : null;
  const db = new Kysely<DB>({
    dialect: sqlite
      ? new SqliteDialect({ database: sqlite })
      : new PostgresDialect({ pool: new pg.Pool({ connectionString: target.url!, max: 1 }) }),
    log: (e) => {
      if (e.level === 'query')
        spent.push({
          sql: e.query.sql.replace(/\s+/g, ' '),
          ms: e.queryDurationMillis,
          parameters: e.query.parameters,
        });
    },
  });
  return { db, spent, close: () => db.destroy() };
}
