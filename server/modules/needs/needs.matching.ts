import type { MatchKind } from '../../../common/needs.js';
import type { AffinityModel } from '../review/engines/affinity/affinity.types.js';
import { analyze } from '../review/engines/affinity/analyze.js';
import { ENGLISH_STOP_WORDS, stem } from '../review/engines/affinity/english.js';
import { fieldOverlap } from '../review/engines/affinity/field-overlap.js';
import { DEFAULT_GLOSSARY, GLOSSARY_ENTRIES } from '../review/engines/affinity/glossary/index.js';
import { englishStems } from '../review/engines/affinity/glossary.js';
import { createBilingualModel, createTfidfWordModel } from '../review/engines/affinity/lexical-model.js';

/**
 * The matching engine of technology needs (docs/needs.md). It imports no database or HTTP code, so the
 * service and bench/needs-matching.bench.ts run the same ranking. Text similarity is the offline
 * bilingual affinity model of ADR 0008 (words, Chinese bigrams and the zh↔en concept glossary, TF-IDF
 * over the candidates), with the need as the item and each candidate as a one-document "expert".
 */

/** What can be matched: its text in whatever languages it has, and its field code paths. */
export interface MatchCandidate {
  kind: MatchKind;
  id: string;
  text: string;
  fieldPaths: readonly string[];
}

export interface MatchNeed {
  id: string;
  title: string;
  problem: string;
  fieldPaths: readonly string[];
}

/** Why a candidate matched: the strings to highlight on each side and the fields both name. */
export interface MatchReason {
  needTerms: string[];
  matchTerms: string[];
  fieldPaths: string[];
}

export interface RankedMatch {
  kind: MatchKind;
  id: string;
  score: number;
  reason: MatchReason;
}

export interface MatchOptions {
  /** `bilingual` (default) or the plain word TF-IDF baseline the bench compares against. */
  model?: 'bilingual' | 'tfidf';
  /** Share of the score given to field overlap (the rest is text similarity). */
  fieldWeight?: number;
  /** Candidates scoring below this are not matches. */
  minScore?: number;
  limit?: number;
  /** Skip the reasons (the bench ranks thousands of pairs and needs only the order). */
  withReasons?: boolean;
}

export const MATCH_DEFAULTS: { fieldWeight: number; minScore: number; limit: number } = {
  fieldWeight: 0.2,
  minScore: 0.05,
  limit: 20,
};

const glossaryOpts = { glossary: DEFAULT_GLOSSARY, bigramWeight: 0 };

/** Every concept's surface terms, to find where a shared concept is written on each side. */
const CONCEPT_TERMS: Map<string, string[]> = new Map(
  GLOSSARY_ENTRIES.map(([id, zh, en]) => [id, [...zh.split('|'), ...en.split('|')].filter(Boolean)]),
);

/** Best overlap of any need field with the candidate's fields (1 same or nested, 0.5 same top field). */
function fieldScore(need: readonly string[], cand: readonly string[]): number {
  let best = 0;
  for (const f of need) best = Math.max(best, fieldOverlap(cand, f));
  return best;
}

/** Ranks candidates for one need, best first; ties by kind then id so the order is reproducible. */
export function rankMatches(
  need: MatchNeed,
  candidates: readonly MatchCandidate[],
  options: MatchOptions = {},
): RankedMatch[] {
  const model = prepared(candidates, options.model ?? 'bilingual');
  return rankWith(model, need, candidates, options);
}

/** A model prepared once over a candidate pool, for ranking many needs against it (the bench). */
export function prepared(candidates: readonly MatchCandidate[], kind: 'bilingual' | 'tfidf'): PreparedPool {
  const model: AffinityModel =
    kind === 'tfidf' ? createTfidfWordModel() : createBilingualModel({ fieldBonus: 0, bigramWeight: 0.5 });
  const experts = candidates.map((c) => ({ id: `${c.kind}:${c.id}`, expertise: c.text, outputs: [] }));
  model.prepare(experts);
  return { model, experts, kind };
}

export interface PreparedPool {
  model: AffinityModel;
  experts: { id: string; expertise: string; outputs: never[] }[];
  kind: 'bilingual' | 'tfidf';
}

