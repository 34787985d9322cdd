import http from 'node:http';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import { verifyAuditChain } from '../server/db/audit-chain.js';
import { findPostgresBin } from '../server/test/postgres-server.js';
import { openBenchDatabase } from './lib/bench-database.js';
import { fmtInt } from './lib/load.js';
import { pct, seed, verify } from './lib/rush.js';
import { cloneApplicants } from './lib/rush-clone.js';
import { benchLogger, listenLocal } from './lib/servers.js';
import type { Benchmark, BenchOptions, BenchReport } from './lib/types.js';

/** The rush's shape; the environment overrides them for a quick look (RUSH_SECONDS=10). */
const SECONDS = Number(process.env.RUSH_SECONDS ?? 60);
const APPLICANTS = Number(process.env.RUSH_APPLICANTS ?? 5_000);
/** Drafts per applicant, so the pool lasts the whole window even at the goal's 500/s. */
const DRAFTS = Number(process.env.RUSH_DRAFTS ?? 6);
/** Submissions in flight at any moment (closed loop): consortia pressing 提交 at once. */
const IN_FLIGHT = Number(process.env.RUSH_IN_FLIGHT ?? 100);
/** How long the rush goes on past the deadline; every one of those must be refused. */
const AFTER_DEADLINE_MS = 2_000;
/**
 * RUSH_COLD=1 starts the window without the load generator's connections open. By default the IN_FLIGHT
 * keep-alive connections are opened first (one GET /healthz each): round 10 found that the old p99 from
 * second 0 was connections opened in the window, accepted 13–16 s after the send by this CPU-starved
 * process and then answered in ~20 ms, not the server's work.
 */
const COLD = process.env.RUSH_COLD === '1';

interface Shot {
  appId: string;
  sentAt: number;
  /** performance.now() when sent. */
  sentPerf: number;
  ms: number;
  status: number;
  code: string;
  /** The instant the server took a refused request (409's serverTime), in ms. */
  takenAt: number;
}

/**
 * The load generator's client: node:http over a fixed pool of IN_FLIGHT keep-alive connections, so the
 * rush never opens a connection mid-window (round 10: with fetch, new connections opened during the rush
 * waited 13–16 s to be accepted by this CPU-starved process, and made the whole p99).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
function send(url: string, method: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Samples what PostgreSQL's backends in a transaction wait on (pg_stat_activity) every 100 ms, on its own connection. */
async function waitSampler(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await client.query<{ w: string }>(
        // A backend idle in a transaction holds its row locks while it waits for Node's next statement.
        `select case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'CPU')
                     else 'idle in transaction' end as w
         from pg_stat_activity
         where state in ('active', 'idle in transaction') and pid <> pg_backend_pid()
           and backend_type = 'client backend'`,
      );
      samples++;
      for (const r of rows) counts.set(r.w, (counts.get(r.w) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    await client.end();
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([w, n]) => `${w} ${(n / samples).toFixed(1)}`);
  };
}

