import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, TEST_PASSWORD, type TestApp } from '../../test/harness.js';
import { buildPerson } from '../../test/platform-factories.js';
import { buildExtramuralProject } from '../projects/projects.fixtures.js';
import { buildExpert } from '../review/runs/runs.fixtures.js';
import { createUser } from '../users/users.service.js';
import { buildOrg } from './orgs.fixtures.js';
import { keepingPlatformsOf } from './orgs.keeping.repository.js';

/**
 * The keeping-platform rule (ADR 0013): an organisation is edited and merged by the registry keepers of
 * every platform whose records use it, or by system admins; an ATP-only admin cannot take over an
 * organisation only NIST's records use, not even by putting it on an ATP record.
 */
let t: TestApp;
let nist: string;
let atp: string;
let nistAdmin: Client;
let atpAdmin: Client;
let atpOfficer: Client;
let bothAdmin: Client;
let root: Client;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  nist = (await buildPlatform(ctx)).id;
  atp = (await buildPlatform(ctx)).id;
  const user = async (username: string, o: Parameters<typeof buildUser>[1]) => {
    await buildUser(ctx, { username, ...o });
    return signIn(t.app, username);
  };
  nistAdmin = await user('nist-admin', { roles: ['platform_admin'], platformId: nist });
  atpAdmin = await user('atp-admin', { roles: ['platform_admin'], platformId: atp });
  atpOfficer = await user('atp-officer', { roles: ['program_officer'], platformId: atp });
  await createUser(ctx, {
    username: 'both-admin',
    displayName: 'both-admin',
    password: TEST_PASSWORD,
    isSystemAdmin: false,
    isSecurityAdmin: false,
    isAuditAdmin: false,
    roles: [
      { platformId: nist, role: 'platform_admin' },
      { platformId: atp, role: 'platform_admin' },
    ],
  });
  bothAdmin = await signIn(t.app, 'both-admin');
  root = await user('root', { systemAdmin: true });
});
afterAll(() => t.close());

/** Seats a person of the organisation on the platform's committee, as that platform's admin does. */
async function seat(by: Client, platformId: string, organisationId: string) {
  const person = await buildPerson(t.systemCtx(), { organisationId });
  const res = await by.post(`/api/platforms/${platformId}/committee`, {
    personId: person.id,
    category: 'industry',
    termStart: '2026-01-01',
  });
  expect(res.statusCode, res.body).toBe(201);
}

const rename = (c: Client, id: string, nameZh: string) => c.patch(`/api/orgs/${id}`, { nameZh });
const nameOf = async (id: string) =>
  (
    await t.database.db
      .selectFrom('organisations')
      .select('name_zh')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).name_zh;

