import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildField, buildPerson, buildUnit } from '../../test/platform-factories.js';

let t: TestApp;
let A: string;
let adminA: Client;
let adminB: Client;
let directorA: Client;
let otherDirectorA: Client;
let researcherA: Client;
let ownUnit: string;
let otherUnit: string;
let staffPerson: string;

const count = async (table: 'org_units' | 'unit_staff' | 'unit_fields') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  const B = (await buildPlatform(ctx, { code: 'B' })).id;
  await buildUser(ctx, { username: 'admin-a', roles: ['platform_admin'], platformId: A });
  await buildUser(ctx, { username: 'admin-b', roles: ['platform_admin'], platformId: B });
  const dirUser = await buildUser(ctx, {
    username: 'director-a',
    roles: ['lab_director', 'researcher'],
    platformId: A,
  });
  await buildUser(ctx, { username: 'director-a2', roles: ['lab_director'], platformId: A });
  await buildUser(ctx, { username: 'researcher-a', roles: ['researcher'], platformId: A });
  adminA = await signIn(t.app, 'admin-a');
  adminB = await signIn(t.app, 'admin-b');
  directorA = await signIn(t.app, 'director-a');
  otherDirectorA = await signIn(t.app, 'director-a2');
  researcherA = await signIn(t.app, 'researcher-a');
  const director = await buildPerson(ctx, { nameEn: 'Chen Hao', userId: dirUser.id });
  ownUnit = (
    await buildUnit(ctx, { platformId: A, nameEn: 'Engineering Laboratory', directorPersonId: director.id })
  ).id;
  otherUnit = (await buildUnit(ctx, { platformId: A, nameEn: 'Material Measurement Laboratory' })).id;
  staffPerson = (
    await buildPerson(ctx, {
      nameEn: 'Staff Member',
      email: 'staff.secret@example.org',
      phone: '+1 555 0100',
    })
  ).id;
  await t.database.db
    .insertInto('unit_staff')
    .values({
      id: crypto.randomUUID(),
      unit_id: ownUnit,
      person_id: staffPerson,
      position: 'researcher',
      created_at: '2026-01-01T00:00:00.000Z',
    })
    .execute();
});
afterAll(() => t.close());

