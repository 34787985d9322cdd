import { csv, multipart } from '../../modules/imports/imports.fixtures.js';
import { buildProjectInExecution } from '../../modules/projects/projects.fixtures.js';
import { buildPerson } from '../platform-factories.js';
import type { Expect, MatrixEnv, RouteCase } from './matrix.js';

/**
 * The spending import and export (issue 13, docs/projects.md "Spending import"). A file is imported by
 * those who book the project's spending — its lead organisation's side, the platform's admins and program
 * officers (and system admins, write tokens) — and exported by everyone who reads the project; the
 * supervisor reads but does not book (403); to everyone else, another platform's admin included, the
 * project does not exist (404), so the export leaks nothing of another consortium's ledger.
 */
const READERS: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:program_officer': '2xx',
  'A:supervisor': '2xx',
  others: '404',
};
const BOOKERS: Expect = {
  anonymous: '401',
  'token:read': '403',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:program_officer': '2xx',
  'A:supervisor': '403',
  others: '404',
};

export function spendingImportCases(env: MatrixEnv): RouteCase[] {
  let applicantPerson: string | undefined;
  const applicantsPerson = async () => {
    const ctx = env.ctx();
    const userId = env.userId('A:applicant')!;
    applicantPerson ??=
      (await ctx.db.selectFrom('people').select('id').where('user_id', '=', userId).executeTakeFirst())?.id ??
      (await buildPerson(ctx, { userId })).id;
    return applicantPerson;
  };
  /** A fresh project in execution (own: A's applicant is the lead's contact) and a one-row file for it. */
  const fileFor = async (own: boolean) => {
    const ctx = env.ctx();
    const p = await buildProjectInExecution(ctx, env.A(), {
      ...(own ? { leadContactPersonId: await applicantsPerson() } : {}),
    });
    const lead = await ctx.db
      .selectFrom('organisations')
      .select('name_zh')
      .where('id', '=', p.lead)
      .executeTakeFirstOrThrow();
    const day = ctx.clock.now().toISOString().slice(0, 10);
    const file = csv([
      ['成员单位', '支出类别', '支出日期', '金额（元）', '摘要'],
      [lead.name_zh, '设备费', day, '1', '矩阵'],
    ]);
    return { id: p.id, ...multipart(file, '支出.csv') };
  };
  return [true, false].flatMap((own): RouteCase[] => {
    const label = own ? "own: A's applicant is the lead's contact" : "other: another consortium's project";
    const readers: Expect = own ? { ...READERS, 'A:applicant': '2xx' } : READERS;
    const bookers: Expect = own ? { ...BOOKERS, 'A:applicant': '2xx' } : BOOKERS;
    return [
      ...(['/preview', ''] as const).map(
        (suffix): RouteCase => ({
          route: `POST /api/imports/spending${suffix}`,
          label,
          expect: bookers,
          cell: async () => {
            const f = await fileFor(own);
            return {
              url: `/api/imports/spending${suffix}?projectId=${f.id}`,
              body: f.payload,
              headers: f.headers,
            };
          },
        }),
      ),
      ...(['csv', 'xlsx'] as const).flatMap((format): RouteCase[] => [
        {
          route: `GET /api/exports/spending.${format}`,
          label,
          expect: readers,
          cell: async () => ({ url: `/api/exports/spending.${format}?projectId=${(await fileFor(own)).id}` }),
        },
        {
          route: `GET /api/imports/spending/template.${format}`,
          label: `${label}; the instructions list its members`,
          expect: readers,
          cell: async () => ({
            url: `/api/imports/spending/template.${format}?projectId=${(await fileFor(own)).id}`,
          }),
        },
        ...(own
          ? [
              {
                route: `GET /api/imports/spending/template.${format}`,
                expect: { anonymous: '401', others: '2xx' } as Expect,
                cell: () => ({ url: `/api/imports/spending/template.${format}` }),
              },
            ]
          : []),
      ]),
    ];
  });
}
