import { createBilingualModel } from '../../server/modules/review/engines/affinity/lexical-model.js';
import type { LabelledSet } from './affinity-set.js';

/** Speed of the default model at the pool size. */
export interface ScaleRun {
  experts: number;
  items: number;
  prepareMs: number;
  pairsPerSecond: number;
  heapMb: number;
}

/**
 * Scores `items` items against `experts` experts made by cycling the labelled texts under new ids
 * (the pool has 2,800 experts). The texts repeat, so only the speed means something here.
 */
export function scaleRun(set: LabelledSet, experts = 2800, items = 500): ScaleRun {
  const es = Array.from({ length: experts }, (_, i) => ({
    ...set.experts[i % set.experts.length]!,
    id: `x${i}`,
  }));
  const is = Array.from({ length: items }, (_, i) => ({ ...set.items[i % set.items.length]!, id: `y${i}` }));
  const model = createBilingualModel();
  const t0 = performance.now();
  model.prepare(es);
  const t1 = performance.now();
  let sink = 0;
  // Expert-major, as `commonlab affinity` prints: every item is revisited once per expert.
  for (const e of es) for (const i of is) sink += model.score(e, i);
  const t2 = performance.now();
  if (!Number.isFinite(sink)) throw new Error('non-finite score');
  return {
    experts,
    items,
    prepareMs: t1 - t0,
    pairsPerSecond: (experts * items) / ((t2 - t1) / 1000),
    heapMb: process.memoryUsage().heapUsed / 2 ** 20,
  };
}
