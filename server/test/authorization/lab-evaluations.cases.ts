import { assignMember, openRound } from '../../modules/lab-evaluations/lab-evaluations.service.js';
import { buildMember, buildPerson, buildUnit } from '../platform-factories.js';
import { type Expect, type MatrixEnv, type RouteCase, roleless } from './matrix.js';

/**
 * The authorization matrix rows of the committee's evaluation of units (docs/lab-evaluation.md). A:expert's
 * account is linked to a committee member who chairs the round: scorecards answer their member only
 * (404 to everyone else, even admins), adoption their chair only (403 to the others who see the round).
 */
const platformRoles: Expect = {
  anonymous: '401',
  'B:platform_admin': '403',
  ...roleless('403'),
  others: '2xx',
};
const admins = (hidden: '403' | '404'): Expect => ({
  anonymous: '401',
  'token:read': '403',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'B:platform_admin': hidden,
  ...roleless(hidden),
  others: '403',
});
const memberOnly = (ok: '2xx'): Expect => ({ anonymous: '401', 'A:expert': ok, others: '404' });

export function labEvaluationsCases(env: MatrixEnv): RouteCase[] {
  let year = 1990;
  let setup: Promise<{ roundId: string; unitId: string; cards: string[] }> | undefined;
  /** One open round of A chaired by A:expert's member, over two units. */
  const round = () => {
    setup ??= (async () => {
      const ctx = env.ctx();
      const userId = env.userId('A:expert')!;
      const linked = await ctx.db
        .selectFrom('people')
        .select('id')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      const personId = linked?.id ?? (await buildPerson(ctx, { userId })).id;
      const chair = await buildMember(ctx, env.A(), { personId });
      const unitId = (await buildUnit(ctx, { platformId: env.A() })).id;
      await buildUnit(ctx, { platformId: env.A() });
      const r = await openRound(ctx, env.A(), { fromYear: 1980, toYear: 1980, chairMemberId: chair.id });
      const cards = r.units.flatMap((u) =>
        (u.scorecards ?? []).filter((s) => s.member.memberId === chair.id).map((s) => s.scorecardId),
      );
      return { roundId: r.id, unitId, cards };
    })();
    return setup;
  };
  const scores = ['technical_value', 'implementation', 'impact', 'commercialisation', 'economic_benefit'].map(
    (criterion) => ({ criterion, score: 5, comment: '理由充分的评语' }),
  );
  return [
    {
      route: 'GET /api/platforms/:platformId/lab-evaluations',
      expect: platformRoles,
      cell: async () => {
        await round();
        return { url: `/api/platforms/${env.A()}/lab-evaluations` };
      },
    },
    {
      route: 'POST /api/platforms/:platformId/lab-evaluations',
      expect: admins('403'),
      cell: async () => {
        await round();
        const chair = await env
          .ctx()
          .db.selectFrom('lab_eval_rounds')
          .select('chair_member_id')
          .executeTakeFirstOrThrow();
        year++;
        return {
          url: `/api/platforms/${env.A()}/lab-evaluations`,
          body: { fromYear: year, toYear: year, chairMemberId: chair.chair_member_id },
        };
      },
    },
    {
      route: 'GET /api/lab-evaluations/:roundId',
      expect: { anonymous: '401', 'B:platform_admin': '404', ...roleless('404'), others: '2xx' },
      cell: async () => ({ url: `/api/lab-evaluations/${(await round()).roundId}` }),
    },
    {
      route: 'POST /api/lab-evaluations/:roundId/assignments',
      label: 'a new member to a unit',
      expect: admins('404'),
      cell: async () => {
        const r = await round();
        const member = await buildMember(env.ctx(), env.A());
        return {
          url: `/api/lab-evaluations/${r.roundId}/assignments`,
          body: { unitId: r.unitId, memberId: member.id },
        };
      },
    },
    {
      route: 'PATCH /api/lab-evaluations/:roundId',
      label: 'the set-up before scoring starts (an empty change)',
      expect: admins('404'),
      cell: async () => ({ url: `/api/lab-evaluations/${(await round()).roundId}`, body: {} }),
    },
    {
      route: 'DELETE /api/lab-evaluations/:roundId/members/:memberId',
      label: 'a member assigned for the row, taken off before scoring starts',
      expect: admins('404'),
      cell: async () => {
        const r = await round();
        const member = await buildMember(env.ctx(), env.A());
        await assignMember(env.ctx(), r.roundId, { unitId: r.unitId, memberId: member.id });
        return { url: `/api/lab-evaluations/${r.roundId}/members/${member.id}` };
      },
    },
    {
      route: 'POST /api/lab-evaluations/:roundId/adopt',
      label: 'scorecards outstanding: the chair gets 409 incomplete, everyone else is not the chair',
      expect: {
        anonymous: '401',
        'A:expert': '409',
        'B:platform_admin': '404',
        ...roleless('404'),
        others: '403',
      },
      cell: async () => ({ url: `/api/lab-evaluations/${(await round()).roundId}/adopt`, body: {} }),
    },
    {
      route: 'GET /api/my-lab-evaluations',
      expect: { anonymous: '401', others: '2xx' },
      cell: () => ({ url: '/api/my-lab-evaluations' }),
    },
    {
      route: 'GET /api/lab-evaluation-scorecards/:scorecardId',
      expect: memberOnly('2xx'),
      cell: async () => ({ url: `/api/lab-evaluation-scorecards/${(await round()).cards[0]}` }),
    },
    {
      route: 'PUT /api/lab-evaluation-scorecards/:scorecardId',
      expect: { ...memberOnly('2xx'), 'token:read': '403' },
      cell: async () => ({
        url: `/api/lab-evaluation-scorecards/${(await round()).cards[0]}`,
        body: { scores: [] },
      }),
    },
    {
      route: 'POST /api/lab-evaluation-scorecards/:scorecardId/submit',
      expect: { ...memberOnly('2xx'), 'token:read': '403' },
      cell: async () => ({
        url: `/api/lab-evaluation-scorecards/${(await round()).cards[1]}/submit`,
        body: { scores },
      }),
    },
    {
      route: 'GET /api/units/:unitId/lab-evaluations',
      expect: platformRoles,
      cell: async () => ({ url: `/api/units/${(await round()).unitId}/lab-evaluations` }),
    },
  ];
}
