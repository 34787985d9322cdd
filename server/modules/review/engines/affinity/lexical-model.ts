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
  /** Scale of concept weights against word weights in the joint same-language vector. */
  conceptWeight: number;
  /** Share of the text score taken from the best single documents instead of the whole profile. */
  docShare: number;
  /** How many best documents (expertise text, each output) are averaged for that share. */
  topDocs: number;
  /** Share of the score given to field overlap, in [0, 1). */
  fieldBonus: number;
  /** Field overlap credited when only the top-level field matches. */
  sameTopField: number;
  /** Document frequencies counted over each expert's whole profile, or over every single document. */
  idfOver: 'profiles' | 'documents';
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
    conceptWeight: 1,
    // An expert's standing on a topic shows in several of their documents: the mean of their best
    // eight scores beat the whole-profile vector and a single best paper on real reviewer ratings
    // (docs/adr/0008-offline-bilingual-affinity.md, "Measured on real ratings").
    docShare: 1,
    topDocs: 8,
    fieldBonus: 0.2,
    sameTopField: 0.5,
    idfOver: 'documents',
    ...overrides,
  });
}

/** The baseline: plain TF-IDF cosine over words, no glossary, no bigrams, no field bonus. */
export function createTfidfWordModel(): AffinityModel {
  return createLexicalModel({
    name: 'tfidf-words',
    glossary: null,
    bigramWeight: 0,
    conceptWeight: 0,
    docShare: 0,
    topDocs: 1,
    fieldBonus: 0,
    sameTopField: 0,
    idfOver: 'profiles',
  });
}

