import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../files/pdf-text.fixtures.js';
import { snapshotTables } from '../../../test/bad-input.js';
import { buildUser } from '../../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../../test/harness.js';
import { buildCall } from '../../applications/applications.fixtures.js';
import { panelOutcomes } from './panel.service.js';
import { buildRun, buildSeat, expertFor, fullScorecard, inReviewApplication } from './scoring.fixtures.js';

/**
 * The panel: raw and calibrated scores side by side, ranking, thresholds, the consensus with its
 * snapshot, the function the decision reads, and who may see any of it.
 */
let t: TestApp;
let call: Awaited<ReturnType<typeof buildCall>>;
let apps: Awaited<ReturnType<typeof inReviewApplication>>[];
let officer: Client;
let applicant: Client;
let expertClient: Client;
const NAMES = ['严格专家', '中立专家', '宽松专家'];

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  call = await buildCall(ctx);
  apps = [];
  for (let i = 0; i < 4; i++) apps.push(await inReviewApplication(ctx, call));
  const run = await buildRun(ctx, call.id);
  const experts = [];
  for (const name of NAMES) experts.push(await expertFor(ctx, { platformId: call.platformId, name }));
  // Merit 8, 7, 5, 4; the first expert scores 2 below, the third 1 above; each reviews every application.
  const merit = [8, 7, 5, 4];
  const bias = [-2, 0, 1];
  for (const [j, e] of experts.entries()) {
    const client = await signIn(t.app, e.username);
    if (j === 0) expertClient = client;
    for (const [i, a] of apps.entries()) {
      const seat = await buildSeat(ctx, {
        callId: call.id,
        applicationId: a.id,
        expertId: e.expertId,
        runId: run,
        label: 'ABC'[j]!,
      });
      await client.post(`/api/review-assignments/${seat}/declaration`, { noConflict: true });
      const s = Math.min(10, Math.max(1, merit[i]! + bias[j]!));
      const res = await client.post(`/api/review-assignments/${seat}/submit`, fullScorecard(s));
      expect(res.statusCode, res.body).toBe(200);
    }
  }
  const o = await buildUser(ctx, { roles: ['program_officer'], platformId: call.platformId });
  officer = await signIn(t.app, o.username);
  applicant = await signIn(t.app, apps[0]!.ownerUsername);
});
afterAll(() => t.close());

const panelUrl = () => `/api/calls/${call.id}/panel`;

