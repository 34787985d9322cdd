import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../test/bad-input.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildPerson } from '../../test/platform-factories.js';
import { buildProjectInExecution } from './projects.fixtures.js';

let t: TestApp;
let A: string;
let officer: Client;
let lead: Client;
let outsider: Client;
let leadPerson: string;

/** Built as of 15 January 2024, so its first two annual reports (due 2025-01-14, 2026-01-14) are overdue. */
const startedIn2024 = (own: boolean) =>
  buildProjectInExecution(
    { ...t.systemCtx(), clock: { now: () => new Date('2024-01-15T09:00:00Z') } },
    A,
    own ? { leadContactPersonId: leadPerson } : {},
  );

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  const l = await buildUser(ctx, { username: 'lead', roles: ['applicant'], platformId: A });
  await buildUser(ctx, { username: 'outsider', roles: ['researcher'], platformId: A });
  leadPerson = (await buildPerson(ctx, { userId: l.id })).id;
  officer = await signIn(t.app, 'officer');
  lead = await signIn(t.app, 'lead');
  outsider = await signIn(t.app, 'outsider');
});
afterAll(() => t.close());

describe('reports due', () => {
  it('the schedule gives the reports; the lead submits each once; the rest stay due or overdue', async () => {
    const p = await startedIn2024(true);
    const url = `/api/projects/${p.id}/reports`;
    const view = (await lead.get(url)).json();
    expect(view.access.submit).toBe(true);
    expect(view.items.slice(0, 3)).toEqual([
      {
        kind: 'annual',
        dueOn: '2025-01-14',
        status: 'overdue',
        submittedAt: null,
        body: null,
        reminders: [],
        sha256: null,
      },
      {
        kind: 'annual',
        dueOn: '2026-01-14',
        status: 'overdue',
        submittedAt: null,
        body: null,
        reminders: [],
        sha256: null,
      },
      {
        kind: 'annual',
        dueOn: '2027-01-14',
        status: 'due',
        submittedAt: null,
        body: null,
        reminders: [],
        sha256: null,
      },
    ]);
    expect(view.items.at(-1)).toMatchObject({ kind: 'final', dueOn: '2099-12-31', status: 'due' });

    expect((await officer.post(url, { kind: 'annual', dueOn: '2025-01-14', body: '代交' })).statusCode).toBe(
      403,
    );
    const res = await lead.post(url, { kind: 'annual', dueOn: '2025-01-14', body: '年度进展：样机完成' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items[0]).toMatchObject({ status: 'submitted', body: '年度进展：样机完成' });
    expect((await officer.get(url)).json().items[0].status).toBe('submitted');

    const before = await snapshotTables(t.database);
    const twice = await lead.post(url, { kind: 'annual', dueOn: '2025-01-14', body: '再交' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('projects.report_submitted');
    const unscheduled = await lead.post(url, { kind: 'annual', dueOn: '2025-02-01', body: '无' });
    expect(unscheduled.statusCode).toBe(400);
    expect(unscheduled.json().errors[0]).toMatchObject({
      pointer: '/dueOn',
      code: 'projects.report_not_scheduled',
    });
    const wrongKind = await lead.post(url, { kind: 'final', dueOn: '2025-01-14', body: '无' });
    expect(wrongKind.json().errors[0].pointer).toBe('/dueOn');
    const empty = await lead.post(url, { kind: 'annual', dueOn: '2026-01-14', body: ' ' });
    expect(empty.json().errors[0].pointer).toBe('/body');
    expect(await snapshotTables(t.database)).toEqual(before);
    expect((await outsider.get(url)).statusCode).toBe(404);
  });

  it('one list across projects: due, overdue, submitted, filtered, only what the caller reads', async () => {
    const own = await startedIn2024(true);
    const other = await startedIn2024(false);
    await lead.post(`/api/projects/${own.id}/reports`, { kind: 'annual', dueOn: '2026-01-14', body: '年报' });
    const url = `/api/platforms/${A}/reports-due`;
    const all = (await officer.get(url)).json();
    const mine = (r: { projectId: string }) => r.projectId === own.id || r.projectId === other.id;
    const overdueOf = (items: { projectId: string; status: string }[], id: string) =>
      items.filter((r) => r.projectId === id && r.status === 'overdue').length;
    expect(overdueOf(all.items, own.id)).toBe(1);
    expect(overdueOf(all.items, other.id)).toBe(2);
    expect(all.items.filter(mine).filter((r: { status: string }) => r.status === 'submitted')).toEqual([
      expect.objectContaining({
        projectId: own.id,
        kind: 'annual',
        dueOn: '2026-01-14',
        state: 'in_progress',
      }),
    ]);
    expect(all.counts.overdue).toBeGreaterThanOrEqual(3);
    const overdue = (await officer.get(`${url}?overdue=true`)).json();
    expect(overdue.items.every((r: { status: string }) => r.status === 'overdue')).toBe(true);
    expect(overdue.items.filter(mine)).toHaveLength(3);
    expect(overdue.items[0].dueOn <= overdue.items.at(-1).dueOn).toBe(true);
    // A date window: only what is due by then, counted the same way.
    const byEnd2025 = (await officer.get(`${url}?before=2025-12-31`)).json();
    expect(byEnd2025.items.filter(mine).map((r: { projectId: string; dueOn: string }) => r.dueOn)).toEqual([
      '2025-01-14',
      '2025-01-14',
    ]);
    expect(byEnd2025.items.every((r: { dueOn: string }) => r.dueOn <= '2025-12-31')).toBe(true);
    expect(byEnd2025.counts.due + byEnd2025.counts.overdue + byEnd2025.counts.submitted).toBe(
      byEnd2025.items.length,
    );
    expect((await officer.get(`${url}?before=2025-13-01`)).statusCode).toBe(400);
    const suspended = (await officer.get(`${url}?state=suspended`)).json();
    expect(suspended.items.filter(mine)).toEqual([]);

    // The lead reads its own projects (this one and the previous test's), never another consortium's.
    const leads = new Set((await lead.get(url)).json().items.map((r: { projectId: string }) => r.projectId));
    expect(leads.has(own.id)).toBe(true);
    expect(leads.has(other.id)).toBe(false);
    expect(leads.size).toBe(2);
    expect((await outsider.get(url)).json()).toEqual({
      items: [],
      counts: { due: 0, overdue: 0, submitted: 0 },
    });
    expect((await officer.get(`${url}?status=late`)).statusCode).toBe(400);
  });
});
