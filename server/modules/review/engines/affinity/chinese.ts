// Chinese tokenisation: ICU word segmentation (Node ships full ICU) plus character bigrams. ICU splits
// too finely (新/能源, 海上/风/电), and bigrams are the recall net for words it breaks
// (reference/performance-and-reliability.md §2.3, T1).

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

// Function words only: content words, however common (研究, 技术), are left to IDF to down-weight.
const STOP =
  '的 了 和 与 及 或 在 对 等 为 是 以 其 将 并 由 于 中 上 下 之 及其 以及 通过 采用 基于 进行 开展 用于 面向 针对 一种 一个 这 该 各 个 其中 并且 而 从 到 把 被 所 使 也 又 还 已 可 能 会 不 无 非 后 前 内 外 间 时 可以 我们 本 此 之间';

/** Chinese function words dropped from word tokens. */
export const CHINESE_STOP_WORDS: ReadonlySet<string> = new Set(STOP.split(' '));

/** True for a run of Han characters. */
export const HAN_RUN = /\p{Script=Han}+/u;

/** Word-like segments of a run of Han characters, without function words. */
export function chineseWords(run: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(run)) {
    if (s.isWordLike && !CHINESE_STOP_WORDS.has(s.segment)) out.push(s.segment);
  }
  return out;
}

/** Overlapping character bigrams of a run of Han characters (none for a single character). */
export function chineseBigrams(run: string): string[] {
  const chars = Array.from(run);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}
