import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit-chain.js';
import { isoNow, newId } from '../../http/context.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildOrg, validCreditCode } from './orgs.fixtures.js';

let t: TestApp;
let officer: Client;
let researcher: Client;
let platformId: string;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  platformId = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId });
  await buildUser(ctx, { username: 'researcher', roles: ['researcher'], platformId });
  officer = await signIn(t.app, 'officer');
  researcher = await signIn(t.app, 'researcher');
});
afterAll(() => t.close());

/** A person working at the organisation and sitting on the committee for it (rows of the people module). */
async function personAt(organisationId: string) {
  const now = isoNow(t.clock);
  const person = {
    id: newId(),
    name_zh: `人员${newId().slice(-6)}`,
    name_en: null,
    title: null,
    email: null,
    phone: null,
    organisation_id: organisationId,
    user_id: null,
    created_at: now,
    updated_at: now,
  };
  await t.database.db.insertInto('people').values(person).execute();
  const member = {
    id: newId(),
    platform_id: platformId,
    person_id: person.id,
    category: 'industry',
    organisation_id: organisationId,
    term_start: '2026-01-01',
    term_end: null,
    appointed_by: null,
    created_at: now,
    updated_at: now,
  };
  await t.database.db.insertInto('committee_members').values(member).execute();
  return { personId: person.id, memberId: member.id };
}

const orgRow = (id: string) =>
  t.database.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('finding duplicates', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    const ctx = t.systemCtx();
    const make = async (nameZh: string, extra: Parameters<typeof buildOrg>[1] = {}) =>
      (await buildOrg(ctx, { nameZh, ...extra })).id;
    ids = {
      zkLtd: await make('北京中科新材料有限公司'),
      zkShares: await make('北京中科新材料股份有限公司'),
      acme: await make('Acme Co., Ltd.', { country: 'US' }),
      acme2: await make('ACME Co Ltd', { country: 'US' }),
      nanoA: await make('苏州纳米技术与纳米仿生研究所', { type: 'institute', enterpriseSize: null }),
      nanoB: await make('苏州纳米技术和纳米仿生研究所', { type: 'institute', enterpriseSize: null }),
      regA: await make('Fraunhofer-Gesellschaft', {
        type: 'institute',
        enterpriseSize: null,
        country: 'DE',
        registryId: 'VR 4461',
      }),
      regB: await make('Fraunhofer Society', {
        type: 'institute',
        enterpriseSize: null,
        country: 'DE',
        registryId: 'vr 4461',
      }),
      enA: await make('中国某公司甲', { nameEn: 'Sino Widget Co., Ltd.' }),
      enB: await make('中国某公司乙', { nameEn: 'SINO WIDGET CO LTD' }),
      tsinghua: await make('清华大学', { type: 'university', enterpriseSize: null }),
      pku: await make('北京大学', { type: 'university', enterpriseSize: null }),
    };
  });

  const groupsOf = async () => {
    const res = await officer.get('/api/orgs/duplicates');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      threshold: number;
      groups: {
        organisations: { id: string }[];
        pairs: { a: string; b: string; reason: string; similarity: number }[];
      }[];
    };
  };
  const pairFor = (groups: Awaited<ReturnType<typeof groupsOf>>['groups'], x: string, y: string) =>
    groups.flatMap((g) => g.pairs).find((p) => [p.a, p.b].sort().join() === [x, y].sort().join());

  it('pairs names that differ only by legal form, case or punctuation, English names, registry ids and near-identical names', async () => {
    const { groups, threshold } = await groupsOf();
    expect(threshold).toBe(0.8);
    expect(pairFor(groups, ids.zkLtd!, ids.zkShares!)).toMatchObject({ reason: 'same_name', similarity: 1 });
    expect(pairFor(groups, ids.acme!, ids.acme2!)).toMatchObject({ reason: 'same_name' });
    expect(pairFor(groups, ids.enA!, ids.enB!)).toMatchObject({ reason: 'same_english_name' });
    expect(pairFor(groups, ids.regA!, ids.regB!)).toMatchObject({ reason: 'same_registry_id' });
    const nano = pairFor(groups, ids.nanoA!, ids.nanoB!);
    expect(nano?.reason).toBe('similar_name');
    expect(nano?.similarity).toBeGreaterThanOrEqual(0.8);
    expect(nano?.similarity).toBeLessThan(1);
    expect(pairFor(groups, ids.tsinghua!, ids.pku!)).toBeUndefined();
    // Each group holds exactly the organisations of its pairs.
    for (const g of groups) {
      expect(g.organisations.map((o) => o.id).sort()).toEqual(
        [...new Set(g.pairs.flatMap((p) => [p.a, p.b]))].sort(),
      );
    }
  });

  it('leaves merged organisations out and is for registry keepers only', async () => {
    const res = await officer.post(`/api/orgs/${ids.acme2}/merge`, {
      intoId: ids.acme,
      reason: 'same company',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(pairFor((await groupsOf()).groups, ids.acme!, ids.acme2!)).toBeUndefined();
    expect((await researcher.get('/api/orgs/duplicates')).statusCode).toBe(403);
  });
});

