import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../test/bad-input.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildPerson, buildUnit } from '../../test/platform-factories.js';
import { buildExtramuralProject } from './projects.fixtures.js';
import { registerIntramuralProject } from './projects.service.js';

let t: TestApp;
let A: string;
let officer: Client;
let admin: Client;
let director: Client;
let otherDirector: Client;
let supervisor: Client;
let adminB: Client;
let unit: string;

const move = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post(`/api/projects/${id}/transitions`, body);
const intramural = (code: string) =>
  registerIntramuralProject(t.systemCtx(), A, {
    unitId: unit,
    code,
    titleZh: '内部项目',
    titleEn: 'Intramural',
    budgetMinor: 100,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
  });
const extramural = async () => (await buildExtramuralProject(t.systemCtx(), A)).id;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  const B = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  await buildUser(ctx, { username: 'admin', roles: ['platform_admin'], platformId: A });
  const d = await buildUser(ctx, { username: 'director', roles: ['lab_director'], platformId: A });
  await buildUser(ctx, { username: 'director2', roles: ['lab_director'], platformId: A });
  await buildUser(ctx, { username: 'supervisor', roles: ['supervisor'], platformId: A });
  await buildUser(ctx, { username: 'adminB', roles: ['platform_admin'], platformId: B });
  unit = (
    await buildUnit(ctx, { platformId: A, directorPersonId: (await buildPerson(ctx, { userId: d.id })).id })
  ).id;
  officer = await signIn(t.app, 'officer');
  admin = await signIn(t.app, 'admin');
  director = await signIn(t.app, 'director');
  otherDirector = await signIn(t.app, 'director2');
  supervisor = await signIn(t.app, 'supervisor');
  adminB = await signIn(t.app, 'adminB');
});
afterAll(() => t.close());

