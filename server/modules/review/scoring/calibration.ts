import type { ReviewerFlag, ReviewFlag } from '../../../../common/review-scoring.js';

/**
 * Reviewer calibration (docs/adr/0011-reviewer-calibration.md). Reviewers differ in severity: the same
 * proposal gets a 6 from one and an 8 from another. We fit the additive model
 *
 *   score(application i, reviewer j) = μ + a_i + b_j + ε,   ε ~ N(0, σ²),   b_j ~ N(0, τ²)
 *
 * by alternating least squares: a_i (the application's merit) unpenalised, b_j (the reviewer's
 * leniency) ridge-penalised with λ = σ²/τ² estimated from the data (empirical Bayes, EM-style), never
 * below MIN_LAMBDA so that one review moves its reviewer's effect by at most 1/(1+λ) of its residual.
 * The calibrated score is raw − b_j, clamped to the scale. Pure: no database, no clock.
 */
export interface Observation {
  applicationId: string;
  reviewerId: string;
  score: number;
}

export interface CalibrationOptions {
  scale: { min: number; max: number };
  /** Floor of the ridge λ (in reviews): a reviewer with n reviews keeps at most n/(n+λ) of their mean residual. */
  minLambda?: number;
  /** A review whose standardised residual exceeds this is an outlier. */
  outlierZ?: number;
  /** A review further than this fraction of the scale from the mean of the application's other reviews. */
  farFraction?: number;
  /** A reviewer whose effect exceeds this fraction of the scale (with ≥ 2 reviews) is severe or lenient. */
  biasFraction?: number;
  tolerance?: number;
  maxIterations?: number;
}

export interface CalibratedReview extends Observation {
  calibrated: number;
  residual: number;
  /** Residual over the residual standard deviation; null when the data cannot estimate it. */
  z: number | null;
  flags: ReviewFlag[];
}

export interface ReviewerEffect {
  effect: number;
  reviews: number;
  flag: ReviewerFlag | null;
}

export interface CalibrationResult {
  mu: number;
  lambda: number;
  residualSd: number | null;
  /** ALS sweeps in total over the empirical-Bayes rounds. */
  iterations: number;
  converged: boolean;
  /** Connected groups of the application–reviewer graph (levels across groups are not comparable). */
  components: number;
  applicationEffects: Record<string, number>;
  reviewers: Record<string, ReviewerEffect>;
  reviews: CalibratedReview[];
}

export const DEFAULTS = {
  minLambda: 2,
  outlierZ: 2.5,
  farFraction: 0.3,
  biasFraction: 0.1,
  tolerance: 1e-10,
  maxIterations: 10_000,
} as const;
const MAX_LAMBDA = 1e6;
const EB_ROUNDS = 100;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

interface Fit {
  a: Float64Array;
  b: Float64Array;
  sweeps: number;
  converged: boolean;
}

/** Alternating least squares for fixed λ, warm-started from `start`. */
function als(
  y: Float64Array,
  app: Int32Array,
  rev: Int32Array,
  mu: number,
  nApps: number,
  nRevs: number,
  lambda: number,
  start: { a: Float64Array; b: Float64Array },
  tol: number,
  maxSweeps: number,
): Fit {
  const a = Float64Array.from(start.a);
  const b = Float64Array.from(start.b);
  const appCount = new Float64Array(nApps);
  const revCount = new Float64Array(nRevs);
  for (let k = 0; k < y.length; k++) {
    appCount[app[k]!]! += 1;
    revCount[rev[k]!]! += 1;
  }
  const sumA = new Float64Array(nApps);
  const sumB = new Float64Array(nRevs);
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    let change = 0;
    sumA.fill(0);
    for (let k = 0; k < y.length; k++) sumA[app[k]!]! += y[k]! - mu - b[rev[k]!]!;
    for (let i = 0; i < nApps; i++) {
      const next = sumA[i]! / appCount[i]!;
      change = Math.max(change, Math.abs(next - a[i]!));
      a[i] = next;
    }
    sumB.fill(0);
    for (let k = 0; k < y.length; k++) sumB[rev[k]!]! += y[k]! - mu - a[app[k]!]!;
    for (let j = 0; j < nRevs; j++) {
      const next = sumB[j]! / (revCount[j]! + lambda);
      change = Math.max(change, Math.abs(next - b[j]!));
      b[j] = next;
    }
    if (change < tol) return { a, b, sweeps: sweep, converged: true };
  }
  return { a, b, sweeps: maxSweeps, converged: false };
}

/** Connected components of the bipartite application–reviewer graph (union–find). */
function components(app: Int32Array, rev: Int32Array, nApps: number, nRevs: number): number {
  const parent = Int32Array.from({ length: nApps + nRevs }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let k = 0; k < app.length; k++) parent[find(app[k]!)] = find(nApps + rev[k]!);
  let roots = 0;
  for (let i = 0; i < parent.length; i++) if (find(i) === i) roots++;
  return roots;
}

