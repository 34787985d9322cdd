import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateInstance } from './assignment.fixtures.js';
import { violationsOf } from './assignment-check.fixtures.js';

// The real `commonlab assign` in a child process (no database involved), as an auditor would run it.
const BIN = fileURLToPath(new URL('../../../../../bin/commonlab.js', import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-assign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

function commonlab(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, COMMONLAB_FROM_SOURCE: '1', LOG_LEVEL: 'warn' }, timeout: 120_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

const instance = generateInstance({
  seed: 5,
  experts: 30,
  applications: 20,
  k: 3,
  candidates: 12,
  minLoad: 0,
  maxLoad: 5,
  composition: { academic: 1, industry: 1 },
});

describe('commonlab assign', () => {
  it('prints the optimal result as JSON; a seeded random draw replays identically', async () => {
    const input = file('instance.json', instance);
    const optimal = await commonlab(['assign', '--input', input]);
    expect(optimal.code, optimal.stderr).toBe(0);
    const r = JSON.parse(optimal.stdout);
    expect(r).toMatchObject({ mode: 'optimal', seed: null, solver: 'commonlab-mcf-ssp@1.1.0' });
    expect(violationsOf(instance, r)).toEqual([]);

    const [first, second] = await Promise.all([
      commonlab(['assign', '--input', input, '--mode', 'random', '--seed', '77']),
      commonlab(['assign', '--input', input, '--mode', 'random', '--seed', '77']),
    ]);
    const [a, b] = [JSON.parse(first.stdout), JSON.parse(second.stdout)];
    expect(a).toMatchObject({ mode: 'random', seed: 77, inputHash: r.inputHash });
    expect({ ...a, millis: 0 }).toEqual({ ...b, millis: 0 });
    expect(a.objective).toBeLessThanOrEqual(r.objective);
  }, 150_000);

  it('keeps fixed pairs (pins) and avoids forbidden ones, as a refill does', async () => {
    const [e0, a0] = instance.affinity[0]!;
    const [e1, a1] = instance.affinity[1]!;
    const refill = { ...instance, pins: [[e0, a0]], forbid: [[e1, a1]] };
    for (const mode of ['optimal', 'random', 'hybrid']) {
      const out = await commonlab([
        'assign',
        '--input',
        file(`fixed-${mode}.json`, refill),
        '--mode',
        mode,
        '--seed',
        '3',
      ]);
      expect(out.code, out.stderr).toBe(0);
      const r = JSON.parse(out.stdout);
      expect(r.assignments).toContainEqual([e0, a0]);
      expect(r.assignments).not.toContainEqual([e1, a1]);
    }
  }, 150_000);

  it('exits non-zero with problem+json naming the constraint and the applications', async () => {
    const tight = { ...instance, applications: [...instance.applications, { id: 'lonely', k: 2 }] };
    tight.affinity = [...instance.affinity, ['e1', 'lonely', 0.5]];
    const out = await commonlab(['assign', '--input', file('tight.json', tight)]);
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toMatchObject({
      type: 'urn:commonlab:problem:assignment.infeasible',
      status: 422,
      violations: expect.arrayContaining([
        {
          constraint: 'k',
          applications: ['lonely'],
          experts: [],
          message: 'application lonely has only 1 candidates for k=2',
        },
      ]),
    });
  }, 150_000);

  it('rejects malformed JSON and bad options', async () => {
    const broken = await commonlab(['assign', '--input', file('broken.json', '{"k": 3,')]);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({
      code: 'assignment.invalid_instance',
      errors: [{ pointer: '', code: 'malformed_json' }],
    });
    const badSeed = await commonlab([
      'assign',
      '--input',
      file('ok.json', instance),
      '--mode',
      'random',
      '--seed',
      '-4',
    ]);
    expect(badSeed.code).not.toBe(0);
    expect(badSeed.stderr).toContain('--seed');
  }, 150_000);
});
