import { adoptCheck } from '../../modules/projects/checks/checks.adoption.js';
import { buildCheck } from '../../modules/projects/checks/checks.fixtures.js';
import { recordFinancialReview, recordTaskReview } from '../../modules/projects/checks/checks.reviews.js';
import { buildProjectInExecution } from '../../modules/projects/projects.fixtures.js';
import { buildExpert } from '../../modules/review/runs/runs.fixtures.js';
import { buildPerson } from '../platform-factories.js';
import type { ActorName, Expect, MatrixEnv, RouteCase } from './matrix.js';

/**
 * The authorization matrix rows of project checks (中期检查 / 结题验收, docs/projects.md "Checks"). A
 * check is read by whoever reads its project (own and other rows: A's applicant is the lead's contact of
 * "own" projects) and by the experts of its panel; it is opened, staffed and decided by the funder's
 * side (admins, program officers; the panel's chair may adopt); the report is submitted by the lead's
 * side only; an expert's scorecard is theirs alone, to everyone else it does not exist.
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
const MOVERS: Expect = {
  anonymous: '401',
  'token:read': '403',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:program_officer': '2xx',
  // Readers who may not decide are refused; everyone else is not told the project exists.
  'A:supervisor': '403',
  others: '404',
};
/** The report: only the lead's side; every other reader of the project is refused. */
const LEAD_ONLY: Expect = {
  anonymous: '401',
  'token:read': '403',
  'token:write': '403',
  system_admin: '403',
  'A:platform_admin': '403',
  'A:program_officer': '403',
  'A:supervisor': '403',
  others: '404',
};
const expertOnly: Expect = { anonymous: '401', 'A:expert': '2xx', others: '404' };
const expertOnlyWrite: Expect = { ...expertOnly, 'token:read': '403' };

/** Checks on A built for the matrix: `own` ones have A's applicant as the lead's contact; experts. */
export function checkFixtures(env: MatrixEnv) {
  let applicantPerson: string | undefined;
  const applicantsPerson = async () => {
    const ctx = env.ctx();
    const userId = env.userId('A:applicant')!;
    applicantPerson ??=
      (await ctx.db.selectFrom('people').select('id').where('user_id', '=', userId).executeTakeFirst())?.id ??
      (await buildPerson(ctx, { userId })).id;
    return applicantPerson;
  };
  let actorsExpert: string | undefined;
  /** The expert profile of A:expert's account (made once). */
  const expertOfA = async () => {
    const ctx = env.ctx();
    const userId = env.userId('A:expert')!;
    const linked = await ctx.db
      .selectFrom('experts')
      .innerJoin('people', 'people.id', 'experts.person_id')
      .select('experts.id')
      .where('people.user_id', '=', userId)
      .executeTakeFirst();
    actorsExpert ??=
      linked?.id ?? (await buildExpert(ctx, { category: 'academic', expertise: 'x', userId })).id;
    return actorsExpert;
  };
  const stranger = async () => (await buildExpert(env.ctx(), { category: 'industry', expertise: 'x' })).id;
  const check = async (
    own: boolean,
    o: Omit<NonNullable<Parameters<typeof buildCheck>[2]>, 'leadContactPersonId'> = {},
  ) =>
    buildCheck(env.ctx(), env.A(), {
      ...o,
      ...(own ? { leadContactPersonId: await applicantsPerson() } : {}),
    });
  return { check, stranger, expertOfA, applicantsPerson };
}

