import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../test/bad-input.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildPerson } from '../../test/platform-factories.js';
import { keptFigures, recomputedFigures } from './projects.figures.repository.js';
import { buildExtramuralProject, buildProjectInExecution } from './projects.fixtures.js';

let t: TestApp;
let A: string;
let officer: Client;
let lead: Client;
let supervisor: Client;
let stranger: Client;
let leadPerson: string;

const url = (id: string) => `/api/projects/${id}/amendments`;
const decision = (id: string, a: string) => `/api/projects/${id}/amendments/${a}/decision`;
const inExecution = () => buildProjectInExecution(t.systemCtx(), A, { leadContactPersonId: leadPerson });
const indicator = (target: number) => ({
  name: '发明专利申请',
  type: 'count',
  target,
  verification: '受理通知书',
});
const pointers = (res: { json: () => { errors?: { pointer: string }[] } }) =>
  (res.json().errors ?? []).map((e) => e.pointer);

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  const l = await buildUser(ctx, { username: 'lead', roles: ['applicant'], platformId: A });
  await buildUser(ctx, { username: 'supervisor', roles: ['supervisor'], platformId: A });
  await buildUser(ctx, { username: 'stranger', roles: ['applicant'], platformId: A });
  leadPerson = (await buildPerson(ctx, { userId: l.id })).id;
  officer = await signIn(t.app, 'officer');
  lead = await signIn(t.app, 'lead');
  supervisor = await signIn(t.app, 'supervisor');
  stranger = await signIn(t.app, 'stranger');
});
afterAll(() => t.close());

