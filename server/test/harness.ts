import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import { createDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { CSRF_HEADER } from '../http/auth.js';
import { type Clock, type Ctx, cliActor } from '../http/context.js';

export const TEST_DB = (process.env.TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';
export const TEST_PASSWORD = 'correct-horse-battery';

/** A clock tests can move. */
export function testClock(
  start = '2026-06-01T08:00:00.000Z',
): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    set: (iso) => {
      now = new Date(iso).getTime();
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

export function testConfig(dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    PASSWORD_RESET_RATE_LIMIT_PER_MINUTE: '10000',
    // Suites sign administrators in with the password alone; the MFA tests pass the default requirement.
    MFA_REQUIRED_ROLES: 'none',
    // No sign-in challenge unless a test asks for one (challenge.test.ts): the lockout tests fail sign-ins on
    // purpose and expect the lockout's answers.
    LOGIN_CHALLENGE_AFTER_FAILURES: '0',
    // scrypt at N = 16 instead of 16384: the same code path at a thousandth of the CPU per sign-in and per
    // user created (docs/adr/0006). password.unit.test.ts keeps the production default under test.
    PASSWORD_HASH_COST: '4',
    ...env,
  });
}

/** A fresh, migrated database for one test file: a copy of the migrated SQLite template, or a PostgreSQL database cloned from the migrated template. */
export async function freshDatabase(): Promise<{
  database: Database;
  dataDir: string;
  drop(): Promise<void>;
}> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-test-'));
  if (TEST_DB === 'sqlite') {
    const file = path.join(dataDir, 'test.sqlite');
    // A copy of the template the project's global setup migrated once (sqlite.global-setup.ts): the same
    // schema as migrating here, with no rows, in a file of its own. Without a global setup, migrate here.
    const template = inject('sqliteTemplate');
    if (template) copyFileSync(template, file);
    const database = createDatabase({ kind: 'sqlite', file });
    if (!template) await migrateToLatest(database.db as never);
    return { database, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE commonlab_test_template`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = createDatabase({ kind: 'postgres', url: url.toString(), max: 5 });
  return {
    database,
    dataDir,
    drop: async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  clock: ReturnType<typeof testClock>;
  /** Service context acting as the CLI (full rights), for arranging data. */
  systemCtx(): Ctx;
  close(): Promise<void>;
}

/** The app on a fresh database; call close() in afterAll. */
export async function setupTestApp(
  opts: { env?: Record<string, string>; clock?: ReturnType<typeof testClock> } = {},
): Promise<TestApp> {
  const fresh = await freshDatabase();
  const config = testConfig(fresh.dataDir, opts.env);
  const clock = opts.clock ?? testClock();
  const app = await buildApp({ config, database: fresh.database, clock, logger: false });
  await app.ready();
  return {
    app,
    database: fresh.database,
    config,
    clock,
    systemCtx: () => ({
      db: fresh.database.db,
      seam: fresh.database.seam,
      actor: cliActor('test'),
      requestId: null,
      log: app.log,
      clock,
      config,
    }),
    async close() {
      await app.close();
      await fresh.database.close();
      await fresh.drop();
    },
  };
}

export interface Client {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  cookie: string;
  csrf: string;
}

function cookieHeader(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.map((c) => c.split(';')[0]).join('; ');
}

/** Signs in through the API and returns a client that sends the session cookie and CSRF header. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  return clientOf(app, res);
}

/** A client holding the session a sign-in answer (password step or second step) set. */
export function clientOf(app: FastifyInstance, res: LightMyRequestResponse): Client {
  const cookie = cookieHeader(res.headers['set-cookie']);
  const csrf = res.json().csrfToken as string;
  return clientWith(app, { cookie, [CSRF_HEADER]: csrf }, cookie, csrf);
}

/** A client without credentials (the public), or with arbitrary headers (e.g. a bearer token). */
export function anonymous(app: FastifyInstance, headers: Record<string, string> = {}): Client {
  return clientWith(app, headers, '', '');
}

function clientWith(
  app: FastifyInstance,
  headers: Record<string, string>,
  cookie: string,
  csrf: string,
): Client {
  const request = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { ...headers, ...(opts.headers ?? {}) } });
  const withBody = (method: 'POST' | 'PUT' | 'PATCH') => (url: string, body?: unknown) =>
    request({ method, url, ...(body === undefined ? {} : { payload: body as object }) });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: withBody('POST'),
    put: withBody('PUT'),
    patch: withBody('PATCH'),
    delete: (url) => request({ method: 'DELETE', url }),
    cookie,
    csrf,
  };
}
