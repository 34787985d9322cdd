import { buildPlatform, buildUser } from '../../../test/factories.js';
import type { TestApp } from '../../../test/harness.js';
import { buildClosedCall, buildExpert, buildInReview } from './runs.fixtures.js';

/**
 * The review scenario of the runs and seats tests: on platform A a closed call (k = 2) with four
 * applications in review on distinct topics and seven experts (three academic, four industry) whose
 * expertise matches them; program officers `rv-po` (platform A) and `rv-pob` (platform B).
 */
const TEXTS = [
  ['锂电池储能系统', 'lithium battery energy storage, battery management and cell chemistry'],
  ['海上风电运维', 'offshore wind turbine maintenance, blade inspection and grid integration'],
  ['工业视觉检测', 'machine vision defect detection with deep learning in factories'],
  ['可降解塑料', 'biodegradable polymer synthesis and catalysis for packaging'],
] as const;
const PROFILES = [
  ['academic', 'battery electrochemistry, lithium cell chemistry and energy storage'],
  ['academic', 'wind energy, turbine aerodynamics, offshore wind and grid integration'],
  ['academic', 'deep learning, computer vision and machine vision inspection'],
  ['industry', 'polymer chemistry, biodegradable plastics, catalysis and packaging'],
  ['industry', 'battery management systems and energy storage products'],
  ['industry', 'industrial automation, factory inspection and vision systems'],
  ['industry', 'offshore wind farm operations and maintenance'],
] as const;

export async function buildRunsScenario(t: TestApp) {
  const ctx = t.systemCtx();
  const platformA = (await buildPlatform(ctx)).id;
  const platformB = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'rv-po', roles: ['program_officer'], platformId: platformA });
  await buildUser(ctx, { username: 'rv-pob', roles: ['program_officer'], platformId: platformB });
  const call = await buildClosedCall(ctx, { platformId: platformA, k: 2 });
  const apps = [];
  for (const [title, summary] of TEXTS) apps.push(await buildInReview(ctx, call, { title, summary }));
  const experts = [];
  for (const [category, expertise] of PROFILES)
    experts.push(await buildExpert(ctx, { category, expertise, platformId: platformA }));
  return { platformA, platformB, call, apps, experts };
}
