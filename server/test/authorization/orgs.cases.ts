import type { Role } from '../../../common/roles.js';
import type { Ctx } from '../../http/context.js';
import { newId } from '../../http/context.js';
import { csv, multipart } from '../../modules/imports/imports.fixtures.js';
import { buildOrg } from '../../modules/orgs/orgs.fixtures.js';
import { buildMember, buildPerson } from '../platform-factories.js';
import { roleless } from './matrix.js';

/**
 * The authorization matrix rows of the organisation registry and of import/export (issue 3), in the
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
  headers?: Record<string, string>;
}
interface RouteCase {
  route: string;
  label?: string;
  expect: Expect;
  cell(actor: ActorName): Promise<Cell> | Cell;
}
export interface OrgsMatrixEnv {
  ctx(): Ctx;
  A(): string;
}

const signedIn: Expect = { anonymous: '401', others: '2xx' };
/** Registry keepers: system admins, and platform admins and program officers of any platform. */
const keepersRead: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:program_officer': '2xx',
  'B:platform_admin': '2xx',
  others: '403',
};
const keepers: Expect = { ...keepersRead, 'token:read': '403' };
/** Who may create people: admins of any platform and lab directors. */
const peopleMakers: Expect = { ...keepers, 'A:program_officer': '403', 'A:lab_director': '2xx' };
/** Who may list the people directory. */
const peopleReaders: Expect = {
  ...keepersRead,
  'A:supervisor': '2xx',
  'A:lab_director': '2xx',
};
const adminsOfA: Expect = {
  anonymous: '401',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  others: '403',
};
/**
 * An organisation platform A's records use (ADR 0013): A's registry keepers and system admins (and the
 * system admin's write token); a keeper of another platform only, B's admin, is refused.
 */
const keepersOfA: Expect = { ...keepers, 'B:platform_admin': '403' };
const rolesOnA: Expect = { anonymous: '401', 'B:platform_admin': '403', others: '2xx' };

export function orgsImportsCases(env: OrgsMatrixEnv): RouteCase[] {
  let n = 0;
  const uniq = () => `矩阵${Date.now().toString(36)}${n++}`;
  const org = async () => (await buildOrg(env.ctx(), { nameZh: uniq() })).id;
  /** An organisation whose person sits on A's committee: A's records use it. */
  const orgOfA = async () => {
    const id = await org();
    const person = await buildPerson(env.ctx(), { organisationId: id });
    await buildMember(env.ctx(), env.A(), { personId: person.id });
    return id;
  };
  const files = {
    organisations: () =>
      csv([
        ['名称', '类型'],
        [uniq(), '其他'],
      ]),
    people: () => csv([['姓名'], [uniq()]]),
    committee: () =>
      csv([
        ['姓名', '类别', '任期开始'],
        [uniq(), '学术', '2026-01-01'],
      ]),
  };
  const query = (kind: keyof typeof files) => (kind === 'committee' ? `?platformId=${env.A()}` : '');
  const upload = (kind: keyof typeof files): Cell => {
    const { payload, headers } = multipart(files[kind]());
    return { url: '', body: payload, headers };
  };
  const importers: Record<keyof typeof files, Expect> = {
    organisations: keepers,
    people: peopleMakers,
    committee: adminsOfA,
  };
  const exporters: Record<keyof typeof files, Expect> = {
    organisations: signedIn,
    people: peopleReaders,
    committee: { ...rolesOnA, ...roleless('403') },
  };

  return [
    { route: 'GET /api/orgs', expect: signedIn, cell: () => ({ url: '/api/orgs?q=x' }) },
    {
      route: 'POST /api/orgs',
      expect: keepers,
      cell: () => ({ url: '/api/orgs', body: { nameZh: uniq(), type: 'other' } }),
    },
    { route: 'GET /api/orgs/duplicates', expect: keepersRead, cell: () => ({ url: '/api/orgs/duplicates' }) },
    { route: 'GET /api/orgs/:id', expect: signedIn, cell: async () => ({ url: `/api/orgs/${await org()}` }) },
    {
      route: 'GET /api/orgs/:id',
      label: 'unknown organisation',
      expect: { anonymous: '401', others: '404' },
      cell: () => ({ url: `/api/orgs/${newId()}` }),
    },
    {
      route: 'GET /api/orgs/:id/contacts',
      expect: signedIn,
      cell: async () => ({ url: `/api/orgs/${await org()}/contacts` }),
    },
    {
      route: 'GET /api/orgs/:id/contacts',
      label: 'unknown organisation',
      expect: { anonymous: '401', others: '404' },
      cell: () => ({ url: `/api/orgs/${newId()}/contacts` }),
    },
    {
      route: 'PATCH /api/orgs/:id',
      expect: keepers,
      cell: async () => ({ url: `/api/orgs/${await org()}`, body: { address: '新地址' } }),
    },
    {
      route: 'POST /api/orgs/:id/merge',
      expect: keepers,
      cell: async () => ({
        url: `/api/orgs/${await org()}/merge`,
        body: { intoId: await org(), reason: 'matrix' },
      }),
    },
    {
      route: 'PATCH /api/orgs/:id',
      label: "used by platform A's records",
      expect: keepersOfA,
      cell: async () => ({ url: `/api/orgs/${await orgOfA()}`, body: { address: '新地址' } }),
    },
    {
      route: 'POST /api/orgs/:id/merge',
      label: "used by platform A's records",
      expect: keepersOfA,
      cell: async () => ({
        url: `/api/orgs/${await orgOfA()}/merge`,
        body: { intoId: await org(), reason: 'matrix' },
      }),
    },
    ...(['organisations', 'people', 'committee'] as const).flatMap((kind): RouteCase[] => [
      {
        route: `POST /api/imports/${kind}/preview`,
        expect: importers[kind],
        cell: () => ({ ...upload(kind), url: `/api/imports/${kind}/preview${query(kind)}` }),
      },
      {
        route: `POST /api/imports/${kind}`,
        expect: importers[kind],
        cell: () => ({ ...upload(kind), url: `/api/imports/${kind}${query(kind)}` }),
      },
      ...(['csv', 'xlsx'] as const).flatMap((format): RouteCase[] => [
        {
          route: `GET /api/imports/${kind}/template.${format}`,
          expect: signedIn,
          cell: () => ({ url: `/api/imports/${kind}/template.${format}` }),
        },
        {
          route: `GET /api/exports/${kind}.${format}`,
          expect: exporters[kind],
          cell: () => ({ url: `/api/exports/${kind}.${format}${query(kind)}` }),
        },
      ]),
    ]),
  ];
}
