import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../common/roles.js';
import { createToken } from '../../modules/auth/tokens.service.js';
import { loadActor } from '../../modules/users/users.accounts.js';
import { buildPlatform, buildUser } from '../factories.js';
import { anonymous, type Client, setupTestApp, signIn, TEST_PASSWORD, type TestApp } from '../harness.js';
import { accountsCases } from './accounts.cases.js';
import { analyticsCases } from './analytics.cases.js';
import { announcementsCases } from './announcements.cases.js';
import { applicationsCases } from './applications.cases.js';
import { assignmentCases } from './assignment.cases.js';
import { callsCases } from './calls.cases.js';
import { conflictsCases } from './conflicts.cases.js';
import { decisionsCases } from './decisions.cases.js';
import { expertsCases } from './experts.cases.js';
import { instrumentsCases } from './instruments.cases.js';
import { ipCases } from './ip.cases.js';
import { labEvaluationsCases } from './lab-evaluations.cases.js';
import { listActionsCases } from './list-actions.cases.js';
import type { MatrixEnv } from './matrix.js';
import { needsCases } from './needs.cases.js';
import { openDataCases } from './open-data.cases.js';
import { orgsImportsCases } from './orgs.cases.js';
import { peopleLinkCases } from './people.cases.js';
import { platformDomainCases } from './platforms.cases.js';
import { projectAmendmentsCases } from './project-amendments.cases.js';
import { projectCheckRunsCases } from './project-check-runs.cases.js';
import { projectChecksCases } from './project-checks.cases.js';
import { projectExecutionCases } from './project-execution.cases.js';
import { projectSpendingCases } from './project-spending.cases.js';
import { projectsCases } from './projects.cases.js';
import { registrationsCases } from './registrations.cases.js';
import { resultsCases } from './results.cases.js';
import { scoringCases } from './scoring.cases.js';
import { serviceDashboardsCases } from './service-dashboards.cases.js';
import { servicesCases } from './services.cases.js';
import { spendingImportCases } from './spending-import.cases.js';
import { ttExportCases } from './ttexport.cases.js';
import { vouchersCases } from './vouchers.cases.js';

/**
 * The authorization matrix: every route under /api, every kind of caller, the expected status class.
 * A route the app serves but this table does not list fails the first test, so a new route cannot ship
 * without someone deciding who may call it.
 */
type Cls = '2xx' | '3xx' | '400' | '401' | '403' | '404' | '409';
const ACTORS = [
  'anonymous',
  'token:read',
  'token:write',
  'system_admin',
  'security_admin',
  'audit_admin',
  ...ROLES.map((r) => `A:${r}` as const),
  'B:platform_admin',
] as const;
type ActorName = (typeof ACTORS)[number];
type Expect = Partial<Record<ActorName, Cls>> & { others: Cls };

interface Cell {
  url: string;
  body?: unknown;
  /** For bodies that are not JSON (a multipart upload). */
  headers?: Record<string, string>;
}
interface RouteCase {
  /** Fastify's route as `METHOD /path/:param`, matching the app's route table. */
  route: string;
  /** A distinct label when one route has several cases (e.g. own vs someone else's token). */
  label?: string;
  expect: Expect;
  /** Builds the request for one actor; may create data (a fresh token to revoke, a unique user name). */
  cell(actor: ActorName): Promise<Cell> | Cell;
  /** The request ends the caller's session: run it on a throw-away session. */
  freshSession?: boolean;
}

let t: TestApp;
let A: string;
let B: string;
const clients = {} as Record<ActorName, Client>;
const userIds = {} as Record<ActorName, string>;
const usernames = {} as Partial<Record<ActorName, string>>;
let target: string;
let kindTarget: string;
let loginUser: string;
let n = 0;

/** A fresh token of the actor's own (for the token actors: of the token owner), to revoke. */
async function ownTokenId(actor: ActorName): Promise<string> {
  const id = userIds[actor];
  if (!id) return crypto.randomUUID();
  const owner = await actorOf(id);
  return (await createToken({ ...t.systemCtx(), actor: owner }, { name: `revoke-${n++}`, scopes: ['read'] }))
    .id;
}
let strangersToken: string;
let strangersSession: string;

