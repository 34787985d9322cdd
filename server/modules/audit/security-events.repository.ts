import type { Kysely, Selectable } from 'kysely';
import { camelRow, insertRow, type RowValue } from '../../db/rows.js';
import type { DB, SecurityEventsTable } from '../../db/schema.js';

/** Failed authorisation as security events (ASVS 16.3.2): one row per user, method, route and minute. */

export type SecurityEvent = RowValue<SecurityEventsTable>;

const toEvent = (r: Selectable<SecurityEventsTable>): SecurityEvent => ({
  ...camelRow(r),
  status: Number(r.status),
  count: Number(r.count),
});

/**
 * Records a refusal: the first of its minute inserts the row, the next ones only count and move the
 * last time and request id (one statement, so parallel refusals all count and none is lost).
 */
export async function recordSecurityEvent(
  db: Kysely<DB>,
  e: Omit<SecurityEvent, 'firstAt' | 'lastAt' | 'count' | 'lastRequestId'> & { at: string },
): Promise<void> {
  const { at, ...first } = e;
  await db
    .insertInto('security_events')
    .values(
      insertRow<SecurityEventsTable>({
        ...first,
        lastRequestId: first.firstRequestId,
        firstAt: at,
        lastAt: at,
        count: 1,
      }),
    )
    .onConflict((oc) =>
      oc.columns(['user_id', 'method', 'route', 'window_start']).doUpdateSet((eb) => ({
        count: eb('security_events.count', '+', 1),
        last_at: eb.ref('excluded.last_at'),
        last_request_id: eb.ref('excluded.last_request_id'),
      })),
    )
    .execute();
}

export interface SecurityEventFilter {
  userId?: string | undefined;
  route?: string | undefined;
  status?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export async function findSecurityEvents(
  db: Kysely<DB>,
  f: SecurityEventFilter,
  page: { limit: number; offset: number },
): Promise<{ items: SecurityEvent[]; total: number }> {
  let q = db.selectFrom('security_events');
  if (f.userId) q = q.where('user_id', '=', f.userId);
  if (f.route) q = q.where('route', '=', f.route);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.from) q = q.where('last_at', '>=', f.from);
  if (f.to) q = q.where('first_at', '<', f.to);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('last_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { items: rows.map(toEvent), total: Number(total?.n ?? 0) };
}