describe('panel', () => {
  it('shows raw and calibrated scores side by side, ranked, with the severe reviewer found', async () => {
    const res = await officer.get(panelUrl());
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.applications.map((a: { applicationId: string }) => a.applicationId)).toEqual(
      apps.map((a) => a.id),
    );
    expect(p.applications.map((a: { rank: number }) => a.rank)).toEqual([1, 2, 3, 4]);
    const first = p.applications[0];
    expect(first.reviews.map((r: { label: string }) => r.label)).toEqual(['A', 'B', 'C']);
    expect(first.reviews.map((r: { expertName: string }) => r.expertName)).toEqual(NAMES);
    // English pages read the experts' and the lead's English names (null where a person has none).
    const people = await t.database.db
      .selectFrom('people')
      .select(['name_zh', 'name_en'])
      .where('name_zh', 'in', NAMES)
      .execute();
    const english = new Map(people.map((r) => [r.name_zh, r.name_en]));
    expect(first.reviews.map((r: { expertNameEn: string | null }) => r.expertNameEn)).toEqual(
      NAMES.map((n) => english.get(n) ?? null),
    );
    expect(p.reviewers.map((r: { expertNameEn: string | null }) => r.expertNameEn).sort()).toEqual(
      NAMES.map((n) => english.get(n) ?? null).sort(),
    );
    const lead = await t.database.db
      .selectFrom('applications')
      .innerJoin('organisations', 'organisations.id', 'applications.lead_org_id')
      .select('organisations.name_en')
      .where('applications.id', '=', first.applicationId)
      .executeTakeFirstOrThrow();
    expect(first.leadNameEn).toBe(lead.name_en);
    expect(first.reviews[0].rawTotal).toBe(6);
    // The severe reviewer's 6 is lifted toward the others, the lenient one's 9 lowered.
    expect(first.reviews[0].calibratedTotal).toBeGreaterThan(6.5);
    expect(first.reviews[2].calibratedTotal).toBeLessThan(9);
    expect(first.rawMean).toBeCloseTo((6 + 8 + 9) / 3, 6);
    expect(first.academic).toBeCloseTo(first.calibratedMean, 6);
    const severe = p.reviewers.find((r: { expertName: string }) => r.expertName === NAMES[0]);
    expect(severe.effect).toBeLessThan(-0.5);
    expect(severe.flag).toBe('severe');
    expect(p.calibration).toMatchObject({
      method: 'additive-ridge-als',
      components: 1,
      converged: true,
      reviews: 12,
    });
    expect(first.passesThresholds).toBe(true);
  });

  it('keeps the panel to the officers of the call: no reviewer, applicant or other platform sees it', async () => {
    for (const c of [applicant, expertClient]) {
      const res = await c.get(panelUrl());
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain(NAMES[0]);
    }
    // The applicant's own application says nothing about who reviews it.
    const own = await applicant.get(`/api/applications/${apps[0]!.id}`);
    expect(own.statusCode).toBe(200);
    for (const n of NAMES) expect(own.body).not.toContain(n);
    const put = await applicant.put(`/api/applications/${apps[0]!.id}/panel-review`, {
      consensusScore: 9,
      reportZh: '好',
    });
    expect(put.statusCode).toBe(403);
    const stranger = await signIn(
      t.app,
      (await buildUser(t.systemCtx(), { roles: ['platform_admin'] })).username,
    );
    expect((await stranger.get(panelUrl())).statusCode).toBe(403);
    expect(
      (
        await stranger.put(`/api/applications/${apps[0]!.id}/panel-review`, {
          consensusScore: 9,
          reportZh: '好',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('checks thresholds on the scale, writing nothing, and creates the review settings when missing', async () => {
    const before = await snapshotTables(t.database);
    const bad = await officer.put(`/api/calls/${call.id}/panel-thresholds`, {
      total: 11,
      criteria: { impact: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/total',
      '/criteria/impact',
    ]);
    expect(await snapshotTables(t.database)).toEqual(before);
    const ok = await officer.put(`/api/calls/${call.id}/panel-thresholds`, { total: 6, economic: 3 });
    expect(ok.statusCode, ok.body).toBe(200);
    const passes = ok.json().applications.map((a: { passesThresholds: boolean }) => a.passesThresholds);
    expect(passes).toEqual([true, true, false, false]);
    expect(ok.json().applications[3].missedThresholds).toContain('total');
    const settings = await t.database.db
      .selectFrom('call_review_settings')
      .selectAll()
      .where('call_id', '=', call.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(settings.thresholds_json)).toEqual({ total: 6, economic: 3 });
    expect(JSON.parse(settings.composition_json)).toEqual({ academic: 1, industry: 1 });
  });

  it('records the consensus with a snapshot of its basis; the decision reads it as the score used', async () => {
    const bad = await officer.put(`/api/applications/${apps[3]!.id}/panel-review`, { consensusScore: 12 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/consensusScore',
      '/reportZh',
    ]);
    const res = await officer.put(`/api/applications/${apps[3]!.id}/panel-review`, {
      consensusScore: 9.5,
      reportZh: '评审组一致认为该项目具有较高转化价值。',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().basis).toMatchObject({ rank: 4 });
    expect(res.json().basis.reviews.map((r: { label: string }) => r.label)).toEqual(['A', 'B', 'C']);
    const outcomes = await panelOutcomes(t.database.db, call.id);
    const top = outcomes.find((o) => o.rank === 1)!;
    expect(top).toMatchObject({ applicationId: apps[3]!.id, score: 9.5, passesThresholds: true });
    expect(top.consensus?.reportZh).toContain('转化价值');
    const panel = (await officer.get(panelUrl())).json();
    expect(panel.applications[0].consensus.score).toBe(9.5);
    const file = await officer.get(`/api/calls/${call.id}/panel.xlsx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/spreadsheetml/);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('prints the panel summary: ranking with the consensus, each seat by label and never a reviewer’s name', async () => {
    const res = await officer.get(`/api/calls/${call.id}/panel.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload).join('\n');
    expect(text).toContain(`评审汇总表：${call.code}`);
    expect(text).toContain('校准均分');
    expect(text).toContain('9.50');
    expect(text).toContain('3 / 3');
    expect(text).toContain('技术价值');
    // Line breaks out, so a name wrapped inside a cell would still be found.
    for (const name of NAMES) expect(text.replace(/\n/g, '')).not.toContain(name);
    const en = pdfText((await officer.get(`/api/calls/${call.id}/panel.pdf?lang=en-US`)).rawPayload).join(
      '\n',
    );
    expect(en).toContain(`Panel summary: ${call.code}`);
    expect(en).toContain('Criteria and weights: Technical value');
    expect((await applicant.get(`/api/calls/${call.id}/panel.pdf`)).statusCode).toBe(403);
    expect((await expertClient.get(`/api/calls/${call.id}/panel.pdf`)).statusCode).toBe(403);
  });
});
