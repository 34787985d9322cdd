import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../server/app.js';
import { openBenchDatabase } from './lib/bench-database.js';
import { fmtInt } from './lib/load.js';
import { seed, verify } from './lib/rush.js';
import { cloneApplicants } from './lib/rush-clone.js';
import { benchLogger } from './lib/servers.js';
import { traceSubmission } from './lib/submission-trace.js';
import type { Benchmark, BenchOptions, BenchReport } from './lib/types.js';

/** Submissions per target per round (each a fresh complete draft), and rounds come from `--rounds`. */
const PER_ROUND = Number(process.env.SUBMIT_PER_ROUND ?? 150);
const WARMUP = 40;
/** SUBMIT_ON=sqlite or postgres runs one database only. */
const ON = process.env.SUBMIT_ON ?? 'sqlite,postgres';
/** SUBMIT_CPU_PROFILE=dir writes one .cpuprofile per database of the measured submissions only. */
const PROFILE_DIR = process.env.SUBMIT_CPU_PROFILE;

interface Target {
  label: string;
  app: FastifyInstance;
  /** A fresh request per call: a submission needs a new draft each time. */
  next: () => InjectOptions;
  status: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function runOn(kind: 'sqlite' | 'postgres', opts: BenchOptions) {
  const opened = await openBenchDatabase(kind, { durable: true });
  const { config, database, ctx } = opened;
  const closers: Array<() => Promise<unknown>> = [];
  try {
    const src = process.env.BENCH_BEFORE_SRC;
    const submitters = src ? 2 : 1;
    const drafts = (WARMUP + PER_ROUND * opts.rounds) * submitters + 1;
    const applicants = Math.ceil(drafts / 6);
    opts.progress(`${kind}: seeding ${fmtInt(applicants * 6)} complete drafts`);
    const { callId, applicants: made } = await seed(ctx, 1);
    const pool = await cloneApplicants(database.db, made[0]!, applicants, 6);
    const queue = pool.flatMap((p) => p.appIds.map((appId) => ({ appId, token: p.token })));
    const accepted: string[] = [];
    const submit = (): InjectOptions => {
      const d = queue.pop();
      if (!d) throw new Error('the draft pool ran out');
      accepted.push(d.appId);
      return {
        method: 'POST',
        url: `/api/applications/${d.appId}/submit`,
        headers: { authorization: `Bearer ${d.token}` },
      };
    };
    const app = await buildApp({ config, database, logger: benchLogger() });
    closers.push(() => app.close());
    await app.ready();
    const bearer = { authorization: `Bearer ${made[0]!.token}` };
    const targets: Target[] = [
      {
        label: 'GET /api/auth/session',
        app,
        next: () => ({ url: '/api/auth/session', headers: bearer }),
        status: 200,
      },
      { label: 'submit', app, next: submit, status: 200 },
    ];
    if (src) {
      const before = (await import(pathToFileURL(path.resolve(src, 'server/app.ts')).href)) as {
        buildApp: typeof buildApp;
      };
      const old = await before.buildApp({ config, database, logger: benchLogger() });
      closers.push(() => old.close());
      await old.ready();
      targets.push({ label: 'submit before', app: old, next: submit, status: 200 });
    }
    const once = async (t: Target) => {
      const res = await t.app.inject(t.next());
      if (res.statusCode !== t.status)
        throw new Error(`${kind} ${t.label} answered ${res.statusCode}: ${res.body}`);
    };
    for (const t of targets) for (let i = 0; i < WARMUP; i++) await once(t);
    // One submission traced statement by statement, before the rounds (nothing else in flight).
    const trace = await traceSubmission(kind, database, config, queue.pop()!, accepted);

    const session = PROFILE_DIR ? new Session() : null;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
    }
    const cpu: Record<string, number[]> = {};
    const wall: Record<string, number[]> = {};
    for (let round = 0; round < opts.rounds; round++) {
      const order = round % 2 ? [...targets].reverse() : targets;
      for (const t of order) {
        opts.progress(`${kind}: round ${round + 1}/${opts.rounds} · ${t.label}`);
        const w0 = performance.now();
        const c0 = process.cpuUsage();
        for (let i = 0; i < PER_ROUND; i++) await once(t);
        const c = process.cpuUsage(c0);
        cpu[t.label] = [...(cpu[t.label] ?? []), (c.user + c.system) / PER_ROUND];
        wall[t.label] = [...(wall[t.label] ?? []), (performance.now() - w0) / PER_ROUND];
      }
    }
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      const file = path.resolve(PROFILE_DIR!, `submission-cpu-${kind}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      opts.progress(`${kind}: profile written to ${file}`);
    }
    const problems = (await verify(database, callId, accepted)).map((p) => `${kind}: ${p}`);
    const base = cpu[targets[0]!.label]!;
    const rows = targets.map((t) => [
      kind,
      t.label,
      fmtInt(median(cpu[t.label]!)),
      median(wall[t.label]!).toFixed(2),
      fmtInt(median(cpu[t.label]!.map((x, i) => x / base[i]!))),
      cpu[t.label]!.map((x) => fmtInt(x)).join(' · '),
    ]);
    const summary = src
      ? [
          `${kind}: submit CPU ÷ submit before CPU = ${median(cpu.submit!.map((x, i) => x / cpu['submit before']![i]!)).toFixed(2)} ` +
            `(per round: ${cpu.submit!.map((x, i) => (x / cpu['submit before']![i]!).toFixed(2)).join(', ')})`,
        ]
      : [];
    return { rows, setup: trace, summary, problems };
  } finally {
    for (const close of closers.reverse()) await close();
    await opened.close();
  }
}

/**
 * Issue 16: what one complete consortium submission costs the server process in CPU, so the rush's
 * ceiling on 2 cores can be computed rather than guessed. N fresh complete drafts are submitted one
 * after another through `inject` (no socket), durable commits on both databases, next to a trivial
 * authenticated GET in the same alternating rounds; `process.cpuUsage()` of the Node process only
 * (PostgreSQL's backends spend their own CPU besides, which the trace line shows as statement time).
 */
const submissionCpu: Benchmark = {
  name: 'submission-cpu',
  description:
    'CPU µs and wall ms per complete submission (inject, sequential) vs a trivial authenticated GET',
  async run(opts): Promise<BenchReport> {
    const results = [];
    if (ON.includes('sqlite')) results.push(await runOn('sqlite', opts));
    if (ON.includes('postgres')) results.push(await runOn('postgres', opts));
    return {
      setup: [
        `${PER_ROUND} sequential inject() calls per target per round after ${WARMUP} warm-up calls, ${opts.rounds} rounds, order alternating; durable commits (SQLite synchronous=FULL, PostgreSQL fsync on)`,
        "each submission is a fresh complete draft of its own applicant (API token, write scope); BENCH_BEFORE_SRC adds an earlier tree's submit on the same database",
        ...results.flatMap((r) => r.setup),
      ],
      table: {
        header: ['database', 'target', 'CPU µs/req', 'wall ms/req', '× GET', 'CPU µs per round'],
        rows: results.flatMap((r) => r.rows),
        numeric: [2, 3, 4],
      },
      summary: results.flatMap((r) => r.summary),
      problems: results.flatMap((r) => r.problems),
      checked: 'every submission answered 200 and is frozen with a matching checksum; receipts 1..n gapless',
    };
  },
};

export default submissionCpu;
