import {
  createBilingualModel,
  createTfidfWordModel,
} from '../server/modules/review/engines/affinity/lexical-model.js';
import { rankingLoss } from '../server/modules/review/engines/affinity/ranking-loss.js';
import { constantModel } from './lib/affinity-variants.js';
import { goldDatasets, loadGoldSet } from './lib/gold-set.js';
import type { Benchmark } from './lib/types.js';

/** The default model, the baselines, and the aggregations it was chosen against (ADR 0008). */
const variants = () => [
  { model: createBilingualModel(), note: 'default: mean of the best 8 documents, document IDF' },
  { model: constantModel, note: 'constant predictor' },
  { model: createTfidfWordModel(), note: 'baseline: plain TF-IDF over the whole profile' },
  {
    model: createBilingualModel({ name: 'v3-aggregation', docShare: 0.5, topDocs: 3, idfOver: 'profiles' }),
    note: 'before: half profile, half best 3; profile IDF',
  },
  { model: createBilingualModel({ name: 'profile-only', docShare: 0 }), note: 'whole profile only' },
  { model: createBilingualModel({ name: 'best-document', topDocs: 1 }), note: 'best single paper' },
];

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Ranking loss of the affinity models on real reviewer ratings: the gold-standard set of Stelmakh et
 * al. (see bench/lib/gold-set.ts), averaged over its d_20_N profile datasets as the paper does. The
 * data is not committed; set AFFINITY_GOLD_DIR to a clone of the dataset's repository.
 */
const reviewerMatchGold: Benchmark = {
  name: 'reviewer-match-gold',
  description: 'affinity ranking loss on the real gold-standard reviewer ratings (AFFINITY_GOLD_DIR)',
  async run(opts) {
    const root = process.env.AFFINITY_GOLD_DIR ?? '';
    const datasets = root ? goldDatasets(root) : [];
    if (!datasets.length) {
      return {
        setup: ['AFFINITY_GOLD_DIR does not point at a clone of niharshah/goldstandard-reviewer-paper-match'],
        table: { header: ['model', 'loss'], rows: [] },
        summary: [],
        problems: ['no data: clone the dataset repository and set AFFINITY_GOLD_DIR to it'],
      };
    }
    const losses = new Map<string, number[]>();
    const notes = new Map<string, string>();
    let setup = '';
    for (const dataset of datasets) {
      const set = loadGoldSet(root, dataset);
      const experts = new Map(set.experts.map((e) => [e.id, e]));
      const items = new Map(set.items.map((i) => [i.id, i]));
      for (const { model, note } of variants()) {
        await model.prepare(set.experts);
        const r = rankingLoss(set.ratings, (e, i) => model.score(experts.get(e)!, items.get(i)!));
        losses.set(model.name, [...(losses.get(model.name) ?? []), r.loss]);
        notes.set(model.name, note);
        if (model.name === 'bilingual-lexical') {
          setup = `${set.experts.length} reviewers with a profile, ${set.items.length} rated papers, ${set.ratings.length} ratings, ${r.pairs} pairs with different ratings (per dataset)`;
          opts.progress(`${dataset}: bilingual-lexical loss ${r.loss.toFixed(4)}`);
        }
      }
    }
    const rows = [...losses].map(([name, xs]) => [
      name,
      mean(xs).toFixed(3),
      Math.min(...xs).toFixed(3),
      Math.max(...xs).toFixed(3),
      notes.get(name) ?? '',
    ]);
    const at = (name: string) => mean(losses.get(name) ?? [Number.NaN]).toFixed(3);
    return {
      setup: [`${root}: datasets ${datasets.join(', ')}`, setup],
      table: { header: ['model', 'mean loss', 'min', 'max', 'note'], rows, numeric: [1, 2, 3] },
      summary: [
        `bilingual-lexical ${at('bilingual-lexical')} vs plain TF-IDF ${at('tfidf-words')} vs constant 0.500`,
        'published on this set (title + abstract, d_20): TF-IDF-style 0.28, best neural 0.21',
      ],
      problems: [],
      checked: 'every rating names a reviewer with a profile and a paper of submissions.json',
    };
  },
};

export default reviewerMatchGold;
