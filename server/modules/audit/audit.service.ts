import { verifyAuditChain } from '../../db/audit-chain.js';
import type { Ctx } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { can, readableAuditScope } from './audit.policy.js';

const parse = (s: string | null) => (s === null ? null : (JSON.parse(s) as unknown));

/** Newest-first page of the audit trail the caller may read. */
export async function listAudit(
  ctx: Ctx,
  q: { entityType?: string; entityId?: string; platformId?: string; beforeSeq?: number; limit: number },
) {
  if (!can(ctx.actor, 'audit.read')) throw forbidden();
  const scope = readableAuditScope(ctx.actor);
  let query = ctx.db.selectFrom('audit_log').selectAll();
  if (scope !== 'all') query = query.where('platform_id', 'in', scope);
  if (q.platformId) query = query.where('platform_id', '=', q.platformId);
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.beforeSeq) query = query.where('seq', '<', q.beforeSeq);
  const rows = await query
    .orderBy('seq', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      seq: Number(r.seq),
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      platformId: r.platform_id,
      before: parse(r.before_json),
      after: parse(r.after_json),
      reason: r.reason,
      requestId: r.request_id,
      hash: r.hash,
    })),
    nextBeforeSeq: rows.length > q.limit ? Number(page.at(-1)!.seq) : null,
  };
}

/** Recomputes the hash chain (system admins). */
export async function verifyAudit(ctx: Ctx) {
  if (!can(ctx.actor, 'audit.verify')) throw forbidden();
  return verifyAuditChain(ctx.db);
}
