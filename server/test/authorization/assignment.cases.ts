import { isoNow, newId } from '../../http/context.js';
import { publishRun } from '../../modules/review/runs/publish.service.js';
import { buildClosedCall, buildExpert, buildInReview } from '../../modules/review/runs/runs.fixtures.js';
import { createRun } from '../../modules/review/runs/runs.service.js';
import {
  type ActorName,
  CALL_OFFICERS,
  CALL_OFFICERS_WRITE,
  type Expect,
  type MatrixEnv,
  type RouteCase,
} from './matrix.js';

/** The authorization matrix rows of the assignment runs and invitations (issue 5). */
const signedIn: Expect = { anonymous: '401', others: '2xx' };
/** The call platform's program officers and admins (tokens belong to a system admin). */
const officers = CALL_OFFICERS;
const officersWrite = CALL_OFFICERS_WRITE;
/** Only the invited expert answers; anyone else is told the invitation does not exist. */
const ownSeat: Expect = { anonymous: '401', 'token:read': '403', 'A:expert': '2xx', others: '404' };

export function assignmentCases(env: MatrixEnv): RouteCase[] {
  /** A closed call of A with one application in review and an academic and an industry expert. */
  const reviewCall = async () => {
    const ctx = env.ctx();
    const call = await buildClosedCall(ctx, { platformId: env.A(), k: 2 });
    const app = await buildInReview(ctx, call, { title: '矩阵申报', summary: 'matrix application' });
    await buildExpert(ctx, { category: 'academic', expertise: 'matrix' });
    await buildExpert(ctx, { category: 'industry', expertise: 'matrix' });
    return { callId: call.id, platformId: call.platformId, applicationId: app.id };
  };
  let shared: Awaited<ReturnType<typeof reviewCall>> | undefined;
  const sharedCall = async () => (shared ??= await reviewCall());
  let sharedRun: string | undefined;
  const runOf = async () => {
    const { callId } = await sharedCall();
    sharedRun ??= (await createRun(env.ctx(), callId, { mode: 'optimal' })).id;
    return { callId, runId: sharedRun };
  };
  const publishedCall = async () => {
    const c = await reviewCall();
    const run = await createRun(env.ctx(), c.callId, { mode: 'random', seed: 1 });
    await publishRun(env.ctx(), c.callId, run.id);
    return c;
  };

  /** The expert the actor is (A:expert gets one linked to their user), else a stranger expert. */
  let actorsExpert: string | undefined;
  const expertFor = async (actor: ActorName) => {
    const ctx = env.ctx();
    if (actor !== 'A:expert') return (await buildExpert(ctx, { category: 'academic', expertise: 'x' })).id;
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
  /** A fresh invitation of the actor's expert (or of a stranger), open for a week. */
  const seatFor = async (actor: ActorName) => {
    const ctx = env.ctx();
    const c = await reviewCall();
    const at = isoNow(ctx.clock);
    const runId = newId();
    await ctx.db
      .insertInto('assignment_runs')
      .values({
        id: runId,
        call_id: c.callId,
        mode: 'optimal',
        purpose: 'initial',
        seed: null,
        solver: 'matrix',
        input_hash: '0'.repeat(64),
        instance_json: '{}',
        result_json: '{"assignments":[]}',
        objective: 0,
        millis: 0,
        timings_json: '{}',
        state: 'published',
        created_by: null,
        created_at: at,
        published_at: at,
      })
      .execute();
    const id = newId();
    await ctx.db
      .insertInto('review_assignments')
      .values({
        id,
        call_id: c.callId,
        application_id: c.applicationId,
        expert_id: await expertFor(actor),
        run_id: runId,
        state: 'invited',
        label: 'A',
        invited_at: at,
        respond_by: new Date(ctx.clock.now().getTime() + 7 * 86_400_000).toISOString(),
        responded_at: null,
        decline_reason: null,
      })
      .execute();
    return id;
  };

  const callUrl = async (rest: string) => `/api/calls/${(await sharedCall()).callId}${rest}`;
  const runUrl = async (rest: string) => {
    const { callId, runId } = await runOf();
    return `/api/calls/${callId}/assignment-runs/${runId}${rest}`;
  };

  return [
    { route: 'GET /api/review/calls', expect: signedIn, cell: () => ({ url: '/api/review/calls' }) },
    {
      route: 'GET /api/calls/:callId/review-settings',
      expect: officers,
      cell: async () => ({ url: await callUrl('/review-settings') }),
    },
    {
      route: 'PUT /api/calls/:callId/review-settings',
      expect: officersWrite,
      cell: async () => ({ url: await callUrl('/review-settings'), body: { responseDays: 6 } }),
    },
    {
      route: 'POST /api/calls/:callId/assignment-runs',
      expect: officersWrite,
      cell: async () => ({ url: await callUrl('/assignment-runs'), body: { mode: 'optimal' } }),
    },
    {
      route: 'GET /api/calls/:callId/assignment-runs',
      expect: officers,
      cell: async () => ({ url: await callUrl('/assignment-runs') }),
    },
    {
      route: 'GET /api/calls/:callId/assignment-runs/:runId',
      expect: officers,
      cell: async () => ({ url: await runUrl('') }),
    },
    {
      route: 'GET /api/calls/:callId/assignment-runs/:runId/record.pdf',
      expect: officers,
      cell: async () => ({ url: await runUrl('/record.pdf') }),
    },
    {
      route: 'GET /api/calls/:callId/assignment-runs/:runId/instance',
      expect: officers,
      cell: async () => ({ url: await runUrl('/instance') }),
    },
    {
      route: 'POST /api/calls/:callId/assignment-runs/:runId/replay',
      expect: officersWrite,
      cell: async () => ({ url: await runUrl('/replay') }),
    },
    {
      route: 'POST /api/calls/:callId/assignment-runs/:runId/publish',
      expect: officersWrite,
      cell: async () => {
        const c = await reviewCall();
        const run = await createRun(env.ctx(), c.callId, { mode: 'optimal' });
        return { url: `/api/calls/${c.callId}/assignment-runs/${run.id}/publish` };
      },
    },
    {
      route: 'GET /api/calls/:callId/assignment-overrides',
      expect: officers,
      cell: async () => ({ url: await callUrl('/assignment-overrides') }),
    },
    {
      route: 'POST /api/calls/:callId/assignment-overrides',
      expect: officersWrite,
      cell: async () => {
        const { applicationId } = await sharedCall();
        const expertId = (await buildExpert(env.ctx(), { category: 'lab', expertise: 'x' })).id;
        return {
          url: await callUrl('/assignment-overrides'),
          body: { applicationId, expertId, kind: 'forbid', reason: 'matrix' },
        };
      },
    },
    {
      route: 'DELETE /api/calls/:callId/assignment-overrides/:overrideId',
      expect: officersWrite,
      cell: async () => {
        const ctx = env.ctx();
        const { callId, applicationId } = await sharedCall();
        const id = newId();
        await ctx.db
          .insertInto('assignment_overrides')
          .values({
            id,
            call_id: callId,
            application_id: applicationId,
            expert_id: (await buildExpert(ctx, { category: 'lab', expertise: 'x' })).id,
            kind: 'forbid',
            reason: 'matrix',
            created_by: null,
            created_at: isoNow(ctx.clock),
            removed_at: null,
            removed_by: null,
          })
          .execute();
        return { url: `/api/calls/${callId}/assignment-overrides/${id}` };
      },
    },
    {
      route: 'GET /api/calls/:callId/seats',
      expect: officers,
      cell: async () => ({ url: await callUrl('/seats') }),
    },
    {
      route: 'POST /api/calls/:callId/refill',
      expect: officersWrite,
      cell: async () => {
        const ctx = env.ctx();
        const c = await publishedCall();
        await buildExpert(ctx, { category: 'academic', expertise: 'matrix' });
        await buildExpert(ctx, { category: 'industry', expertise: 'matrix' });
        const seat = await ctx.db
          .selectFrom('review_assignments')
          .select('id')
          .where('call_id', '=', c.callId)
          .orderBy('id')
          .executeTakeFirstOrThrow();
        await ctx.db
          .updateTable('review_assignments')
          .set({ state: 'declined', decline_reason: 'matrix' })
          .where('id', '=', seat.id)
          .execute();
        return { url: `/api/calls/${c.callId}/refill` };
      },
    },
    {
      route: 'POST /api/calls/:callId/seats/reinvite',
      label: 'an unanswered seat past its window, invited again',
      expect: officersWrite,
      cell: async () => {
        const ctx = env.ctx();
        const c = await publishedCall();
        const seat = await ctx.db
          .selectFrom('review_assignments')
          .select('id')
          .where('call_id', '=', c.callId)
          .orderBy('id')
          .executeTakeFirstOrThrow();
        await ctx.db
          .updateTable('review_assignments')
          .set({ state: 'expired', respond_by: '2000-01-01T00:00:00.000Z' })
          .where('id', '=', seat.id)
          .execute();
        return { url: `/api/calls/${c.callId}/seats/reinvite`, body: { seatIds: [seat.id] } };
      },
    },
    { route: 'GET /api/my-reviews', expect: signedIn, cell: () => ({ url: '/api/my-reviews' }) },
    {
      route: 'POST /api/review-assignments/:assignmentId/accept',
      expect: ownSeat,
      cell: async (actor) => ({ url: `/api/review-assignments/${await seatFor(actor)}/accept` }),
    },
    {
      route: 'POST /api/review-assignments/:assignmentId/decline',
      expect: ownSeat,
      cell: async (actor) => ({
        url: `/api/review-assignments/${await seatFor(actor)}/decline`,
        body: { reason: 'matrix' },
      }),
    },
  ];
}
