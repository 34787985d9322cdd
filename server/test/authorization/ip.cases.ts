import type { Role } from '../../../common/roles.js';
import type { Ctx } from '../../http/context.js';
import { buildDisclosure, buildFiling, buildLicence } from '../../modules/ip/ip.fixtures.js';
import { buildOrg } from '../../modules/orgs/orgs.fixtures.js';
import { buildUnit } from '../platform-factories.js';

/**
 * The authorization matrix rows of the IP pipeline, agreements, receipts, FX rates, the distribution
 * rule and the tech-transfer report (issue 6), in the shape of authorization.test.ts.
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
export interface IpMatrixEnv {
  ctx(): Ctx;
  A(): string;
}

/** The platform's tech-transfer officers and admins (tokens belong to a system admin). */
const keepers: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:tech_transfer_officer': '2xx',
  others: '403',
};
const keepersWrite: Expect = { ...keepers, 'token:read': '403' };
/** Records reached by id are invisible to everyone else. */
const keepersById: Expect = { ...keepers, others: '404' };
const keepersByIdWrite: Expect = { ...keepersById, 'token:read': '403' };
/** Supervisors and lab directors read the aggregated report. */
/**
 * The report: keepers and supervisors; a director reads only the units it directs (ttreports.test.ts) and
 * the row asks for a unit it does not direct, so it is refused here.
 */
const reportReaders: Expect = { ...keepers, 'A:supervisor': '2xx', 'A:lab_director': '403' };
/** FX rates are shared: keepers of any platform. */
const fxKeepers: Expect = { ...keepers, 'B:platform_admin': '2xx' };

export function ipCases(env: IpMatrixEnv): RouteCase[] {
  let n = 0;
  const uniq = () => `M${Date.now().toString(36)}${n++}`;
  const platformA = () => env.A();
  const disclosure = async () => (await buildDisclosure(env.ctx(), platformA(), { refNo: uniq() })).id;
  const filing = async () => (await buildFiling(env.ctx(), await disclosure())).id;
  const licence = async () => (await buildLicence(env.ctx(), platformA(), { refNo: uniq() })).id;
  const inventors = [{ name: 'Matrix Inventor', sharePct: 100 }];
  return [
    {
      route: 'GET /api/platforms/:platformId/ip/disclosures',
      expect: keepers,
      cell: () => ({ url: `/api/platforms/${platformA()}/ip/disclosures` }),
    },
    {
      route: 'POST /api/platforms/:platformId/ip/disclosures',
      expect: keepersWrite,
      cell: () => ({
        url: `/api/platforms/${platformA()}/ip/disclosures`,
        body: { refNo: uniq(), title: 'x', ipKind: 'patentable', receivedDate: '2014-01-01', inventors },
      }),
    },
    {
      route: 'GET /api/ip/disclosures/:id',
      expect: keepersById,
      cell: async () => ({ url: `/api/ip/disclosures/${await disclosure()}` }),
    },
    {
      route: 'PATCH /api/ip/disclosures/:id',
      expect: keepersByIdWrite,
      cell: async () => ({ url: `/api/ip/disclosures/${await disclosure()}`, body: { title: 'renamed' } }),
    },
    {
      route: 'POST /api/ip/disclosures/:id/filings',
      expect: keepersByIdWrite,
      cell: async () => ({
        url: `/api/ip/disclosures/${await disclosure()}/filings`,
        body: { jurisdiction: 'US', filingType: 'provisional', filingDate: '2014-02-01' },
      }),
    },
    {
      route: 'GET /api/platforms/:platformId/ip/filings',
      expect: keepers,
      cell: () => ({ url: `/api/platforms/${platformA()}/ip/filings` }),
    },
    {
      route: 'PATCH /api/ip/filings/:id',
      expect: keepersByIdWrite,
      cell: async () => ({ url: `/api/ip/filings/${await filing()}`, body: { publicationNumber: uniq() } }),
    },
    {
      route: 'GET /api/platforms/:platformId/ip/other-assets',
      expect: keepers,
      cell: () => ({ url: `/api/platforms/${platformA()}/ip/other-assets` }),
    },
    {
      route: 'POST /api/platforms/:platformId/ip/other-assets',
      expect: keepersWrite,
      cell: () => ({
        url: `/api/platforms/${platformA()}/ip/other-assets`,
        body: { kind: 'software', title: 'SRD', jurisdiction: 'US', registrationNumber: uniq() },
      }),
    },
    {
      route: 'GET /api/platforms/:platformId/ip/docket',
      expect: keepers,
      cell: () => ({ url: `/api/platforms/${platformA()}/ip/docket` }),
    },
    {
      route: 'GET /api/platforms/:platformId/agreements',
      expect: keepers,
      cell: () => ({ url: `/api/platforms/${platformA()}/agreements` }),
    },
    {
      route: 'POST /api/platforms/:platformId/agreements',
      expect: keepersWrite,
      cell: async () => ({
        url: `/api/platforms/${platformA()}/agreements`,
        body: {
          refNo: uniq(),
          title: 'Service contract',
          kind: 'tech_service',
          partnerOrgId: (await buildOrg(env.ctx())).id,
          executionDate: '2015-01-01',
          contractValueMinor: 100_000,
          currency: 'CNY',
        },
      }),
    },
    {
      route: 'GET /api/agreements/:id',
      expect: keepersById,
      cell: async () => ({ url: `/api/agreements/${await licence()}` }),
    },
    {
      route: 'PATCH /api/agreements/:id',
      expect: keepersByIdWrite,
      cell: async () => ({ url: `/api/agreements/${await licence()}`, body: { territory: 'US' } }),
    },
    {
      route: 'POST /api/agreements/:id/receipts',
      expect: keepersByIdWrite,
      cell: async () => ({
        url: `/api/agreements/${await licence()}/receipts`,
        body: { receivedDate: '2013-01-01', amountMinor: 5000, currency: 'USD', category: 'issue_fee' },
      }),
    },
    {
      route: 'GET /api/platforms/:platformId/distribution-rule',
      expect: keepers,
      cell: () => ({ url: `/api/platforms/${platformA()}/distribution-rule` }),
    },
    {
      route: 'PUT /api/platforms/:platformId/distribution-rule',
      expect: keepersWrite,
      cell: () => ({
        url: `/api/platforms/${platformA()}/distribution-rule`,
        body: { name: 'federal', currency: 'USD', inventorFirstMinor: 200_000, inventorSharePct: 15 },
      }),
    },
    { route: 'GET /api/fx-rates', expect: fxKeepers, cell: () => ({ url: '/api/fx-rates' }) },
    {
      route: 'PUT /api/fx-rates',
      expect: { ...fxKeepers, 'token:read': '403' },
      cell: () => ({
        url: '/api/fx-rates',
        body: { rates: [{ year: 2015, currency: 'CNY', quoteCurrency: 'USD', rate: 0.16 }] },
      }),
    },
    {
      route: 'GET /api/platforms/:platformId/reports/tech-transfer',
      expect: reportReaders,
      // Cut to a unit the matrix's lab director does not direct (it may direct another by the time this
      // row runs: projects.cases.ts gives it one), so its answer does not depend on the order of rows.
      cell: async () => ({
        url: `/api/platforms/${platformA()}/reports/tech-transfer?from=2010&to=2016&basis=calendar&currency=USD&unitId=${(await buildUnit(env.ctx(), { platformId: platformA() })).id}`,
      }),
    },
  ];
}
