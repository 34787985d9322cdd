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

const list = (id: string) => `/api/projects/${id}/milestones`;
const submit = (id: string) => `/api/projects/${id}/milestones/submission`;
const decide = (id: string) => `/api/projects/${id}/milestones/decision`;
const inExecution = () => buildProjectInExecution(t.systemCtx(), A, { leadContactPersonId: leadPerson });

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

describe('milestones and deliverables', () => {
  it('the lead submits, the officer rejects with a reason, the lead resubmits, the officer accepts and it is locked', async () => {
    const p = await inExecution();
    const before = (await lead.get(list(p.id))).json();
    expect(before.items).toEqual([
      {
        index: 0,
        title: '样机',
        dueOn: '2099-06-30',
        deliverables: ['样机一台'],
        review: null,
        access: { submit: true, decide: false },
      },
    ]);
    expect((await officer.post(submit(p.id), { milestone: 0, note: '代交' })).statusCode).toBe(403);
    const s1 = await lead.post(submit(p.id), { milestone: 0, note: '样机已完成，测试报告见附件' });
    expect(s1.statusCode, s1.body).toBe(200);
    expect(s1.json().review).toMatchObject({ state: 'submitted', note: '样机已完成，测试报告见附件' });
    expect((await officer.get(list(p.id))).json().items[0].access).toEqual({ submit: false, decide: true });
    expect((await lead.post(decide(p.id), { milestone: 0, decision: 'accepted' })).statusCode).toBe(403);
    expect((await supervisor.post(decide(p.id), { milestone: 0, decision: 'accepted' })).statusCode).toBe(
      403,
    );

    const noReason = await officer.post(decide(p.id), { milestone: 0, decision: 'rejected' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].pointer).toBe('/reason');
    const rejected = await officer.post(decide(p.id), {
      milestone: 0,
      decision: 'rejected',
      reason: '缺少测试数据',
    });
    expect(rejected.json().review).toMatchObject({ state: 'rejected', decisionReason: '缺少测试数据' });
    const again = await officer.post(decide(p.id), { milestone: 0, decision: 'accepted' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('projects.milestone_not_submitted');

    const s2 = await lead.post(submit(p.id), { milestone: 0, note: '补充测试数据' });
    expect(s2.json().review).toMatchObject({ state: 'submitted', decisionReason: null });
    const accepted = await officer.post(decide(p.id), { milestone: 0, decision: 'accepted' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      review: { state: 'accepted', note: '补充测试数据' },
      access: { submit: false, decide: false },
    });

    const snapshot = await snapshotTables(t.database);
    const locked = await lead.post(submit(p.id), { milestone: 0, note: '改一下' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('projects.deliverable_locked');
    const relock = await officer.post(decide(p.id), { milestone: 0, decision: 'rejected', reason: '反悔' });
    expect(relock.json().code).toBe('projects.deliverable_locked');
    expect(await snapshotTables(t.database)).toEqual(snapshot);

    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', p.id)
      .where('action', 'like', 'project.milestone%')
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'project.milestone_submitted',
      'project.milestone_rejected',
      'project.milestone_submitted',
      'project.milestone_accepted',
    ]);
  });

  it('refuses an unknown milestone, an empty note, an unsigned 任务书 and a closed state, writing nothing', async () => {
    const p = await inExecution();
    const unsigned = await buildExtramuralProject(t.systemCtx(), A, {
      leadContactPersonId: leadPerson,
      state: 'in_progress',
    });
    const before = await snapshotTables(t.database);
    const unknown = await lead.post(submit(p.id), { milestone: 3, note: '无' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({
      pointer: '/milestone',
      code: 'projects.milestone_not_found',
    });
    const empty = await lead.post(submit(p.id), { milestone: 0, note: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].pointer).toBe('/note');
    const notIndex = await lead.post(submit(p.id), { milestone: 'x', note: '无' });
    expect(notIndex.json().errors[0].pointer).toBe('/milestone');
    const notFrozen = await lead.post(submit(unsigned.id), { milestone: 0, note: '无' });
    expect(notFrozen.json().code).toBe('projects.agreement_unsigned');
    expect((await lead.get(list(unsigned.id))).json().items).toEqual([]);
    expect(await snapshotTables(t.database)).toEqual(before);
    await officer.post(`/api/projects/${p.id}/transitions`, { action: 'suspend', reason: '审计' });
    const suspended = await lead.post(submit(p.id), { milestone: 0, note: '无' });
    expect(suspended.statusCode).toBe(409);
    expect(suspended.json()).toMatchObject({ code: 'projects.illegal_transition', state: 'suspended' });
  });
});
