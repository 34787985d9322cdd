import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { DEFAULT_CRITERIA } from '../common/calls.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { createDatabase, type Database } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { type Ctx, cliActor, isoNow, newId, systemClock } from '../server/http/context.js';
import { uploadAttachment } from '../server/modules/applications/applications.attachments.js';
import { createApplication, saveDraft } from '../server/modules/applications/applications.drafts.js';
import { hashPassword } from '../server/modules/auth/password.js';
import { createToken } from '../server/modules/auth/tokens.service.js';
import { loadActor } from '../server/modules/users/users.accounts.js';
import { findPostgresBin, startThrowawayPostgres } from '../server/test/postgres-server.js';
import { fmtInt } from './lib/load.js';
import { benchLogger, listenLocal } from './lib/servers.js';
import type { Benchmark, BenchOptions, BenchReport } from './lib/types.js';

/** Applicants per database; each submits one complete application, all at once. */
const APPLICANTS = 200;

interface Shot {
  status: number;
  ms: number;
  body: string;
}

/** Fires every request at once and times each; returns per-request figures and the wall time. */
async function burst(requests: Array<() => Promise<Response>>): Promise<{ shots: Shot[]; seconds: number }> {
  const t0 = performance.now();
  const shots = await Promise.all(
    requests.map(async (send) => {
      const s = performance.now();
      const res = await send();
      const body = await res.text();
      return { status: res.status, ms: performance.now() - s, body };
    }),
  );
  return { shots, seconds: (performance.now() - t0) / 1000 };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
};

