import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../test/bad-input.js';
import type { Client, TestApp } from '../../test/harness.js';
import { buildExtramuralProject, buildProjectInExecution, setUpSpendingWorld } from './projects.fixtures.js';

let t: TestApp;
let A: string;
let officer: Client;
let lead: Client;
let supervisor: Client;
let outsider: Client;
let leadPerson: string;

const url = (id: string) => `/api/projects/${id}/spending`;
const entry = (organisationId: string, o: Record<string, unknown> = {}) => ({
  organisationId,
  category: 'equipment',
  spentOn: new Date().toISOString().slice(0, 10),
  amountMinor: 100_000,
  description: '示波器',
  ...o,
});
const inExecution = () => buildProjectInExecution(t.systemCtx(), A, { leadContactPersonId: leadPerson });

beforeAll(async () => {
  ({ t, A, officer, lead, supervisor, outsider, leadPerson } = await setUpSpendingWorld('researcher'));
});
afterAll(() => t.close());

describe('spending', () => {
  it('the lead books entries per member and category; plan against actual follows', async () => {
    const p = await inExecution();
    const res = await lead.post(url(p.id), entry(p.lead));
    expect(res.statusCode, res.body).toBe(201);
    await lead.post(
      url(p.id),
      entry(p.partner, {
        category: 'labour',
        amountMinor: 40_000,
        description: '劳务',
        evidenceRef: ' INV-7 ',
      }),
    );
    const view = (await supervisor.get(url(p.id))).json();
    expect(view.totals).toEqual({ plannedMinor: 900_000, spentMinor: 140_000 });
    expect(view.cells.slice(0, 4)).toEqual([
      {
        organisationId: p.lead,
        category: 'equipment',
        plannedMinor: 300_000,
        spentMinor: 100_000,
        headroomMinor: 200_000,
      },
      {
        organisationId: p.lead,
        category: 'operations',
        plannedMinor: 150_000,
        spentMinor: 0,
        headroomMinor: 150_000,
      },
      {
        organisationId: p.lead,
        category: 'labour',
        plannedMinor: 50_000,
        spentMinor: 0,
        headroomMinor: 50_000,
      },
      {
        organisationId: p.lead,
        category: 'indirect',
        plannedMinor: 50_000,
        spentMinor: 0,
        headroomMinor: 50_000,
      },
    ]);
    expect(
      view.cells.find(
        (c: { organisationId: string; category: string }) =>
          c.organisationId === p.partner && c.category === 'labour',
      ),
    ).toMatchObject({ spentMinor: 40_000, headroomMinor: 60_000 });
    expect(
      view.entries
        .map((e: { description: string; evidenceRef: string | null }) => [e.description, e.evidenceRef])
        .sort(),
    ).toEqual([
      ['劳务', 'INV-7'],
      ['示波器', null],
    ]);
    expect(view.access.record).toBe(false);
    expect((await lead.get(url(p.id))).json().access.record).toBe(true);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'project.spending_recorded')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses an entry beyond the approved amount with 422 naming the category and the headroom, writing nothing', async () => {
    const p = await inExecution();
    expect((await lead.post(url(p.id), entry(p.lead, { amountMinor: 250_000 }))).statusCode).toBe(201);
    const before = await snapshotTables(t.database);
    const res = await lead.post(url(p.id), entry(p.lead, { amountMinor: 50_001 }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'projects.spending_over_budget',
      category: 'equipment',
      organisationId: p.lead,
      headroomMinor: 50_000,
      errors: [{ pointer: '/amountMinor', code: 'projects.spending_over_budget' }],
    });
    // The partner has no 设备费 at all.
    const none = await lead.post(url(p.id), entry(p.partner, { amountMinor: 1 }));
    expect(none.json()).toMatchObject({ category: 'equipment', headroomMinor: 0 });
    expect(await snapshotTables(t.database)).toEqual(before);
    // The exact headroom is still accepted, and nothing more after it.
    expect((await lead.post(url(p.id), entry(p.lead, { amountMinor: 50_000 }))).statusCode).toBe(201);
    expect((await lead.post(url(p.id), entry(p.lead, { amountMinor: 1 }))).json().headroomMinor).toBe(0);
  });

  it('refuses bad input with the field pointer, and writes nothing', async () => {
    const p = await inExecution();
    const stranger = (await buildExtramuralProject(t.systemCtx(), A)).leadOrgId!;
    const before = await snapshotTables(t.database);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ amountMinor: 0 }, '/amountMinor'],
      [{ amountMinor: 10.5 }, '/amountMinor'],
      [{ amountMinor: -5 }, '/amountMinor'],
      [{ category: 'travel' }, '/category'],
      [{ spentOn: '2020-01-01' }, '/spentOn'],
      [{ spentOn: '2026-02-30' }, '/spentOn'],
      [{ description: '  ' }, '/description'],
      [{ evidenceRef: '  ' }, '/evidenceRef'],
      [{ evidenceRef: 'x'.repeat(101) }, '/evidenceRef'],
      [{ organisationId: stranger }, '/organisationId'],
    ];
    for (const [patch, pointer] of cases) {
      const res = await lead.post(url(p.id), entry(p.lead, patch));
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect(await snapshotTables(t.database)).toEqual(before);
  });

  it('is booked only by the project side, only in execution with a frozen 任务书', async () => {
    const p = await inExecution();
    expect((await supervisor.post(url(p.id), entry(p.lead))).statusCode).toBe(403);
    expect((await outsider.post(url(p.id), entry(p.lead))).statusCode).toBe(404);
    expect((await outsider.get(url(p.id))).statusCode).toBe(404);
    expect((await officer.post(url(p.id), entry(p.lead, { amountMinor: 1 }))).statusCode).toBe(201);
    const suspended = await officer.post(`/api/projects/${p.id}/transitions`, {
      action: 'suspend',
      reason: '审计',
    });
    expect(suspended.statusCode).toBe(200);
    const res = await lead.post(url(p.id), entry(p.lead));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'projects.not_in_execution', state: 'suspended' });
    const unsigned = await buildExtramuralProject(t.systemCtx(), A, {
      leadContactPersonId: leadPerson,
      state: 'in_progress',
    });
    const r2 = await lead.post(url(unsigned.id), entry(unsigned.leadOrgId!));
    expect(r2.statusCode).toBe(409);
    expect(r2.json().code).toBe('projects.agreement_unsigned');
  });
});