/** A lexical affinity model with explicit options (tests and the bench vary them). */
export function createLexicalModel(opts: LexicalOptions): AffinityModel {
  const analyzeOpts: AnalyzeOptions = { glossary: opts.glossary, bigramWeight: opts.bigramWeight };
  let wordStats: CorpusStats = { docs: 0, df: new Map() };
  let conceptStats: CorpusStats = { docs: 0, df: new Map() };
  // Units of a prepared expert: [profile, doc 1, doc 2, …], flattened over all experts.
  let units: Profile[] = [];
  let firstUnit = new Int32Array(1);
  const index = new Map<string, number>();
  let wordPostings: Postings = buildPostings([]);
  let conceptPostings: Postings = buildPostings([]);
  // Keyed by object: an item is analysed once, and its text scores against every prepared expert come
  // from one pass over the postings (8 bytes per expert kept per item).
  let itemCache = new WeakMap<AffinityItem, Profile>();
  let textCache = new WeakMap<AffinityItem, Float64Array>();

  const docsOf = (e: AffinityExpert): Analysis[] => {
    const docs = [e.expertise, ...e.outputs.map((o) => `${o.title}\n${o.abstract ?? ''}`)];
    return docs.map((d) => analyze(d, analyzeOpts)).filter((a) => a.words.size + a.concepts.size > 0);
  };
  const merge = (docs: Analysis[]): Analysis => {
    const m = emptyAnalysis();
    for (const d of docs) {
      for (const [k, v] of d.words) m.words.set(k, (m.words.get(k) ?? 0) + v);
      for (const [k, v] of d.concepts) m.concepts.set(k, (m.concepts.get(k) ?? 0) + v);
      m.zhWords += d.zhWords;
      m.enWords += d.enWords;
    }
    return m;
  };
  const toProfile = (a: Analysis): Profile => ({
    words: tfidf(a.words, wordStats),
    concepts: tfidf(a.concepts, conceptStats),
    zhShare: zhShare(a),
  });
  const unitsOf = (docs: Analysis[]): Profile[] => [toProfile(merge(docs)), ...docs.map(toProfile)];
  const itemProfile = (item: AffinityItem): Profile => {
    let p = itemCache.get(item);
    if (!p) {
      p = toProfile(analyze(`${item.title}\n${item.summary}`, analyzeOpts));
      itemCache.set(item, p);
    }
    return p;
  };
  // Words can only match where both sides write in the same language; across languages the
  // language-neutral concepts carry the whole text score, so a Chinese proposal is not penalised
  // against English ones for an English-only expert just because its words cannot match. Within one
  // language, words and concepts form one joint vector (cosine rebuilt from the channel dot products),
  // so a text whose only glossary hits are generic ("model") gets little from them: IDF keeps them
  // small next to its words, where a separately normalised concept cosine would be high.
  const mix = (u: Profile, ip: Profile, cw: number, cc: number): number => {
    if (!opts.glossary) return cw;
    const shared = Math.min(u.zhShare, ip.zhShare) + Math.min(1 - u.zhShare, 1 - ip.zhShare);
    const k2 = opts.conceptWeight * opts.conceptWeight;
    const a = u.words.norm;
    const b = ip.words.norm;
    const c = u.concepts.norm;
    const d = ip.concepts.norm;
    const denom = Math.sqrt(a * a + k2 * c * c) * Math.sqrt(b * b + k2 * d * d);
    const joint = denom === 0 ? 0 : Math.min(1, (cw * a * b + k2 * cc * c * d) / denom);
    return shared * joint + (1 - shared) * cc;
  };
  // Profile score blended with the mean of the best `topDocs` per-document scores: one paper on the
  // exact topic should count even when the rest of a broad profile dilutes the concatenated vector.
  // Runs once per expert × item (14 M times for the largest pool), so it allocates nothing: the best
  // scores are kept in a small reused buffer by insertion instead of copying and sorting every list.
  const best = new Float64Array(Math.max(1, opts.topDocs));
  const combine = (unitText: ArrayLike<number>, from: number, to: number): number => {
    const profile = unitText[from]!;
    if (opts.docShare === 0 || to - from < 2) return profile;
    let kept = 0;
    for (let u = from + 1; u < to; u++) {
      const v = unitText[u]!;
      if (kept < opts.topDocs) kept++;
      else if (v <= best[kept - 1]!) continue;
      let at = kept - 1;
      while (at > 0 && best[at - 1]! < v) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = v;
    }
    let sum = 0;
    for (let k = 0; k < kept; k++) sum += best[k]!;
    return (1 - opts.docShare) * profile + (opts.docShare * sum) / kept;
  };
  const allTexts = (ip: Profile): Float64Array => {
    const cw = cosineAll(wordPostings, ip.words);
    const cc = cosineAll(conceptPostings, ip.concepts);
    const unitText = new Float64Array(units.length);
    for (let u = 0; u < units.length; u++) unitText[u] = mix(units[u]!, ip, cw[u]!, cc[u]!);
    const out = new Float64Array(firstUnit.length - 1);
    for (let e = 0; e < out.length; e++) out[e] = combine(unitText, firstUnit[e]!, firstUnit[e + 1]!);
    return out;
  };

  return {
    name: opts.name,
    version: '4',
    prepare(experts) {
      const docs = experts.map(docsOf);
      const merged = docs.map(merge);
      const basis = opts.idfOver === 'documents' ? docs.flat() : merged;
      wordStats = corpusStats(basis.map((a) => a.words));
      conceptStats = corpusStats(basis.map((a) => a.concepts));
      // Item vectors depend on the corpus IDF and the expert list: a new prepare() starts afresh.
      itemCache = new WeakMap();
      textCache = new WeakMap();
      index.clear();
      units = [];
      firstUnit = new Int32Array(experts.length + 1);
      for (const [i, e] of experts.entries()) {
        index.set(e.id, i);
        firstUnit[i] = units.length;
        units.push(...unitsOf(docs[i]!));
      }
      firstUnit[experts.length] = units.length;
      wordPostings = buildPostings(units.map((u) => u.words));
      conceptPostings = buildPostings(units.map((u) => u.concepts));
    },
    score(expert, item) {
      const ip = itemProfile(item);
      const at = index.get(expert.id);
      let text: number;
      if (at === undefined) {
        const us = unitsOf(docsOf(expert));
        text = combine(
          us.map((u) => mix(u, ip, cosine(u.words, ip.words), cosine(u.concepts, ip.concepts))),
          0,
          us.length,
        );
      } else {
        let all = textCache.get(item);
        if (!all) {
          all = allTexts(ip);
          textCache.set(item, all);
        }
        text = all[at]!;
      }
      const field = fieldOverlap(expert.fields, item.field, opts.sameTopField);
      return (1 - opts.fieldBonus) * text + opts.fieldBonus * field;
    },
  };
}
