import type { FastifyReply } from 'fastify';
import { generationOf } from '../db/table-changes.js';

/**
 * The answer cache of authenticated reads (docs/adr/0037, docs/sign-in.md 'Answer cache'): a route that
 * opts in keeps its serialised 200 answers per key, so a repeated read skips its statements and its
 * serialisation. Sign-in, the policy and everything before the handler still run on every request; only
 * what the service computes after its policy is kept.
 *
 * The bound, the same as the sign-in lookups' (AUTH_CACHE_MS, at most 1,000 ms; 0 turns it off):
 * - a `write` of this process that changes one of the route's tables drops every entry read before it
 *   finished (their generation, server/db/table-changes.ts); a write finishing during the read leaves that
 *   answer unkept;
 * - a change made by another process (or outside `write`) is served for at most AUTH_CACHE_MS on the
 *   app's clock; a clock set back ends the entry too.
 */

/**
 * What a service hands the route after its policy allowed the read: `key` names everything the answer
 * depends on besides the rows of the cache's tables (the caller's view as the policy resolves it and the
 * validated query, never the raw URL or the caller's identity alone), and `compute` reads it from that
 * view and query only.
 */
export interface CacheableAnswer<T> {
  key: string;
  compute: () => Promise<T>;
}

export interface AnswerCacheOptions {
  /** Every table the answer reads (joined or looked up too): a write to any of them drops the entries. */
  tables: readonly string[];
  /** At most this many answers per database handle (least recently used go first). */
  maxEntries?: number;
  /** At most this many bytes of kept bodies (UTF-8) and keys per database handle. */
  maxBytes?: number;
}

export const ANSWER_CACHE_MAX_ENTRIES = 500;
export const ANSWER_CACHE_MAX_BYTES = 16 * 1024 * 1024;

interface Entry {
  body: string;
  bytes: number;
  at: number;
  generation: number;
}

/** One route's answers on one database handle: an LRU (a Map in use order) bounded by count and bytes. */
export class AnswerStore {
  private readonly entries = new Map<string, Entry>();
  private readonly reading = new Map<string, { generation: number; body: Promise<string | undefined> }>();
  private bytes = 0;

  constructor(
    private readonly generation: () => number,
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  /** The body kept for `key`, if read after the last write to the tables and less than `ttlMs` ago. */
  get(key: string, nowMs: number, ttlMs: number): string | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    const age = nowMs - e.at;
    this.drop(key, e);
    if (e.generation !== this.generation() || age < 0 || age >= ttlMs) return undefined;
    this.entries.set(key, e);
    this.bytes += e.bytes;
    return e.body;
  }

  /** Keeps `body`, read at `nowMs` under `generation` (taken before reading), unless a write came since. */
  set(key: string, body: string, nowMs: number, generation: number): void {
    if (generation !== this.generation()) return;
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    const bytes = Buffer.byteLength(body) + key.length * 2;
    if (bytes > this.maxBytes || this.maxEntries <= 0) return;
    this.entries.set(key, { body, bytes, at: nowMs, generation });
    this.bytes += bytes;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Entry];
      this.drop(oldestKey, oldest);
    }
  }

  /**
   * The body another request is reading for `key` under `generation` (the same key and no write since it
   * began), so a burst of misses reads once: a follower waits for it instead of reading too. Undefined
   * when none is, or when that read ended without an answer to keep (then the follower reads itself).
   */
  pending(key: string, generation: number): Promise<string | undefined> | undefined {
    const p = this.reading.get(key);
    return p && p.generation === generation ? p.body : undefined;
  }

  /** Marks `key` as being read under `generation`; `done` gives the body (or undefined) to its followers. */
  lead(key: string, generation: number): (body: string | undefined) => void {
    let settle!: (body: string | undefined) => void;
    const reading = { generation, body: new Promise<string | undefined>((r) => (settle = r)) };
    this.reading.set(key, reading);
    return (body) => {
      if (this.reading.get(key) === reading) this.reading.delete(key);
      settle(body);
    };
  }

  get size(): number {
    return this.entries.size;
  }

  get byteSize(): number {
    return this.bytes;
  }

  private drop(key: string, e: Entry): void {
    this.entries.delete(key);
    this.bytes -= e.bytes;
  }
}

/** A route's answer cache: one store per database handle (a test worker runs several apps). */
export interface AnswerCache {
  readonly tables: readonly string[];
  generation(): number;
  storeOf(db: object): AnswerStore;
}

/** Declares a route's answer cache; call once, at module load (it registers the tables' generation). */
export function answerCache(options: AnswerCacheOptions): AnswerCache {
  const generation = generationOf(options.tables);
  const stores = new WeakMap<object, AnswerStore>();
  const maxEntries = options.maxEntries ?? ANSWER_CACHE_MAX_ENTRIES;
  const maxBytes = options.maxBytes ?? ANSWER_CACHE_MAX_BYTES;
  return {
    tables: options.tables,
    generation,
    storeOf(db) {
      let store = stores.get(db);
      if (!store) {
        store = new AnswerStore(generation, maxEntries, maxBytes);
        stores.set(db, store);
      }
      return store;
    },
  };
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Sends the answer: the kept body when there is one, else `compute`'s value, serialised by the route's own
 * response serializer (as Fastify would) and kept when it is a GET's 200 that sets no cookie. A hit and a
 * miss send the same string with the same content type, so they are byte-identical. Concurrent misses of
 * one key with no write between them read once (AnswerStore.pending).
 */
export async function sendAnswer<T>(
  reply: FastifyReply,
  cache: AnswerCache,
  answer: CacheableAnswer<T>,
): Promise<FastifyReply> {
  const { database, config, clock } = reply.server.deps;
  const ttlMs = config.authCacheMs;
  if (ttlMs <= 0 || reply.request.method !== 'GET') return reply.send(await answer.compute());
  const store = cache.storeOf(database.db);
  const now = clock.now().getTime();
  const kept = store.get(answer.key, now, ttlMs) ?? (await store.pending(answer.key, cache.generation()));
  if (kept !== undefined) return reply.header('content-type', JSON_TYPE).send(kept);
  const generation = cache.generation();
  const done = store.lead(answer.key, generation);
  let body: string | undefined;
  try {
    const value = await answer.compute();
    if (reply.statusCode !== 200 || reply.hasHeader('set-cookie')) return reply.send(value);
    try {
      body = reply.serialize(value) as string;
    } catch {
      // A value its schema refuses: Fastify's own serialisation reports it, as on any route.
      return reply.send(value);
    }
    store.set(answer.key, body, now, generation);
    return reply.header('content-type', JSON_TYPE).send(body);
  } finally {
    done(body);
  }
}
