import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildMember, buildPerson, buildUnit } from '../../test/platform-factories.js';
import { registerIntramuralProject } from '../projects/projects.service.js';
import { addStaff, removeStaff } from '../units/units.staff.js';

let t: TestApp;
let A: string;
let admin: Client;
let researcher: Client;
let outsider: Client;
let m1: Client;
let m2: Client;
let m3: Client;
const ids = { u1: '', u2: '', m1: '', m2: '', m3: '', p2: '', round: '' };

const scores = (value: number, comment = '充分的理由 sound reasons') =>
  ['technical_value', 'implementation', 'impact', 'commercialisation', 'economic_benefit'].map(
    (criterion) => ({
      criterion,
      score: value,
      comment,
    }),
  );
const count = async (table: 'lab_eval_scorecards' | 'lab_eval_rounds' | 'lab_eval_scores') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const cardsOf = async (c: Client) =>
  (await c.get('/api/my-lab-evaluations')).json().items as Array<{
    id: string;
    unit: { id: string };
    state: string;
  }>;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  const B = (await buildPlatform(ctx, { code: 'B' })).id;
  await buildUser(ctx, { username: 'admin-a', roles: ['platform_admin'], platformId: A });
  await buildUser(ctx, { username: 'researcher-a', roles: ['researcher'], platformId: A });
  await buildUser(ctx, { username: 'outsider', roles: ['researcher'], platformId: B });
  const person = async (username: string) => {
    // Committee members hold no role on the platform: membership alone lets them in.
    const user = await buildUser(ctx, { username, roles: [] });
    return (await buildPerson(ctx, { userId: user.id })).id;
  };
  const [p1, p2, p3] = [await person('member-1'), await person('member-2'), await person('member-3')];
  ids.p2 = p2;
  ids.m1 = (await buildMember(ctx, A, { personId: p1 })).id;
  ids.m2 = (await buildMember(ctx, A, { personId: p2, category: 'industry' })).id;
  ids.m3 = (await buildMember(ctx, A, { personId: p3, category: 'lab' })).id;
  // The third member directs the first unit: they never rate it.
  ids.u1 = (await buildUnit(ctx, { platformId: A, nameEn: 'Alpha Lab', directorPersonId: p3 })).id;
  ids.u2 = (await buildUnit(ctx, { platformId: A, nameEn: 'Beta Lab' })).id;
  await registerIntramuralProject(ctx, A, {
    unitId: ids.u1,
    code: 'LE-1',
    titleZh: '测量项目',
    titleEn: 'Measurement project',
    budgetMinor: 500_000,
    startsOn: '2025-03-01',
    endsOn: '2026-06-30',
  });
  await registerIntramuralProject(ctx, A, {
    unitId: ids.u1,
    code: 'LE-0',
    titleZh: '旧项目',
    titleEn: 'Old project',
    budgetMinor: 100,
    startsOn: '2020-01-01',
    endsOn: '2021-12-31',
  });
  admin = await signIn(t.app, 'admin-a');
  researcher = await signIn(t.app, 'researcher-a');
  outsider = await signIn(t.app, 'outsider');
  m1 = await signIn(t.app, 'member-1');
  m2 = await signIn(t.app, 'member-2');
  m3 = await signIn(t.app, 'member-3');
});
afterAll(() => t.close());

