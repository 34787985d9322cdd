import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildField, buildPerson, buildUnit } from '../../test/platform-factories.js';

let t: TestApp;
let A: string;
let ownUnit: string;
let otherUnit: string;
let unitOnB: string;
let field: string;
let director: Client;
let admin: Client;
let supervisor: Client;
let outsider: Client;
let adminB: Client;
let n = 0;

const body = (o: Record<string, unknown> = {}) => ({
  unitId: ownUnit,
  code: `IP-${n++}`,
  titleZh: '纳米尺度测量方法',
  titleEn: 'Nanoscale measurement methods',
  summaryEn: 'Reference methods for nanoscale metrology.',
  budgetMinor: 2_500_000_00,
  startsOn: '2026-01-01',
  endsOn: '2028-12-31',
  fieldIds: [field],
  ...o,
});

const projectCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('projects')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  const B = (await buildPlatform(ctx)).id;
  await ctx.db.updateTable('platforms').set({ default_currency: 'USD' }).where('id', '=', A).execute();
  field = (await buildField(ctx)).id;
  const d = await buildUser(ctx, { username: 'director', roles: ['lab_director'], platformId: A });
  const otherDirector = await buildUser(ctx, {
    username: 'director2',
    roles: ['lab_director'],
    platformId: A,
  });
  ownUnit = (
    await buildUnit(ctx, { platformId: A, directorPersonId: (await buildPerson(ctx, { userId: d.id })).id })
  ).id;
  otherUnit = (
    await buildUnit(ctx, {
      platformId: A,
      directorPersonId: (await buildPerson(ctx, { userId: otherDirector.id })).id,
    })
  ).id;
  unitOnB = (await buildUnit(ctx, { platformId: B })).id;
  await buildUser(ctx, { username: 'admin', roles: ['platform_admin'], platformId: A });
  await buildUser(ctx, { username: 'supervisor', roles: ['supervisor'], platformId: A });
  await buildUser(ctx, { username: 'outsider', roles: ['researcher'], platformId: A });
  await buildUser(ctx, { username: 'adminB', roles: ['platform_admin'], platformId: B });
  director = await signIn(t.app, 'director');
  admin = await signIn(t.app, 'admin');
  supervisor = await signIn(t.app, 'supervisor');
  outsider = await signIn(t.app, 'outsider');
  adminB = await signIn(t.app, 'adminB');
});
afterAll(() => t.close());

describe('intramural projects', () => {
  it('a lab director registers a project for their own unit, without an application', async () => {
    const res = await director.post(`/api/platforms/${A}/projects`, body({ code: 'itl-2026-01' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'intramural',
      code: 'ITL-2026-01',
      state: 'in_progress',
      currency: 'USD',
      budgetMinor: 2_500_000_00,
      unit: { id: ownUnit },
      applicationId: null,
      fields: [{ id: field }],
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('entity_id', '=', res.json().id)
      .execute();
    expect(audit).toEqual([{ action: 'project.registered', actor_label: 'director' }]);
  });

  it("denies a lab director another unit's project, and others without the right", async () => {
    const before = await projectCount();
    expect(
      (await director.post(`/api/platforms/${A}/projects`, body({ unitId: otherUnit }))).statusCode,
    ).toBe(403);
    expect((await supervisor.post(`/api/platforms/${A}/projects`, body())).statusCode).toBe(403);
    expect((await adminB.post(`/api/platforms/${A}/projects`, body())).statusCode).toBe(403);
    expect(await projectCount()).toBe(before);
  });

  it('lets the platform admin register for any unit of the platform only', async () => {
    expect((await admin.post(`/api/platforms/${A}/projects`, body({ unitId: otherUnit }))).statusCode).toBe(
      201,
    );
    const wrong = await admin.post(`/api/platforms/${A}/projects`, body({ unitId: unitOnB }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ pointer: '/unitId', code: 'projects.unknown_unit' });
  });

  it('refuses bad input with field paths and writes nothing', async () => {
    const before = await projectCount();
    const cases: Array<[Record<string, unknown>, string, number]> = [
      [{ endsOn: '2025-12-31' }, '/endsOn', 400],
      [{ budgetMinor: -5 }, '/budgetMinor', 400],
      [{ budgetMinor: 10.5 }, '/budgetMinor', 400],
      [{ currency: 'XYZ' }, '/currency', 400],
      [{ fieldIds: [crypto.randomUUID()] }, '/fieldIds/0', 400],
      [{ code: 'ITL-2026-01' }, '/code', 409],
    ];
    for (const [patch, pointer, status] of cases) {
      const res = await director.post(`/api/platforms/${A}/projects`, body(patch));
      expect(res.statusCode, JSON.stringify(patch)).toBe(status);
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect(await projectCount()).toBe(before);
  });

  it('lists and shows projects with filters to supervisors, and none to a researcher on none of them', async () => {
    const all = (await supervisor.get(`/api/platforms/${A}/projects`)).json();
    expect(all.total).toBe(2);
    expect((await outsider.get(`/api/platforms/${A}/projects`)).json()).toMatchObject({
      items: [],
      total: 0,
    });
    expect(all.access.registrableUnitIds).toEqual([]);
    expect((await director.get(`/api/platforms/${A}/projects`)).json().access.registrableUnitIds).toEqual([
      ownUnit,
    ]);
    expect((await admin.get(`/api/platforms/${A}/projects`)).json().access.registrableUnitIds.sort()).toEqual(
      [ownUnit, otherUnit].sort(),
    );
    const byUnit = (await supervisor.get(`/api/platforms/${A}/projects?unitId=${otherUnit}`)).json();
    expect(byUnit.items.map((p: { unit: { id: string } }) => p.unit.id)).toEqual([otherUnit]);
    expect((await supervisor.get(`/api/platforms/${A}/projects?kind=extramural`)).json().total).toBe(0);
    expect((await supervisor.get(`/api/platforms/${A}/projects?q=itl-2026`)).json().total).toBe(1);
    expect((await supervisor.get(`/api/platforms/${A}/projects?q=纳米`)).json().total).toBe(2);
    expect((await supervisor.get(`/api/platforms/${A}/projects?q=%25`)).json().total).toBe(0);
    expect((await supervisor.get(`/api/platforms/${A}/projects?fieldId=${field}`)).json().total).toBe(2);
    const one = all.items[0];
    expect((await supervisor.get(`/api/projects/${one.id}`)).json()).toMatchObject(one);
    expect((await adminB.get(`/api/projects/${one.id}`)).statusCode).toBe(404);
    expect((await adminB.get(`/api/platforms/${A}/projects`)).statusCode).toBe(403);
  });
});
