import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { type Kysely, sql } from 'kysely';
import { AGREEMENT_KINDS, LICENCE_KINDS, RECEIPT_CATEGORIES } from '../common/ip.js';
import type { DB } from '../server/db/schema.js';
import { newId } from '../server/http/context.js';
import {
  rebuildAgreementMonths,
  rebuildLicenceFigures,
  rebuildReceiptMonths,
} from '../server/modules/agreements/agreements.service.js';
import { rebuildIpMonths } from '../server/modules/ip/ip.service.js';
import { techTransferReport } from '../server/modules/ttreports/ttreports.service.js';
import { findPostgresBin } from '../server/test/postgres-server.js';
import { withBenchDatabase } from './lib/bench-database.js';
import { seededRandom } from './lib/fixture.js';
import { fmtInt } from './lib/load.js';
import { statementLog } from './lib/statement-log.js';
import type { Benchmark, BenchOptions, BenchReport } from './lib/types.js';

/** One million IP events on one platform: the mix of a large tech-transfer office over 21 years. */
const EVENTS = { disclosures: 100_000, filings: 150_000, agreements: 150_000, receipts: 600_000 };
const TOTAL = Object.values(EVENTS).reduce((a, b) => a + b, 0);
const CHUNK = 500;
const REPEAT = 3;

const day0 = Date.UTC(2000, 0, 1) / 86_400_000;
const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const SPAN = Date.UTC(2020, 11, 31) / 86_400_000 - day0;

export async function insertAll(
  db: Kysely<DB>,
  table: keyof DB,
  n: number,
  row: (i: number) => Record<string, unknown>,
) {
  for (let i = 0; i < n; i += CHUNK) {
    const rows = [];
    for (let k = i; k < Math.min(n, i + CHUNK); k++) rows.push(row(k));
    await db
      .insertInto(table)
      .values(rows as never)
      .execute();
  }
}

