import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildMember, buildOrganisation, buildPerson, buildUnit } from '../../test/platform-factories.js';
import { createExpert } from '../review/experts/experts.service.js';
import { createPersonInTrx } from './people.service.js';

let t: TestApp;
let A: string;
let root: Client;
let adminA: Client;
let adminB: Client;
let supervisorA: Client;
let directorA: Client;
let researcherA: Client;
let researcherB: Client;
let placed: string;
let unplaced: string;
let researcherAId: string;

const countPeople = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  const B = (await buildPlatform(ctx, { code: 'B' })).id;
  await buildUser(ctx, { username: 'root', systemAdmin: true });
  await buildUser(ctx, { username: 'admin-a', roles: ['platform_admin'], platformId: A });
  await buildUser(ctx, { username: 'admin-b', roles: ['platform_admin'], platformId: B });
  await buildUser(ctx, { username: 'supervisor-a', roles: ['supervisor'], platformId: A });
  await buildUser(ctx, { username: 'director-a', roles: ['lab_director'], platformId: A });
  researcherAId = (await buildUser(ctx, { username: 'researcher-a', roles: ['researcher'], platformId: A }))
    .id;
  await buildUser(ctx, { username: 'researcher-b', roles: ['researcher'], platformId: B });
  root = await signIn(t.app, 'root');
  adminA = await signIn(t.app, 'admin-a');
  adminB = await signIn(t.app, 'admin-b');
  supervisorA = await signIn(t.app, 'supervisor-a');
  directorA = await signIn(t.app, 'director-a');
  researcherA = await signIn(t.app, 'researcher-a');
  researcherB = await signIn(t.app, 'researcher-b');
  placed = (await buildPerson(ctx, { nameZh: '王测量', nameEn: 'Wang Placed', email: 'placed@example.org' }))
    .id;
  await buildUnit(ctx, { platformId: A, directorPersonId: placed });
  unplaced = (
    await buildPerson(ctx, { nameZh: '李未定', nameEn: 'Li Unplaced', email: 'unplaced@example.org' })
  ).id;
});
afterAll(() => t.close());

describe('creating people', () => {
  it('is for platform admins and lab directors; others 403, the public 401', async () => {
    const org = await buildOrganisation(t.systemCtx(), { nameZh: '麻省理工学院' });
    const res = await adminA.post('/api/people', {
      nameZh: '张三',
      nameEn: 'Zhang San',
      title: 'Professor',
      email: 'zs@example.org',
      phone: '+86 10 6533 2166',
      organisationId: org.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      nameEn: 'Zhang San',
      organisation: { id: org.id, nameZh: '麻省理工学院' },
      platformIds: [],
      contactHidden: false,
      email: 'zs@example.org',
    });
    expect((await directorA.post('/api/people', { nameZh: '李四' })).statusCode).toBe(201);
    const before = await countPeople();
    expect((await researcherA.post('/api/people', { nameZh: '不行' })).statusCode).toBe(403);
    expect((await supervisorA.post('/api/people', { nameZh: '不行' })).statusCode).toBe(403);
    expect((await anonymous(t.app).post('/api/people', { nameZh: '不行' })).statusCode).toBe(401);
    expect(await countPeople()).toBe(before);
  });

  it('refuses a bad e-mail or phone, an unknown organisation or user, and a user linked twice, writing nothing', async () => {
    const before = await countPeople();
    const shape = await adminA.post('/api/people', { nameZh: '甲', email: 'not-an-email', phone: 'call me' });
    expect(
      shape
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/email', '/phone']);
    const org = await adminA.post('/api/people', { nameZh: '甲', organisationId: crypto.randomUUID() });
    expect(org.json().errors).toEqual([
      expect.objectContaining({ pointer: '/organisationId', code: 'people.unknown_organisation' }),
    ]);
    const user = await root.post('/api/people', { nameZh: '甲', userId: crypto.randomUUID() });
    expect(user.json().errors).toEqual([
      expect.objectContaining({ pointer: '/userId', code: 'people.unknown_user' }),
    ]);
    // A platform admin proposes a link instead (people.links.test.ts).
    const direct = await adminA.post('/api/people', { nameZh: '乙', userId: researcherAId });
    expect(direct.json()).toMatchObject({
      code: 'people.link_needs_consent',
      errors: [{ pointer: '/userId' }],
    });
    expect((await root.post('/api/people', { nameZh: '乙', userId: researcherAId })).statusCode).toBe(201);
    const twice = await root.post('/api/people', { nameZh: '丙', userId: researcherAId });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({
      code: 'people.user_already_linked',
      errors: [{ pointer: '/userId' }],
    });
    expect(await countPeople()).toBe(before + 1);
  });

  it('stores the surviving organisation when given one that was merged', async () => {
    const survivor = await buildOrganisation(t.systemCtx());
    const merged = await buildOrganisation(t.systemCtx(), { mergedIntoId: survivor.id });
    const res = await adminA.post('/api/people', { nameZh: '合并', organisationId: merged.id });
    expect(res.json().organisation.id).toBe(survivor.id);
  });

  it('creates inside the caller’s transaction, so an importer that fails later leaves nothing behind', async () => {
    const before = await countPeople();
    const ctx = t.systemCtx();
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await createPersonInTrx(trx, ctx, { nameZh: '导入' });
        throw new Error('row 7 is bad');
      }),
    ).rejects.toThrow('row 7 is bad');
    expect(await countPeople()).toBe(before);
  });
});

