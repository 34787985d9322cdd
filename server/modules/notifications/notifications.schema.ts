import { z } from 'zod';
import type { Locale } from '../../../common/roles.js';

/** One notification text; a template has one per locale (notifications.templates.ts and its parts). */
export interface TemplateText {
  subject: string;
  body: string;
}
export type Template = Record<Locale, TemplateText>;

export const EMAIL_STATES = ['none', 'pending', 'sent', 'failed'] as const;
export type EmailState = (typeof EMAIL_STATES)[number];

export const notificationsQuery = z.strictObject({
  /** Only unread ones. */
  unread: z.stringbool().default(false),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationsQuery = z.infer<typeof notificationsQuery>;

export const notificationIdParams = z.strictObject({ id: z.uuid() });

export const notificationView = z.object({
  id: z.uuid(),
  kind: z.string(),
  platformId: z.uuid().nullable(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** Rendered in the viewer's locale (the same text as the e-mail). */
  subject: z.string(),
  body: z.string(),
  /** In-app path of what the notification is about, e.g. /calls/<id>. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  emailState: z.enum(EMAIL_STATES),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationList = z.object({
  items: z.array(notificationView),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationList>;

export const unreadCountView = z.object({ unread: z.number().int() });
export const markAllReadView = z.object({ unread: z.number().int(), marked: z.number().int() });
