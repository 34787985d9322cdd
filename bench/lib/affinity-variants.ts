import type {
  AffinityItem,
  AffinityModel,
} from '../../server/modules/review/engines/affinity/affinity.types.js';
import { GLOSSARY_ENTRIES } from '../../server/modules/review/engines/affinity/glossary/index.js';
import { compileGlossary } from '../../server/modules/review/engines/affinity/glossary.js';
import {
  createBilingualModel,
  createTfidfWordModel,
} from '../../server/modules/review/engines/affinity/lexical-model.js';
import type { LabelledSet } from './affinity-set.js';

/** A model to evaluate, on the set or on a variant of it, with a note for the report. */
export interface Variant {
  model: AffinityModel;
  note: string;
  /** Rewrites the set before scoring (e.g. hides the item fields). */
  transform?: (set: LabelledSet) => LabelledSet;
}

/** Scores 0.5 for every pair: the reference point of the loss. */
export const constantModel: AffinityModel = {
  name: 'constant-0.5',
  version: '1',
  prepare() {},
  score: () => 0.5,
};

const withoutItemFields = (set: LabelledSet): LabelledSet => ({
  ...set,
  items: set.items.map((i) => ({ ...i, field: null }) as LabelledSet['items'][number] & AffinityItem),
});

/**
 * The models of the report: the default, the baselines, and ablations that show how much each part
 * contributes and how the model degrades when the glossary misses half the vocabulary (the glossary
 * was written by the author of the set, so its coverage of this set is better than of unseen text).
 */
export function affinityVariants(): Variant[] {
  const halfGlossary = compileGlossary(GLOSSARY_ENTRIES.filter((_, i) => i % 2 === 0));
  return [
    { model: createBilingualModel(), note: 'default: words + bigrams + glossary + field bonus' },
    { model: constantModel, note: 'constant predictor' },
    { model: createTfidfWordModel(), note: 'baseline: plain TF-IDF words, no glossary' },
    { model: createBilingualModel({ name: 'no-glossary', glossary: null }), note: 'ablation' },
    { model: createBilingualModel({ name: 'no-field-bonus', fieldBonus: 0 }), note: 'ablation' },
    {
      model: createBilingualModel({ name: 'profile-only', docShare: 0 }),
      note: 'whole profile only, no per-document channel',
    },
    {
      model: createBilingualModel({ name: 'items-without-field' }),
      note: 'items carry no field code',
      transform: withoutItemFields,
    },
    {
      model: createBilingualModel({ name: 'half-glossary', glossary: halfGlossary }),
      note: 'every other concept dropped',
    },
    {
      model: createBilingualModel({ name: 'half-glossary-no-field', glossary: halfGlossary }),
      note: 'and items without field',
      transform: withoutItemFields,
    },
  ];
}
