/**
 * Runs the benchmarks in bench/ and prints their figures: `npm run bench [-- <name-filter>] [--rounds 5] …`.
 * Every `bench/*.bench.ts` that default-exports a Benchmark is picked up. Benchmarks are not tests:
 * slow figures never fail the run; only a crash or an invalid run (error responses) exits non-zero.
 */
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { renderTable } from './lib/table.js';
import { type Benchmark, type BenchOptions, type BenchReport, isBenchmark } from './lib/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));

const USAGE = `usage: npm run bench -- [name-filter…] [options]

  name-filter         run only benchmarks whose name contains one of these words
  --connections, -c   concurrent connections per load run   (default 10)
  --duration, -d      measured seconds per load run         (default 5)
  --warmup, -w        warm-up seconds before each run       (default 1)
  --rounds, -r        interleaved rounds, medians reported  (default 3)
  --list              list the benchmarks and exit
  --help, -h          this text`;

async function discover(): Promise<Benchmark[]> {
  const files = readdirSync(here)
    .filter((f) => /\.bench\.[cm]?[jt]s$/.test(f))
    .sort();
  const found: Benchmark[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { default?: unknown };
    if (!isBenchmark(mod.default)) throw new Error(`bench/${file} must default-export a Benchmark`);
    found.push(mod.default);
  }
  return found;
}

function positiveNumber(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}, got "${raw}"`);
  return n;
}

function machineFacts(): string[] {
  const cpus = os.cpus();
  return [
    `node ${process.version} · ${os.platform()} ${os.release()} ${os.arch()}`,
    `${cpus.length} logical cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}) · ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM · load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    `started ${new Date().toISOString()}`,
    ...(os.loadavg()[0]! > cpus.length / 2
      ? [
          `WARNING: the box is busy (1-min load ${os.loadavg()[0]!.toFixed(2)} on ${cpus.length} cores); figures will be noisy`,
        ]
      : []),
  ];
}

function printReport(b: Benchmark, report: BenchReport, seconds: number) {
  const out = process.stdout;
  out.write(`\n${b.name} — ${b.description}\n`);
  for (const line of report.setup) out.write(`  ${line}\n`);
  out.write('\n');
  out.write(`${renderTable(report.table, '  ')}\n\n`);
  for (const line of report.summary) out.write(`  ${line}\n`);
  if (report.problems.length) {
    out.write(
      `  INVALID RUN — the figures above are not meaningful (${report.problems.length} problem(s)):\n`,
    );
    for (const p of report.problems) out.write(`    - ${p}\n`);
  } else {
    out.write(`  valid: ${report.checked ?? 'every response was 2xx, no socket errors or timeouts'}\n`);
  }
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  out.write(
    `  (${seconds.toFixed(0)} s; load average now ${load} — other processes on the box skew absolute figures)\n`,
  );
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      connections: { type: 'string', short: 'c' },
      duration: { type: 'string', short: 'd' },
      warmup: { type: 'string', short: 'w' },
      rounds: { type: 'string', short: 'r' },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const all = await discover();
  if (values.list) {
    for (const b of all) process.stdout.write(`${b.name.padEnd(20)} ${b.description}\n`);
    return 0;
  }
  const selected = positionals.length ? all.filter((b) => positionals.some((p) => b.name.includes(p))) : all;
  if (selected.length === 0) {
    process.stderr.write(
      `no benchmark matches ${positionals.join(', ')}; known: ${all.map((b) => b.name).join(', ')}\n`,
    );
    return 2;
  }
  const opts: BenchOptions = {
    connections: Math.round(positiveNumber('connections', values.connections, 10)),
    duration: Math.round(positiveNumber('duration', values.duration, 5)),
    warmup: Math.round(positiveNumber('warmup', values.warmup, 1, 0)),
    rounds: Math.round(positiveNumber('rounds', values.rounds, 3)),
    progress: (line) => process.stderr.write(`  … ${line}\n`),
  };
  process.stdout.write(
    `Commonlab benchmarks\n${machineFacts()
      .map((l) => `  ${l}\n`)
      .join('')}`,
  );
  let failed = 0;
  for (const b of selected) {
    const t0 = Date.now();
    process.stderr.write(`\n▶ ${b.name}\n`);
    try {
      const report = await b.run(opts);
      printReport(b, report, (Date.now() - t0) / 1000);
      if (report.problems.length) failed++;
    } catch (err) {
      failed++;
      process.stdout.write(
        `\n${b.name} — CRASHED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
    }
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    process.exitCode = 2;
  },
);