describe('creating units', () => {
  it('adds a unit with its fields and director (platform admins) and lists it', async () => {
    const field = await buildField(t.systemCtx(), { code: 'electronics' });
    const director = await buildPerson(t.systemCtx(), { nameEn: 'Ivy Lab' });
    const res = await adminA.post(`/api/platforms/${A}/units`, {
      kind: 'center',
      nameZh: '纳米科学与技术中心',
      nameEn: 'Center for Nanoscale Science and Technology',
      code: 'CNST',
      directorPersonId: director.id,
      fieldCodes: ['electronics'],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'center',
      code: 'CNST',
      director: { id: director.id, nameEn: 'Ivy Lab' },
      fields: [{ id: field.id }],
      staff: [],
      access: { canEdit: true },
    });
    const listed = (await anonymous(t.app).get(`/api/platforms/${A}/units`))
      .json()
      .items.map((u: { nameEn: string }) => u.nameEn);
    expect(listed).toContain('Center for Nanoscale Science and Technology');
  });

  it('refuses a name already used on the platform, in either language, with its pointer, writing nothing', async () => {
    const before = await count('org_units');
    const en = await adminA.post(`/api/platforms/${A}/units`, {
      kind: 'laboratory',
      nameZh: '新名字',
      nameEn: 'Engineering Laboratory',
    });
    expect(en.statusCode).toBe(409);
    expect(en.json()).toMatchObject({
      code: 'units.name_taken',
      errors: [{ pointer: '/nameEn', code: 'units.name_taken' }],
    });
    const zh = await adminA.post(`/api/platforms/${A}/units`, {
      kind: 'laboratory',
      nameZh: '纳米科学与技术中心',
      nameEn: 'New name',
    });
    expect(zh.json().errors).toEqual([expect.objectContaining({ pointer: '/nameZh' })]);
    const rename = await adminA.patch(`/api/units/${otherUnit}`, { nameEn: 'Engineering Laboratory' });
    expect(rename.statusCode).toBe(409);
    expect(await count('org_units')).toBe(before);
    const elsewhere = await buildUnit(t.systemCtx(), { nameEn: 'Engineering Laboratory' });
    expect(elsewhere.nameEn).toBe('Engineering Laboratory');
  });

  it('refuses an unknown director, kind or field, naming each, writing nothing', async () => {
    const before = await count('org_units');
    const res = await adminA.post(`/api/platforms/${A}/units`, {
      kind: 'laboratory',
      nameZh: '甲',
      nameEn: 'Alpha',
      directorPersonId: crypto.randomUUID(),
    });
    expect(res.json()).toMatchObject({
      code: 'request.validation_failed',
      errors: [{ pointer: '/directorPersonId', code: 'units.unknown_person' }],
    });
    const kind = await adminA.post(`/api/platforms/${A}/units`, {
      kind: 'department',
      nameZh: '甲',
      nameEn: 'Alpha',
    });
    expect(kind.json().errors).toEqual([expect.objectContaining({ pointer: '/kind' })]);
    const field = await adminA.post(`/api/platforms/${A}/units`, {
      kind: 'office',
      nameZh: '甲',
      nameEn: 'Alpha',
      fieldCodes: ['nope'],
    });
    expect(field.json().errors).toEqual([
      expect.objectContaining({ pointer: '/fieldCodes/0', code: 'fields.unknown' }),
    ]);
    expect(await count('org_units')).toBe(before);
  });

  it('is for the platform admins only: 403 for others, 401 for the public, 404 for an unknown platform', async () => {
    const body = { kind: 'office', nameZh: '办公室', nameEn: 'Office' };
    for (const c of [adminB, directorA, researcherA])
      expect((await c.post(`/api/platforms/${A}/units`, body)).statusCode).toBe(403);
    expect((await anonymous(t.app).post(`/api/platforms/${A}/units`, body)).statusCode).toBe(401);
    expect((await adminA.post(`/api/platforms/${crypto.randomUUID()}/units`, body)).statusCode).toBe(404);
  });
  it('answers 409 with the pointer, not a 5xx, when another transaction wins the race for a name', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const now = '2026-06-01T08:00:00.000Z';
    const winner = t.database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('org_units')
        .values({
          id: crypto.randomUUID(),
          platform_id: A,
          kind: 'office',
          code: null,
          name_zh: '赛跑',
          name_en: 'Race Office',
          director_person_id: null,
          description_zh: null,
          description_en: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await held;
    });
    // The request's name check cannot see the uncommitted row; its insert then waits on the unique index.
    const loser = adminA.post(`/api/platforms/${A}/units`, {
      kind: 'office',
      nameZh: '赛跑者',
      nameEn: 'Race Office',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await winner;
    const res = await loser;
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ pointer: '/nameEn', code: 'units.name_taken' }),
    ]);
  });
});

