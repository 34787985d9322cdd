import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../test/bad-input.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildPerson } from '../../test/platform-factories.js';
import { buildExtramuralProject, buildProjectInExecution } from './projects.fixtures.js';

let t: TestApp;
let A: string;
let officer: Client;
let lead: Client;
let supervisor: Client;
let leadPerson: string;

const url = (id: string) => `/api/projects/${id}/adjustments`;
const decision = (id: string, a: string) => `/api/projects/${id}/adjustments/${a}/decision`;
const today = () => new Date().toISOString().slice(0, 10);
const spend = (organisationId: string, category: string, amountMinor: number) => ({
  organisationId,
  category,
  spentOn: today(),
  amountMinor,
  description: '支出',
});
const inExecution = () => buildProjectInExecution(t.systemCtx(), A, { leadContactPersonId: leadPerson });
const cell = (view: { cells: { organisationId: string; category: string }[] }, o: string, c: string) =>
  view.cells.find((x) => x.organisationId === o && x.category === c);

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

describe('budget adjustments 预算调剂', () => {
  it('业务费 → 劳务费 within a member: the unit approves itself, and the spending refused before is accepted', async () => {
    const p = await inExecution();
    const over = await lead.post(`/api/projects/${p.id}/spending`, spend(p.lead, 'labour', 60_000));
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ category: 'labour', headroomMinor: 50_000 });

    const req = await lead.post(url(p.id), {
      reason: '增加研究生劳务',
      changes: [
        { organisationId: p.lead, category: 'operations', deltaMinor: -20_000 },
        { organisationId: p.lead, category: 'labour', deltaMinor: 20_000 },
      ],
    });
    expect(req.statusCode, req.body).toBe(201);
    expect(req.json()).toMatchObject({
      version: 1,
      level: 'unit',
      grounds: [],
      state: 'pending',
      decide: true,
    });
    // Pending changes nothing yet.
    expect(
      (await lead.post(`/api/projects/${p.id}/spending`, spend(p.lead, 'labour', 60_000))).statusCode,
    ).toBe(422);

    const ok = await lead.post(decision(p.id, req.json().id), { decision: 'approved' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'approved', decide: false });
    expect(
      (await lead.post(`/api/projects/${p.id}/spending`, spend(p.lead, 'labour', 60_000))).statusCode,
    ).toBe(201);
    const view = (await supervisor.get(`/api/projects/${p.id}/spending`)).json();
    expect(cell(view, p.lead, 'labour')).toMatchObject({ plannedMinor: 70_000, spentMinor: 60_000 });
    expect(cell(view, p.lead, 'operations')).toMatchObject({ plannedMinor: 130_000 });
    expect(view.totals.plannedMinor).toBe(900_000);

    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', p.id)
      .where('action', 'like', 'project.adjustment%')
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'project.adjustment_requested',
      'project.adjustment_approved',
    ]);
  });

  it('between members and extensions: only the funder decides; the end date moves when approved', async () => {
    const p = await inExecution();
    const req = await lead.post(url(p.id), {
      reason: '合作方承担更多测试',
      changes: [
        { organisationId: p.lead, category: 'operations', deltaMinor: -50_000 },
        { organisationId: p.partner, category: 'operations', deltaMinor: 50_000 },
      ],
      endsOn: '2100-06-30',
    });
    expect(req.statusCode, req.body).toBe(201);
    expect(req.json()).toMatchObject({
      level: 'funder',
      grounds: ['between_members', 'extension'],
      decide: false,
    });
    expect((await lead.post(decision(p.id, req.json().id), { decision: 'approved' })).statusCode).toBe(403);
    expect((await supervisor.post(decision(p.id, req.json().id), { decision: 'approved' })).statusCode).toBe(
      403,
    );
    const list = (await officer.get(url(p.id))).json();
    expect(list.items[0]).toMatchObject({ id: req.json().id, decide: true });
    expect(list.access.request).toBe(false);
    const ok = await officer.post(decision(p.id, req.json().id), { decision: 'approved', reason: '同意' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await officer.get(`/api/projects/${p.id}`)).json().endsOn).toBe('2100-06-30');
    const view = (await lead.get(`/api/projects/${p.id}/spending`)).json();
    expect(cell(view, p.partner, 'operations')).toMatchObject({ plannedMinor: 250_000 });
    expect(cell(view, p.lead, 'operations')).toMatchObject({ plannedMinor: 100_000 });

    // A rejection needs a reason and changes nothing.
    const second = await lead.post(url(p.id), {
      reason: '再调',
      changes: [{ organisationId: p.lead, category: 'equipment', deltaMinor: 1 }],
    });
    expect(second.json()).toMatchObject({
      version: 2,
      level: 'funder',
      grounds: ['total', 'between_members'],
    });
    const noReason = await officer.post(decision(p.id, second.json().id), { decision: 'rejected' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].pointer).toBe('/reason');
    const rej = await officer.post(decision(p.id, second.json().id), {
      decision: 'rejected',
      reason: '总额不变',
    });
    expect(rej.json()).toMatchObject({ state: 'rejected', decisionReason: '总额不变' });
    const again = await officer.post(decision(p.id, second.json().id), { decision: 'approved' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('projects.adjustment_decided');
    expect(
      cell((await lead.get(`/api/projects/${p.id}/spending`)).json(), p.lead, 'equipment'),
    ).toMatchObject({ plannedMinor: 300_000 });
  });

  it('refuses bad requests with the field pointer and writes nothing', async () => {
    const p = await inExecution();
    const stranger = (await buildExtramuralProject(t.systemCtx(), A)).leadOrgId!;
    expect(
      (await lead.post(`/api/projects/${p.id}/spending`, spend(p.lead, 'labour', 45_000))).statusCode,
    ).toBe(201);
    const before = await snapshotTables(t.database);
    const move = (o: string, c: string, d: number) => ({ organisationId: o, category: c, deltaMinor: d });
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ reason: '空' }, 400, '/changes'],
      [{ reason: '  ', changes: [move(p.lead, 'labour', 1)] }, 400, '/reason'],
      [{ reason: '零', changes: [move(p.lead, 'labour', 0)] }, 400, '/changes/0/deltaMinor'],
      [{ reason: '小数', changes: [move(p.lead, 'labour', 1.5)] }, 400, '/changes/0/deltaMinor'],
      [{ reason: '外单位', changes: [move(stranger, 'labour', 1)] }, 400, '/changes/0/organisationId'],
      [
        { reason: '重复', changes: [move(p.lead, 'labour', 1), move(p.lead, 'labour', -1)] },
        400,
        '/changes/1/category',
      ],
      [{ reason: '提前', endsOn: p.endsOn }, 400, '/endsOn'],
      [
        {
          reason: '低于支出',
          changes: [move(p.lead, 'labour', -10_000), move(p.lead, 'operations', 10_000)],
        },
        422,
        '/changes/0/deltaMinor',
      ],
    ];
    for (const [body, status, pointer] of cases) {
      const res = await lead.post(url(p.id), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    const below = await lead.post(url(p.id), {
      reason: '低于支出',
      changes: [move(p.lead, 'labour', -10_000), move(p.lead, 'operations', 10_000)],
    });
    expect(below.json()).toMatchObject({
      code: 'projects.adjustment_below_spent',
      category: 'labour',
      headroomMinor: 5_000,
    });
    expect(await snapshotTables(t.database)).toEqual(before);

    // One pending request at a time; outside execution nothing is asked.
    const first = { reason: '调剂', changes: [move(p.lead, 'labour', 1), move(p.lead, 'operations', -1)] };
    expect((await lead.post(url(p.id), first)).statusCode).toBe(201);
    const pending = await lead.post(url(p.id), first);
    expect(pending.statusCode).toBe(409);
    expect(pending.json().code).toBe('projects.adjustment_pending');
    await officer.post(`/api/projects/${p.id}/transitions`, { action: 'suspend', reason: '审计' });
    const suspended = (await lead.get(url(p.id))).json();
    expect(suspended.items[0].decide).toBe(false);
    const late = await lead.post(decision(p.id, suspended.items[0].id), { decision: 'approved' });
    expect(late.json()).toMatchObject({ code: 'projects.not_in_execution', state: 'suspended' });
  });
});