/** Generates the events with plain multi-row inserts (the services would audit each one; not measured here). */
export async function generate(db: Kysely<DB>, progress: (s: string) => void) {
  const rnd = seededRandom(6);
  const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
  const now = new Date().toISOString();
  const platformId = newId();
  await db
    .insertInto('platforms')
    .values({
      id: platformId,
      code: 'BENCH',
      name_zh: '基准',
      name_en: 'Bench',
      model: 'gov_institute',
      fiscal_year_start_month: 10,
      default_currency: 'USD',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const units = Array.from({ length: 7 }, () => newId());
  await insertAll(db, 'org_units', units.length, (i) => ({
    id: units[i],
    platform_id: platformId,
    kind: 'laboratory',
    name_zh: `实验室${i}`,
    name_en: `Lab ${i}`,
    created_at: now,
    updated_at: now,
  }));
  const orgs = Array.from({ length: 500 }, () => newId());
  await insertAll(db, 'organisations', orgs.length, (i) => ({
    id: orgs[i],
    name_zh: `被许可方${i}`,
    name_en: `Licensee ${i}`,
    name_key: `licensee${i}`,
    type: 'enterprise',
    enterprise_size: i % 3 ? 'large' : 'sme',
    country: 'US',
    created_at: now,
    updated_at: now,
  }));
  const dDays: number[] = [];
  const dIds: string[] = [];
  progress(`generating ${fmtInt(EVENTS.disclosures)} disclosures`);
  await insertAll(db, 'ip_disclosures', EVENTS.disclosures, (i) => {
    const d = int(0, SPAN);
    dDays.push(d);
    dIds.push(newId());
    return {
      id: dIds[i],
      platform_id: platformId,
      unit_id: units[i % 7],
      ref_no: `D${i}`,
      title: `Invention ${i}`,
      ip_kind: 'patentable',
      received_date: isoOf(day0 + d),
      created_at: now,
      updated_at: now,
    };
  });
  progress(`generating ${fmtInt(EVENTS.filings)} filings`);
  await insertAll(db, 'ip_filings', EVENTS.filings, (i) => {
    const k = int(0, EVENTS.disclosures - 1);
    const filed = dDays[k]! + int(30, 400);
    const granted = rnd() < 0.45 ? filed + int(500, 1500) : null;
    const id = newId();
    return {
      id,
      platform_id: platformId,
      disclosure_id: dIds[k],
      family_id: id,
      parent_filing_id: null,
      jurisdiction: rnd() < 0.7 ? 'US' : 'EP',
      filing_type: 'utility',
      application_number: `A${i}`,
      patent_number: granted ? `P${i}` : null,
      filing_date: isoOf(day0 + filed),
      priority_date: isoOf(day0 + filed),
      grant_date: granted ? isoOf(day0 + granted) : null,
      status: granted ? 'granted' : 'pending',
      created_at: now,
      updated_at: now,
    };
  });
  progress(`generating ${fmtInt(EVENTS.agreements)} agreements`);
  const aIds: string[] = [];
  const aDays: number[] = [];
  await insertAll(db, 'agreements', EVENTS.agreements, (i) => {
    const kind = rnd() < 0.7 ? 'licence' : AGREEMENT_KINDS[int(1, AGREEMENT_KINDS.length - 1)]!;
    const licensing = kind === 'licence' || kind === 'option';
    const exec = int(0, SPAN);
    aIds.push(newId());
    aDays.push(exec);
    const terminated = rnd() < 0.1 ? exec + int(100, 2000) : null;
    return {
      id: aIds[i],
      platform_id: platformId,
      unit_id: units[i % 7],
      ref_no: `G${i}`,
      title: `Agreement ${i}`,
      kind,
      licence_kind: licensing ? LICENCE_KINDS[int(0, LICENCE_KINDS.length - 1)] : null,
      exclusivity: licensing ? (rnd() < 0.3 ? 'exclusive' : 'non_exclusive') : null,
      crada_class: kind === 'crada' ? 'traditional' : null,
      partner_org_id: orgs[int(0, orgs.length - 1)],
      request_date: isoOf(day0 + exec - int(10, 200)),
      execution_date: isoOf(day0 + exec),
      end_date: rnd() < 0.5 ? isoOf(day0 + exec + int(365, 3650)) : null,
      termination_date: terminated ? isoOf(day0 + terminated) : null,
      termination_reason: terminated ? (rnd() < 0.5 ? 'for_cause' : 'mutual') : null,
      contract_value_minor: licensing ? null : int(1, 500) * 100_000,
      currency: 'USD',
      created_at: now,
      updated_at: now,
    };
  });
  progress(`generating ${fmtInt(EVENTS.receipts)} receipts`);
  const categories = RECEIPT_CATEGORIES.filter((c) => c !== 'refund');
  await insertAll(db, 'receipts', EVENTS.receipts, () => {
    const k = int(0, EVENTS.agreements - 1);
    return {
      id: newId(),
      platform_id: platformId,
      agreement_id: aIds[k],
      received_date: isoOf(day0 + aDays[k]! + int(0, 2000)),
      amount_minor: int(1, 50_000) * 100,
      currency: 'USD',
      category: categories[int(0, categories.length - 1)],
      created_at: now,
    };
  });
  // Inserted in bulk, so their monthly rollups and licence figures (kept record by record by the writes,
  // ADRs 0043 and 0049) are summed here.
  progress('summing receipts, agreements and IP events per month');
  await rebuildReceiptMonths(db, platformId);
  await rebuildAgreementMonths(db, platformId);
  await rebuildIpMonths(db, platformId);
  await rebuildLicenceFigures(db, platformId);
  return platformId;
}

/** The whole report but its generation time, hashed: equal digests before and after a change = the same figures. */
const digest = ({ generatedAt: _g, platform: _p, ...figures }: { generatedAt: string; platform: unknown }) =>
  createHash('sha256').update(JSON.stringify(figures)).digest('hex').slice(0, 16);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}

/**
 * TT_KEEP=FILE keeps the generated database for EXPLAIN (ANALYZE, BUFFERS) and scratch indexes: the bench
 * writes the database's file or URL into FILE and waits until FILE is removed, then drops it as usual.
 */
async function keepWhile(kind: string, where: string | undefined, opts: BenchOptions) {
  const keep = process.env.TT_KEEP;
  if (!keep) return;
  writeFileSync(keep, `${where ?? ''}\n`);
  opts.progress(`${kind}: database kept at ${where}; remove ${keep} to drop it`);
  while (existsSync(keep)) await new Promise((r) => setTimeout(r, 1000));
}

async function runOn(kind: 'sqlite' | 'postgres', opts: BenchOptions) {
  return withBenchDatabase(kind, async ({ database, ctx }) => {
    const t0 = performance.now();
    const platformId = await generate(database.db, (s) => opts.progress(`${kind}: ${s}`));
    const seedSeconds = (performance.now() - t0) / 1000;
    // Statistics and (PostgreSQL) the visibility map as a maintained database has them after its
    // autovacuum: without them a freshly bulk-loaded table is read row by row even from a covering index.
    opts.progress(`${kind}: analysing`);
    await sql.raw(kind === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE').execute(database.db);
    opts.progress(`${kind}: timing the FY2010–FY2016 report ${REPEAT}× and the baselines`);
    const report = () => techTransferReport(ctx, { platformId, from: 2010, to: 2016, basis: 'fiscal' });
    const count = () =>
      database.db
        .selectFrom('receipts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
    const sum = () =>
      database.db
        .selectFrom('receipts')
        .select((eb) => eb.fn.sum('amount_minor').as('s'))
        .where('platform_id', '=', platformId)
        .where('received_date', '>=', '2009-10-01')
        .where('received_date', '<=', '2016-09-30')
        .executeTakeFirstOrThrow();
    const runs = { report: [] as number[], count: [] as number[], sum: [] as number[] };
    let last: Awaited<ReturnType<typeof report>> | null = null;
    for (let i = 0; i < REPEAT; i++) {
      const r = await time(report);
      runs.report.push(r.ms);
      last = r.value;
      runs.count.push((await time(count)).ms);
      runs.sum.push((await time(sum)).ms);
    }
    // Where the report's time goes: its statements, slowest first, in one more run on a logged connection.
    const logged = statementLog({ file: database.file, url: ctx.config.databaseUrl });
    try {
      await techTransferReport(
        { ...ctx, db: logged.db },
        { platformId, from: 2010, to: 2016, basis: 'fiscal' },
      );
    } finally {
      await logged.close();
    }
    await keepWhile(kind, database.file ?? ctx.config.databaseUrl, opts);
    const total = logged.spent.reduce((a, s) => a + s.ms, 0);
    // Every statement, slowest first (TT_STATEMENTS=5 keeps the five slowest).
    const keep = Number(process.env.TT_STATEMENTS ?? logged.spent.length);
    const slowest = [...logged.spent].sort((a, b) => b.ms - a.ms).slice(0, keep);
    const row = (label: string, xs: number[]) => [
      `${kind} ${label}`,
      median(xs).toFixed(0),
      Math.min(...xs).toFixed(0),
      Math.max(...xs).toFixed(0),
    ];
    return {
      rows: [
        row('tech-transfer report FY2010–2016', runs.report),
        row('baseline COUNT(*) receipts', runs.count),
        row('baseline SUM receipts in period', runs.sum),
      ],
      setup: `${kind}: report digest ${digest(last!)}; ${fmtInt(TOTAL)} events generated in ${seedSeconds.toFixed(0)} s; report: ${fmtInt(last!.inventionDisclosures)} disclosures, ${fmtInt(last!.patentApplications)} applications, ${fmtInt(last!.patentsIssued)} issued, ${fmtInt(last!.activeLicences)} active licences, income ${fmtInt(last!.licenceIncome.amountMinor / 100)} USD`,
      profile: `${kind}: ${logged.spent.length} statements, ${total.toFixed(0)} ms; slowest first:\n${slowest.map((s, i) => `  ${i + 1}. ${s.ms.toFixed(0)} ms ${s.sql.slice(0, 160)}…`).join('\n')}`,
      ratio: `${kind}: report ${(median(runs.report) / median(runs.count)).toFixed(1)}× a COUNT(*) over all receipts`,
    };
  });
}

/**
 * Issue #6: the tech-transfer report (federal, AUTM and Chinese sets with the per-year breakdown) for
 * FY2010–FY2016 over one million generated IP events on one platform, against a plain COUNT(*) and a
 * period SUM over the receipts table in the same run, on SQLite and (when installed) PostgreSQL.
 */
const ttReport: Benchmark = {
  name: 'tech-transfer-report',
  description: `tech-transfer report FY2010–2016 over ${fmtInt(TOTAL)} IP events (disclosures, filings, agreements, receipts) vs COUNT(*)`,
  async run(opts): Promise<BenchReport> {
    // TT_ON=sqlite or TT_ON=postgres runs one database only.
    const on = process.env.TT_ON ?? 'sqlite,postgres';
    const results = on.includes('sqlite') ? [await runOn('sqlite', opts)] : [];
    if (on.includes('postgres') && findPostgresBin()) results.push(await runOn('postgres', opts));
    return {
      setup: [
        ...results.map((r) => r.setup),
        ...results.map((r) => r.profile),
        ...(findPostgresBin() ? [] : ['postgres: not installed here (PG_BIN or initdb on PATH); skipped']),
        `events: ${Object.entries(EVENTS)
          .map(([k, v]) => `${k} ${fmtInt(v)}`)
          .join(', ')}; dates 2000–2020; ${REPEAT} runs each, median/min/max`,
        'PostgreSQL: throwaway cluster with fsync off (as the tests), VACUUM ANALYZE after the load; SQLite: WAL, synchronous=FULL, ANALYZE after the load',
      ],
      table: {
        header: ['query', 'median ms', 'min ms', 'max ms'],
        rows: results.flatMap((r) => r.rows),
        numeric: [1, 2, 3],
      },
      summary: results.map((r) => r.ratio),
      problems: [],
    };
  },
};
export default ttReport;
