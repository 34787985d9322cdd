import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillProjectFigures } from '../../db/migrations/0051_project_figures.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildPerson } from '../../test/platform-factories.js';
import { makeResult, publicationBody } from '../results/results.fixtures.js';
import { buildCheck } from './checks/checks.fixtures.js';
import { keptFigures, recomputedFigures } from './projects.figures.repository.js';
import { buildExtramuralProject, buildProjectInExecution } from './projects.fixtures.js';

/**
 * The portfolio's figures kept on each project's row (docs/adr/0035): after each write that changes
 * what they are computed from, the kept figures equal those recomputed from the records, and equal
 * what the project's own pages (spending, reports) compute by their own paths.
 */
let t: TestApp;
let A: string;
let admin: Client;
let officer: Client;
let lead: Client;
let leadPerson: string;

const today = () => new Date().toISOString().slice(0, 10);

/** Kept = recomputed, and the plan, spending and next report equal the project pages' own figures. */
async function keptAgrees(projectId: string) {
  const kept = await keptFigures(t.database.db, projectId);
  expect(kept).toEqual(await recomputedFigures(t.database.db, projectId));
  const spending = await officer.get(`/api/projects/${projectId}/spending`);
  if (kept?.plannedMinor !== null) {
    expect(spending.statusCode, spending.body).toBe(200);
    expect(spending.json().totals).toEqual({
      plannedMinor: kept?.plannedMinor,
      spentMinor: kept?.spentMinor,
    });
  }
  const reports = await officer.get(`/api/projects/${projectId}/reports`);
  if (reports.statusCode === 200) {
    const next = (reports.json().items as { kind: string; dueOn: string; status: string }[]).find(
      (r) => r.status !== 'submitted',
    );
    expect(kept?.nextReport ?? null).toEqual(next ? { kind: next.kind, dueOn: next.dueOn } : null);
  }
  return kept!;
}

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'admin', roles: ['platform_admin'], platformId: A });
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  const l = await buildUser(ctx, { username: 'lead', roles: ['applicant', 'researcher'], platformId: A });
  leadPerson = (await buildPerson(ctx, { userId: l.id })).id;
  admin = await signIn(t.app, 'admin');
  officer = await signIn(t.app, 'officer');
  lead = await signIn(t.app, 'lead');
});
afterAll(() => t.close());

describe('the figures kept for the portfolio', () => {
  it('follow signing, spending, an approved 预算调剂 with an extension, a report and a linked output', async () => {
    const bare = await buildExtramuralProject(t.systemCtx(), A);
    expect(await keptAgrees(bare.id)).toEqual({
      plannedMinor: null,
      spentMinor: 0,
      overspent: false,
      indicatorsTotal: 0,
      indicatorsMet: null,
      nextReport: null,
    });

    // Signed and frozen (the fixture signs both sides) on 15 January 2024.
    const p = await buildProjectInExecution(
      { ...t.systemCtx(), clock: { now: () => new Date('2024-01-15T09:00:00Z') } },
      A,
      { leadContactPersonId: leadPerson },
    );
    expect(await keptAgrees(p.id)).toEqual({
      plannedMinor: 900_000,
      spentMinor: 0,
      overspent: false,
      indicatorsTotal: 1,
      indicatorsMet: null,
      nextReport: { kind: 'annual', dueOn: '2025-01-14' },
    });

    const spend = (organisationId: string, category: string, amountMinor: number) =>
      lead.post(`/api/projects/${p.id}/spending`, {
        organisationId,
        category,
        spentOn: today(),
        amountMinor,
        description: '支出',
      });
    expect((await spend(p.lead, 'equipment', 120_000)).statusCode).toBe(201);
    expect((await spend(p.partner, 'labour', 30_000)).statusCode).toBe(201);
    expect(await keptAgrees(p.id)).toMatchObject({ plannedMinor: 900_000, spentMinor: 150_000 });

    // Between members with an extension: the funder approves; the plan moves and so does the schedule.
    const req = await lead.post(`/api/projects/${p.id}/adjustments`, {
      reason: '合作方承担更多测试',
      changes: [
        { organisationId: p.lead, category: 'operations', deltaMinor: -50_000 },
        { organisationId: p.partner, category: 'operations', deltaMinor: 60_000 },
      ],
      endsOn: '2100-06-30',
    });
    expect(req.statusCode, req.body).toBe(201);
    const pendingKept = await keptAgrees(p.id);
    expect(pendingKept.plannedMinor).toBe(900_000);
    const ok = await officer.post(`/api/projects/${p.id}/adjustments/${req.json().id}/decision`, {
      decision: 'approved',
      reason: '同意',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await keptAgrees(p.id)).toMatchObject({ plannedMinor: 910_000, spentMinor: 150_000 });

    const report = await lead.post(`/api/projects/${p.id}/reports`, {
      kind: 'annual',
      dueOn: '2025-01-14',
      body: '年度进展',
    });
    expect(report.statusCode, report.body).toBe(201);
    expect(await keptAgrees(p.id)).toMatchObject({ nextReport: { kind: 'annual', dueOn: '2026-01-14' } });

    // Outputs do not enter the portfolio's figures: linking one leaves them as they are.
    const before = await keptAgrees(p.id);
    const result = await makeResult(t.systemCtx(), publicationBody(A, { titleZh: '光频梳论文' }));
    const link = await admin.post(`/api/projects/${p.id}/outputs`, { type: 'result', outputId: result.id });
    expect(link.statusCode, link.body).toBe(201);
    expect(await keptAgrees(p.id)).toEqual(before);
  });

  it('follow a check report: the indicators the latest report judged met', async () => {
    const check = await buildCheck(t.systemCtx(), A, { stage: 'under_review' });
    expect(await keptAgrees(check.id)).toMatchObject({ indicatorsTotal: 1, indicatorsMet: 1 });
  });

  it('are what migration 0051 fills in from the records', async () => {
    await t.database.db
      .updateTable('projects')
      .set({
        planned_minor: 1,
        spent_minor: 2,
        overspent: 1,
        indicators_total: 3,
        indicators_met: 4,
        next_report_kind: 'final',
        next_report_due_on: '1999-01-01',
      })
      .execute();
    const projects = await t.database.db.selectFrom('projects').select('id').execute();
    expect(projects.length).toBeGreaterThanOrEqual(3);
    expect(await fillProjectFigures(t.database.db as never)).toBe(projects.length);
    for (const { id } of projects)
      expect(await keptFigures(t.database.db, id)).toEqual(await recomputedFigures(t.database.db, id));
    expect(await keptFigures(t.database.db, projects[0]!.id)).not.toMatchObject({ spentMinor: 2 });
  });
});
