import { newId } from '../../http/context.js';
import { csv, multipart } from '../../modules/imports/imports.fixtures.js';
import { createPerson } from '../../modules/people/people.service.js';
import { createExpertInTrx, expertIdOfUser } from '../../modules/review/experts/experts.service.js';
import type { ActorName, Cell, Expect, MatrixEnv, RouteCase } from './matrix.js';

/** Curators of the expert database: system admins, and platform admins and program officers of any platform. */
const curatorsRead: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:program_officer': '2xx',
  'B:platform_admin': '2xx',
  others: '403',
};
const curators: Expect = { ...curatorsRead, 'token:read': '403' };
const signedIn: Expect = { anonymous: '401', others: '2xx' };
const signedInWrite: Expect = { anonymous: '401', 'token:read': '403', others: '2xx' };

/** The authorization matrix rows of the expert database (issue 5). */
export function expertsCases(env: MatrixEnv): RouteCase[] {
  let n = 0;
  const uniq = () => `专家矩阵${Date.now().toString(36)}${n++}`;
  const profile = { category: 'industry' as const, loadMax: 4, expertiseZh: '矩阵测试' };
  const expert = async () => {
    const ctx = env.ctx();
    return ctx.db.transaction().execute((trx) =>
      createExpertInTrx(trx, ctx, {
        ...profile,
        person: { nameZh: uniq() },
        active: true,
        fieldIds: [],
        outputs: [],
        declaredConflicts: [],
        availability: [],
      }),
    );
  };
  /** The actor's own expert profile (for a token: its owner's), created on first use. */
  const ownProfile = async (actor: ActorName) => {
    const userId = env.userId(actor);
    if (!userId) return;
    const ctx = env.ctx();
    if (await expertIdOfUser(ctx.db, userId)) return;
    const person =
      (await ctx.db.selectFrom('people').select('id').where('user_id', '=', userId).executeTakeFirst())?.id ??
      (await createPerson(ctx, { nameZh: uniq(), userId })).id;
    await ctx.db.transaction().execute((trx) =>
      createExpertInTrx(trx, ctx, {
        ...profile,
        personId: person,
        active: true,
        fieldIds: [],
        outputs: [],
        declaredConflicts: [],
        availability: [],
      }),
    );
  };
  const upload = (): Cell => {
    const { payload, headers } = multipart(
      csv([
        ['姓名', '专家类别', '研究专长'],
        [uniq(), '产业', '矩阵导入'],
      ]),
    );
    return { url: '', body: payload, headers };
  };

  return [
    { route: 'GET /api/experts', expect: curatorsRead, cell: () => ({ url: '/api/experts?q=x' }) },
    {
      route: 'POST /api/experts',
      expect: curators,
      cell: () => ({ url: '/api/experts', body: { ...profile, person: { nameZh: uniq() } } }),
    },
    {
      route: 'GET /api/experts/:expertId',
      expect: curatorsRead,
      cell: async () => ({ url: `/api/experts/${await expert()}` }),
    },
    {
      route: 'GET /api/experts/:expertId',
      label: 'unknown expert',
      expect: {
        ...curatorsRead,
        'token:read': '404',
        'token:write': '404',
        system_admin: '404',
        'A:platform_admin': '404',
        'A:program_officer': '404',
        'B:platform_admin': '404',
      },
      cell: () => ({ url: `/api/experts/${newId()}` }),
    },
    {
      route: 'PUT /api/experts/:expertId',
      expect: curators,
      cell: async () => ({ url: `/api/experts/${await expert()}`, body: { ...profile, loadMax: 5 } }),
    },
    {
      route: 'GET /api/experts/me',
      label: 'own profile',
      expect: signedIn,
      cell: async (actor) => {
        await ownProfile(actor);
        return { url: '/api/experts/me' };
      },
    },
    {
      route: 'PUT /api/experts/me',
      label: 'own profile',
      expect: signedInWrite,
      cell: async (actor) => {
        await ownProfile(actor);
        return { url: '/api/experts/me', body: { expertiseEn: 'Matrix', loadMax: 3 } };
      },
    },
    {
      route: 'POST /api/imports/experts/preview',
      expect: curators,
      cell: () => ({ ...upload(), url: '/api/imports/experts/preview' }),
    },
    {
      route: 'POST /api/imports/experts',
      expect: curators,
      cell: () => ({ ...upload(), url: '/api/imports/experts' }),
    },
    ...(['csv', 'xlsx'] as const).flatMap((format): RouteCase[] => [
      {
        route: `GET /api/imports/experts/template.${format}`,
        expect: signedIn,
        cell: () => ({ url: `/api/imports/experts/template.${format}` }),
      },
      {
        route: `GET /api/exports/experts.${format}`,
        expect: curatorsRead,
        cell: () => ({ url: `/api/exports/experts.${format}` }),
      },
    ]),
  ];
}
