import { performance } from 'node:perf_hooks';
import { type Kysely, sql } from 'kysely';
import { fillProjectFigures } from '../server/db/migrations/0051_project_figures.js';
import type { DB } from '../server/db/schema.js';
import type { Ctx } from '../server/http/context.js';
import { portfolioWorkbook } from '../server/modules/projects/projects.portfolio.export.js';
import { getPortfolio } from '../server/modules/projects/projects.portfolio.js';
import {
  type PortfolioFilter,
  portfolioCount,
  portfolioFlagCounts,
  portfolioProjects,
} from '../server/modules/projects/projects.portfolio.repository.js';
import { unitNames } from '../server/modules/units/units.lookup.js';
import { findPostgresBin } from '../server/test/postgres-server.js';
import { withBenchDatabase } from './lib/bench-database.js';
import { fmtInt } from './lib/load.js';
import type { Benchmark, BenchOptions, BenchReport } from './lib/types.js';

/**
 * Issue 13: the portfolio page's queries (GET /api/projects/portfolio and its XLSX export) over one
 * platform with 50,000 projects, 2 million spending entries and 500,000 linked outputs. The size scales
 * with BENCH_PORTFOLIO_SCALE (1 = the issue's size; 0.1 = a tenth of every table).
 */
const SCALE = Number(process.env.BENCH_PORTFOLIO_SCALE ?? 1);
const REPEAT = Number(process.env.BENCH_PORTFOLIO_REPEAT ?? 10);
/** Only the queries whose label contains this (e.g. `count`); with a leading `!`, all but those. */
const ONLY = process.env.BENCH_PORTFOLIO_ONLY ?? '';
const chosen = (label: string) =>
  ONLY.startsWith('!') ? !label.includes(ONLY.slice(1)) : label.includes(ONLY);
const N = {
  projects: Math.round(50_000 * SCALE),
  spending: Math.round(2_000_000 * SCALE),
  outputs: Math.round(500_000 * SCALE),
  /** An approved 预算调剂 on every fifth project, two reports on four in five, a decided check on two in five. */
  adjustments: Math.round(10_000 * SCALE),
  reports: Math.round(80_000 * SCALE),
  checks: Math.round(20_000 * SCALE),
};
const UNITS = 7;
const ORGS = 200;
const STATES = [
  'in_progress',
  'in_progress',
  'in_progress',
  'in_progress',
  'interim_check',
  'final_acceptance',
  'rectification',
  'closed',
  'evaluated',
  'contracting',
];

type Kind = 'sqlite' | 'postgres';

/** `count` rows numbered i = 0 … count-1 (bigint on PostgreSQL, so products of i do not overflow int4). */
const series = (kind: Kind, count: number) =>
  kind === 'postgres'
    ? `WITH s(i) AS (SELECT generate_series(0::bigint, ${count - 1}))`
    : `WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ${count - 1})`;
/** The ISO date `days` (an SQL expression) after 2018-01-01. */
const dayAfter = (kind: Kind, days: string) =>
  kind === 'postgres'
    ? `to_char(date '2018-01-01' + (${days})::int, 'YYYY-MM-DD')`
    : `date('2018-01-01', '+' || (${days}) || ' days')`;

/**
 * Generates the rows in the database itself, one INSERT … SELECT per table over a generated series
 * (generate_series on PostgreSQL, a recursive CTE on SQLite), in one transaction. Not through the
 * services: they would audit each row and take hours; the queries measured read the same columns.
 */