describe('opening a round', () => {
  it('tells the platform admins, and only them, that they may open a round', async () => {
    const opens = async (c: typeof admin) => {
      const res = await c.get(`/api/platforms/${A}/lab-evaluations`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().access.open as boolean;
    };
    expect([await opens(admin), await opens(researcher), await opens(m1)]).toEqual([true, false, false]);
  });

  it('refuses a bad period, an unknown chair and callers who are not the admins, writing nothing', async () => {
    const order = await admin.post(`/api/platforms/${A}/lab-evaluations`, {
      fromYear: 2025,
      toYear: 2024,
      chairMemberId: ids.m1,
    });
    expect(order.statusCode).toBe(400);
    expect(order.json().errors[0]).toMatchObject({
      pointer: '/toYear',
      code: 'lab_evaluations.period_order',
    });
    const chair = await admin.post(`/api/platforms/${A}/lab-evaluations`, {
      fromYear: 2025,
      toYear: 2025,
      chairMemberId: ids.u1,
    });
    expect(chair.json().errors[0]).toMatchObject({
      pointer: '/chairMemberId',
      code: 'lab_evaluations.unknown_chair',
    });
    const body = { fromYear: 2025, toYear: 2025, chairMemberId: ids.m1 };
    expect((await researcher.post(`/api/platforms/${A}/lab-evaluations`, body)).statusCode).toBe(403);
    expect((await m1.post(`/api/platforms/${A}/lab-evaluations`, body)).statusCode).toBe(403);
    expect(await count('lab_eval_rounds')).toBe(0);
  });

  it('freezes each unit’s portfolio, assigns every member but where a conflict is found, and records the evidence', async () => {
    const res = await admin.post(`/api/platforms/${A}/lab-evaluations`, {
      fromYear: 2025,
      toYear: 2025,
      chairMemberId: ids.m1,
    });
    expect(res.statusCode, res.body).toBe(201);
    const round = res.json();
    ids.round = round.id;
    expect(round).toMatchObject({ state: 'open', startDate: '2025-01-01', endDate: '2025-12-31' });
    expect(round.progress).toEqual({ submitted: 0, total: 5 });
    const alpha = round.units.find((u: { unit: { id: string } }) => u.unit.id === ids.u1);
    // Only the project that ran in 2025 is in the portfolio.
    expect(alpha.portfolio.projects).toMatchObject({ total: 1, intramural: 1, byState: { in_progress: 1 } });
    expect(alpha.portfolio.projects.items.map((p: { code: string }) => p.code)).toEqual(['LE-1']);
    expect(alpha.portfolio.projects.budget).toEqual([{ currency: 'CNY', amountMinor: 500_000 }]);
    expect(alpha.scorecards.map((s: { member: { memberId: string } }) => s.member.memberId).sort()).toEqual(
      [ids.m1, ids.m2].sort(),
    );
    expect(round.conflicts).toEqual([
      expect.objectContaining({ unitId: ids.u1, memberId: ids.m3, rule: 'unit_director' }),
    ]);
    expect(round.access).toEqual({ manage: true, adopt: false });
    const again = await admin.post(`/api/platforms/${A}/lab-evaluations`, {
      fromYear: 2025,
      toYear: 2025,
      chairMemberId: ids.m1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0]).toMatchObject({
      pointer: '/fromYear',
      code: 'lab_evaluations.period_taken',
    });
  });

  it('refuses to assign a member to their own unit (409 with the pointer) or twice', async () => {
    const before = await count('lab_eval_scorecards');
    const own = await admin.post(`/api/lab-evaluations/${ids.round}/assignments`, {
      unitId: ids.u1,
      memberId: ids.m3,
    });
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({
      code: 'lab_evaluations.own_unit',
      errors: [{ pointer: '/memberId' }],
    });
    const twice = await admin.post(`/api/lab-evaluations/${ids.round}/assignments`, {
      unitId: ids.u2,
      memberId: ids.m3,
    });
    expect(twice.json().code).toBe('lab_evaluations.already_assigned');
    expect(
      (
        await researcher.post(`/api/lab-evaluations/${ids.round}/assignments`, {
          unitId: ids.u2,
          memberId: ids.m3,
        })
      ).statusCode,
    ).toBe(403);
    expect(await count('lab_eval_scorecards')).toBe(before);
  });
});

describe('scoring', () => {
  it('shows each member only their own scorecards; another’s is 404', async () => {
    const mine = await cardsOf(m3);
    expect(mine.map((c) => c.unit.id)).toEqual([ids.u2]);
    const other = (await cardsOf(m1))[0]!;
    expect((await m3.get(`/api/lab-evaluation-scorecards/${other.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/lab-evaluation-scorecards/${other.id}`)).statusCode).toBe(404);
    const view = (await m1.get(`/api/lab-evaluation-scorecards/${other.id}`)).json();
    expect(view.round.criteria.scale).toEqual({ min: 1, max: 10 });
    // A member sees the round but neither who else rates nor the running aggregates.
    const round = (await m3.get(`/api/lab-evaluations/${ids.round}`)).json();
    expect(round).toMatchObject({ conflicts: null, report: null, access: { manage: false, adopt: false } });
    expect(round.units[0].scorecards).toBeNull();
    expect((await outsider.get(`/api/lab-evaluations/${ids.round}`)).statusCode).toBe(404);
  });

  it('checks the scale and the comments, and refuses a member found on the unit’s staff since', async () => {
    const card = (await cardsOf(m2)).find((c) => c.unit.id === ids.u2)!;
    const bad = scores(7);
    bad[1]!.score = 11;
    bad[3]!.comment = 'ok';
    const res = await m2.post(`/api/lab-evaluation-scorecards/${card.id}/submit`, { scores: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/scores/1/score',
      '/scores/3/comment',
    ]);
    const staff = await addStaff(t.systemCtx(), ids.u2, { personId: ids.p2, position: 'researcher' });
    const own = await m2.post(`/api/lab-evaluation-scorecards/${card.id}/submit`, { scores: scores(6) });
    expect(own.statusCode).toBe(409);
    expect(own.json().code).toBe('lab_evaluations.own_unit');
    await removeStaff(t.systemCtx(), ids.u2, staff.id);
    expect(await count('lab_eval_scores')).toBe(0);
  });

  it('saves a draft, then submits with the weighted total; a submitted card is frozen', async () => {
    const card = (await cardsOf(m2)).find((c) => c.unit.id === ids.u2)!;
    const draft = await m2.put(`/api/lab-evaluation-scorecards/${card.id}`, {
      scores: scores(5).slice(0, 2),
    });
    expect(draft.json()).toMatchObject({ state: 'draft', total: null });
    const sub = await m2.post(`/api/lab-evaluation-scorecards/${card.id}/submit`, {
      scores: scores(6),
      overallComment: '稳步发展',
    });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json()).toMatchObject({ state: 'submitted', total: 6, overallComment: '稳步发展' });
    const again = await m2.put(`/api/lab-evaluation-scorecards/${card.id}`, { scores: scores(9) });
    expect(again.json().code).toBe('lab_evaluations.already_submitted');
  });
});

