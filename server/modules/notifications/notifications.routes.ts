import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import {
  markAllReadView,
  notificationIdParams,
  notificationList,
  notificationsQuery,
  unreadCountView,
} from './notifications.schema.js';
import { listMyNotifications, markAllRead, markRead } from './notifications.service.js';

export async function notificationsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['notifications'];

  app.get(
    '/api/me/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first, with the unread count (texts in my language)',
        querystring: notificationsQuery,
        response: { 200: notificationList, ...problemResponses },
      },
    },
    async (request) => listMyNotifications(ctxOf(request), request.query),
  );

  app.post(
    '/api/me/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: notificationIdParams,
        response: { 200: unreadCountView, ...problemResponses },
      },
    },
    async (request) => markRead(ctxOf(request), request.params.id),
  );

  app.post(
    '/api/me/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: markAllReadView, ...problemResponses },
      },
    },
    async (request) => markAllRead(ctxOf(request)),
  );
}
