import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type MatchCandidate,
  type PreparedPool,
  prepared,
  rankWith,
} from '../server/modules/needs/needs.matching.js';
import type { SetCandidate, SetNeed } from './data/needs/make-set.js';
import type { Benchmark } from './lib/types.js';

type Lang = 'zh' | 'en';
interface LabelledSet {
  needs: SetNeed[];
  candidates: SetCandidate[];
  labels: Array<[string, string, number]>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const PAIRS: Array<[Lang, Lang]> = [
  ['zh', 'zh'],
  ['en', 'en'],
  ['zh', 'en'],
  ['en', 'zh'],
];

/** nDCG@k with gains 2^rel − 1 against the ideal order of every candidate of the pool. */
export function ndcgAt(k: number, ranked: readonly number[], all: readonly number[]): number {
  const dcg = (rels: readonly number[]) =>
    rels.slice(0, k).reduce((s, r, i) => s + (2 ** r - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...all].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked) / ideal;
}

/** Share of the relevant candidates (grade ≥ 2) found in the first k. */
export function recallAt(k: number, ranked: readonly number[], all: readonly number[]): number {
  const relevant = all.filter((r) => r >= 2).length;
  return relevant === 0 ? 0 : ranked.slice(0, k).filter((r) => r >= 2).length / relevant;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);

/**
 * Matching quality of technology needs (issue 14) on the committed labelled set: nDCG@10 and recall@20
 * per language pair (need language → candidate language, the candidates of that language only), for the
 * matcher the service uses (bilingual: ADR 0008 words, bigrams, glossary concepts) and a plain TF-IDF
 * word baseline in the same run. The set has no field codes, so the field share plays no part here.
 */
const needsMatching: Benchmark = {
  name: 'needs-matching',
  description: 'technology needs: nDCG@10 and recall@20 per language pair, bilingual matcher vs TF-IDF',
  async run(opts) {
    const set = JSON.parse(readFileSync(path.join(here, 'data/needs/labelled.json'), 'utf8')) as LabelledSet;
    const labels = new Map(set.labels.map(([n, c, g]) => [`${n}|${c}`, g]));
    const rows: string[][] = [];
    const summary: string[] = [];
    const figures = new Map<string, { ndcg: number; recall: number }>();
    for (const model of ['bilingual', 'tfidf'] as const) {
      for (const [needLang, candLang] of PAIRS) {
        const pool = set.candidates.filter((c) => c.lang === candLang);
        const cands: MatchCandidate[] = pool.map((c) => ({
          kind: c.kind,
          id: c.id,
          text: c.text,
          fieldPaths: [],
        }));
        const started = performance.now();
        const prep: PreparedPool = prepared(cands, model);
        const ndcg: number[] = [];
        const recall: number[] = [];
        const needs = set.needs.filter((n) => n.lang === needLang);
        for (const n of needs) {
          const ranked = rankWith(
            prep,
            { id: n.id, title: n.title, problem: n.problem, fieldPaths: [] },
            cands,
            {
              limit: 20,
              minScore: 0,
              withReasons: false,
            },
          );
          const gradeOf = (id: string) => labels.get(`${n.id}|${id}`) ?? 0;
          const rels = ranked.map((m) => gradeOf(m.id));
          const all = pool.map((c) => gradeOf(c.id));
          ndcg.push(ndcgAt(10, rels, all));
          recall.push(recallAt(20, rels, all));
        }
        const ms = performance.now() - started;
        const f = { ndcg: mean(ndcg), recall: mean(recall) };
        figures.set(`${model} ${needLang}→${candLang}`, f);
        opts.progress(`${model} ${needLang}→${candLang}: nDCG@10 ${f.ndcg.toFixed(3)}`);
        rows.push([
          model === 'bilingual' ? 'bilingual (service)' : 'plain TF-IDF',
          `${needLang}→${candLang}`,
          String(needs.length),
          String(pool.length),
          f.ndcg.toFixed(3),
          f.recall.toFixed(3),
          ms.toFixed(0),
        ]);
      }
    }
    for (const [a, b] of PAIRS) {
      const m = figures.get(`bilingual ${a}→${b}`)!;
      const base = figures.get(`tfidf ${a}→${b}`)!;
      summary.push(
        `${a}→${b}: nDCG@10 ${m.ndcg.toFixed(3)} vs TF-IDF ${base.ndcg.toFixed(3)}; recall@20 ${m.recall.toFixed(3)} vs ${base.recall.toFixed(3)}`,
      );
    }
    return {
      setup: [
        `set: bench/data/needs/labelled.json — ${set.needs.length} needs, ${set.candidates.length} candidates, ` +
          `${set.labels.length} pairs graded 1–3 (bench/data/needs/README.md)`,
        'each pair ranks the needs of one language over the candidates of one language; relevant = grade ≥ 2',
      ],
      table: {
        header: ['model', 'pair', 'needs', 'candidates', 'nDCG@10', 'recall@20', 'ms'],
        rows,
        numeric: [2, 3, 4, 5, 6],
      },
      summary,
      problems: [],
    };
  },
};

export default needsMatching;
