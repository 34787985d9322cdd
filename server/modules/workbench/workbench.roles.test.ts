import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildOrganisation, buildPerson, buildUnit } from '../../test/platform-factories.js';
import { buildProjectInExecution } from '../projects/projects.fixtures.js';
import { makeResult, technologyBody } from '../results/results.fixtures.js';
import { buildPublishedService } from '../services/services.fixtures.js';
import type { TodoView, WorkbenchView } from './workbench.schema.js';

/**
 * The workbench of the roles added second (issue 12 item 1): the lab director (its unit's staff and
 * outputs, projects in execution, reports), the supervisor (its platforms' figures, what is late), the
 * enterprise user (quotes to accept, reports to rate) and the program officer's reports. Each count is
 * the total of the list its link opens, as the same user, and never counts another platform's or
 * another enterprise's records.
 */
let t: TestApp;
let A: string;
let B: string;
let unitId: string;
let officer: Client;
let director: Client;
let supervisor: Client;
let sme: Client;
let otherSme: Client;

const workbenchOf = async (c: Client): Promise<WorkbenchView> => {
  const res = await c.get('/api/workbench');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const find = (w: WorkbenchView, kind: TodoView['kind'], platformId = A) =>
  w.todos.find((x) => x.kind === kind && x.platformId === platformId);

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  B = (await buildPlatform(ctx)).id;
  const dir = await buildUser(ctx, { username: 'dir', roles: ['lab_director'], platformId: A });
  unitId = (
    await buildUnit(ctx, { platformId: A, directorPersonId: (await buildPerson(ctx, { userId: dir.id })).id })
  ).id;
  const otherUnit = (await buildUnit(ctx, { platformId: A })).id;
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  await buildUser(ctx, { username: 'sup', roles: ['supervisor'], platformId: A });
  const org = await buildOrganisation(ctx, { nameZh: '苏州某精密制造有限公司' });
  const u = await buildUser(ctx, { username: 'sme', roles: ['enterprise_user'], platformId: A });
  await buildPerson(ctx, { userId: u.id, organisationId: org.id });
  const o = await buildUser(ctx, { username: 'other', roles: ['enterprise_user'], platformId: A });
  await buildPerson(ctx, { userId: o.id, organisationId: (await buildOrganisation(ctx)).id });
  officer = await signIn(t.app, 'officer');
  director = await signIn(t.app, 'dir');
  supervisor = await signIn(t.app, 'sup');
  sme = await signIn(t.app, 'sme');
  otherSme = await signIn(t.app, 'other');

  // Two extramural projects in execution on A (its 任务书 frozen, so they owe reports), one on B.
  await buildProjectInExecution(ctx, A);
  await buildProjectInExecution(ctx, A);
  await buildProjectInExecution(ctx, B);
  // Outputs: two of the director's unit, one of another unit.
  await makeResult(ctx, technologyBody(A, { unitId }));
  await makeResult(ctx, technologyBody(A, { unitId }), false);
  await makeResult(ctx, technologyBody(A, { unitId: otherUnit }));
  // Staff: two people in the director's unit.
  for (const nameEn of ['Engineer One', 'Engineer Two']) {
    const person = await buildPerson(ctx, { nameEn });
    const added = await director.post(`/api/units/${unitId}/staff`, {
      personId: person.id,
      position: 'engineer',
    });
    expect(added.statusCode, added.body).toBe(201);
  }
  // Service requests: this enterprise's quoted one, and another enterprise's quoted one.
  const service = (await buildPublishedService(ctx, A, unitId)).id;
  for (const who of [sme, otherSme]) {
    const req = await who.post(`/api/services/${service}/requests`, { description: '校准砝码', quantity: 1 });
    expect(req.statusCode, req.body).toBe(201);
    const quoted = await director.post(`/api/service-requests/${req.json().id}/transitions`, {
      action: 'quote',
      priceMinor: 80_000,
      dueOn: '2099-01-15',
    });
    expect(quoted.json().state).toBe('quoted');
  }
  await sme.post(`/api/services/${service}/requests`, { description: '尚未报价', quantity: 1 });
});
afterAll(() => t.close());

