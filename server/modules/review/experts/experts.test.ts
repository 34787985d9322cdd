import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../../test/bad-input.js';
import { buildPlatform, buildUser } from '../../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../../test/harness.js';
import { buildField, buildOrganisation, buildPerson } from '../../../test/platform-factories.js';

let t: TestApp;
const as: Record<string, Client> = {};
let parent: string;
let child: string;
let other: string;
let org: string;
let expertUserId: string;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  const A = (await buildPlatform(ctx)).id;
  const B = (await buildPlatform(ctx)).id;
  const users: [string, Parameters<typeof buildUser>[1]][] = [
    ['root', { systemAdmin: true }],
    ['officer', { roles: ['program_officer'], platformId: A }],
    ['badmin', { roles: ['platform_admin'], platformId: B }],
    ['researcher', { roles: ['researcher'], platformId: A }],
    ['expert', { roles: ['expert'], platformId: A }],
  ];
  for (const [username, opts] of users) {
    const u = await buildUser(ctx, { username, ...opts });
    if (username === 'expert') expertUserId = u.id;
    as[username] = await signIn(t.app, username);
  }
  parent = (await buildField(ctx, { code: 'xmfg' })).id;
  child = (await buildField(ctx, { code: 'xmfg.print', parentId: parent })).id;
  other = (await buildField(ctx, { code: 'xbio' })).id;
  org = (await buildOrganisation(ctx, { nameZh: '专家测试大学' })).id;
});
afterAll(() => t.close());

const profile = (o: Record<string, unknown> = {}) => ({
  category: 'academic',
  fieldIds: [child],
  expertiseZh: '激光增材制造过程监测',
  expertiseEn: 'Process monitoring of laser additive manufacturing',
  loadMax: 5,
  outputs: [
    {
      kind: 'publication',
      title: 'Melt pool thermography',
      abstract: 'In-situ monitoring.',
      year: 2024,
      collaborators: [{ name: 'Co Author', organisationId: org }],
    },
  ],
  declaredConflicts: [{ organisationId: org, reason: '兼职' }],
  availability: [{ startsOn: '2026-01-01', endsOn: '2026-12-31', note: '全年' }],
  ...o,
});

