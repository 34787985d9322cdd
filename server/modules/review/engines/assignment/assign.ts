import { createHash, randomInt } from 'node:crypto';
import { canonicalJson } from '../../../../../common/canonical-json.js';
import type { AssignmentMode } from '../../../../../common/review.js';
import { AssignmentError, type AssignmentInstance, parseInstanceShape, type Violation } from './instance.js';
import { type Prepared, prepare } from './model.js';
import { solveOptimal } from './optimal.js';
import { Prng } from './prng.js';
import { drawRandom, restrictToTop } from './random.js';

export { ASSIGNMENT_MODES, type AssignmentMode } from '../../../../../common/review.js';

/** Engine names and versions recorded with every result; bump when the same input could give another result. */
export const SOLVERS: Record<AssignmentMode, string> = {
  optimal: 'commonlab-mcf-ssp@1.1.0',
  random: 'commonlab-draw@1.1.0',
  hybrid: 'commonlab-draw-top@1.1.0',
};

export interface AssignOptions {
  mode?: AssignmentMode;
  /** 32-bit unsigned seed for random and hybrid; a fresh one is drawn (and reported) when omitted. */
  seed?: number;
  /** Hybrid: top candidates per application; overrides the instance's `top`. */
  top?: number;
}

/** What an auditor needs to replay a run: same instance + mode + seed (+ top) → same assignments. */
export interface AssignmentResult {
  assignments: [string, string][];
  objective: number;
  mode: AssignmentMode;
  seed: number | null;
  /** Hybrid only: the top-T used; null = the default, 2k of each application. */
  top?: number | null;
  inputHash: string;
  solver: string;
  millis: number;
}

/** sha256 (hex) of the instance's canonical JSON. */
export function instanceHash(instance: AssignmentInstance): string {
  return createHash('sha256').update(canonicalJson(instance)).digest('hex');
}

/** Validates an instance and assigns reviewers in the given mode; throws AssignmentError with a problem. */
export function assign(raw: unknown, options: AssignOptions = {}): AssignmentResult {
  const t0 = performance.now();
  const mode = options.mode ?? 'optimal';
  const instance = parseInstanceShape(raw);
  const prepared = prepare(instance);
  const seed = mode === 'optimal' ? null : (options.seed ?? randomInt(0x100000000));
  let top: number | undefined;
  let used: Prepared = prepared;
  let chosen: Uint8Array;
  if (mode === 'optimal') chosen = solveOptimal(prepared).chosen;
  else if (mode === 'random') chosen = drawRandom(prepared, new Prng(seed!));
  else {
    top = options.top ?? instance.top;
    const t = top;
    used = restrictToTop(prepared, (a) => t ?? 2 * prepared.k[a]!);
    chosen = withContext(() => drawRandom(used, new Prng(seed!)), top);
  }
  const assignments: [string, string][] = [];
  let objective = 0;
  for (let i = 0; i < chosen.length; i++) {
    if (!chosen[i]) continue;
    assignments.push([used.expertIds[used.pairExpert[i]!]!, used.appIds[used.pairApp[i]!]!]);
    objective += used.score[i]!;
  }
  return {
    assignments,
    objective,
    mode,
    seed,
    ...(mode === 'hybrid' ? { top: top ?? null } : {}),
    inputHash: instanceHash(instance),
    solver: SOLVERS[mode],
    millis: Math.round(performance.now() - t0),
  };
}

/** Hybrid infeasibility is about the restricted candidate lists: say so in every message. */
function withContext<T>(fn: () => T, top: number | undefined): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof AssignmentError) || err.problem.code !== 'assignment.infeasible') throw err;
    const scope = `among each application's top ${top ?? '2k'} candidates: `;
    const p = err.problem;
    throw new AssignmentError({
      ...p,
      detail: scope + p.detail,
      violations: p.violations.map((v: Violation) => ({ ...v, message: scope + v.message })),
    });
  }
}
