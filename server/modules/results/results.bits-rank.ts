import { addPoints, BLOCK_SIZE, type Container, eachLow, lowsOf, orInto, WORDS } from './results.bits.js';

/** A doc and its score (Σ weight × idf of the query's terms). */
export interface Scored {
  doc: number;
  score: number;
}

/** Higher score first, ties by doc descending (the most recently indexed first; ADR 0038). */
const before = (s1: number, d1: number, s2: number, d2: number) => s1 > s2 || (s1 === s2 && d1 > d2);

/** The best `k` offered so far: a heap whose root is the worst kept. */
class Best {
  private readonly score: number[] = [];
  private readonly doc: number[] = [];
  constructor(private readonly k: number) {}

  offer(score: number, doc: number): void {
    const n = this.score.length;
    if (n < this.k) {
      this.score.push(score);
      this.doc.push(doc);
      this.up(n);
    } else if (n > 0 && before(score, doc, this.score[0]!, this.doc[0]!)) {
      this.score[0] = score;
      this.doc[0] = doc;
      this.down(0);
    }
  }

  sorted(): Scored[] {
    return this.score
      .map((score, i) => ({ score, doc: this.doc[i]! }))
      .sort((a, b) => (before(a.score, a.doc, b.score, b.doc) ? -1 : 1));
  }

  private worse(i: number, j: number) {
    return before(this.score[j]!, this.doc[j]!, this.score[i]!, this.doc[i]!);
  }

  private swap(i: number, j: number) {
    [this.score[i], this.score[j]] = [this.score[j]!, this.score[i]!];
    [this.doc[i], this.doc[j]] = [this.doc[j]!, this.doc[i]!];
  }

  private up(i: number) {
    for (let c = i; c > 0; ) {
      const p = (c - 1) >> 1;
      if (!this.worse(c, p)) return;
      this.swap(c, p);
      c = p;
    }
  }

  private down(i: number) {
    const n = this.score.length;
    for (let p = i; ; ) {
      let w = p;
      for (const c of [2 * p + 1, 2 * p + 2]) if (c < n && this.worse(c, w)) w = c;
      if (w === p) return;
      this.swap(p, w);
      p = w;
    }
  }
}

/** One query term: its idf and its containers (every weight, every block). */
export interface TermContainers {
  idf: number;
  containers: readonly Container[];
}

const byBlock = (cs: readonly Container[]) => {
  const m = new Map<number, Container[]>();
  for (const c of cs) {
    const list = m.get(c.block);
    if (list) list.push(c);
    else m.set(c.block, [c]);
  }
  return m;
};

/**
 * Every doc holding all the terms, counted, and the best `k` of them by score (ADR 0038): block by block,
 * each term's containers ORed into one bitmap, the terms' bitmaps ANDed into the matches, and each match
 * scored by the weight of the one container of each term that holds it. Exact: every match is counted
 * and scored; the cost is the terms' containers, not the number of records.
 */
export function rankMatches(terms: readonly TermContainers[], k: number): { total: number; best: Scored[] } {
  const blocks = terms.map((t) => byBlock(t.containers));
  const common = [...blocks[0]!.keys()].filter((b) => blocks.every((m) => m.has(b)));
  const match = new Uint32Array(WORDS);
  const union = new Uint32Array(WORDS);
  const scores = new Float64Array(BLOCK_SIZE);
  const best = new Best(k);
  let total = 0;
  for (const block of common) {
    blocks.forEach((m, t) => {
      const into = t === 0 ? match : union;
      into.fill(0);
      for (const c of m.get(block)!) orInto(into, c);
      if (t > 0) for (let i = 0; i < WORDS; i++) match[i]! &= union[i]!;
    });
    blocks.forEach((m, t) => {
      for (const c of m.get(block)!) addPoints(scores, match, c, c.weight * terms[t]!.idf);
    });
    const base = block * BLOCK_SIZE;
    eachLow(match, (low) => {
      total++;
      best.offer(scores[low]!, base + low);
      scores[low] = 0;
    });
  }
  return { total, best: best.sorted() };
}

/** A container's size and where it stands: what `pageOfOne` reads to place a page without any bytes. */
export type ContainerSize = Omit<Container, 'bits'>;

/**
 * Which containers of one term hold the docs from `offset` to `offset + limit` in its order (weight
 * descending, then doc descending): `sizes` in that order (weight descending, block descending).
 */
export function containersOfPage(sizes: readonly ContainerSize[], offset: number, limit: number) {
  const out: ContainerSize[] = [];
  let seen = 0;
  for (const c of sizes) {
    if (seen >= offset + limit) break;
    if (seen + c.docs > offset) out.push(c);
    seen += c.docs;
  }
  return { containers: out, skip: offset - (seen - out.reduce((a, c) => a + c.docs, 0)) };
}

/** The docs of one term's page: `containers` as `containersOfPage` chose them, read, after `skip`. */
export function docsOfPage(containers: readonly Container[], skip: number, limit: number): number[] {
  const docs: number[] = [];
  for (const c of containers) {
    const lows = lowsOf(c.bits, c.docs);
    for (let k = lows.length - 1; k >= 0; k--) docs.push(c.block * BLOCK_SIZE + lows[k]!);
  }
  return docs.slice(skip, skip + limit);
}
