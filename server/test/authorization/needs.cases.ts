import { contactMatch } from '../../modules/needs/needs.contacts.js';
import type { NeedInput } from '../../modules/needs/needs.schema.js';
import { createNeed } from '../../modules/needs/needs.service.js';
import { makeResult, technologyBody } from '../../modules/results/results.fixtures.js';
import { loadActor } from '../../modules/users/users.accounts.js';
import { buildUser } from '../factories.js';
import { buildOrganisation, buildPerson, buildUnit } from '../platform-factories.js';
import { type Expect, type MatrixEnv, type RouteCase, roleless } from './matrix.js';

/**
 * Rows of technology needs (issue 14, docs/needs.md). An enterprise reads and moves its own needs; a
 * staff-only need is hidden (404) from other enterprises and everyone without a role on the platform;
 * the platform's staff (tech-transfer officers, admins, supervisor; tokens belong to a system admin) read
 * every need and its matches but do not act for the enterprise (403). Contacts are answered by the unit
 * of the match (the A:lab_director directs it) and the platform's admins.
 */
const staffRead = {
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:supervisor': '2xx',
  'A:tech_transfer_officer': '2xx',
} as const;

const need = (o: Partial<NeedInput> = {}): NeedInput => ({
  title: '钙钛矿太阳能电池封装',
  problem: '需要提高钙钛矿光伏组件在湿热环境下的稳定性。',
  language: 'zh',
  fieldIds: [],
  budgetMinor: 1_000_000,
  currency: 'CNY',
  deadline: null,
  visibility: 'staff',
  ...o,
});