describe('amendments 变更 of a frozen 任务书', () => {
  it('the lead proposes, the officer approves: version 2 frozen, v1 kept, end date, reports and figures follow', async () => {
    const p = await inExecution();
    const before = (await officer.get(`/api/projects/${p.id}/agreement`)).json();
    expect(before.version).toBe(1);

    const res = await lead.post(url(p.id), {
      reason: '市场变化，调整指标与周期',
      changes: { indicators: [indicator(5)], endsOn: '2030-12-31' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      number: 1,
      state: 'proposed',
      fromVersion: 1,
      toVersion: null,
      access: { decide: false, withdraw: true },
    });
    // By section: the end date, the indicator's target, and the computed schedule that follows the end.
    expect(res.json().diff.slice(0, 2)).toEqual([
      { section: 'endsOn', index: null, label: null, field: 'endsOn', from: '2099-12-31', to: '2030-12-31' },
      { section: 'indicators', index: 0, label: '发明专利申请', field: 'target', from: '3', to: '5' },
    ]);
    expect(res.json().diff).toContainEqual({
      section: 'schedule',
      index: null,
      label: 'final',
      field: 'added',
      from: null,
      to: '2030-12-31',
    });
    // Proposed changes nothing yet; the lead's side may not decide its own proposal.
    expect((await officer.get(`/api/projects/${p.id}/agreement`)).json().checksum).toBe(before.checksum);
    expect((await lead.post(decision(p.id, res.json().id), { decision: 'approved' })).statusCode).toBe(403);
    const list = (await officer.get(url(p.id))).json();
    expect(list.access.propose).toBe(false);
    expect(list.items[0].access).toEqual({ decide: true, withdraw: true });

    const ok = await officer.post(decision(p.id, res.json().id), { decision: 'approved', reason: '同意' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'approved', toVersion: 2, decisionReason: '同意' });
    expect(ok.json().diff).toEqual(res.json().diff);

    const after = (await lead.get(`/api/projects/${p.id}/agreement`)).json();
    expect(after).toMatchObject({ version: 2, frozenAt: before.frozenAt });
    expect(after.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(after.checksum).not.toBe(before.checksum);
    expect(after.content.indicators[0].target).toBe(5);
    expect(after.content.budget).toEqual(before.content.budget);
    expect(after.schedule.at(-1)).toEqual({ kind: 'final', dueOn: '2030-12-31' });

    const versions = (await supervisor.get(`/api/projects/${p.id}/agreement/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(versions[0]).toMatchObject({ checksum: 'fixture', endsOn: '2099-12-31', diff: [] });
    expect(versions[0].content.indicators[0].target).toBe(3);
    expect(versions[1]).toMatchObject({ checksum: after.checksum, amendmentId: res.json().id });
    expect(versions[1].diff).toEqual(ok.json().diff);

    const project = (await lead.get(`/api/projects/${p.id}`)).json();
    expect(project.endsOn).toBe('2030-12-31');
    expect(project.timeline.slice(-2).map((e: { action: string }) => e.action)).toEqual([
      'amendment_proposed',
      'amendment_approved',
    ]);
    const reports = (await lead.get(`/api/projects/${p.id}/reports`)).json().items;
    expect(reports.at(-1)).toMatchObject({ kind: 'final', dueOn: '2030-12-31' });
    expect(await keptFigures(t.database.db, p.id)).toEqual(await recomputedFigures(t.database.db, p.id));

    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', p.id)
      .where('action', 'like', 'project.amendment%')
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'project.amendment_proposed',
      'project.amendment_approved',
    ]);
  });

  it('a named reporting schedule replaces the computed one and the reports and reminders read it', async () => {
    const p = await inExecution();
    const schedule = [
      { kind: 'interim', dueOn: '2040-06-30' },
      { kind: 'final', dueOn: '2099-12-31' },
    ];
    const res = await officer.post(url(p.id), { reason: '按里程碑报告', changes: { schedule } });
    expect(res.statusCode, res.body).toBe(201);
    await officer.post(decision(p.id, res.json().id), { decision: 'approved' });
    const reports = (await lead.get(`/api/projects/${p.id}/reports`)).json().items;
    expect(reports.map((r: { kind: string; dueOn: string }) => [r.kind, r.dueOn])).toEqual([
      ['interim', '2040-06-30'],
      ['final', '2099-12-31'],
    ]);
    const f = await keptFigures(t.database.db, p.id);
    expect(f?.nextReport).toEqual({ kind: 'interim', dueOn: '2040-06-30' });
    // A report of the old schedule is no longer accepted; one of the new one is.
    const old = await lead.post(`/api/projects/${p.id}/reports`, {
      kind: 'final',
      dueOn: '2041-01-01',
      body: 'x',
    });
    expect(old.statusCode).toBe(400);
    const sent = await lead.post(`/api/projects/${p.id}/reports`, {
      kind: 'interim',
      dueOn: '2040-06-30',
      body: '中期进展',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    // The submitted report stays in every later schedule (422), nothing written.
    const snap = await snapshotTables(t.database);
    const drop = await lead.post(url(p.id), {
      reason: '删去中期报告',
      changes: { schedule: [{ kind: 'final', dueOn: '2099-12-31' }] },
    });
    expect(drop.statusCode).toBe(422);
    expect(drop.json().code).toBe('projects.submitted_report_removed');
    expect(await snapshotTables(t.database)).toEqual(snap);
  });

  it('refuses bad terms with the field and writes nothing; the budget is not amended here', async () => {
    const p = await inExecution();
    const before = await snapshotTables(t.database);
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ reason: '无', changes: {} }, 400, '/changes'],
      [{ reason: '相同', changes: { indicators: [indicator(3)] } }, 400, '/changes'],
      [{ reason: ' ', changes: { indicators: [indicator(4)] } }, 400, '/reason'],
      [
        { reason: '类型', changes: { indicators: [{ ...indicator(4), target: 'four' }] } },
        400,
        '/changes/indicators/0/target',
      ],
      [{ reason: '倒置', changes: { endsOn: '2000-01-01' } }, 400, '/changes/endsOn'],
      [
        { reason: '超期', changes: { schedule: [{ kind: 'final', dueOn: '2100-06-30' }] } },
        400,
        '/changes/schedule/0/dueOn',
      ],
      [
        { reason: '无结题', changes: { schedule: [{ kind: 'annual', dueOn: '2050-06-30' }] } },
        400,
        '/changes/schedule',
      ],
      // The budget changes through 预算调剂 only: not a section of an amendment.
      [{ reason: '预算', changes: { budget: [] } }, 400, '/changes/budget'],
    ];
    for (const [body, status, pointer] of cases) {
      const res = await lead.post(url(p.id), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(pointers(res), JSON.stringify(body)).toContain(pointer);
    }
    expect(await snapshotTables(t.database)).toEqual(before);
  });

  it('an accepted milestone stays as accepted (422)', async () => {
    const p = await inExecution();
    await lead.post(`/api/projects/${p.id}/milestones/submission`, { milestone: 0, note: '完成' });
    await officer.post(`/api/projects/${p.id}/milestones/decision`, { milestone: 0, decision: 'accepted' });
    const res = await lead.post(url(p.id), {
      reason: '推迟',
      changes: { milestones: [{ title: '样机', dueOn: '2099-09-30', deliverables: ['样机一台'] }] },
    });
    expect(res.statusCode).toBe(422);
    expect(pointers(res)).toEqual(['/changes/milestones/0']);
    // Adding one after it is an amendment like any other.
    const add = await lead.post(url(p.id), {
      reason: '新增里程碑',
      changes: {
        milestones: [
          { title: '样机', dueOn: '2099-06-30', deliverables: ['样机一台'] },
          { title: '中试', dueOn: '2099-09-30', deliverables: ['中试报告'] },
        ],
      },
    });
    expect(add.statusCode, add.body).toBe(201);
  });

  it('one open amendment at a time; refusal needs a reason; withdrawn and refused ones change nothing', async () => {
    const p = await inExecution();
    const body = { reason: '调整指标', changes: { indicators: [indicator(4)] } };
    const first = await lead.post(url(p.id), body);
    expect(first.statusCode).toBe(201);
    const second = await officer.post(url(p.id), body);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('projects.amendment_open');

    const noReason = await officer.post(decision(p.id, first.json().id), { decision: 'refused' });
    expect(noReason.statusCode).toBe(400);
    expect(pointers(noReason)).toEqual(['/reason']);
    const refused = await officer.post(decision(p.id, first.json().id), {
      decision: 'refused',
      reason: '依据不足',
    });
    expect(refused.json()).toMatchObject({ state: 'refused', decisionReason: '依据不足', toVersion: null });
    const again = await officer.post(decision(p.id, first.json().id), { decision: 'approved' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('projects.amendment_decided');

    const next = await lead.post(url(p.id), body);
    expect(next.json().number).toBe(2);
    const withdrawn = await lead.post(`${url(p.id)}/${next.json().id}/withdraw`, {});
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn' });
    expect((await lead.get(`/api/projects/${p.id}/agreement`)).json()).toMatchObject({ version: 1 });
    expect((await lead.get(`/api/projects/${p.id}/agreement/versions`)).json().items).toHaveLength(1);
  });

  it('who: a supervisor reads but may not propose (403); anyone else 404; closed states are 409 naming the state', async () => {
    const p = await inExecution();
    const body = { reason: '调整', changes: { indicators: [indicator(4)] } };
    expect((await supervisor.get(url(p.id))).json().access.propose).toBe(false);
    expect((await supervisor.post(url(p.id), body)).statusCode).toBe(403);
    expect((await stranger.get(url(p.id))).statusCode).toBe(404);
    expect((await stranger.post(url(p.id), body)).statusCode).toBe(404);
    expect((await stranger.get(`/api/projects/${p.id}/agreement/versions`)).statusCode).toBe(404);

    const open = await lead.post(url(p.id), body);
    await officer.post(`/api/projects/${p.id}/transitions`, { action: 'terminate', reason: '失联' });
    const approve = await officer.post(decision(p.id, open.json().id), { decision: 'approved' });
    expect(approve.statusCode).toBe(409);
    expect(approve.json()).toMatchObject({ code: 'projects.amendment_closed', state: 'terminated' });
    await lead.post(`${url(p.id)}/${open.json().id}/withdraw`, {});
    const closed = await lead.post(url(p.id), body);
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'projects.amendment_closed', state: 'terminated' });

    const unsigned = await buildExtramuralProject(t.systemCtx(), A, { state: 'contracting' });
    const early = await officer.post(url(unsigned.id), body);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('projects.agreement_unsigned');
  });
});
