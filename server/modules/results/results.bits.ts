import { endianness } from 'node:os';

/**
 * The containers of the portal's search index (ADR 0038): the public results holding a term at one weight,
 * by block of 65,536 search numbers (a result's `doc`, result_search_docs). A doc's high bits name its
 * block, its low 16 bits its place in the block. A container of up to ARRAY_MAX docs is their sorted low
 * halves as 16-bit integers; a fuller one is a bitmap of 65,536 bits (Roaring's two kinds, by the same
 * rule: whichever is smaller). The row's `docs` (the container's size) says which kind its bytes are.
 * Little-endian, as every platform Node supports here; checked once at load.
 */
export const BLOCK_SIZE = 65_536;
/** 32-bit words in a block's bitmap. */
export const WORDS = BLOCK_SIZE / 32;
/** Up to this many docs a container is a sorted array; beyond it a bitmap (8 KB either way at the bound). */
export const ARRAY_MAX = 4_096;

if (endianness() !== 'LE') throw new Error('results.bits: the search containers are little-endian');

export const blockOf = (doc: number) => Math.floor(doc / BLOCK_SIZE);
export const lowOf = (doc: number) => doc % BLOCK_SIZE;

/** One container as read: its term's weight, its block, its size and its bytes. */
export interface Container {
  weight: number;
  block: number;
  docs: number;
  bits: Uint8Array;
}

/** The bytes at an offset a typed array can view (a driver's Buffer may start anywhere in its pool). */
const aligned = (b: Uint8Array) => (b.byteOffset % 4 === 0 ? b : new Uint8Array(b));
const asLows = (bits: Uint8Array, docs: number) => {
  const a = aligned(bits);
  return new Uint16Array(a.buffer, a.byteOffset, docs);
};
const asWords = (bits: Uint8Array) => {
  const a = aligned(bits);
  return new Uint32Array(a.buffer, a.byteOffset, WORDS);
};

/** Calls `each` with every set bit of a bitmap's word `i` (its low in the block), lowest first. */
const eachBit = (word: number, i: number, each: (low: number) => void) => {
  let w = word;
  while (w !== 0) {
    const lowest = w & -w;
    each(i * 32 + 31 - Math.clz32(lowest));
    w ^= lowest;
  }
};

/** The container's lows, ascending. */
export function lowsOf(bits: Uint8Array, docs: number): Uint16Array {
  if (docs <= ARRAY_MAX) return asLows(bits, docs);
  const out = new Uint16Array(docs);
  let n = 0;
  const words = asWords(bits);
  for (let i = 0; i < WORDS; i++)
    eachBit(words[i]!, i, (low) => {
      out[n++] = low;
    });
  return out;
}

/** A container of these lows (ascending, distinct): an array or a bitmap by its size. */
export function encode(lows: ArrayLike<number>): { docs: number; bits: Buffer } {
  const docs = lows.length;
  if (docs <= ARRAY_MAX) return { docs, bits: Buffer.from(Uint16Array.from(lows).buffer) };
  const words = new Uint32Array(WORDS);
  for (let k = 0; k < docs; k++) words[lows[k]! >>> 5]! |= 1 << (lows[k]! & 31);
  return { docs, bits: Buffer.from(words.buffer) };
}

/** The container with `add` put in and `remove` taken out (null when none is left). */
export function changed(
  before: { docs: number; bits: Uint8Array } | undefined,
  add: readonly number[],
  remove: readonly number[],
): { docs: number; bits: Buffer } | null {
  const lows = new Set(before ? lowsOf(before.bits, before.docs) : []);
  for (const low of remove) lows.delete(low);
  for (const low of add) lows.add(low);
  if (lows.size === 0) return null;
  return encode(Uint16Array.from(lows).sort());
}

/** ORs a container into a block's bitmap. */
export function orInto(words: Uint32Array, c: Container): void {
  if (c.docs > ARRAY_MAX) {
    const src = asWords(c.bits);
    for (let i = 0; i < WORDS; i++) words[i]! |= src[i]!;
    return;
  }
  const lows = asLows(c.bits, c.docs);
  for (let k = 0; k < lows.length; k++) words[lows[k]! >>> 5]! |= 1 << (lows[k]! & 31);
}

/** Adds `points` to the score of each of the container's docs that `match` holds. */
export function addPoints(scores: Float64Array, match: Uint32Array, c: Container, points: number): void {
  if (c.docs > ARRAY_MAX) {
    const src = asWords(c.bits);
    for (let i = 0; i < WORDS; i++) {
      const both = src[i]! & match[i]!;
      if (both !== 0)
        eachBit(both, i, (low) => {
          scores[low]! += points;
        });
    }
    return;
  }
  const lows = asLows(c.bits, c.docs);
  for (let k = 0; k < lows.length; k++) {
    const low = lows[k]!;
    if ((match[low >>> 5]! >>> (low & 31)) & 1) scores[low]! += points;
  }
}

/** Calls `each` with every low a block's bitmap holds, ascending. */
export function eachLow(words: Uint32Array, each: (low: number) => void): void {
  for (let i = 0; i < WORDS; i++) if (words[i] !== 0) eachBit(words[i]!, i, each);
}

/**
 * The containers of one term's postings, given in order of weight, then doc (ascending): what a rebuild
 * writes (migration 0072, the bench's loader).
 */
export function containersOf(
  postings: ReadonlyArray<{ weight: number; doc: number }>,
): Array<{ weight: number; block: number; docs: number; bits: Buffer }> {
  const out: Array<{ weight: number; block: number; docs: number; bits: Buffer }> = [];
  let lows: number[] = [];
  let at: { weight: number; block: number } | null = null;
  const flush = () => {
    if (at && lows.length) out.push({ ...at, ...encode(lows) });
    lows = [];
  };
  for (const { weight, doc } of postings) {
    const block = blockOf(doc);
    if (!at || at.weight !== weight || at.block !== block) {
      flush();
      at = { weight, block };
    }
    lows.push(lowOf(doc));
  }
  flush();
  return out;
}
