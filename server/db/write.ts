import type { Kysely } from 'kysely';
import type { Ctx } from '../http/context.js';
import { type AuditInput, appendAudit, withAuditAtCommit } from './audit-chain.js';
import type { DialectSeam } from './dialect.js';
import type { DB } from './schema.js';
import { ChangedTables, countChange } from './table-changes.js';

/** The transaction a write runs in, and the audit entry that commits with it. */
export type Trx = Kysely<DB>;
export type Audit = (entry: AuditInput) => Promise<void>;

export interface WriteOptions {
  /**
   * Run the whole transaction once more when it lost a race on a unique key (see
   * retryOnUniqueViolation). Only for work whose checks name the clash on a second run.
   */
  retryOnUniqueViolation?: boolean;
}

/**
 * The audit function of a transaction someone else opened (a caller's `write`, the importer, the
 * seed), for helpers that take `(trx, audit)` like `write`'s callback does.
 */
export function auditIn(trx: Trx, ctx: Pick<Ctx, 'seam' | 'actor' | 'requestId' | 'clock'>): Audit {
  return (entry) => appendAudit(trx, ctx.seam, ctx, entry);
}

/**
 * The one way a state change is written (docs/adr/0015): one transaction, the change and its
 * hash-chained audit entries committing together, the actor and request id taken from the context. The
 * entries are stamped when `audit` is called and chained, in that order, after `fn` returns.
 * `fn` may run twice when `retryOnUniqueViolation` is set, so it must not have effects outside `trx`
 * (send notifications through the outbox inside the transaction, or after `write` returns).
 */
export async function write<T>(
  ctx: Pick<Ctx, 'db' | 'seam' | 'actor' | 'requestId' | 'clock'>,
  fn: (trx: Trx, audit: Audit) => Promise<T>,
  options: WriteOptions = {},
): Promise<T> {
  // The audit entries are chained after `fn`, just before the commit (ADR 0024): the chain head's lock is
  // held for the transaction's last statements and its commit, not from its first audit entry.
  // The tables the transaction changes (table-changes.ts): a cache of some tables' state (the sign-in
  // lookups) is dropped only by the writes that change one of them.
  const changed = new ChangedTables();
  const run = () =>
    ctx.db.transaction().execute((tx) => {
      const trx = tx.withPlugin(changed);
      return withAuditAtCommit(trx, ctx.seam, () => fn(trx, auditIn(trx, ctx)));
    });
  try {
    return await (options.retryOnUniqueViolation ? retryOnUniqueViolation(ctx.seam, run) : run());
  } finally {
    // After the commit (or the rollback, which changed nothing but costs nothing to count): the caches of
    // the changed tables drop what they read before it (modules/auth/auth.cache.ts).
    countChange(changed.tables);
  }
}

/**
 * Counts a change committed without `write`: to `tables` when the caller knows them (a refused sign-in's
 * claim of `users`), else to every table (the restore replaces them all).
 */
export function writeCommittedOutside(tables?: readonly string[]): void {
  countChange(tables ? new Set(tables) : null);
}

/**
 * Runs a write transaction again once when it lost a race on a unique key. Services check uniqueness
 * before writing so they can name the clashing field; two concurrent requests can both pass that check
 * and the loser then hits the database's unique constraint. On the second run the check sees the
 * winner's committed row and answers 409 with the field pointer instead of a 500.
 */
export async function retryOnUniqueViolation<T>(seam: DialectSeam, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!seam.isUniqueViolation(err)) throw err;
    return run();
  }
}
