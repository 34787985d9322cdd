import { saveAgreement } from '../../modules/projects/projects.agreement.js';
import { buildExtramuralProject } from '../../modules/projects/projects.fixtures.js';
import { registerIntramuralProject } from '../../modules/projects/projects.service.js';
import { buildPerson, buildUnit } from '../platform-factories.js';
import type { MatrixEnv, RouteCase } from './matrix.js';
import { applicantsPerson, movers, READERS } from './projects.fixtures.js';

/**
 * The authorization matrix rows of a project itself from 立项 through execution (issue 13): reading it and
 * the portfolio, its 任务书 and its moves. Who reads and moves a project: projects.fixtures.ts. What happens
 * during execution (reports, milestones, adjustments, spending, outputs, evidence):
 * project-execution.cases.ts.
 */
export function projectsCases(env: MatrixEnv): RouteCase[] {
  let n = 0;
  let directedUnit: string | undefined;
  /** A unit of A directed by A's lab director (their account linked to the director). */
  const ownUnit = async () => {
    if (directedUnit) return directedUnit;
    const ctx = env.ctx();
    const userId = env.userId('A:lab_director')!;
    const linked = await ctx.db
      .selectFrom('people')
      .select('id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const person = linked?.id ?? (await buildPerson(ctx, { userId })).id;
    directedUnit = (await buildUnit(ctx, { platformId: env.A(), directorPersonId: person })).id;
    return directedUnit;
  };
  /** An extramural project whose lead's contact person is A's applicant (their own project). */
  const applicantsProject = async () =>
    (await buildExtramuralProject(env.ctx(), env.A(), { leadContactPersonId: await applicantsPerson(env) }))
      .id;
  const intramural = async () =>
    (
      await registerIntramuralProject(env.ctx(), env.A(), {
        unitId: await ownUnit(),
        code: `PM${Date.now().toString(36)}${n++}`.toUpperCase(),
        titleZh: '矩阵项目',
        titleEn: 'Matrix project',
        budgetMinor: 1000,
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      })
    ).id;
  /** A contracting project and a valid draft 任务书 for its consortium. */
  const contracting = async (withDraft: boolean) => {
    const ctx = env.ctx();
    const p = await buildExtramuralProject(ctx, env.A(), { state: 'contracting' });
    const members = await ctx.db
      .selectFrom('project_members')
      .select('organisation_id')
      .where('project_id', '=', p.id)
      .orderBy('position')
      .execute();
    const content = {
      budget: members.map((m) => ({
        organisationId: m.organisation_id,
        equipmentMinor: 100,
        operationsMinor: 100,
        labourMinor: 100,
        indirectMinor: 10,
      })),
      indicators: [{ name: '专利', type: 'count' as const, target: 1, verification: '受理通知书' }],
      milestones: [],
    };
    if (withDraft) await saveAgreement(ctx, p.id, content);
    return { id: p.id, content };
  };
  return [
    {
      route: 'GET /api/projects/portfolio',
      label: "A's portfolio: those who read every project of A (a lead or a director has the list instead)",
      expect: {
        anonymous: '401',
        'token:read': '2xx',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:platform_admin': '2xx',
        'A:program_officer': '2xx',
        'A:supervisor': '2xx',
        others: '403',
      },
      cell: () => ({ url: `/api/projects/portfolio?platformId=${env.A()}` }),
    },
    {
      route: 'GET /api/projects/portfolio',
      label: "without a platform: every platform the caller oversees (B's admin its own)",
      expect: {
        anonymous: '401',
        'token:read': '2xx',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:platform_admin': '2xx',
        'A:program_officer': '2xx',
        'A:supervisor': '2xx',
        'B:platform_admin': '2xx',
        others: '403',
      },
      cell: () => ({ url: '/api/projects/portfolio' }),
    },
    {
      route: 'GET /api/projects/portfolio.xlsx',
      label: "A's portfolio as XLSX: the same readers",
      expect: {
        anonymous: '401',
        'token:read': '2xx',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:platform_admin': '2xx',
        'A:program_officer': '2xx',
        'A:supervisor': '2xx',
        others: '403',
      },
      cell: () => ({ url: `/api/projects/portfolio.xlsx?platformId=${env.A()}&state=in_progress` }),
    },
    {
      route: 'GET /api/projects/:id',
      label: "intramural project of the lab director's unit",
      expect: { ...READERS, 'A:lab_director': '2xx' },
      cell: async () => ({ url: `/api/projects/${await intramural()}` }),
    },
    {
      route: 'GET /api/projects/:id',
      label: "own: A's applicant is the lead's contact",
      expect: { ...READERS, 'A:applicant': '2xx' },
      cell: async () => ({ url: `/api/projects/${await applicantsProject()}` }),
    },
    {
      route: 'GET /api/projects/:id',
      label: "other: another consortium's project",
      expect: READERS,
      cell: async () => ({ url: `/api/projects/${(await buildExtramuralProject(env.ctx(), env.A())).id}` }),
    },
    {
      route: 'GET /api/projects/:id/agreement',
      label: "other: another consortium's project",
      expect: READERS,
      cell: async () => ({ url: `/api/projects/${(await contracting(true)).id}/agreement` }),
    },
    {
      route: 'PUT /api/projects/:id/agreement',
      label: 'extramural project in contracting',
      expect: movers(['A:platform_admin', 'A:program_officer']),
      cell: async () => {
        const c = await contracting(false);
        return { url: `/api/projects/${c.id}/agreement`, body: c.content };
      },
    },
    {
      route: 'POST /api/projects/:id/agreement/sign',
      label: "as the officer (the lead's side is in projects.agreement.test.ts)",
      expect: movers(['A:platform_admin', 'A:program_officer']),
      cell: async () => ({
        url: `/api/projects/${(await contracting(true)).id}/agreement/sign`,
        body: { as: 'officer' },
      }),
    },
    {
      route: 'POST /api/projects/:id/transitions',
      label: 'extramural project',
      expect: movers(['A:platform_admin', 'A:program_officer']),
      cell: async () => ({
        url: `/api/projects/${(await buildExtramuralProject(env.ctx(), env.A())).id}/transitions`,
        body: { action: 'start_contracting' },
      }),
    },
    {
      route: 'POST /api/projects/:id/transitions',
      label: "intramural project of the lab director's unit",
      expect: movers(['A:platform_admin', 'A:lab_director']),
      cell: async () => ({
        url: `/api/projects/${await intramural()}/transitions`,
        body: { action: 'open_interim' },
      }),
    },
  ];
}
