import type { Role } from '../../../common/roles.js';
import type { Ctx } from '../../http/context.js';
import { newId } from '../../http/context.js';
import { buildField, buildMember, buildPerson, buildUnit } from '../platform-factories.js';
import { roleless } from './matrix.js';
import { type Fixtures, fixtures, staffEntry } from './platforms.fixtures.js';

/**
 * The authorization matrix rows of platforms, fields, units, people and the committee (issue 3), in the
 * shape of authorization.test.ts, which spreads them into its table. Kept apart so two modules can add
 * rows without editing the same lines.
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

/** What the matrix's set-up provides: a service context, its two platforms and each caller's user id. */
export interface MatrixEnv {
  ctx(): Ctx;
  A(): string;
  B(): string;
  userId(actor: ActorName): string | undefined;
}

const open: Expect = { others: '2xx' };
/** The admins of platform A (and system admins, and write tokens, which belong to one). */
const adminsOfA: Expect = {
  anonymous: '401',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  others: '403',
};
/** Admins of any platform maintain deployment-wide records (unplaced people). */
const anyAdmin: Expect = { ...adminsOfA, 'B:platform_admin': '2xx' };
/** The technology fields are curated by system admins alone (docs/adr/0013); the write token is theirs. */
const fieldCurators: Expect = { anonymous: '401', 'token:write': '2xx', system_admin: '2xx', others: '403' };
/** The unit's own lab director as well as the admins. */
const unitKeepers: Expect = { ...adminsOfA, 'A:lab_director': '2xx' };
/** Everyone with a role on A reads; another platform's admin is refused. */
const rolesOnA: Expect = { anonymous: '401', 'B:platform_admin': '403', ...roleless('403'), others: '2xx' };
/** Committee writes: another platform's admin cannot even see the member. */
const committeeAdmins: Expect = { ...adminsOfA, 'B:platform_admin': '404', ...roleless('404') };
const directoryReaders: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:supervisor': '2xx',
  'A:lab_director': '2xx',
  'A:program_officer': '2xx',
  'B:platform_admin': '2xx',
  others: '403',
};

