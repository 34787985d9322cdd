import { buildPerson, buildUnit } from '../platform-factories.js';
import type { ActorName, Cls, Expect, MatrixEnv, RouteCase } from './matrix.js';
import { roleless } from './matrix.js';

/**
 * Rows of the services dashboards (issue 14, docs/services.md "Dashboards"), on platform A: the
 * enterprise's for its enterprise users, the unit's for its lab directors and admins, the supervisor's
 * for its supervisor and admins; others of the platform are refused (403), those without a role on it
 * are told it does not exist (404). What each one counts is the reader's own (service-dashboards.test.ts).
 */
const onA = (readers: Partial<Record<ActorName, Cls>>): Expect => ({
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  'B:platform_admin': '404',
  ...roleless('404'),
  others: '403',
  ...readers,
});

export function serviceDashboardsCases(env: MatrixEnv): RouteCase[] {
  let directs = false;
  /** A:lab_director directs a unit of A (other rows may have made one already; one more does no harm). */
  const directing = async () => {
    if (directs) return;
    const ctx = env.ctx();
    const userId = env.userId('A:lab_director')!;
    const linked = await ctx.db
      .selectFrom('people')
      .select('id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const person = linked?.id ?? (await buildPerson(ctx, { userId })).id;
    await buildUnit(ctx, { platformId: env.A(), directorPersonId: person });
    directs = true;
  };
  const cell = (kind: string) => async () => {
    if (kind === 'unit') await directing();
    return { url: `/api/service-dashboards/${kind}?platformId=${env.A()}` };
  };
  return [
    {
      route: 'GET /api/service-dashboards/enterprise',
      expect: onA({ 'A:enterprise_user': '2xx' }),
      cell: cell('enterprise'),
    },
    {
      route: 'GET /api/service-dashboards/unit',
      expect: onA({ 'A:platform_admin': '2xx', 'A:lab_director': '2xx' }),
      cell: cell('unit'),
    },
    {
      route: 'GET /api/service-dashboards/supervisor',
      expect: onA({ 'A:platform_admin': '2xx', 'A:supervisor': '2xx' }),
      cell: cell('supervisor'),
    },
  ];
}
