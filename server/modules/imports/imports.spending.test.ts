import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../test/bad-input.js';
import type { Client, TestApp } from '../../test/harness.js';
import { validCreditCode } from '../orgs/orgs.fixtures.js';
import { buildProjectInExecution, setUpSpendingWorld } from '../projects/projects.fixtures.js';
import { csv, parseCsvBody, readXlsx, upload, xlsx } from './imports.fixtures.js';

/**
 * The spending import (issue 13, docs/projects.md "Spending import"). The fixture's plan: the lead has
 * 设备费 ¥3 000, 业务费 ¥1 500, 劳务费 ¥500; the partner 业务费 ¥2 000, 劳务费 ¥1 000, no 设备费.
 */
let t: TestApp;
let A: string;
let lead: Client;
let officer: Client;
let supervisor: Client;
let outsider: Client;
let leadPerson: string;

const HEAD = ['成员单位', '支出类别', '支出日期', '金额（元）', '摘要', '凭证号'];
const today = () => new Date().toISOString().slice(0, 10);
const url = (projectId: string, preview = false) =>
  `/api/imports/spending${preview ? '/preview' : ''}?projectId=${projectId}`;

interface Project {
  id: string;
  lead: string;
  partner: string;
  leadName: string;
  partnerName: string;
}
async function project(): Promise<Project> {
  const p = await buildProjectInExecution(t.systemCtx(), A, { leadContactPersonId: leadPerson });
  const members = (await officer.get(`/api/projects/${p.id}`)).json().members as {
    organisation: { id: string; nameZh: string; nameEn: string | null };
  }[];
  const name = (id: string) => members.find((m) => m.organisation.id === id)!.organisation;
  return {
    id: p.id,
    lead: p.lead,
    partner: p.partner,
    leadName: name(p.lead).nameZh,
    partnerName: name(p.partner).nameZh,
  };
}
const entries = (projectId: string) =>
  t.database.db.selectFrom('project_spending').selectAll().where('project_id', '=', projectId).execute();

beforeAll(async () => {
  ({ t, A, officer, lead, supervisor, outsider, leadPerson } = await setUpSpendingWorld('applicant'));
});
afterAll(() => t.close());