/** A second session of the actor's own (signed in anew), to end from the matrix client's session. */
async function ownOtherSessionRef(actor: ActorName): Promise<string> {
  const username = usernames[actor];
  if (!username) return crypto.randomUUID();
  const other = await signIn(t.app, username);
  const items: { id: string; current: boolean }[] = (await other.get('/api/me/sessions')).json().items;
  return items.find((s) => s.current)!.id;
}

/** The environment the expert-review rows (issue 5) build their data in. */
const reviewEnv: MatrixEnv = {
  ctx: () => t.systemCtx(),
  A: () => A,
  B: () => B,
  userId: (actor) => userIds[actor],
};

const signedIn: Expect = { anonymous: '401', others: '2xx' };
const signedInWrite: Expect = { anonymous: '401', 'token:read': '403', others: '2xx' };
/** Minting credentials and changing the password need a session: no API token may. */
const interactiveWrite: Expect = {
  anonymous: '401',
  'token:read': '403',
  'token:write': '403',
  others: '2xx',
};
const systemAdminWrite: Expect = {
  anonymous: '401',
  'token:write': '2xx',
  system_admin: '2xx',
  others: '403',
};
const userManagers: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  security_admin: '2xx',
  'A:platform_admin': '2xx',
  'B:platform_admin': '2xx',
  others: '403',
};
/** Separation of duties: what moved from the system admin (and its tokens) to the security admin. */
const securityAdminWrite: Expect = { anonymous: '401', security_admin: '2xx', others: '403' };
/** Own second factor: sessions only, as for minting credentials. */
const ownFactor = (sessions: Cls): Expect => ({
  anonymous: '401',
  'token:read': '403',
  'token:write': '403',
  others: sessions,
});

