import { buildPerson, buildUnit } from '../platform-factories.js';
import type { Expect, MatrixEnv, RouteCase } from './matrix.js';

/**
 * The authorization matrix rows of the analytics (issue 15): the whole-platform readers of A see A;
 * B's admin sees B and nothing of A; A's lab director, made the director of a unit of A first, sees that
 * unit (analytics.test.ts checks it is only the unit); asking for a platform one may not analyse is
 * refused, not answered with a smaller total. Tokens are a system admin's.
 */
const analysts: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:supervisor': '2xx',
  'A:program_officer': '2xx',
  'A:tech_transfer_officer': '2xx',
  'A:lab_director': '2xx',
  'B:platform_admin': '2xx',
  others: '403',
};

export function analyticsCases(env: MatrixEnv): RouteCase[] {
  let directed = false;
  /** A's lab director directs a unit of A (other rows may have made one already: the person is reused). */
  const directorOfUnit = async () => {
    if (directed) return;
    const ctx = env.ctx();
    const userId = env.userId('A:lab_director')!;
    const linked = await ctx.db
      .selectFrom('people')
      .select('id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const person = linked?.id ?? (await buildPerson(ctx, { userId })).id;
    await buildUnit(ctx, { platformId: env.A(), directorPersonId: person });
    directed = true;
  };
  // Years no other row writes money in, so no exchange rate is needed whatever the other rows recorded.
  const url = (q = '') => `/api/analytics?from=2190&to=2191&currency=CNY${q}`;
  // The platforms exist only once the matrix has set up: their ids are read when the cell is made.
  const at = (q: () => string) => async () => {
    await directorOfUnit();
    return { url: url(q()) };
  };
  return [
    { route: 'GET /api/analytics', expect: analysts, cell: at(() => '') },
    {
      route: 'GET /api/analytics',
      label: 'platform A asked for by name',
      expect: { ...analysts, 'B:platform_admin': '403' },
      cell: at(() => `&platformIds=${env.A()}`),
    },
    {
      route: 'GET /api/analytics',
      label: 'platforms A and B compared',
      expect: {
        anonymous: '401',
        'token:read': '2xx',
        'token:write': '2xx',
        system_admin: '2xx',
        others: '403',
      },
      cell: at(() => `&platformIds=${env.A()},${env.B()}`),
    },
    {
      route: 'GET /api/analytics.xlsx',
      expect: analysts,
      cell: async () => {
        await directorOfUnit();
        return { url: '/api/analytics.xlsx?from=2190&to=2191&currency=CNY&lang=zh-CN' };
      },
    },
    {
      route: 'GET /api/analytics/annual-report.pdf',
      expect: { ...analysts, 'B:platform_admin': '403' },
      cell: async () => {
        await directorOfUnit();
        return { url: `/api/analytics/annual-report.pdf?platformId=${env.A()}&year=2191&lang=en-US` };
      },
    },
  ];
}
