import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { requestOutboxPass } from './notifications.outbox.js';
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

/**
 * Records one notification per recipient inside the caller's transaction, so it exists exactly when
 * the change it reports commits. E-mail (when SMTP_URL is set and the user has an address) is sent
 * after the commit by the outbox (notifications.outbox.ts). Returns the number recorded.
 */
export async function notify(
  trx: Kysely<DB>,
  ctx: Pick<Ctx, 'db' | 'clock' | 'config'>,
  input: NotifyInput,
): Promise<number> {
  const ids = [...new Set(input.userIds)];
  if (ids.length === 0) return 0;
  const users = await trx
    .selectFrom('users')
    .select(['id', 'email', 'disabled_at'])
    .where('id', 'in', ids)
    .execute();
  if (users.length === 0) return 0;
  const now = isoNow(ctx.clock);
  const mail = !!ctx.config.smtpUrl;
  const params = JSON.stringify(input.params);
  await trx
    .insertInto('notifications')
    .values(
      users.map((u) => ({
        id: newId(),
        user_id: u.id,
        platform_id: input.platformId,
        kind: input.kind,
        entity_type: input.entityType,
        entity_id: input.entityId,
        params_json: params,
        created_at: now,
        read_at: null,
        email_state: mail && u.email && !u.disabled_at ? 'pending' : 'none',
        email_error: null,
        email_next_at: null,
        email_sent_at: null,
      })),
    )
    .execute();
  if (mail) requestOutboxPass(ctx.db);
  return users.length;
}

/**
 * Who on a platform hears of work for a role: the holders of `role` there, or the platform's admins
 * when nobody holds it (so the news is not lost).
 */
export async function roleHoldersOrAdmins(
  db: Kysely<DB>,
  platformId: string,
  role: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .select(['user_id', 'role'])
    .where('platform_id', '=', platformId)
    .where('role', 'in', [role, 'platform_admin'])
    .execute();
  const holders = rows.filter((r) => r.role === role);
  return (holders.length ? holders : rows).map((r) => r.user_id);
}

type Row = {
  id: string;
  platform_id: string | null;
  kind: string;
  entity_type: string;
  entity_id: string | null;
  params_json: string;
  created_at: string;
  read_at: string | null;
  email_state: string;
};

function view(r: Row, locale: string | null | undefined): NotificationView {
  const params = JSON.parse(r.params_json) as Record<string, string | number | null>;
  const text = render(r.kind, params, localeOf(locale));
  return {
    id: r.id,
    kind: r.kind,
    platformId: r.platform_id,
    entityType: r.entity_type,
    entityId: r.entity_id,
    params,
    subject: text.subject,
    body: text.body,
    link: linkPath(r.entity_type, r.entity_id),
    createdAt: r.created_at,
    readAt: r.read_at,
    emailState: r.email_state as NotificationView['emailState'],
  };
}

function signedInUser(ctx: Ctx) {
  if (!ctx.actor?.userId) throw notFound('notifications.not_found');
  return ctx.actor;
}

/** The caller's notifications, newest first, with the unread count; texts in the caller's locale. */
export async function listMyNotifications(ctx: Ctx, q: NotificationsQuery): Promise<NotificationList> {
  const actor = signedInUser(ctx);
  const mine = ctx.db.selectFrom('notifications').where('user_id', '=', actor.userId);
  const filtered = q.unread ? mine.where('read_at', 'is', null) : mine;
  const [rows, total, unread, user] = await Promise.all([
    filtered
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    mine
      .where('read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    ctx.db.selectFrom('users').select('locale').where('id', '=', actor.userId).executeTakeFirst(),
  ]);
  return {
    items: rows.map((r) => view(r, user?.locale)),
    total: Number(total.n),
    unread: Number(unread.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Marks one of the caller's notifications read (idempotent); another user's is not found. */
export async function markRead(ctx: Ctx, id: string): Promise<{ unread: number }> {
  const actor = signedInUser(ctx);
  const row = await ctx.db
    .selectFrom('notifications')
    .select(['id', 'read_at'])
    .where('id', '=', id)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!row) throw notFound('notifications.not_found');
  if (!row.read_at)
    await ctx.db
      .updateTable('notifications')
      .set({ read_at: isoNow(ctx.clock) })
      .where('id', '=', id)
      .where('read_at', 'is', null)
      .execute();
  return { unread: await unreadCount(ctx, actor.userId) };
}

/** Marks all of the caller's notifications read. */
export async function markAllRead(ctx: Ctx): Promise<{ unread: number; marked: number }> {
  const actor = signedInUser(ctx);
  const res = await ctx.db
    .updateTable('notifications')
    .set({ read_at: isoNow(ctx.clock) })
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return { unread: await unreadCount(ctx, actor.userId), marked: Number(res.numUpdatedRows) };
}

async function unreadCount(ctx: Ctx, userId: string): Promise<number> {
  const r = await ctx.db
    .selectFrom('notifications')
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