describe('curating experts', () => {
  it('creates an expert with a new person (program officers too) and from an existing person', async () => {
    const res = await as.officer!.post(
      '/api/experts',
      profile({ person: { nameZh: '钱学者', nameEn: 'Qian Scholar', organisationId: org } }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      person: { nameZh: '钱学者' },
      organisation: { id: org },
      category: 'academic',
      fields: [{ code: 'xmfg.print' }],
      outputs: [
        {
          title: 'Melt pool thermography',
          collaborators: [{ name: 'Co Author', organisation: { id: org } }],
        },
      ],
      declaredConflicts: [{ organisation: { id: org }, reason: '兼职' }],
      availability: [{ startsOn: '2026-01-01', endsOn: '2026-12-31' }],
      active: true,
    });
    const person = (await buildPerson(t.systemCtx(), { nameZh: '孙产业' })).id;
    const second = await as.root!.post(
      '/api/experts',
      profile({ personId: person, category: 'industry', expertiseZh: null, fieldIds: [other] }),
    );
    expect(second.statusCode, second.body).toBe(201);
    const again = await as.root!.post('/api/experts', profile({ personId: person }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'experts.already_expert',
      errors: [{ pointer: '/personId' }],
    });
  });

  it('links the new person to a user account when asked, once', async () => {
    const user = (await buildUser(t.systemCtx(), { username: 'linked-expert' })).id;
    const body = profile({ person: { nameZh: '郑账户', userId: user } });
    const res = await as.root!.post('/api/experts', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().hasAccount).toBe(true);
    const twice = await as.root!.post(
      '/api/experts',
      profile({ person: { nameZh: '郑重复', userId: user } }),
    );
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0].pointer).toBe('/person/userId');
    // Not counted in the listings below.
    await t.database.db.deleteFrom('experts').where('id', '=', res.json().id).execute();
  });

  it('lists with filters, a field matching its sub-fields, text over names and expertise, and counts', async () => {
    const all = (await as.badmin!.get('/api/experts')).json();
    expect(all.total).toBe(2);
    expect(all.counts).toEqual({ byCategory: { academic: 1, industry: 1, lab: 0 }, active: 2, inactive: 0 });
    const byField = (await as.officer!.get(`/api/experts?fieldId=${parent}`)).json();
    expect(byField.items.map((e: { person: { nameZh: string } }) => e.person.nameZh)).toEqual(['钱学者']);
    expect((await as.officer!.get('/api/experts?q=THERMO')).json().total).toBe(0);
    expect((await as.officer!.get('/api/experts?q=LASER')).json().total).toBe(2);
    expect((await as.officer!.get('/api/experts?q=激光')).json().total).toBe(1);
    expect((await as.officer!.get('/api/experts?q=孙产')).json().total).toBe(1);
    const industry = (await as.officer!.get('/api/experts?category=industry')).json();
    expect(industry.total).toBe(1);
    expect(industry.counts.byCategory).toEqual({ academic: 1, industry: 1, lab: 0 });
    expect((await as.officer!.get(`/api/experts?organisationId=${org}`)).json().total).toBe(1);
  });

  it('replaces the whole profile in one transaction, and refuses bad input with field paths, writing nothing', async () => {
    const id = (await as.officer!.get('/api/experts?category=academic')).json().items[0].id;
    const ok = await as.officer!.put(
      `/api/experts/${id}`,
      profile({ active: false, notes: '暂停', outputs: [], availability: [], fieldIds: [parent, other] }),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ active: false, notes: '暂停', outputs: [], availability: [] });
    expect(ok.json().fields).toHaveLength(2);
    expect((await as.officer!.get('/api/experts?active=false')).json().total).toBe(1);

    const before = await snapshotTables(t.database);
    const bad = [
      [
        profile({ availability: [{ startsOn: '2026-05-01', endsOn: '2026-04-01' }] }),
        '/availability/0/endsOn',
      ],
      [profile({ fieldIds: [child, '0190a000-0000-7000-8000-000000000000'] }), '/fieldIds/1'],
      [profile({ fieldIds: [child, child] }), '/fieldIds/1'],
      [profile({ declaredConflicts: [{ reason: 'x' }] }), '/declaredConflicts/0/organisationId'],
      [
        profile({
          outputs: [
            {
              kind: 'patent',
              title: 'P',
              collaborators: [{ name: 'N', personId: '0190a000-0000-7000-8000-000000000001' }],
            },
          ],
        }),
        '/outputs/0/collaborators/0/personId',
      ],
      [profile({ category: 'government' }), '/category'],
      [profile({ loadMax: -1 }), '/loadMax'],
    ] as const;
    for (const [body, pointer] of bad) {
      const res = await as.officer!.put(`/api/experts/${id}`, body);
      expect(res.statusCode, pointer).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(
        res.json().errors.map((e: { pointer: string }) => e.pointer),
        res.body,
      ).toContain(pointer);
    }
    expect(await snapshotTables(t.database)).toEqual(before);
  });

  it('is for curators only: the public 401, anyone else 403', async () => {
    expect((await anonymous(t.app).get('/api/experts')).statusCode).toBe(401);
    for (const who of ['researcher', 'expert']) {
      expect((await as[who]!.get('/api/experts')).statusCode, who).toBe(403);
      expect((await as[who]!.post('/api/experts', profile({ person: { nameZh: '某' } }))).statusCode).toBe(
        403,
      );
      expect((await as[who]!.get('/api/exports/experts.csv')).statusCode).toBe(403);
    }
  });
});

describe('my expert profile', () => {
  it('is 404 until a curator creates it; then the expert edits all but category, active and notes', async () => {
    expect((await as.expert!.get('/api/experts/me')).json()).toMatchObject({ code: 'experts.no_profile' });
    const person = (await buildPerson(t.systemCtx(), { nameZh: '吴专家', userId: expertUserId })).id;
    const created = await as.officer!.post('/api/experts', profile({ personId: person, notes: '内部备注' }));
    expect(created.statusCode, created.body).toBe(201);
    const mine = (await as.expert!.get('/api/experts/me')).json();
    expect(mine).toMatchObject({ id: created.json().id, notes: null, hasAccount: true });

    const put = await as.expert!.put('/api/experts/me', {
      expertiseEn: 'Now only in English',
      loadMax: 3,
      fieldIds: [other],
      outputs: [{ kind: 'patent', title: '一种熔池测温装置', year: 2025 }],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      expertiseZh: null,
      expertiseEn: 'Now only in English',
      loadMax: 3,
      category: 'academic',
      outputs: [{ kind: 'patent' }],
      declaredConflicts: [],
    });
    const refused = await as.expert!.put('/api/experts/me', { category: 'industry', loadMax: 3 });
    expect(refused.statusCode).toBe(400);
    const curated = (await as.officer!.get(`/api/experts/${mine.id}`)).json();
    expect(curated).toMatchObject({ category: 'academic', notes: '内部备注', loadMax: 3 });
    expect((await as.researcher!.get('/api/experts/me')).statusCode).toBe(404);
    expect((await as.researcher!.get(`/api/experts/${mine.id}`)).statusCode).toBe(403);
  });
});