/** Ranks the pool's candidates for a need with an already prepared model. */
export function rankWith(
  pool: PreparedPool,
  need: MatchNeed,
  candidates: readonly MatchCandidate[],
  options: MatchOptions = {},
): RankedMatch[] {
  const fieldWeight = pool.kind === 'tfidf' ? 0 : (options.fieldWeight ?? MATCH_DEFAULTS.fieldWeight);
  const minScore = options.minScore ?? MATCH_DEFAULTS.minScore;
  const item = { id: need.id, title: need.title, summary: need.problem };
  const scored: { c: MatchCandidate; score: number }[] = [];
  candidates.forEach((c, i) => {
    const text = pool.model.score(pool.experts[i]!, item);
    const score = (1 - fieldWeight) * text + fieldWeight * fieldScore(need.fieldPaths, c.fieldPaths);
    if (score >= minScore) scored.push({ c, score });
  });
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (a.c.kind < b.c.kind ? -1 : a.c.kind > b.c.kind ? 1 : 0) ||
      (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0),
  );
  const top = scored.slice(0, options.limit ?? MATCH_DEFAULTS.limit);
  const needText = `${need.title}\n${need.problem}`;
  return top.map(({ c, score }) => ({
    kind: c.kind,
    id: c.id,
    score: Math.round(score * 10_000) / 10_000,
    reason:
      options.withReasons === false
        ? { needTerms: [], matchTerms: [], fieldPaths: [] }
        : explain(needText, need.fieldPaths, c.text, c.fieldPaths),
  }));
}

/**
 * The reason shown with a match: words both texts use (Chinese words, English words by stem) and
 * glossary concepts both name, in whichever language each side writes it (纳米涂层 ↔ "nano coating"),
 * as the strings found in each text so the web can highlight them; and the fields both carry.
 */
export function explain(
  needText: string,
  needFields: readonly string[],
  matchText: string,
  matchFields: readonly string[],
): MatchReason {
  const a = analyze(needText, glossaryOpts);
  const b = analyze(matchText, glossaryOpts);
  const needTerms = new Set<string>();
  const matchTerms = new Set<string>();
  for (const id of a.concepts.keys()) {
    if (!b.concepts.has(id)) continue;
    for (const t of surfaceOfConcept(needText, id)) needTerms.add(t);
    for (const t of surfaceOfConcept(matchText, id)) matchTerms.add(t);
  }
  for (const key of a.words.keys()) {
    if (!b.words.has(key) || !key.startsWith('w:')) continue;
    const w = key.slice(2);
    for (const t of surfaceOfWord(needText, w)) needTerms.add(t);
    for (const t of surfaceOfWord(matchText, w)) matchTerms.add(t);
  }
  const fields = needFields.filter((f) => fieldOverlap(matchFields, f) === 1);
  return { needTerms: dropContained(needTerms), matchTerms: dropContained(matchTerms), fieldPaths: fields };
}

/** The glossary terms of a concept that occur in the text, as written there. */
function surfaceOfConcept(text: string, conceptId: string): string[] {
  const norm = text.normalize('NFKC');
  const lower = norm.toLowerCase();
  const out: string[] = [];
  for (const term of CONCEPT_TERMS.get(conceptId) ?? []) {
    if (/\p{Script=Han}/u.test(term)) {
      const at = lower.indexOf(term.toLowerCase());
      if (at >= 0) out.push(norm.slice(at, at + term.length));
    } else {
      // English terms match by stems, as the glossary does: "coatings" is written where "coating" is listed.
      const want = englishStems(term);
      out.push(...englishRunsMatching(norm, want));
    }
  }
  return out;
}

/**
 * A Chinese word as it stands, or the English words of the text whose stem is `w`. A single Chinese
 * character is no reason: the segmenter leaves the characters of unknown words alone (遮挡 gives 遮 and
 * 挡), which still count in the score but read as noise when shown; words and glossary terms remain.
 */
function surfaceOfWord(text: string, w: string): string[] {
  const norm = text.normalize('NFKC');
  if (/\p{Script=Han}/u.test(w)) return [...w].length > 1 && norm.toLowerCase().includes(w) ? [w] : [];
  if (ENGLISH_STOP_WORDS.has(w)) return [];
  return englishRunsMatching(norm, [w]);
}

/** Phrases of consecutive English words of `text` whose stems are `stems`, as written. */
function englishRunsMatching(text: string, stems: readonly string[]): string[] {
  if (stems.length === 0) return [];
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].filter((m) => !/\p{Script=Han}/u.test(m[0]));
  const out: string[] = [];
  for (let i = 0; i + stems.length <= words.length; i++) {
    let ok = true;
    for (let k = 0; k < stems.length && ok; k++) ok = stem(words[i + k]![0].toLowerCase()) === stems[k];
    if (!ok) continue;
    const first = words[i]!;
    const last = words[i + stems.length - 1]!;
    out.push(text.slice(first.index, last.index + last[0].length));
  }
  return out;
}

/** Keeps the longest strings: "solar" is dropped where "solar cell" is already highlighted. */
function dropContained(terms: Set<string>): string[] {
  const list = [...terms].sort((x, y) => y.length - x.length || (x < y ? -1 : 1));
  const kept: string[] = [];
  for (const t of list) if (!kept.some((k) => k.toLowerCase().includes(t.toLowerCase()))) kept.push(t);
  return kept;
}
