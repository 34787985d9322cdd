import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA } from '../../../../common/calls.js';
import { buildPlatform, buildUser } from '../../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../../test/harness.js';
import { buildExpert } from '../../review/runs/runs.fixtures.js';
import { calibrateCards } from '../../review/scoring/calibration.cards.js';
import { buildCheck } from './checks.fixtures.js';

// Experts for project checks assigned by the review engine (docs/projects.md "Assignment runs for checks").

let t: TestApp;
let A: string;
let officer: Client;
const experts: { id: string; client: Client }[] = [];

const CRITERIA = ['technical_value', 'implementation', 'impact', 'commercialisation', 'economic_benefit'];
const card = (scores: number[]) => ({
  scores: CRITERIA.map((criterion, i) => ({ criterion, score: scores[i]!, comment: '依据充分，结论可信' })),
});

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  officer = await signIn(t.app, 'officer');
  for (const category of ['academic', 'industry', 'academic', 'industry', 'academic', 'industry'] as const) {
    const e = await buildExpert(ctx, { category, expertise: '传感器 材料', platformId: A });
    experts.push({ id: e.id, client: await signIn(t.app, e.username!) });
  }
});
afterAll(() => t.close());

const run = async (body: Record<string, unknown>) => {
  const res = await officer.post('/api/project-check-runs', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const clientOf = (id: string) => experts.find((e) => e.id === id)?.client;

describe('assignment runs over project checks', () => {
  it('seats panels over two checks; a replay gives the same panels', async () => {
    const ctx = t.systemCtx();
    const one = await buildCheck(ctx, A);
    const two = await buildCheck(ctx, A);
    const r = await run({ checkIds: [one.checkId, two.checkId], mode: 'hybrid', panelSize: 2, seed: 42 });
    expect(r.checks).toHaveLength(2);
    for (const c of r.checks) {
      expect(c.seats).toHaveLength(2);
      expect(c.seats.every((s: { state: string }) => s.state === 'invited')).toBe(true);
    }
    const replay = await officer.post(`/api/project-check-runs/${r.id}/replay`, {});
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ identical: true, storedHash: r.inputHash, pairs: 4 });
    const view = (await officer.get(`/api/project-checks/${one.checkId}`)).json();
    expect(view.latestRun).toMatchObject({ id: r.id, mode: 'hybrid', panelSize: 2, seed: '42' });
    expect(view.panel.map((s: { state: string }) => s.state)).toEqual(['invited', 'invited']);
  });

  it('never seats a conflicted expert, and records the rule and its evidence', async () => {
    const ctx = t.systemCtx();
    const c = await buildCheck(ctx, A);
    const own = await buildExpert(ctx, {
      category: 'academic',
      expertise: '传感器 材料',
      organisationId: c.partner,
    });
    const r = await run({ checkIds: [c.checkId], mode: 'optimal', panelSize: 3 });
    const seated = r.checks[0].seats.map((s: { expertId: string }) => s.expertId);
    expect(seated).not.toContain(own.id);
    expect(r.checks[0].conflicts).toBeGreaterThanOrEqual(1);
    const view = (await officer.get(`/api/project-checks/${c.checkId}`)).json();
    expect(view.conflicts).toContainEqual(
      expect.objectContaining({
        expertId: own.id,
        rule: 'same_organisation',
        evidence: {
          matches: [
            expect.objectContaining({
              kind: 'same_organisation',
              organisation: expect.objectContaining({ id: c.partner }),
            }),
          ],
        },
      }),
    );
  });

  it('decline → refill seats another expert; accept gives a scorecard once under review', async () => {
    const ctx = t.systemCtx();
    const c = await buildCheck(ctx, A, { stage: 'under_review' });
    const r = await run({ checkIds: [c.checkId], mode: 'random', panelSize: 2, seed: 7 });
    const [first, second] = r.checks[0].seats.map((s: { expertId: string }) => s.expertId);
    expect((await officer.post(`/api/project-checks/${c.checkId}/refill`, {})).json().code).toBe(
      'project_checks.nothing_to_refill',
    );
    const accepted = await clientOf(first)!.post(`/api/project-checks/${c.checkId}/invitation`, {
      answer: 'accept',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const mine = (await clientOf(first)!.get('/api/my-project-check-scorecards')).json();
    expect(mine.items.some((x: { checkId: string }) => x.checkId === c.checkId)).toBe(true);
    const declined = await clientOf(second)!.post(`/api/project-checks/${c.checkId}/invitation`, {
      answer: 'decline',
      reason: '时间冲突',
    });
    expect(declined.json()).toMatchObject({ state: 'declined' });
    // A second answer is refused; someone else's invitation does not exist for the caller.
    expect(
      (await clientOf(second)!.post(`/api/project-checks/${c.checkId}/invitation`, { answer: 'accept' }))
        .statusCode,
    ).toBe(409);
    const other = experts.find((e) => e.id !== first && e.id !== second)!;
    expect(
      (await other.client.post(`/api/project-checks/${c.checkId}/invitation`, { answer: 'accept' }))
        .statusCode,
    ).toBe(404);

    const refill = await officer.post(`/api/project-checks/${c.checkId}/refill`, {});
    expect(refill.statusCode, refill.body).toBe(201);
    expect(refill.json()).toMatchObject({ purpose: 'refill', mode: 'random', panelSize: 2 });
    const view = (await officer.get(`/api/project-checks/${c.checkId}`)).json();
    const states = Object.fromEntries(
      view.panel.map((s: { expertId: string; state: string }) => [s.expertId, s.state]),
    );
    expect(states[first]).toBe('accepted');
    expect(states[second]).toBe('declined');
    const fresh = view.panel.filter((s: { state: string }) => s.state === 'invited');
    expect(fresh).toHaveLength(1);
    expect(fresh[0].expertId).not.toBe(second);
  });

  it('lists each seated expert’s open invitation, and only theirs, until answered', async () => {
    const ctx = t.systemCtx();
    const c = await buildCheck(ctx, A, { stage: 'under_review' });
    const r = await run({ checkIds: [c.checkId], mode: 'random', panelSize: 2, seed: 11 });
    const seats: { expertId: string; respondBy: string }[] = r.checks[0].seats;
    const listOf = async (id: string) => {
      const res = await clientOf(id)!.get('/api/my-project-check-invitations');
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.filter((x: { checkId: string }) => x.checkId === c.checkId);
    };
    for (const s of seats)
      expect(await listOf(s.expertId)).toEqual([
        {
          checkId: c.checkId,
          projectCode: r.checks[0].projectCode,
          projectTitleZh: r.checks[0].projectTitleZh,
          projectTitleEn: r.checks[0].projectTitleEn,
          kind: 'interim',
          dueOn: expect.any(String),
          respondBy: s.respondBy,
        },
      ]);
    const other = experts.find((e) => !seats.some((s) => s.expertId === e.id))!;
    expect(await listOf(other.id)).toEqual([]);
    // The officer who ran the engine is no expert: an empty list.
    expect((await officer.get('/api/my-project-check-invitations')).json()).toEqual({ items: [] });

    const [first, second] = seats.map((s) => s.expertId);
    await clientOf(first!)!.post(`/api/project-checks/${c.checkId}/invitation`, { answer: 'accept' });
    await clientOf(second!)!.post(`/api/project-checks/${c.checkId}/invitation`, {
      answer: 'decline',
      reason: '出差',
    });
    expect(await listOf(first!)).toEqual([]);
    expect(await listOf(second!)).toEqual([]);

    // An invitation past its answer window is no longer listed (it can no longer be answered).
    const late = await buildCheck(ctx, A);
    const lr = await run({ checkIds: [late.checkId], mode: 'optimal', panelSize: 1 });
    const lateExpert: string = lr.checks[0].seats[0].expertId;
    const open = await clientOf(lateExpert)!.get('/api/my-project-check-invitations');
    expect(open.json().items.map((x: { checkId: string }) => x.checkId)).toContain(late.checkId);
    await ctx.db
      .updateTable('project_check_panel')
      .set({ respond_by: '2000-01-01T00:00:00.000Z' })
      .where('check_id', '=', late.checkId)
      .execute();
    const closed = await clientOf(lateExpert)!.get('/api/my-project-check-invitations');
    expect(closed.json().items.map((x: { checkId: string }) => x.checkId)).not.toContain(late.checkId);
  });

  it('calibrates the panel’s scorecards with the function of application review', async () => {
    const ctx = t.systemCtx();
    const c = await buildCheck(ctx, A, {
      stage: 'under_review',
      panel: [{ expertId: experts[0]!.id }, { expertId: experts[1]!.id }, { expertId: experts[2]!.id }],
    });
    const given = [
      [6, 7, 6, 7, 6],
      [9, 9, 8, 9, 9],
      [7, 8, 7, 7, 8],
    ];
    for (const [i, e] of experts.slice(0, 3).entries()) {
      const mine = (await e.client.get('/api/my-project-check-scorecards')).json();
      const id = mine.items.find((x: { checkId: string }) => x.checkId === c.checkId).id;
      const res = await e.client.post(`/api/project-check-scorecards/${id}/submit`, card(given[i]!));
      expect(res.statusCode, res.body).toBe(200);
    }
    const view = (await officer.get(`/api/project-checks/${c.checkId}`)).json();
    const cal = view.calibration;
    expect(cal.reviews).toHaveLength(3);
    const fit = calibrateCards(
      cal.reviews.map((r: { expertId: string; rawTotal: number }) => ({
        itemId: c.checkId,
        reviewerId: r.expertId,
        total: r.rawTotal,
        scores: Object.fromEntries(
          CRITERIA.map((k, j) => [k, given[experts.findIndex((e) => e.id === r.expertId)]![j]]),
        ),
      })),
      DEFAULT_CRITERIA.scale,
    );
    for (const r of cal.reviews)
      expect(r.calibratedTotal).toBeCloseTo(fit.total(c.checkId, r.expertId)!.calibrated, 9);
    // Calibration pulls the lenient and the severe reviewer toward the panel: the spread shrinks.
    const raw = cal.reviews.map((r: { rawTotal: number }) => r.rawTotal);
    const calibrated = cal.reviews.map((r: { calibratedTotal: number }) => r.calibratedTotal);
    expect(Math.max(...calibrated) - Math.min(...calibrated)).toBeLessThan(
      Math.max(...raw) - Math.min(...raw),
    );
    expect(view.running.total).toBeCloseTo(cal.rawMean, 6);
  });
});