describe('the workbench of directors, supervisors, enterprise users and officers’ reports', () => {
  it("counts the director's unit staff and outputs, linking to the unit's drawer and the filtered catalog", async () => {
    const w = await workbenchOf(director);
    expect(find(w, 'units.staff')).toMatchObject({ count: 2, link: `/platforms/${A}/units?unit=${unitId}` });
    const outputs = find(w, 'results.unit')!;
    expect(outputs).toMatchObject({ count: 2, link: `/results?platform=${A}&unit=${unitId}` });
    const list = await director.get(`/api/results?platformId=${A}&unitId=${unitId}`);
    expect(list.json().total).toBe(outputs.count);
  });

  it('counts projects in execution as each one’s own list does: the director its unit’s, the supervisor all', async () => {
    const intramural = await director.post(`/api/platforms/${A}/projects`, {
      unitId,
      code: 'WB-1',
      titleZh: '纳米尺度测量方法',
      titleEn: 'Nanoscale measurement methods',
      budgetMinor: 1_000_000,
      startsOn: '2026-01-01',
      endsOn: '2028-12-31',
      fieldIds: [],
    });
    expect(intramural.statusCode, intramural.body).toBe(201);
    for (const [who, expected] of [
      [director, 1],
      [supervisor, 3],
    ] as const) {
      const w = await workbenchOf(who);
      const inProgress = find(w, 'projects.in_progress')!;
      expect(inProgress).toMatchObject({
        count: expected,
        link: `/projects?platform=${A}&state=in_progress`,
      });
      const list = await who.get(`/api/platforms/${A}/projects?state=in_progress`);
      expect(list.json().total).toBe(inProgress.count);
      expect(find(w, 'projects.in_progress', B)).toBeUndefined();
      const chart = w.charts.find((c) => c.kind === 'projects.by_state')!;
      expect(chart.points.find((p) => p.code === 'in_progress')?.value).toBe(expected);
    }
  });

  it("counts the officer's reports overdue once their date has passed, of its own platform only", async () => {
    const before = await workbenchOf(officer);
    expect(find(before, 'projects.reports_overdue')?.count).toBe(0);
    t.clock.advance(400 * 86_400_000);
    try {
      // The sessions of 400 days ago have expired: sign in again on the later day.
      officer = await signIn(t.app, 'officer');
      supervisor = await signIn(t.app, 'sup');
      const w = await workbenchOf(officer);
      const overdue = find(w, 'projects.reports_overdue')!;
      // Each of A's two projects owes its first annual report (B's is not counted).
      expect(overdue).toMatchObject({
        count: 2,
        link: `/reports-due?platform=${A}&status=overdue`,
      });
      const list = await officer.get(`/api/platforms/${A}/reports-due?status=overdue`);
      expect(list.json().items).toHaveLength(overdue.count);
      expect(overdue.deadline).toBe(list.json().items[0].dueOn);
      const due = find(w, 'projects.reports_due')!;
      expect(due.link).toMatch(
        new RegExp(`^/reports-due\\?platform=${A}&status=due&before=\\d{4}-\\d{2}-\\d{2}$`),
      );
      const before = new URLSearchParams(due.link.split('?')[1]).get('before')!;
      const dueList = await officer.get(`/api/platforms/${A}/reports-due?status=due`);
      expect(dueList.json().items.filter((r: { dueOn: string }) => r.dueOn <= before)).toHaveLength(
        due.count,
      );
      expect(
        (await workbenchOf(supervisor)).todos.find((x) => x.kind === 'projects.reports_overdue')?.count,
      ).toBe(2);
    } finally {
      t.clock.advance(-400 * 86_400_000);
    }
  });

  it("counts the enterprise's own quotes to accept and reports to rate, never another enterprise's", async () => {
    const w = await workbenchOf(sme);
    expect(w.todos.map((x) => x.kind)).toEqual(['services.quoted', 'services.delivered']);
    const quoted = find(w, 'services.quoted')!;
    expect(quoted).toMatchObject({ count: 1, link: `/services/requests?platform=${A}&state=quoted` });
    const list = await sme.get(`/api/service-requests?platformId=${A}&view=mine&state=quoted`);
    expect(list.json().total).toBe(1);
    expect(find(w, 'services.delivered')).toMatchObject({ count: 0 });
  });
});
