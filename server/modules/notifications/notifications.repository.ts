import type { Kysely, Selectable } from 'kysely';
import { camelRow, insertRow, jsonColumn, type RowValue, toJsonColumn } from '../../db/rows.js';
import type { DB, NotificationsTable } from '../../db/schema.js';
import { newId } from '../../http/context.js';
import type { EmailState } from './notifications.schema.js';

export type Params = Record<string, string | number | null>;

type Stored = RowValue<NotificationsTable>;

/** A notification as the code uses it: camelCase, params parsed (the e-mail's error and sending time left out). */
export interface Notification
  extends Omit<Stored, 'paramsJson' | 'emailState' | 'emailError' | 'emailSentAt'> {
  params: Params;
  emailState: EmailState;
}

const toNotification = (row: Selectable<NotificationsTable>): Notification => {
  const { paramsJson, emailState, emailError: _error, emailSentAt: _sent, ...n } = camelRow(row);
  return {
    ...n,
    params: jsonColumn<Params>(paramsJson),
    emailState: emailState as EmailState,
    emailAttempts: Number(n.emailAttempts),
  };
};

/** Records one notification per recipient, with its e-mail state. */
export async function insertNotifications(
  db: Kysely<DB>,
  n: Pick<Stored, 'platformId' | 'kind' | 'entityType' | 'entityId'> & { params: Params },
  recipients: readonly Pick<Notification, 'userId' | 'emailState'>[],
  now: string,
): Promise<void> {
  // Picked, not spread: the caller's input carries its recipients too.
  const { platformId, kind, entityType, entityId } = n;
  const about = { platformId, kind, entityType, entityId, paramsJson: toJsonColumn(n.params) };
  const email = { emailError: null, emailAttempts: 0, emailNextAt: null, emailSentAt: null };
  await db
    .insertInto('notifications')
    .values(
      recipients.map(({ userId, emailState }) =>
        insertRow<NotificationsTable>({
          id: newId(),
          userId,
          ...about,
          createdAt: now,
          readAt: null,
          emailState,
          ...email,
        }),
      ),
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
  return r && camelRow(r);
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
