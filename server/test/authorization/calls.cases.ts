import type { Role } from '../../../common/roles.js';
import type { Ctx } from '../../http/context.js';
import { newId } from '../../http/context.js';
import { createCall, publishCall } from '../../modules/calls/calls.service.js';
import { notify } from '../../modules/notifications/notifications.service.js';
import { buildField, buildPerson, buildUnit } from '../platform-factories.js';
import { roleless } from './matrix.js';

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
  | 'security_admin'
  | 'audit_admin'
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
/** Everyone with a role on A; another platform's admin is refused. */
const rolesOnA: Expect = { anonymous: '401', 'B:platform_admin': '403', ...roleless('403'), others: '2xx' };
/** Program officers and admins of platform A (tokens belong to a system admin). */
const callStaff: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:program_officer': '2xx',
  others: '403',
};
const callStaffWrite: Expect = { ...callStaff, 'token:read': '403' };
/** On a draft, anyone but the staff is told it does not exist. */
const draftStaffWrite: Expect = { ...callStaffWrite, others: '404' };

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
  let n = 0;
  let field: string | undefined;
  const callBody = async () => {
    field ??= (await buildField(env.ctx())).id;
    return {
      code: `M${Date.now().toString(36)}${n++}`.toUpperCase(),
      titleZh: '矩阵计划',
      titleEn: 'Matrix call',
      summaryZh: '授权矩阵',
      opensAt: '2026-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
      budgetTotalMinor: 1_000_000,
      ceilingMinor: 100_000,
      fieldIds: [field],
    };
  };
  const draftCall = async () => (await createCall(env.ctx(), env.A(), await callBody())).id;
  const publishedCall = async () => (await publishCall(env.ctx(), await draftCall())).id;
  /** A unit of A directed by A's lab director (their account linked to the director). */
  let directedUnit: string | undefined;
  const ownUnit = async () => {
    if (directedUnit) return directedUnit;
    const ctx = env.ctx();
    const userId = env.userId('A:lab_director')!;
    const linked = await ctx.db
      .selectFrom('people')
      .select('id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const person = linked?.id ?? (await buildPerson(ctx, { userId })).id;
    directedUnit = (await buildUnit(ctx, { platformId: env.A(), directorPersonId: person })).id;
    return directedUnit;
  };
  const projectBody = async () => ({
    unitId: await ownUnit(),
    code: `PR${Date.now().toString(36)}${n++}`.toUpperCase(),
    titleZh: '矩阵项目',
    titleEn: 'Matrix project',
    budgetMinor: 1000,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
  });
  let stranger: string | undefined;
  const strangersNotification = async () => {
    stranger ??= env.userId('A:researcher');
    return notificationOf(stranger);
  };

  return [
    { route: 'GET /api/calls', expect: { others: '2xx' }, cell: () => ({ url: '/api/calls?status=open' }) },
    {
      route: 'GET /api/calls/:id',
      label: 'published',
      expect: { others: '2xx' },
      cell: async () => ({ url: `/api/calls/${await publishedCall()}` }),
    },
    {
      route: 'GET /api/calls/:id',
      label: 'draft (staff preview)',
      expect: { ...callStaff, anonymous: '404', others: '404' },
      cell: async () => ({ url: `/api/calls/${await draftCall()}` }),
    },
    {
      route: 'GET /api/calls/:id/manage',
      label: 'published',
      expect: callStaff,
      cell: async () => ({ url: `/api/calls/${await publishedCall()}/manage` }),
    },
    {
      route: 'GET /api/calls/:id/manage',
      label: 'draft',
      expect: { ...callStaff, others: '404' },
      cell: async () => ({ url: `/api/calls/${await draftCall()}/manage` }),
    },
    {
      route: 'GET /api/platforms/:platformId/calls',
      expect: callStaff,
      cell: () => ({ url: `/api/platforms/${env.A()}/calls` }),
    },
    {
      // A page of the list (the analytics' drill-down pages it): the same reach as the whole list.
      route: 'GET /api/platforms/:platformId/calls',
      label: 'one page',
      expect: callStaff,
      cell: () => ({ url: `/api/platforms/${env.A()}/calls?page=2&pageSize=1&openedFrom=2000-01-01` }),
    },
    {
      route: 'POST /api/platforms/:platformId/calls',
      expect: callStaffWrite,
      cell: async () => ({ url: `/api/platforms/${env.A()}/calls`, body: await callBody() }),
    },
    {
      route: 'PATCH /api/calls/:id',
      expect: draftStaffWrite,
      cell: async () => ({ url: `/api/calls/${await draftCall()}`, body: { titleEn: 'Edited' } }),
    },
    {
      route: 'POST /api/calls/:id/copy',
      expect: callStaffWrite,
      cell: async () => {
        const { code, opensAt, closesAt } = await callBody();
        return { url: `/api/calls/${await publishedCall()}/copy`, body: { code, opensAt, closesAt } };
      },
    },
    {
      route: 'POST /api/calls/:id/publish',
      expect: draftStaffWrite,
      cell: async () => ({ url: `/api/calls/${await draftCall()}/publish`, body: {} }),
    },
    {
      route: 'POST /api/calls/:id/close',
      expect: callStaffWrite,
      cell: async () => ({ url: `/api/calls/${await publishedCall()}/close`, body: { reason: 'Matrix' } }),
    },
    {
      route: 'POST /api/calls/:id/extend-deadline',
      expect: callStaffWrite,
      cell: async () => ({
        url: `/api/calls/${await publishedCall()}/extend-deadline`,
        body: { closesAt: '2099-02-01T00:00:00Z', reason: 'Matrix' },
      }),
    },
    {
      route: 'GET /api/platforms/:platformId/projects',
      expect: rolesOnA,
      cell: () => ({ url: `/api/platforms/${env.A()}/projects` }),
    },
    {
      route: 'POST /api/platforms/:platformId/projects',
      label: "for the lab director's own unit",
      expect: {
        anonymous: '401',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:platform_admin': '2xx',
        'A:lab_director': '2xx',
        others: '403',
      },
      cell: async () => ({ url: `/api/platforms/${env.A()}/projects`, body: await projectBody() }),
    },
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
