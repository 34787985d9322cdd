import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  AffinityExpert,
  AffinityItem,
  AffinityModel,
} from '../../server/modules/review/engines/affinity/affinity.types.js';
import {
  type ExpertiseRating,
  type RankingLossResult,
  rankingLoss,
} from '../../server/modules/review/engines/affinity/ranking-loss.js';

/** The labelled bilingual set of bench/data/affinity-labelled.json. */
export interface LabelledSet {
  experts: (AffinityExpert & { lang: 'zh' | 'en' })[];
  items: (AffinityItem & { lang: 'zh' | 'en' })[];
  ratings: ExpertiseRating[];
}

/** Loads the committed labelled set. */
export function loadLabelledSet(): LabelledSet {
  const file = fileURLToPath(new URL('../data/affinity-labelled.json', import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as LabelledSet;
}

/** Losses of one model on the whole set and on its cross-lingual pairs, plus scoring speed. */
export interface ModelEvaluation {
  name: string;
  all: RankingLossResult;
  crossLingual: RankingLossResult;
  sameLanguage: RankingLossResult;
  pairsPerSecond: number;
}

/**
 * A pair of items is cross-lingual for an expert when at least one of the two is written in the other
 * language than the expert's profile: the model must then compare across languages to order it.
 */
export function crossLingualFilter(set: LabelledSet): (e: string, a: string, b: string) => boolean {
  const expertLang = new Map(set.experts.map((e) => [e.id, e.lang]));
  const itemLang = new Map(set.items.map((i) => [i.id, i.lang]));
  return (e, a, b) => itemLang.get(a) !== expertLang.get(e) || itemLang.get(b) !== expertLang.get(e);
}

/** Scores every (expert, item) pair of the set with `model` (fresh prepare) and computes the losses. */
export async function evaluateModel(model: AffinityModel, set: LabelledSet): Promise<ModelEvaluation> {
  const t0 = performance.now();
  await model.prepare(set.experts);
  await model.prepareItems?.(set.items);
  const scores = new Map<string, number>();
  for (const e of set.experts) for (const i of set.items) scores.set(`${e.id} ${i.id}`, model.score(e, i));
  const seconds = (performance.now() - t0) / 1000;
  const score = (e: string, i: string) => {
    const s = scores.get(`${e} ${i}`);
    if (s === undefined) throw new Error(`rating names unknown expert or item: ${e}, ${i}`);
    return s;
  };
  const cross = crossLingualFilter(set);
  return {
    name: model.name,
    all: rankingLoss(set.ratings, score),
    crossLingual: rankingLoss(set.ratings, score, cross),
    sameLanguage: rankingLoss(set.ratings, score, (e, a, b) => !cross(e, a, b)),
    pairsPerSecond: scores.size / seconds,
  };
}
