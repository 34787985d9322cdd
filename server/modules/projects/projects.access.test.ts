import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildPerson, buildUnit } from '../../test/platform-factories.js';
import { buildExtramuralProject } from './projects.fixtures.js';
import type { ProjectRecord } from './projects.repository.js';
import { registerIntramuralProject } from './projects.service.js';

/**
 * Issue 13: leads and members see their own projects only (their person or organisation on the
 * consortium), through the list, its count and its search; officers, admins and supervisors read all of
 * their platform; a lab director reads the projects of the unit they direct.
 */
let t: TestApp;
let A: string;
let own: ProjectRecord;
let partnerOwn: ProjectRecord;
let other: ProjectRecord;
let intramural: string;
const c: Record<string, Client> = {};

const codes = async (client: Client, query = '') => {
  const res = await client.get(`/api/platforms/${A}/projects?pageSize=100${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { items: { code: string }[]; total: number };
  return { codes: body.items.map((i) => i.code).sort(), total: body.total };
};

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  const B = (await buildPlatform(ctx)).id;
  for (const [username, role] of [
    ['officer', 'program_officer'],
    ['admin', 'platform_admin'],
    ['supervisor', 'supervisor'],
    ['lead', 'applicant'],
    ['partner', 'researcher'],
    ['outsider', 'researcher'],
    ['director', 'lab_director'],
  ] as const)
    await buildUser(ctx, { username, roles: [role], platformId: A });
  await buildUser(ctx, { username: 'adminB', roles: ['platform_admin'], platformId: B });
  const userId = async (username: string) =>
    (await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
      .id;
  // The lead signs through its contact person; the partner is on the consortium through its organisation.
  const leadPerson = await buildPerson(ctx, { userId: await userId('lead') });
  own = await buildExtramuralProject(ctx, A, { leadContactPersonId: leadPerson.id });
  other = await buildExtramuralProject(ctx, A);
  partnerOwn = await buildExtramuralProject(ctx, A);
  const partnerOrg = (
    await ctx.db
      .selectFrom('project_members')
      .select('organisation_id')
      .where('project_id', '=', partnerOwn.id)
      .where('position', '=', 1)
      .executeTakeFirstOrThrow()
  ).organisation_id;
  await buildPerson(ctx, { userId: await userId('partner'), organisationId: partnerOrg });
  await buildPerson(ctx, { userId: await userId('outsider') });
  const unit = (
    await buildUnit(ctx, {
      platformId: A,
      directorPersonId: (await buildPerson(ctx, { userId: await userId('director') })).id,
    })
  ).id;
  intramural = (
    await registerIntramuralProject(ctx, A, {
      unitId: unit,
      code: 'IN-1',
      titleZh: '院内项目',
      titleEn: 'Intramural project',
      budgetMinor: 1000,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    })
  ).id;
  for (const u of ['officer', 'admin', 'supervisor', 'lead', 'partner', 'outsider', 'director', 'adminB'])
    c[u] = await signIn(t.app, u);
});
afterAll(() => t.close());

describe('who reads which projects', () => {
  it('officers, admins and supervisors list every project of their platform', async () => {
    const all = [own.code, other.code, partnerOwn.code, 'IN-1'].sort();
    for (const u of ['officer', 'admin', 'supervisor'])
      expect(await codes(c[u]!), u).toEqual({ codes: all, total: 4 });
  });

  it('a lead and a member see only their own projects, in the page, the count and the search', async () => {
    expect(await codes(c.lead!)).toEqual({ codes: [own.code], total: 1 });
    expect(await codes(c.partner!)).toEqual({ codes: [partnerOwn.code], total: 1 });
    expect(await codes(c.outsider!)).toEqual({ codes: [], total: 0 });
    // Searching for another's project by its code finds nothing, and its state filter counts nothing.
    expect(await codes(c.lead!, `&q=${other.code}`)).toEqual({ codes: [], total: 0 });
    expect(await codes(c.lead!, '&state=approved')).toEqual({ codes: [own.code], total: 1 });
  });

  it('a lab director lists the projects of the unit they direct', async () => {
    expect(await codes(c.director!)).toEqual({ codes: ['IN-1'], total: 1 });
  });

  it("reads its own project and is told another's does not exist (also its 任务书)", async () => {
    expect((await c.lead!.get(`/api/projects/${own.id}`)).statusCode).toBe(200);
    expect((await c.partner!.get(`/api/projects/${partnerOwn.id}`)).statusCode).toBe(200);
    for (const [u, id] of [
      ['lead', other.id],
      ['partner', own.id],
      ['outsider', own.id],
      ['director', own.id],
      ['lead', intramural],
      ['adminB', own.id],
    ] as const) {
      const res = await c[u]!.get(`/api/projects/${id}`);
      expect(res.statusCode, `${u}`).toBe(404);
      expect(res.json().code).toBe('projects.not_found');
      expect((await c[u]!.get(`/api/projects/${id}/agreement`)).statusCode, `${u} agreement`).toBe(404);
    }
    for (const u of ['officer', 'supervisor', 'admin'])
      expect((await c[u]!.get(`/api/projects/${other.id}`)).statusCode, u).toBe(200);
    expect((await c.director!.get(`/api/projects/${intramural}`)).statusCode).toBe(200);
  });

  it('a member reads but does not move its project', async () => {
    const res = await c.lead!.post(`/api/projects/${own.id}/transitions`, { action: 'start_contracting' });
    expect(res.statusCode).toBe(403);
    expect((await c.lead!.get(`/api/projects/${own.id}`)).json().actions).toEqual([]);
  });
});
