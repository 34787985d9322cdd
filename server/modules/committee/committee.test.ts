import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildField, buildOrganisation, buildPerson } from '../../test/platform-factories.js';
import { addCommitteeMemberInTrx } from './committee.service.js';

let t: TestApp;
let A: string;
let adminA: Client;
let adminB: Client;
let expertA: Client;
let researcherA: Client;

const count = async (table: 'committee_members' | 'people' | 'committee_member_fields') =>
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
  await buildUser(ctx, { username: 'expert-a', roles: ['expert'], platformId: A });
  await buildUser(ctx, { username: 'researcher-a', roles: ['researcher'], platformId: A });
  adminA = await signIn(t.app, 'admin-a');
  adminB = await signIn(t.app, 'admin-b');
  expertA = await signIn(t.app, 'expert-a');
  researcherA = await signIn(t.app, 'researcher-a');
  await adminA.patch(`/api/platforms/${A}`, {
    committeeAppointerZh: '美国国家研究理事会',
    committeeAppointerEn: 'National Research Council',
  });
});
afterAll(() => t.close());

describe('appointing members', () => {
  it('appoints an existing person, defaulting the organisation to theirs and the appointer to the platform’s', async () => {
    const org = await buildOrganisation(t.systemCtx(), { nameZh: '斯坦福大学' });
    const person = await buildPerson(t.systemCtx(), { nameEn: 'Ada Academic', organisationId: org.id });
    const field = await buildField(t.systemCtx(), { code: 'bio' });
    const res = await adminA.post(`/api/platforms/${A}/committee`, {
      personId: person.id,
      category: 'academic',
      termStart: '2025-01-01',
      termEnd: '2028-12-31',
      fieldCodes: ['bio'],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      person: { id: person.id, nameEn: 'Ada Academic' },
      category: 'academic',
      organisation: { id: org.id, nameZh: '斯坦福大学' },
      appointedBy: '美国国家研究理事会',
      fields: [{ id: field.id }],
      serving: true,
    });
  });

  it('creates the person on the way when given one instead of an id', async () => {
    const res = await adminA.post(`/api/platforms/${A}/committee`, {
      person: { nameZh: '产业代表', nameEn: 'Ivan Industry', email: 'ivan@example.org' },
      category: 'industry',
      termStart: '2024-07-01',
      appointedBy: 'Board of Assessment',
      organisationId: null,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      person: { nameEn: 'Ivan Industry' },
      organisation: null,
      appointedBy: 'Board of Assessment',
      termEnd: null,
    });
  });

  it('refuses both or neither person, an unknown person, a repeat appointment and a term ending before it starts', async () => {
    const person = await buildPerson(t.systemCtx());
    const base = { category: 'lab', termStart: '2025-01-01' };
    const before = [await count('committee_members'), await count('people')];
    const neither = await adminA.post(`/api/platforms/${A}/committee`, base);
    expect(neither.json().errors).toEqual([
      expect.objectContaining({ pointer: '/personId', code: 'committee.person_required' }),
    ]);
    const both = await adminA.post(`/api/platforms/${A}/committee`, {
      ...base,
      personId: person.id,
      person: { nameZh: '多余' },
    });
    expect(both.statusCode).toBe(400);
    const unknown = await adminA.post(`/api/platforms/${A}/committee`, {
      ...base,
      personId: crypto.randomUUID(),
    });
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ pointer: '/personId', code: 'committee.unknown_person' }),
    ]);
    const order = await adminA.post(`/api/platforms/${A}/committee`, {
      ...base,
      personId: person.id,
      termEnd: '2024-12-31',
    });
    expect(order.json().errors).toEqual([
      expect.objectContaining({ pointer: '/termEnd', code: 'committee.term_order' }),
    ]);
    const badDate = await adminA.post(`/api/platforms/${A}/committee`, {
      ...base,
      personId: person.id,
      termStart: '2025-02-30',
      category: 'retired',
    });
    expect(
      badDate
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/category', '/termStart']);
    expect([await count('committee_members'), await count('people')]).toEqual(before);
    expect(
      (await adminA.post(`/api/platforms/${A}/committee`, { ...base, personId: person.id })).statusCode,
    ).toBe(201);
    const again = await adminA.post(`/api/platforms/${A}/committee`, { ...base, personId: person.id });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'committee.already_member',
      errors: [{ pointer: '/personId' }],
    });
  });

  it('writes neither person nor member when part of a new member is invalid', async () => {
    const before = [await count('committee_members'), await count('people')];
    const res = await adminA.post(`/api/platforms/${A}/committee`, {
      person: { nameZh: '无效机构', organisationId: crypto.randomUUID() },
      category: 'academic',
      termStart: '2025-01-01',
    });
    expect(res.json().errors).toEqual([
      expect.objectContaining({ pointer: '/person/organisationId', code: 'people.unknown_organisation' }),
    ]);
    const field = await adminA.post(`/api/platforms/${A}/committee`, {
      person: { nameZh: '无效领域' },
      category: 'academic',
      termStart: '2025-01-01',
      fieldIds: [crypto.randomUUID()],
    });
    expect(field.json().errors).toEqual([
      expect.objectContaining({ pointer: '/fieldIds/0', code: 'fields.unknown' }),
    ]);
    expect([await count('committee_members'), await count('people')]).toEqual(before);
  });

  it('joins the importer’s transaction: a later failure rolls the member and the new person back', async () => {
    const before = [await count('committee_members'), await count('people')];
    const ctx = t.systemCtx();
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await addCommitteeMemberInTrx(trx, ctx, A, {
          person: { nameZh: '导入成员' },
          category: 'lab',
          termStart: '2025-01-01',
        });
        throw new Error('row 3 is bad');
      }),
    ).rejects.toThrow('row 3 is bad');
    expect([await count('committee_members'), await count('people')]).toEqual(before);
  });

  it('is for the platform admins: 403 for its other roles and other admins, 401 for the public, 404 for no platform', async () => {
    const body = { person: { nameZh: '某人' }, category: 'lab', termStart: '2025-01-01' };
    for (const c of [adminB, expertA, researcherA])
      expect((await c.post(`/api/platforms/${A}/committee`, body)).statusCode).toBe(403);
    expect((await anonymous(t.app).post(`/api/platforms/${A}/committee`, body)).statusCode).toBe(401);
    expect((await adminA.post(`/api/platforms/${crypto.randomUUID()}/committee`, body)).statusCode).toBe(404);
  });
});