async function generate(db: Kysely<DB>, kind: Kind, progress: (s: string) => void) {
  const now = new Date().toISOString();
  const P = N.projects;
  const state = `CASE i % 10 ${STATES.map((s, k) => `WHEN ${k} THEN '${s}'`).join(' ')} END`;
  const lead = (k: string) => `'bo' || ((${k}) % ${ORGS})`;
  const partner = (k: string) => `'bo' || (((${k}) + 1) % ${ORGS})`;
  const member = (k: string) =>
    `'{"organisationId":"' || ${k} || '","equipmentMinor":2000000,"operationsMinor":3000000,"labourMinor":2000000,"indirectMinor":500000}'`;
  const steps: [string, string][] = [
    [
      'platform, units, organisations',
      `INSERT INTO platforms (id, code, name_zh, name_en, model, fiscal_year_start_month, default_currency, created_at, updated_at)
       VALUES ('bench', 'BENCH', '基准', 'Bench', 'gov_institute', 1, 'CNY', '${now}', '${now}')`,
    ],
    [
      '',
      `${series(kind, UNITS)} INSERT INTO org_units (id, platform_id, kind, name_zh, name_en, created_at, updated_at)
       SELECT 'bu' || i, 'bench', 'laboratory', '实验室' || i, 'Lab ' || i, '${now}', '${now}' FROM s`,
    ],
    [
      '',
      `${series(kind, ORGS)} INSERT INTO organisations (id, name_zh, name_en, name_key, type, enterprise_size, country, created_at, updated_at)
       SELECT 'bo' || i, '单位' || i, 'Org ' || i, 'org' || i, 'enterprise', 'sme', 'CN', '${now}', '${now}' FROM s`,
    ],
    [
      `${fmtInt(P)} projects with a frozen 任务书 each`,
      `${series(kind, P)} INSERT INTO projects (id, platform_id, unit_id, kind, code, title_zh, title_en, lead_org_id, budget_minor, currency, starts_on, ends_on, state, outcome, created_at, updated_at)
       SELECT 'bp' || i, 'bench', 'bu' || (i % ${UNITS}), CASE WHEN i % 3 = 0 THEN 'intramural' ELSE 'extramural' END,
         'BP-' || i, '项目' || i, 'Project ' || i, ${lead('i')}, 15000000, 'CNY',
         ${dayAfter(kind, `i % 1500`)}, ${dayAfter(kind, `i % 1500 + 1095`)}, ${state},
         CASE WHEN i % 10 IN (7, 8) THEN 'passed' ELSE NULL END, '${now}', '${now}' FROM s`,
    ],
    [
      '',
      `${series(kind, P)} INSERT INTO project_agreements (project_id, content_json, snapshot_json, checksum, frozen_at, updated_at)
       SELECT 'bp' || i,
         '{"budget":[' || ${member(lead('i'))} || ',' || ${member(partner('i'))} || '],"indicators":[{"type":"count"},{"type":"amount"},{"type":"yes_no"}]}',
         '{}', 'x', '${now}', '${now}' FROM s WHERE i % 10 <> 9`,
    ],
    [
      `${fmtInt(N.spending)} spending entries`,
      `${series(kind, N.spending)} INSERT INTO project_spending (id, project_id, organisation_id, category, spent_on, amount_minor, description, created_at)
       SELECT 'bs' || i, 'bp' || (i % ${P}),
         CASE WHEN (i / ${P}) % 2 = 0 THEN ${lead(`i % ${P}`)} ELSE ${partner(`i % ${P}`)} END,
         CASE (i / ${2 * P}) % 4 WHEN 0 THEN 'equipment' WHEN 1 THEN 'operations' WHEN 2 THEN 'labour' ELSE 'indirect' END,
         ${dayAfter(kind, `i % 1500 + i / ${P}`)}, ((i * 7919) % 1000 + 1) * 500, '支出 ' || i, '${now}' FROM s`,
    ],
    [
      `${fmtInt(N.outputs)} linked outputs`,
      `${series(kind, N.outputs)} INSERT INTO project_outputs (id, project_id, output_type, output_id, linked_at)
       SELECT 'bl' || i, 'bp' || (i % ${P}),
         CASE i % 5 WHEN 0 THEN 'result' WHEN 1 THEN 'disclosure' WHEN 2 THEN 'filing' WHEN 3 THEN 'licence' ELSE 'service_request' END,
         'bx' || i, '${now}' FROM s`,
    ],
    [
      'adjustments, reports, checks',
      `${series(kind, N.adjustments)} INSERT INTO project_adjustments (id, project_id, version, level, grounds_json, changes_json, reason, state, requested_at, decided_at)
       SELECT 'ba' || i, 'bp' || (i * 5 % ${P}), 1, 'unit', '[]',
         '[{"organisationId":"' || ${lead('i * 5')} || '","category":"operations","deltaMinor":-500000},{"organisationId":"' || ${lead('i * 5')} || '","category":"labour","deltaMinor":500000}]',
         '调剂', 'approved', '${now}', '${now}' FROM s`,
    ],
    [
      '',
      `${series(kind, N.reports)} INSERT INTO project_reports (project_id, kind, due_on, body, submitted_at)
       SELECT 'bp' || (i % ${P}), CASE WHEN i < ${P} THEN 'annual' ELSE 'interim' END,
         ${dayAfter(kind, `i % ${P} % 1500 + CASE WHEN i < ${P} THEN 364 ELSE 547 END`)}, '报告', '${now}' FROM s`,
    ],
    [
      '',
      `${series(kind, N.checks)} INSERT INTO project_checks (id, project_id, kind, state, due_on, criteria_json, version, verdict, opened_at, updated_at)
       SELECT 'bc' || i, 'bp' || (i * 2 % ${P}), 'interim', 'decided', '2020-01-01', '[]', 1, 'passed', '${now}', '${now}' FROM s`,
    ],
    [
      '',
      `${series(kind, N.checks)} INSERT INTO project_check_reports (check_id, version, report_json, report_sha256, submitted_at)
       SELECT 'bc' || i, 1, '{"indicators":[{"judgement":"met"},{"judgement":"not_met"},{"judgement":"met"}]}', 'x', '${now}' FROM s`,
    ],
  ];
  await db.transaction().execute(async (trx) => {
    for (const [label, statement] of steps) {
      if (label) progress(`${kind}: ${label}`);
      await sql.raw(statement).execute(trx);
    }
  });
  progress(`${kind}: analysing`);
  await sql.raw('ANALYZE').execute(db);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function timed(f: () => Promise<unknown>): Promise<number[]> {
  await f(); // warm the cache and the plan once, not measured
  const ms: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return ms;
}

async function runOn(kind: Kind, opts: BenchOptions) {
  return withBenchDatabase(kind, async ({ database, ctx }) => {
    const db = database.db;
    const t0 = performance.now();
    await generate(db, kind, opts.progress);
    const seedSeconds = (performance.now() - t0) / 1000;
    // The kept figures (migration 0051) as an upgrade fills them: the rows were generated after it ran.
    opts.progress(`${kind}: filling the kept figures`);
    const t1 = performance.now();
    const filled = await fillProjectFigures(db as never);
    const fillSeconds = (performance.now() - t1) / 1000;
    await sql.raw('ANALYZE').execute(db);
    const total = N.projects * 2 + N.spending + N.outputs + N.adjustments + N.reports + N.checks * 2;
    const today = new Date().toISOString().slice(0, 10);
    const f: PortfolioFilter = { platformIds: ['bench'] };
    const inProgress: PortfolioFilter = { ...f, state: 'in_progress' };
    const page = { limit: 50, offset: 0 };
    const units = Array.from({ length: UNITS }, (_, i) => `bu${i}`);
    const cliCtx: Ctx = ctx;
    const queries: [string, () => Promise<unknown>][] = [
      ['page of 50 (default filters)', () => portfolioProjects(db, f, today, page)],
      ['page of 50 (state in_progress)', () => portfolioProjects(db, inProgress, today, page)],
      ['page of 50 (page 500)', () => portfolioProjects(db, f, today, { limit: 50, offset: 24_950 })],
      [
        'page of 50 (flag overdue_report)',
        () => portfolioProjects(db, { ...f, flag: 'overdue_report' }, today, page),
      ],
      ['count (default filters)', () => portfolioCount(db, f, today)],
      ['count (state in_progress)', () => portfolioCount(db, inProgress, today)],
      ['counts by state × flag (default filters)', () => portfolioFlagCounts(db, f, today)],
      ['counts by state × flag (state in_progress)', () => portfolioFlagCounts(db, inProgress, today)],
      ['unit names', () => unitNames(db, units)],
      [
        'GET /api/projects/portfolio (page 1 of 50)',
        () => getPortfolio(cliCtx, { platformId: 'bench', page: 1, pageSize: 50 }),
      ],
      [
        'GET /api/projects/portfolio?state=in_progress',
        () => getPortfolio(cliCtx, { platformId: 'bench', state: 'in_progress', page: 1, pageSize: 50 }),
      ],
      [
        'GET /api/projects/portfolio?flag=overspent',
        () => getPortfolio(cliCtx, { platformId: 'bench', flag: 'overspent', page: 1, pageSize: 50 }),
      ],
      ['GET /api/projects/portfolio.xlsx', () => portfolioWorkbook(cliCtx, { platformId: 'bench' })],
    ];
    // The baseline, measured once before and once after the queries; the larger p95 is the one quoted.
    const count = () =>
      db
        .selectFrom('projects')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
    const before = await timed(count);
    const rows: string[][] = [];
    const measured: [string, number[]][] = [];
    for (const [label, q] of queries.filter(([label]) => chosen(label))) {
      opts.progress(`${kind}: ${label} ×${REPEAT}`);
      measured.push([label, await timed(q)]);
    }
    const after = await timed(count);
    const base = Math.max(pct(before, 95), pct(after, 95));
    rows.push([
      kind,
      'baseline SELECT COUNT(*) FROM projects',
      pct([...before, ...after], 50).toFixed(1),
      base.toFixed(1),
      '1×',
    ]);
    for (const [label, ms] of measured)
      rows.push([
        kind,
        label,
        pct(ms, 50).toFixed(1),
        pct(ms, 95).toFixed(1),
        `${(pct(ms, 95) / Math.max(base, 0.1)).toFixed(1)}×`,
      ]);
    return {
      rows,
      setup: `${kind}: ${fmtInt(total)} rows generated in ${seedSeconds.toFixed(0)} s (${fmtInt(total / seedSeconds)} rows/s); figures of ${fmtInt(filled)} projects filled in ${fillSeconds.toFixed(0)} s`,
    };
  });
}

const portfolioBench: Benchmark = {
  name: 'projects-portfolio',
  description: `the portfolio's queries over ${fmtInt(N.projects)} projects, ${fmtInt(N.spending)} spending entries and ${fmtInt(N.outputs)} linked outputs vs COUNT(*)`,
  async run(opts): Promise<BenchReport> {
    const only = process.env.BENCH_PORTFOLIO_ON;
    const results = [];
    if (only !== 'postgres') results.push(await runOn('sqlite', opts));
    if (only !== 'sqlite' && findPostgresBin()) results.push(await runOn('postgres', opts));
    return {
      setup: [
        ...results.map((r) => r.setup),
        `${REPEAT} timed runs per query after one untimed; p50/p95 in ms; ratio = p95 ÷ p95 of SELECT COUNT(*) FROM projects in the same run (measured before and after the queries, the larger quoted; 0.1 ms at least)`,
      ],
      table: {
        header: ['db', 'query', 'p50 ms', 'p95 ms', 'ratio'],
        rows: results.flatMap((r) => r.rows),
        numeric: [2, 3, 4],
      },
      summary: [],
      problems: [],
      checked: 'every query answered',
    };
  },
};
export default portfolioBench;
