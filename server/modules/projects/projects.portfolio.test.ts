import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { write } from '../../db/write.js';
import { newId } from '../../http/context.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { readSheet } from '../imports/sheet.js';
import { buildCheck } from './checks/checks.fixtures.js';
import { buildExtramuralProject, buildProjectInExecution } from './projects.fixtures.js';
import { portfolioFlagCounts, portfolioProjects } from './projects.portfolio.repository.js';
import { insertSpending } from './projects.spending.repository.js';
import { moveProject } from './projects.timeline.repository.js';

let t: TestApp;
let A: string;
let B: string;
let officer: Client;
let supervisor: Client;
let lead: Client;
let otherOfficer: Client;
const ids = {} as Record<'late' | 'spent' | 'checked' | 'rect' | 'approved' | 'onB', string>;

type Item = { id: string; code: string; state: string; flags: string[] };
type Cell = { state: string; flag: string; count: number };

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  B = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  await buildUser(ctx, { username: 'supervisor', roles: ['supervisor'], platformId: A });
  await buildUser(ctx, { username: 'lead', roles: ['applicant', 'lab_director'], platformId: A });
  await buildUser(ctx, { username: 'other', roles: ['program_officer'], platformId: B });
  officer = await signIn(t.app, 'officer');
  supervisor = await signIn(t.app, 'supervisor');
  lead = await signIn(t.app, 'lead');
  otherOfficer = await signIn(t.app, 'other');

  // Started in January 2024: the annual reports due 2025-01-14 and 2026-01-14 are overdue.
  const late = await buildProjectInExecution(
    { ...ctx, clock: { now: () => new Date('2024-01-15T09:00:00Z') } },
    A,
  );
  ids.late = late.id;
  // Started today with 150 000 of the lead's 300 000 设备费 spent, and 60 000 of its 50 000 劳务费: an
  // overspent line (an adjustment approved after the spending can leave one, so it is written directly).
  const spent = await buildProjectInExecution(ctx, A);
  ids.spent = spent.id;
  await write(ctx, async (trx) => {
    for (const [category, amountMinor] of [
      ['equipment', 150_000],
      ['labour', 60_000],
    ] as const)
      await insertSpending(trx, {
        id: newId(),
        projectId: spent.id,
        organisationId: spent.lead,
        category,
        spentOn: '2026-01-01',
        amountMinor,
        description: '夹具支出',
        createdBy: null,
        createdAt: '2026-01-01T00:00:00Z',
      });
  });
  // Under an interim check whose report meets its one indicator.
  ids.checked = (await buildCheck(ctx, A, { stage: 'under_review' })).id;
  // In 整改.
  const rect = await buildProjectInExecution(ctx, A);
  ids.rect = rect.id;
  await write(ctx, (trx) =>
    moveProject(trx, rect.id, {
      id: newId(),
      action: 'open_final',
      fromState: 'in_progress',
      toState: 'rectification',
      outcome: null,
      at: '2026-02-01T00:00:00Z',
      actorId: null,
      actorLabel: 'fixture',
      reason: null,
    }),
  );
  // 立项 only: no 任务书, so no plan, no reports.
  ids.approved = (await buildExtramuralProject(ctx, A)).id;
  ids.onB = (await buildProjectInExecution(ctx, B)).id;
});
afterAll(() => t.close());

const url = (q = '') => `/api/projects/portfolio?platformId=${A}${q}`;