describe('adopting the report', () => {
  it('is the chair’s, only once every scorecard is submitted', async () => {
    expect((await m2.post(`/api/lab-evaluations/${ids.round}/adopt`, {})).json().code).toBe(
      'lab_evaluations.not_chair',
    );
    expect((await admin.post(`/api/lab-evaluations/${ids.round}/adopt`, {})).statusCode).toBe(403);
    const early = await m1.post(`/api/lab-evaluations/${ids.round}/adopt`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('lab_evaluations.incomplete');
  });

  it('computes means, sub-scores and dispersion, freezes them with a checksum, and audits the adoption', async () => {
    for (const [client, value] of [
      [m1, 8],
      [m2, 6],
      [m3, 7],
    ] as const)
      for (const c of await cardsOf(client))
        if (c.state === 'draft') {
          const res = await client.post(`/api/lab-evaluation-scorecards/${c.id}/submit`, {
            scores: scores(value),
          });
          expect(res.statusCode, res.body).toBe(200);
        }
    const preview = (await m1.get(`/api/lab-evaluations/${ids.round}`)).json();
    expect(preview.access.adopt).toBe(true);
    const res = await m1.post(`/api/lab-evaluations/${ids.round}/adopt`, { summaryZh: '整体良好' });
    expect(res.statusCode, res.body).toBe(200);
    const round = res.json();
    expect(round.state).toBe('adopted');
    expect(round.reportSha256).toMatch(/^[0-9a-f]{64}$/);
    const alpha = round.report.units.find((u: { unit: { id: string } }) => u.unit.id === ids.u1);
    expect(alpha).toMatchObject({ academic: 7, economic: 7, total: 7, totalSd: 1, scorecards: 2 });
    expect(alpha.criteria[0]).toEqual({ criterion: 'technical_value', mean: 7, sd: 1, min: 6, max: 8, n: 2 });
    const beta = round.report.units.find((u: { unit: { id: string } }) => u.unit.id === ids.u2);
    expect(beta).toMatchObject({ total: 7, scorecards: 3 });
    expect(round.report.summaryZh).toBe('整体良好');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', ids.round)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'lab_evaluations.round_opened',
      'lab_evaluations.report_adopted',
    ]);
    expect((await m1.post(`/api/lab-evaluations/${ids.round}/adopt`, {})).json().code).toBe(
      'lab_evaluations.round_adopted',
    );
    const assign = await admin.post(`/api/lab-evaluations/${ids.round}/assignments`, {
      unitId: ids.u2,
      memberId: ids.m1,
    });
    expect(assign.json().code).toBe('lab_evaluations.round_adopted');
  });

  it('shows a unit’s adopted results over the periods to those with a role on the platform', async () => {
    const res = await researcher.get(`/api/units/${ids.u1}/lab-evaluations`);
    expect(res.statusCode).toBe(200);
    const h = res.json();
    expect(h.periods).toHaveLength(1);
    expect(h.periods[0]).toMatchObject({ fromYear: 2025, toYear: 2025, result: { total: 7 } });
    expect(h.periods[0].portfolio.projects.total).toBe(1);
    expect((await outsider.get(`/api/units/${ids.u1}/lab-evaluations`)).statusCode).toBe(403);
  });
});

