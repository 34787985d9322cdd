/** A sparse weighted vector with its precomputed Euclidean norm. */
export interface SparseVector {
  weights: Map<string, number>;
  norm: number;
}

/** Document frequencies over a corpus of token maps. */
export interface CorpusStats {
  docs: number;
  df: Map<string, number>;
}

/** Counts in how many documents each token occurs. */
export function corpusStats(docs: readonly Map<string, number>[]): CorpusStats {
  const df = new Map<string, number>();
  for (const d of docs) for (const k of d.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  return { docs: docs.length, df };
}

/** Smoothed IDF; a token no expert uses gets the highest value (it is rare, not meaningless). */
export function idf(stats: CorpusStats, token: string): number {
  return Math.log((stats.docs + 1) / ((stats.df.get(token) ?? 0) + 1)) + 1;
}

/**
 * TF-IDF vector with sublinear term frequency (1 + ln tf), so a word repeated ten times in one abstract
 * does not outweigh ten different matching words. Fractional counts (bigrams, broader concepts) below 1
 * are kept as they are.
 */
export function tfidf(counts: Map<string, number>, stats: CorpusStats): SparseVector {
  const weights = new Map<string, number>();
  let sq = 0;
  for (const [k, tf] of counts) {
    const w = (tf <= 1 ? tf : 1 + Math.log(tf)) * idf(stats, k);
    weights.set(k, w);
    sq += w * w;
  }
  return { weights, norm: Math.sqrt(sq) };
}

/** Cosine similarity of two non-negative vectors: in [0, 1], 0 when either is empty. */
export function cosine(a: SparseVector, b: SparseVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, w] of small.weights) {
    const v = large.weights.get(k);
    if (v !== undefined) dot += w * v;
  }
  return Math.min(1, dot / (a.norm * b.norm));
}

/** Expert vectors inverted by token, to score one item against every expert in one pass. */
export interface Postings {
  size: number;
  norms: Float64Array;
  byToken: Map<string, { idx: Int32Array; w: Float64Array }>;
}

/** Builds the postings of `vectors` (index = position in the array). */
export function buildPostings(vectors: readonly SparseVector[]): Postings {
  const lists = new Map<string, { idx: number[]; w: number[] }>();
  vectors.forEach((v, i) => {
    for (const [k, w] of v.weights) {
      const l = lists.get(k) ?? { idx: [], w: [] };
      l.idx.push(i);
      l.w.push(w);
      lists.set(k, l);
    }
  });
  const byToken = new Map<string, { idx: Int32Array; w: Float64Array }>();
  for (const [k, l] of lists) byToken.set(k, { idx: Int32Array.from(l.idx), w: Float64Array.from(l.w) });
  return { size: vectors.length, norms: Float64Array.from(vectors.map((v) => v.norm)), byToken };
}

/**
 * Cosine of `item` with every vector of the postings. Cost is the summed length of the postings of
 * the item's tokens, not experts × tokens, so rare technical terms make it cheap.
 */
export function cosineAll(p: Postings, item: SparseVector): Float64Array {
  const out = new Float64Array(p.size);
  if (item.norm === 0) return out;
  for (const [k, w] of item.weights) {
    const l = p.byToken.get(k);
    if (!l) continue;
    for (let j = 0; j < l.idx.length; j++) out[l.idx[j]!]! += w * l.w[j]!;
  }
  for (let i = 0; i < p.size; i++)
    out[i] = p.norms[i] === 0 ? 0 : Math.min(1, out[i]! / (p.norms[i]! * item.norm));
  return out;
}
