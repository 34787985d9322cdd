/**
 * The one tokenizer of the results search: records and queries go through the same function, so a query
 * term can only match a term the index holds (docs/adr/0009-portable-bilingual-search.md).
 *
 * Chinese is segmented into words by ICU (`Intl.Segmenter('zh', {granularity: 'word'})`), which ships with
 * Node: a two-character query such as 中国 finds records whose text has the word 中国, not records where
 * 中 and 国 only meet across a word boundary (发展|中|国家). Latin text is lower-cased and stemmed lightly
 * (plural and possessive endings), so "calibrations" finds "calibration".
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const EN_STOP = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);
const ZH_STOP = new Set(['的', '了', '和', '与', '及', '或', '在', '是', '为', '对', '其', '等', '之']);
const HAN = /\p{Script=Han}/u;
const MAX_TERM = 64;

/** Light English stemming: enough to join singular and plural, not a Porter stemmer. */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(sses|xes|ches|shes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** A word of one Han character that is not a stop word: ICU's split of a word it does not know (芯|片). */
const isLoneHan = (term: string) => HAN.test(term) && [...term].length === 1 && !ZH_STOP.has(term);

/**
 * The terms of one chunk. Runs of lone Han characters with nothing between them (ICU splits 芯片 into
 * 芯|片) also give their adjacent pairs as terms (芯片), so a two-character word ICU does not know is one
 * term of the index, as ICU's own words are (ADR 0040); every lone character stays a term too. A query
 * asks for a run of exactly two by its pair (芯片: the characters side by side, one posting list); a
 * longer run is several words ICU does not know (中|子|谱|仪 is 中子 + 谱仪, and 子谱 is no word), so it is
 * asked for by its characters, as before. A lone character not in a run (发展|中|国家) gives no pair,
 * so 中国 still does not match across ICU's word boundaries.
 */
function chunkTerms(chunk: string, forQuery: boolean, out: string[]): void {
  let run: string[] = [];
  const flush = () => {
    if (forQuery) out.push(...(run.length === 2 ? [run.join('')] : run));
    else {
      out.push(...run);
      for (let k = 1; k < run.length; k++) out.push(run[k - 1]! + run[k]!);
    }
    run = [];
  };
  for (const s of segmenter.segment(chunk)) {
    if (!s.isWordLike) {
      flush();
      continue;
    }
    const raw = s.segment.toLowerCase();
    if (isLoneHan(raw)) {
      run.push(raw);
      continue;
    }
    flush();
    for (const part of HAN.test(raw) ? [raw] : raw.split(/['’]/)) {
      if (!part) continue;
      const term = HAN.test(part) ? part : stem(part.replace(/'s$/, ''));
      if (term.length === 0 || term.length > MAX_TERM) continue;
      if (EN_STOP.has(term) || ZH_STOP.has(term)) continue;
      out.push(term);
    }
  }
  flush();
}

const chunksOf = (text: string) => text.normalize('NFKC').split(/[\n\r。！？；!?;]+/);

/**
 * Splits text into index terms, in order, with repeats. Per sentence-sized chunk: ICU gets slow on one
 * very long string, so the text is cut at line breaks and sentence punctuation first.
 */
export function termsOf(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const chunk of chunksOf(text)) chunkTerms(chunk, false, out);
  return out;
}

/** The distinct terms of a search query, in order of appearance (two lone characters as their pair). */
export function queryTerms(q: string | undefined): string[] {
  if (!q) return [];
  const out: string[] = [];
  for (const chunk of chunksOf(q)) chunkTerms(chunk, true, out);
  return [...new Set(out)].slice(0, 12);
}

/** BM25's term-frequency saturation (k1 = 1.2), scaled to an integer weight. */
const saturate = (tf: number) => (tf * 2.2) / (tf + 1.2);

/**
 * The weight of each term in one record: per field, saturated term frequency times the field's boost
 * (titles count triple), summed over fields and stored as an integer (× 100).
 */
export function weightedTerms(fields: Array<{ text: string | null | undefined; boost: number }>) {
  const score = new Map<string, number>();
  for (const { text, boost } of fields) {
    const tf = new Map<string, number>();
    for (const t of termsOf(text)) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) score.set(t, (score.get(t) ?? 0) + saturate(n) * boost);
  }
  return [...score].map(([term, s]) => ({ term, weight: Math.max(1, Math.round(s * 100)) }));
}

/** The columns of a result the search indexes, with their boosts (titles and identifiers count triple). */
export const INDEXED_COLUMNS = [
  ['title_zh', 3],
  ['title_en', 3],
  ['identifier', 3],
  ['summary_zh', 1],
  ['summary_en', 1],
  ['authors', 1],
  ['problem_zh', 1],
  ['problem_en', 1],
  ['advantage_zh', 1],
  ['advantage_en', 1],
  ['economics_zh', 1],
  ['economics_en', 1],
  ['applications_zh', 1],
  ['applications_en', 1],
  ['ip_status_zh', 1],
  ['ip_status_en', 1],
] as const;

type IndexedText = { [C in (typeof INDEXED_COLUMNS)[number][0]]: string | null };

/** A result's weighted terms, from its indexed columns. */
export const resultTerms = (r: IndexedText) =>
  weightedTerms(INDEXED_COLUMNS.map(([column, boost]) => ({ text: r[column], boost })));
