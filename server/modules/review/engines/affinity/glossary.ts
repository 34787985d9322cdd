import { stem } from './english.js';

/**
 * One concept of the bilingual glossary: `[id, Chinese terms, English terms, broader ids?]`, terms
 * separated by `|`. Both languages map to the id, which is how a Chinese proposal meets an English
 * profile. `broader` concepts are emitted too, at half weight (a "solar cell" is also "photovoltaics").
 */
export type GlossaryEntry = readonly [id: string, zh: string, en: string, broader?: string];

/** Concept occurrences found in a text: concept id → weight. */
export type ConceptCounts = Map<string, number>;

/** A compiled glossary: longest-match lookup of Chinese terms and of stemmed English phrases. */
export interface Glossary {
  readonly size: number;
  /** Concepts of the Chinese terms found in `text` (already NFKC + lower-cased). */
  matchChinese(text: string, into: ConceptCounts): void;
  /** Concepts of the English phrases found in one run of stemmed words. */
  matchEnglish(stems: readonly string[], into: ConceptCounts): void;
}

/** Splits an English phrase the way the analyser splits running text, then stems each word. */
export function englishStems(phrase: string): string[] {
  return phrase
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(stem);
}

/** Compiles glossary entries; throws on a duplicate id so two files cannot silently collide. */
export function compileGlossary(entries: readonly GlossaryEntry[]): Glossary {
  const zh = new Map<string, { term: string; id: string }[]>();
  const en = new Map<string, string>();
  const broader = new Map<string, string[]>();
  let maxPhrase = 1;
  const ids = new Set<string>();
  for (const [id, zhTerms, enTerms, wider] of entries) {
    if (ids.has(id)) throw new Error(`glossary: duplicate concept id ${id}`);
    ids.add(id);
    if (wider) broader.set(id, wider.split('|'));
    for (const raw of zhTerms.split('|').filter(Boolean)) {
      const term = raw.normalize('NFKC').toLowerCase();
      const first = term[0]!;
      const list = zh.get(first) ?? [];
      list.push({ term, id });
      zh.set(first, list);
    }
    for (const raw of enTerms.split('|').filter(Boolean)) {
      const key = englishStems(raw).join(' ');
      if (!key) continue;
      // First entry wins: a later, more general concept must not steal a phrase.
      if (!en.has(key)) en.set(key, id);
      maxPhrase = Math.max(maxPhrase, key.split(' ').length);
    }
  }
  // Longest term first, so 太阳能电池 wins over 太阳能 at the same position (forward maximum matching).
  for (const list of zh.values())
    list.sort((a, b) => b.term.length - a.term.length || (a.term < b.term ? -1 : 1));

  const add = (into: ConceptCounts, id: string) => {
    into.set(id, (into.get(id) ?? 0) + 1);
    for (const b of broader.get(id) ?? []) into.set(b, (into.get(b) ?? 0) + 0.5);
  };

  return {
    size: ids.size,
    matchChinese(text, into) {
      let i = 0;
      while (i < text.length) {
        const hit = zh.get(text[i]!)?.find((c) => text.startsWith(c.term, i));
        if (hit) {
          add(into, hit.id);
          i += hit.term.length;
        } else i++;
      }
    },
    matchEnglish(stems, into) {
      let i = 0;
      while (i < stems.length) {
        let matched = 0;
        for (let n = Math.min(maxPhrase, stems.length - i); n >= 1; n--) {
          const id = en.get(stems.slice(i, i + n).join(' '));
          if (id) {
            add(into, id);
            matched = n;
            break;
          }
        }
        i += matched || 1;
      }
    },
  };
}
