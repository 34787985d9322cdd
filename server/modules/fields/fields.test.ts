import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildField, buildMember, buildPerson, buildUnit } from '../../test/platform-factories.js';
import { buildExpert } from '../review/runs/runs.fixtures.js';

let t: TestApp;
let A: string;
let root: Client;
let adminA: Client;
let researcher: Client;

const count = async (table: 'tech_fields' | 'platform_fields' | 'unit_fields' | 'audit_log') =>
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
  await buildUser(ctx, { username: 'root', systemAdmin: true });
  await buildUser(ctx, { username: 'admin-a', roles: ['platform_admin'], platformId: A });
  await buildUser(ctx, {
    username: 'researcher-a',
    roles: ['researcher', 'lab_director', 'supervisor'],
    platformId: A,
  });
  root = await signIn(t.app, 'root');
  adminA = await signIn(t.app, 'admin-a');
  researcher = await signIn(t.app, 'researcher-a');
});
afterAll(() => t.close());

describe('the taxonomy', () => {
  it('is a two-level tree anyone can read, ordered by sort order then code', async () => {
    const energy = (
      await root.post('/api/fields', {
        code: 'Energy',
        nameZh: '新能源与节能技术',
        nameEn: 'New energy',
        sortOrder: 2,
      })
    ).json();
    expect(energy.code).toBe('energy');
    const mat = (
      await root.post('/api/fields', {
        code: 'materials',
        nameZh: '新材料技术',
        nameEn: 'New materials',
        sortOrder: 1,
      })
    ).json();
    await root.post('/api/fields', {
      code: 'energy.wind',
      nameZh: '海上风电设计',
      nameEn: 'Offshore wind design',
      parentId: energy.id,
    });
    await root.post('/api/fields', {
      code: 'energy.solar',
      nameZh: '太阳能热发电',
      nameEn: 'Solar thermal power',
      parentId: energy.id,
    });
    const res = await anonymous(t.app).get('/api/fields');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((f: { code: string }) => f.code)).toEqual(['materials', 'energy']);
    expect(items[1].children.map((f: { code: string }) => f.code)).toEqual(['energy.solar', 'energy.wind']);
    expect(items[0]).toMatchObject({ id: mat.id, nameZh: '新材料技术', children: [] });
  });

  it('keeps two levels: a parent must be top-level, active and known; a field with sub-fields stays on top', async () => {
    const energy = (await root.get('/api/fields'))
      .json()
      .items.find((f: { code: string }) => f.code === 'energy');
    const before = await count('tech_fields');
    const deep = await root.post('/api/fields', {
      code: 'too.deep',
      nameZh: '三级',
      nameEn: 'Third level',
      parentId: energy.children[0].id,
    });
    expect(deep.statusCode).toBe(400);
    expect(deep.json().errors).toEqual([
      expect.objectContaining({ pointer: '/parentId', code: 'fields.parent_not_top_level' }),
    ]);
    const unknown = await root.post('/api/fields', {
      code: 'orphan',
      nameZh: '孤儿',
      nameEn: 'Orphan',
      parentId: crypto.randomUUID(),
    });
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ pointer: '/parentId', code: 'fields.unknown' }),
    ]);
    const move = await root.patch(`/api/fields/${energy.id}`, {
      parentId: (await buildField(t.systemCtx())).id,
    });
    expect(move.json().errors).toEqual([
      expect.objectContaining({ pointer: '/parentId', code: 'fields.has_children' }),
    ]);
    const self = await root.patch(`/api/fields/${energy.id}`, { parentId: energy.id });
    expect(self.statusCode).toBe(400);
    expect(await count('tech_fields')).toBe(before + 1);
  });

  it('refuses a taken code, case-insensitively, with its pointer', async () => {
    const before = await count('tech_fields');
    const res = await root.post('/api/fields', { code: 'ENERGY', nameZh: '重复', nameEn: 'Duplicate' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'fields.code_taken', errors: [{ pointer: '/code' }] });
    const field = await buildField(t.systemCtx());
    expect((await root.patch(`/api/fields/${field.id}`, { code: 'energy' })).statusCode).toBe(409);
    expect(await count('tech_fields')).toBe(before + 1);
  });

  it('renames and re-codes a field', async () => {
    const field = await buildField(t.systemCtx());
    const res = await root.patch(`/api/fields/${field.id}`, {
      nameEn: 'Composites',
      code: 'materials.composites',
      parentId: (await root.get('/api/fields')).json().items[0].id,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      nameEn: 'Composites',
      code: 'materials.composites',
      nameZh: field.nameZh,
    });
  });
});

