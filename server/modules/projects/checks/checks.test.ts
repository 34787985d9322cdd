import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../../test/bad-input.js';
import { buildPlatform, buildUser } from '../../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../../test/harness.js';
import { buildPerson } from '../../../test/platform-factories.js';
import { buildExpert } from '../../review/runs/runs.fixtures.js';
import { buildExtramuralProject, buildProjectInExecution } from '../projects.fixtures.js';

let t: TestApp;
let A: string;
let officer: Client;
let lead: Client;
let supervisor: Client;
let outsider: Client;
let leadPerson: string;
const experts: { id: string; client: Client }[] = [];

const CRITERIA = ['technical_value', 'implementation', 'impact', 'commercialisation', 'economic_benefit'];
const card = (base: number) => ({
  scores: CRITERIA.map((criterion, i) => ({
    criterion,
    score: base + (i % 2),
    comment: '依据充分，结论可信',
  })),
});
const report = (o: Record<string, unknown> = {}) => ({
  indicators: [{ index: 0, value: 2, note: '两项已受理' }],
  milestones: [{ index: 0, progress: 'done' }],
  achievements: '完成样机研制',
  problems: '',
  ...o,
});
const inExecution = () => buildProjectInExecution(t.systemCtx(), A, { leadContactPersonId: leadPerson });
const project = async (id: string) => (await officer.get(`/api/projects/${id}`)).json();

