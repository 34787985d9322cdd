import type { Role } from '../../../common/roles.js';
import type { Ctx } from '../../http/context.js';
import { buildUnit } from '../platform-factories.js';

/**
 * The authorization matrix rows of the tech-transfer report downloads (XLSX and PDF, issue 6), in the
 * shape of authorization.test.ts: the same readers as the JSON report.
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
interface RouteCase {
  route: string;
  label?: string;
  expect: Expect;
  cell(actor: ActorName): Promise<{ url: string }>;
}

/**
 * The platform's tech-transfer officers, admins and supervisors (tokens: a system admin's); a lab director
 * reads only the units it directs, and the rows ask for one it does not direct (ttreports.test.ts).
 */
const reportReaders: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:tech_transfer_officer': '2xx',
  'A:supervisor': '2xx',
  'A:lab_director': '403',
  others: '403',
};

export function ttExportCases(env: { A(): string; ctx(): Ctx }): RouteCase[] {
  return (['xlsx', 'pdf'] as const).map((format) => ({
    route: `GET /api/platforms/:platformId/reports/tech-transfer.${format}`,
    expect: reportReaders,
    // Cut to a unit the matrix's lab director does not direct (it may direct another by the time this
    // row runs: projects.cases.ts gives it one), so its answer does not depend on the order of rows.
    cell: async () => ({
      url: `/api/platforms/${env.A()}/reports/tech-transfer.${format}?from=2015&to=2016&basis=calendar&lang=en-US&unitId=${(await buildUnit(env.ctx(), { platformId: env.A() })).id}`,
    }),
  }));
}
