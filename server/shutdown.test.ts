import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_DB } from './test/harness.js';
import { freePort } from './test/postgres-server.js';

// The real server process: SIGTERM lets an in-flight request finish, closes the database and exits 0.
let dataDir: string;
let dbUrl: string | undefined;
let dropDb: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-shutdown-'));
  if (TEST_DB === 'postgres') {
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    const name = `shutdown_${Date.now().toString(36)}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(inject('pgAdminUrl'));
    url.pathname = `/${name}`;
    dbUrl = url.toString();
    dropDb = async () => {
      const a = new pg.Client({ connectionString: inject('pgAdminUrl') });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  }
});
afterAll(async () => {
  await dropDb?.();
  rmSync(dataDir, { recursive: true, force: true });
});

function startServer(port: number): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  const child = spawn(process.execPath, ['bin/commonlab.js', 'serve'], {
    env: {
      ...process.env,
      COMMONLAB_FROM_SOURCE: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...(dbUrl ? { DATABASE_URL: dbUrl } : { DATABASE_URL: '' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('Commonlab is running')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)));
  });
  return { child, output: () => out, ready };
}

describe('graceful shutdown', () => {
  it('finishes the in-flight request, closes the database and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const server = startServer(port);
    await server.ready;
    expect(server.output()).toContain('admin / Commonlab-demo-2026');
    // The request is in flight when SIGTERM arrives: headers sent, body still streaming.
    const body = JSON.stringify({ username: 'admin', password: 'Commonlab-demo-2026' });
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((resolve) =>
      server.child.once('exit', (code) => resolve(code)),
    );
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    req.end(body.slice(10));
    const res = await response;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).user.username).toBe('admin');
    expect(await exited).toBe(0);
    expect(server.output()).toContain('closed cleanly');
    // Restarting on the same data finds it intact and does not seed twice.
    const again = startServer(port);
    await again.ready;
    expect(again.output()).not.toContain('demo data loaded');
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    const done = new Promise((resolve) => again.child.once('exit', resolve));
    again.child.kill('SIGTERM');
    await done;
  }, 60_000);
});
