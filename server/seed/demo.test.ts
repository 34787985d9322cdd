import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../db/audit-chain.js';
import { TABLES_IN_DEPENDENCY_ORDER } from '../db/schema.js';
import { anonymous, setupTestApp, signIn, type TestApp } from '../test/harness.js';
import { seedDemo } from './demo.js';
import { EXPERT_PLATFORM_CODES, expertUsername } from './demo-expert-accounts.js';
import { DEMO_EXPERTS } from './demo-experts.data.js';
import { DEMO_FIELDS } from './demo-fields.js';
import { DEMO_PASSWORD } from './demo-users.js';

let t: TestApp;
let nist: string;

const counts = async () => {
  const out: Record<string, number> = {};
  for (const table of TABLES_IN_DEPENDENCY_ORDER) {
    out[table] = Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  }
  return out;
};

beforeAll(async () => {
  t = await setupTestApp();
  nist = (await seedDemo(t.systemCtx())).platformId;
  // The whole demo, the Chinese platform's requests and vouchers included, as the other demo tests allow.
}, 180_000);
afterAll(() => t.close());

type Comparison = {
  items: Array<{
    code: string;
    model: string;
    isIllustrative: boolean;
    notes: string | null;
    ratings: Record<string, number>;
    unitCount: number;
    fields: unknown[];
    funding: { currency: string; totalMinor: number; bySource: Array<{ source: string; share: number }> };
  }>;
};