describe('who maintains it', () => {
  it('is system admins alone; platform admins and other roles get 403 fields.curators_only, the public 401', async () => {
    const body = { code: 'x-forbidden', nameZh: '禁止', nameEn: 'Forbidden' };
    for (const who of [researcher, adminA]) {
      const res = await who.post('/api/fields', body);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('fields.curators_only');
    }
    expect((await anonymous(t.app).post('/api/fields', body)).statusCode).toBe(401);
    const field = await buildField(t.systemCtx());
    for (const who of [researcher, adminA]) {
      for (const [method, url] of [
        ['PATCH', `/api/fields/${field.id}`],
        ['POST', `/api/fields/${field.id}/retire`],
        ['POST', `/api/fields/${field.id}/reactivate`],
        ['DELETE', `/api/fields/${field.id}`],
      ] as const) {
        const res = await who.request({
          method,
          url,
          ...(method === 'PATCH' ? { payload: { nameEn: 'No' } } : {}),
        });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().code).toBe('fields.curators_only');
      }
    }
    // The list says who may curate, so the web shows the buttons from the server's rule.
    expect((await root.get('/api/fields')).json().access).toEqual({ curate: true });
    expect((await adminA.get('/api/fields')).json().access).toEqual({ curate: false });
    expect((await anonymous(t.app).get('/api/fields')).json().access).toEqual({ curate: false });
    expect(
      (await root.get('/api/fields?includeRetired=true'))
        .json()
        .items.some((f: { id: string }) => f.id === field.id),
    ).toBe(true);
  });

  it('answers 404 for a field that does not exist', async () => {
    expect((await root.patch(`/api/fields/${crypto.randomUUID()}`, { nameEn: 'Gone' })).json().code).toBe(
      'fields.not_found',
    );
    expect((await root.delete(`/api/fields/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('retiring', () => {
  it('retires a field with its sub-fields, hides them from the default tree, and reactivates only what is asked', async () => {
    const ctx = t.systemCtx();
    const top = await buildField(ctx);
    const sub = await buildField(ctx, { parentId: top.id });
    const res = await root.post(`/api/fields/${top.id}/retire`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ retired: true, retiredAt: expect.any(String) });
    const visible = (await anonymous(t.app).get('/api/fields')).json().items.map((f: { id: string }) => f.id);
    expect(visible).not.toContain(top.id);
    const all = (await anonymous(t.app).get('/api/fields?includeRetired=true')).json().items;
    expect(all.find((f: { id: string }) => f.id === top.id).children).toEqual([
      expect.objectContaining({ id: sub.id, retired: true }),
    ]);
    const early = await root.post(`/api/fields/${sub.id}/reactivate`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('fields.parent_retired');
    expect((await root.post(`/api/fields/${top.id}/reactivate`)).json().retired).toBe(false);
    const after = (await anonymous(t.app).get('/api/fields'))
      .json()
      .items.find((f: { id: string }) => f.id === top.id);
    expect(after.children).toEqual([]);
    expect((await root.post(`/api/fields/${sub.id}/reactivate`)).json().retired).toBe(false);
  });

  it('refuses a retired field on a new assignment but keeps it where it already was', async () => {
    const ctx = t.systemCtx();
    const kept = await buildField(ctx);
    const other = await buildField(ctx);
    expect((await adminA.put(`/api/platforms/${A}/fields`, { fieldIds: [kept.id] })).statusCode).toBe(200);
    await root.post(`/api/fields/${kept.id}/retire`);
    await root.post(`/api/fields/${other.id}/retire`);
    const again = await adminA.put(`/api/platforms/${A}/fields`, { fieldIds: [kept.id] });
    expect(again.statusCode).toBe(200);
    expect(again.json().items).toEqual([expect.objectContaining({ id: kept.id, retired: true })]);
    const refused = await adminA.put(`/api/platforms/${A}/fields`, { fieldIds: [kept.id, other.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ pointer: '/fieldIds/1', code: 'fields.retired' }),
    ]);
  });
});

describe('deleting', () => {
  it('deletes an unused field and records it in the audit log', async () => {
    const field = await buildField(t.systemCtx());
    const audits = await count('audit_log');
    expect((await root.delete(`/api/fields/${field.id}`)).statusCode).toBe(204);
    expect(
      await t.database.db
        .selectFrom('tech_fields')
        .select('id')
        .where('id', '=', field.id)
        .executeTakeFirst(),
    ).toBeUndefined();
    expect(await count('audit_log')).toBe(audits + 1);
  });

  it('refuses a field in use with 409 fields.in_use naming every kind of use, and deletes nothing', async () => {
    const ctx = t.systemCtx();
    const top = await buildField(ctx);
    await buildField(ctx, { parentId: top.id });
    const unit = await buildUnit(ctx, { platformId: A });
    const member = await buildMember(ctx, A, { personId: (await buildPerson(ctx)).id });
    await adminA.put(`/api/platforms/${A}/fields`, { fieldIds: [top.id] });
    await adminA.put(`/api/units/${unit.id}/fields`, { fieldIds: [top.id] });
    await root.patch(`/api/committee/${member.id}`, { fieldCodes: [top.code] });
    const before = await count('tech_fields');
    const res = await root.delete(`/api/fields/${top.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'fields.in_use' });
    expect(res.json().references).toEqual([
      { usedBy: 'subfields', count: 1 },
      { usedBy: 'platforms', count: 1 },
      { usedBy: 'units', count: 1 },
      { usedBy: 'committee_members', count: 1 },
    ]);
    expect(await count('tech_fields')).toBe(before);
  });

  it('refuses a field only an expert profile uses with 409 (was a 500 from the foreign key)', async () => {
    const ctx = t.systemCtx();
    const field = await buildField(ctx);
    const expert = await buildExpert(ctx, { category: 'academic', expertise: 'metrology' });
    await t.database.db
      .insertInto('expert_fields')
      .values({ expert_id: expert.id, field_id: field.id })
      .execute();
    const res = await root.delete(`/api/fields/${field.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'fields.in_use',
      references: [{ usedBy: 'experts', count: 1 }],
    });
    expect(
      await t.database.db
        .selectFrom('tech_fields')
        .select('id')
        .where('id', '=', field.id)
        .executeTakeFirst(),
    ).toBeDefined();
  });
});

describe('references from other records', () => {
  it('names every unknown id and code by its pointer and writes nothing', async () => {
    const known = await buildField(t.systemCtx());
    const before = await count('platform_fields');
    const res = await adminA.put(`/api/platforms/${A}/fields`, {
      fieldIds: [known.id, crypto.randomUUID()],
      fieldCodes: [known.code, 'no-such-code'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code])).toEqual([
      ['/fieldIds/1', 'fields.unknown'],
      ['/fieldCodes/1', 'fields.unknown'],
    ]);
    expect(await count('platform_fields')).toBe(before);
  });
});
