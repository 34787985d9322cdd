import { describe, expect, it } from 'vitest';
import {
  ARRAY_MAX,
  BLOCK_SIZE,
  type Container,
  changed,
  containersOf,
  encode,
  lowsOf,
} from './results.bits.js';
import { containersOfPage, docsOfPage, rankMatches } from './results.bits-rank.js';

// ADR 0038: the containers and the ranking over them, held to a brute force over the same postings.

/** A deterministic generator, so a failure names a case that comes back. */
const random = (seed: number) => () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
};

describe('a container', () => {
  it('keeps its lows as an array up to 4,096 and as a bitmap beyond, and gives them back in order', () => {
    const rnd = random(7);
    for (const size of [0, 1, 2, 100, ARRAY_MAX, ARRAY_MAX + 1, 30_000, BLOCK_SIZE]) {
      const lows = [...new Set(Array.from({ length: size * 2 }, () => Math.floor(rnd() * BLOCK_SIZE)))]
        .slice(0, size)
        .sort((a, b) => a - b);
      if (size === BLOCK_SIZE)
        lows.splice(0, lows.length, ...Array.from({ length: BLOCK_SIZE }, (_, i) => i));
      const { docs, bits } = encode(lows);
      expect(docs).toBe(lows.length);
      expect(bits.length).toBe(lows.length <= ARRAY_MAX ? lows.length * 2 : BLOCK_SIZE / 8);
      expect([...lowsOf(bits, docs)]).toEqual(lows);
      // The bytes at an odd offset of a larger buffer, as a driver may hand them back.
      const shifted = Buffer.concat([Buffer.alloc(1), bits]).subarray(1);
      expect([...lowsOf(shifted, docs)]).toEqual(lows);
    }
  });

  it('takes a low in and out across the array/bitmap boundary, and is gone when empty', () => {
    let c: { docs: number; bits: Buffer } | null = encode(Array.from({ length: ARRAY_MAX }, (_, i) => i * 2));
    c = changed(c, [1], []);
    expect(c!.docs).toBe(ARRAY_MAX + 1);
    expect(c!.bits.length).toBe(BLOCK_SIZE / 8);
    c = changed(c!, [], [1, 0]);
    expect(c!.docs).toBe(ARRAY_MAX - 1);
    expect(lowsOf(c!.bits, c!.docs)[0]).toBe(2);
    expect(changed(encode([5]), [], [5])).toBeNull();
    expect(changed(undefined, [9], [])).toEqual(encode([9]));
  });

  it('is built per weight and block from postings in weight and doc order', () => {
    const out = containersOf([
      { weight: 100, doc: 3 },
      { weight: 100, doc: BLOCK_SIZE + 1 },
      { weight: 300, doc: 2 },
      { weight: 300, doc: 7 },
    ]);
    expect(out.map(({ weight, block, docs }) => [weight, block, docs])).toEqual([
      [100, 0, 1],
      [100, 1, 1],
      [300, 0, 2],
    ]);
  });
});

/** Random postings for `terms` terms over `n` docs spread over three blocks: doc → weight per term. */
function corpus(seed: number, terms: number, n: number) {
  const rnd = random(seed);
  return Array.from({ length: terms }, (_, t) => {
    // The first term at two weights only, so that some of its containers pass the array bound.
    const weights = t === 0 ? [300, 400] : [100, 138, 300, 400, 413];
    const m = new Map<number, number>();
    for (let i = 0; i < n; i++)
      if (rnd() < 0.5 + t * 0.1) {
        const doc = Math.floor(rnd() * 3) * BLOCK_SIZE + Math.floor(rnd() * 30_000);
        m.set(doc, weights[Math.floor(rnd() * weights.length)]!);
      }
    return m;
  });
}

const toContainers = (m: Map<number, number>): Container[] =>
  containersOf(
    [...m].map(([doc, weight]) => ({ doc, weight })).sort((a, b) => a.weight - b.weight || a.doc - b.doc),
  );

describe('the ranking over containers', () => {
  it('counts every match and gives the best k by score, ties by doc descending, as a scan does', () => {
    for (const [seed, terms] of [
      [1, 2],
      [2, 3],
      [3, 2],
    ] as const) {
      const postings = corpus(seed, terms, 100_000);
      const idf = postings.map((_, t) => 1_000 + t * 333);
      const scan = [...postings[0]!.keys()]
        .filter((doc) => postings.every((m) => m.has(doc)))
        .map((doc) => ({ doc, score: postings.reduce((a, m, t) => a + m.get(doc)! * idf[t]!, 0) }))
        .sort((a, b) => b.score - a.score || b.doc - a.doc);
      expect(scan.length).toBeGreaterThan(1_000);
      expect(postings.some((m) => toContainers(m).some((c) => c.docs > ARRAY_MAX))).toBe(true);
      for (const k of [1, 20, 1_000]) {
        const { total, best } = rankMatches(
          postings.map((m, t) => ({ idf: idf[t]!, containers: toContainers(m) })),
          k,
        );
        expect(total).toBe(scan.length);
        expect(best).toEqual(scan.slice(0, k));
      }
    }
  });

  it('pages one term in weight order, newest first, from the containers a page needs', () => {
    const [m] = corpus(4, 1, 20_000);
    const order = [...m!]
      .map(([doc, weight]) => ({ doc, weight }))
      .sort((a, b) => b.weight - a.weight || b.doc - a.doc)
      .map((p) => p.doc);
    const all = toContainers(m!).sort((a, b) => b.weight - a.weight || b.block - a.block);
    for (const [offset, limit] of [
      [0, 20],
      [5, 7],
      [order.length - 3, 20],
      [order.length, 20],
      [4_000, 100],
    ] as const) {
      const { containers, skip } = containersOfPage(all, offset, limit);
      const read = containers.map((c) => all.find((x) => x.weight === c.weight && x.block === c.block)!);
      expect(docsOfPage(read, skip, limit)).toEqual(order.slice(offset, offset + limit));
      expect(containers.length).toBeLessThan(all.length);
    }
  });
});
