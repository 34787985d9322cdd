import { queryTerms, termsOf, weightedTerms } from '../../server/modules/results/results.terms.js';
import { seededRandom } from './fixture.js';

/**
 * A synthetic bilingual results catalog for public-search-1m: each record's titles and summaries are
 * words of a fixed technical vocabulary, drawn with a skew (the first words are in about one record in
 * ten, as 芯片 and 电池 would be in a real catalog). Words are joined by 、 (Chinese) and spaces (English),
 * so a record's index terms are the union of its words' terms as results.terms.ts gives them; the
 * generator uses that instead of segmenting a million texts, and `sampleMismatch` checks it against
 * `weightedTerms` on a sample.
 */
export const ZH_WORDS =
  '芯片 电池 材料 激光 传感器 机器人 算法 模型 储能 氢能 光伏 数据 能源 电机 控制 检测 装置 方法 系统 工艺 涂层 合金 陶瓷 纤维 薄膜 催化剂 疫苗 药物 诊断 基因 蛋白 细胞 农业 种子 土壤 水处理 环境 监测 通信 网络 天线 雷达 卫星 导航 时钟 测量 精密 仪器 显微镜 光谱 标准 软件 平台 云计算 芯粒 封装 晶圆 半导体 电子 光学 声学 振动 噪声 结构 桥梁 隧道 建筑 混凝土 钢材 焊接 铸造 锻造 加工 刀具 机床 轴承 齿轮 发动机 汽车 电动 充电 电网 变压器 电缆 风电 核电 燃料 石油 天然气 煤炭 化工 塑料 橡胶 纺织 造纸 食品 饮料 医疗 康复 影像 超声 磁共振 手术 器械'.split(
    ' ',
  );
export const EN_WORDS =
  'chip battery material laser sensor robot algorithm model storage hydrogen solar data energy motor control detection device method system process coating alloy ceramic fiber film catalyst vaccine drug diagnosis gene protein cell agriculture seed soil water environment monitoring communication network antenna radar satellite navigation clock measurement precision instrument microscope spectrum standard software platform cloud package wafer semiconductor electronic optical acoustic vibration noise structure bridge tunnel building concrete steel welding casting forging machining tool lathe bearing gear engine vehicle electric charging grid transformer cable wind nuclear fuel oil gas coal chemical plastic rubber textile paper food beverage medical rehabilitation imaging ultrasound magnetic surgery'.split(
    ' ',
  );

/** Word slots per record: Chinese title, English title, Chinese summary, English summary. */
const FIELDS = [
  { lang: 'zh', words: 2, boost: 3, sep: '、' },
  { lang: 'en', words: 2, boost: 3, sep: ' ' },
  { lang: 'zh', words: 3, boost: 1, sep: '、' },
  { lang: 'en', words: 3, boost: 1, sep: ' ' },
] as const;
export const SLOTS = FIELDS.reduce((a, f) => a + f.words, 0);

export interface Corpus {
  n: number;
  /** Word ids, SLOTS per record (Chinese words 0…, English words offset by ZH_WORDS.length). */
  slots: Uint16Array;
  /** Every tenth record is internal: the portal must not find it. */
  isPublic: (i: number) => boolean;
  id: (i: number) => string;
  texts: (i: number) => { title_zh: string; title_en: string; summary_zh: string; summary_en: string };
  /** The index rows of record i, as reindexResult would write them. */
  terms: (i: number) => Array<{ term: string; weight: number }>;
}

const words = [...ZH_WORDS, ...EN_WORDS];
const wordTerms = words.map((w) => termsOf(w));

export function makeCorpus(n: number): Corpus {
  const rnd = seededRandom(16);
  const slots = new Uint16Array(n * SLOTS);
  const pick = (len: number) => Math.floor(len * rnd() ** 2);
  for (let i = 0; i < n; i++) {
    let s = i * SLOTS;
    for (const f of FIELDS)
      for (let k = 0; k < f.words; k++)
        slots[s++] = f.lang === 'zh' ? pick(ZH_WORDS.length) : ZH_WORDS.length + pick(EN_WORDS.length);
  }
  const fieldWords = (i: number) => {
    let s = i * SLOTS;
    return FIELDS.map((f) => Array.from({ length: f.words }, () => slots[s++]!));
  };
  const saturate = (tf: number) => (tf * 2.2) / (tf + 1.2);
  return {
    n,
    slots,
    isPublic: (i) => i % 10 !== 9,
    id: (i) => `r${String(i).padStart(7, '0')}`,
    texts(i) {
      const [tz, te, sz, se] = fieldWords(i).map((ws, f) => ws.map((w) => words[w]).join(FIELDS[f]!.sep));
      return { title_zh: tz!, title_en: te!, summary_zh: sz!, summary_en: se! };
    },
    terms(i) {
      const score = new Map<string, number>();
      fieldWords(i).forEach((ws, f) => {
        const tf = new Map<string, number>();
        for (const w of ws) for (const t of wordTerms[w]!) tf.set(t, (tf.get(t) ?? 0) + 1);
        for (const [t, c] of tf) score.set(t, (score.get(t) ?? 0) + saturate(c) * FIELDS[f]!.boost);
      });
      return [...score].map(([term, s]) => ({ term, weight: Math.max(1, Math.round(s * 100)) }));
    },
  };
}

