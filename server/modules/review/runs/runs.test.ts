import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET_ID } from '../../../../common/conflict-rules.js';
import { formatInZone } from '../../../../common/time-format.js';
import { pdfText } from '../../../files/pdf-text.fixtures.js';
import { newId } from '../../../http/context.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../../test/harness.js';
import { assign, instanceHash } from '../engines/assignment/assign.js';
import { buildExpert, buildRunsScenario } from './runs.fixtures.js';

// Review settings and assignment runs (optimal, random, hybrid; pins and forbids) on the scenario of
// runs.fixtures.ts; publishing, answers and refills are in seats.test.ts.
let t: TestApp;
let officer: Client;
let officerB: Client;
let call: { id: string; platformId: string };
let apps: Awaited<ReturnType<typeof buildRunsScenario>>['apps'];
let experts: Awaited<ReturnType<typeof buildRunsScenario>>['experts'];

const count = async (table: 'assignment_runs' | 'review_assignments') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('call_id', '=', call.id)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await setupTestApp();
  ({ call, apps, experts } = await buildRunsScenario(t));
  officer = await signIn(t.app, 'rv-po');
  officerB = await signIn(t.app, 'rv-pob');
});
afterAll(() => t.close());

describe('review settings', () => {
  it('shows the defaults, saves changes, and refuses other platforms', async () => {
    const res = await officer.get(`/api/calls/${call.id}/review-settings`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ruleSetId: DEFAULT_RULE_SET_ID,
      composition: { academic: 1, industry: 1 },
      loadMin: 0,
      loadMax: 6,
      hybridTopN: 10,
      responseDays: 7,
      reviewersPerApplication: 2,
    });
    const put = await officer.put(`/api/calls/${call.id}/review-settings`, { responseDays: 5, loadMax: 3 });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ responseDays: 5, loadMax: 3 });
    expect((await officerB.get(`/api/calls/${call.id}/review-settings`)).statusCode).toBe(403);
    const bad = await officer.put(`/api/calls/${call.id}/review-settings`, { loadMin: 5, loadMax: 2 });
    expect(bad.statusCode).toBe(400);
    // A rule set that does not exist (or is another platform's) is refused, naming the field.
    const unknown = await officer.put(`/api/calls/${call.id}/review-settings`, { ruleSetId: newId() });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      code: 'conflicts.rule_set_not_usable',
      errors: [{ pointer: '/ruleSetId' }],
    });
    expect((await officer.get(`/api/calls/${call.id}/review-settings`)).json().ruleSetId).toBe(
      DEFAULT_RULE_SET_ID,
    );
  });
});

