import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, setupTestApp, signIn, type TestApp } from '../test/harness.js';
import { seedDemo } from './demo.js';
import { DEMO_PASSWORD } from './demo-users.js';

let t: TestApp;
let nist: string;

beforeAll(async () => {
  t = await setupTestApp();
  nist = (await seedDemo(t.systemCtx())).platformId;
}, 120_000);
afterAll(() => t.close());

describe('demo calls and projects', () => {
  it('has an ATP call open now by the server clock and a past closed one, public in both languages', async () => {
    const list = (await anonymous(t.app).get('/api/calls')).json();
    const atp = list.items.filter((c: { platform: { code: string } }) => c.platform.code === 'ATP');
    expect(atp.map((c: { code: string; effectiveState: string }) => [c.code, c.effectiveState])).toEqual([
      ['ATP-2026-AM', 'open'],
      ['ATP-2025-AM', 'closed'],
    ]);
    const open = (await anonymous(t.app).get(`/api/calls/${atp[0].id}`)).json();
    expect(open.titleZh).toContain('共性技术联合研发计划');
    expect(open.titleEn).toContain('joint R&D call');
    expect(Date.parse(open.closesAt)).toBeGreaterThan(t.clock.now().getTime());
    expect(open.eligibility.map((r: { kind: string }) => r.kind)).toContain('min_cofunding_ratio');
    const officer = await signIn(t.app, 'officer', DEMO_PASSWORD);
    const past = (await officer.get(`/api/calls/${atp[1].id}/manage`)).json();
    expect(past).toMatchObject({ state: 'closed', currency: 'USD' });
  });

  it("registers intramural projects for NIST's labs, once", async () => {
    // The supervisor reads every project of the platform; a lab director only those of their unit.
    const director = await signIn(t.app, 'supervisor', DEMO_PASSWORD);
    const list = (await director.get(`/api/platforms/${nist}/projects?pageSize=100`)).json();
    expect(list.total).toBe(8);
    expect(list.items.every((p: { kind: string; unit: unknown }) => p.kind === 'intramural' && p.unit)).toBe(
      true,
    );
    await seedDemo(t.systemCtx());
    expect((await director.get(`/api/platforms/${nist}/projects`)).json().total).toBe(8);
    expect((await anonymous(t.app).get('/api/calls')).json().total).toBe(2);
  });

  it('holds ATP projects at each stage of their life and NIST projects with outputs linked', async () => {
    const officer = await signIn(t.app, 'officer', DEMO_PASSWORD);
    const atp = (await anonymous(t.app).get('/api/platforms'))
      .json()
      .items.find((p: { code: string }) => p.code === 'ATP').id;
    const list = (await officer.get(`/api/platforms/${atp}/projects?pageSize=100`)).json();
    const byCode = new Map<string, { id: string; state: string; outcome: string | null }>(
      list.items.map((p: { code: string }) => [p.code, p]),
    );
    expect(
      [...byCode.entries()]
        .filter(([c]) => c.startsWith('ATP-DEMO'))
        .map(([c, p]) => [c, p.state, p.outcome])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['ATP-DEMO-01', 'in_progress', null],
      ['ATP-DEMO-02', 'in_progress', null],
      ['ATP-DEMO-03', 'in_progress', null],
      ['ATP-DEMO-04', 'rectification', null],
      ['ATP-DEMO-05', 'evaluated', 'passed'],
    ]);
    const id = (code: string) => byCode.get(code)!.id;

    // In execution: spending booked within the plan, and a report falling due (not yet submitted).
    const spending = (await officer.get(`/api/projects/${id('ATP-DEMO-01')}/spending`)).json();
    expect(spending.entries.length).toBeGreaterThan(0);
    expect(spending.cells.every((c: { headroomMinor: number }) => c.headroomMinor >= 0)).toBe(true);
    const reports = (await officer.get(`/api/projects/${id('ATP-DEMO-01')}/reports`)).json();
    expect(reports.items.some((r: { status: string }) => r.status === 'due')).toBe(true);
    expect(reports.items.some((r: { status: string }) => r.status === 'submitted')).toBe(false);
    // The demo applicant is the lead's contact: it reads its project, and may submit its report.
    const applicant = await signIn(t.app, 'applicant', DEMO_PASSWORD);
    expect((await applicant.get(`/api/projects/${id('ATP-DEMO-01')}/reports`)).json().access.submit).toBe(
      true,
    );
    expect((await applicant.get(`/api/projects/${id('ATP-DEMO-02')}`)).statusCode).toBe(404);

    // Passed its interim check with exactly one indicator not met.
    const interim = (await officer.get(`/api/projects/${id('ATP-DEMO-03')}/checks`)).json().items;
    expect(interim.map((c: { kind: string; verdict: string }) => [c.kind, c.verdict])).toEqual([
      ['interim', 'pass'],
    ]);
    const adopted = interim[0].reports.at(-1).adoption;
    expect(
      adopted.indicators.filter((i: { met: boolean }) => !i.met).map((i: { name: string }) => i.name),
    ).toEqual(['建成示范生产线']);
    expect(adopted.panel.scorecards).toBe(3);

    // In 整改 after the final check, with what must be rectified by when.
    const final = (await officer.get(`/api/projects/${id('ATP-DEMO-04')}/checks`)).json().items;
    expect(final.map((c: { kind: string; state: string }) => [c.kind, c.state])).toEqual([
      ['final', 'rectification'],
    ]);
    expect(final[0].reports.at(-1).adoption.rectification.items).toHaveLength(2);
    // 结题验收 with its two reviews: the task review asked for 整改, the financial review passed.
    expect(final[0].reports.at(-1).reviews).toMatchObject({
      task: { outcome: 'rectify' },
      financial: { outcome: 'pass', currency: expect.any(String) },
    });
    expect(final[0].reports.at(-1).reviews.financial.total.spentMinor).toBeGreaterThan(0);

    // Closed 通过 and evaluated (绩效评价) after its final check.
    const evaluation = (await officer.get(`/api/projects/${id('ATP-DEMO-05')}/evaluation`)).json().evaluation;
    expect(evaluation).toMatchObject({ grade: 'good', outcome: 'passed', finalCheck: { verdict: 'pass' } });
    const timeline = (await officer.get(`/api/projects/${id('ATP-DEMO-05')}`)).json().timeline;
    expect(timeline.map((x: { action: string }) => x.action)).toEqual([
      'create',
      'start',
      'open_final',
      'close',
      'evaluate',
    ]);

    // NIST's intramural projects link results of their units.
    const director = await signIn(t.app, 'supervisor', DEMO_PASSWORD);
    const nistProjects = (await director.get(`/api/platforms/${nist}/projects?pageSize=100`)).json().items;
    const outputs = await Promise.all(
      nistProjects.map(async (p: { id: string }) =>
        (await director.get(`/api/projects/${p.id}/outputs`)).json(),
      ),
    );
    expect(outputs.filter((o) => o.items.length > 0).length).toBeGreaterThanOrEqual(6);
  });
});