/** Records among the first `sample` whose fast terms differ from weightedTerms on their texts (should be none). */
export function sampleMismatch(c: Corpus, sample: number): number[] {
  const bad: number[] = [];
  const key = (ts: Array<{ term: string; weight: number }>) =>
    ts
      .map((t) => `${t.term}:${t.weight}`)
      .sort()
      .join(' ');
  for (let i = 0; i < Math.min(sample, c.n); i++) {
    const t = c.texts(i);
    const slow = weightedTerms([
      { text: t.title_zh, boost: 3 },
      { text: t.title_en, boost: 3 },
      { text: t.summary_zh, boost: 1 },
      { text: t.summary_en, boost: 1 },
    ]);
    if (key(slow) !== key(c.terms(i))) bad.push(i);
  }
  return bad;
}

/**
 * The queries: one and two words, Chinese and English, drawn with the same skew as the records (so common
 * words are asked for most), and 芯片 and 电池 (two-character words ICU may split) always among them.
 */
export function makeQueries(count: number): Array<{ q: string; kind: string }> {
  const rnd = seededRandom(61);
  const pick = (ws: string[]) => ws[Math.floor(ws.length * rnd() ** 2)]!;
  const out = [
    { q: '芯片', kind: 'zh 1' },
    { q: '电池', kind: 'zh 1' },
    { q: '芯片 电池', kind: 'zh 2' },
  ];
  for (let k = out.length; k < count; k++) {
    const zh = k % 2 === 0;
    const two = k % 4 >= 2;
    const ws = zh ? ZH_WORDS : EN_WORDS;
    const q = two ? `${pick(ws)} ${pick(ws)}` : pick(ws);
    out.push({ q, kind: `${zh ? 'zh' : 'en'} ${two ? 2 : 1}` });
  }
  return out;
}

/**
 * The exhaustive answer: every public record holding all the query's terms, scored as searchResults
 * scores (Σ weight × idf over the public set), best first, ties by search number descending (the order
 * of loading, which is the ids' order here); total and first page.
 */
export function scan(c: Corpus, q: string, pageSize: number): { total: number; page: string[] } {
  const terms = queryTerms(q);
  if (terms.length === 0) return { total: 0, page: [] };
  // Which words carry each term.
  const carriers = terms.map((t) => {
    const has = new Uint8Array(words.length);
    wordTerms.forEach((ts, w) => {
      has[w] = ts.filter((x) => x === t).length;
    });
    return has;
  });
  const df = terms.map(() => 0);
  const matches: number[] = [];
  let nPublic = 0;
  for (let i = 0; i < c.n; i++) {
    if (!c.isPublic(i)) continue;
    nPublic++;
    const base = i * SLOTS;
    let all = true;
    for (let t = 0; t < terms.length; t++) {
      let found = false;
      for (let s = 0; s < SLOTS && !found; s++) if (carriers[t]![c.slots[base + s]!]) found = true;
      if (found) df[t]!++;
      else all = false;
    }
    if (all) matches.push(i);
  }
  if (df.some((d) => d === 0)) return { total: 0, page: [] };
  const idf = df.map((d) => Math.round(Math.log(1 + (nPublic - d + 0.5) / (d + 0.5)) * 1000) + 1);
  // A term's weight in a record, as makeCorpus's terms() computes it, without building the record's map.
  const weight = (i: number, t: number) => {
    let s = 0;
    let slot = i * SLOTS;
    for (const f of FIELDS) {
      let tf = 0;
      for (let k = 0; k < f.words; k++) tf += carriers[t]![c.slots[slot++]!]!;
      if (tf) s += ((tf * 2.2) / (tf + 1.2)) * f.boost;
    }
    return s ? Math.max(1, Math.round(s * 100)) : 0;
  };
  const scored = matches.map((i) => ({
    id: c.id(i),
    score: terms.reduce((a, _t, k) => a + weight(i, k) * idf[k]!, 0),
  }));
  scored.sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : -1));
  return { total: matches.length, page: scored.slice(0, pageSize).map((s) => s.id) };
}