async function runOn(kind: 'sqlite' | 'postgres', opts: BenchOptions) {
  const opened = await openBenchDatabase(kind, { durable: true });
  const { config, database, ctx } = opened;
  try {
    opts.progress(`${kind}: seeding ${fmtInt(APPLICANTS)} applicants × ${DRAFTS} complete drafts`);
    const t0 = performance.now();
    const { callId, applicants } = await seed(ctx, 1);
    const pool = await cloneApplicants(database.db, applicants[0]!, APPLICANTS, DRAFTS);
    const seedSeconds = (performance.now() - t0) / 1000;
    // Drafts in rounds (every applicant's first, then every second …), so neighbours are other applicants.
    const queue = Array.from({ length: DRAFTS }, (_, k) =>
      pool.map((p) => ({ token: p.token, appId: p.appIds[k]! })),
    )
      .flat()
      .concat({ token: applicants[0]!.token, appId: applicants[0]!.appId });
    const app = await buildApp({ config, database, logger: benchLogger() });
    // Where a request's time goes on the server: arrival (the HTTP server's 'request' event), past the
    // sign-in hooks (an onRequest hook added after the app's own), answered (onResponse).
    type Phases = { connected: number; arrived: number; signedIn: number; answered: number };
    const phases = new Map<string, Phases>();
    const appIdOf = (u: string | undefined) => /applications\/([^/]+)\/submit/.exec(u ?? '')?.[1] ?? '';
    const acceptedAt = new WeakMap<object, number>();
    app.server.on('connection', (socket: object) => acceptedAt.set(socket, performance.now()));
    app.server.on('request', (req: { url?: string; socket: object }) =>
      phases.set(appIdOf(req.url), {
        connected: acceptedAt.get(req.socket) ?? Number.NaN,
        arrived: performance.now(),
        signedIn: Number.NaN,
        answered: Number.NaN,
      }),
    );
    app.addHook('onRequest', (req, _reply, done) => {
      const p = phases.get(appIdOf(req.url));
      if (p) p.signedIn = performance.now();
      done();
    });
    app.addHook('onResponse', (req, _reply, done) => {
      const p = phases.get(appIdOf(req.url));
      if (p) p.answered = performance.now();
      done();
    });
    const url = await listenLocal(app);
    const sampler = opened.pgUrl ? await waitSampler(opened.pgUrl) : null;
    try {
      if (!COLD) await Promise.all(Array.from({ length: IN_FLIGHT }, () => send(`${url}/healthz`, 'GET')));
      const start = Date.now();
      const closesAt = start + SECONDS * 1000;
      await database.db
        .updateTable('calls')
        .set({ closes_at: new Date(closesAt).toISOString() })
        .where('id', '=', callId)
        .execute();
      opts.progress(
        `${kind}: ${IN_FLIGHT} in flight until ${SECONDS} s after the start, then ${AFTER_DEADLINE_MS} ms past the deadline`,
      );
      const shots: Shot[] = [];
      let next = 0;
      // The server and the load generator share this process, so this is both sides' CPU.
      const cpu0 = process.cpuUsage();
      const worker = async () => {
        while (next < queue.length && Date.now() < closesAt + AFTER_DEADLINE_MS) {
          const { appId, token } = queue[next++]!;
          const sentAt = Date.now();
          const s = performance.now();
          const res = await send(`${url}/api/applications/${appId}/submit`, 'POST', {
            authorization: `Bearer ${token}`,
          });
          const body = res.body;
          const problem =
            res.status === 200 ? {} : (JSON.parse(body) as { code?: string; serverTime?: string });
          shots.push({
            appId,
            sentAt,
            sentPerf: s,
            ms: performance.now() - s,
            status: res.status,
            code: problem.code ?? '',
            takenAt: problem.serverTime ? Date.parse(problem.serverTime) : Number.NaN,
          });
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      const cpu = process.cpuUsage(cpu0);
      const waits = (await sampler?.()) ?? [];
      const accepted = shots.filter((s) => s.status === 200);
      const problems = await verify(
        database,
        callId,
        accepted.map((s) => s.appId),
      );
      const late = accepted.filter((s) => s.sentAt >= closesAt);
      if (late.length) problems.push(`${late.length} submissions sent after the deadline were accepted`);
      const lateInDb = await database.db
        .selectFrom('applications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('call_id', '=', callId)
        .where('submitted_at', '>=', new Date(closesAt).toISOString())
        .executeTakeFirstOrThrow();
      if (Number(lateInDb.n)) problems.push(`${lateInDb.n} applications submitted at or after the deadline`);
      const refused = shots.filter((s) => s.status !== 200);
      const wrong = refused.filter(
        (s) => s.status !== 409 || s.code !== 'applications.deadline_passed' || !(s.takenAt >= closesAt),
      );
      if (wrong.length)
        problems.push(
          `${wrong.length} refusals other than the deadline's, e.g. ${wrong[0]!.status} ${wrong[0]!.code}`,
        );
      const audit = await verifyAuditChain(database.db);
      if (!audit.ok) problems.push(`audit chain broken at ${audit.brokenAtSeq} (${audit.reason})`);
      const lastAccepted = Math.max(...accepted.map((s) => s.sentAt + s.ms));
      const exhausted = next >= queue.length && lastAccepted < closesAt;
      const window = ((exhausted ? lastAccepted : closesAt) - start) / 1000;
      const perTen: number[] = [];
      for (let w = start; w + 10_000 <= start + window * 1000 + 1; w += 10_000)
        perTen.push(accepted.filter((s) => s.sentAt + s.ms >= w && s.sentAt + s.ms < w + 10_000).length / 10);
      const ms = accepted.map((s) => s.ms);
      // Where the tail sits in the window: the slowest 1 % of accepted submissions by second sent.
      const p99 = pct(ms, 99);
      const slowest = accepted.filter((s) => s.ms >= p99);
      const slow = slowest.map((s) => Math.floor((s.sentAt - start) / 1000));
      const phaseOf = (xs: Shot[]) => {
        const of = (f: (s: Shot, p: Phases) => number) =>
          pct(
            xs.map((s) => f(s, phases.get(s.appId)!)).filter((x) => Number.isFinite(x)),
            50,
          ).toFixed(0);
        return `sent → its connection accepted ${of((s, p) => p.connected - s.sentPerf)} ms (negative: an earlier connection), sent → arrived ${of((s, p) => p.arrived - s.sentPerf)} ms, arrived → signed in ${of((_, p) => p.signedIn - p.arrived)} ms, signed in → answered ${of((_, p) => p.answered - p.signedIn)} ms`;
      };
      return {
        rows: [
          [
            kind,
            fmtInt(accepted.length / window),
            perTen.length ? `${fmtInt(Math.min(...perTen))}–${fmtInt(Math.max(...perTen))}` : 'n/a',
            pct(ms, 50).toFixed(0),
            pct(ms, 99).toFixed(0),
            fmtInt(accepted.length),
            fmtInt(refused.length),
          ],
        ],
        setup: [
          `${kind}: seeded ${fmtInt(queue.length)} drafts of ${fmtInt(APPLICANTS + 1)} applicants in ${seedSeconds.toFixed(1)} s; ` +
            `${exhausted ? `every draft submitted after ${window.toFixed(1)} s (pool exhausted before the deadline)` : `open for ${window.toFixed(0)} s`}; ` +
            `audit chain verified (${fmtInt(audit.entries)} entries)`,
          `${kind}: this process (server and load generator) used ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU in the window, ` +
            `${((cpu.user + cpu.system) / 1000 / Math.max(1, shots.length)).toFixed(2)} ms per request (${fmtInt(shots.length)} requests)`,
          `${kind}: the slowest 1 % (≥ ${fmtInt(p99)} ms) were sent at second ${slow.sort((a, b) => a - b).join(', ')} of the window`,
          `${kind}: medians, slowest 1 %: ${phaseOf(slowest)}; all accepted: ${phaseOf(accepted)}`,
          ...(waits.length
            ? [`${kind}: backends in a transaction by wait event (mean per sample): ${waits.join(', ')}`]
            : []),
        ],
        problems: problems.map((p) => `${kind}: ${p}`),
      };
    } finally {
      await app.close();
    }
  } finally {
    await opened.close();
  }
}

/**
 * Issue 16's durable deadline rush: 5,000 applicants (6 complete consortium drafts each) submit over HTTP
 * with their API tokens, IN_FLIGHT at a time, for 60 s up to the call's deadline and 2 s past it. Commits
 * are durable on both databases (SQLite WAL with synchronous=FULL; PostgreSQL with fsync,
 * synchronous_commit and full-page writes on). Afterwards: every 200 is in the database and nothing else
 * (0 lost), nothing sent or stamped after the deadline was accepted, receipts are 1..n without gaps, the
 * snapshots match their checksums and the audit chain verifies.
 */
const sustained: Benchmark = {
  name: 'submissions-sustained',
  description: `durable deadline rush: ${fmtInt(APPLICANTS)} applicants, ${SECONDS} s up to the deadline, ${IN_FLIGHT} in flight, SQLite and PostgreSQL`,
  async run(opts): Promise<BenchReport> {
    // RUSH_ON=sqlite or RUSH_ON=postgres runs one database only (before/after comparisons in rounds).
    const on = process.env.RUSH_ON ?? 'sqlite,postgres';
    const results = on.includes('sqlite') ? [await runOn('sqlite', opts)] : [];
    if (on.includes('postgres'))
      results.push(
        findPostgresBin()
          ? await runOn('postgres', opts)
          : { rows: [], setup: ['postgres: not installed here; skipped'], problems: [] },
      );
    return {
      setup: [
        ...results.flatMap((r) => r.setup),
        'each submission: token auth, row locks on the application and the per-call receipt counter, checks, eligibility, canonical-JSON snapshot + sha256, audit entry, notification; one durable commit',
      ],
      table: {
        header: ['database', 'submissions/s', 'per 10 s', 'p50 ms', 'p99 ms', 'accepted', 'refused late'],
        rows: results.flatMap((r) => r.rows),
        numeric: [1, 3, 4, 5, 6],
      },
      summary: [
        'submissions/s = accepted ÷ seconds the call was open (or until the pool ran out); per 10 s = slowest–fastest 10-second window',
      ],
      problems: results.flatMap((r) => r.problems),
      checked:
        'every 200 is a frozen, checksummed submission and no other is; none accepted after the deadline; receipts 1..n gapless; audit chain verifies',
    };
  },
};

export default sustained;
