import { type QueryExecutorProvider, type SelectQueryBuilder, sql } from 'kysely';

/**
 * The ONLY place that branches on SQLite vs PostgreSQL. Everything else writes one portable query.
 */
export type DialectName = 'sqlite' | 'postgres';

export interface DialectSeam {
  readonly name: DialectName;
  /** Row lock for read-modify-write inside a transaction (SQLite serialises writers already). */
  forUpdate<DB, TB extends keyof DB, O>(qb: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  isUniqueViolation(err: unknown): boolean;
  isForeignKeyViolation(err: unknown): boolean;
  /** Makes foreign keys wait until commit while a restore rewrites every table. */
  deferConstraints(trx: QueryExecutorProvider): Promise<void>;
  /** First statement of a transaction whose reads must all see one snapshot (online backup). */
  snapshotRead(trx: QueryExecutorProvider): Promise<void>;
}

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

export const sqliteSeam: DialectSeam = {
  name: 'sqlite',
  forUpdate: (qb) => qb,
  isUniqueViolation: (err) => /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test(errorCode(err) ?? ''),
  isForeignKeyViolation: (err) => errorCode(err) === 'SQLITE_CONSTRAINT_FOREIGNKEY',
  async deferConstraints(trx) {
    await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
  },
  // A WAL read transaction already sees one snapshot from its first read on.
  snapshotRead: async () => {},
};

export const postgresSeam: DialectSeam = {
  name: 'postgres',
  forUpdate: (qb) => qb.forUpdate(),
  isUniqueViolation: (err) => errorCode(err) === '23505',
  isForeignKeyViolation: (err) => errorCode(err) === '23503',
  async deferConstraints(trx) {
    await sql`SET CONSTRAINTS ALL DEFERRED`.execute(trx);
  },
  async snapshotRead(trx) {
    await sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`.execute(trx);
  },
};