export function projectChecksCases(env: MatrixEnv): RouteCase[] {
  const { check, stranger, expertOfA, applicantsPerson } = checkFixtures(env);
  /** A's expert's draft card on a check under review, or (for anyone else) a stranger expert's card. */
  const cardOf = async (actor: ActorName) => {
    const expertId = actor === 'A:expert' ? await expertOfA() : await stranger();
    const c = await check(false, { stage: 'under_review', panel: [{ expertId }] });
    const row = await env
      .ctx()
      .db.selectFrom('project_check_scorecards')
      .select('id')
      .where('check_id', '=', c.checkId)
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const report = (lead: string) => ({
    indicators: [{ index: 0, value: 1 }],
    milestones: [{ index: 0, progress: 'in_progress' }],
    achievements: '矩阵',
    problems: '',
    resultsOwnership: [{ output: '样机', ownerOrganisationId: lead }],
  });
  const scores = {
    scores: ['technical_value', 'implementation', 'impact', 'commercialisation', 'economic_benefit'].map(
      (criterion) => ({ criterion, score: 6, comment: '矩阵评分意见' }),
    ),
  };
  return [
    ...[true, false].flatMap((own): RouteCase[] => {
      const label = own ? "own: A's applicant is the lead's contact" : "other: another consortium's project";
      return [
        {
          route: 'GET /api/projects/:id/checks',
          label,
          expect: own ? { ...READERS, 'A:applicant': '2xx' } : READERS,
          cell: async () => ({ url: `/api/projects/${(await check(own)).id}/checks` }),
        },
        {
          route: 'POST /api/projects/:id/checks',
          label,
          expect: own ? { ...MOVERS, 'A:applicant': '403' } : MOVERS,
          cell: async () => {
            const p = await buildProjectInExecution(env.ctx(), env.A(), {
              ...(own ? { leadContactPersonId: await applicantsPerson() } : {}),
            });
            return { url: `/api/projects/${p.id}/checks`, body: { kind: 'interim', dueOn: '2099-01-31' } };
          },
        },
        {
          route: 'GET /api/project-checks/:checkId',
          label,
          expect: own ? { ...READERS, 'A:applicant': '2xx' } : READERS,
          cell: async () => ({ url: `/api/project-checks/${(await check(own)).checkId}` }),
        },
        {
          route: 'POST /api/project-checks/:checkId/report',
          label,
          expect: own ? { ...LEAD_ONLY, 'A:applicant': '2xx' } : LEAD_ONLY,
          cell: async () => {
            const c = await check(own);
            return { url: `/api/project-checks/${c.checkId}/report`, body: report(c.lead) };
          },
        },
        {
          route: 'POST /api/project-checks/:checkId/experts',
          label,
          expect: own ? { ...MOVERS, 'A:applicant': '403' } : MOVERS,
          cell: async () => ({
            url: `/api/project-checks/${(await check(own)).checkId}/experts`,
            body: { expertId: await stranger() },
          }),
        },
        {
          route: 'POST /api/project-checks/:checkId/adopt',
          label,
          expect: own ? { ...MOVERS, 'A:applicant': '403' } : MOVERS,
          cell: async () => {
            const c = await check(own, {
              stage: 'under_review',
              panel: [{ expertId: await stranger() }],
              scored: true,
            });
            return { url: `/api/project-checks/${c.checkId}/adopt`, body: { verdict: 'pass' } };
          },
        },
        // 结题验收's two reviews: the funder's side only, on a final check under review.
        ...(['task', 'financial'] as const).map(
          (kind): RouteCase => ({
            route: `POST /api/project-checks/:checkId/${kind}-review`,
            label,
            expect: own ? { ...MOVERS, 'A:applicant': '403' } : MOVERS,
            cell: async () => {
              const c = await check(own, { kind: 'final', stage: 'under_review' });
              return {
                url: `/api/project-checks/${c.checkId}/${kind}-review`,
                body: { outcome: 'pass', notes: '矩阵' },
              };
            },
          }),
        ),
      ];
    }),
    ...[true, false].flatMap((own): RouteCase[] => {
      const label = own ? "own: A's applicant is the lead's contact" : "other: another consortium's project";
      /** A closed project (its final check adopted 通过), ready for its 绩效评价. */
      const closed = async () => {
        const c = await check(own, {
          kind: 'final',
          stage: 'under_review',
          panel: [{ expertId: await stranger() }],
          scored: true,
        });
        await recordTaskReview(env.ctx(), c.checkId, { outcome: 'pass', indicators: [], notes: '矩阵' });
        await recordFinancialReview(env.ctx(), c.checkId, { outcome: 'pass', notes: '矩阵' });
        await adoptCheck(env.ctx(), c.checkId, { verdict: 'pass', indicators: [] });
        return c.id;
      };
      return [
        {
          route: 'GET /api/projects/:id/evaluation',
          label,
          expect: own ? { ...READERS, 'A:applicant': '2xx' } : READERS,
          cell: async () => ({ url: `/api/projects/${(await check(own)).id}/evaluation` }),
        },
        {
          route: 'POST /api/projects/:id/evaluation',
          label,
          expect: own ? { ...MOVERS, 'A:applicant': '403' } : MOVERS,
          cell: async () => ({
            url: `/api/projects/${await closed()}/evaluation`,
            body: {
              indicators: [{ index: 0, achieved: 3 }],
              academic: '矩阵',
              economic: '矩阵',
              grade: 'pass',
            },
          }),
        },
      ];
    }),
    {
      route: 'GET /api/project-checks/:checkId',
      label: "A's expert sits on its panel (the project itself stays hidden from them)",
      expect: { ...READERS, 'A:expert': '2xx' },
      cell: async () => ({
        url: `/api/project-checks/${(await check(false, { panel: [{ expertId: await expertOfA() }] })).checkId}`,
      }),
    },
    {
      route: 'POST /api/project-checks/:checkId/adopt',
      label: "A's expert chairs the panel",
      expect: { ...MOVERS, 'A:expert': '2xx' },
      cell: async () => {
        const c = await check(false, {
          stage: 'under_review',
          panel: [{ expertId: await expertOfA(), chair: true }],
          scored: true,
        });
        return { url: `/api/project-checks/${c.checkId}/adopt`, body: { verdict: 'pass' } };
      },
    },
    {
      route: 'GET /api/my-project-check-scorecards',
      expect: { anonymous: '401', others: '2xx' },
      cell: () => ({ url: '/api/my-project-check-scorecards' }),
    },
    {
      route: 'GET /api/project-check-scorecards/:scorecardId',
      expect: expertOnly,
      cell: async (actor) => ({ url: `/api/project-check-scorecards/${await cardOf(actor)}` }),
    },
    {
      route: 'PUT /api/project-check-scorecards/:scorecardId',
      expect: expertOnlyWrite,
      cell: async (actor) => ({ url: `/api/project-check-scorecards/${await cardOf(actor)}`, body: scores }),
    },
    {
      route: 'POST /api/project-check-scorecards/:scorecardId/submit',
      expect: expertOnlyWrite,
      cell: async (actor) => ({
        url: `/api/project-check-scorecards/${await cardOf(actor)}/submit`,
        body: scores,
      }),
    },
  ];
}