describe('assignment runs', () => {
  it('an optimal run meets k and composition, records hash and timings, and replays identically', async () => {
    const res = await officer.post(`/api/calls/${call.id}/assignment-runs`, { mode: 'optimal' });
    expect(res.statusCode).toBe(201);
    const run = res.json();
    expect(run).toMatchObject({ mode: 'optimal', state: 'draft', purpose: 'initial', seed: null, pairs: 8 });
    expect(run.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(run.timings).sort()).toEqual(['affinity', 'build', 'conflicts', 'solve']);
    for (const app of apps) {
      const mine = run.assignments.filter((p: { applicationId: string }) => p.applicationId === app.id);
      expect(mine.map((p: { category: string }) => p.category).sort()).toEqual(['academic', 'industry']);
    }
    // The battery application goes to the battery experts.
    const battery = run.assignments.filter((p: { applicationId: string }) => p.applicationId === apps[0]!.id);
    expect(battery.map((p: { expertId: string }) => p.expertId).sort()).toEqual(
      [experts[0]!.id, experts[4]!.id].sort(),
    );
    const replay = await officer.post(`/api/calls/${call.id}/assignment-runs/${run.id}/replay`);
    expect(replay.json()).toMatchObject({ identical: true, inputHash: run.inputHash });
    const file = await officer.get(`/api/calls/${call.id}/assignment-runs/${run.id}/instance`);
    expect(file.statusCode).toBe(200);
    const instance = file.json();
    expect(instance).toMatchObject({ k: 2, composition: { academic: 1, industry: 1 } });
    expect(instanceHash(instance)).toBe(run.inputHash);
    expect(assign(instance, { mode: 'optimal' }).objective).toBeCloseTo(run.objective, 9);
  });

  it('a random run records its seed and replays identically; without a seed one is drawn', async () => {
    const res = await officer.post(`/api/calls/${call.id}/assignment-runs`, { mode: 'random', seed: 42 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ seed: 42, mode: 'random', solver: expect.stringContaining('draw') });
    const replay = await officer.post(`/api/calls/${call.id}/assignment-runs/${res.json().id}/replay`);
    expect(replay.json().identical).toBe(true);
    const hybrid = await officer.post(`/api/calls/${call.id}/assignment-runs`, { mode: 'hybrid' });
    expect(hybrid.statusCode).toBe(201);
    expect(typeof hybrid.json().seed).toBe('number');
    const list = await officer.get(`/api/calls/${call.id}/assignment-runs`);
    expect(list.json().items).toHaveLength(3);
  });

  it('an infeasible instance is a 422 naming the constraint and applications, and writes nothing', async () => {
    await officer.put(`/api/calls/${call.id}/review-settings`, { composition: { academic: 2, industry: 1 } });
    const before = await count('assignment_runs');
    const res = await officer.post(`/api/calls/${call.id}/assignment-runs`, { mode: 'optimal' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('assignment.infeasible');
    expect(body.violations[0].constraint).toBe('composition');
    expect(body.violations.flatMap((v: { applications: string[] }) => v.applications).sort()).toEqual(
      apps.map((a) => a.id).sort(),
    );
    expect(await count('assignment_runs')).toBe(before);
    await officer.put(`/api/calls/${call.id}/review-settings`, { composition: { academic: 1, industry: 1 } });
  });

  it('pins are honoured in every mode, forbids avoided, and a conflicted pin is refused with its rule', async () => {
    const ctx = t.systemCtx();
    const [app0, app1] = apps;
    const pin = await officer.post(`/api/calls/${call.id}/assignment-overrides`, {
      applicationId: app0!.id,
      expertId: experts[6]!.id,
      kind: 'pin',
      reason: '熟悉海上风电储能',
    });
    expect(pin.statusCode).toBe(201);
    const forbid = await officer.post(`/api/calls/${call.id}/assignment-overrides`, {
      applicationId: app1!.id,
      expertId: experts[1]!.id,
      kind: 'forbid',
      reason: '近期合作',
    });
    expect(forbid.statusCode).toBe(201);
    for (const mode of ['optimal', 'random', 'hybrid'] as const) {
      const run = (await officer.post(`/api/calls/${call.id}/assignment-runs`, { mode, seed: 7 })).json();
      const has = (e: string, a: string) =>
        run.assignments.some(
          (p: { expertId: string; applicationId: string; fixed: boolean }) =>
            p.expertId === e && p.applicationId === a,
        );
      expect(has(experts[6]!.id, app0!.id)).toBe(true);
      expect(has(experts[1]!.id, app1!.id)).toBe(false);
    }
    // An expert of the applicant's own organisation is conflicted (same_organisation); a pin is refused.
    const insider = await buildExpert(ctx, {
      category: 'academic',
      expertise: 'battery cells',
      organisationId: app0!.orgId,
    });
    const refused = await officer.post(`/api/calls/${call.id}/assignment-overrides`, {
      applicationId: app0!.id,
      expertId: insider.id,
      kind: 'pin',
      reason: 'try',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'assignment.pair_conflicted' });
    expect(refused.json().rules[0].rule).toBe('same_organisation');
    const list = (await officer.get(`/api/calls/${call.id}/assignment-overrides`)).json().items;
    expect(list).toHaveLength(2);
    const del = await officer.delete(`/api/calls/${call.id}/assignment-overrides/${forbid.json().id}`);
    expect(del.statusCode).toBe(204);
    expect((await officer.get(`/api/calls/${call.id}/assignment-overrides`)).json().items).toHaveLength(1);
  });

  it('prints the 专家抽取结果表: mode, seed, who drew and when, the pairs drawn and the pairs avoided', async () => {
    const run = (
      await officer.post(`/api/calls/${call.id}/assignment-runs`, { mode: 'random', seed: 9 })
    ).json();
    const url = `/api/calls/${call.id}/assignment-runs/${run.id}/record.pdf`;
    const res = await officer.get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload).join('\n');
    const code = (
      await t.database.db
        .selectFrom('calls')
        .select('code')
        .where('id', '=', call.id)
        .executeTakeFirstOrThrow()
    ).code;
    const po = await t.database.db
      .selectFrom('users')
      .select('display_name')
      .where('username', '=', 'rv-po')
      .executeTakeFirstOrThrow();
    for (const s of [
      `专家抽取结果表：${code}`,
      '抽取方式: 随机抽取',
      '随机种子: 9',
      `抽取人: ${po.display_name} (rv-po)`,
      `抽取时间: ${formatInZone(run.createdAt, 'zh-CN', 'Asia/Shanghai')}`,
      `输入校验值（SHA-256）: ${run.inputHash}`,
      '利益冲突（回避规则）',
      '人工指定',
    ])
      expect(text).toContain(s);
    // Every pair drawn is printed with the expert's Chinese name and the application's number.
    const names = await t.database.db
      .selectFrom('experts')
      .innerJoin('people', 'people.id', 'experts.person_id')
      .select(['experts.id', 'people.name_zh'])
      .execute();
    // A long name may wrap inside its table cell, so names are looked for in the text with the
    // line breaks taken out (the fixture's names are longer than real Chinese names).
    const unwrapped = text.replace(/\n/g, '');
    for (const p of run.assignments as { expertId: string; applicationNumber: string }[]) {
      expect(unwrapped).toContain(names.find((n) => n.id === p.expertId)!.name_zh);
      expect(text).toContain(p.applicationNumber);
    }
    // The insider (same organisation as the battery application) was avoided, named with its reason.
    const insider = names.find((n) => !experts.some((e) => e.id === n.id) && unwrapped.includes(n.name_zh));
    expect(insider).toBeDefined();
    const en = pdfText((await officer.get(`${url}?lang=en-US`)).rawPayload).join('\n');
    expect(en).toContain(`Expert selection record: ${code}`);
    expect(en).toContain('Mode: Random draw');
    expect(en).toContain('Conflict of interest (rules)');
    expect((await officerB.get(url)).statusCode).toBe(403);
    expect(
      (await officer.get(`/api/calls/${call.id}/assignment-runs/${newId()}/record.pdf`)).statusCode,
    ).toBe(404);
  });
});
