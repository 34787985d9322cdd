import {
  type AssignmentInstance,
  EXPERT_CATEGORIES,
  type InstanceFieldError,
  invalidInstance,
  type Violation,
} from './instance.js';

/**
 * The instance resolved to indexes: candidate pairs (conflicted and forbidden pairs removed) as parallel
 * typed arrays, pins marked, per-application k and composition minimums. All engines work on this.
 */
export interface Prepared {
  expertIds: string[];
  /** Category index (EXPERT_CATEGORIES) per expert. */
  category: Int32Array;
  minLoad: Int32Array;
  maxLoad: Int32Array;
  appIds: string[];
  k: Int32Array;
  /** Composition minimum per category index (same for every application). */
  minimum: number[];
  pairExpert: Int32Array;
  pairApp: Int32Array;
  score: Float64Array;
  pinned: Uint8Array;
}

const key = (e: number, a: number, nApps: number) => e * nApps + a;

/** Resolves ids, drops conflicted and forbidden pairs, and rejects references that make no sense. */
export function prepare(inst: AssignmentInstance): Prepared {
  const errors: InstanceFieldError[] = [];
  const bad = (pointer: string, code: string, message: string) => errors.push({ pointer, code, message });
  const expertIndex = indexIds(
    inst.experts.map((e) => e.id),
    '/experts',
    bad,
  );
  const appIndex = indexIds(
    inst.applications.map((a) => a.id),
    '/applications',
    bad,
  );
  inst.experts.forEach((e, i) => {
    if (e.minLoad > e.maxLoad) bad(`/experts/${i}/minLoad`, 'min_above_max', 'minLoad exceeds maxLoad');
  });
  const nApps = inst.applications.length;
  const resolve = (list: [string, string][] | undefined, at: string): number[] =>
    (list ?? []).flatMap(([e, a], i) => {
      const ei = expertIndex.get(e);
      const ai = appIndex.get(a);
      if (ei === undefined) bad(`${at}/${i}/0`, 'unknown_expert', `no expert with id "${e}"`);
      if (ai === undefined) bad(`${at}/${i}/1`, 'unknown_application', `no application with id "${a}"`);
      return ei === undefined || ai === undefined ? [] : [key(ei, ai, nApps)];
    });
  const excluded = new Set([...resolve(inst.conflicts, '/conflicts'), ...resolve(inst.forbid, '/forbid')]);
  const pinKeys = resolve(inst.pins, '/pins');
  const pairs = new Map<number, number>();
  inst.affinity.forEach(([e, a], i) => {
    const ei = expertIndex.get(e);
    const ai = appIndex.get(a);
    if (ei === undefined) bad(`/affinity/${i}/0`, 'unknown_expert', `no expert with id "${e}"`);
    if (ai === undefined) bad(`/affinity/${i}/1`, 'unknown_application', `no application with id "${a}"`);
    if (ei === undefined || ai === undefined) return;
    const k = key(ei, ai, nApps);
    if (pairs.has(k)) bad(`/affinity/${i}`, 'duplicate_pair', `pair ${e}–${a} is listed twice`);
    else if (!excluded.has(k)) pairs.set(k, i);
  });
  const pinned = new Set<number>();
  pinKeys.forEach((k, i) => {
    const [e, a] = inst.pins![i]!;
    if (pinned.has(k)) bad(`/pins/${i}`, 'duplicate_pair', `pin ${e}–${a} is listed twice`);
    else if (!pairs.has(k)) {
      bad(
        `/pins/${i}`,
        'pin_not_candidate',
        `pin ${e}–${a} is not a candidate (no affinity, conflict or forbidden)`,
      );
    }
    pinned.add(k);
  });
  if (errors.length) throw invalidInstance(errors);

  // Pairs sorted by (application, expert) order of the instance, so every engine iterates identically.
  const keys = [...pairs.keys()].sort((x, y) => (x % nApps) - (y % nApps) || x - y);
  const p: Prepared = {
    expertIds: inst.experts.map((e) => e.id),
    category: Int32Array.from(inst.experts, (e) => EXPERT_CATEGORIES.indexOf(e.category)),
    minLoad: Int32Array.from(inst.experts, (e) => e.minLoad),
    maxLoad: Int32Array.from(inst.experts, (e) => e.maxLoad),
    appIds: inst.applications.map((a) => a.id),
    k: Int32Array.from(inst.applications, (a) => a.k ?? inst.k),
    minimum: EXPERT_CATEGORIES.map((c) => inst.composition?.[c] ?? 0),
    pairExpert: Int32Array.from(keys, (k) => Math.floor(k / nApps)),
    pairApp: Int32Array.from(keys, (k) => k % nApps),
    score: Float64Array.from(keys, (k) => inst.affinity[pairs.get(k)!]![2]),
    pinned: Uint8Array.from(keys, (k) => (pinned.has(k) ? 1 : 0)),
  };
  return p;
}

