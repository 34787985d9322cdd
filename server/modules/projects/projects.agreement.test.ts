import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../test/bad-input.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildPerson } from '../../test/platform-factories.js';
import { buildExtramuralProject } from './projects.fixtures.js';

let t: TestApp;
let A: string;
let officer: Client;
let lead: Client;
let supervisor: Client;
let leadPerson: string;

const url = (id: string) => `/api/projects/${id}/agreement`;

/** A contracting project and a valid 任务书 for its two members (total 900 000 of the 1 000 000 approved). */
async function contracting() {
  const p = await buildExtramuralProject(t.systemCtx(), A, {
    leadContactPersonId: leadPerson,
    state: 'contracting',
  });
  const members = (await officer.get(`/api/projects/${p.id}`)).json().members as {
    organisation: { id: string };
  }[];
  const [m0, m1] = members.map((m) => m.organisation.id) as [string, string];
  const content = {
    budget: [
      {
        organisationId: m0,
        equipmentMinor: 300_000,
        operationsMinor: 150_000,
        labourMinor: 50_000,
        indirectMinor: 50_000,
      },
      {
        organisationId: m1,
        equipmentMinor: 0,
        operationsMinor: 200_000,
        labourMinor: 100_000,
        indirectMinor: 50_000,
      },
    ],
    indicators: [
      { name: '发明专利申请', type: 'count', target: 3, verification: '受理通知书' },
      { name: '新增销售额', type: 'amount', target: 5_000_000, verification: '审计报告' },
      { name: '良品率', type: 'percentage', target: 99.5, verification: '第三方检测' },
      { name: '样机交付', type: 'date', target: '2027-06-30', verification: '验收单' },
      { name: '通过CNAS认证', type: 'yes_no', target: true, verification: '证书' },
    ],
    milestones: [{ title: '样机', dueOn: '2027-06-30', deliverables: ['样机一台', '测试报告'] }],
  };
  return { id: p.id, m0, m1, content };
}

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  const l = await buildUser(ctx, { username: 'lead', roles: ['applicant'], platformId: A });
  await buildUser(ctx, { username: 'supervisor', roles: ['supervisor'], platformId: A });
  leadPerson = (await buildPerson(ctx, { userId: l.id })).id;
  officer = await signIn(t.app, 'officer');
  lead = await signIn(t.app, 'lead');
  supervisor = await signIn(t.app, 'supervisor');
});
afterAll(() => t.close());