const CASES: RouteCase[] = [
  {
    route: 'POST /api/auth/login',
    expect: { 'token:read': '403', others: '2xx' },
    cell: () => ({ url: '/api/auth/login', body: { username: loginUser, password: TEST_PASSWORD } }),
  },
  {
    route: 'POST /api/auth/logout',
    expect: signedInWrite,
    freshSession: true,
    cell: () => ({ url: '/api/auth/logout' }),
  },
  { route: 'GET /api/auth/session', expect: signedIn, cell: () => ({ url: '/api/auth/session' }) },
  {
    route: 'POST /api/me/password',
    expect: interactiveWrite,
    cell: () => ({
      url: '/api/me/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
    }),
  },
  {
    route: 'PUT /api/me/preferences',
    expect: signedInWrite,
    cell: () => ({ url: '/api/me/preferences', body: { locale: 'en-US' } }),
  },
  { route: 'GET /api/me/tokens', expect: signedIn, cell: () => ({ url: '/api/me/tokens' }) },
  {
    route: 'POST /api/me/tokens',
    expect: interactiveWrite,
    cell: () => ({ url: '/api/me/tokens', body: { name: 'matrix', scopes: ['read'] } }),
  },
  {
    route: 'DELETE /api/me/tokens/:id',
    label: 'own token',
    expect: signedInWrite,
    cell: async (actor) => ({ url: `/api/me/tokens/${await ownTokenId(actor)}` }),
  },
  {
    route: 'DELETE /api/me/tokens/:id',
    label: "someone else's token",
    expect: { anonymous: '401', 'token:read': '403', others: '404' },
    cell: () => ({ url: `/api/me/tokens/${strangersToken}` }),
  },
  // Own sessions (ASVS 7.5.2): the browser's, so API tokens may not list or end them.
  { route: 'GET /api/me/sessions', expect: ownFactor('2xx'), cell: () => ({ url: '/api/me/sessions' }) },
  {
    route: 'DELETE /api/me/sessions/:id',
    label: 'own session',
    expect: ownFactor('2xx'),
    cell: async (actor) => ({ url: `/api/me/sessions/${await ownOtherSessionRef(actor)}` }),
  },
  {
    route: 'DELETE /api/me/sessions/:id',
    label: "someone else's session",
    expect: ownFactor('404'),
    cell: () => ({ url: `/api/me/sessions/${strangersSession}` }),
  },
  // Runs on the matrix client's own session: it ends the fresh sessions other rows opened, not itself.
  {
    route: 'POST /api/me/sessions/end-others',
    expect: ownFactor('2xx'),
    cell: () => ({ url: '/api/me/sessions/end-others' }),
  },
  {
    route: 'PUT /api/me/email',
    expect: ownFactor('2xx'),
    cell: () => ({ url: '/api/me/email', body: { email: null, password: TEST_PASSWORD } }),
  },
  { route: 'GET /api/users', expect: userManagers, cell: () => ({ url: '/api/users' }) },
  {
    route: 'POST /api/users',
    expect: systemAdminWrite,
    cell: () => ({
      url: '/api/users',
      body: { username: `made${n++}`, displayName: 'Made', password: TEST_PASSWORD },
    }),
  },
  {
    route: 'PATCH /api/users/:id',
    expect: systemAdminWrite,
    cell: () => ({ url: `/api/users/${target}`, body: { displayName: 'T' } }),
  },
  {
    route: 'PATCH /api/users/:id',
    label: 'unknown user',
    expect: { ...systemAdminWrite, 'token:write': '404', system_admin: '404' },
    cell: () => ({ url: `/api/users/${crypto.randomUUID()}`, body: { displayName: 'T' } }),
  },
  {
    route: 'PUT /api/users/:id/roles',
    label: 'roles on platform A',
    expect: { ...securityAdminWrite, 'A:platform_admin': '2xx' },
    cell: () => ({ url: `/api/users/${target}/roles`, body: { roles: [{ platformId: A, role: 'expert' }] } }),
  },
  {
    route: 'PUT /api/users/:id/roles',
    label: 'roles on platform B',
    expect: { ...securityAdminWrite, 'B:platform_admin': '2xx' },
    cell: () => ({
      url: `/api/users/${target}/roles`,
      body: { roles: [{ platformId: B, role: 'researcher' }] },
    }),
  },
  {
    route: 'POST /api/users/:id/password',
    expect: systemAdminWrite,
    cell: () => ({ url: `/api/users/${target}/password`, body: { password: 'a-brand-new-secret' } }),
  },
  {
    route: 'POST /api/users/:id/admin-kinds',
    expect: securityAdminWrite,
    cell: () => ({ url: `/api/users/${kindTarget}/admin-kinds`, body: { adminKind: 'audit_admin' } }),
  },
  {
    route: 'POST /api/users/:id/admin-kinds/revoke',
    expect: securityAdminWrite,
    cell: () => ({ url: `/api/users/${kindTarget}/admin-kinds/revoke`, body: { adminKind: 'audit_admin' } }),
  },
  {
    route: 'POST /api/users/:id/unlock',
    label: 'an account that is not locked',
    expect: { ...securityAdminWrite, security_admin: '409' },
    cell: () => ({ url: `/api/users/${target}/unlock` }),
  },
  {
    route: 'DELETE /api/users/:id/mfa',
    label: 'an account without a second factor',
    expect: { ...securityAdminWrite, security_admin: '409' },
    cell: () => ({ url: `/api/users/${target}/mfa` }),
  },
  { route: 'GET /api/me/mfa', expect: signedIn, cell: () => ({ url: '/api/me/mfa' }) },
  {
    route: 'POST /api/me/mfa/enrolment',
    expect: ownFactor('2xx'),
    cell: () => ({ url: '/api/me/mfa/enrolment' }),
  },
  {
    route: 'POST /api/me/mfa/enrolment/confirm',
    label: 'a wrong code',
    expect: ownFactor('400'),
    cell: () => ({ url: '/api/me/mfa/enrolment/confirm', body: { code: '000000' } }),
  },
  {
    route: 'POST /api/me/mfa/disable',
    label: 'no factor to turn off',
    expect: ownFactor('409'),
    cell: () => ({ url: '/api/me/mfa/disable', body: { code: '000000' } }),
  },
  {
    route: 'POST /api/auth/mfa/verify',
    label: 'no sign-in waiting for it',
    expect: { anonymous: '401', 'token:read': '403', others: '409' },
    cell: () => ({ url: '/api/auth/mfa/verify', body: { code: '000000' } }),
  },
  {
    // Only the audit admin reads the whole deployment's log; platform admins and supervisors their own.
    route: 'GET /api/audit',
    expect: {
      anonymous: '401',
      audit_admin: '2xx',
      'A:platform_admin': '2xx',
      'B:platform_admin': '2xx',
      'A:supervisor': '2xx',
      others: '403',
    },
    cell: () => ({ url: '/api/audit' }),
  },
  {
    // The log's export: the same readers as the list, each its own entries (audit.export.test.ts).
    route: 'GET /api/audit/export.xlsx',
    expect: {
      anonymous: '401',
      audit_admin: '2xx',
      'A:platform_admin': '2xx',
      'B:platform_admin': '2xx',
      'A:supervisor': '2xx',
      others: '403',
    },
    cell: () => ({ url: '/api/audit/export.xlsx?lang=zh-CN&tz=Asia/Shanghai' }),
  },
  {
    route: 'GET /api/audit/verify',
    expect: { anonymous: '401', audit_admin: '2xx', others: '403' },
    cell: () => ({ url: '/api/audit/verify' }),
  },
  {
    // Refusals as security events (ASVS 16.3.2): the security and audit administrators read them.
    route: 'GET /api/security-events',
    expect: { anonymous: '401', security_admin: '2xx', audit_admin: '2xx', others: '403' },
    cell: () => ({ url: '/api/security-events' }),
  },
  { route: 'GET /api/home/summary', expect: signedIn, cell: () => ({ url: '/api/home/summary' }) },
  // Everyone signed in has a workbench; what it counts is their own (workbench.test.ts).
  { route: 'GET /api/workbench', expect: signedIn, cell: () => ({ url: '/api/workbench' }) },
  { route: 'GET /api/platforms', expect: { others: '2xx' }, cell: () => ({ url: '/api/platforms' }) },
  ...platformDomainCases({
    ctx: () => t.systemCtx(),
    A: () => A,
    B: () => B,
    userId: (actor) => userIds[actor],
  }),
  ...peopleLinkCases(reviewEnv),
  ...orgsImportsCases({ ctx: () => t.systemCtx(), A: () => A }),
  ...resultsCases({ ctx: () => t.systemCtx(), A: () => A }),
  ...ipCases({ ctx: () => t.systemCtx(), A: () => A }),
  ...ttExportCases({ ctx: () => t.systemCtx(), A: () => A }),
  ...analyticsCases(reviewEnv),
  ...applicationsCases({ ctx: () => t.systemCtx(), A: () => A, userId: (actor) => userIds[actor] }),
  ...callsCases({
    ctx: () => t.systemCtx(),
    A: () => A,
    B: () => B,
    userId: (actor) => userIds[actor],
  }),
  ...projectsCases(reviewEnv),
  ...projectExecutionCases(reviewEnv),
  ...projectSpendingCases(reviewEnv),
  ...projectChecksCases(reviewEnv),
  ...projectAmendmentsCases(reviewEnv),
  ...projectCheckRunsCases(reviewEnv),
  ...spendingImportCases(reviewEnv),
  ...labEvaluationsCases(reviewEnv),
  ...servicesCases(reviewEnv),
  ...instrumentsCases(reviewEnv),
  ...announcementsCases(reviewEnv),
  ...vouchersCases(reviewEnv),
  ...needsCases(reviewEnv),
  ...serviceDashboardsCases(reviewEnv),
  ...openDataCases(),
  ...accountsCases(reviewEnv),
  ...registrationsCases(reviewEnv),
  ...listActionsCases({ A: () => A }),
  ...[expertsCases, conflictsCases, assignmentCases, scoringCases, decisionsCases].flatMap((cases) =>
    cases(reviewEnv),
  ),
  // The API documentation is public, like the source it describes.
  ...['/api/docs', '/api/docs/json', '/api/docs/yaml', '/api/docs/static/swagger-initializer.js'].map(
    (url): RouteCase => ({ route: `GET ${url}`, expect: { others: '2xx' }, cell: () => ({ url }) }),
  ),
  {
    route: 'GET /api/docs/static/*',
    expect: { others: '2xx' },
    cell: () => ({ url: '/api/docs/static/swagger-ui.css' }),
  },
  {
    route: 'GET /api/docs/static/index.html',
    expect: { others: '3xx' },
    cell: () => ({ url: '/api/docs/static/index.html' }),
  },
];