async function openCheck(projectId: string, kind: 'interim' | 'final') {
  const res = await officer.post(`/api/projects/${projectId}/checks`, { kind, dueOn: '2099-01-31' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function panel(checkId: string) {
  for (const [i, e] of experts.entries()) {
    const res = await officer.post(`/api/project-checks/${checkId}/experts`, {
      expertId: e.id,
      chair: i === 0,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}
/** The officer records the task and the financial review of the check's current version. */
async function reviews(checkId: string, task: 'pass' | 'rectify') {
  const a = await officer.post(`/api/project-checks/${checkId}/task-review`, {
    outcome: task,
    notes: '见报告',
  });
  expect(a.statusCode, a.body).toBe(200);
  const b = await officer.post(`/api/project-checks/${checkId}/financial-review`, {
    outcome: 'pass',
    notes: '经费使用合规',
  });
  expect(b.statusCode, b.body).toBe(200);
}
/** Each expert submits their card on the check's current version; returns the card ids. */
async function scoreAll(checkId: string, bases = [7, 9]) {
  const ids: string[] = [];
  for (const [i, e] of experts.entries()) {
    const mine = (await e.client.get('/api/my-project-check-scorecards')).json();
    const c = mine.items.find(
      (x: { checkId: string; state: string }) => x.checkId === checkId && x.state === 'draft',
    );
    const res = await e.client.post(`/api/project-check-scorecards/${c.id}/submit`, card(bases[i]!));
    expect(res.statusCode, res.body).toBe(200);
    ids.push(c.id);
  }
  return ids;
}

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  const l = await buildUser(ctx, { username: 'lead', roles: ['applicant'], platformId: A });
  await buildUser(ctx, { username: 'supervisor', roles: ['supervisor'], platformId: A });
  await buildUser(ctx, { username: 'outsider', roles: ['researcher'], platformId: A });
  leadPerson = (await buildPerson(ctx, { userId: l.id })).id;
  officer = await signIn(t.app, 'officer');
  lead = await signIn(t.app, 'lead');
  supervisor = await signIn(t.app, 'supervisor');
  outsider = await signIn(t.app, 'outsider');
  for (const category of ['academic', 'industry'] as const) {
    const e = await buildExpert(ctx, { category, expertise: '传感器', platformId: A });
    experts.push({ id: e.id, client: await signIn(t.app, e.username!) });
  }
});
afterAll(() => t.close());

describe('final acceptance with the dual evaluation, rectification and closing', () => {
  it('opens, reports, scores, sends to 整改, takes the new version and closes passed', async () => {
    const p = await inExecution();
    const check = await openCheck(p.id, 'final');
    expect((await project(p.id)).state).toBe('final_acceptance');
    expect(check).toMatchObject({ kind: 'final', state: 'open', version: 0, access: { manage: true } });

    const submitted = await lead.post(
      `/api/project-checks/${check.id}/report`,
      report({ resultsOwnership: [{ output: '样机', ownerOrganisationId: p.lead }] }),
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    const v1 = submitted.json().reports[0];
    expect(v1.reportSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(v1.report.indicators[0]).toMatchObject({
      name: '发明专利申请',
      target: 3,
      value: 2,
      judgement: 'partly_met',
    });
    expect(v1.report.spending).toMatchObject({ currency: 'CNY', plannedMinor: 900_000, spentMinor: 0 });

    await panel(check.id);
    // Before every card is in there is nothing to adopt; the lead sees no panel, the officer its progress.
    expect(
      (await officer.post(`/api/project-checks/${check.id}/adopt`, { verdict: 'pass' })).json().code,
    ).toBe('project_checks.incomplete');
    expect((await lead.get(`/api/project-checks/${check.id}`)).json()).toMatchObject({
      panel: null,
      running: null,
    });
    const [c1, c2] = await scoreAll(check.id);
    // An expert never sees another's scorecard.
    expect((await experts[0]!.client.get(`/api/project-check-scorecards/${c2}`)).statusCode).toBe(404);
    const own = (await experts[0]!.client.get(`/api/project-check-scorecards/${c1}`)).json();
    expect(own).toMatchObject({ state: 'submitted', total: 7.4, adoption: null, project: { id: p.id } });

    expect(
      (await officer.post(`/api/project-checks/${check.id}/adopt`, { verdict: 'rectify' })).json().errors[0]
        .pointer,
    ).toBe('/rectification');
    // Final acceptance adopts after its task and financial reviews (checks.reviews.test.ts).
    await reviews(check.id, 'rectify');
    const rect = await officer.post(`/api/project-checks/${check.id}/adopt`, {
      verdict: 'rectify',
      rectification: { items: ['补充专利受理材料'] },
    });
    expect(rect.statusCode, rect.body).toBe(200);
    const adopted = rect.json().reports[0].adoption;
    expect(adopted.panel.total).toBe(8.4);
    expect(adopted.panel.criteria[0]).toMatchObject({
      criterion: 'technical_value',
      mean: 8,
      sd: 1,
      min: 7,
      max: 9,
      n: 2,
    });
    expect(adopted.panel.academic).toBeCloseTo(8.333333, 5);
    expect(adopted.panel.economic).toBe(8.5);
    expect(adopted.indicators).toEqual([
      { index: 0, name: '发明专利申请', judgement: 'partly_met', met: false },
    ]);
    expect(adopted.rectification.items).toEqual(['补充专利受理材料']);
    expect(rect.json().state).toBe('rectification');
    const moved = await project(p.id);
    expect(moved.state).toBe('rectification');
    expect(moved.timeline.at(-1)).toMatchObject({
      action: 'request_rectification',
      reason: '补充专利受理材料',
    });
    // After adoption the expert sees the adopted result beside their card.
    expect(
      (await experts[0]!.client.get(`/api/project-check-scorecards/${c1}`)).json().adoption.verdict,
    ).toBe('rectify');

    const again = await lead.post(
      `/api/project-checks/${check.id}/report`,
      report({
        indicators: [{ index: 0, value: 3 }],
        resultsOwnership: [{ output: '样机', ownerOrganisationId: p.lead }],
      }),
    );
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().reports.map((r: { version: number }) => r.version)).toEqual([1, 2]);
    expect((await project(p.id)).state).toBe('final_acceptance');
    await scoreAll(check.id, [8, 8]);
    expect(
      (
        await officer.post(`/api/project-checks/${check.id}/adopt`, {
          verdict: 'rectify',
          rectification: { items: ['x'] },
        })
      ).json().errors[0].code,
    ).toBe('project_checks.rectification_once');
    await reviews(check.id, 'pass');
    // The panel's chair adopts the verdict on the new version.
    const pass = await experts[0]!.client.post(`/api/project-checks/${check.id}/adopt`, { verdict: 'pass' });
    expect(pass.statusCode, pass.body).toBe(200);
    expect(await project(p.id)).toMatchObject({ state: 'closed', outcome: 'passed' });
    const final = (await supervisor.get(`/api/projects/${p.id}/checks`)).json().items[0];
    expect(final).toMatchObject({ state: 'decided', verdict: 'pass', version: 2 });
    expect(final.reports[1].adoption.indicators[0]).toMatchObject({ judgement: 'met', met: true });
    expect(final.reports[0].adoption.verdict).toBe('rectify');

    // 绩效评价 after closing: typed against the indicators, frozen, and the project is evaluated.
    const evalUrl = `/api/projects/${p.id}/evaluation`;
    const body = {
      indicators: [{ index: 0, achieved: 4 }],
      academic: '技术指标全面完成',
      economic: '已形成两项许可',
      grade: 'good',
    };
    expect((await officer.get(evalUrl)).json()).toMatchObject({
      evaluation: null,
      access: { evaluate: true },
    });
    const before = await snapshotTables(t.database);
    const wrong = await officer.post(evalUrl, { ...body, indicators: [{ index: 0, achieved: true }] });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0]).toMatchObject({
      pointer: '/indicators/0/achieved',
      code: 'project_checks.indicator_type',
    });
    expect((await officer.post(evalUrl, { ...body, indicators: [] })).json().errors[0].pointer).toBe(
      '/indicators',
    );
    expect((await supervisor.post(evalUrl, body)).statusCode).toBe(403);
    expect((await lead.post(evalUrl, body)).statusCode).toBe(403);
    expect(await snapshotTables(t.database)).toEqual(before);
    const evaluated = await officer.post(evalUrl, body);
    expect(evaluated.statusCode, evaluated.body).toBe(200);
    expect(evaluated.json()).toMatchObject({
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      access: { evaluate: false },
      evaluation: {
        outcome: 'passed',
        grade: 'good',
        indicators: [{ index: 0, target: 3, achieved: 4, judgement: 'met', measured: null }],
        finalCheck: { checkId: check.id, verdict: 'pass' },
      },
    });
    expect((await project(p.id)).state).toBe('evaluated');
    expect((await lead.get(evalUrl)).json().evaluation.grade).toBe('good');
    expect((await officer.post(evalUrl, body)).json().code).toBe('project_checks.already_evaluated');
    // A whole life (two versions, two panels, reviews, 绩效评价) in one walk: on a loaded PostgreSQL it
    // passed the default 20 s.
  }, 60_000);
});

describe('绩效评价 before closing', () => {
  it('is refused while the project is still in execution', async () => {
    const p = await inExecution();
    const res = await officer.post(`/api/projects/${p.id}/evaluation`, {
      indicators: [{ index: 0, achieved: 1 }],
      academic: '尚未结题',
      economic: '尚未结题',
      grade: 'pass',
    });
    expect(res.json()).toMatchObject({ code: 'projects.illegal_transition', state: 'in_progress' });
  });
});

describe('interim check', () => {
  it('returns the project to execution with the indicator the adopter marks unmet', async () => {
    const p = await inExecution();
    const check = await openCheck(p.id, 'interim');
    expect((await project(p.id)).state).toBe('interim_check');
    await lead.post(
      `/api/project-checks/${check.id}/report`,
      report({ indicators: [{ index: 0, value: 0 }] }),
    );
    await panel(check.id);
    await scoreAll(check.id);
    const res = await officer.post(`/api/project-checks/${check.id}/adopt`, {
      verdict: 'pass',
      indicators: [{ index: 0, met: false }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().reports[0].adoption.indicators[0]).toMatchObject({ judgement: 'not_met', met: false });
    expect((await project(p.id)).state).toBe('in_progress');
  });
});

describe('bad input and refusals write nothing', () => {
  it('refuses a value of the wrong type, a missing indicator, a final report without ownership, a non-lead', async () => {
    const p = await inExecution();
    const check = await openCheck(p.id, 'final');
    const url = `/api/project-checks/${check.id}/report`;
    const owned = { resultsOwnership: [{ output: '样机', ownerOrganisationId: p.lead }] };
    const before = await snapshotTables(t.database);
    const wrongType = await lead.post(url, report({ ...owned, indicators: [{ index: 0, value: '三项' }] }));
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json().errors[0]).toMatchObject({
      pointer: '/indicators/0/value',
      code: 'project_checks.indicator_type',
    });
    const fraction = await lead.post(url, report({ ...owned, indicators: [{ index: 0, value: 1.5 }] }));
    expect(fraction.json().errors[0].pointer).toBe('/indicators/0/value');
    expect((await lead.post(url, report({ ...owned, indicators: [] }))).json().errors[0].pointer).toBe(
      '/indicators',
    );
    expect((await lead.post(url, report({ ...owned, milestones: [] }))).json().errors[0].pointer).toBe(
      '/milestones',
    );
    const noOwnership = await lead.post(url, report());
    expect(noOwnership.statusCode).toBe(422);
    expect(noOwnership.json().errors[0].pointer).toBe('/resultsOwnership');
    expect(
      (
        await lead.post(url, report({ resultsOwnership: [{ output: '样机', ownerOrganisationId: p.id }] }))
      ).json().errors[0].pointer,
    ).toBe('/resultsOwnership/0/ownerOrganisationId');
    expect((await officer.post(url, report(owned))).statusCode).toBe(403);
    expect((await outsider.post(url, report(owned))).statusCode).toBe(404);
    expect(
      (await supervisor.post(`/api/projects/${p.id}/checks`, { kind: 'interim', dueOn: '2099-01-01' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await officer.post(`/api/projects/${p.id}/checks`, { kind: 'interim', dueOn: '2099-01-01' })).json(),
    ).toMatchObject({
      code: 'projects.illegal_transition',
      state: 'final_acceptance',
    });
    expect(await snapshotTables(t.database)).toEqual(before);
  });

  it('needs a frozen 任务书 to open a check', async () => {
    const p = await buildExtramuralProject(t.systemCtx(), A, { state: 'in_progress' });
    const res = await officer.post(`/api/projects/${p.id}/checks`, { kind: 'interim', dueOn: '2099-01-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('project_checks.agreement_unsigned');
    expect((await project(p.id)).state).toBe('in_progress');
  });

  it("refuses an expert of the consortium's organisation with the conflict and records it", async () => {
    const p = await inExecution();
    const check = await openCheck(p.id, 'final');
    const own = await buildExpert(t.systemCtx(), {
      category: 'academic',
      expertise: '传感器',
      organisationId: p.partner,
    });
    const res = await officer.post(`/api/project-checks/${check.id}/experts`, { expertId: own.id });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'project_checks.expert_conflict',
      conflicts: [
        {
          rule: 'same_organisation',
          evidence: { matches: [{ kind: 'same_organisation', organisation: { id: p.partner } }] },
        },
      ],
    });
    const view = (await officer.get(`/api/project-checks/${check.id}`)).json();
    expect(view.panel).toEqual([]);
    expect(view.conflicts).toMatchObject([{ expertId: own.id, rule: 'same_organisation' }]);
    expect(
      (await officer.post(`/api/project-checks/${check.id}/experts`, { expertId: experts[0]!.id }))
        .statusCode,
    ).toBe(200);
    expect(
      (await officer.post(`/api/project-checks/${check.id}/experts`, { expertId: experts[0]!.id })).json()
        .code,
    ).toBe('project_checks.already_on_panel');
    // The experts cannot adopt unless they chair, nor read the project's checks through the project.
    expect((await experts[1]!.client.get(`/api/projects/${p.id}/checks`)).statusCode).toBe(404);
  });
});
