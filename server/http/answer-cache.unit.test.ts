import { describe, expect, it } from 'vitest';
import { AnswerStore } from './answer-cache.js';

/** The answer cache's store (answer-cache.ts): bounded by entries and by bytes, least recently used first. */
describe('AnswerStore', () => {
  let generation = 0;
  const gen = () => generation;

  it('keeps at most maxEntries answers, dropping the least recently used', () => {
    const s = new AnswerStore(gen, 3, 1_000_000);
    for (const k of ['a', 'b', 'c']) s.set(k, `{"${k}":1}`, 0, generation);
    expect(s.get('a', 1, 1_000)).toBe('{"a":1}'); // a is now the most recent
    s.set('d', '{"d":1}', 1, generation);
    expect(s.size).toBe(3);
    expect(s.get('b', 2, 1_000)).toBeUndefined();
    expect(s.get('a', 2, 1_000)).toBe('{"a":1}');
    expect(s.get('d', 2, 1_000)).toBe('{"d":1}');
  });

  it('keeps at most maxBytes of bodies and keys, and never one answer larger than that', () => {
    const s = new AnswerStore(gen, 100, 100);
    const body = 'x'.repeat(38); // 38 bytes + a one-character key (2) = 40 each
    s.set('a', body, 0, generation);
    s.set('b', body, 0, generation);
    expect(s.byteSize).toBe(80);
    s.set('c', body, 0, generation);
    expect(s.size).toBe(2);
    expect(s.byteSize).toBe(80);
    expect(s.get('a', 0, 1_000)).toBeUndefined();
    s.set('big', 'y'.repeat(200), 0, generation);
    expect(s.get('big', 0, 1_000)).toBeUndefined();
    // Bytes as sent (UTF-8): 20 Chinese characters are 60 bytes.
    const t = new AnswerStore(gen, 100, 100);
    t.set('z', '共'.repeat(20), 0, generation);
    expect(t.byteSize).toBe(62);
  });

  it('serves an answer for less than ttlMs, never after a write to its tables or a clock set back', () => {
    const s = new AnswerStore(gen, 10, 10_000);
    s.set('a', '1', 1_000, generation);
    expect(s.get('a', 1_999, 1_000)).toBe('1');
    expect(s.get('a', 2_000, 1_000)).toBeUndefined();
    s.set('b', '2', 1_000, generation);
    expect(s.get('b', 999, 1_000)).toBeUndefined();
    s.set('c', '3', 1_000, generation);
    generation++;
    expect(s.get('c', 1_000, 1_000)).toBeUndefined();
    // Read before a write that finished since: not kept at all.
    s.set('d', '4', 1_000, generation - 1);
    expect(s.get('d', 1_000, 1_000)).toBeUndefined();
    expect(s.size).toBe(0);
    expect(s.byteSize).toBe(0);
  });

  it('lets concurrent misses of one key under one generation wait for one read', async () => {
    const s = new AnswerStore(gen, 10, 10_000);
    expect(s.pending('a', generation)).toBeUndefined();
    const done = s.lead('a', generation);
    const follower = s.pending('a', generation);
    expect(follower).toBeDefined();
    // Another key, or the same key after a write, does not wait for it.
    expect(s.pending('b', generation)).toBeUndefined();
    expect(s.pending('a', generation + 1)).toBeUndefined();
    done('{"a":1}');
    expect(await follower).toBe('{"a":1}');
    expect(s.pending('a', generation)).toBeUndefined();
    // A read that ended without an answer to keep: the follower reads itself.
    const failed = s.lead('a', generation);
    const waiting = s.pending('a', generation);
    failed(undefined);
    expect(await waiting).toBeUndefined();
  });
});