/** Fits the model to the observations and returns effects, calibrated scores and flags. */
export function calibrate(
  observations: readonly Observation[],
  options: CalibrationOptions,
): CalibrationResult {
  const o = { ...DEFAULTS, ...options };
  const range = o.scale.max - o.scale.min;
  const appIds = [...new Set(observations.map((x) => x.applicationId))];
  const revIds = [...new Set(observations.map((x) => x.reviewerId))];
  const appIndex = new Map(appIds.map((id, i) => [id, i]));
  const revIndex = new Map(revIds.map((id, j) => [id, j]));
  const n = observations.length;
  const y = Float64Array.from(observations, (x) => x.score);
  const app = Int32Array.from(observations, (x) => appIndex.get(x.applicationId)!);
  const rev = Int32Array.from(observations, (x) => revIndex.get(x.reviewerId)!);
  const revCount = new Float64Array(revIds.length);
  for (let k = 0; k < n; k++) revCount[rev[k]!]! += 1;
  const mu = n ? y.reduce((s, v) => s + v, 0) / n : 0;

  // Empirical Bayes: alternate the fit for fixed λ with EM updates of σ² and τ².
  let lambda = o.minLambda;
  let fit: Fit = {
    a: new Float64Array(appIds.length),
    b: new Float64Array(revIds.length),
    sweeps: 0,
    converged: true,
  };
  let sweeps = 0;
  let converged = n === 0;
  let sigma2: number | null = null;
  for (let round = 0; round < EB_ROUNDS && n > 0; round++) {
    fit = als(y, app, rev, mu, appIds.length, revIds.length, lambda, fit, o.tolerance, o.maxIterations);
    sweeps += fit.sweeps;
    let rss = 0;
    for (let k = 0; k < n; k++) rss += (y[k]! - mu - fit.a[app[k]!]! - fit.b[rev[k]!]!) ** 2;
    // Degrees of freedom used: one per application, n_j/(n_j+λ) per reviewer (the ridge's hat trace).
    let used = appIds.length;
    for (let j = 0; j < revIds.length; j++) used += revCount[j]! / (revCount[j]! + lambda);
    const df = n - used;
    if (df <= 0.5) {
      sigma2 = null;
      converged = fit.converged;
      break;
    }
    sigma2 = rss / df;
    let tau2 = 0;
    for (let j = 0; j < revIds.length; j++) tau2 += fit.b[j]! ** 2 + sigma2 / (revCount[j]! + lambda);
    tau2 /= revIds.length;
    const next = clamp(tau2 > 0 ? sigma2 / tau2 : MAX_LAMBDA, o.minLambda, MAX_LAMBDA);
    converged = fit.converged;
    if (Math.abs(next - lambda) <= 1e-6 * lambda) break;
    lambda = next;
  }

  const sd = sigma2 === null ? null : Math.sqrt(sigma2);
  const reviews: CalibratedReview[] = observations.map((x, k) => {
    const residual = y[k]! - mu - fit.a[app[k]!]! - fit.b[rev[k]!]!;
    const z = sd === null ? null : sd > 1e-9 ? residual / sd : 0;
    return {
      ...x,
      calibrated: clamp(x.score - fit.b[rev[k]!]!, o.scale.min, o.scale.max),
      residual,
      z,
      flags: z !== null && Math.abs(z) > o.outlierZ ? ['outlier'] : [],
    };
  });
  // A review far from the mean of the same application's other (calibrated) reviews.
  const byApp = new Map<string, CalibratedReview[]>();
  for (const r of reviews) byApp.set(r.applicationId, [...(byApp.get(r.applicationId) ?? []), r]);
  for (const group of byApp.values()) {
    if (group.length < 2) continue;
    const total = group.reduce((s, r) => s + r.calibrated, 0);
    for (const r of group) {
      const others = (total - r.calibrated) / (group.length - 1);
      if (Math.abs(r.calibrated - others) > o.farFraction * range) r.flags.push('far_from_others');
    }
  }

  const reviewers: Record<string, ReviewerEffect> = {};
  revIds.forEach((id, j) => {
    const effect = fit.b[j]!;
    const strong = revCount[j]! >= 2 && Math.abs(effect) > o.biasFraction * range;
    reviewers[id] = {
      effect,
      reviews: revCount[j]!,
      flag: strong ? (effect < 0 ? 'severe' : 'lenient') : null,
    };
  });
  return {
    mu,
    lambda,
    residualSd: sd,
    iterations: sweeps,
    converged,
    components: n ? components(app, rev, appIds.length, revIds.length) : 0,
    applicationEffects: Object.fromEntries(appIds.map((id, i) => [id, fit.a[i]!])),
    reviewers,
    reviews,
  };
}
