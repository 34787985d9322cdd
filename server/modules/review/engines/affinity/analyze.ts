import { CHINESE_STOP_WORDS, chineseBigrams, chineseWords } from './chinese.js';
import { ENGLISH_STOP_WORDS, stem } from './english.js';
import type { ConceptCounts, Glossary } from './glossary.js';

/** What the analyser extracts from one text. */
export interface Analysis {
  /** Word tokens: `w:` + Chinese word or English stem, `b:` + Chinese character bigram. */
  words: Map<string, number>;
  /** Glossary concept ids (language-neutral). */
  concepts: ConceptCounts;
  /** Word tokens that were Chinese / English, to tell which languages a text is written in. */
  zhWords: number;
  enWords: number;
}

/** How to analyse: which glossary (none for a plain word model) and the weight of a bigram. */
export interface AnalyzeOptions {
  glossary: Glossary | null;
  bigramWeight: number;
}

// A Han run, or a run of non-Han letters/digits joined by spaces, hyphens, slashes or apostrophes.
// Punctuation ends a Latin run so that glossary phrases never match across a comma or a full stop.
const RUNS =
  /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:[\s\-/'’]+(?:(?!\p{Script=Han})[\p{L}\p{N}])+)*)/gu;

/** Empty analysis to accumulate into. */
export function emptyAnalysis(): Analysis {
  return { words: new Map(), concepts: new Map(), zhWords: 0, enWords: 0 };
}

/** Tokenises `text` (Chinese, English or mixed) into `into`; returns it. */
export function analyze(text: string, opts: AnalyzeOptions, into: Analysis = emptyAnalysis()): Analysis {
  const norm = text.normalize('NFKC').toLowerCase();
  const bump = (key: string, by: number) => into.words.set(key, (into.words.get(key) ?? 0) + by);
  opts.glossary?.matchChinese(norm, into.concepts);
  for (const m of norm.matchAll(RUNS)) {
    if (m[1]) {
      for (const w of chineseWords(m[1])) {
        bump(`w:${w}`, 1);
        into.zhWords++;
      }
      if (opts.bigramWeight > 0) {
        for (const b of chineseBigrams(m[1])) {
          if (!CHINESE_STOP_WORDS.has(b[0]!) || !CHINESE_STOP_WORDS.has(b[1]!))
            bump(`b:${b}`, opts.bigramWeight);
        }
      }
    } else if (m[2]) {
      const raw = m[2].split(/[\s\-/'’]+/).filter(Boolean);
      const stems = raw.map(stem);
      opts.glossary?.matchEnglish(stems, into.concepts);
      for (const [i, s] of stems.entries()) {
        // Single letters and bare numbers (years, percentages, temperatures) say nothing about a topic.
        if (s.length < 2 || /^\d+$/.test(s) || ENGLISH_STOP_WORDS.has(raw[i]!) || ENGLISH_STOP_WORDS.has(s))
          continue;
        bump(`w:${s}`, 1);
        into.enWords++;
      }
    }
  }
  return into;
}