describe('merging', () => {
  it('moves every reference, fills the empty fields, keeps the duplicate as a redirect and audits it, in one go', async () => {
    const ctx = t.systemCtx();
    const code = validCreditCode();
    const survivor = await buildOrg(ctx, { nameZh: '合并存续公司', address: '存续地址' });
    const dup = await buildOrg(ctx, {
      nameZh: '合并重复公司',
      nameEn: 'Merge Dup Co.',
      creditCode: code,
      address: '重复地址',
      contactName: '赵六',
      website: 'https://dup.example.cn',
      enterpriseSize: 'large',
    });
    const earlier = await buildOrg(ctx, { nameZh: '更早合并的公司' });
    expect(
      (await officer.post(`/api/orgs/${earlier.id}/merge`, { intoId: dup.id, reason: 'first merge' }))
        .statusCode,
    ).toBe(200);
    const refs = [await personAt(dup.id), await personAt(dup.id)];

    const res = await officer.post(`/api/orgs/${dup.id}/merge`, {
      intoId: survivor.id,
      reason: '同一法人, 重复登记',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      moved: {
        'people.organisation_id': 2,
        'committee_members.organisation_id': 2,
        'organisations.merged_into_id': 1,
      },
      survivor: {
        id: survivor.id,
        creditCode: code,
        nameEn: 'Merge Dup Co.',
        address: '存续地址',
        contactName: '赵六',
        enterpriseSize: 'sme',
      },
      merged: { id: dup.id, mergedIntoId: survivor.id, creditCode: null },
    });
    expect(res.json().filled.sort()).toEqual(['contact_name', 'credit_code', 'name_en', 'website']);

    for (const r of refs) {
      expect(
        (
          await t.database.db
            .selectFrom('people')
            .select('organisation_id')
            .where('id', '=', r.personId)
            .executeTakeFirstOrThrow()
        ).organisation_id,
      ).toBe(survivor.id);
      expect(
        (
          await t.database.db
            .selectFrom('committee_members')
            .select('organisation_id')
            .where('id', '=', r.memberId)
            .executeTakeFirstOrThrow()
        ).organisation_id,
      ).toBe(survivor.id);
    }
    expect((await orgRow(earlier.id)).merged_into_id).toBe(survivor.id);

    const detail = (await researcher.get(`/api/orgs/${dup.id}`)).json();
    expect(detail).toMatchObject({
      mergedIntoId: survivor.id,
      mergedInto: { id: survivor.id, nameZh: '合并存续公司' },
    });
    const survivorDetail = (await officer.get(`/api/orgs/${survivor.id}`)).json();
    expect(survivorDetail.references).toMatchObject({
      'people.organisation_id': 2,
      'committee_members.organisation_id': 2,
    });

    const q = `q=${encodeURIComponent('合并')}`;
    const listed = (await researcher.get(`/api/orgs?${q}`)).json().items.map((o: { id: string }) => o.id);
    expect(listed).toContain(survivor.id);
    expect(listed).not.toContain(dup.id);
    expect(
      (await researcher.get(`/api/orgs?${q}&includeMerged=true`))
        .json()
        .items.map((o: { id: string }) => o.id),
    ).toContain(dup.id);

    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'organisation.merged')
      .where('entity_id', '=', dup.id)
      .executeTakeFirstOrThrow();
    expect(entry.reason).toBe('同一法人, 重复登记');
    expect(JSON.parse(entry.before_json!)).toMatchObject({
      merged: { creditCode: code, mergedIntoId: null },
      survivor: { creditCode: null },
    });
    expect(JSON.parse(entry.after_json!)).toMatchObject({
      merged: { mergedIntoId: survivor.id },
      survivor: { creditCode: code },
    });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);

    // The duplicate is frozen now.
    expect((await officer.patch(`/api/orgs/${dup.id}`, { nameZh: '改名' })).json()).toMatchObject({
      code: 'orgs.merged',
      mergedIntoId: survivor.id,
    });
    expect(
      (await officer.post(`/api/orgs/${dup.id}/merge`, { intoId: earlier.id, reason: 'x' })).json().code,
    ).toBe('orgs.merged');
    const other = await buildOrg(ctx);
    const intoMerged = await officer.post(`/api/orgs/${other.id}/merge`, { intoId: dup.id, reason: 'x' });
    expect(intoMerged.statusCode).toBe(409);
    expect(intoMerged.json()).toMatchObject({ code: 'orgs.merge_target_merged', mergedIntoId: survivor.id });
  });

  it('refuses to merge two different legal entities (two credit codes) and changes nothing', async () => {
    const ctx = t.systemCtx();
    const a = await buildOrg(ctx, { creditCode: validCreditCode() });
    const b = await buildOrg(ctx, { creditCode: validCreditCode() });
    const { personId } = await personAt(a.id);
    const auditBefore = (await t.database.db.selectFrom('audit_log').select('seq').execute()).length;
    const res = await officer.post(`/api/orgs/${a.id}/merge`, { intoId: b.id, reason: 'looks the same' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('orgs.merge_conflicting_credit_codes');
    expect((await orgRow(a.id)).merged_into_id).toBeNull();
    expect(
      (
        await t.database.db
          .selectFrom('people')
          .select('organisation_id')
          .where('id', '=', personId)
          .executeTakeFirstOrThrow()
      ).organisation_id,
    ).toBe(a.id);
    expect((await t.database.db.selectFrom('audit_log').select('seq').execute()).length).toBe(auditBefore);
  });

  it('refuses a merge into itself or into an unknown organisation (400 at /intoId), an unknown one (404), and non-keepers (403)', async () => {
    const a = await buildOrg(t.systemCtx());
    const self = await officer.post(`/api/orgs/${a.id}/merge`, { intoId: a.id, reason: 'x' });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors).toEqual([
      expect.objectContaining({ pointer: '/intoId', code: 'orgs.merge_into_self' }),
    ]);
    const unknownTarget = await officer.post(`/api/orgs/${a.id}/merge`, { intoId: newId(), reason: 'x' });
    expect(unknownTarget.statusCode).toBe(400);
    expect(unknownTarget.json().errors).toEqual([
      expect.objectContaining({ pointer: '/intoId', code: 'orgs.not_found' }),
    ]);
    expect((await officer.post(`/api/orgs/${newId()}/merge`, { intoId: a.id, reason: 'x' })).statusCode).toBe(
      404,
    );
    const b = await buildOrg(t.systemCtx());
    expect((await researcher.post(`/api/orgs/${a.id}/merge`, { intoId: b.id, reason: 'x' })).statusCode).toBe(
      403,
    );
    const noReason = await officer.post(`/api/orgs/${a.id}/merge`, { intoId: b.id, reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ pointer: '/reason' })]);
    expect((await orgRow(a.id)).merged_into_id).toBeNull();
  });
});
