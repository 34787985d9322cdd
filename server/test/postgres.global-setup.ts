import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { findPostgresBin, startThrowawayPostgres, type ThrowawayPostgres } from './postgres-server.js';

export const TEMPLATE_DB = 'commonlab_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/** Once per run: a PostgreSQL server (given by DATABASE_URL or started here) and a migrated template. */
export default async function setup(project: TestProject) {
  let server: ThrowawayPostgres | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const bin = findPostgresBin();
    if (!bin) throw new Error('PostgreSQL binaries not found (install Debian package postgresql)');
    server = await startThrowawayPostgres(bin);
    adminUrl = server.url;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  const database = createDatabase({ kind: 'postgres', url: templateUrl.toString(), max: 1 });
  await migrateToLatest(database.db as never);
  await database.close();
  project.provide('pgAdminUrl', adminUrl);
  return () => server?.stop();
}