describe('portfolio', () => {
  it('gives each project its flags, indicators met, budget burn and next report', async () => {
    const res = await officer.get(url('&pageSize=200'));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const by = (id: string) => body.items.find((i: Item) => i.id === id);
    expect(body.total).toBe(5);
    expect(body.items.some((i: Item) => i.id === ids.onB)).toBe(false);
    expect(by(ids.late)).toMatchObject({
      state: 'in_progress',
      flags: ['overdue_report'],
      indicators: { met: null, total: 1 },
      budget: { currency: 'CNY', plannedMinor: 900_000, spentMinor: 0, burnPercent: 0 },
      nextReport: { kind: 'annual', dueOn: '2025-01-14', status: 'overdue' },
    });
    expect(by(ids.spent)).toMatchObject({
      flags: ['overspent'],
      budget: { plannedMinor: 900_000, spentMinor: 210_000, burnPercent: 23.3 },
      nextReport: { status: 'due' },
    });
    expect(by(ids.checked)).toMatchObject({
      state: 'interim_check',
      flags: [],
      indicators: { met: 1, total: 1 },
    });
    expect(by(ids.rect)).toMatchObject({ state: 'rectification', flags: ['rectification'] });
    expect(by(ids.approved)).toMatchObject({
      state: 'approved',
      flags: [],
      indicators: { met: null, total: 0 },
      budget: null,
      nextReport: null,
    });
  });

  it('counts by state × flag equal the lists the same filters give', async () => {
    const { distribution, total } = (await supervisor.get(url())).json();
    expect(distribution).toEqual([
      { state: 'approved', flag: 'healthy', count: 1 },
      { state: 'in_progress', flag: 'overdue_report', count: 1 },
      { state: 'in_progress', flag: 'overspent', count: 1 },
      { state: 'interim_check', flag: 'healthy', count: 1 },
      { state: 'rectification', flag: 'rectification', count: 1 },
    ]);
    expect(total).toBe(5);
    for (const cell of distribution as Cell[]) {
      const flag = cell.flag === 'healthy' ? '' : `&flag=${cell.flag}`;
      const list = (await supervisor.get(url(`&state=${cell.state}${flag}`))).json();
      const matching =
        cell.flag === 'healthy' ? list.items.filter((i: Item) => i.flags.length === 0) : list.items;
      expect(matching).toHaveLength(cell.count);
    }
    for (const flag of ['overdue_report', 'overspent', 'rectification', 'failed']) {
      const sum = (distribution as Cell[]).filter((c) => c.flag === flag).reduce((s, c) => s + c.count, 0);
      expect((await officer.get(url(`&flag=${flag}`))).json().total).toBe(sum);
    }
    const paged = (await officer.get(url('&pageSize=2&page=3'))).json();
    expect(paged).toMatchObject({ total: 5, page: 3, pageSize: 2 });
    expect(paged.items).toHaveLength(1);
  });

  it('exports the same rows as XLSX through the download helper', async () => {
    const file = await officer.get(`/api/projects/portfolio.xlsx?platformId=${A}&flag=overdue_report`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/spreadsheetml/);
    expect(file.headers['content-disposition']).toMatch(
      /^attachment; filename="portfolio-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const sheet = await readSheet(file.rawPayload);
    expect(sheet.headers[0]).toBe('项目编号 Code');
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]!.cells.slice(4, 8)).toEqual([
      '执行中 in_progress',
      '报告逾期 overdue_report',
      '',
      '1',
    ]);
    expect(sheet.rows[0]!.cells.slice(9, 13)).toEqual(['9000.00', '0.00', '0.0', '2025-01-14']);
  });

  it('is the funder side’s overview: others are refused, another platform too', async () => {
    // Without a platform: every platform the caller oversees (the officer of A sees none of B).
    const mine = (await officer.get('/api/projects/portfolio')).json();
    expect(mine.total).toBe(5);
    expect((await otherOfficer.get('/api/projects/portfolio')).json().items.map((i: Item) => i.id)).toEqual([
      ids.onB,
    ]);
    for (const path of ['/api/projects/portfolio', '/api/projects/portfolio.xlsx']) {
      expect((await lead.get(`${path}?platformId=${A}`)).statusCode).toBe(403);
      expect((await lead.get(path)).statusCode).toBe(403);
      expect((await otherOfficer.get(`${path}?platformId=${A}`)).statusCode).toBe(403);
    }
    expect((await officer.get(url('&flag=late'))).statusCode).toBe(400);
    expect((await officer.get(`/api/projects/portfolio?platformId=${newId()}`)).statusCode).toBe(404);
  });

  it('counts by state × flag agree with the flags of each row, flags combined, a terminated project owing none', async () => {
    const ctx = t.systemCtx();
    const C = (await buildPlatform(ctx)).id;
    const today = '2026-12-07';
    // Kept figures written directly: every combination the counts fold by group (state, outcome,
    // overspent) with a report overdue or not, and a report overdue on a terminated project.
    const rows = [
      { state: 'in_progress', outcome: null, overspent: 1, next_report_due_on: '2026-01-14' },
      { state: 'in_progress', outcome: null, overspent: 0, next_report_due_on: '2027-01-14' },
      { state: 'in_progress', outcome: null, overspent: 0, next_report_due_on: null },
      { state: 'terminated', outcome: null, overspent: 1, next_report_due_on: '2026-01-14' },
      { state: 'terminated', outcome: null, overspent: 0, next_report_due_on: '2026-01-14' },
      { state: 'rectification', outcome: null, overspent: 1, next_report_due_on: '2026-01-14' },
      { state: 'closed', outcome: 'failed', overspent: 0, next_report_due_on: '2026-01-14' },
      { state: 'closed', outcome: 'passed', overspent: 0, next_report_due_on: '2026-01-14' },
      { state: 'closed', outcome: 'passed', overspent: 0, next_report_due_on: '2027-01-14' },
    ];
    for (const row of rows) {
      const p = await buildProjectInExecution(ctx, C);
      await ctx.db.updateTable('projects').set(row).where('id', '=', p.id).execute();
    }
    const f = { platformIds: [C] };
    const counted = await portfolioFlagCounts(ctx.db, f, today);
    const expected = new Map<string, Record<string, number>>();
    for (const p of await portfolioProjects(ctx.db, f, today)) {
      const c = expected.get(p.state) ?? {
        overdue_report: 0,
        overspent: 0,
        rectification: 0,
        failed: 0,
        healthy: 0,
      };
      for (const flag of p.flags) c[flag]! += 1;
      if (!p.flags.length) c.healthy! += 1;
      expected.set(p.state, c);
    }
    expect(new Map(counted.map((r) => [r.state, r.counts]))).toEqual(expected);
    expect(expected.get('terminated')).toEqual({
      overdue_report: 0,
      overspent: 1,
      rectification: 0,
      failed: 0,
      healthy: 1,
    });
    expect(expected.get('closed')).toMatchObject({ overdue_report: 2, failed: 1, healthy: 1 });
  });
});