/** `METHOD /path` for every route under /api, from the app's own route catalogue. */
function apiRoutesOf(app: FastifyInstance): string[] {
  const routes = app.routeList.filter((r) => r.url.startsWith('/api')).map((r) => `${r.method} ${r.url}`);
  return [...new Set(routes)].sort();
}

function classOf(status: number): string {
  if (status >= 200 && status < 400) return `${String(status)[0]}xx`;
  return String(status);
}

async function clientFor(actor: ActorName, fresh: boolean): Promise<Client> {
  const username = usernames[actor];
  return fresh && username ? signIn(t.app, username) : clients[actor];
}

const actorOf = async (id: string) => (await loadActor(t.database.db, id, 'session', ['read', 'write']))!;

beforeAll(async () => {
  // The password cell sets the same password again and again; reuse has its own test (password-history.test.ts).
  // The registration cells each solve a proof-of-work challenge: a small one (challenge.test.ts tests the bound).
  t = await setupTestApp({ env: { PASSWORD_HISTORY: '0', LOGIN_CHALLENGE_DIFFICULTY: '2000' } });
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  B = (await buildPlatform(ctx, { code: 'B' })).id;
  const make = async (name: ActorName, username: string, opts: Parameters<typeof buildUser>[1]) => {
    userIds[name] = (await buildUser(ctx, { username, ...opts })).id;
    usernames[name] = username;
    clients[name] = await signIn(t.app, username);
  };
  await make('system_admin', 'root', { systemAdmin: true });
  await make('security_admin', 'sec', { securityAdmin: true });
  await make('audit_admin', 'aud', { auditAdmin: true });
  for (const role of ROLES) await make(`A:${role}`, `a-${role}`, { roles: [role], platformId: A });
  await make('B:platform_admin', 'b-admin', { roles: ['platform_admin'], platformId: B });
  target = (await buildUser(ctx, { username: 'target', roles: ['researcher'], platformId: B })).id;
  loginUser = (await buildUser(ctx, { username: 'login-only' })).username;
  kindTarget = (await buildUser(ctx, { username: 'kind-target' })).id;
  const stranger = await actorOf((await buildUser(ctx, { username: 'stranger' })).id);
  strangersToken = (await createToken({ ...ctx, actor: stranger }, { name: 'theirs', scopes: ['read'] })).id;
  strangersSession = (await (await signIn(t.app, 'stranger')).get('/api/me/sessions')).json().items[0].id;
  // Tokens belong to a system admin, so the scope alone decides what they may do.
  const owner = await actorOf((await buildUser(ctx, { username: 'scripter', systemAdmin: true })).id);
  for (const scopes of [['read'], ['read', 'write']] as const) {
    const made = await createToken({ ...ctx, actor: owner }, { name: 'script', scopes: [...scopes] });
    const name = scopes.length === 1 ? 'token:read' : 'token:write';
    clients[name] = anonymous(t.app, { authorization: `Bearer ${made.token}` });
    userIds[name] = owner.userId;
  }
  clients.anonymous = anonymous(t.app);
});
afterAll(() => t.close());