describe('who keeps an organisation', () => {
  it("refuses an ATP-only admin or officer an organisation only NIST's records use, edit and merge alike", async () => {
    const org = await buildOrg(t.systemCtx(), { nameZh: '国家计量协作单位' });
    const spare = await buildOrg(t.systemCtx(), { nameZh: '待合并的空白机构' });
    await seat(nistAdmin, nist, org.id);
    for (const c of [atpAdmin, atpOfficer]) {
      const edit = await rename(c, org.id, '被他人改名');
      expect(edit.statusCode).toBe(403);
      expect(edit.json().code).toBe('orgs.keepers_only');
      // Neither as the duplicate nor as the survivor: a merge moves references to the survivor.
      for (const [from, into] of [
        [org.id, spare.id],
        [spare.id, org.id],
      ]) {
        const merge = await c.post(`/api/orgs/${from}/merge`, { intoId: into, reason: '重复' });
        expect(merge.statusCode).toBe(403);
        expect(merge.json().code).toBe('orgs.keepers_only');
      }
      expect((await c.get(`/api/orgs/${org.id}`)).json().canManage).toBe(false);
    }
    expect(await nameOf(org.id)).toBe('国家计量协作单位');
    expect(
      (
        await t.database.db
          .selectFrom('organisations')
          .select('merged_into_id')
          .where('id', '=', spare.id)
          .executeTakeFirstOrThrow()
      ).merged_into_id,
    ).toBeNull();
    expect((await nistAdmin.get(`/api/orgs/${org.id}`)).json().canManage).toBe(true);
    const own = await rename(nistAdmin, org.id, '国家计量协作单位（更名）');
    expect(own.statusCode, own.body).toBe(200);
    // The unreferenced one is a draft any registry keeper completes.
    expect((await rename(atpOfficer, spare.id, '空白机构（补全）')).statusCode).toBe(200);
  });

  it('does not hand over control when ATP puts the organisation on its own record: it becomes shared', async () => {
    const org = await buildOrg(t.systemCtx(), { nameZh: '共同使用的研究所' });
    await seat(nistAdmin, nist, org.id);
    await seat(atpAdmin, atp, org.id);
    for (const c of [atpAdmin, nistAdmin]) {
      const edit = await rename(c, org.id, '接管');
      expect(edit.statusCode).toBe(403);
      expect(edit.json().code).toBe('orgs.keepers_only');
    }
    expect(await nameOf(org.id)).toBe('共同使用的研究所');
    // Keepers of both platforms, and system admins, still may.
    expect((await rename(bothAdmin, org.id, '共同使用的研究所（一）')).statusCode).toBe(200);
    expect((await rename(root, org.id, '共同使用的研究所（二）')).statusCode).toBe(200);
    const spare = await buildOrg(t.systemCtx(), { nameZh: '共同使用的研究所 重复' });
    const merged = await bothAdmin.post(`/api/orgs/${spare.id}/merge`, { intoId: org.id, reason: '重复' });
    expect(merged.statusCode, merged.body).toBe(200);
  });

  it("keeps an organisation only the expert database uses for system admins (an expert's declared conflict)", async () => {
    const org = await buildOrg(t.systemCtx(), { nameZh: '专家申报回避单位' });
    const expert = await buildExpert(t.systemCtx(), { category: 'industry', expertise: 'metrology' });
    await t.database.db
      .insertInto('expert_declared_conflicts')
      .values({
        id: crypto.randomUUID(),
        expert_id: expert.id,
        organisation_id: org.id,
        person_id: null,
        reason: '曾任职',
        declared_at: new Date().toISOString(),
      })
      .execute();
    for (const c of [atpAdmin, nistAdmin]) expect((await rename(c, org.id, '改')).statusCode).toBe(403);
    expect((await rename(root, org.id, '专家申报回避单位（更正）')).statusCode).toBe(200);
  });

  it('reads each owner: a project names its lead; a person on no platform and an unused organisation keep nothing', async () => {
    const ctx = t.systemCtx();
    const project = await buildExtramuralProject(ctx, atp);
    expect(await keepingPlatformsOf(t.database.db, project.leadOrgId!)).toEqual({
      platformIds: [atp],
      referred: true,
    });
    const draft = await buildOrg(ctx, { nameZh: '只有草稿人员的机构' });
    await buildPerson(ctx, { organisationId: draft.id });
    expect(await keepingPlatformsOf(t.database.db, draft.id)).toEqual({ platformIds: [], referred: false });
  });

  it("keeps a project's consortium partner on the project's platform: another platform's admin cannot rename it", async () => {
    const project = await buildExtramuralProject(t.systemCtx(), atp);
    const partner = (
      await t.database.db
        .selectFrom('project_members')
        .select('organisation_id')
        .where('project_id', '=', project.id)
        .where('position', '=', 1)
        .executeTakeFirstOrThrow()
    ).organisation_id;
    expect(await keepingPlatformsOf(t.database.db, partner)).toEqual({ platformIds: [atp], referred: true });
    expect((await rename(nistAdmin, partner, '他人项目的参与单位')).statusCode).toBe(403);
    expect(await nameOf(partner)).not.toBe('他人项目的参与单位');
    expect((await rename(atpAdmin, partner, '本平台项目的参与单位')).statusCode).toBe(200);
  });

  it('gives each listed and duplicate organisation canEdit by the rule the write checks, so the web offers only allowed tools', async () => {
    const nistOnly = await buildOrg(t.systemCtx(), { nameZh: '列表权限甲研究院' });
    const shared = await buildOrg(t.systemCtx(), { nameZh: '列表权限乙研究院' });
    const draft = await buildOrg(t.systemCtx(), { nameZh: '列表权限丙研究院' });
    await seat(nistAdmin, nist, nistOnly.id);
    await seat(nistAdmin, nist, shared.id);
    await seat(atpAdmin, atp, shared.id);
    const expected = new Map([
      [atpAdmin, [false, false, true]],
      [nistAdmin, [true, false, true]],
      [bothAdmin, [true, true, true]],
      [root, [true, true, true]],
    ]);
    const ids = [nistOnly.id, shared.id, draft.id];
    for (const [c, want] of expected) {
      const list = await c.get('/api/orgs?q=列表权限&limit=50');
      expect(list.statusCode, list.body).toBe(200);
      const byId = new Map(
        (list.json().items as { id: string; canEdit: boolean }[]).map((o) => [o.id, o.canEdit]),
      );
      expect(ids.map((id) => byId.get(id))).toEqual(want);
      // The write answers as the flag said (a harmless change of the website).
      for (const [i, id] of ids.entries()) {
        const res = await c.patch(`/api/orgs/${id}`, { website: 'https://example.org' });
        expect(res.statusCode, res.body).toBe(want[i] ? 200 : 403);
      }
    }

    // The duplicates page: the NIST one is not the ATP admin's to merge, its twin (a draft) is.
    const twin = await buildOrg(t.systemCtx(), { nameZh: '列表权限甲研究院' });
    for (const [c, want] of [
      [atpAdmin, [false, true]],
      [nistAdmin, [true, true]],
    ] as const) {
      const dups = await c.get('/api/orgs/duplicates');
      expect(dups.statusCode, dups.body).toBe(200);
      const group = (dups.json().groups as { organisations: { id: string; canEdit: boolean }[] }[]).find(
        (g) => g.organisations.some((o) => o.id === twin.id),
      )!;
      const flags = new Map(group.organisations.map((o) => [o.id, o.canEdit]));
      expect([flags.get(nistOnly.id), flags.get(twin.id)]).toEqual(want);
    }
  });
});