describe('the member list and its composition', () => {
  it('lists serving members by category with counts, for any role on the platform', async () => {
    const res = await expertA.get(`/api/platforms/${A}/committee`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      appointerEn: 'National Research Council',
      composition: { academic: 1, lab: 1, industry: 1, total: 3 },
      access: { canEdit: false },
    });
    expect(body.items.map((m: { category: string }) => m.category)).toEqual(['academic', 'lab', 'industry']);
    expect((await adminA.get(`/api/platforms/${A}/committee`)).json().access).toEqual({ canEdit: true });
  });

  it('is not for other platforms (403) or the public (401); their composition is public on the org chart', async () => {
    expect((await adminB.get(`/api/platforms/${A}/committee`)).statusCode).toBe(403);
    expect((await anonymous(t.app).get(`/api/platforms/${A}/committee`)).statusCode).toBe(401);
    expect(
      (await anonymous(t.app).get(`/api/platforms/${A}/org-chart`)).json().committee.composition.total,
    ).toBe(3);
  });
});

describe('editing and ending terms', () => {
  const memberOf = async (name: string) =>
    (await adminA.get(`/api/platforms/${A}/committee?includeEnded=true`))
      .json()
      .items.find((m: { person: { nameEn: string } }) => m.person.nameEn === name);

  it('edits category and term and keeps the fields unless new ones are given', async () => {
    const ada = await memberOf('Ada Academic');
    const res = await adminA.patch(`/api/committee/${ada.id}`, { category: 'lab', termStart: '2024-01-01' });
    expect(res.json()).toMatchObject({ category: 'lab', termStart: '2024-01-01', fields: [{ code: 'bio' }] });
    expect((await adminA.patch(`/api/committee/${ada.id}`, { fieldIds: [] })).json().fields).toEqual([]);
    const order = await adminA.patch(`/api/committee/${ada.id}`, { termEnd: '2023-12-31' });
    expect(order.json().errors).toEqual([
      expect.objectContaining({ pointer: '/termEnd', code: 'committee.term_order' }),
    ]);
  });

  it('ends a term today by default (still serving that day); once ended the member leaves the composition and the default list', async () => {
    const ivan = await memberOf('Ivan Industry');
    const res = await adminA.post(`/api/committee/${ivan.id}/end-term`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ termEnd: '2026-06-01', serving: true });
    expect((await adminA.get(`/api/platforms/${A}/committee`)).json().composition.industry).toBe(1);
    const ended = await adminA.post(`/api/committee/${ivan.id}/end-term`, { termEnd: '2026-05-31' });
    expect(ended.json()).toMatchObject({ termEnd: '2026-05-31', serving: false });
    const body = (await adminA.get(`/api/platforms/${A}/committee`)).json();
    expect(body.composition.industry).toBe(0);
    expect(body.items.map((m: { id: string }) => m.id)).not.toContain(ivan.id);
    expect((await memberOf('Ivan Industry')).serving).toBe(false);
    const early = await adminA.post(`/api/committee/${ivan.id}/end-term`, { termEnd: '2020-01-01' });
    expect(early.json().errors).toEqual([expect.objectContaining({ pointer: '/termEnd' })]);
  });

  it('answers 403 to the platform’s other roles, 404 to strangers and for unknown members', async () => {
    const ada = await memberOf('Ada Academic');
    expect((await researcherA.patch(`/api/committee/${ada.id}`, { category: 'industry' })).statusCode).toBe(
      403,
    );
    expect((await adminB.patch(`/api/committee/${ada.id}`, { category: 'industry' })).statusCode).toBe(404);
    expect((await adminB.delete(`/api/committee/${ada.id}`)).statusCode).toBe(404);
    expect((await adminA.post(`/api/committee/${crypto.randomUUID()}/end-term`, {})).json().code).toBe(
      'committee.not_found',
    );
  });

  it('removes a member entered by mistake, with their fields, keeping the person', async () => {
    const ada = await memberOf('Ada Academic');
    await adminA.patch(`/api/committee/${ada.id}`, { fieldCodes: ['bio'] });
    const fields = await count('committee_member_fields');
    expect((await adminA.delete(`/api/committee/${ada.id}`)).statusCode).toBe(204);
    expect(await count('committee_member_fields')).toBe(fields - 1);
    expect(await memberOf('Ada Academic')).toBeUndefined();
    expect((await adminA.get(`/api/people/${ada.person.id}`)).statusCode).toBe(200);
  });
});
