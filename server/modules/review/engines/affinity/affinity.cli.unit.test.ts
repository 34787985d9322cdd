import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The real `commonlab affinity` command in a child process, from the TypeScript sources; it needs no
// database or configuration, which is the point of the interchange commands.
const BIN = fileURLToPath(new URL('../../../../../bin/commonlab.js', import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-affinity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

function commonlab(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, COMMONLAB_FROM_SOURCE: '1', NODE_ENV: 'test' };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

const experts = file('experts.json', [
  {
    id: 'r1',
    expertise: 'Floating offshore wind turbines and mooring line dynamics.',
    outputs: [{ title: 'Mooring fatigue', abstract: 'Wave loads on semi-submersible platforms.' }],
  },
  { id: 'r2', expertise: '脑机接口与脑电信号解码，运动康复。', outputs: [] },
]);
const items = file('items.json', [
  { id: 'p1', title: '漂浮式海上风电系泊系统', summary: '半潜式平台在波浪作用下的系泊缆张力。' },
  {
    id: 'p2',
    title: 'EEG decoding for a brain–computer interface',
    summary: 'Motor imagery in stroke rehabilitation.',
  },
]);

describe('commonlab affinity', () => {
  it('prints one JSON line per (expert, item) pair, in file order, matching across languages', {
    timeout: 60_000,
  }, async () => {
    const r = await commonlab(['affinity', '--experts', experts, '--items', items]);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { expert: string; item: string; score: number });
    expect(lines.map((l) => `${l.expert}/${l.item}`)).toEqual(['r1/p1', 'r1/p2', 'r2/p1', 'r2/p2']);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['expert', 'item', 'score']);
      expect(l.score).toBeGreaterThanOrEqual(0);
      expect(l.score).toBeLessThanOrEqual(1);
    }
    const s = Object.fromEntries(lines.map((l) => [`${l.expert}/${l.item}`, l.score]));
    expect(s['r1/p1']).toBeGreaterThan(s['r1/p2']!);
    expect(s['r2/p2']).toBeGreaterThan(s['r2/p1']!);
  });

  it('accepts numeric ids, a missing expertise and null abstracts, and echoes ids as given', {
    timeout: 60_000,
  }, async () => {
    const ex = file('loose-experts.json', [
      { id: 7, outputs: [{ title: 'Mooring of floating wind turbines', abstract: null }] },
    ]);
    const it2 = file('loose-items.json', [
      { id: 42, title: 'Floating wind mooring', summary: null },
      { id: 'b', title: 'Bone implants', summary: '' },
    ]);
    const r = await commonlab(['affinity', '--experts', ex, '--items', it2]);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { expert: unknown; item: unknown; score: number });
    expect(lines.map((l) => [l.expert, l.item])).toEqual([
      [7, 42],
      [7, 'b'],
    ]);
    expect(lines[0]!.score).toBeGreaterThan(lines[1]!.score);
  });

  it('answers invalid input with problem+json on stdout naming the value, and a non-zero exit', {
    timeout: 60_000,
  }, async () => {
    const bad = file('bad.json', [
      { id: 'r1', expertise: 'x', outputs: [] },
      { id: 'r1', expertise: 7 },
    ]);
    const r = await commonlab(['affinity', '--experts', bad, '--items', items]);
    expect(r.code).not.toBe(0);
    const problem = JSON.parse(r.stdout) as {
      code: string;
      status: number;
      errors: { in: string; pointer: string; code: string }[];
    };
    expect(problem.code).toBe('request.validation_failed');
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([
      expect.objectContaining({ in: 'experts', pointer: '/1/expertise', code: 'invalid_type' }),
    ]);

    const dup = file('dup.json', [
      { id: 'p1', title: 'a', summary: 'b' },
      { id: 'p1', title: 'c', summary: 'd' },
    ]);
    const d = await commonlab(['affinity', '--experts', experts, '--items', dup]);
    expect(d.code).not.toBe(0);
    expect(JSON.parse(d.stdout).errors).toEqual([
      expect.objectContaining({ in: 'items', pointer: '/1/id', code: 'duplicate_id' }),
    ]);

    const m = await commonlab(['affinity', '--experts', experts, '--items', file('broken.json', '[{')]);
    expect(m.code).not.toBe(0);
    expect(JSON.parse(m.stdout).code).toBe('request.malformed_json');
  });
});
