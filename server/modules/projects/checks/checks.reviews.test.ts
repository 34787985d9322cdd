import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../http/context.js';
import { snapshotTables } from '../../../test/bad-input.js';
import { buildPlatform, buildUser } from '../../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../../test/harness.js';
import { buildPerson } from '../../../test/platform-factories.js';
import { pdfBytes } from '../../applications/applications.fixtures.js';
import { multipart } from '../../imports/imports.fixtures.js';
import { buildExpert } from '../../review/runs/runs.fixtures.js';
import { buildProjectInExecution } from '../projects.fixtures.js';
import { insertSpending } from '../projects.spending.repository.js';

// 结题验收's task review and financial review (docs/projects.md "Final acceptance"): each with its own
// outcome, frozen; the verdict needs both and is never better than either.

let t: TestApp;
let A: string;
let officer: Client;
let lead: Client;
let supervisor: Client;
let leadPerson: string;
let expert: { id: string; client: Client };

const CRITERIA = ['technical_value', 'implementation', 'impact', 'commercialisation', 'economic_benefit'];
const card = {
  scores: CRITERIA.map((criterion) => ({ criterion, score: 8, comment: '依据充分，结论可信' })),
};

/** A project whose final check waits for its reviews: spent, reported (2 of 3 patents), scored. */
async function finalUnderReview() {
  const p = await buildProjectInExecution(t.systemCtx(), A, { leadContactPersonId: leadPerson });
  const spend = (organisationId: string, category: string, amountMinor: number) =>
    lead.post(`/api/projects/${p.id}/spending`, {
      organisationId,
      category,
      spentOn: p.startsOn,
      amountMinor,
      description: '测试支出',
    });
  expect((await spend(p.lead, 'equipment', 240_000)).statusCode).toBe(201);
  expect((await spend(p.partner, 'labour', 100_000)).statusCode).toBe(201);
  const opened = await officer.post(`/api/projects/${p.id}/checks`, { kind: 'final', dueOn: '2099-01-31' });
  expect(opened.statusCode, opened.body).toBe(201);
  const checkId = opened.json().id as string;
  const reported = await lead.post(`/api/project-checks/${checkId}/report`, {
    indicators: [{ index: 0, value: 2 }],
    milestones: [{ index: 0, progress: 'done' }],
    achievements: '完成样机研制',
    problems: '',
    resultsOwnership: [{ output: '样机', ownerOrganisationId: p.lead }],
  });
  expect(reported.statusCode, reported.body).toBe(200);
  expect(
    (await officer.post(`/api/project-checks/${checkId}/experts`, { expertId: expert.id })).statusCode,
  ).toBe(200);
  const mine = (await expert.client.get('/api/my-project-check-scorecards')).json();
  const c = mine.items.find((x: { checkId: string }) => x.checkId === checkId);
  expect((await expert.client.post(`/api/project-check-scorecards/${c.id}/submit`, card)).statusCode).toBe(
    200,
  );
  return { ...p, checkId };
}

const taskReview = (o: Record<string, unknown> = {}) => ({ outcome: 'pass', notes: '任务完成', ...o });
const financialReview = (o: Record<string, unknown> = {}) => ({
  outcome: 'pass',
  notes: '经费使用合规',
  ...o,
});

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  const l = await buildUser(ctx, { username: 'lead', roles: ['applicant'], platformId: A });
  await buildUser(ctx, { username: 'supervisor', roles: ['supervisor'], platformId: A });
  leadPerson = (await buildPerson(ctx, { userId: l.id })).id;
  officer = await signIn(t.app, 'officer');
  lead = await signIn(t.app, 'lead');
  supervisor = await signIn(t.app, 'supervisor');
  const e = await buildExpert(ctx, { category: 'academic', expertise: '传感器', platformId: A });
  expert = { id: e.id, client: await signIn(t.app, e.username!) };
});
afterAll(() => t.close());

