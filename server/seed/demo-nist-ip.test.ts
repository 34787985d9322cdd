import { execFile } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../db/audit-chain.js';
import { setupTestApp, signIn, TEST_DB, type TestApp } from '../test/harness.js';
import { seedDemo } from './demo.js';
import { DEMO_PASSWORD } from './demo-users.js';

// The NIST demo reproduces the source document's figures for 2010–2016 (NIST's federal fiscal years,
// October to September) from individual generated records, through the API and through the CLI.
let t: TestApp;
let nist: string;
const SEED_FIGURES = {
  inventionDisclosures: 273,
  patentApplications: 151,
  patentsIssued: 105,
  activeLicences: 266,
  licenceIncome: { amountMinor: 103_440_000, currency: 'USD' },
};

beforeAll(async () => {
  t = await setupTestApp();
  nist = (await seedDemo(t.systemCtx())).platformId;
}, 120_000);
afterAll(() => t.close());

const officer = () => signIn(t.app, 'transfer', DEMO_PASSWORD);

describe('NIST demo tech-transfer records', () => {
  it('the API report for 2010–2016 shows the source document figures', async () => {
    const client = await officer();
    const res = await client.request({
      method: 'GET',
      url: `/api/platforms/${nist}/reports/tech-transfer?from=2010&to=2016`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject(SEED_FIGURES);
    expect(r.scope).toMatchObject({
      basis: 'fiscal',
      startDate: '2009-10-01',
      endDate: '2016-09-30',
      currency: 'USD',
    });
    // The per-year flows add up to the period's flows; the active-licence stock does not (counted once).
    const sum = (k: string) => r.years.reduce((s: number, y: Record<string, number>) => s + y[k]!, 0);
    expect(sum('inventionDisclosures')).toBe(273);
    expect(sum('patentApplications')).toBe(151);
    expect(sum('patentsIssued')).toBe(105);
    expect(sum('activeLicences')).toBeGreaterThan(266);
    expect(
      r.years.reduce(
        (s: number, y: { licenceIncome: { amountMinor: number } }) => s + y.licenceIncome.amountMinor,
        0,
      ),
    ).toBe(103_440_000);
    expect(r.federal.licences.active.invention + r.federal.licences.active.otherIp).toBe(266);
    expect(r.federal.licences.active.otherIp).toBeGreaterThan(0);
    expect(r.autm.licenceIncome.amountMinor + r.autm.excluded.amountMinor).toBe(103_440_000);
    expect(r.autm.excluded.amountMinor).toBeGreaterThan(0);
    expect(r.federal.paidToInventors.amountMinor).toBeGreaterThan(0);
  });

  it('the report endpoint is documented in OpenAPI with its query and the five figures', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const op = doc.paths['/api/platforms/{platformId}/reports/tech-transfer'].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['platformId', 'from', 'to', 'basis', 'currency']),
    );
    const props = op.responses['200'].content['application/json'].schema.properties;
    for (const k of Object.keys(SEED_FIGURES)) expect(props).toHaveProperty(k);
  });

  it('records outside the period exist: other periods and calendar years give other figures', async () => {
    const client = await officer();
    const get = async (q: string) =>
      (
        await client.request({ method: 'GET', url: `/api/platforms/${nist}/reports/tech-transfer?${q}` })
      ).json();
    const calendar = await get('from=2010&to=2016&basis=calendar');
    expect(calendar.scope).toMatchObject({ startDate: '2010-01-01', endDate: '2016-12-31' });
    expect(calendar.inventionDisclosures).not.toBe(273);
    const all = await get('from=2000&to=2020');
    expect(all.inventionDisclosures).toBeGreaterThan(273);
    expect(all.patentApplications).toBeGreaterThan(151);
    expect(all.patentsIssued).toBeGreaterThan(105);
    expect(all.activeLicences).toBeGreaterThan(266);
    expect(all.licenceIncome.amountMinor).toBeGreaterThan(103_440_000);
    // The same figures in yuan with the demo's yearly rates.
    const cny = await get('from=2010&to=2016&currency=CNY');
    expect(cny.licenceIncome.currency).toBe('CNY');
    expect(cny.licenceIncome.amountMinor).toBeGreaterThan(6 * 103_440_000);
    expect(cny.inventionDisclosures).toBe(273);
  });

  it('is idempotent and audited', async () => {
    const before = await t.database.db
      .selectFrom('ip_disclosures')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    await seedDemo(t.systemCtx());
    const after = await t.database.db
      .selectFrom('ip_disclosures')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'demo.tech_transfer_seeded')
      .execute();
    expect(audit).toHaveLength(1);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('the CLI prints the same figures as JSON', async () => {
    const bin = fileURLToPath(new URL('../../bin/commonlab.js', import.meta.url));
    // The CLI opens DATA_DIR/commonlab.sqlite or DATABASE_URL: point it at this test's database.
    const cliDir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-report-cli-'));
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      NODE_ENV: 'test',
      COMMONLAB_FROM_SOURCE: '1',
      DATA_DIR: cliDir,
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    if (TEST_DB === 'postgres') {
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.database.db);
      const url = new URL(inject('pgAdminUrl'));
      url.pathname = `/${rows[0]!.name}`;
      env.DATABASE_URL = url.toString();
    } else symlinkSync(path.join(t.config.dataDir, 'test.sqlite'), path.join(cliDir, 'commonlab.sqlite'));
    const out = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [bin, 'report', 'tech-transfer', '--platform', 'nist', '--from', '2010', '--to', '2016', '--json'],
        { env, timeout: 90_000 },
        (err, stdout, stderr) => resolve({ code: err ? 1 : 0, stdout, stderr }),
      ),
    );
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject(SEED_FIGURES);
  }, 120_000);
});
