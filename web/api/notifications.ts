// The in-app notification centre (issue 4): shapes are the server's zod schemas (type-only imports).
import type { z } from 'zod';
import type {
  markAllReadView,
  notificationList,
  notificationView,
  unreadCountView,
} from '../../server/modules/notifications/notifications.schema.js';
import { request } from './client.js';

export type NotificationView = z.infer<typeof notificationView>;
export type NotificationList = z.infer<typeof notificationList>;

const enc = encodeURIComponent;

export const notificationsApi = {
  list: (q: { unread?: boolean; page?: number; pageSize?: number }) =>
    request<NotificationList>('GET', '/api/me/notifications', { query: q }),
  markRead: (id: string) =>
    request<z.infer<typeof unreadCountView>>('POST', `/api/me/notifications/${enc(id)}/read`, { body: {} }),
  markAllRead: () =>
    request<z.infer<typeof markAllReadView>>('POST', '/api/me/notifications/read-all', { body: {} }),
};