export function needsCases(env: MatrixEnv): RouteCase[] {
  let unit: string | undefined;
  let technology: string | undefined;
  let otherEnterprise: string | undefined;
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
  /** A technology of the director's unit that the need's text matches. */
  const tech = async () => {
    technology ??= (
      await makeResult(
        env.ctx(),
        technologyBody(env.A(), {
          unitId: await ownUnit(),
          titleZh: '钙钛矿组件封装',
          titleEn: 'Encapsulation of perovskite solar modules',
        }),
      )
    ).id;
    return technology;
  };
  /** The account linked to a person of an organisation (linking the person it already has, if any). */
  const withOrganisation = async (userId: string) => {
    const ctx = env.ctx();
    const linked = await ctx.db
      .selectFrom('people')
      .select(['id', 'organisation_id'])
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (linked?.organisation_id) return userId;
    const organisationId = (await buildOrganisation(ctx, { nameZh: `需求企业${n++}` })).id;
    if (linked)
      await ctx.db
        .updateTable('people')
        .set({ organisation_id: organisationId })
        .where('id', '=', linked.id)
        .execute();
    else await buildPerson(ctx, { userId, organisationId });
    return userId;
  };
  const enterprise = async (own: boolean) => {
    if (own) return withOrganisation(env.userId('A:enterprise_user')!);
    otherEnterprise ??= await withOrganisation(
      (
        await buildUser(env.ctx(), {
          username: `need-ent-${Date.now()}`,
          roles: ['enterprise_user'],
          platformId: env.A(),
        })
      ).id,
    );
    return otherEnterprise;
  };
  const actorCtx = async (userId: string) => ({
    ...env.ctx(),
    actor: (await loadActor(env.ctx().db, userId, 'session', ['read', 'write']))!,
  });
  /** A fresh need of the matrix's enterprise (own) or of another enterprise (other). */
  const posted = async (own: boolean, o: Partial<NeedInput> = {}) =>
    (await createNeed(await actorCtx(await enterprise(own)), env.A(), need(o))).id;
  const contact = async () => {
    const id = await posted(true);
    const ctx = await actorCtx(await enterprise(true));
    return (await contactMatch(ctx, id, { kind: 'technology', targetId: await tech(), message: '洽谈' })).id;
  };

  const ownReaders: Expect = {
    anonymous: '401',
    ...staffRead,
    'A:enterprise_user': '2xx',
    ...roleless('404'),
    others: '404',
  };
  const ownMovers: Expect = {
    anonymous: '401',
    'token:read': '403',
    'token:write': '403',
    system_admin: '403',
    'A:platform_admin': '403',
    'A:supervisor': '403',
    'A:tech_transfer_officer': '403',
    'A:enterprise_user': '2xx',
    ...roleless('404'),
    others: '404',
  };
  const otherHidden: Expect = { ...ownReaders, 'A:enterprise_user': '404' };
  return [
    { route: 'GET /api/public/needs', expect: { others: '2xx' }, cell: () => ({ url: '/api/public/needs' }) },
    {
      route: 'POST /api/platforms/:platformId/needs',
      expect: { anonymous: '401', 'A:enterprise_user': '2xx', others: '403' },
      cell: async () => {
        await enterprise(true);
        return { url: `/api/platforms/${env.A()}/needs`, body: need() };
      },
    },
    {
      route: 'GET /api/needs',
      expect: { anonymous: '401', others: '2xx' },
      cell: () => ({ url: '/api/needs' }),
    },
    {
      route: 'GET /api/needs/attention',
      expect: { anonymous: '401', ...staffRead, others: '403' },
      cell: () => ({ url: `/api/needs/attention?platformId=${env.A()}` }),
    },
    {
      route: 'GET /api/needs/:id',
      label: "the enterprise's own staff-only need",
      expect: ownReaders,
      cell: async () => ({ url: `/api/needs/${await posted(true)}` }),
    },
    {
      route: 'GET /api/needs/:id',
      label: "another enterprise's staff-only need",
      expect: otherHidden,
      cell: async () => ({ url: `/api/needs/${await posted(false)}` }),
    },
    {
      route: 'GET /api/needs/:id',
      label: "another enterprise's public need",
      expect: { anonymous: '401', others: '2xx' },
      cell: async () => ({ url: `/api/needs/${await posted(false, { visibility: 'public' })}` }),
    },
    {
      route: 'PUT /api/needs/:id',
      label: 'own need',
      expect: ownMovers,
      cell: async () => ({ url: `/api/needs/${await posted(true)}`, body: need({ title: '改' }) }),
    },
    {
      route: 'PUT /api/needs/:id',
      label: "another enterprise's staff-only need",
      expect: { ...ownMovers, 'A:enterprise_user': '404' },
      cell: async () => ({ url: `/api/needs/${await posted(false)}`, body: need({ title: '改' }) }),
    },
    {
      route: 'POST /api/needs/:id/transitions',
      expect: ownMovers,
      cell: async () => ({
        url: `/api/needs/${await posted(true)}/transitions`,
        body: { action: 'withdraw' },
      }),
    },
    {
      route: 'GET /api/needs/:id/matches',
      label: 'own need',
      expect: ownReaders,
      cell: async () => ({ url: `/api/needs/${await posted(true)}/matches` }),
    },
    {
      route: 'GET /api/needs/:id/matches',
      label: "another enterprise's public need: readable, its matches are not",
      expect: { anonymous: '401', ...staffRead, others: '403' },
      cell: async () => ({ url: `/api/needs/${await posted(false, { visibility: 'public' })}/matches` }),
    },
    {
      route: 'POST /api/needs/:id/contacts',
      expect: ownMovers,
      cell: async () => ({
        url: `/api/needs/${await posted(true)}/contacts`,
        body: { kind: 'technology', targetId: await tech(), message: '希望洽谈' },
      }),
    },
    {
      route: 'GET /api/need-contacts',
      expect: { anonymous: '401', others: '2xx' },
      cell: () => ({ url: '/api/need-contacts' }),
    },
    {
      route: 'POST /api/need-contacts/:id/answer',
      expect: {
        anonymous: '401',
        'token:read': '403',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:platform_admin': '2xx',
        'A:lab_director': '2xx',
        'A:supervisor': '403',
        'A:tech_transfer_officer': '403',
        'A:enterprise_user': '403',
        ...roleless('404'),
        others: '404',
      },
      cell: async () => ({ url: `/api/need-contacts/${await contact()}/answer`, body: { to: 'accepted' } }),
    },
  ];
}
