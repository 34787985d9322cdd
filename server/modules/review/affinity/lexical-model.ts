import type { AffinityExpert, AffinityItem, AffinityModel } from './affinity.types.js';
import { type Analysis, type AnalyzeOptions, analyze, emptyAnalysis } from './analyze.js';
import { fieldOverlap } from './field-overlap.js';
import { DEFAULT_GLOSSARY } from './glossary/index.js';
import type { Glossary } from './glossary.js';
import {
  buildPostings,
  type CorpusStats,
  corpusStats,
  cosine,
  cosineAll,
  type Postings,
  type SparseVector,
  tfidf,
} from './vectors.js';

/** Tuning knobs of the lexical model; see docs/adr/0008-offline-bilingual-affinity.md. */
export interface LexicalOptions {
  name: string;
  /** Concept glossary; null for a plain word model. */
  glossary: Glossary | null;
  /** Weight of one Chinese character bigram relative to a word (0 disables bigrams). */
  bigramWeight: number;
  /** Share of the word channel when expert and item write in the same language (rest: concepts). */
  wordShare: number;
  /** Share of the score given to field overlap, in [0, 1). */
  fieldBonus: number;
  /** Field overlap credited when only the top-level field matches. */
  sameTopField: number;
}

interface Profile {
  words: SparseVector;
  concepts: SparseVector;
  zhShare: number;
}

function zhShare(a: Analysis): number {
  const n = a.zhWords + a.enWords;
  return n === 0 ? 0.5 : a.zhWords / n;
}

/** The offline bilingual model (v1): words + bigrams + glossary concepts + field overlap. */
export function createBilingualModel(overrides: Partial<LexicalOptions> = {}): AffinityModel {
  return createLexicalModel({
    name: 'bilingual-lexical',
    glossary: DEFAULT_GLOSSARY,
    bigramWeight: 0.5,
    wordShare: 0.5,
    fieldBonus: 0.2,
    sameTopField: 0.5,
    ...overrides,
  });
}

/** The baseline: plain TF-IDF cosine over words, no glossary, no bigrams, no field bonus. */
export function createTfidfWordModel(): AffinityModel {
  return createLexicalModel({
    name: 'tfidf-words',
    glossary: null,
    bigramWeight: 0,
    wordShare: 1,
    fieldBonus: 0,
    sameTopField: 0,
  });
}

/** A lexical affinity model with explicit options (tests and the bench vary them). */
export function createLexicalModel(opts: LexicalOptions): AffinityModel {
  const analyzeOpts: AnalyzeOptions = { glossary: opts.glossary, bigramWeight: opts.bigramWeight };
  let wordStats: CorpusStats = { docs: 0, df: new Map() };
  let conceptStats: CorpusStats = { docs: 0, df: new Map() };
  const profiles = new Map<string, Profile>();
  const index = new Map<string, number>();
  let wordPostings: Postings = buildPostings([]);
  let conceptPostings: Postings = buildPostings([]);
  // Keyed by object: the same item is scored against every expert, so it is analysed once, and its
  // cosines with every prepared expert come from one pass over the postings (8 bytes × 2 per expert).
  let itemCache = new WeakMap<AffinityItem, Profile>();
  let cosCache = new WeakMap<AffinityItem, { words: Float64Array; concepts: Float64Array }>();

  const expertAnalysis = (e: AffinityExpert): Analysis => {
    const a = emptyAnalysis();
    analyze(e.expertise, analyzeOpts, a);
    for (const o of e.outputs) {
      analyze(o.title, analyzeOpts, a);
      if (o.abstract) analyze(o.abstract, analyzeOpts, a);
    }
    return a;
  };
  const toProfile = (a: Analysis): Profile => ({
    words: tfidf(a.words, wordStats),
    concepts: tfidf(a.concepts, conceptStats),
    zhShare: zhShare(a),
  });
  const itemProfile = (item: AffinityItem): Profile => {
    let p = itemCache.get(item);
    if (!p) {
      const a = analyze(item.title, analyzeOpts);
      analyze(item.summary, analyzeOpts, a);
      p = toProfile(a);
      itemCache.set(item, p);
    }
    return p;
  };

  return {
    name: opts.name,
    version: '1',
    prepare(experts) {
      const analyses = experts.map(expertAnalysis);
      wordStats = corpusStats(analyses.map((a) => a.words));
      conceptStats = corpusStats(analyses.map((a) => a.concepts));
      // Item vectors depend on the corpus IDF and the expert list: a new prepare() starts afresh.
      itemCache = new WeakMap();
      cosCache = new WeakMap();
      profiles.clear();
      index.clear();
      for (const [i, e] of experts.entries()) {
        profiles.set(e.id, toProfile(analyses[i]!));
        index.set(e.id, i);
      }
      const list = experts.map((e) => profiles.get(e.id)!);
      wordPostings = buildPostings(list.map((p) => p.words));
      conceptPostings = buildPostings(list.map((p) => p.concepts));
    },
    score(expert, item) {
      const at = index.get(expert.id);
      const ep = at === undefined ? toProfile(expertAnalysis(expert)) : profiles.get(expert.id)!;
      const ip = itemProfile(item);
      let cw: number;
      let cc: number;
      if (at === undefined) {
        cw = cosine(ep.words, ip.words);
        cc = cosine(ep.concepts, ip.concepts);
      } else {
        let all = cosCache.get(item);
        if (!all) {
          all = {
            words: cosineAll(wordPostings, ip.words),
            concepts: cosineAll(conceptPostings, ip.concepts),
          };
          cosCache.set(item, all);
        }
        cw = all.words[at]!;
        cc = all.concepts[at]!;
      }
      // Words can only match where both sides write in the same language; across languages the
      // language-neutral concepts carry the whole text score, so a Chinese proposal is not penalised
      // against English ones for an English-only expert just because its words cannot match.
      const shared = Math.min(ep.zhShare, ip.zhShare) + Math.min(1 - ep.zhShare, 1 - ip.zhShare);
      const text = opts.glossary
        ? shared * (opts.wordShare * cw + (1 - opts.wordShare) * cc) + (1 - shared) * cc
        : cw;
      const field = fieldOverlap(expert.fields, item.field, opts.sameTopField);
      return (1 - opts.fieldBonus) * text + opts.fieldBonus * field;
    },
  };
}
