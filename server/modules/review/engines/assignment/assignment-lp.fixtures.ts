import type { Highs } from 'highs';
import type { AssignmentInstance } from './instance.js';

/** The reference LP optimum from HiGHS (independent of our engine), or null when HiGHS finds it infeasible. */
export interface LpOptimum {
  objective: number | null;
  status: string;
  /** Variables strictly between 0 and 1 (the network LP is totally unimodular, so expect 0). */
  fractional: number;
}

let highs: Highs | undefined;

// The package's ESM build default-exports the loader, but its typings are CommonJS-shaped.
const loadHighs = async () =>
  ((await import('highs')) as unknown as { default: () => Promise<Highs> }).default();

/**
 * Writes the assignment LP in CPLEX LP format (x ∈ [0,1] per candidate pair; exact k per application;
 * composition minimums; loads; pins fixed to 1; conflicts and forbidden pairs absent) and solves it.
 */
export async function lpOptimum(inst: AssignmentInstance): Promise<LpOptimum> {
  highs ??= await loadHighs();
  const excluded = new Set(
    [...(inst.conflicts ?? []), ...(inst.forbid ?? [])].map(([e, a]) => `${e}\u0000${a}`),
  );
  const pinned = new Set((inst.pins ?? []).map(([e, a]) => `${e}\u0000${a}`));
  const category = new Map(inst.experts.map((e) => [e.id, e.category]));
  const vars = inst.affinity.filter(([e, a]) => !excluded.has(`${e}\u0000${a}`));
  const byApp = new Map<string, number[]>();
  const byExpert = new Map<string, number[]>();
  vars.forEach(([e, a], i) => {
    byApp.set(a, [...(byApp.get(a) ?? []), i]);
    byExpert.set(e, [...(byExpert.get(e) ?? []), i]);
  });
  const sum = (idx: number[]) => chunk(idx.map((i) => `+ x${i}`));
  const lines = [
    'Maximize',
    ` obj: ${chunk(vars.map(([, , s], i) => `${s < 0 ? '-' : '+'} ${num(Math.abs(s))} x${i}`)) || '0 x0'}`,
    'Subject To',
  ];
  inst.applications.forEach((app, ai) => {
    const idx = byApp.get(app.id) ?? [];
    lines.push(` k${ai}: ${sum(idx) || '0 x0'} = ${app.k ?? inst.k}`);
    for (const [cat, min] of Object.entries(inst.composition ?? {})) {
      if (!min) continue;
      const inCat = idx.filter((i) => category.get(vars[i]![0]) === cat);
      lines.push(` c${ai}_${cat}: ${sum(inCat) || '0 x0'} >= ${min}`);
    }
  });
  inst.experts.forEach((e, ei) => {
    const idx = byExpert.get(e.id) ?? [];
    if (!idx.length) return;
    lines.push(` lo${ei}: ${sum(idx)} >= ${e.minLoad}`, ` hi${ei}: ${sum(idx)} <= ${e.maxLoad}`);
  });
  lines.push('Bounds');
  // A loop, not push(...spread): 250k arguments overflow the call stack.
  vars.forEach(([e, a], i) => {
    lines.push(pinned.has(`${e}\u0000${a}`) ? ` x${i} = 1` : ` 0 <= x${i} <= 1`);
  });
  lines.push('End');
  const r = highs.solve(lines.join('\n'));
  if (r.Status !== 'Optimal') return { objective: null, status: r.Status, fractional: 0 };
  let fractional = 0;
  for (const c of Object.values(r.Columns)) {
    const v = (c as { Primal: number }).Primal;
    if (v > 1e-7 && v < 1 - 1e-7) fractional++;
  }
  return { objective: r.ObjectiveValue, status: r.Status, fractional };
}

/** Plain decimal (LP readers differ on exponents). */
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(15).replace(/0+$/, ''));

/** Terms over several lines: LP files are read line by line and some readers cap line length. */
const chunk = (terms: string[]) =>
  terms.reduce((s, t, i) => s + (i && i % 8 === 0 ? '\n   ' : ' ') + t, '').trim();
