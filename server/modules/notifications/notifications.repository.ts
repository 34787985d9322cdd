import type { Kysely, Selectable } from 'kysely';
import { jsonColumn, toJsonColumn } from '../../db/rows.js';
import type { DB, NotificationsTable } from '../../db/schema.js';
import { newId } from '../../http/context.js';
import type { EmailState } from './notifications.schema.js';

export type Params = Record<string, string | number | null>;

/** A notification as the code uses it: camelCase, params parsed. */
export interface Notification {
  id: string;
  userId: string;
  platformId: string | null;
  kind: string;
  entityType: string;
  entityId: string | null;
  params: Params;
  createdAt: string;
  readAt: string | null;
  emailState: EmailState;
  emailAttempts: number;
  emailNextAt: string | null;
}

const toNotification = (r: Selectable<NotificationsTable>): Notification => ({
  id: r.id,
  userId: r.user_id,
  platformId: r.platform_id,
  kind: r.kind,
  entityType: r.entity_type,
  entityId: r.entity_id,
  params: jsonColumn(r.params_json) as Params,
  createdAt: r.created_at,
  readAt: r.read_at,
  emailState: r.email_state as EmailState,
  emailAttempts: Number(r.email_attempts),
  emailNextAt: r.email_next_at,
});

/** Records one notification per recipient, with its e-mail state. */
export async function insertNotifications(
  db: Kysely<DB>,
  n: { platformId: string | null; kind: string; entityType: string; entityId: string | null; params: Params },
  recipients: readonly { userId: string; emailState: EmailState }[],
  now: string,
): Promise<void> {
  const params = toJsonColumn(n.params);
  await db
    .insertInto('notifications')
    .values(
      recipients.map((r) => ({
        id: newId(),
        user_id: r.userId,
        platform_id: n.platformId,
        kind: n.kind,
        entity_type: n.entityType,
        entity_id: n.entityId,
        params_json: params,
        created_at: now,
        read_at: null,
        email_state: r.emailState,
        email_error: null,
        email_next_at: null,
        email_sent_at: null,
      })),
    )
    .execute();
}

/** A page of a user's notifications (only unread ones when asked), newest first, and how many match. */
export async function notificationsOf(
  db: Kysely<DB>,
  userId: string,
  f: { unread: boolean; limit: number; offset: number },
): Promise<{ items: Notification[]; total: number }> {
  const mine = db.selectFrom('notifications').where('user_id', '=', userId);
  const filtered = f.unread ? mine.where('read_at', 'is', null) : mine;
  const [rows, total] = await Promise.all([
    filtered
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toNotification), total: Number(total.n) };
}

export async function countUnread(db: Kysely<DB>, userId: string): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The user's notification and whether it was read, or undefined when it is not theirs. */
export async function findNotificationOf(
  db: Kysely<DB>,
  userId: string,
  id: string,
): Promise<{ id: string; readAt: string | null } | undefined> {
  const r = await db
    .selectFrom('notifications')
    .select(['id', 'read_at'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return r && { id: r.id, readAt: r.read_at };
}

/** Marks unread notifications read (one, or all of the user's); returns how many changed. */
export async function markUnreadRead(
  db: Kysely<DB>,
  at: string,
  which: { id: string } | { userId: string },
): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: at }).where('read_at', 'is', null);
  q = 'id' in which ? q.where('id', '=', which.id) : q.where('user_id', '=', which.userId);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

/** Up to `limit` notifications whose e-mail is pending and due, oldest first. */
export async function dueEmails(db: Kysely<DB>, now: string, limit: number): Promise<Notification[]> {
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('email_state', '=', 'pending')
    .where((eb) => eb.or([eb('email_next_at', 'is', null), eb('email_next_at', '<=', now)]))
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map(toNotification);
}

/**
 * Claims a pending e-mail for a pass by moving its lease (email_next_at) from the value the pass read to
 * `leaseUntil`, in one conditional statement: two passes never both claim it. Returns whether it did.
 */
export async function claimEmail(
  db: Kysely<DB>,
  n: { id: string; emailNextAt: string | null },
  leaseUntil: string,
): Promise<boolean> {
  const claim = await db
    .updateTable('notifications')
    .set({ email_next_at: leaseUntil })
    .where('id', '=', n.id)
    .where('email_state', '=', 'pending')
    .where((eb) =>
      n.emailNextAt === null ? eb('email_next_at', 'is', null) : eb('email_next_at', '=', n.emailNextAt),
    )
    .executeTakeFirst();
  return Number(claim.numUpdatedRows) === 1;
}

/** Records the outcome of a sending attempt. */
export async function recordEmailAttempt(
  db: Kysely<DB>,
  id: string,
  r: {
    state: EmailState;
    attempts: number;
    error: string | null;
    nextAt: string | null;
    sentAt?: string;
  },
): Promise<void> {
  await db
    .updateTable('notifications')
    .set({
      email_state: r.state,
      email_attempts: r.attempts,
      email_error: r.error,
      ...(r.sentAt !== undefined && { email_sent_at: r.sentAt }),
      email_next_at: r.nextAt,
    })
    .where('id', '=', id)
    .execute();
}