describe('the directory', () => {
  const find = async (c: Client, id: string, q = '') =>
    (
      (await c.get(`/api/people?limit=200${q}`)).json().items as Array<{
        id: string;
        email: string | null;
        contactHidden: boolean;
      }>
    ).find((p) => p.id === id);

  it('serves admins, supervisors and lab directors; other roles 403, the public 401', async () => {
    for (const c of [root, adminA, adminB, supervisorA, directorA])
      expect((await c.get('/api/people')).statusCode).toBe(200);
    expect((await researcherA.get('/api/people')).statusCode).toBe(403);
    expect((await anonymous(t.app).get('/api/people')).statusCode).toBe(401);
  });

  it('gives contact details only to those who work with the person; the unplaced to any platform admin', async () => {
    expect(await find(supervisorA, placed)).toMatchObject({
      email: 'placed@example.org',
      contactHidden: false,
    });
    expect(await find(adminB, placed)).toMatchObject({ email: null, contactHidden: true });
    expect(JSON.stringify((await adminB.get('/api/people?limit=200')).json())).not.toContain(
      '"placed@example.org"',
    );
    expect(await find(adminB, unplaced)).toMatchObject({ email: 'unplaced@example.org' });
    expect(await find(supervisorA, unplaced)).toMatchObject({ email: null, contactHidden: true });
  });

  it('searches names literally and filters by platform and organisation', async () => {
    const names = async (q: string) =>
      (await root.get(`/api/people?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((p: { nameEn: string }) => p.nameEn);
    expect(await names('wang')).toEqual(['Wang Placed']);
    expect(await names('未定')).toEqual(['Li Unplaced']);
    expect(await names('%')).toEqual([]);
    expect(await names("' OR '1'='1")).toEqual([]);
    const onA = (await root.get(`/api/people?platformId=${A}`)).json();
    expect(onA).toMatchObject({ total: 1, items: [{ id: placed, platformIds: [A] }] });
    expect((await root.get(`/api/people?organisationId=${crypto.randomUUID()}`)).json()).toEqual({
      items: [],
      total: 0,
    });
  });
});

describe('reading, editing and deleting one person', () => {
  it('shows a person to those who work with them and hides them (404) from the rest', async () => {
    expect((await researcherA.get(`/api/people/${placed}`)).json()).toMatchObject({
      email: 'placed@example.org',
    });
    expect((await researcherB.get(`/api/people/${placed}`)).statusCode).toBe(404);
    expect((await researcherA.get(`/api/people/${unplaced}`)).statusCode).toBe(404);
    expect((await root.get(`/api/people/${crypto.randomUUID()}`)).json().code).toBe('people.not_found');
  });

  it('lets admins of their platform edit them; an admin elsewhere gets 403, a stranger 404', async () => {
    const res = await adminA.patch(`/api/people/${placed}`, { title: 'Director', phone: '+1 301 975 2000' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Director', phone: '+1 301 975 2000', nameEn: 'Wang Placed' });
    expect((await adminB.patch(`/api/people/${placed}`, { title: 'Hijacked' })).statusCode).toBe(403);
    expect((await researcherB.patch(`/api/people/${placed}`, { title: 'Hijacked' })).statusCode).toBe(404);
    expect((await adminB.patch(`/api/people/${unplaced}`, { title: 'Visiting fellow' })).statusCode).toBe(
      200,
    );
  });

  it('refuses to delete someone still referenced, naming the references, and deletes the unreferenced', async () => {
    const ctx = t.systemCtx();
    await buildMember(ctx, A, { personId: placed });
    const res = await adminA.delete(`/api/people/${placed}`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'people.in_use',
      references: [
        { usedBy: 'unit_directors', count: 1 },
        { usedBy: 'committee_members', count: 1 },
      ],
    });
    const free = await buildPerson(ctx);
    expect((await researcherA.delete(`/api/people/${free.id}`)).statusCode).toBe(404);
    expect((await adminB.delete(`/api/people/${free.id}`)).statusCode).toBe(204);
    expect((await root.get(`/api/people/${free.id}`)).statusCode).toBe(404);
  });

  it('refuses (409, not 500) to delete an expert, naming the profile and keeping everything', async () => {
    const ctx = t.systemCtx();
    const person = await buildPerson(ctx);
    const expert = await createExpert(ctx, {
      personId: person.id,
      category: 'academic',
      loadMax: 4,
      active: true,
      fieldIds: [],
      outputs: [],
      declaredConflicts: [],
      availability: [],
    });
    // Another expert declares a conflict with them: the foreign key would drop that declaration silently.
    await createExpert(ctx, {
      person: { nameZh: '回避者' },
      category: 'industry',
      loadMax: 4,
      active: true,
      fieldIds: [],
      outputs: [],
      declaredConflicts: [{ personId: person.id, reason: '师生' }],
      availability: [],
    });
    const res = await root.delete(`/api/people/${person.id}`);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'people.in_use',
      references: [
        { usedBy: 'expert_profile', count: 1 },
        { usedBy: 'declared_conflicts', count: 1 },
      ],
    });
    expect((await root.get(`/api/people/${person.id}`)).statusCode).toBe(200);
    expect((await root.get(`/api/experts/${expert.id}`)).statusCode).toBe(200);
  });
});
