import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { findPostgresBin, freePort, startThrowawayPostgres } from '../../server/test/postgres-server.js';

// A throwaway Commonlab server on 127.0.0.1 for the security and crash scripts: its own data directory
// (and, for PostgreSQL, its own throwaway cluster), the real `commonlab serve` in a child process, so
// that a script can talk HTTP to it, kill -9 it and start it again on the same data.

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export type DbKind = 'sqlite' | 'postgres';

export interface Backing {
  kind: DbKind;
  dataDir: string;
  /** PostgreSQL only: the database the server uses. */
  databaseUrl?: string;
  dispose(): void;
}

/** A fresh data directory and, for PostgreSQL, a fresh cluster with an empty database. */
export async function createBacking(kind: DbKind): Promise<Backing> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-script-'));
  if (kind === 'sqlite') {
    return { kind, dataDir, dispose: () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL binaries not found (Debian package postgresql)');
  const cluster = await startThrowawayPostgres(bin);
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE commonlab');
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = '/commonlab';
  return {
    kind,
    dataDir,
    databaseUrl: url.toString(),
    dispose() {
      cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RunningServer {
  baseUrl: string;
  child: ChildProcess;
  /** Everything the server wrote, for a failure report. */
  output(): string;
  /** SIGTERM and wait (the graceful path). */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown code runs. */
  kill9(): Promise<void>;
}

/** Starts `commonlab serve` on the backing and waits until /readyz answers 200. */
export async function startServer(
  backing: Backing,
  env: Record<string, string> = {},
  timeoutMs = 180_000,
): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/commonlab.js'), 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      COMMONLAB_FROM_SOURCE: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: backing.dataDir,
      LOG_LEVEL: 'warn',
      ...(backing.databaseUrl ? { DATABASE_URL: backing.databaseUrl } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode) {
      throw new Error(`server exited during start (${child.exitCode ?? child.signalCode}):\n${out}`);
    }
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null && !child.signalCode) child.kill('SIGTERM');
      await exited;
    },
    async kill9() {
      if (child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
      await exited;
    },
  };
}
