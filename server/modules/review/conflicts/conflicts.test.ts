import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET_ID, STRICT_RULE_SET_ID } from '../../../../common/conflict-rules.js';
import type { Ctx } from '../../../http/context.js';
import { isoNow, newId } from '../../../http/context.js';
import { buildUser } from '../../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../../test/harness.js';
import { buildPerson } from '../../../test/platform-factories.js';
import { buildOrg } from '../../applications/applications.fixtures.js';
import { buildClosedCall, buildExpert, buildInReview } from '../runs/runs.fixtures.js';
import { refreshCallConflicts } from './conflicts.engine.js';

// The clock reads 2026-06-01: with the default 4 years a collaboration counts from 2022-06-01 on.
let t: TestApp;
let ctx: Ctx;
let officer: Client;
let call: { id: string; platformId: string };
type AppKey = 'a1' | 'a2' | 'a3' | 'a4' | 'a5';
type ExpertKey =
  | 'same'
  | 'member'
  | 'coauthor'
  | 'old'
  | 'inventor'
  | 'declared'
  | 'named'
  | 'coapplicant'
  | 'clean';
const apps = {} as Record<AppKey, Awaited<ReturnType<typeof buildInReview>>>;
const experts = {} as Record<ExpertKey, Awaited<ReturnType<typeof buildExpert>>>;

async function output(
  expertId: string,
  kind: string,
  year: number,
  collaborator: { orgId?: string; personId?: string },
) {
  const id = newId();
  await ctx.db
    .insertInto('expert_outputs')
    .values({
      id,
      expert_id: expertId,
      kind,
      title: `${kind} ${year}`,
      abstract: null,
      year,
      created_at: isoNow(ctx.clock),
    })
    .execute();
  await ctx.db
    .insertInto('expert_output_collaborators')
    .values({
      id: newId(),
      output_id: id,
      person_id: collaborator.personId ?? null,
      organisation_id: collaborator.orgId ?? null,
      name: 'Co-author',
    })
    .execute();
}

