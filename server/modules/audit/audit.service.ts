import type { Kysely } from 'kysely';
import { verifyAuditChain } from '../../db/audit-chain.js';
import type { DB } from '../../db/schema.js';
import type { Ctx } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { can, readableAuditScope } from './audit.policy.js';
import { type AuditScope, countEntries, countMatching, findEntries } from './audit.repository.js';

/** Newest-first page of the audit trail the caller may read. */
export async function listAudit(
  ctx: Ctx,
  q: {
    entityType?: string;
    entityId?: string;
    platformId?: string;
    actorId?: string;
    actor?: string;
    action?: string;
    from?: string;
    to?: string;
    beforeSeq?: number;
    limit: number;
  },
) {
  if (!can(ctx.actor, 'audit.read')) throw forbidden();
  const entries = await findEntries(ctx.db, {
    ...q,
    scope: readableAuditScope(ctx.actor),
    limit: q.limit + 1,
  });
  const items = entries.slice(0, q.limit);
  return { items, nextBeforeSeq: entries.length > q.limit ? items.at(-1)!.seq : null };
}

/** How many entries of the list's filter the caller may read (the export checks its size with it). */
export async function countAudit(ctx: Ctx, q: Omit<Parameters<typeof listAudit>[1], 'limit' | 'beforeSeq'>) {
  if (!can(ctx.actor, 'audit.read')) throw forbidden();
  return countMatching(ctx.db, { ...q, scope: readableAuditScope(ctx.actor) });
}

/** Recomputes the hash chain (system admins). */
export async function verifyAudit(ctx: Ctx) {
  if (!can(ctx.actor, 'audit.verify')) throw forbidden();
  return verifyAuditChain(ctx.db);
}

/** How many audit entries a reader with this scope sees (the home page's count). */
export const countAuditEntries = (db: Kysely<DB>, scope: AuditScope) => countEntries(db, scope);