export function platformDomainCases(env: MatrixEnv): RouteCase[] {
  let n = 0;
  const uniq = () => `m${Date.now().toString(36)}${n++}`;
  let made: Promise<Fixtures> | undefined;
  const fx = () => {
    made ??= fixtures(env);
    return made;
  };
  const freshUnit = async () => (await buildUnit(env.ctx(), { platformId: env.A() })).id;
  return [
    {
      route: 'GET /api/platforms/comparison',
      expect: open,
      cell: () => ({ url: '/api/platforms/comparison?from=2010&to=2016' }),
    },
    { route: 'GET /api/platforms/:id', expect: open, cell: () => ({ url: `/api/platforms/${env.A()}` }) },
    {
      route: 'GET /api/platforms/:id/org-chart',
      expect: open,
      cell: () => ({ url: `/api/platforms/${env.A()}/org-chart` }),
    },
    {
      route: 'POST /api/platforms',
      expect: { anonymous: '401', 'token:write': '2xx', system_admin: '2xx', others: '403' },
      cell: () => ({
        url: '/api/platforms',
        body: { code: uniq(), nameZh: '新平台', nameEn: 'New platform', model: 'ppp_program' },
      }),
    },
    {
      route: 'PATCH /api/platforms/:id',
      expect: adminsOfA,
      cell: () => ({ url: `/api/platforms/${env.A()}`, body: { descriptionEn: 'Edited' } }),
    },
    {
      route: 'PATCH /api/platforms/:id',
      label: 'unknown platform',
      expect: { anonymous: '401', 'token:read': '403', others: '404' },
      cell: () => ({ url: `/api/platforms/${newId()}`, body: { descriptionEn: 'Edited' } }),
    },
    {
      route: 'PUT /api/platforms/:id/funding',
      expect: adminsOfA,
      cell: () => ({
        url: `/api/platforms/${env.A()}/funding`,
        body: { rows: [{ year: 2016, source: 'appropriation', amountMinor: 100 }] },
      }),
    },
    {
      route: 'PUT /api/platforms/:id/fields',
      expect: adminsOfA,
      cell: async () => ({
        url: `/api/platforms/${env.A()}/fields`,
        body: { fieldIds: [(await fx()).field] },
      }),
    },

    { route: 'GET /api/fields', expect: open, cell: () => ({ url: '/api/fields?includeRetired=true' }) },
    {
      route: 'POST /api/fields',
      expect: fieldCurators,
      cell: () => ({ url: '/api/fields', body: { code: uniq(), nameZh: '领域', nameEn: 'Field' } }),
    },
    {
      route: 'PATCH /api/fields/:id',
      expect: fieldCurators,
      cell: async () => ({ url: `/api/fields/${(await fx()).field}`, body: { nameEn: 'Renamed' } }),
    },
    {
      route: 'POST /api/fields/:id/retire',
      expect: fieldCurators,
      cell: async () => ({ url: `/api/fields/${(await buildField(env.ctx())).id}/retire` }),
    },
    {
      route: 'POST /api/fields/:id/reactivate',
      expect: fieldCurators,
      cell: async () => ({ url: `/api/fields/${(await fx()).field}/reactivate` }),
    },
    {
      route: 'DELETE /api/fields/:id',
      expect: fieldCurators,
      cell: async () => ({ url: `/api/fields/${(await buildField(env.ctx())).id}` }),
    },

    {
      route: 'GET /api/platforms/:platformId/units',
      expect: open,
      cell: () => ({ url: `/api/platforms/${env.A()}/units` }),
    },
    {
      route: 'POST /api/platforms/:platformId/units',
      expect: adminsOfA,
      cell: () => ({
        url: `/api/platforms/${env.A()}/units`,
        body: { kind: 'office', nameZh: `办公室${uniq()}`, nameEn: `Office ${uniq()}` },
      }),
    },
    {
      route: 'GET /api/units/:id',
      expect: open,
      cell: async () => ({ url: `/api/units/${(await fx()).ownUnit}` }),
    },
    {
      route: 'PATCH /api/units/:id',
      expect: adminsOfA,
      cell: async () => ({ url: `/api/units/${(await fx()).otherUnit}`, body: { sortOrder: 5 } }),
    },
    {
      route: 'DELETE /api/units/:id',
      expect: adminsOfA,
      cell: async () => ({ url: `/api/units/${await freshUnit()}` }),
    },
    {
      route: 'PUT /api/units/:id/fields',
      label: "the lab director's own unit",
      expect: unitKeepers,
      cell: async () => ({ url: `/api/units/${(await fx()).ownUnit}/fields`, body: { fieldIds: [] } }),
    },
    {
      route: 'PUT /api/units/:id/fields',
      label: 'a unit someone else directs',
      expect: adminsOfA,
      cell: async () => ({ url: `/api/units/${(await fx()).otherUnit}/fields`, body: { fieldIds: [] } }),
    },
    {
      route: 'POST /api/units/:id/staff',
      expect: unitKeepers,
      cell: async () => ({
        url: `/api/units/${(await fx()).ownUnit}/staff`,
        body: { personId: (await buildPerson(env.ctx())).id, position: 'engineer' },
      }),
    },
    {
      route: 'PATCH /api/units/:id/staff/:staffId',
      expect: unitKeepers,
      cell: async () => ({
        url: `/api/units/${(await fx()).ownUnit}/staff/${(await fx()).staff}`,
        body: { position: 'technician' },
      }),
    },
    {
      route: 'DELETE /api/units/:id/staff/:staffId',
      expect: unitKeepers,
      cell: async () => {
        const { ownUnit } = await fx();
        const staff = await staffEntry(env.ctx(), ownUnit);
        return { url: `/api/units/${ownUnit}/staff/${staff}` };
      },
    },

    { route: 'GET /api/people', expect: directoryReaders, cell: () => ({ url: '/api/people' }) },
    {
      route: 'POST /api/people',
      expect: { ...anyAdmin, 'A:lab_director': '2xx' },
      cell: () => ({ url: '/api/people', body: { nameZh: '新人' } }),
    },
    {
      route: 'GET /api/people/:id',
      label: 'someone working on A',
      expect: { anonymous: '401', ...roleless('404'), others: '2xx' },
      cell: async () => ({ url: `/api/people/${(await fx()).personOnA}` }),
    },
    {
      route: 'GET /api/people/:id',
      label: 'someone working on B',
      expect: { ...directoryReaders, others: '404' },
      cell: async () => ({ url: `/api/people/${(await fx()).personOnB}` }),
    },
    {
      route: 'PATCH /api/people/:id',
      expect: { ...adminsOfA, ...roleless('404') },
      cell: async () => ({ url: `/api/people/${(await fx()).personOnA}`, body: { title: 'Engineer' } }),
    },
    {
      route: 'DELETE /api/people/:id',
      label: 'someone not yet placed',
      expect: {
        ...anyAdmin,
        'token:read': '403',
        'A:supervisor': '403',
        'A:lab_director': '403',
        'A:program_officer': '403',
        others: '404',
      },
      cell: async () => ({ url: `/api/people/${(await buildPerson(env.ctx())).id}` }),
    },

    {
      route: 'GET /api/platforms/:platformId/committee',
      expect: rolesOnA,
      cell: () => ({ url: `/api/platforms/${env.A()}/committee` }),
    },
    {
      route: 'POST /api/platforms/:platformId/committee',
      expect: adminsOfA,
      cell: () => ({
        url: `/api/platforms/${env.A()}/committee`,
        body: { person: { nameZh: '委员' }, category: 'industry', termStart: '2025-01-01' },
      }),
    },
    {
      route: 'PATCH /api/committee/:id',
      expect: committeeAdmins,
      cell: async () => ({ url: `/api/committee/${(await fx()).member}`, body: { category: 'lab' } }),
    },
    {
      route: 'POST /api/committee/:id/end-term',
      expect: committeeAdmins,
      cell: async () => ({
        url: `/api/committee/${(await fx()).member}/end-term`,
        body: { termEnd: '2030-12-31' },
      }),
    },
    {
      route: 'DELETE /api/committee/:id',
      expect: committeeAdmins,
      cell: async () => ({ url: `/api/committee/${(await buildMember(env.ctx(), env.A())).id}` }),
    },
  ];
}