describe('who sees the people of a unit', () => {
  it('shows the public names, kinds and fields only: no director, staff or contact details', async () => {
    for (const c of [anonymous(t.app), adminB]) {
      const list = (await c.get(`/api/platforms/${A}/units`)).json();
      const unit = (await c.get(`/api/units/${ownUnit}`)).json();
      for (const body of [list, unit]) {
        expect(JSON.stringify(body)).not.toMatch(
          /Chen Hao|Staff Member|staff\.secret|555 0100|staffCount|"staff"|"director"/,
        );
      }
      expect(unit).toMatchObject({ nameEn: 'Engineering Laboratory', personalDetails: false });
    }
  });

  it('shows directors, staff counts and staff contacts to every role on the platform', async () => {
    const list = (await researcherA.get(`/api/platforms/${A}/units`)).json().items;
    expect(list.find((u: { id: string }) => u.id === ownUnit)).toMatchObject({
      personalDetails: true,
      director: { nameEn: 'Chen Hao' },
      staffCount: 1,
    });
    expect(list[0].staff).toBeUndefined();
    const unit = (await researcherA.get(`/api/units/${ownUnit}`)).json();
    expect(unit.staff).toEqual([
      expect.objectContaining({
        personId: staffPerson,
        position: 'researcher',
        email: 'staff.secret@example.org',
        phone: '+1 555 0100',
      }),
    ]);
    expect(unit.access).toEqual({ canEdit: false, canManageStaff: false });
  });

  it('answers 404 for an unknown unit', async () => {
    const res = await anonymous(t.app).get(`/api/units/${crypto.randomUUID()}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('units.not_found');
  });
});

describe('staff and fields', () => {
  it("lets a lab director keep their own unit's staff and fields, but not edit or delete the unit", async () => {
    const person = await buildPerson(t.systemCtx(), { nameEn: 'New Hire' });
    const added = await directorA.post(`/api/units/${ownUnit}/staff`, {
      personId: person.id,
      position: 'engineer',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ personId: person.id, position: 'engineer', nameEn: 'New Hire' });
    const moved = await directorA.patch(`/api/units/${ownUnit}/staff/${added.json().id}`, {
      position: 'technician',
    });
    expect(moved.json().position).toBe('technician');
    const field = await buildField(t.systemCtx());
    expect(
      (await directorA.put(`/api/units/${ownUnit}/fields`, { fieldIds: [field.id] })).json().fields,
    ).toEqual([expect.objectContaining({ id: field.id })]);
    expect((await directorA.get(`/api/units/${ownUnit}`)).json().access).toEqual({
      canEdit: false,
      canManageStaff: true,
    });
    expect((await directorA.delete(`/api/units/${ownUnit}/staff/${added.json().id}`)).statusCode).toBe(204);
    expect((await directorA.patch(`/api/units/${ownUnit}`, { nameEn: 'Renamed' })).statusCode).toBe(403);
    expect((await directorA.delete(`/api/units/${ownUnit}`)).statusCode).toBe(403);
  });

  it("refuses a lab director on a unit they do not direct, and another platform's admin", async () => {
    const person = await buildPerson(t.systemCtx());
    const before = await count('unit_staff');
    expect(
      (await directorA.post(`/api/units/${otherUnit}/staff`, { personId: person.id, position: 'engineer' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await otherDirectorA.post(`/api/units/${ownUnit}/staff`, {
          personId: person.id,
          position: 'engineer',
        })
      ).statusCode,
    ).toBe(403);
    expect((await adminB.put(`/api/units/${ownUnit}/fields`, { fieldIds: [] })).statusCode).toBe(403);
    expect(
      (await researcherA.post(`/api/units/${ownUnit}/staff`, { personId: person.id, position: 'engineer' }))
        .statusCode,
    ).toBe(403);
    expect(await count('unit_staff')).toBe(before);
  });

  it('refuses the same person twice, an unknown person and an unknown staff entry', async () => {
    const dup = await adminA.post(`/api/units/${ownUnit}/staff`, {
      personId: staffPerson,
      position: 'engineer',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'units.staff_exists', errors: [{ pointer: '/personId' }] });
    const unknown = await adminA.post(`/api/units/${ownUnit}/staff`, {
      personId: crypto.randomUUID(),
      position: 'engineer',
    });
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ pointer: '/personId', code: 'units.unknown_person' }),
    ]);
    const missing = await adminA.patch(`/api/units/${ownUnit}/staff/${crypto.randomUUID()}`, {
      position: 'engineer',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('units.staff_not_found');
  });
});

describe('editing and deleting units', () => {
  it('changes the director and kind (platform admins)', async () => {
    const person = await buildPerson(t.systemCtx(), { nameEn: 'Successor' });
    const res = await adminA.patch(`/api/units/${otherUnit}`, {
      directorPersonId: person.id,
      kind: 'center',
      descriptionEn: 'Measures materials',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'center',
      director: { nameEn: 'Successor' },
      descriptionEn: 'Measures materials',
    });
  });

  it('deletes a unit with its staff list and fields; the people stay', async () => {
    const ctx = t.systemCtx();
    const unit = await buildUnit(ctx, { platformId: A });
    const person = await buildPerson(ctx);
    await adminA.post(`/api/units/${unit.id}/staff`, { personId: person.id, position: 'engineer' });
    const staffBefore = await count('unit_staff');
    expect((await adminA.delete(`/api/units/${unit.id}`)).statusCode).toBe(204);
    expect(await count('unit_staff')).toBe(staffBefore - 1);
    expect((await adminA.get(`/api/units/${unit.id}`)).statusCode).toBe(404);
    expect(
      await t.database.db.selectFrom('people').select('id').where('id', '=', person.id).executeTakeFirst(),
    ).toBeDefined();
  });
});
