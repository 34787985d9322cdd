import { bookInstrument } from '../../modules/instruments/instruments.bookings.js';
import { buildPublishedInstrument, instrumentInput } from '../../modules/instruments/instruments.fixtures.js';
import { createInstrument } from '../../modules/instruments/instruments.service.js';
import { loadActor } from '../../modules/users/users.accounts.js';
import { buildUser } from '../factories.js';
import { buildPerson, buildUnit } from '../platform-factories.js';
import { type Expect, type MatrixEnv, type RouteCase, roleless } from './matrix.js';

/**
 * Rows of large-instrument sharing (issue 14). Instruments are kept by the unit's director (the
 * A:lab_director, linked to the unit) and the platform's admins; everyone with a role on the platform
 * may book machine hours (enterprise users through the green channel); an enterprise sees and cancels
 * only its own bookings (another enterprise's: 404). Tokens belong to a system admin.
 */
const keepers: Expect = {
  anonymous: '401',
  'token:read': '403',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:lab_director': '2xx',
  others: '403',
};

export function instrumentsCases(env: MatrixEnv): RouteCase[] {
  let unit: string | undefined;
  let published: string | undefined;
  let n = 0;
  /** A fresh day per cell, so bookings of one cell never meet another's hours. */
  const day = () => {
    n += 1;
    return new Date(Date.UTC(2032, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  };
  const span = (d: string) => ({
    startsAt: `${d}T09:00:00.000Z`,
    endsAt: `${d}T10:00:00.000Z`,
    purpose: '表征',
  });
  const ownUnit = async () => {
    if (unit) return unit;
    const ctx = env.ctx();
    const userId = env.userId('A:lab_director')!;
    const linked = await ctx.db
      .selectFrom('people')
      .select('id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const person = linked?.id ?? (await buildPerson(ctx, { userId })).id;
    unit = (await buildUnit(ctx, { platformId: env.A(), directorPersonId: person })).id;
    return unit;
  };
  const instrument = async () => {
    published ??= (await buildPublishedInstrument(env.ctx(), env.A(), await ownUnit())).id;
    return published;
  };
  const draft = async () => (await createInstrument(env.ctx(), env.A(), instrumentInput(await ownUnit()))).id;
  /** A booking by the matrix's enterprise user (own) or by another enterprise account (other). */
  const booking = async (own: boolean) => {
    const ctx = env.ctx();
    const userId = own
      ? env.userId('A:enterprise_user')!
      : (
          await buildUser(ctx, {
            username: `ins-ent-${n}-${Date.now()}`,
            roles: ['enterprise_user'],
            platformId: env.A(),
          })
        ).id;
    const actor = (await loadActor(ctx.db, userId, 'session', ['read', 'write']))!;
    return (await bookInstrument({ ...ctx, actor }, await instrument(), span(day()), 'booking')).id;
  };
  const calendar = () => `from=2032-01-01T00:00:00.000Z&to=2032-01-20T00:00:00.000Z`;
  const publicRow = (route: string, url: () => Promise<string>): RouteCase => ({
    route,
    expect: { others: '2xx' },
    cell: async () => ({ url: await url() }),
  });
  const decide = (own: boolean, action: string, expect: Expect, label: string): RouteCase => ({
    route: 'POST /api/instrument-bookings/:id/decision',
    label,
    expect,
    cell: async () => ({
      url: `/api/instrument-bookings/${await booking(own)}/decision`,
      body: { action, reason: '设备故障' },
    }),
  });
  return [
    publicRow(
      'GET /api/public/platforms/:platformId/instruments',
      async () => `/api/public/platforms/${env.A()}/instruments?q=microscope`,
    ),
    publicRow('GET /api/public/instruments/:id', async () => `/api/public/instruments/${await instrument()}`),
    publicRow(
      'GET /api/public/instruments/:id/calendar',
      async () => `/api/public/instruments/${await instrument()}/calendar?${calendar()}`,
    ),
    {
      route: 'GET /api/platforms/:platformId/instruments',
      expect: { anonymous: '401', others: '2xx' },
      cell: () => ({ url: `/api/platforms/${env.A()}/instruments` }),
    },
    {
      route: 'POST /api/platforms/:platformId/instruments',
      expect: keepers,
      cell: async () => ({
        url: `/api/platforms/${env.A()}/instruments`,
        body: instrumentInput(await ownUnit()),
      }),
    },
    {
      route: 'GET /api/instruments/:id',
      label: 'a draft: people of the platform only',
      expect: { anonymous: '401', 'B:platform_admin': '404', ...roleless('404'), others: '2xx' },
      cell: async () => ({ url: `/api/instruments/${await draft()}` }),
    },
    {
      route: 'PUT /api/instruments/:id',
      expect: { ...keepers, 'B:platform_admin': '404', ...roleless('404') },
      cell: async () => ({
        url: `/api/instruments/${await draft()}`,
        body: instrumentInput(await ownUnit()),
      }),
    },
    {
      route: 'POST /api/instruments/:id/state',
      expect: { ...keepers, 'B:platform_admin': '404', ...roleless('404') },
      cell: async () => ({ url: `/api/instruments/${await draft()}/state`, body: { to: 'published' } }),
    },
    {
      route: 'GET /api/instruments/:id/calendar',
      expect: { anonymous: '401', others: '2xx' },
      cell: async () => ({ url: `/api/instruments/${await instrument()}/calendar?${calendar()}` }),
    },
    {
      route: 'POST /api/instruments/:id/bookings',
      label: 'everyone with a role on the platform',
      expect: {
        anonymous: '401',
        'token:read': '403',
        'B:platform_admin': '403',
        ...roleless('403'),
        others: '2xx',
      },
      cell: async () => ({ url: `/api/instruments/${await instrument()}/bookings`, body: span(day()) }),
    },
    {
      route: 'POST /api/instruments/:id/maintenance',
      expect: { ...keepers, 'B:platform_admin': '404', ...roleless('404') },
      cell: async () => ({ url: `/api/instruments/${await instrument()}/maintenance`, body: span(day()) }),
    },
    {
      route: 'GET /api/instrument-bookings',
      label: 'own bookings (view=mine)',
      expect: { anonymous: '401', others: '2xx' },
      cell: () => ({ url: `/api/instrument-bookings?platformId=${env.A()}&view=mine` }),
    },
    {
      route: 'GET /api/instrument-bookings',
      label: "the units' approval queue (view=unit)",
      expect: {
        anonymous: '401',
        'token:read': '2xx',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:platform_admin': '2xx',
        'A:supervisor': '2xx',
        'A:lab_director': '2xx',
        others: '403',
      },
      cell: () => ({ url: `/api/instrument-bookings?platformId=${env.A()}&view=unit` }),
    },
    decide(
      true,
      'reject',
      {
        ...keepers,
        'B:platform_admin': '404',
        ...roleless('404'),
        others: '403',
      },
      "the unit rejects the matrix enterprise's booking",
    ),
    decide(
      true,
      'cancel',
      {
        anonymous: '401',
        'token:read': '403',
        'A:enterprise_user': '2xx',
        'B:platform_admin': '404',
        ...roleless('404'),
        others: '403',
      },
      'the booker cancels its own booking',
    ),
    decide(
      false,
      'cancel',
      {
        anonymous: '401',
        'token:read': '403',
        'A:enterprise_user': '404',
        'B:platform_admin': '404',
        ...roleless('404'),
        others: '403',
      },
      "another enterprise's booking",
    ),
  ];
}
