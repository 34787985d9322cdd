import { isoNow, newId } from '../../http/context.js';
import { buildCall } from '../../modules/applications/applications.fixtures.js';
import {
  buildRun,
  buildSeat,
  expertFor,
  fullScorecard,
  inReviewApplication,
} from '../../modules/review/scoring/scoring.fixtures.js';
import { CALL_OFFICERS, CALL_OFFICERS_WRITE, type Expect, type MatrixEnv, type RouteCase } from './matrix.js';

/**
 * The authorization matrix rows of the scorecards and the panel (issue 5). A:expert holds the seats:
 * only they reach their scorecard, everyone else is told it does not exist (a seat's existence says who
 * reviews what). The panel names the reviewers, so only the call platform's officers see it; the
 * application's applicant is not a matrix actor, so A:applicant does not see the application at all.
 */
const expertOnly: Expect = { anonymous: '401', 'A:expert': '2xx', others: '404' };
const expertOnlyWrite: Expect = { ...expertOnly, 'token:read': '403' };
const officers = CALL_OFFICERS;
const officersWrite = CALL_OFFICERS_WRITE;
/** The application is visible only to its officers; anyone else is told it does not exist. */
const applicationOfficersWrite: Expect = { ...officersWrite, others: '404' };

interface Fixtures {
  callId: string;
  applicationId: string;
  /** A new accepted seat of A:expert per call (each write needs a fresh one). */
  seat(opts?: { declared?: boolean }): Promise<string>;
}

export function scoringCases(env: MatrixEnv): RouteCase[] {
  let made: Promise<Fixtures> | undefined;
  const fx = () => {
    made ??= setUp(env);
    return made;
  };
  let shared: Promise<string> | undefined;
  /** A fresh seat for the expert's own request; everyone else tries one shared seat that is not theirs. */
  const seatOf = async (actor: string, declared: boolean) => {
    const f = await fx();
    if (actor === 'A:expert') return f.seat({ declared });
    shared ??= f.seat({ declared: true });
    return shared;
  };
  /** The submitted proposal file of the seat's application. */
  const fileOf = async (seat: string) => {
    const row = await env
      .ctx()
      .db.selectFrom('review_assignments as r')
      .innerJoin('application_versions as v', 'v.application_id', 'r.application_id')
      .innerJoin('application_attachments as f', 'f.version_id', 'v.id')
      .select('f.id')
      .where('r.id', '=', seat)
      .executeTakeFirstOrThrow();
    return row.id;
  };
  return [
    {
      route: 'GET /api/review-assignments/:assignmentId/files/:attachmentId',
      expect: expertOnly,
      cell: async (actor) => {
        const seat = await seatOf(actor, false);
        return { url: `/api/review-assignments/${seat}/files/${await fileOf(seat)}` };
      },
    },
    {
      route: 'GET /api/review-assignments/:assignmentId/scorecard',
      expect: expertOnly,
      cell: async (actor) => ({ url: `/api/review-assignments/${await seatOf(actor, false)}/scorecard` }),
    },
    {
      route: 'POST /api/review-assignments/:assignmentId/declaration',
      expect: expertOnlyWrite,
      cell: async (actor) => ({
        url: `/api/review-assignments/${await seatOf(actor, false)}/declaration`,
        body: { noConflict: true },
      }),
    },
    {
      route: 'PUT /api/review-assignments/:assignmentId/scorecard',
      expect: expertOnlyWrite,
      cell: async (actor) => ({
        url: `/api/review-assignments/${await seatOf(actor, true)}/scorecard`,
        body: fullScorecard(6),
      }),
    },
    {
      route: 'POST /api/review-assignments/:assignmentId/submit',
      expect: expertOnlyWrite,
      cell: async (actor) => ({
        url: `/api/review-assignments/${await seatOf(actor, true)}/submit`,
        body: fullScorecard(7),
      }),
    },
    {
      route: 'GET /api/calls/:callId/panel',
      expect: officers,
      cell: async () => ({ url: `/api/calls/${(await fx()).callId}/panel` }),
    },
    {
      route: 'GET /api/calls/:callId/panel.xlsx',
      expect: officers,
      cell: async () => ({ url: `/api/calls/${(await fx()).callId}/panel.xlsx` }),
    },
    {
      route: 'GET /api/calls/:callId/panel.pdf',
      expect: officers,
      cell: async () => ({ url: `/api/calls/${(await fx()).callId}/panel.pdf` }),
    },
    {
      route: 'PUT /api/calls/:callId/panel-thresholds',
      expect: officersWrite,
      cell: async () => ({ url: `/api/calls/${(await fx()).callId}/panel-thresholds`, body: { total: 5 } }),
    },
    {
      route: 'PUT /api/applications/:applicationId/panel-review',
      expect: applicationOfficersWrite,
      cell: async () => ({
        url: `/api/applications/${(await fx()).applicationId}/panel-review`,
        body: { consensusScore: 7, reportZh: '评审组意见' },
      }),
    },
  ];
}

async function setUp(env: MatrixEnv): Promise<Fixtures> {
  const ctx = env.ctx();
  const call = await buildCall(ctx, { platformId: env.A() });
  const run = await buildRun(ctx, call.id);
  const { expertId } = await expertFor(ctx, { userId: env.userId('A:expert')! });
  const ruleSet = newId();
  const at = isoNow(ctx.clock);
  await ctx.db
    .insertInto('conflict_rule_sets')
    .values({
      id: ruleSet,
      platform_id: env.A(),
      code: `M${ruleSet.slice(-8)}`,
      version: 1,
      name_zh: '矩阵',
      name_en: 'Matrix',
      rules_json: '[]',
      created_by: null,
      created_at: at,
    })
    .execute();
  await ctx.db
    .insertInto('call_review_settings')
    .values({
      call_id: call.id,
      rule_set_id: ruleSet,
      composition_json: '{}',
      load_min: 0,
      load_max: 50,
      hybrid_top_n: 10,
      response_days: 7,
      scoring_closes_at: null,
      thresholds_json: '{}',
      updated_by: null,
      updated_at: at,
    })
    .execute();
  const first = await inReviewApplication(ctx, call);
  return {
    callId: call.id,
    applicationId: first.id,
    async seat({ declared = false } = {}) {
      const app = await inReviewApplication(ctx, call);
      const id = await buildSeat(ctx, {
        callId: call.id,
        applicationId: app.id,
        expertId,
        runId: run,
        label: 'A',
      });
      if (declared)
        await ctx.db
          .insertInto('review_scorecards')
          .values({
            id: newId(),
            assignment_id: id,
            call_id: call.id,
            application_id: app.id,
            expert_id: expertId,
            state: 'draft',
            no_conflict_declared_at: at,
            overall_comment: null,
            weighted_total: null,
            submitted_at: null,
            created_at: at,
            updated_at: at,
          })
          .execute();
      return id;
    },
  };
}