describe("editing a round's set-up before scoring starts", () => {
  it('changes the criteria and the chair and takes a member off until the first score is saved; 409 after', async () => {
    const opened = await admin.post(`/api/platforms/${A}/lab-evaluations`, {
      fromYear: 2024,
      toYear: 2024,
      chairMemberId: ids.m1,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const round = opened.json().id as string;
    const criteria = {
      scale: { min: 1, max: 10 },
      items: [
        { key: 'technical_value', weight: 0.3 },
        { key: 'implementation', weight: 0.2 },
        { key: 'impact', weight: 0.2 },
        { key: 'commercialisation', weight: 0.15 },
        { key: 'economic_benefit', weight: 0.15 },
      ],
    };
    expect((await researcher.patch(`/api/lab-evaluations/${round}`, { criteria })).statusCode).toBe(403);
    expect((await outsider.patch(`/api/lab-evaluations/${round}`, { criteria })).statusCode).toBe(404);
    const badChair = await admin.patch(`/api/lab-evaluations/${round}`, { chairMemberId: ids.p2 });
    expect(badChair.statusCode).toBe(400);
    expect(badChair.json().errors[0].pointer).toBe('/chairMemberId');
    const edited = await admin.patch(`/api/lab-evaluations/${round}`, { criteria, chairMemberId: ids.m2 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ criteria, chair: { memberId: ids.m2 } });

    // The third member is taken off: their scorecard goes; the chair cannot be.
    const chair = await admin.delete(`/api/lab-evaluations/${round}/members/${ids.m2}`);
    expect(chair.json().code).toBe('lab_evaluations.chair_not_removed');
    const off = await admin.delete(`/api/lab-evaluations/${round}/members/${ids.m3}`);
    expect(off.statusCode, off.body).toBe(200);
    expect(
      off
        .json()
        .units.flatMap((u: { scorecards: { member: { memberId: string } }[] }) =>
          u.scorecards.map((s) => s.member.memberId),
        ),
    ).not.toContain(ids.m3);

    // m1 saves a draft score: scoring has started, and the set-up is fixed, nothing written.
    const cards = (await m1.get('/api/my-lab-evaluations')).json().items as Array<{
      id: string;
      roundId: string;
    }>;
    const inRound = cards.find((c) => c.roundId === round)!;
    const draft = await m1.put(`/api/lab-evaluation-scorecards/${inRound.id}`, {
      scores: [{ criterion: 'technical_value', score: 4, comment: '草稿 draft' }],
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const before = await count('lab_eval_scorecards');
    const late = await admin.patch(`/api/lab-evaluations/${round}`, { chairMemberId: ids.m1 });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('lab_evaluations.scoring_started');
    expect((await admin.delete(`/api/lab-evaluations/${round}/members/${ids.m1}`)).statusCode).toBe(409);
    expect(await count('lab_eval_scorecards')).toBe(before);
    expect((await admin.get(`/api/lab-evaluations/${round}`)).json().chair.memberId).toBe(ids.m2);
  });
});
