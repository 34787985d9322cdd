import { buildCall } from '../../modules/applications/applications.fixtures.js';
import { scoredApplication, startReview } from '../../modules/review/decisions/decisions.fixtures.js';
import { computeDecision } from '../../modules/review/decisions/decisions.service.js';
import {
  type ActorName,
  CALL_OFFICERS,
  CALL_OFFICERS_WRITE,
  type MatrixEnv,
  type RouteCase,
} from './matrix.js';

/**
 * The authorization matrix rows of the funding decisions (issue 5): the call platform's officers only
 * (platform admins, program officers; system admins and their tokens). Applicants learn their outcome
 * through their application and notifications.
 */
const officers = CALL_OFFICERS;
const officersWrite = CALL_OFFICERS_WRITE;
const ALLOWED_WRITERS = new Set<ActorName>([
  'token:write',
  'system_admin',
  'A:platform_admin',
  'A:program_officer',
]);

interface Fixtures {
  callId: string;
  applicationId: string;
  decisionId: string;
}

export function decisionsCases(env: MatrixEnv): RouteCase[] {
  let made: Promise<Fixtures> | undefined;
  const fx = () => {
    made ??= setUp(env);
    return made;
  };
  /** A reviewing call without applications and its draft decision (finalising decides the call). */
  const emptyDecision = async () => {
    const ctx = env.ctx();
    const call = await buildCall(ctx, { platformId: env.A() });
    await startReview(ctx, call.id, 1_000_000);
    const d = await computeDecision(ctx, call.id, { fields: [], waitlistSize: 0 });
    return { callId: call.id, decisionId: d.id };
  };
  let shared: ReturnType<typeof emptyDecision> | undefined;
  return [
    {
      route: 'POST /api/calls/:callId/decisions',
      expect: officersWrite,
      cell: async () => ({
        url: `/api/calls/${(await fx()).callId}/decisions`,
        body: { constraints: { fields: [], waitlistSize: 1 } },
      }),
    },
    {
      route: 'GET /api/calls/:callId/decisions',
      expect: officers,
      cell: async () => ({ url: `/api/calls/${(await fx()).callId}/decisions` }),
    },
    {
      route: 'GET /api/calls/:callId/decisions/:decisionId',
      expect: officers,
      cell: async () => {
        const f = await fx();
        return { url: `/api/calls/${f.callId}/decisions/${f.decisionId}` };
      },
    },
    {
      route: 'PATCH /api/calls/:callId/decisions/:decisionId/items/:applicationId',
      expect: officersWrite,
      cell: async () => {
        const f = await fx();
        return {
          url: `/api/calls/${f.callId}/decisions/${f.decisionId}/items/${f.applicationId}`,
          body: { outcome: 'declined', reason: '矩阵测试' },
        };
      },
    },
    {
      route: 'POST /api/calls/:callId/decisions/:decisionId/finalise',
      expect: officersWrite,
      cell: async (actor) => {
        if (!ALLOWED_WRITERS.has(actor)) shared ??= emptyDecision();
        const d = ALLOWED_WRITERS.has(actor) ? await emptyDecision() : await shared!;
        return { url: `/api/calls/${d.callId}/decisions/${d.decisionId}/finalise`, body: {} };
      },
    },
  ];
}

async function setUp(env: MatrixEnv): Promise<Fixtures> {
  const ctx = env.ctx();
  const call = await buildCall(ctx, { platformId: env.A() });
  const app = await scoredApplication(ctx, call, { requested: 1000, score: 80 });
  await startReview(ctx, call.id, 10_000);
  const d = await computeDecision(ctx, call.id, { fields: [], waitlistSize: 1 });
  return { callId: call.id, applicationId: app.id, decisionId: d.id };
}
