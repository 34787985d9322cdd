import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createDatabase, type Database } from '../../db/database.js';
import { latestMigration } from '../../db/migrate.js';
import { freshDatabase, setupTestApp, TEST_DB, type TestApp, testConfig } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t.close());

/** An app over a database the test controls; closed (with the database) by the returned function. */
async function appOver(database: Database): Promise<FastifyInstance> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-health-'));
  const app = await buildApp({ config: testConfig(dataDir), database, logger: false });
  app.addHook('onClose', async () => rmSync(dataDir, { recursive: true, force: true }));
  await app.ready();
  return app;
}

/** A reachable database that was never migrated. */
async function emptyDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  if (TEST_DB === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-empty-'));
    const database = createDatabase({ kind: 'sqlite', file: path.join(dir, 'empty.sqlite') });
    return { database, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = inject('pgAdminUrl');
  const name = `empty_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = createDatabase({ kind: 'postgres', url: url.toString(), max: 2 });
  return {
    database,
    drop: async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

describe('/healthz', () => {
  it('says the process is alive, without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});

describe('/readyz', () => {
  it('is ready when the database answers and carries the latest migration', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', checks: { database: 'ok', migrations: latestMigration } });
  });

  it('is not ready (503, migrations pending) while the latest migration is missing', async () => {
    const { db } = t.database;
    const row = await sql<{
      name: string;
      timestamp: string;
    }>`select name, timestamp from kysely_migration where name = ${latestMigration}`.execute(db);
    await sql`delete from kysely_migration where name = ${latestMigration}`.execute(db);
    try {
      const res = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable', checks: { migrations: 'pending' } });
    } finally {
      const { name, timestamp } = row.rows[0]!;
      await sql`insert into kysely_migration (name, timestamp) values (${name}, ${timestamp})`.execute(db);
    }
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('reports a reachable database that was never migrated as pending, not unreachable', async () => {
    const empty = await emptyDatabase();
    const app = await appOver(empty.database);
    try {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable', checks: { migrations: 'pending' } });
    } finally {
      await app.close();
      await empty.database.close();
      await empty.drop();
    }
  });

  it('is not ready (503, database unreachable) once its database is closed, while /healthz stays 200', async () => {
    const fresh = await freshDatabase();
    const app = await appOver(fresh.database);
    try {
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      await fresh.database.close();
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({ status: 'unavailable', checks: { database: 'unreachable' } });
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await fresh.drop();
    }
  });

  if (TEST_DB === 'postgres') {
    it('is not ready when the PostgreSQL server refuses connections', async () => {
      const database = createDatabase({
        kind: 'postgres',
        url: 'postgres://nobody@127.0.0.1:1/none',
        max: 1,
      });
      const app = await appOver(database);
      try {
        const res = await app.inject({ method: 'GET', url: '/readyz' });
        expect(res.statusCode).toBe(503);
        expect(res.json().checks).toEqual({ database: 'unreachable' });
      } finally {
        await app.close();
        await database.close();
      }
    });
  }
});