describe('the demo data', () => {
  it('has the six fields and eleven sub-technologies, bilingual', async () => {
    const items = (await anonymous(t.app).get('/api/fields')).json().items;
    expect(items.map((f: { code: string }) => f.code)).toEqual(DEMO_FIELDS.map((f) => f.code));
    expect(items.flatMap((f: { children: unknown[] }) => f.children)).toHaveLength(11);
    expect(items.find((f: { code: string }) => f.code === 'manufacturing')).toMatchObject({
      nameZh: '先进制造技术',
      children: [{ nameZh: '3D打印' }, { nameZh: '轻金属制造' }],
    });
  });

  it('has NIST as the source document describes it, with illustrative figures marked', async () => {
    const p = (await anonymous(t.app).get(`/api/platforms/${nist}`)).json();
    expect(p).toMatchObject({
      code: 'NIST',
      model: 'gov_institute',
      ratingFunding: 3,
      ratingRd: 3,
      ratingManagement: 3,
      supervisingDepartmentZh: '美国商务部',
      committeeAppointerZh: '美国国家研究理事会',
      defaultCurrency: 'USD',
      isIllustrative: true,
    });
    expect(p.notes).toMatch(/illustrative/);
    expect(p.funding.rows.map((r: { year: number }) => r.year)).toEqual([
      2010, 2011, 2012, 2013, 2014, 2015, 2016,
    ]);
    expect(
      p.funding.rows.every(
        (r: { source: string; isIllustrative: boolean; amountMinor: number }) =>
          r.source === 'appropriation' && r.isIllustrative && r.amountMinor > 0,
      ),
    ).toBe(true);
    expect(p.units.map((u: { nameZh: string }) => u.nameZh)).toEqual([
      '信息科技实验室',
      '纳米科学与技术中心',
      '通信技术实验室',
      '工程实验室',
      '材料测量实验室',
      'NIST中子研究中心',
      '物理测量实验室',
    ]);
    expect(p.committeeComposition).toEqual({ academic: 2, lab: 2, industry: 2, total: 6 });
  });

  it('draws NIST’s organisation chart: Commerce → NIST → seven units and the committee, funded by appropriation', async () => {
    const chart = (await anonymous(t.app).get(`/api/platforms/${nist}/org-chart`)).json();
    expect(chart.tree.nameEn).toBe('U.S. Department of Commerce');
    const children = chart.tree.children[0].children as Array<{
      kind: string;
      children?: Array<{ kind: string; nameEn: string | null }>;
    }>;
    expect(children.filter((c) => c.kind === 'unit')).toHaveLength(7);
    expect(children.find((c) => c.kind === 'committee')?.children?.[0]).toMatchObject({
      kind: 'appointer',
      nameEn: 'National Research Council',
    });
    expect(chart.funding).toEqual([expect.objectContaining({ source: 'appropriation' })]);
    expect(chart.fundingYear).toBe(2016);
  });

  it('has the other platforms of the source document with their models and a funding mix that fits the model', async () => {
    const body: Comparison = (await anonymous(t.app).get('/api/platforms/comparison')).json();
    const byCode = Object.fromEntries(body.items.map((i) => [i.code, i]));
    expect(Object.fromEntries(body.items.map((i) => [i.code, i.model]))).toEqual({
      AIST: 'gov_institute',
      ATP: 'ppp_program',
      'EU-FP': 'ppp_program',
      EUREKA: 'ppp_program',
      FHG: 'ppp_program',
      'MFG-USA': 'ppp_program',
      NIST: 'gov_institute',
      SEMATECH: 'tech_alliance',
      'SD-CTSP': 'gov_institute',
      'UK-ETI': 'ppp_program',
    });
    const share = (code: string, source: string) =>
      byCode[code]!.funding.bySource.find((s) => s.source === source)!.share;
    expect(share('NIST', 'appropriation')).toBe(1);
    expect(share('SEMATECH', 'member_dues')).toBeGreaterThan(0.5);
    expect(share('FHG', 'appropriation')).toBeGreaterThan(0.2);
    expect(share('FHG', 'service_income')).toBeGreaterThan(0.2);
    for (const item of body.items) {
      expect(item, item.code).toMatchObject({
        isIllustrative: true,
        notes: expect.stringMatching(/illustrative/),
      });
      expect(item.unitCount, item.code).toBeGreaterThan(1);
      expect(item.fields.length, item.code).toBeGreaterThan(0);
      expect(item.funding.totalMinor, item.code).toBeGreaterThan(0);
    }
    expect(byCode.AIST!.funding.currency).toBe('JPY');
  });

  it('links the demo lab director to the lab they direct, so they can keep its staff', async () => {
    const director = await signIn(t.app, 'director', DEMO_PASSWORD);
    const units = (await director.get(`/api/platforms/${nist}/units`)).json().items;
    const itl = units.find((u: { code: string }) => u.code === 'ITL');
    expect(itl).toMatchObject({
      director: { nameEn: 'Chen Hao' },
      staffCount: 2,
      access: { canManageStaff: true },
    });
    expect(
      units.filter((u: { access: { canManageStaff: boolean } }) => u.access.canManageStaff),
    ).toHaveLength(1);
    const staff = (await director.get(`/api/units/${itl.id}`)).json().staff;
    expect(staff.map((s: { nameEn: string }) => s.nameEn).sort()).toEqual(['Liu Yang', 'Wang Lei']);
  });

  it('has NIST’s seven units evaluated by its committee for two periods, charted on each unit', async () => {
    const director = await signIn(t.app, 'director', DEMO_PASSWORD);
    const rounds = (await director.get(`/api/platforms/${nist}/lab-evaluations`)).json().items;
    expect(rounds.map((r: { fromYear: number; state: string }) => [r.fromYear, r.state])).toEqual([
      [2016, 'adopted'],
      [2015, 'adopted'],
    ]);
    expect(rounds[0].progress).toEqual({ submitted: 42, total: 42 });
    const units = (await director.get(`/api/platforms/${nist}/units`)).json().items;
    const itl = units.find((u: { code: string }) => u.code === 'ITL');
    const history = (await director.get(`/api/units/${itl.id}/lab-evaluations`)).json();
    expect(history.periods.map((p: { fromYear: number }) => p.fromYear)).toEqual([2015, 2016]);
    expect(history.periods[1].result.total).toBeGreaterThan(history.periods[0].result.total);
  });

  it('has about three dozen experts, the demo expert account among them, enough for the ATP call', async () => {
    const officer = await signIn(t.app, 'officer', DEMO_PASSWORD);
    const list = (await officer.get('/api/experts?limit=200')).json();
    expect(list.total).toBeGreaterThanOrEqual(36);
    expect(list.counts.byCategory.academic).toBeGreaterThanOrEqual(8);
    expect(list.counts.byCategory.industry).toBeGreaterThanOrEqual(8);
    expect(list.counts.byCategory.lab).toBeGreaterThanOrEqual(8);
    type Row = {
      expertiseZh: string | null;
      expertiseEn: string | null;
      category: string;
      fields: { code: string }[];
    };
    const items: Row[] = list.items;
    expect(items.some((e) => e.expertiseZh && !e.expertiseEn)).toBe(true);
    expect(items.some((e) => !e.expertiseZh && e.expertiseEn)).toBe(true);
    expect(items.some((e) => e.expertiseZh && e.expertiseEn)).toBe(true);
    const atpFields = ['manufacturing', 'materials.lightweight', 'manufacturing.3d_printing'];
    const atp = items.filter((e) => e.fields.some((f) => atpFields.includes(f.code)));
    expect(atp.filter((e) => e.category === 'academic').length).toBeGreaterThanOrEqual(4);
    expect(atp.filter((e) => e.category === 'industry').length).toBeGreaterThanOrEqual(4);
    const db = t.database.db;
    const n = async (
      table: 'expert_output_collaborators' | 'expert_declared_conflicts' | 'expert_availability',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await n('expert_declared_conflicts')).toBeGreaterThanOrEqual(2);
    expect(await n('expert_availability')).toBeGreaterThanOrEqual(2);
    const withOrg = await db
      .selectFrom('expert_output_collaborators')
      .innerJoin('organisations', 'organisations.id', 'expert_output_collaborators.organisation_id')
      .select('organisations.name_zh')
      .execute();
    expect(withOrg.map((c) => c.name_zh)).toContain('示例理工大学');

    const expert = await signIn(t.app, 'expert', DEMO_PASSWORD);
    const me = await expert.get('/api/experts/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ person: { nameEn: 'Wu Fang' }, category: 'academic', notes: null });
    expect(me.json().outputs.length).toBeGreaterThanOrEqual(1);
  });

  it('gives every directory expert an account to answer from: role expert on NIST and ATP, linked to their person', async () => {
    const db = t.database.db;
    const accounts = await db
      .selectFrom('experts')
      .innerJoin('people', 'people.id', 'experts.person_id')
      .leftJoin('users', 'users.id', 'people.user_id')
      .select(['people.email', 'users.username'])
      .where(
        'people.email',
        'in',
        DEMO_EXPERTS.map((e) => e.email),
      )
      .execute();
    expect(accounts).toHaveLength(DEMO_EXPERTS.length);
    const expected = DEMO_EXPERTS.map((e) => [e.email, e.user ?? expertUsername(e.email)]).sort();
    expect(accounts.map((a) => [a.email, a.username]).sort()).toEqual(expected);
    const roles = await db
      .selectFrom('role_assignments')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
      .innerJoin('platforms', 'platforms.id', 'role_assignments.platform_id')
      .select(['users.username', 'platforms.code', 'role_assignments.role'])
      .where(
        'users.username',
        'in',
        expected.map(([, u]) => u!),
      )
      .where('users.username', '<>', 'expert')
      .execute();
    for (const [, username] of expected.filter(([, u]) => u !== 'expert'))
      expect(
        roles
          .filter((r) => r.username === username)
          .map((r) => `${r.code}:${r.role}`)
          .sort(),
      ).toEqual(EXPERT_PLATFORM_CODES.map((c) => `${c}:expert`).sort());
    // One of them signs in with the demo password and reaches their invitations and scorecards.
    const zhang = await signIn(t.app, 'zhang.wei', DEMO_PASSWORD);
    const me = await zhang.get('/api/experts/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ person: { nameEn: 'Zhang Wei' } });
    expect((await zhang.get('/api/my-project-check-invitations')).statusCode).toBe(200);
    expect((await zhang.get('/api/my-reviews')).statusCode).toBe(200);
  });

  it('can be loaded again without duplicating anything, and the audit chain holds', async () => {
    const before = await counts();
    const again = await seedDemo(t.systemCtx());
    expect(again).toEqual({ platformId: nist, createdUsers: [] });
    const after = await counts();
    expect({ ...after, audit_log: 0, audit_head: 0 }).toEqual({ ...before, audit_log: 0, audit_head: 0 });
    expect(after.audit_log).toBe(before.audit_log);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
