import { DEFAULT_RULE_SET_ID } from '../../../common/conflict-rules.js';
import { isoNow, newId } from '../../http/context.js';
import { buildClosedCall, buildExpert, buildInReview } from '../../modules/review/runs/runs.fixtures.js';
import {
  type ActorName,
  CALL_OFFICERS,
  CALL_OFFICERS_WRITE,
  type Expect,
  type MatrixEnv,
  type RouteCase,
} from './matrix.js';

/**
 * The authorization matrix rows of the conflict rules (issue 5). A call's exclusions and the
 * explanation of a pair are for its officers only (A's admins and program officers, system admins):
 * applicants and experts never list them. The avoid list of an application is read by whoever reads the
 * application and changed by its owner (A:applicant) only.
 */
const officers = CALL_OFFICERS;
const officersWrite = CALL_OFFICERS_WRITE;
/** Staff of any platform read the rule sets (presets are deployment-wide). */
const staff: Expect = { ...officers, 'B:platform_admin': '2xx' };
/**
 * Readers of the draft: its owner alone. A draft is its applicant's until submitted, so A's officers
 * and system admins (and the system admin's tokens) do not see it either (404).
 */
const appReaders: Expect = { anonymous: '401', 'A:applicant': '2xx', others: '404' };
const ownerWrite: Expect = { ...appReaders, 'token:read': '403' };

interface Fixtures {
  callId: string;
  appId: string;
  expertId: string;
  draftId: string;
}

export function conflictsCases(env: MatrixEnv): RouteCase[] {
  let made: Promise<Fixtures> | undefined;
  const fx = () => {
    made ??= setUp();
    return made;
  };

  async function setUp(): Promise<Fixtures> {
    const ctx = env.ctx();
    const call = await buildClosedCall(ctx, { platformId: env.A() });
    const app = await buildInReview(ctx, call, { title: '量子测量', summary: '摘要' });
    const expert = await buildExpert(ctx, { category: 'academic', expertise: 'metrology' });
    // A draft of A:applicant on an open call, to name experts to avoid.
    const draftId = newId();
    const at = isoNow(ctx.clock);
    await ctx.db
      .insertInto('applications')
      .values({
        id: draftId,
        call_id: call.id,
        platform_id: env.A(),
        owner_user_id: env.userId('A:applicant')!,
        lead_org_id: app.orgId,
        state: 'draft',
        version_no: 1,
        title_zh: '草稿',
        title_en: null,
        field_id: null,
        requested_total_minor: 0,
        currency: 'CNY',
        receipt_no: null,
        submitted_at: null,
        resubmit_deadline: null,
        withdraw_reason: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return { callId: call.id, appId: app.id, expertId: expert.id, draftId };
  }

  /** A fresh avoid request on the draft (so the owner's delete finds one). */
  const avoidRequest = async (draftId: string) => {
    const id = newId();
    const ctx = env.ctx();
    await ctx.db
      .insertInto('application_avoid_requests')
      .values({
        id,
        application_id: draftId,
        name: `专家${id.slice(-6)}`,
        organisation_id: null,
        reason: '竞争关系',
        created_by: null,
        created_at: isoNow(ctx.clock),
      })
      .execute();
    return id;
  };
  let codes = 0;

  return [
    {
      route: 'GET /api/calls/:callId/conflicts',
      expect: officers,
      cell: async () => ({ url: `/api/calls/${(await fx()).callId}/conflicts` }),
    },
    {
      route: 'POST /api/calls/:callId/conflicts/refresh',
      expect: officersWrite,
      cell: async () => ({ url: `/api/calls/${(await fx()).callId}/conflicts/refresh` }),
    },
    {
      route: 'GET /api/calls/:callId/conflicts/explain',
      expect: officers,
      cell: async () => {
        const f = await fx();
        return {
          url: `/api/calls/${f.callId}/conflicts/explain?expertId=${f.expertId}&applicationId=${f.appId}`,
        };
      },
    },
    {
      route: 'GET /api/conflict-rule-sets',
      expect: staff,
      cell: () => ({ url: '/api/conflict-rule-sets' }),
    },
    {
      route: 'GET /api/conflict-rule-sets/:ruleSetId',
      expect: staff,
      cell: () => ({ url: `/api/conflict-rule-sets/${DEFAULT_RULE_SET_ID}` }),
    },
    {
      route: 'POST /api/conflict-rule-sets',
      label: "a version of platform A's rule set",
      expect: { ...officersWrite, 'B:platform_admin': '403' },
      cell: () => ({
        url: '/api/conflict-rule-sets',
        body: {
          platformId: env.A(),
          code: `matrix-${codes++}`,
          nameZh: '回避',
          nameEn: 'Conflicts',
          rules: [{ key: 'own', kind: 'same_organisation' }],
        },
      }),
    },
    {
      route: 'GET /api/applications/:applicationId/avoid-requests',
      expect: appReaders,
      cell: async () => ({ url: `/api/applications/${(await fx()).draftId}/avoid-requests` }),
    },
    {
      route: 'POST /api/applications/:applicationId/avoid-requests',
      expect: ownerWrite,
      cell: async (actor: ActorName) => {
        const f = await fx();
        // The owner's request must fit under the limit of 3 whatever ran before.
        if (actor === 'A:applicant') {
          await env
            .ctx()
            .db.deleteFrom('application_avoid_requests')
            .where('application_id', '=', f.draftId)
            .execute();
        }
        return {
          url: `/api/applications/${f.draftId}/avoid-requests`,
          body: { name: `Li ${actor}`, reason: 'former supervisor' },
        };
      },
    },
    {
      route: 'DELETE /api/applications/:applicationId/avoid-requests/:requestId',
      expect: ownerWrite,
      cell: async () => {
        const f = await fx();
        return { url: `/api/applications/${f.draftId}/avoid-requests/${await avoidRequest(f.draftId)}` };
      },
    },
  ];
}
