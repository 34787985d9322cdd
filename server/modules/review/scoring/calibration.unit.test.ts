import { describe, expect, it } from 'vitest';
import { calibrate, type Observation } from './calibration.js';

const scale = { min: 1, max: 10 };

/** A deterministic PRNG (mulberry32) and Gaussian noise, so the tests are repeatable. */
function rng(seed: number) {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

/** Applications with merit around 5.5, each reviewed by 3 distinct reviewers drawn at random. */
function synthetic(opts: { apps: number; biases: number[]; noise: number; seed: number; perApp?: number }) {
  const r = rng(opts.seed);
  const merit = Array.from({ length: opts.apps }, () => 5.5 + r.normal());
  const obs: Observation[] = [];
  const k = opts.perApp ?? 3;
  for (let i = 0; i < opts.apps; i++) {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(k, opts.biases.length))
      chosen.add(Math.floor(r.uniform() * opts.biases.length));
    for (const j of chosen) {
      obs.push({
        applicationId: `a${i}`,
        reviewerId: `r${j}`,
        score: merit[i]! + opts.biases[j]! + opts.noise * r.normal(),
      });
    }
  }
  return { obs, merit };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('reviewer calibration', () => {
  it('recovers planted severities and leniencies', () => {
    const biases = [-1.5, -1, -0.5, 0, 0, 0.5, 1, 1.5];
    const { obs } = synthetic({ apps: 80, biases, noise: 0.4, seed: 7 });
    const fit = calibrate(obs, { scale: { min: 0, max: 12 } });
    expect(fit.converged).toBe(true);
    expect(fit.components).toBe(1);
    const centred = mean(biases);
    biases.forEach((b, j) => {
      // Reviewer effects are identified up to a common shift that the application effects absorb.
      const est = fit.reviewers[`r${j}`]!.effect - mean(Object.values(fit.reviewers).map((x) => x.effect));
      expect(Math.abs(est - (b - centred)), `reviewer ${j}`).toBeLessThan(0.25);
    });
    expect(fit.reviewers.r0!.flag).toBe('severe');
    expect(fit.reviewers.r7!.flag).toBe('lenient');
    expect(fit.reviewers.r3!.flag).toBeNull();
  });

  it('calibrated means rank applications by merit better than raw means', () => {
    const biases = [-2, -1.5, 0, 0, 1.5, 2, -1, 1, 0.5, -0.5];
    const { obs, merit } = synthetic({ apps: 60, biases, noise: 0.3, seed: 11 });
    const fit = calibrate(obs, { scale: { min: -10, max: 20 } });
    const err = (key: 'score' | 'calibrated') =>
      mean(
        merit.map((m, i) => {
          const rs = fit.reviews.filter((r) => r.applicationId === `a${i}`);
          return Math.abs(mean(rs.map((r) => r[key])) - m);
        }),
      );
    expect(err('calibrated')).toBeLessThan(err('score') * 0.6);
  });

  it('leaves unbiased data almost unchanged', () => {
    const { obs } = synthetic({ apps: 40, biases: [0, 0, 0, 0, 0, 0], noise: 0.5, seed: 3 });
    const fit = calibrate(obs, { scale });
    for (const r of Object.values(fit.reviewers)) {
      expect(Math.abs(r.effect)).toBeLessThan(0.2);
      expect(r.flag).toBeNull();
    }
    for (const r of fit.reviews)
      expect(Math.abs(r.calibrated - Math.min(10, Math.max(1, r.score)))).toBeLessThan(0.2);
  });

  it('barely adjusts a reviewer with a single review', () => {
    const { obs } = synthetic({ apps: 30, biases: [0, 0.2, -0.2, 0], noise: 0.3, seed: 5 });
    // A newcomer scores one application 2 points above its consensus.
    const a0 = obs.filter((x) => x.applicationId === 'a0');
    obs.push({ applicationId: 'a0', reviewerId: 'new', score: mean(a0.map((x) => x.score)) + 2 });
    const fit = calibrate(obs, { scale: { min: -10, max: 20 } });
    expect(fit.reviewers.new!.reviews).toBe(1);
    expect(Math.abs(fit.reviewers.new!.effect)).toBeLessThan(0.6);
    expect(fit.reviewers.new!.flag).toBeNull();
  });

  it('flags an outlying review, and one far from the others of its application', () => {
    const { obs } = synthetic({ apps: 50, biases: [0, 0, 0, 0, 0, 0], noise: 0.3, seed: 9 });
    const target = obs.find((x) => x.applicationId === 'a10')!;
    target.score -= 4;
    const fit = calibrate(obs, { scale: { min: -10, max: 20 } });
    const flagged = fit.reviews.filter((r) => r.flags.includes('outlier'));
    expect(flagged.map((r) => [r.applicationId, r.reviewerId])).toContainEqual([
      target.applicationId,
      target.reviewerId,
    ]);
    const far = calibrate(obs, { scale: { min: -10, max: 20 }, farFraction: 0.1 }).reviews.find(
      (r) => r.applicationId === 'a10' && r.reviewerId === target.reviewerId,
    )!;
    expect(far.flags).toContain('far_from_others');
  });

  it('clamps calibrated scores to the scale', () => {
    const obs: Observation[] = [];
    for (let i = 0; i < 10; i++) {
      obs.push({ applicationId: `a${i}`, reviewerId: 'harsh', score: 1 });
      obs.push({ applicationId: `a${i}`, reviewerId: 'kind', score: 10 });
    }
    const fit = calibrate(obs, { scale });
    for (const r of fit.reviews) {
      expect(r.calibrated).toBeGreaterThanOrEqual(1);
      expect(r.calibrated).toBeLessThanOrEqual(10);
    }
    expect(fit.reviewers.harsh!.flag).toBe('severe');
    expect(fit.reviewers.kind!.flag).toBe('lenient');
  });

  it('handles one reviewer, one application, no data', () => {
    const oneReviewer = calibrate(
      [
        { applicationId: 'a', reviewerId: 'r', score: 7 },
        { applicationId: 'b', reviewerId: 'r', score: 4 },
      ],
      { scale },
    );
    expect(oneReviewer.converged).toBe(true);
    expect(oneReviewer.reviewers.r!.effect).toBeCloseTo(0, 6);
    expect(oneReviewer.reviews.map((r) => r.calibrated)).toEqual([7, 4]);

    const oneApp = calibrate(
      [
        { applicationId: 'a', reviewerId: 'r1', score: 8 },
        { applicationId: 'a', reviewerId: 'r2', score: 6 },
      ],
      { scale },
    );
    expect(oneApp.converged).toBe(true);
    expect(Math.abs(oneApp.reviewers.r1!.effect)).toBeLessThan(0.5);
    expect(oneApp.reviewers.r1!.effect).toBeCloseTo(-oneApp.reviewers.r2!.effect, 6);

    const single = calibrate([{ applicationId: 'a', reviewerId: 'r', score: 5 }], { scale });
    expect(single.reviews[0]!.calibrated).toBeCloseTo(5, 6);
    expect(single.residualSd).toBeNull();
    expect(single.reviews[0]!.z).toBeNull();

    const empty = calibrate([], { scale });
    expect(empty.reviews).toEqual([]);
    expect(empty.components).toBe(0);
  });

  it('handles disconnected groups of reviewers and applications', () => {
    const g1 = synthetic({ apps: 20, biases: [1, -1, 0, 0.5], noise: 0.2, seed: 1 }).obs;
    const g2 = synthetic({ apps: 20, biases: [0, 0, -1, 1], noise: 0.2, seed: 2 }).obs.map((x) => ({
      ...x,
      applicationId: `g2-${x.applicationId}`,
      reviewerId: `g2-${x.reviewerId}`,
    }));
    const fit = calibrate([...g1, ...g2], { scale: { min: -10, max: 20 } });
    expect(fit.converged).toBe(true);
    expect(fit.components).toBe(2);
    expect(fit.reviewers.r0!.effect - fit.reviewers.r1!.effect).toBeGreaterThan(1.4);
    expect(fit.reviewers['g2-r3']!.effect - fit.reviewers['g2-r2']!.effect).toBeGreaterThan(1.4);
    for (const r of fit.reviews) expect(Number.isFinite(r.calibrated)).toBe(true);
  });

  it('is deterministic and independent of the input order', () => {
    const { obs } = synthetic({ apps: 30, biases: [1, -1, 0, 0.5, -0.5], noise: 0.4, seed: 4 });
    const a = calibrate(obs, { scale });
    const b = calibrate([...obs].reverse(), { scale });
    for (const id of Object.keys(a.reviewers))
      expect(b.reviewers[id]!.effect).toBeCloseTo(a.reviewers[id]!.effect, 6);
  });
});