function indexIds(ids: string[], at: string, bad: (p: string, c: string, m: string) => void) {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) bad(`${at}/${i}/id`, 'duplicate_id', `id "${id}" is used twice`);
    else index.set(id, i);
  });
  return index;
}

/** Necessary conditions checked one by one, so the usual causes get a precise message. */
export function precheck(p: Prepared): Violation[] {
  const out: Violation[] = [];
  const nE = p.expertIds.length;
  const nA = p.appIds.length;
  const cand = new Int32Array(nA);
  const candCat = new Int32Array(nA * 3);
  const pinsApp = new Int32Array(nA);
  const pinsCat = new Int32Array(nA * 3);
  const candExpert = new Int32Array(nE);
  const pinsExpert = new Int32Array(nE);
  for (let i = 0; i < p.pairApp.length; i++) {
    const a = p.pairApp[i]!;
    const e = p.pairExpert[i]!;
    const c = p.category[e]!;
    cand[a]!++;
    candCat[a * 3 + c]!++;
    candExpert[e]!++;
    if (p.pinned[i]) {
      pinsApp[a]!++;
      pinsCat[a * 3 + c]!++;
      pinsExpert[e]!++;
    }
  }
  const need = p.minimum.reduce((s, x) => s + x, 0);
  for (let a = 0; a < nA; a++) {
    const id = p.appIds[a]!;
    const k = p.k[a]!;
    const app = (constraint: Violation['constraint'], message: string) =>
      out.push({ constraint, applications: [id], experts: [], message });
    if (need > k) app('composition', `composition needs ${need} experts for ${id} but k=${k}`);
    if (cand[a]! < k) app('k', `application ${id} has only ${cand[a]} candidates for k=${k}`);
    if (pinsApp[a]! > k) app('pins', `application ${id} has ${pinsApp[a]} pinned experts for k=${k}`);
    EXPERT_CATEGORIES.forEach((cat, c) => {
      const have = candCat[a * 3 + c]!;
      if (have < p.minimum[c]!) {
        const what = have === 0 ? `no ${cat} candidate` : `only ${have} ${cat} candidates`;
        app('composition', `composition ${cat}=${p.minimum[c]} impossible for ${id}: ${what}`);
      }
      // Pins fill seats: the other categories' minimums must still fit in what is left.
      const free = k - pinsApp[a]! + pinsCat[a * 3 + c]!;
      if (p.minimum[c]! > free && pinsApp[a]! <= k && need <= k) {
        app('pins', `pins leave no room for composition ${cat}=${p.minimum[c]} on ${id}`);
      }
    });
  }
  let minSum = 0;
  let maxSum = 0;
  for (let e = 0; e < nE; e++) {
    const id = p.expertIds[e]!;
    minSum += p.minLoad[e]!;
    maxSum += p.maxLoad[e]!;
    const ex = (constraint: Violation['constraint'], message: string) =>
      out.push({ constraint, applications: [], experts: [id], message });
    if (candExpert[e]! < p.minLoad[e]!) {
      ex(
        'minLoad',
        `expert ${id} has only ${candExpert[e]} candidate applications for minLoad ${p.minLoad[e]}`,
      );
    }
    if (pinsExpert[e]! > p.maxLoad[e]!) {
      ex('pins', `expert ${id} has ${pinsExpert[e]} pinned applications for maxLoad ${p.maxLoad[e]}`);
    }
  }
  const seats = p.k.reduce((s, x) => s + x, 0);
  const all = (constraint: Violation['constraint'], message: string) =>
    out.push({ constraint, applications: [], experts: [], message });
  if (minSum > seats) all('minLoad', `total min load ${minSum} exceeds the ${seats} seats`);
  if (maxSum < seats) all('maxLoad', `total max load ${maxSum} is below the ${seats} seats`);
  return out;
}
