import { bigrams, diceSimilarity, nameKey } from './orgs.names.js';
import type { DuplicateReason } from './orgs.schema.js';

/** Dice ≥ 0.8 catches an added or dropped word ("…新材料科技" vs "…新材料") yet not "清华大学" vs "北京大学". */
export const SIMILARITY_THRESHOLD = 0.8;
// A bigram shared by this many names ("北京", "科技") says little; skipping it keeps candidate
// generation near-linear. Pairs whose only overlap is such bigrams score low anyway.
const COMMON_BIGRAM = 200;

export interface Candidate {
  id: string;
  nameKey: string;
  nameEn: string | null;
  registryId: string | null;
  country: string;
}
export interface DuplicatePair {
  a: string;
  b: string;
  reason: DuplicateReason;
  similarity: number;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Candidate pairs by exact keys, registry ids and bigram similarity; each pair once, with its strongest reason. */
export function findDuplicatePairs(orgs: Candidate[], threshold = SIMILARITY_THRESHOLD): DuplicatePair[] {
  const found = new Map<string, DuplicatePair>();
  const add = (a: string, b: string, reason: DuplicateReason, similarity: number) => {
    const k = pairKey(a, b);
    if (!found.has(k)) found.set(k, { a: a < b ? a : b, b: a < b ? b : a, reason, similarity });
  };
  const sameValue = (value: (o: Candidate) => string | null, reason: DuplicateReason) => {
    const byValue = new Map<string, string[]>();
    for (const o of orgs) {
      const v = value(o);
      if (!v) continue;
      const ids = byValue.get(v);
      if (ids) ids.push(o.id);
      else byValue.set(v, [o.id]);
    }
    for (const ids of byValue.values()) {
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) add(ids[i]!, ids[j]!, reason, 1);
    }
  };
  sameValue((o) => o.nameKey, 'same_name');
  sameValue((o) => (o.nameEn ? nameKey(o.nameEn) : null), 'same_english_name');
  sameValue(
    (o) => (o.registryId ? `${o.country}:${o.registryId.trim().toUpperCase()}` : null),
    'same_registry_id',
  );
  for (const [a, b, similarity] of similarKeys(orgs, threshold)) add(a, b, 'similar_name', similarity);
  return [...found.values()];
}

function similarKeys(orgs: Candidate[], threshold: number): Array<[string, string, number]> {
  const grams = orgs.map((o) => bigrams(o.nameKey));
  const postings = new Map<string, number[]>();
  grams.forEach((set, i) => {
    for (const g of set) {
      const list = postings.get(g);
      if (list) list.push(i);
      else postings.set(g, [i]);
    }
  });
  const seen = new Set<string>();
  const out: Array<[string, string, number]> = [];
  for (const list of postings.values()) {
    if (list.length > COMMON_BIGRAM) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!;
        const j = list[y]!;
        const k = `${i}:${j}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const a = orgs[i]!;
        const b = orgs[j]!;
        if (a.nameKey === b.nameKey) continue;
        const s = diceSimilarity(a.nameKey, b.nameKey);
        if (s >= threshold) out.push([a.id, b.id, Math.round(s * 1000) / 1000]);
      }
    }
  }
  return out;
}

/** Connected components of the pairs: an org similar to two others puts all three in one group. */
export function groupPairs(pairs: DuplicatePair[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const { a, b } of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  }
  const groups = new Map<string, string[]>();
  for (const id of new Set(pairs.flatMap((p) => [p.a, p.b]))) {
    const r = find(id);
    groups.set(r, [...(groups.get(r) ?? []), id]);
  }
  return [...groups.values()].map((g) => g.sort());
}
