import { isoNow } from '../../http/context.js';
import { insertSeat } from '../../modules/projects/checks/checks.repository.js';
import { createCheckRun } from '../../modules/projects/checks/checks.runs.js';
import { answerSeatRow } from '../../modules/projects/checks/checks.runs.repository.js';
import type { ActorName, Expect, MatrixEnv, RouteCase } from './matrix.js';
import { checkFixtures } from './project-checks.cases.js';

/**
 * The authorization matrix rows of the engine's runs over project checks (docs/projects.md "Assignment
 * runs for checks"): runs and refills by the funder's side of the checks' platform (the lead, a
 * supervisor, an expert are refused or not told; another platform's officer is not told); a run is
 * read and replayed by the officers of its platform only; an invitation is listed and answered by its
 * expert only.
 */
const OFFICERS: Expect = {
  anonymous: '401',
  'token:read': '403',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:program_officer': '2xx',
  'A:supervisor': '403',
  others: '404',
};
const RUN_READERS: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:program_officer': '2xx',
  others: '404',
};

export function projectCheckRunsCases(env: MatrixEnv): RouteCase[] {
  const { check, stranger, expertOfA } = checkFixtures(env);
  /** A check with one engine run of one seat (a stranger expert available to it). */
  const ran = async (own: boolean) => {
    const c = await check(own);
    await stranger();
    const run = await createCheckRun(env.ctx(), { checkIds: [c.checkId], mode: 'optimal', panelSize: 1 });
    return { checkId: c.checkId, runId: run.id, expertId: run.checks[0]!.seats[0]!.expertId };
  };
  const invited = async (actor: ActorName) => {
    const expertId = actor === 'A:expert' ? await expertOfA() : await stranger();
    const c = await check(false);
    const at = isoNow(env.ctx().clock);
    await insertSeat(env.ctx().db, {
      checkId: c.checkId,
      expertId,
      chair: false,
      assignedAt: at,
      assignedBy: null,
      state: 'invited',
      respondBy: '2099-12-31T00:00:00.000Z',
    });
    return c.checkId;
  };
  return [
    ...[true, false].flatMap((own): RouteCase[] => {
      const label = own ? "own: A's applicant is the lead's contact" : "other: another consortium's project";
      const movers: Expect = own ? { ...OFFICERS, 'A:applicant': '403' } : OFFICERS;
      return [
        {
          route: 'POST /api/project-check-runs',
          label,
          expect: movers,
          cell: async () => {
            const c = await check(own);
            await stranger();
            return {
              url: '/api/project-check-runs',
              body: { checkIds: [c.checkId], mode: 'optimal', panelSize: 1 },
            };
          },
        },
        {
          route: 'POST /api/project-checks/:checkId/refill',
          label,
          expect: movers,
          cell: async () => {
            const r = await ran(own);
            await answerSeatRow(
              env.ctx().db,
              r.checkId,
              r.expertId,
              'declined',
              isoNow(env.ctx().clock),
              null,
            );
            await stranger();
            return { url: `/api/project-checks/${r.checkId}/refill`, body: {} };
          },
        },
      ];
    }),
    {
      route: 'GET /api/project-check-runs/:runId',
      expect: RUN_READERS,
      cell: async () => ({ url: `/api/project-check-runs/${(await ran(false)).runId}` }),
    },
    {
      route: 'POST /api/project-check-runs/:runId/replay',
      expect: { ...RUN_READERS, 'token:read': '403' },
      cell: async () => ({ url: `/api/project-check-runs/${(await ran(false)).runId}/replay`, body: {} }),
    },
    {
      route: 'POST /api/project-checks/:checkId/invitation',
      expect: { anonymous: '401', 'A:expert': '2xx', 'token:read': '403', others: '404' },
      cell: async (actor) => ({
        url: `/api/project-checks/${await invited(actor)}/invitation`,
        body: { answer: 'accept' },
      }),
    },
    {
      // Each expert lists only their own invitations (the service test shows whose); anyone else an empty list.
      route: 'GET /api/my-project-check-invitations',
      expect: { anonymous: '401', others: '2xx' },
      cell: async (actor) => {
        await invited(actor);
        return { url: '/api/my-project-check-invitations' };
      },
    },
  ];
}
