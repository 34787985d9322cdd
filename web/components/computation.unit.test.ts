import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../i18n/zh-CN.js';
import { PHASE_LABELS, SOLVER_LABELS, solverText } from './ComputationDetails.js';

const reviewRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server/modules/review');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.ts$/.test(e.name) && !e.name.includes('.test.') ? [readFileSync(full, 'utf8')] : [];
  });
}

const zh = (k: string) => zhCN[k] ?? k;

describe('computation details (issue 12 item 6: no solver ids or phase codes as the only words)', () => {
  const text = sources(reviewRoot).join('\n');

  it('name every solver the review engines record', () => {
    const ids = new Set([...text.matchAll(/'(commonlab-[a-z0-9-]+)@[0-9.]+'/g)].map((m) => m[1]!));
    expect(ids.size).toBeGreaterThanOrEqual(4);
    expect([...ids].filter((id) => !SOLVER_LABELS[id])).toEqual([]);
    expect(solverText(zh, 'commonlab-mcf-ssp@1.1.0')).toBe(
      '最优分配（最小费用流） · commonlab-mcf-ssp v1.1.0',
    );
  });

  it('name every phase an assignment run times', () => {
    const built = text.match(/timings: \{ ([a-z]+): number; ([a-z]+): number; ([a-z]+): number \}/);
    expect(built).not.toBeNull();
    for (const phase of [...built!.slice(1), 'solve'])
      expect(zh(PHASE_LABELS[phase]!), phase).toMatch(/[\u4e00-\u9fff]/);
  });
});
