import type { AssignmentResult } from './assign.js';
import type { AssignmentInstance } from './instance.js';

/**
 * Checks a result against the instance independently of the engine: only candidate pairs, no
 * conflict or forbidden pair, every pin present, exactly k distinct experts per application, loads
 * within [minLoad, maxLoad], composition met, objective = Σ scores. Returns what is wrong (empty = valid).
 */
export function violationsOf(inst: AssignmentInstance, r: AssignmentResult): string[] {
  const out: string[] = [];
  const pairKey = (e: string, a: string) => JSON.stringify([e, a]);
  const score = new Map(inst.affinity.map(([e, a, s]) => [pairKey(e, a), s]));
  const banned = new Set([...(inst.conflicts ?? []), ...(inst.forbid ?? [])].map(([e, a]) => pairKey(e, a)));
  const category = new Map(inst.experts.map((e) => [e.id, e.category]));
  const seen = new Set<string>();
  const load = new Map<string, number>();
  const perApp = new Map<string, string[]>();
  let objective = 0;
  for (const [e, a] of r.assignments) {
    const k = pairKey(e, a);
    if (seen.has(k)) out.push(`${e}–${a} assigned twice`);
    seen.add(k);
    if (!score.has(k)) out.push(`${e}–${a} is not a candidate`);
    if (banned.has(k)) out.push(`${e}–${a} is conflicted or forbidden`);
    objective += score.get(k) ?? 0;
    load.set(e, (load.get(e) ?? 0) + 1);
    perApp.set(a, [...(perApp.get(a) ?? []), e]);
  }
  for (const [e, a] of inst.pins ?? []) if (!seen.has(pairKey(e, a))) out.push(`pin ${e}–${a} missing`);
  for (const app of inst.applications) {
    const experts = perApp.get(app.id) ?? [];
    const k = app.k ?? inst.k;
    if (experts.length !== k) out.push(`${app.id} has ${experts.length} experts, k=${k}`);
    for (const [cat, min] of Object.entries(inst.composition ?? {})) {
      const n = experts.filter((e) => category.get(e) === cat).length;
      if (n < (min ?? 0)) out.push(`${app.id} has ${n} ${cat}, needs ${min}`);
    }
  }
  for (const e of inst.experts) {
    const n = load.get(e.id) ?? 0;
    if (n < e.minLoad || n > e.maxLoad) out.push(`${e.id} load ${n} outside [${e.minLoad}, ${e.maxLoad}]`);
  }
  if (Math.abs(objective - r.objective) > 1e-9 * Math.max(1, Math.abs(objective))) {
    out.push(`objective ${r.objective} ≠ Σ scores ${objective}`);
  }
  return out;
}