describe('任务书 (task agreement)', () => {
  it('is drafted by the officer, signed by both sides and then frozen with its checksum; execution needs it', async () => {
    const { id, content } = await contracting();
    expect((await officer.get(url(id))).statusCode).toBe(404);
    const early = await officer.post(`/api/projects/${id}/transitions`, { action: 'start' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'projects.agreement_unsigned', state: 'contracting' });

    const saved = await officer.put(url(id), content);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      totalMinor: 900_000,
      officerSigned: null,
      leadSigned: null,
      frozenAt: null,
      access: { edit: true, signAsOfficer: true, signAsLead: false },
    });
    expect(saved.json().schedule.at(-1)).toMatchObject({ kind: 'final', dueOn: '2099-12-31' });
    expect((await lead.get(url(id))).json().access).toEqual({
      edit: false,
      signAsOfficer: false,
      signAsLead: true,
    });

    expect((await officer.post(`${url(id)}/sign`, { as: 'officer' })).json().officerSigned).not.toBeNull();
    const again = await officer.post(`${url(id)}/sign`, { as: 'officer' });
    expect(again.statusCode).toBe(409);
    const signed = await lead.post(`${url(id)}/sign`, { as: 'lead' });
    expect(signed.statusCode, signed.body).toBe(200);
    const frozen = signed.json();
    expect(frozen.frozenAt).not.toBeNull();
    const row = await t.database.db
      .selectFrom('project_agreements')
      .select(['snapshot_json', 'checksum'])
      .where('project_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(frozen.checksum).toBe(createHash('sha256').update(row.snapshot_json!).digest('hex'));
    expect(JSON.parse(row.snapshot_json!).content.indicators[2]).toMatchObject({
      type: 'percentage',
      target: 99.5,
    });

    const before = await snapshotTables(t.database);
    const late = await officer.put(url(id), content);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('projects.agreement_frozen');
    expect((await lead.post(`${url(id)}/sign`, { as: 'lead' })).statusCode).toBe(409);
    expect(await snapshotTables(t.database)).toEqual(before);
    expect((await officer.post(`/api/projects/${id}/transitions`, { action: 'start' })).json().state).toBe(
      'in_progress',
    );
  });

  it('withdraws a signature when the terms change before both signed', async () => {
    const { id, content } = await contracting();
    await officer.put(url(id), content);
    await lead.post(`${url(id)}/sign`, { as: 'lead' });
    const changed = await officer.put(url(id), { ...content, milestones: [] });
    expect(changed.json()).toMatchObject({ leadSigned: null, access: { signAsOfficer: true } });
    // The objectives are a section of the draft like the others (the 任务书 tab shows them).
    const stated = await officer.put(url(id), { ...content, objectives: ['建成示范线', '形成行业标准'] });
    expect(stated.statusCode, stated.body).toBe(200);
    expect((await lead.get(url(id))).json().content.objectives).toEqual(['建成示范线', '形成行业标准']);
  });

  it('refuses wrong indicator types, bad amounts, strangers in the budget and an over-budget total; writes nothing', async () => {
    const { id, m0, content } = await contracting();
    const before = await snapshotTables(t.database);
    const ind = (i: Record<string, unknown>) => ({ ...content, indicators: [i] });
    const line = (patch: Record<string, unknown>) => ({
      ...content,
      budget: [{ ...content.budget[0], ...patch }],
    });
    const cases: Array<[unknown, string, number]> = [
      [ind({ name: 'x', type: 'count', target: 1.5, verification: 'v' }), '/indicators/0/target', 400],
      [ind({ name: 'x', type: 'count', target: '3', verification: 'v' }), '/indicators/0/target', 400],
      [ind({ name: 'x', type: 'percentage', target: 120, verification: 'v' }), '/indicators/0/target', 400],
      [
        ind({ name: 'x', type: 'date', target: '2027-13-01', verification: 'v' }),
        '/indicators/0/target',
        400,
      ],
      [ind({ name: 'x', type: 'yes_no', target: 'yes', verification: 'v' }), '/indicators/0/target', 400],
      [ind({ name: 'x', type: 'ratio', target: 1, verification: 'v' }), '/indicators/0/type', 400],
      [line({ labourMinor: -1 }), '/budget/0/labourMinor', 400],
      [line({ equipmentMinor: 10.5 }), '/budget/0/equipmentMinor', 400],
      [line({ organisationId: crypto.randomUUID() }), '/budget/0/organisationId', 400],
      [
        { ...content, budget: [content.budget[0], { ...content.budget[0] }] },
        '/budget/1/organisationId',
        400,
      ],
      [line({ organisationId: m0, equipmentMinor: 2_000_000 }), '/budget', 422],
    ];
    for (const [body, pointer, status] of cases) {
      const res = await officer.put(url(id), body);
      expect(res.statusCode, `${pointer}: ${res.body}`).toBe(status);
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect(await snapshotTables(t.database)).toEqual(before);
  });

  it('is drafted only by officers while contracting, and signed for the lead only by the lead', async () => {
    const { id, content } = await contracting();
    expect((await supervisor.put(url(id), content)).statusCode).toBe(403);
    expect((await lead.put(url(id), content)).statusCode).toBe(403);
    await officer.put(url(id), content);
    expect((await officer.post(`${url(id)}/sign`, { as: 'lead' })).statusCode).toBe(403);
    expect((await supervisor.post(`${url(id)}/sign`, { as: 'officer' })).statusCode).toBe(403);
    const approved = await buildExtramuralProject(t.systemCtx(), A);
    const res = await officer.put(url(approved.id), content);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'projects.illegal_transition', state: 'approved' });
  });
});
