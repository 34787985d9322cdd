import type { Role } from '../../common/roles.js';
import { notify } from '../modules/notifications/notifications.service.js';
import type { Ctx } from './context.js';
import { newId } from './context.js';

/**
 * The authorization matrix rows of R&D calls, notifications and intramural projects (issue 4), in the
 * shape of authorization.test.ts, which spreads them into its table.
 */
type Cls = '2xx' | '3xx' | '401' | '403' | '404';
type ActorName =
  | 'anonymous'
  | 'token:read'
  | 'token:write'
  | 'system_admin'
  | `A:${Role}`
  | 'B:platform_admin';
type Expect = Partial<Record<ActorName, Cls>> & { others: Cls };
interface Cell {
  url: string;
  body?: unknown;
}
interface RouteCase {
  route: string;
  label?: string;
  expect: Expect;
  cell(actor: ActorName): Promise<Cell> | Cell;
}
export interface CallsMatrixEnv {
  ctx(): Ctx;
  A(): string;
  B(): string;
  userId(actor: ActorName): string | undefined;
}

const signedIn: Expect = { anonymous: '401', others: '2xx' };
const signedInWrite: Expect = { anonymous: '401', 'token:read': '403', others: '2xx' };

export function callsCases(env: CallsMatrixEnv): RouteCase[] {
  /** A notification for the actor (for a token: its owner), or for a stranger. */
  const notificationOf = async (userId: string | undefined) => {
    const ctx = env.ctx();
    if (!userId) return newId();
    await ctx.db.transaction().execute((trx) =>
      notify(trx, ctx, {
        userIds: [userId],
        kind: 'call.closed',
        platformId: env.A(),
        entityType: 'call',
        entityId: newId(),
        params: { callCode: 'M', callTitleZh: '矩阵', callTitleEn: 'Matrix' },
      }),
    );
    const row = await ctx.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  let stranger: string | undefined;
  const strangersNotification = async () => {
    stranger ??= env.userId('A:researcher');
    return notificationOf(stranger);
  };

  return [
    { route: 'GET /api/me/notifications', expect: signedIn, cell: () => ({ url: '/api/me/notifications' }) },
    {
      route: 'POST /api/me/notifications/:id/read',
      label: 'own notification',
      expect: signedInWrite,
      cell: async (actor) => ({
        url: `/api/me/notifications/${await notificationOf(env.userId(actor))}/read`,
      }),
    },
    {
      route: 'POST /api/me/notifications/:id/read',
      label: "someone else's notification",
      expect: { anonymous: '401', 'token:read': '403', 'A:researcher': '2xx', others: '404' },
      cell: async () => ({ url: `/api/me/notifications/${await strangersNotification()}/read` }),
    },
    {
      route: 'POST /api/me/notifications/read-all',
      expect: signedInWrite,
      cell: () => ({ url: '/api/me/notifications/read-all' }),
    },
  ];
}