async function disclosure(date: string, inventorPersonIds: string[]) {
  const id = newId();
  const at = isoNow(ctx.clock);
  await ctx.db
    .insertInto('ip_disclosures')
    .values({
      id,
      platform_id: call.platformId,
      unit_id: null,
      field_id: null,
      ref_no: `D-${id.slice(-6)}`,
      title: '一种量子测量装置',
      ip_kind: 'patentable',
      received_date: date,
      funding_source: null,
      first_public_disclosure_date: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await ctx.db
    .insertInto('ip_inventors')
    .values(
      inventorPersonIds.map((personId, i) => ({
        id: newId(),
        disclosure_id: id,
        person_id: personId,
        name: `发明人${i}`,
        share_bp: 10_000 / inventorPersonIds.length,
        sort_order: i,
      })),
    )
    .execute();
}

const pairs = async () =>
  (await ctx.db.selectFrom('conflict_exclusions').selectAll().where('call_id', '=', call.id).execute()).map(
    (r) => ({
      ...r,
      evidence: JSON.parse(r.evidence_json).matches,
    }),
  );
const has = (rows: Awaited<ReturnType<typeof pairs>>, e: ExpertKey, a: AppKey, rule: string) =>
  rows.find((r) => r.expert_id === experts[e].id && r.application_id === apps[a].id && r.rule_key === rule);

beforeAll(async () => {
  t = await setupTestApp();
  ctx = t.systemCtx();
  call = await buildClosedCall(ctx);
  for (const k of ['a1', 'a2', 'a3', 'a4', 'a5'] as const)
    apps[k] = await buildInReview(ctx, call, { title: `申请${k}`, summary: '摘要' });
  await buildUser(ctx, { username: 'po', roles: ['program_officer'], platformId: call.platformId });
  officer = await signIn(t.app, 'po');
  const x = (k: ExpertKey, organisationId?: string) =>
    buildExpert(ctx, { category: 'academic', expertise: 'x', organisationId }).then((e) => {
      experts[k] = e;
    });
  await x('same', apps.a1.orgId);
  await x('member');
  await x('coauthor');
  await x('old');
  await x('inventor');
  await x('declared');
  await x('named');
  await x('coapplicant');
  await x('clean');
  // member: the contact of a1's lead
  await ctx.db
    .updateTable('application_members')
    .set({ contact_person_id: experts.member.personId })
    .where('organisation_id', '=', apps.a1.orgId)
    .execute();
  await output(experts.coauthor.id, 'publication', 2022, { orgId: apps.a2.orgId });
  await output(experts.old.id, 'publication', 2021, { orgId: apps.a2.orgId });
  const a3person = await buildPerson(ctx, { organisationId: apps.a3.orgId });
  await disclosure('2025-03-01', [experts.inventor.personId, a3person.id]);
  await ctx.db
    .insertInto('expert_declared_conflicts')
    .values({
      id: newId(),
      expert_id: experts.declared.id,
      organisation_id: apps.a4.orgId,
      person_id: null,
      reason: '曾任职',
      declared_at: isoNow(ctx.clock),
    })
    .execute();
  await ctx.db
    .updateTable('people')
    .set({ name_zh: '欧阳明', name_en: 'Ouyang Ming' })
    .where('id', '=', experts.named.personId)
    .execute();
  await ctx.db
    .insertInto('application_avoid_requests')
    .values({
      id: newId(),
      application_id: apps.a5.id,
      name: 'ming ouyang',
      organisation_id: null,
      reason: '竞争关系',
      created_by: null,
      created_at: isoNow(ctx.clock),
    })
    .execute();
  // co-applicant: the expert was the contact of a member in an earlier application (another call)
  // together with a5's lead organisation.
  const earlier = await buildClosedCall(ctx, { platformId: call.platformId });
  const old = await buildInReview(ctx, earlier, { title: '旧申请', summary: '摘要' });
  const version = await ctx.db
    .selectFrom('application_versions')
    .select('id')
    .where('application_id', '=', old.id)
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('application_members')
    .values({
      id: newId(),
      version_id: version.id,
      position: 1,
      organisation_id: apps.a5.orgId,
      contact_person_id: null,
      role: null,
      requested_minor: 0,
      cofunding_minor: 0,
    })
    .execute();
  await ctx.db
    .insertInto('application_members')
    .values({
      id: newId(),
      version_id: version.id,
      position: 2,
      organisation_id: (await buildOrg(ctx)).id,
      contact_person_id: experts.coapplicant.personId,
      role: null,
      requested_minor: 0,
      cofunding_minor: 0,
    })
    .execute();
});
afterAll(() => t.close());

describe('the conflict engine on the database', () => {
  it('excludes each pair under the right rule with its evidence, and not just outside 4 years', async () => {
    const excluded = await t.database.db
      .transaction()
      .execute((trx) => refreshCallConflicts(trx, call.id, ctx.clock.now()));
    const rows = await pairs();
    expect(has(rows, 'same', 'a1', 'same_organisation')?.evidence[0]).toMatchObject({
      organisation: { id: apps.a1.orgId },
      lead: true,
    });
    expect(has(rows, 'member', 'a1', 'consortium_member')?.evidence[0]).toMatchObject({ role: 'contact' });
    expect(has(rows, 'coauthor', 'a2', 'collaboration')?.evidence[0]).toMatchObject({
      source: 'co_author',
      via: { kind: 'output', title: 'publication 2022', year: 2022 },
      matched: { organisation: { id: apps.a2.orgId } },
    });
    expect(has(rows, 'old', 'a2', 'collaboration')).toBeUndefined();
    expect(has(rows, 'inventor', 'a3', 'collaboration')?.evidence[0]).toMatchObject({
      source: 'co_inventor',
      via: { kind: 'ip_disclosure', date: '2025-03-01' },
    });
    expect(has(rows, 'declared', 'a4', 'declared_by_expert')?.evidence[0]).toMatchObject({
      reason: '曾任职',
    });
    expect(has(rows, 'named', 'a5', 'declared_by_applicant')?.evidence[0]).toMatchObject({
      name: 'ming ouyang',
    });
    expect(has(rows, 'coapplicant', 'a5', 'collaboration')?.evidence[0]).toMatchObject({
      source: 'co_applicant',
    });
    expect(rows.every((r) => r.rule_set_id === DEFAULT_RULE_SET_ID)).toBe(true);
    expect(rows.some((r) => r.expert_id === experts.clean.id)).toBe(false);
    expect(excluded.has(`${experts.same.id}|${apps.a1.id}`)).toBe(true);
    expect(excluded.size).toBe(new Set(rows.map((r) => `${r.expert_id}|${r.application_id}`)).size);
  });

  it('uses the rule set the call chose: strict (6 years) catches the 2021 co-author', async () => {
    await ctx.db
      .insertInto('call_review_settings')
      .values({
        call_id: call.id,
        rule_set_id: STRICT_RULE_SET_ID,
        composition_json: '{"academic":1,"industry":1}',
        load_min: 0,
        load_max: 6,
        hybrid_top_n: 10,
        response_days: 7,
        scoring_closes_at: null,
        thresholds_json: '{}',
        updated_by: null,
        updated_at: isoNow(ctx.clock),
      })
      .execute();
    const res = await officer.post(`/api/calls/${call.id}/conflicts/refresh`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ruleSet.id).toBe(STRICT_RULE_SET_ID);
    expect(body.counts.find((c: { ruleKey: string }) => c.ruleKey === 'collaboration').pairs).toBe(4);
    const rows = await pairs();
    expect(has(rows, 'old', 'a2', 'collaboration')).toBeDefined();
    await ctx.db.deleteFrom('call_review_settings').where('call_id', '=', call.id).execute();
    await officer.post(`/api/calls/${call.id}/conflicts/refresh`);
  });

  it('explains a pair: matched rules with evidence, the others with the reason', async () => {
    const explain = (e: ExpertKey, a: AppKey) =>
      officer.get(
        `/api/calls/${call.id}/conflicts/explain?expertId=${experts[e].id}&applicationId=${apps[a].id}`,
      );
    const old = (await explain('old', 'a2')).json();
    expect(old.excluded).toBe(false);
    const collab = old.rules.find((r: { kind: string }) => r.kind === 'collaboration');
    expect(collab).toMatchObject({
      matched: false,
      reason: 'collaboration_outside_window',
      detail: { cutoff: '2022-06-01', years: 4 },
    });
    expect(collab.detail.outsideWindow[0].via.year).toBe(2021);
    const same = (await explain('same', 'a1')).json();
    expect(same.excluded).toBe(true);
    expect(same.rules.find((r: { kind: string }) => r.kind === 'same_organisation').matched).toBe(true);
    expect(same.rules.find((r: { kind: string }) => r.kind === 'declared_by_applicant').reason).toBe(
      'no_avoid_requests',
    );
    const list = (await officer.get(`/api/calls/${call.id}/conflicts`)).json();
    expect(
      list.items.find((i: { expert: { id: string } }) => i.expert.id === experts.same.id).rules[0].kind,
    ).toBe('same_organisation');
  });
});