/** A platform with an open call, and N applicants each with a complete draft and a write token. */
async function seed(ctx: Ctx, n: number) {
  const now = isoNow(ctx.clock);
  const platformId = newId();
  await ctx.db
    .insertInto('platforms')
    .values({
      id: platformId,
      code: 'BENCH',
      name_zh: '基准平台',
      name_en: 'Bench',
      model: 'ppp_program',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const fieldId = newId();
  await ctx.db
    .insertInto('tech_fields')
    .values({
      id: fieldId,
      parent_id: null,
      code: 'bench',
      name_zh: '领域',
      name_en: 'Field',
      retired_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const callId = newId();
  await ctx.db
    .insertInto('calls')
    .values({
      id: callId,
      platform_id: platformId,
      code: 'RUSH',
      title_zh: '基准计划',
      title_en: 'Bench call',
      summary_zh: null,
      summary_en: null,
      state: 'published',
      opens_at: new Date(Date.now() - 3_600_000).toISOString(),
      closes_at: new Date(Date.now() + 3_600_000).toISOString(),
      currency: 'CNY',
      budget_total_minor: 1e12,
      ceiling_minor: 1e9,
      eligibility_json: JSON.stringify([{ kind: 'within_ceiling' }, { kind: 'must_include_enterprise' }]),
      criteria_json: JSON.stringify(DEFAULT_CRITERIA),
      reviewers_per_application: 3,
      required_attachments_json: JSON.stringify([
        {
          key: 'proposal',
          labelZh: '正文',
          labelEn: 'Proposal',
          required: true,
          types: ['pdf'],
          maxBytes: 1 << 20,
        },
      ]),
      screening_checklist_json: '[]',
      resubmit_window_days: 5,
      created_by: null,
      published_at: now,
      closed_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db.insertInto('call_fields').values({ call_id: callId, field_id: fieldId }).execute();
  const passwordHash = await hashPassword(randomBytes(18).toString('base64url'));
  const pdf = Buffer.from(`%PDF-1.4\n${'x'.repeat(20_000)}\n%%EOF\n`);
  const out: Array<{ appId: string; token: string }> = [];
  for (let i = 0; i < n; i++) {
    const userId = newId();
    const orgId = newId();
    const personId = newId();
    await ctx.db
      .insertInto('users')
      .values({
        id: userId,
        username: `applicant${i}`,
        display_name: `申报人 ${i}`,
        email: null,
        password_hash: passwordHash,
        is_system_admin: 0,
        locale: 'zh-CN',
        locked_until: null,
        disabled_at: null,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await ctx.db
      .insertInto('role_assignments')
      .values({ id: newId(), user_id: userId, platform_id: platformId, role: 'applicant', created_at: now })
      .execute();
    await ctx.db
      .insertInto('organisations')
      .values({
        id: orgId,
        name_zh: `企业${i}`,
        name_en: null,
        name_key: `企业${i}`,
        type: 'enterprise',
        enterprise_size: 'sme',
        credit_code: null,
        registry_id: null,
        address: null,
        contact_name: null,
        contact_phone: null,
        contact_email: null,
        website: null,
        merged_into_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await ctx.db
      .insertInto('people')
      .values({
        id: personId,
        name_zh: `联系人${i}`,
        name_en: null,
        title: null,
        email: null,
        phone: null,
        organisation_id: orgId,
        user_id: userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const owner = { ...ctx, actor: await loadActor(ctx.db, userId, 'session', ['read', 'write']) };
    const appId = await createApplication(owner, callId, {});
    const requested = 100_000 + i;
    await saveDraft(owner, appId, {
      content: {
        titleZh: `项目 ${i}`,
        summaryZh: '摘要',
        fieldId,
        objectives: [{ text: '目标', indicators: [{ name: '指标', target: '1' }] }],
        workPlan: [
          { title: '阶段', startMonth: 1, endMonth: 12, milestones: [{ title: '里程碑', month: 12 }] },
        ],
      },
      consortium: [
        {
          organisationId: orgId,
          contactPersonId: personId,
          role: '牵头',
          requestedMinor: requested,
          cofundingMinor: requested,
        },
      ],
      budget: [
        { organisationId: orgId, category: 'equipment', amountMinor: 50_000 },
        { organisationId: orgId, category: 'labour', amountMinor: requested - 50_000 },
      ],
    });
    await uploadAttachment(owner, appId, 'proposal', {
      fileName: `p${i}.pdf`,
      bytes: Buffer.concat([pdf, Buffer.from(String(i))]),
    });
    const { token } = await createToken(owner, { name: 'bench', scopes: ['read', 'write'] });
    out.push({ appId, token });
  }
  return { callId, applicants: out };
}

/** Accepted submissions in the database: frozen, checksummed, numbered 1..n without gaps. */
async function verify(database: Database, callId: string, acceptedIds: string[]): Promise<string[]> {
  const problems: string[] = [];
  const db = database.db;
  const submitted = await db
    .selectFrom('applications')
    .select(['id', 'receipt_no'])
    .where('call_id', '=', callId)
    .where('state', '=', 'submitted')
    .execute();
  const ids = new Set(submitted.map((s) => s.id));
  if (ids.size !== acceptedIds.length || acceptedIds.some((id) => !ids.has(id)))
    problems.push(`database holds ${ids.size} submitted applications, ${acceptedIds.length} were accepted`);
  const versions = await db
    .selectFrom('application_versions')
    .select(['snapshot_json', 'checksum', 'receipt_seq'])
    .where('call_id', '=', callId)
    .where('frozen_at', 'is not', null)
    .execute();
  const seqs = versions.map((v) => Number(v.receipt_seq)).sort((a, b) => a - b);
  if (seqs.some((s, i) => s !== i + 1)) problems.push('receipt numbers are not 1..n without gaps');
  if (versions.some((v) => createHash('sha256').update(v.snapshot_json!).digest('hex') !== v.checksum))
    problems.push('a frozen version does not match its checksum');
  if (versions.length !== acceptedIds.length)
    problems.push(`${versions.length} frozen versions for ${acceptedIds.length} accepted`);
  return problems;
}

async function runOn(kind: 'sqlite' | 'postgres', opts: BenchOptions) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-bench-'));
  const pg = kind === 'postgres' ? await startThrowawayPostgres(findPostgresBin()!) : null;
  const config = loadConfig({
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    SEED_DEMO: 'false',
    ...(pg ? { DATABASE_URL: pg.url } : {}),
  });
  const database = createDatabase(
    pg
      ? { kind: 'postgres', url: pg.url, max: 10 }
      : { kind: 'sqlite', file: path.join(dataDir, 'commonlab.sqlite') },
  );
  try {
    await migrateToLatest(database.db as never);
    const log = pino({ level: 'silent' });
    const ctx: Ctx = {
      db: database.db,
      seam: database.seam,
      actor: cliActor('bench'),
      requestId: null,
      log,
      clock: systemClock,
      config,
    };
    opts.progress(`${kind}: seeding ${APPLICANTS} applicants with complete drafts`);
    const t0 = performance.now();
    const { callId, applicants } = await seed(ctx, APPLICANTS);
    const seedSeconds = (performance.now() - t0) / 1000;
    const app = await buildApp({ config, database, logger: benchLogger() });
    const url = await listenLocal(app);
    try {
      opts.progress(`${kind}: baseline — ${APPLICANTS} concurrent GET /healthz`);
      const base = await burst(applicants.map(() => () => fetch(`${url}/healthz`)));
      opts.progress(`${kind}: ${APPLICANTS} concurrent submissions`);
      const rush = await burst(
        applicants.map(
          (a) => () =>
            fetch(`${url}/api/applications/${a.appId}/submit`, {
              method: 'POST',
              headers: { authorization: `Bearer ${a.token}` },
            }),
        ),
      );
      const accepted = applicants.filter((_, i) => rush.shots[i]!.status === 200).map((a) => a.appId);
      const problems = await verify(database, callId, accepted);
      const failed = rush.shots.filter((s) => s.status !== 200);
      if (failed.length)
        problems.push(
          `${failed.length} submissions failed, e.g. ${failed[0]!.status} ${failed[0]!.body.slice(0, 200)}`,
        );
      if (base.shots.some((s) => s.status !== 200)) problems.push('a /healthz request failed');
      const row = (label: string, b: { shots: Shot[]; seconds: number }) => [
        `${kind} ${label}`,
        fmtInt(b.shots.length / b.seconds),
        pct(
          b.shots.map((s) => s.ms),
          50,
        ).toFixed(1),
        pct(
          b.shots.map((s) => s.ms),
          99,
        ).toFixed(1),
        `${b.seconds.toFixed(2)} s`,
      ];
      return {
        rows: [row('submit', rush), row('GET /healthz', base)],
        setup: `${kind}: seeded ${APPLICANTS} applicants in ${seedSeconds.toFixed(1)} s; ${accepted.length} accepted, database verified`,
        problems: problems.map((p) => `${kind}: ${p}`),
      };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Issue #4's deadline rush as load: N applicants submit complete applications (one consortium member,
 * budget lines, a PDF attachment) at the same instant over HTTP with their API tokens; then the
 * database must hold exactly the accepted submissions, frozen, checksummed and numbered without gaps.
 * The baseline is the same burst of GET /healthz on the same server.
 */
const submissions: Benchmark = {
  name: 'submissions',
  description: `${APPLICANTS} concurrent application submissions over HTTP, on SQLite and PostgreSQL, vs GET /healthz`,
  async run(opts): Promise<BenchReport> {
    const results = [await runOn('sqlite', opts)];
    if (findPostgresBin()) results.push(await runOn('postgres', opts));
    else
      results.push({
        rows: [],
        setup: 'postgres: not installed here (PG_BIN or initdb on PATH); skipped',
        problems: [],
      });
    return {
      setup: [
        ...results.map((r) => r.setup),
        'each submission: token auth, row locks on the application and the per-call receipt counter, strict checks, eligibility, canonical-JSON snapshot + sha256, audit entry, notification',
        'PostgreSQL: throwaway cluster with fsync off (as the tests); SQLite: WAL, synchronous=FULL',
      ],
      table: {
        header: ['target', 'req/s', 'p50 ms', 'p99 ms', 'burst wall time'],
        rows: results.flatMap((r) => r.rows),
        numeric: [1, 2, 3],
      },
      summary: ['req/s = requests in the burst / wall time of the burst; all requests sent at once'],
      problems: results.flatMap((r) => r.problems),
    };
  },
};

export default submissions;