describe('authorization matrix', () => {
  it('lists every /api route the app serves, and no route it does not serve', () => {
    const served = apiRoutesOf(t.app);
    const listed = [...new Set(CASES.map((c) => c.route))].sort();
    expect(served.length).toBeGreaterThan(15);
    expect(
      served.filter((r) => !listed.includes(r)),
      'routes missing from the authorization matrix',
    ).toEqual([]);
    expect(
      listed.filter((r) => !served.includes(r)),
      'matrix rows for routes that no longer exist',
    ).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.route}${c.label ? ` (${c.label})` : ''}`, async () => {
      const method = c.route.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      const expected: Record<string, string> = {};
      const actual: Record<string, string> = {};
      for (const actor of ACTORS) {
        const { url, body, headers } = await c.cell(actor);
        const client = await clientFor(actor, c.freshSession ?? false);
        const res = await client.request({
          method,
          url,
          ...(body === undefined ? {} : { payload: body as object }),
          ...(headers ? { headers } : {}),
        });
        expected[actor] = c.expect[actor] ?? c.expect.others;
        actual[actor] = classOf(res.statusCode);
        if (res.statusCode >= 400)
          expect(res.headers['content-type'], `${actor}: ${res.body}`).toMatch(/problem\+json/);
      }
      expect(actual).toEqual(expected);
    });
  }
});