describe('spending import: preview', () => {
  it('checks every row, naming the column and why, with the budget counted over the rows above; nothing is written', async () => {
    const p = await project();
    await lead.post(`/api/projects/${p.id}/spending`, {
      organisationId: p.lead,
      category: 'equipment',
      spentOn: today(),
      amountMinor: 50_000,
      description: '已记账',
    });
    const file = csv([
      HEAD,
      [p.leadName, '设备费', today(), '1,000.50', '示波器', 'FP-001'],
      [p.leadName, 'equipment', today(), '1499', '频谱仪', ''],
      [p.leadName, '设备费', today(), '1', '探头', ''],
      ['不存在的单位', '业务费', today(), '10', '差旅', ''],
      [p.partnerName, '差旅费', today(), '10', '差旅', ''],
      [p.partnerName, '业务费', '2026-02-30', '10', '差旅', ''],
      [p.partnerName, '劳务费', today(), '0', '劳务', ''],
      [p.partnerName, '劳务费', today(), '12.345', '劳务', ''],
      [p.partnerName, '设备费', today(), '5', '工具', ''],
      [p.leadName, '设备费', today(), '500', '已记账', ''],
    ]);
    const before = await snapshotTables(t.database);
    const res = await upload(lead, url(p.id, true), file);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(await snapshotTables(t.database)).toEqual(before);
    expect(body.summary).toEqual({ rows: 10, valid: 2, invalid: 8 });
    expect(body.rows[0].values).toMatchObject({
      cost_category: 'equipment',
      amount: '100050',
      evidence_ref: 'FP-001',
    });
    const errors = body.errors.map((e: { row: number; columnKey: string | null; code: string }) => [
      e.row,
      e.columnKey,
      e.code,
    ]);
    expect(errors).toEqual([
      // ¥3 000 planned, ¥500 booked, ¥1 000.50 and ¥1 500 above: ¥0.50 left, not ¥1.
      [4, 'amount', 'projects.spending_over_budget'],
      [5, 'organisation', 'imports.unknown_member'],
      [6, 'cost_category', 'imports.invalid_value'],
      [7, 'spent_on', 'imports.invalid_date'],
      [8, 'amount', 'imports.amount_not_positive'],
      [9, 'amount', 'imports.invalid_amount'],
      [10, 'amount', 'projects.spending_over_budget'],
      [11, null, 'imports.duplicate_entry'],
    ]);
    const over = body.errors.filter((e: { code: string }) => e.code === 'projects.spending_over_budget');
    expect(over.map((e: { params: unknown }) => e.params)).toEqual([
      { category: 'equipment', organisationId: p.lead, headroomMinor: 50 },
      { category: 'equipment', organisationId: p.partner, headroomMinor: 0 },
    ]);
    expect(body.errors[0]).toMatchObject({ column: '金额（元）', value: '1' });
  });

  it('matches members by English name or credit code and takes an XLSX with typed cells', async () => {
    const p = await project();
    const code = validCreditCode();
    const orgs = t.database.db.updateTable('organisations');
    await orgs
      .set({ name_en: `Partner ${p.partner.slice(-6)} Ltd` })
      .where('id', '=', p.partner)
      .execute();
    await orgs.set({ credit_code: code }).where('id', '=', p.lead).execute();
    const file = await xlsx([
      ['member', 'category', 'date', 'amount', 'description', 'evidence_ref'],
      [
        `partner ${p.partner.slice(-6)} ltd`,
        'labor',
        new Date(`${today()}T00:00:00Z`),
        99.9,
        'Survey',
        'V-7',
      ],
      [code, 'Operations', today(), 20, 'Materials', null],
    ]);
    const res = await upload(lead, url(p.id, true), file, 'spending.xlsx');
    expect(res.json().errors).toEqual([]);
    expect(res.json().rows.map((r: { values: unknown }) => r.values)).toMatchObject([
      { cost_category: 'labour', spent_on: today(), amount: '9990' },
      { cost_category: 'operations', amount: '2000' },
    ]);
  });
});

describe('spending import: commit', () => {
  it('books every row in one transaction with one import entry in the audit and the totals change', async () => {
    const p = await project();
    const file = await xlsx([
      HEAD,
      [p.leadName, '设备费', today(), 1000.5, '示波器', 'FP-001'],
      [p.partnerName, '劳务费', today(), '300', '问卷劳务', null],
    ]);
    const res = await upload(lead, url(p.id), file, '支出.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'spending', summary: { rows: 2, valid: 2, invalid: 0 } });
    const rows = await entries(p.id);
    expect(
      rows.map((r) => [r.organisation_id, r.category, Number(r.amount_minor), r.evidence_ref]).sort(),
    ).toEqual(
      [
        [p.lead, 'equipment', 100_050, 'FP-001'],
        [p.partner, 'labour', 30_000, null],
      ].sort(),
    );
    const view = (await supervisor.get(`/api/projects/${p.id}/spending`)).json();
    expect(view.totals.spentMinor).toBe(130_050);
    expect(view.entries.find((e: { evidenceRef: string | null }) => e.evidenceRef)).toMatchObject({
      evidenceRef: 'FP-001',
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type', 'platform_id'])
      .where('entity_id', '=', p.id)
      .where('action', 'in', ['import.committed', 'project.spending_recorded'])
      .execute();
    expect(audit.filter((a) => a.action === 'project.spending_recorded')).toHaveLength(2);
    expect(audit.filter((a) => a.action === 'import.committed')).toEqual([
      { action: 'import.committed', entity_type: 'project', platform_id: A },
    ]);
    // The same file again: every row is already booked.
    const again = await upload(lead, url(p.id), file, '支出.xlsx');
    expect(again.statusCode).toBe(400);
    expect(again.json().rowErrors.map((e: { code: string }) => e.code)).toEqual([
      'imports.duplicate_entry',
      'imports.duplicate_entry',
    ]);
  });

  it('writes nothing when one row fails, the budget checked again at commit time', async () => {
    const p = await project();
    const file = csv([
      HEAD,
      [p.leadName, '业务费', today(), '1000', '测试费', ''],
      [p.leadName, '业务费', today(), '400', '加工费', ''],
    ]);
    expect((await upload(lead, url(p.id, true), file)).json().errors).toEqual([]);
    // Booked between the preview and the import: ¥1 500 planned, ¥200 taken, the second row no longer fits.
    await officer.post(`/api/projects/${p.id}/spending`, {
      organisationId: p.lead,
      category: 'operations',
      spentOn: today(),
      amountMinor: 20_000,
      description: '另一笔',
    });
    const before = await snapshotTables(t.database);
    const res = await upload(lead, url(p.id), file);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'imports.invalid_rows',
      rowErrors: [
        {
          row: 3,
          columnKey: 'amount',
          code: 'projects.spending_over_budget',
          params: { category: 'operations', headroomMinor: 30_000 },
        },
      ],
    });
    expect(await snapshotTables(t.database)).toEqual(before);
  });

  it('refuses a malformed file with a 4xx problem and writes nothing', async () => {
    const p = await project();
    const before = await snapshotTables(t.database);
    const cases: [Buffer, number, string][] = [
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 400, 'imports.unreadable_file'],
      [Buffer.from([0xff, 0xfe, 0x00, 0x41]), 415, 'imports.unsupported_file'],
      [Buffer.from('\uFEFF'), 400, 'imports.empty_file'],
    ];
    for (const [bytes, status, code] of cases) {
      const res = await upload(lead, url(p.id), bytes);
      expect(res.statusCode, code).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe(code);
    }
    const noAmount = await upload(lead, url(p.id), csv([['成员单位', '支出类别', '支出日期', '摘要']]));
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json().rowErrors).toContainEqual(
      expect.objectContaining({ row: 1, columnKey: 'amount', code: 'imports.missing_column' }),
    );
    expect(await snapshotTables(t.database)).toEqual(before);
  });
});

