import { type ChildProcess, execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDatabase, type Database } from './db/database.js';
import { TEST_DB } from './test/harness.js';

/**
 * The real `commonlab` command in a child process, against a data directory and database of the test
 * file's own (an empty PostgreSQL database, not the migrated template, so `migrate` has real work).
 * Each start costs about a second (tsx), so a file's steps build on each other.
 */
const BIN = fileURLToPath(new URL('../bin/commonlab.js', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliWorkspace {
  /** The data directory the commands use (DATA_DIR). */
  dataDir: string;
  /** Runs `commonlab ARGS` to its end. */
  commonlab(args: string[], env?: Record<string, string>): Promise<Run>;
  /** The workspace's database, opened on first use (after `migrate` created it). */
  database(): Database;
}

/**
 * Registers the workspace's set-up and clean-up for the calling test file. A command runs until it
 * exits: no kill timer of its own, which under load cut a slow `seed --demo` short; the test's timeout
 * bounds the wait, and a command still running when the file ends is ended then.
 */
export function cliWorkspace(): CliWorkspace {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-cli-'));
  const running = new Set<ChildProcess>();
  let databaseUrl: string | undefined;
  let pgName: string | undefined;
  let database: Database | undefined;

  beforeAll(async () => {
    if (TEST_DB !== 'postgres') return;
    const adminUrl = inject('pgAdminUrl');
    pgName = `cli_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${pgName}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${pgName}`;
    databaseUrl = url.toString();
  });
  afterAll(async () => {
    for (const child of running) child.kill();
    await database?.close();
    if (pgName) {
      const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
      await admin.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  function commonlab(args: string[], env: Record<string, string> = {}): Promise<Run> {
    const base = { ...process.env };
    delete base.DATABASE_URL;
    delete base.SESSION_SECRET;
    return new Promise((resolve) => {
      const child = execFile(
        process.execPath,
        [BIN, ...args],
        {
          env: {
            ...base,
            NODE_ENV: 'test',
            COMMONLAB_FROM_SOURCE: '1',
            DATA_DIR: dataDir,
            LOG_LEVEL: 'warn',
            ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
            ...env,
          },
        },
        (err, stdout, stderr) => {
          running.delete(child);
          const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
      running.add(child);
    });
  }

  return {
    dataDir,
    commonlab,
    database: () =>
      (database ??= createDatabase(
        databaseUrl
          ? { kind: 'postgres', url: databaseUrl, max: 2 }
          : { kind: 'sqlite', file: path.join(dataDir, 'commonlab.sqlite') },
      )),
  };
}
