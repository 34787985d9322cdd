import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Ctx, newId } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { findAccountById } from '../users/users.accounts.js';
import { findSecurityEvents, recordSecurityEvent } from './security-events.repository.js';
import type { SecurityEventsQuery, SecurityEventView } from './security-events.schema.js';

/**
 * A refused request by a signed-in user (ASVS 16.3.2). It is kept apart from the audit chain: a refusal
 * changed nothing, and the chain records changes only. Rows are bucketed per user, method, route and
 * minute, so a loop of refusals adds one row a minute per route, with its count.
 */
export interface Refusal {
  userId: string;
  method: string;
  route: string;
  status: number;
  code: string;
  objectId: string | null;
  ip: string | null;
  requestId: string | null;
  at: Date;
}

export async function recordRefusal(db: Kysely<DB>, r: Refusal): Promise<void> {
  const minute = new Date(Math.floor(r.at.getTime() / 60_000) * 60_000);
  await recordSecurityEvent(db, {
    id: newId(),
    userId: r.userId,
    method: r.method,
    route: r.route,
    windowStart: minute.toISOString(),
    status: r.status,
    code: r.code,
    objectId: r.objectId,
    ip: r.ip,
    firstRequestId: r.requestId,
    at: r.at.toISOString(),
  });
}

/**
 * The security administrator and the audit administrator read the events; nobody else, as for the
 * deployment-wide audit log (三权分立, docs/adr/0014).
 */
export async function listSecurityEvents(
  ctx: Ctx,
  query: SecurityEventsQuery,
): Promise<{ items: SecurityEventView[]; total: number }> {
  if (!ctx.actor?.isSecurityAdmin && !ctx.actor?.isAuditAdmin) throw forbidden();
  const { limit, offset, ...filter } = query;
  const page = await findSecurityEvents(ctx.db, filter, { limit, offset });
  const names = new Map<string, { username: string; displayName: string } | null>();
  for (const id of new Set(page.items.map((e) => e.userId))) {
    const a = await findAccountById(ctx.db, id);
    names.set(id, a ? { username: a.username, displayName: a.displayName } : null);
  }
  return {
    total: page.total,
    items: page.items.map(({ windowStart: _w, ...e }) => ({
      ...e,
      username: names.get(e.userId)?.username ?? null,
      displayName: names.get(e.userId)?.displayName ?? null,
    })),
  };
}