describe('spending import: who', () => {
  it('is open to those who book spending, only in execution; others get 403 or 404', async () => {
    const p = await project();
    const file = () => csv([HEAD, [p.leadName, '设备费', today(), '1', '探头', '']]);
    expect((await upload(supervisor, url(p.id, true), file())).statusCode).toBe(403);
    expect((await upload(outsider, url(p.id, true), file())).statusCode).toBe(404);
    expect((await outsider.get(`/api/exports/spending.csv?projectId=${p.id}`)).statusCode).toBe(404);
    expect((await upload(officer, url(p.id), file())).statusCode).toBe(201);
    await officer.post(`/api/projects/${p.id}/transitions`, { action: 'suspend', reason: '审计' });
    const res = await upload(lead, url(p.id), file());
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'projects.not_in_execution', state: 'suspended' });
  });

  it('gives the template in the caller’s language and exports the ledger so it imports again', async () => {
    const zh = await readXlsx((await lead.get('/api/imports/spending/template.xlsx')).rawPayload);
    expect(zh.项目支出![0]).toEqual(HEAD);
    const en = (await lead.get('/api/imports/spending/template.csv?lang=en-US')).body;
    expect(parseCsvBody(en)[0]).toEqual([
      'organisation',
      'cost_category',
      'spent_on',
      'amount',
      'description',
      'evidence_ref',
    ]);
    const p = await project();
    // For a project the caller reads, the instructions list its members; to anyone else it is not there.
    const named = await readXlsx(
      (await lead.get(`/api/imports/spending/template.xlsx?projectId=${p.id}`)).rawPayload,
    );
    expect(named.填写说明!.find((r) => r[0] === '成员单位')![2]).toBe(`${p.leadName}、${p.partnerName}`);
    expect((await outsider.get(`/api/imports/spending/template.xlsx?projectId=${p.id}`)).statusCode).toBe(
      404,
    );
    await upload(lead, url(p.id), csv([HEAD, [p.leadName, '设备费', today(), '12.3', '探头', 'X1']]));
    const out = await supervisor.get(`/api/exports/spending.csv?projectId=${p.id}`);
    expect(out.statusCode).toBe(200);
    expect(parseCsvBody(out.body)[1]).toEqual([p.leadName, '设备费', today(), '12.30', '探头', 'X1']);
  });
});
