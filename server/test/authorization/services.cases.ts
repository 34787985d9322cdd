import { pdfBytes } from '../../modules/applications/applications.fixtures.js';
import { deliverReport } from '../../modules/services/services.delivery.js';
import { buildPublishedService, serviceInput } from '../../modules/services/services.fixtures.js';
import { createRequest, transitionRequest } from '../../modules/services/services.requests.js';
import { loadActor } from '../../modules/users/users.accounts.js';
import { buildUser } from '../factories.js';
import { buildPerson, buildUnit } from '../platform-factories.js';
import { type ActorName, type Expect, type MatrixEnv, type RouteCase, roleless } from './matrix.js';

/**
 * Rows of services to enterprises (issue 14). A unit's catalog and queue are kept by its director (the
 * A:lab_director, linked to the unit) and the platform's admins; enterprise users ask; an enterprise
 * sees its own requests only ("other" is one of another enterprise account: 404); the supervisor reads
 * the platform. Tokens belong to a system admin.
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

export function servicesCases(env: MatrixEnv): RouteCase[] {
  let unit: string | undefined;
  let n = 0;
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
  const published = async () => (await buildPublishedService(env.ctx(), env.A(), await ownUnit())).id;
  const draft = async () => {
    const { createService } = await import('../../modules/services/services.service.js');
    return (await createService(env.ctx(), env.A(), serviceInput(await ownUnit()))).id;
  };
  /** A request by the matrix's enterprise user (own) or by another enterprise account (other). */
  const request = async (own: boolean) => {
    const ctx = env.ctx();
    const userId = own
      ? env.userId('A:enterprise_user')!
      : (
          await buildUser(ctx, {
            username: `ent-${n++}-${Date.now()}`,
            roles: ['enterprise_user'],
            platformId: env.A(),
          })
        ).id;
    const actor = (await loadActor(ctx.db, userId, 'session', ['read', 'write']))!;
    return (
      await createRequest({ ...ctx, actor }, await published(), {
        description: '检测',
        quantity: 1,
        wantedBy: null,
      })
    ).id;
  };
  /** A request of the matrix's enterprise taken to delivered through the services' own steps. */
  const delivered = async () => {
    const id = await request(true);
    const ctx = env.ctx();
    const as = async (role: ActorName) => ({
      ...ctx,
      actor: (await loadActor(ctx.db, env.userId(role)!, 'session', ['read', 'write']))!,
    });
    const unit = await as('A:lab_director');
    await transitionRequest(unit, id, { action: 'quote', priceMinor: 100, dueOn: '2030-01-01' });
    await transitionRequest(await as('A:enterprise_user'), id, { action: 'accept' });
    await transitionRequest(unit, id, { action: 'contract' });
    await transitionRequest(unit, id, { action: 'start' });
    await deliverReport(unit, id, { fileName: 'report.pdf', bytes: pdfBytes('matrix') });
    return id;
  };
  const readers = (own: boolean): Expect => ({
    anonymous: '401',
    'token:read': '2xx',
    'token:write': '2xx',
    system_admin: '2xx',
    'A:platform_admin': '2xx',
    'A:supervisor': '2xx',
    'A:lab_director': '2xx',
    'A:enterprise_user': own ? '2xx' : '404',
    ...roleless('404'),
    others: '404',
  });
  const publicRow = (route: string, url: () => Promise<string>): RouteCase => ({
    route,
    expect: { others: '2xx' },
    cell: async () => ({ url: await url() }),
  });
  return [
    publicRow(
      'GET /api/public/platforms/:platformId/services',
      async () => `/api/public/platforms/${env.A()}/services?q=calibration`,
    ),
    publicRow('GET /api/public/services/:id', async () => `/api/public/services/${await published()}`),
    {
      route: 'GET /api/platforms/:platformId/services',
      expect: { anonymous: '401', others: '2xx' },
      cell: () => ({ url: `/api/platforms/${env.A()}/services` }),
    },
    {
      route: 'POST /api/platforms/:platformId/services',
      expect: keepers,
      cell: async () => ({ url: `/api/platforms/${env.A()}/services`, body: serviceInput(await ownUnit()) }),
    },
    {
      route: 'GET /api/services/:id',
      label: 'a draft: people of the platform only',
      expect: { anonymous: '401', 'B:platform_admin': '404', ...roleless('404'), others: '2xx' },
      cell: async () => ({ url: `/api/services/${await draft()}` }),
    },
    {
      route: 'PUT /api/services/:id',
      expect: { ...keepers, 'B:platform_admin': '404', ...roleless('404') },
      cell: async () => ({ url: `/api/services/${await draft()}`, body: serviceInput(await ownUnit()) }),
    },
    {
      route: 'POST /api/services/:id/state',
      expect: { ...keepers, 'B:platform_admin': '404', ...roleless('404') },
      cell: async () => ({ url: `/api/services/${await draft()}/state`, body: { to: 'published' } }),
    },
    {
      route: 'POST /api/services/:id/requests',
      expect: {
        anonymous: '401',
        'token:read': '403',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:enterprise_user': '2xx',
        others: '403',
      },
      cell: async () => ({
        url: `/api/services/${await published()}/requests`,
        body: { description: '检测' },
      }),
    },
    {
      route: 'GET /api/service-requests',
      label: "the platform's requests (view=all)",
      expect: {
        anonymous: '401',
        'token:read': '2xx',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:platform_admin': '2xx',
        'A:supervisor': '2xx',
        'B:platform_admin': '404',
        ...roleless('404'),
        others: '403',
      },
      cell: () => ({ url: `/api/service-requests?platformId=${env.A()}&view=all` }),
    },
    {
      // The export reads the list through listRequests: the same answers, nothing a caller cannot list.
      route: 'GET /api/service-requests/export.xlsx',
      label: "the platform's requests (view=all)",
      expect: {
        anonymous: '401',
        'token:read': '2xx',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:platform_admin': '2xx',
        'A:supervisor': '2xx',
        'B:platform_admin': '404',
        ...roleless('404'),
        others: '403',
      },
      cell: () => ({ url: `/api/service-requests/export.xlsx?platformId=${env.A()}&view=all` }),
    },
    {
      route: 'GET /api/service-requests/export.xlsx',
      label: "the enterprise's own requests (view=mine)",
      expect: {
        anonymous: '401',
        'token:read': '2xx',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:enterprise_user': '2xx',
        'B:platform_admin': '404',
        ...roleless('404'),
        others: '403',
      },
      cell: () => ({ url: `/api/service-requests/export.xlsx?platformId=${env.A()}&view=mine` }),
    },
    {
      route: 'GET /api/service-requests/:id',
      label: "the matrix enterprise's own request",
      expect: readers(true),
      cell: async () => ({ url: `/api/service-requests/${await request(true)}` }),
    },
    {
      route: 'GET /api/service-requests/:id',
      label: "another enterprise's request",
      expect: readers(false),
      cell: async () => ({ url: `/api/service-requests/${await request(false)}` }),
    },
    {
      route: 'POST /api/service-requests/:id/transitions',
      label: 'the unit quotes',
      expect: {
        ...keepers,
        'A:supervisor': '403',
        'A:enterprise_user': '403',
        'B:platform_admin': '404',
        ...roleless('404'),
        others: '404',
      },
      cell: async () => ({
        url: `/api/service-requests/${await request(true)}/transitions`,
        body: { action: 'quote', priceMinor: 100, dueOn: '2030-01-01' },
      }),
    },
    {
      route: 'POST /api/service-requests/:id/report',
      label: 'not in progress yet: whoever may read it is told 409 (state before side), others 404',
      expect: {
        anonymous: '401',
        'token:read': '403',
        'token:write': '409',
        system_admin: '409',
        'A:platform_admin': '409',
        'A:lab_director': '409',
        'A:supervisor': '409',
        'A:enterprise_user': '409',
        'B:platform_admin': '404',
        ...roleless('404'),
        others: '404',
      },
      cell: async () => ({ url: `/api/service-requests/${await request(true)}/report` }),
    },
    {
      route: 'GET /api/service-requests/:id/report',
      label: "the delivered report of the matrix enterprise's request",
      expect: readers(true),
      cell: async () => ({ url: `/api/service-requests/${await delivered()}/report` }),
    },
    {
      route: 'POST /api/service-requests/:id/survey',
      label: 'not delivered: the enterprise is told 409',
      expect: {
        anonymous: '401',
        'token:read': '403',
        'token:write': '403',
        system_admin: '403',
        'A:platform_admin': '403',
        'A:lab_director': '403',
        'A:supervisor': '403',
        'A:enterprise_user': '409',
        'B:platform_admin': '404',
        ...roleless('404'),
        others: '404',
      },
      cell: async () => ({
        url: `/api/service-requests/${await request(true)}/survey`,
        body: { salesMinor: 0, savingsMinor: 0, investmentMinor: 0, jobs: 0 },
      }),
    },
    {
      route: 'GET /api/platforms/:platformId/service-outcomes',
      expect: {
        anonymous: '401',
        'token:read': '2xx',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:platform_admin': '2xx',
        'A:supervisor': '2xx',
        'B:platform_admin': '404',
        ...roleless('404'),
        others: '403',
      },
      cell: () => ({ url: `/api/platforms/${env.A()}/service-outcomes` }),
    },
  ];
}
