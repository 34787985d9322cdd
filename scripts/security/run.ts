import { parseArgs } from 'node:util';
import { Client, DEMO_USERS } from '../lib/client.js';
import { createBacking, type DbKind, startServer } from '../lib/server.js';
import { crawl, type View } from './crawl.js';
import { fuzz, stillSignedIn } from './fuzz.js';
import { loadApi } from './openapi.js';
import { runSqlmap, sqlmapTargets } from './sqlmap.js';
import { sweep } from './sweep.js';

// npm run security [-- --db postgres] [--only sweep,sqlmap,fuzz] [--runs 25] [--seed N] [--sqlmap-width 2]
//   [--sqlmap-target-timeout 300] [--trace enterprise]
// Starts a throwaway server with the demo data on 127.0.0.1, then: the cross-identity sweep over every
// route of the OpenAPI document, sqlmap on every parameterised GET, fast-check fuzzing of every write
// route. Prints counts and durations; exit code 1 on an unexpected 2xx, an injectable parameter or a 5xx.
// docs/security/security-checks.md explains what each part shows and what it does not.

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    only: { type: 'string', default: 'sweep,sqlmap,fuzz' },
    runs: { type: 'string', default: '25' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    'sqlmap-width': { type: 'string', default: '2' },
    'sqlmap-target-timeout': { type: 'string', default: '300' },
    trace: { type: 'string' },
  },
});
const parts = new Set(args.only!.split(','));
const seed = Number(args.seed);
const kind = args.db as DbKind;
const t0 = Date.now();
const secs = (from: number) => ((Date.now() - from) / 1000).toFixed(1);
const log = (s: string) => process.stdout.write(`${s}\n`);

log(`security: ${kind}, parts ${[...parts].join('+')}, seed ${seed}`);
const backing = await createBacking(kind);
// Many sign-ins in a row from one address: the per-IP limit is a separate, tested control.
// The demo admins have no second factor enrolled: with MFA required they would reach only the enrolment
// gate, and the sweep and fuzzing would test that gate instead of the routes (the second factor has its own tests).
// Up to 10 minutes to start: migrations and the demo data took over 3 on the loaded shared machine.
const server = await startServer(
  backing,
  { LOGIN_RATE_LIMIT_PER_MINUTE: '10000', MFA_REQUIRED_ROLES: 'none' },
  600_000,
);
let failed = false;
try {
  log(`server ready on ${server.baseUrl} in ${secs(t0)} s`);
  const anonymous = new Client(server.baseUrl, 'anonymous');
  const api = await loadApi(anonymous);
  log(`openapi: ${api.operations.length} operations`);

  let t = Date.now();
  const clients = [anonymous];
  for (const u of DEMO_USERS) clients.push(await new Client(server.baseUrl, u).signIn(u));
  // The demo's platforms, for a list that requires a platformId from an identity shown none.
  const admins = clients.find((c) => c.name === 'admin')!;
  const platforms = (
    JSON.parse((await admins.request('GET', '/api/platforms')).text) as { items: { id: string }[] }
  ).items;
  const fallback = new Map([['platform', platforms.map((p) => p.id)]]);
  const views: View[] = [];
  for (const c of clients) {
    // --trace <identity>: every URL that identity's crawl requested, with its status.
    const trace =
      c.name === args.trace ? (url: string, status: number) => log(`  trace ${status} ${url}`) : undefined;
    views.push(await crawl(api, c, { fallback, trace }));
  }
  const admin = views.find((v) => v.client.name === 'admin')!;
  log(
    `crawl: ${views.length} identities, ${views.reduce((n, v) => n + v.requests, 0)} requests, ` +
      `${views.reduce((n, v) => n + v.reached.length, 0)} reached, ${secs(t)} s`,
  );
  for (const v of views)
    log(`  ${v.client.name.padEnd(14)} sees ${v.seen.size} ids, reached ${v.reached.length}`);

  if (parts.has('sweep')) {
    t = Date.now();
    const r = await sweep(api, views, seed);
    log(
      `sweep: ${r.requests} cross-identity requests, ${r.refused} refused, ${r.inconclusive} refused by ` +
        `validation, ${r.ruleRefusals.length} refused by a business rule, ${r.findings.length} unexpected, ${secs(t)} s`,
    );
    for (const x of r.ruleRefusals.slice(0, 20)) log(`  rule: ${x}`);
    for (const f of r.findings)
      log(`  UNEXPECTED ${f.status} ${f.actor} (owner ${f.owner}) ${f.url}\n    ${f.detail}`);
    failed ||= r.findings.length > 0;
  }

  if (parts.has('sqlmap')) {
    t = Date.now();
    if (!(await stillSignedIn(admin.client))) await admin.client.signIn('admin');
    const targets = sqlmapTargets(api, admin, seed);
    const r = await runSqlmap(
      server.baseUrl,
      admin.client.cookieHeader,
      kind === 'sqlite' ? 'SQLite' : 'PostgreSQL',
      targets,
      Number(args['sqlmap-width']),
      Number(args['sqlmap-target-timeout']),
    );
    log(
      `sqlmap: ${r.targets} GET routes, ${r.points} parameters, ${r.injectable.length} injectable, ` +
        `${r.errors.length} not tested (sqlmap error), ${r.seconds} s`,
    );
    for (const x of r.injectable) log(`  INJECTABLE ${x.url}\n${x.output}`);
    for (const x of r.errors)
      log(
        `  not tested: ${x.url}: ${x.output
          .split('\n')
          .filter((l) => /CRITICAL|ERROR/.test(l))
          .join(' | ')
          .slice(0, 300)}`,
      );
    failed ||= r.injectable.length > 0;
  }

  if (parts.has('fuzz')) {
    t = Date.now();
    if (!(await stillSignedIn(admin.client))) await admin.client.signIn('admin');
    const me = JSON.parse((await admin.client.request('GET', '/api/auth/session')).text) as {
      user: { id: string };
    };
    // The admin's own account is left alone: a fuzzed role change or password reset would end the run.
    const r = await fuzz(api, admin, Number(args.runs), seed, new Set([me.user.id]));
    const classes = Object.entries(r.byStatus)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    log(
      `fuzz: ${r.routes} write routes, ${r.requests} requests (${classes}), ${r.failures.length} 5xx, ${secs(t)} s`,
    );
    for (const f of r.failures)
      log(`  5xx ${f.status} ${f.route} ${f.url}\n    body ${f.body}\n    answer ${f.answer}`);
    failed ||= r.failures.length > 0;
  }
} catch (err) {
  failed = true;
  log(`security: aborted: ${(err as Error).stack}\n--- server output ---\n${server.output()}`);
} finally {
  await server.stop();
  backing.dispose();
}
log(`security: ${failed ? 'FAILED' : 'passed'} in ${secs(t0)} s`);
process.exit(failed ? 1 : 0);