describe('final acceptance: task review and financial review', () => {
  it('records both reviews with their figures, then adopts a verdict no better than either, and closes', async () => {
    const p = await finalUnderReview();
    const url = `/api/project-checks/${p.checkId}`;
    // Before the reviews there is nothing to adopt, whatever the panel said.
    const early = await officer.post(`${url}/adopt`, { verdict: 'pass' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'project_checks.reviews_missing',
      state: 'under_review',
      missing: ['task', 'financial'],
    });

    // The reviewer finds the second patent was not granted after all: actual 1, not met.
    const task = await officer.post(
      `${url}/task-review`,
      taskReview({ indicators: [{ index: 0, met: false, actual: 1 }] }),
    );
    expect(task.statusCode, task.body).toBe(200);
    const reviews = task.json().reports[0].reviews;
    expect(reviews.financial).toBeNull();
    expect(reviews.task).toMatchObject({
      version: 1,
      outcome: 'pass',
      notes: '任务完成',
      indicators: [
        {
          index: 0,
          name: '发明专利申请',
          type: 'count',
          target: 3,
          actual: 1,
          judgement: 'partly_met',
          met: false,
        },
      ],
    });
    expect(reviews.task.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await officer.post(`${url}/task-review`, taskReview())).json()).toMatchObject({
      code: 'project_checks.already_reviewed',
    });

    // The audit firm's report goes through the evidence files, for this check only.
    const up = await officer.request({
      method: 'POST',
      url: `/api/projects/${p.id}/evidence?subject=audit_report&ref=${p.checkId}`,
      ...multipart(pdfBytes('审计'), '专项审计报告.pdf'),
    });
    expect(up.statusCode, up.body).toBe(201);
    const leadUpload = await lead.request({
      method: 'POST',
      url: `/api/projects/${p.id}/evidence?subject=audit_report&ref=${p.checkId}`,
      ...multipart(pdfBytes('审计'), '专项审计报告.pdf'),
    });
    expect(leadUpload.statusCode).toBe(403);

    // A spending entry booked outside the rule (imported from the unit's books) shows as over-spent.
    await insertSpending(t.database.db, {
      id: newId(),
      projectId: p.id,
      organisationId: p.partner,
      category: 'labour',
      spentOn: p.startsOn,
      amountMinor: 20_000,
      description: '补录劳务费',
      createdBy: null,
      createdAt: '2025-04-01T00:00:00.000Z',
    });
    const fin = await officer.post(
      `${url}/financial-review`,
      financialReview({ outcome: 'rectify', notes: '劳务费超支两万元', auditReportId: up.json().id }),
    );
    expect(fin.statusCode, fin.body).toBe(200);
    const f = fin.json().reports[0].reviews.financial;
    expect(f).toMatchObject({
      outcome: 'rectify',
      currency: 'CNY',
      total: { plannedMinor: 900_000, spentMinor: 360_000, rate: 0.4, overspent: false },
      auditReport: { id: up.json().id, fileName: '专项审计报告.pdf' },
      notes: '劳务费超支两万元',
    });
    expect(f.byCategory.find((c: { category: string }) => c.category === 'labour')).toMatchObject({
      plannedMinor: 150_000,
      spentMinor: 120_000,
      rate: 0.8,
      overspent: false,
    });
    expect(
      f.byMember.map((m: { organisationId: string; spentMinor: number }) => [m.organisationId, m.spentMinor]),
    ).toEqual([
      [p.lead, 240_000],
      [p.partner, 120_000],
    ]);
    expect(f.overspent).toEqual([
      {
        organisationId: p.partner,
        name: expect.any(String),
        category: 'labour',
        plannedMinor: 100_000,
        spentMinor: 120_000,
      },
    ]);
    // Every reader of the project sees both reviews.
    expect((await supervisor.get(url)).json().reports[0].reviews.financial.outcome).toBe('rectify');

    // 通过 is better than the financial review's 整改: refused, nothing written.
    const before = await snapshotTables(t.database);
    const better = await officer.post(`${url}/adopt`, { verdict: 'pass' });
    expect(better.statusCode).toBe(409);
    expect(better.json().errors[0]).toMatchObject({
      pointer: '/verdict',
      code: 'project_checks.verdict_exceeds_reviews',
    });
    expect(await snapshotTables(t.database)).toEqual(before);

    const rect = await officer.post(`${url}/adopt`, {
      verdict: 'rectify',
      rectification: { items: ['退回超支劳务费'], dueOn: '2099-06-30' },
    });
    expect(rect.statusCode, rect.body).toBe(200);
    const adoption = rect.json().reports[0].adoption;
    expect(adoption.indicators).toEqual([
      { index: 0, name: '发明专利申请', judgement: 'partly_met', met: false },
    ]);
    expect(adoption.reviews).toEqual({ task: reviews.task.sha256, financial: f.sha256 });
    expect((await officer.get(`/api/projects/${p.id}`)).json().state).toBe('rectification');
    // In 整改 nothing is reviewed until the new version is in.
    const waiting = await officer.post(`${url}/task-review`, taskReview());
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json()).toMatchObject({ code: 'project_checks.wrong_state', state: 'rectification' });

    // The new version is reviewed afresh; both pass, and so does the check: 结题 passed.
    const again = await lead.post(`${url}/report`, {
      indicators: [{ index: 0, value: 3 }],
      milestones: [{ index: 0, progress: 'done' }],
      achievements: '补齐专利申请',
      problems: '',
      resultsOwnership: [{ output: '样机', ownerOrganisationId: p.lead }],
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().reports[1].reviews).toEqual({ task: null, financial: null });
    const mine = (await expert.client.get('/api/my-project-check-scorecards')).json();
    const c = mine.items.find(
      (x: { checkId: string; version: number }) => x.checkId === p.checkId && x.version === 2,
    );
    expect((await expert.client.post(`/api/project-check-scorecards/${c.id}/submit`, card)).statusCode).toBe(
      200,
    );
    expect((await officer.post(`${url}/task-review`, taskReview())).statusCode).toBe(200);
    expect((await officer.post(`${url}/financial-review`, financialReview())).statusCode).toBe(200);
    const pass = await officer.post(`${url}/adopt`, { verdict: 'pass' });
    expect(pass.statusCode, pass.body).toBe(200);
    expect(pass.json().reports[1].adoption.indicators[0]).toMatchObject({ judgement: 'met', met: true });
    expect((await officer.get(`/api/projects/${p.id}`)).json()).toMatchObject({
      state: 'closed',
      outcome: 'passed',
    });

    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', p.checkId)
      .where('action', 'in', ['project_check.task_reviewed', 'project_check.financial_reviewed'])
      .execute();
    expect(actions).toHaveLength(4);
    // Two versions with their reviews and panels in one walk: over 20 s on a loaded PostgreSQL.
  }, 60_000);

  it('refuses a review by someone not on the funder’s side, on an interim check, of an unknown indicator or a wrong type, an audit report of another check', async () => {
    const p = await finalUnderReview();
    const url = `/api/project-checks/${p.checkId}`;
    const before = await snapshotTables(t.database);
    expect((await lead.post(`${url}/task-review`, taskReview())).statusCode).toBe(403);
    expect((await supervisor.post(`${url}/financial-review`, financialReview())).statusCode).toBe(403);
    const unknown = await officer.post(
      `${url}/task-review`,
      taskReview({ indicators: [{ index: 4, met: true }] }),
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toMatchObject({ pointer: '/indicators/0/index' });
    const wrongType = await officer.post(
      `${url}/task-review`,
      taskReview({ indicators: [{ index: 0, met: true, actual: true }] }),
    );
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json().errors[0]).toMatchObject({
      pointer: '/indicators/0/actual',
      code: 'project_checks.indicator_type',
    });
    const noReport = await officer.post(
      `${url}/financial-review`,
      financialReview({ auditReportId: newId() }),
    );
    expect(noReport.statusCode).toBe(422);
    expect(noReport.json().errors[0]).toMatchObject({ pointer: '/auditReportId' });
    const blank = await officer.post(`${url}/financial-review`, financialReview({ notes: ' ' }));
    expect(blank.statusCode).toBe(400);
    expect(await snapshotTables(t.database)).toEqual(before);

    // An interim check has no such reviews.
    const q = await buildProjectInExecution(t.systemCtx(), A, { leadContactPersonId: leadPerson });
    const interim = (
      await officer.post(`/api/projects/${q.id}/checks`, { kind: 'interim', dueOn: '2099-01-31' })
    ).json();
    const refused = await officer.post(`/api/project-checks/${interim.id}/task-review`, taskReview());
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'project_checks.not_final', state: 'open' });
    // Nor is an audit report attached to it.
    const up = await officer.request({
      method: 'POST',
      url: `/api/projects/${q.id}/evidence?subject=audit_report&ref=${interim.id}`,
      ...multipart(pdfBytes('审计'), '审计报告.pdf'),
    });
    expect(up.statusCode).toBe(422);
  }, 60_000);
});
