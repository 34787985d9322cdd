import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Ctx, isoNow } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { contactsOf, findAccountById } from '../users/users.accounts.js';
import { requestOutboxPass } from './notifications.outbox.js';
import {
  countUnread,
  findNotificationOf,
  insertNotifications,
  markUnreadRead,
  type Notification,
  notificationsOf,
} from './notifications.repository.js';
import type { NotificationList, NotificationsQuery, NotificationView } from './notifications.schema.js';
import { linkPath, localeOf, render } from './notifications.templates.js';

export interface NotifyInput {
  /** Recipients (user ids); duplicates are sent once. */
  userIds: readonly string[];
  /** e.g. call.deadline_extended (notifications.templates.ts lists the kinds and their params). */
  kind: string;
  platformId: string | null;
  entityType: string;
  entityId: string | null;
  params: Record<string, string | number | null>;
}

/** One recipient of a notification: in-app always, and `email` when an e-mail was queued too. */
export interface Delivery {
  userId: string;
  name: string;
  email: boolean;
}

/**
 * Records one notification per recipient inside the caller's transaction, so it exists exactly when
 * the change it reports commits. E-mail (when SMTP_URL is set and the user has an address) is sent
 * after the commit by the outbox (notifications.outbox.ts). Returns who was notified and how.
 */
export async function notify(
  trx: Kysely<DB>,
  ctx: Pick<Ctx, 'db' | 'clock' | 'config'>,
  input: NotifyInput,
): Promise<Delivery[]> {
  const ids = [...new Set(input.userIds)];
  if (ids.length === 0) return [];
  const users = await contactsOf(trx, ids);
  if (users.length === 0) return [];
  const mail = !!ctx.config.smtpUrl;
  const deliveries = users.map((u) => ({
    userId: u.id,
    name: u.name,
    email: !!(mail && u.email && !u.disabled),
  }));
  await insertNotifications(
    trx,
    input,
    deliveries.map((d) => ({ userId: d.userId, emailState: d.email ? 'pending' : 'none' })),
    isoNow(ctx.clock),
  );
  if (mail) requestOutboxPass(ctx.db);
  return deliveries;
}

/**
 * Who on a platform hears of work for a role: the holders of `role` there, or the platform's admins
 * when nobody holds it (so the news is not lost). Kept here, where the modules that notify look for it.
 */
export { roleHoldersOrAdmins } from '../users/users.accounts.js';

function view(n: Notification, locale: string | null | undefined): NotificationView {
  const text = render(n.kind, n.params, localeOf(locale));
  return {
    id: n.id,
    kind: n.kind,
    platformId: n.platformId,
    entityType: n.entityType,
    entityId: n.entityId,
    params: n.params,
    subject: text.subject,
    body: text.body,
    link: linkPath(n.entityType, n.entityId),
    createdAt: n.createdAt,
    readAt: n.readAt,
    emailState: n.emailState,
  };
}

function signedInUser(ctx: Ctx) {
  if (!ctx.actor?.userId) throw notFound('notifications.not_found');
  return ctx.actor;
}

/** The caller's notifications, newest first, with the unread count; texts in the caller's locale. */
export async function listMyNotifications(ctx: Ctx, q: NotificationsQuery): Promise<NotificationList> {
  const actor = signedInUser(ctx);
  const [page, unread, user] = await Promise.all([
    notificationsOf(ctx.db, actor.userId, {
      unread: !!q.unread,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    }),
    countUnread(ctx.db, actor.userId),
    findAccountById(ctx.db, actor.userId),
  ]);
  return {
    items: page.items.map((n) => view(n, user?.locale)),
    total: page.total,
    unread,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Marks one of the caller's notifications read (idempotent); another user's is not found. */
export async function markRead(ctx: Ctx, id: string): Promise<{ unread: number }> {
  const actor = signedInUser(ctx);
  const row = await findNotificationOf(ctx.db, actor.userId, id);
  if (!row) throw notFound('notifications.not_found');
  if (!row.readAt) await markUnreadRead(ctx.db, isoNow(ctx.clock), { id });
  return { unread: await countUnread(ctx.db, actor.userId) };
}

/** Marks all of the caller's notifications read. */
export async function markAllRead(ctx: Ctx): Promise<{ unread: number; marked: number }> {
  const actor = signedInUser(ctx);
  const marked = await markUnreadRead(ctx.db, isoNow(ctx.clock), { userId: actor.userId });
  return { unread: await countUnread(ctx.db, actor.userId), marked };
}
