import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { pool } from '../lib/client.js';
import { candidates, entityOf, type View } from './crawl.js';
import { type Api, fill, type Operation } from './openapi.js';
import { arbitraryFor } from './schema-arbitrary.js';

// sqlmap (Debian package) on every parameterised GET, signed in as the system administrator (who reaches
// every query), every path and query parameter marked as an injection point. Bounded in time: the DBMS
// is given (no fingerprinting), boolean/error/UNION techniques only (time-based blind is what makes sqlmap
// take hours; an error or boolean difference shows the same concatenation), a few threads, no retries.

export interface SqlmapResult {
  targets: number;
  points: number;
  injectable: { url: string; output: string }[];
  errors: { url: string; output: string }[];
  seconds: number;
}

/** One URL per parameterised GET, with `*` after every value sqlmap should tamper with. */
export function sqlmapTargets(api: Api, admin: View, seed: number): { url: string; points: number }[] {
  const out: { url: string; points: number }[] = [];
  for (const op of api.operations) {
    if (op.method !== 'GET' || (!op.pathParams.length && !op.query.length)) continue;
    if (op.path.startsWith('/api/docs')) continue;
    const values = candidates(admin, op, 1)[0] ?? {};
    if (op.pathParams.some((p) => !(p in values))) {
      for (const p of op.pathParams) values[p] ??= '01890000-0000-7000-8000-000000000000';
    }
    const marked = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, `${v}\u0001`]));
    const qs = op.query
      .map(
        (q) =>
          `${encodeURIComponent(q.name)}=${encodeURIComponent(sampleQuery(api, admin, op, q.name, seed))}*`,
      )
      .join('&');
    const url = fill(op.path, marked).replaceAll('%01', '*') + (qs ? `?${qs}` : '');
    out.push({ url, points: op.pathParams.length + op.query.length });
  }
  return out;
}

/** A valid value for a query parameter: an existing object's id for an id filter (else the page is empty). */
function sampleQuery(api: Api, admin: View, op: Operation, name: string, seed: number): string {
  const q = op.query.find((x) => x.name === name)!;
  const s = api.deref(q.schema);
  if (s.format === 'uuid') {
    const [known] = admin.byEntity.get(entityOf(name)) ?? [];
    if (known) return known;
  }
  if (s.type === 'integer' || s.type === 'number') return String(s.minimum ?? 1);
  const [v] = fc.sample(arbitraryFor(s, { deref: api.deref, knownIds: [], hostile: false }), {
    numRuns: 1,
    seed,
  });
  return typeof v === 'string' && v.length ? v : String(v ?? 'a');
}

export async function runSqlmap(
  baseUrl: string,
  cookie: string,
  dbms: 'SQLite' | 'PostgreSQL',
  targets: { url: string; points: number }[],
  width: number,
  targetTimeoutS: number,
): Promise<SqlmapResult> {
  const started = Date.now();
  const result: SqlmapResult = { targets: targets.length, points: 0, injectable: [], errors: [], seconds: 0 };
  await pool(targets, width, async (t) => {
    result.points += t.points;
    // One output directory per target: two sqlmap processes sharing a session file fail with
    // "disk I/O error" and test nothing.
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-sqlmap-'));
    try {
      const { output } = await run(
        'sqlmap',
        [
          '-u',
          baseUrl + t.url,
          `--cookie=${cookie}`,
          '--batch',
          '--level=3',
          '--risk=1',
          '--technique=BEU',
          `--dbms=${dbms}`,
          '--threads=4',
          '--timeout=10',
          '--retries=0',
          '--disable-coloring',
          '--flush-session',
          `--output-dir=${outDir}`,
        ],
        targetTimeoutS,
      );
      // sqlmap exits non-zero also when it tested everything and found nothing, so the text decides.
      if (/identified the following injection point|is vulnerable/i.test(output))
        result.injectable.push({ url: t.url, output: output.slice(-3000) });
      else if (!/do not appear to be injectable|does not seem to be injectable/.test(output))
        result.errors.push({ url: t.url, output: output.slice(-1500) });
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
  result.seconds = Math.round((Date.now() - started) / 1000);
  return result;
}

/** Runs sqlmap; one that outlives its time is stopped and reported as not tested (never as passed). */
function run(cmd: string, args: string[], timeoutS: number): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      output += `\n[CRITICAL] stopped after ${timeoutS} s (--sqlmap-target-timeout)\n`;
      child.kill('SIGKILL');
    }, timeoutS * 1000);
    child.stdout.on('data', (b: Buffer) => {
      output += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      output += b.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output });
    });
  });
}