describe('project states and timeline', () => {
  it('walks an intramural project from 执行中 to 绩效评价, every move audited and on the timeline', async () => {
    const { id } = await intramural('IN-WALK-1');
    const walk: Array<[Record<string, unknown>, string]> = [
      [{ action: 'open_interim' }, 'interim_check'],
      [{ action: 'close_interim' }, 'in_progress'],
      [{ action: 'open_final' }, 'final_acceptance'],
      [{ action: 'request_rectification', reason: '经费决算不完整' }, 'rectification'],
      [{ action: 'resubmit' }, 'final_acceptance'],
      [{ action: 'close', outcome: 'passed' }, 'closed'],
      [{ action: 'evaluate' }, 'evaluated'],
    ];
    for (const [body, state] of walk) {
      const res = await move(director, id, body);
      expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(200);
      expect(res.json().state).toBe(state);
    }
    const p = (await director.get(`/api/projects/${id}`)).json();
    expect(p.outcome).toBe('passed');
    expect(p.actions).toEqual([]);
    expect(p.timeline.map((x: { toState: string }) => x.toState)).toEqual([
      'in_progress',
      ...walk.map(([, s]) => s),
    ]);
    expect(p.timeline[4]).toMatchObject({
      action: 'request_rectification',
      fromState: 'final_acceptance',
      reason: '经费决算不完整',
      actorLabel: 'director',
    });
    expect(p.timeline[6]).toMatchObject({ action: 'close', outcome: 'passed' });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'project.registered',
      ...walk.map(([b]) => `project.${b.action}`),
    ]);
  });

  it('refuses the check moves of an extramural project (409 naming the state): only its check makes them', async () => {
    const id = await extramural();
    expect((await move(officer, id, { action: 'start' })).statusCode).toBe(200);
    expect((await officer.get(`/api/projects/${id}`)).json().actions).toEqual(['suspend', 'terminate']);
    const before = await snapshotTables(t.database);
    for (const action of ['open_interim', 'open_final', 'close_interim', 'resubmit', 'evaluate']) {
      const res = await move(officer, id, { action });
      expect(res.statusCode, action).toBe(409);
      expect(res.json()).toMatchObject({ code: 'projects.move_by_check', state: 'in_progress' });
    }
    for (const body of [
      { action: 'request_rectification', reason: '整改' },
      { action: 'close', outcome: 'passed' },
    ]) {
      const res = await move(admin, id, body);
      expect(res.statusCode, body.action).toBe(409);
      expect(res.json()).toMatchObject({ code: 'projects.move_by_check', state: 'in_progress' });
    }
    expect(await snapshotTables(t.database)).toEqual(before);
  });

  it('offers the legal moves to those who may make them and none to readers', async () => {
    const id = await extramural();
    expect((await officer.get(`/api/projects/${id}`)).json().actions).toEqual([
      'start_contracting',
      'start',
      'terminate',
    ]);
    expect((await supervisor.get(`/api/projects/${id}`)).json().actions).toEqual([]);
  });

  it('refuses an illegal move with 409 naming the state, and writes nothing', async () => {
    const id = await extramural();
    const inner = await intramural('IN-ILLEGAL-1');
    const before = await snapshotTables(t.database);
    for (const action of ['resume', 'suspend']) {
      const res = await move(officer, id, { action, reason: 'x' });
      expect(res.statusCode, action).toBe(409);
      expect(res.json()).toMatchObject({ code: 'projects.illegal_transition', state: 'approved' });
    }
    for (const action of ['start', 'close_interim', 'resume', 'evaluate', 'resubmit']) {
      const res = await move(director, inner.id, { action });
      expect(res.statusCode, action).toBe(409);
      expect(res.json()).toMatchObject({ code: 'projects.illegal_transition', state: 'in_progress' });
    }
    expect(await snapshotTables(t.database)).toEqual(before);
  });

  it('needs a reason to suspend, rectify or terminate and a verdict to conclude; nothing written until given', async () => {
    const { id } = await intramural('IN-REASON-1');
    const officer = director;
    const before = await snapshotTables(t.database);
    const cases: Array<[Record<string, unknown>, string, number]> = [
      [{ action: 'suspend' }, '/reason', 400],
      [{ action: 'terminate' }, '/reason', 400],
      [{ action: 'suspend', reason: '   ' }, '/reason', 400],
      [{ action: 'open_final', outcome: 'passed' }, '/outcome', 400],
      [{ action: 'promote' }, '/action', 400],
      [{ action: 'start', extra: 1 }, '', 400],
    ];
    for (const [body, pointer, status] of cases) {
      const res = await move(officer, id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      if (pointer) expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect((await move(officer, id, { action: 'open_final' })).statusCode).toBe(200);
    const close = await move(officer, id, { action: 'close' });
    expect(close.statusCode).toBe(400);
    expect(close.json().errors[0]).toMatchObject({ pointer: '/outcome', code: 'projects.outcome_required' });
    expect((await move(officer, id, { action: 'close', outcome: 'failed' })).json()).toMatchObject({
      state: 'closed',
      outcome: 'failed',
    });
    expect(before.project_transitions!.length + 2).toBe(
      (await snapshotTables(t.database)).project_transitions!.length,
    );
  });

  it('suspends and resumes, terminates with its reason, and then refuses every move', async () => {
    const id = await extramural();
    await move(officer, id, { action: 'start' });
    expect((await move(officer, id, { action: 'suspend', reason: '牵头单位重组' })).json().state).toBe(
      'suspended',
    );
    expect((await move(officer, id, { action: 'resume' })).json().state).toBe('in_progress');
    const done = await move(admin, id, { action: 'terminate', reason: '技术路线不可行' });
    expect(done.json()).toMatchObject({ state: 'terminated', actions: [] });
    expect(done.json().timeline.at(-1)).toMatchObject({ action: 'terminate', reason: '技术路线不可行' });
    const res = await move(admin, id, { action: 'resume' });
    expect(res.statusCode).toBe(409);
    expect(res.json().state).toBe('terminated');
  });

  it("lets the unit's director move an intramural project, not officers, other directors or readers", async () => {
    const p = await intramural('IN-LIFE-1');
    expect(p.state).toBe('in_progress');
    const before = await snapshotTables(t.database);
    expect((await move(officer, p.id, { action: 'open_interim' })).statusCode).toBe(403);
    // Another unit's director does not read this unit's projects.
    expect((await move(otherDirector, p.id, { action: 'open_interim' })).statusCode).toBe(404);
    expect((await move(supervisor, p.id, { action: 'open_interim' })).statusCode).toBe(403);
    expect((await move(adminB, p.id, { action: 'open_interim' })).statusCode).toBe(404);
    expect(await snapshotTables(t.database)).toEqual(before);
    expect((await move(director, p.id, { action: 'open_interim' })).json().state).toBe('interim_check');
    expect((await director.get(`/api/projects/${p.id}`)).json().actions).toEqual([
      'close_interim',
      'suspend',
      'terminate',
    ]);
  });

  it('keeps extramural moves from readers and lab directors', async () => {
    const id = await extramural();
    expect((await move(supervisor, id, { action: 'start' })).statusCode).toBe(403);
    // A lab director is not on an extramural project: it does not exist for them.
    expect((await move(director, id, { action: 'start' })).statusCode).toBe(404);
    expect((await move(adminB, id, { action: 'start' })).statusCode).toBe(404);
    expect((await move(officer, crypto.randomUUID(), { action: 'start' })).statusCode).toBe(404);
  });
});
