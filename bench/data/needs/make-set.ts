/**
 * Writes bench/data/needs/labelled.json, the labelled bilingual needs set (how it is made:
 * bench/data/needs/README.md). Deterministic: `npx tsx bench/data/needs/make-set.ts` rewrites the same file.
 * Labels come from the topic design below, never from a matcher's scores.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NIST_RESULTS } from '../../../server/seed/demo-results.data.js';
import { TOPICS, type Topic } from './topics.js';

type Lang = 'zh' | 'en';
type Kind = 'technology' | 'service' | 'instrument' | 'unit' | 'expert';
type Facet = 'solution' | 'testing';

export interface SetCandidate {
  id: string;
  kind: Kind;
  lang: Lang;
  text: string;
  group: string;
  /** The topic it was written for (generated) or assigned to by hand (demo), if any. */
  topic: string | null;
  /** Demo items: the grade given by hand for their topic instead of the facet rule. */
  fixedGrade?: number;
}
export interface SetNeed {
  id: string;
  lang: Lang;
  topic: string;
  group: string;
  facet: Facet;
  title: string;
  problem: string;
}

/** What serves each facet: a need for a solution wants technologies and experts; a testing need, services and instruments. */
const SERVES: Record<Facet, Kind[]> = {
  solution: ['technology', 'expert'],
  testing: ['service', 'instrument'],
};

/** Graded relevance 0–3 of a candidate to a need (the labels). */
export function grade(n: SetNeed, c: SetCandidate): number {
  if (c.topic === n.topic) {
    if (c.fixedGrade !== undefined) return c.fixedGrade;
    return SERVES[n.facet].includes(c.kind) ? 3 : 2;
  }
  return c.group === n.group ? 1 : 0;
}

function candidatesOf(t: Topic, i: number): SetCandidate[] {
  const [p0, p1, p2] = t.phrases as [[string, string], [string, string], [string, string]];
  const alt: Lang = i % 2 === 0 ? 'zh' : 'en';
  const other: Lang = alt === 'zh' ? 'en' : 'zh';
  const c = (n: number, kind: Kind, lang: Lang, text: string): SetCandidate => ({
    id: `${t.key}-${n}`,
    kind,
    lang,
    text,
    group: t.group,
    topic: t.key,
  });
  const pick = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);
  return [
    c(
      1,
      'technology',
      'zh',
      `${t.zh}的${p1[0]}技术\n基于${p1[0]}与${p2[0]}的一体化工艺，已完成中试，可独占或普通许可。`,
    ),
    c(
      2,
      'technology',
      'en',
      `${p1[1]} for ${t.en}\nA licensable process that addresses ${p0[1]} using ${p1[1]}; piloted at scale.`,
    ),
    c(3, 'service', 'zh', `${p2[0]}服务\n依据国家标准开展${t.zh}相关的${p2[0]}，出具CMA检测报告。`),
    c(
      4,
      'service',
      'en',
      `${p2[1]} service\nAccredited ${p2[1]} for ${t.en}, with a test report under ISO/IEC 17025.`,
    ),
    c(
      5,
      'instrument',
      alt,
      pick(
        alt,
        `${p2[0]}平台\n用于${p2[0]}的专用设备，对企业开放机时。`,
        `${p2[1]} rig\nA dedicated rig for ${p2[1]}, machine hours open to companies.`,
      ),
    ),
    c(
      6,
      'unit',
      other,
      pick(
        other,
        `${t.zh}研究室\n从事${t.zh}的基础与应用研究。`,
        `${t.en} laboratory\nResearch on ${t.en}, from fundamentals to applications.`,
      ),
    ),
    c(7, 'expert', 'en', `Professor of ${t.en}: ${p0[1]} and ${p1[1]}; ten industrial projects.`),
    c(8, 'expert', 'zh', `研究员，长期从事${p1[0]}研究，主持${t.zh}方向的国家项目。`),
    c(
      9,
      'technology',
      other,
      pick(
        other,
        `${t.zh}新工艺\n${p2[0]}与${p0[0]}的联合改进方案。`,
        `Improved ${t.en} process\nCombines ${p2[1]} with work on ${p0[1]}.`,
      ),
    ),
  ];
}

function needsOf(t: Topic, i: number): SetNeed[] {
  const [p0] = t.phrases as [[string, string]];
  const zhFacet: Facet = i % 2 === 0 ? 'solution' : 'testing';
  const enFacet: Facet = zhFacet === 'solution' ? 'testing' : 'solution';
  return [
    {
      id: `need-${t.key}-zh`,
      lang: 'zh',
      topic: t.key,
      group: t.group,
      facet: zhFacet,
      title: zhFacet === 'solution' ? `寻求${p0[0]}问题的解决方案` : `寻求${p0[0]}相关的检测服务`,
      problem: `${t.problemZh}${zhFacet === 'solution' ? '希望引进成熟技术或与专家合作攻关。' : '希望找到能提供测试、测量和分析的机构。'}`,
    },
    {
      id: `need-${t.key}-en`,
      lang: 'en',
      topic: t.key,
      group: t.group,
      facet: enFacet,
      title: enFacet === 'solution' ? `Looking for a solution to ${p0[1]}` : `Testing needed on ${p0[1]}`,
      problem: `${t.problemEn} ${enFacet === 'solution' ? 'We want to license a proven technology or work with an expert.' : 'We want a lab that can test, measure and analyse it.'}`,
    },
  ];
}

/** NIST results of the demo catalog, split into a Chinese and an English item, with the topic given by hand. */
const DEMO_TOPICS: Record<string, { topic: string; fixedGrade?: number }> = {
  'Chip-scale atomic clock': { topic: 'timing' },
  'In-situ melt-pool monitoring for metal additive manufacturing': { topic: 'additive-ti' },
  'Security and Privacy Controls for Information Systems and Organizations (SP 800-53 Rev. 5)': {
    topic: 'cybersecurity',
    fixedGrade: 2,
  },
  'Advanced Encryption Standard (FIPS 197)': { topic: 'cybersecurity', fixedGrade: 1 },
  'NIST Special Database 19: handprinted forms and characters': { topic: 'nlp-docs', fixedGrade: 2 },
  'Graphene quantum Hall resistance arrays (internal assessment)': { topic: 'graphene', fixedGrade: 1 },
};
const GROUP_OF_FIELD: Record<string, string> = {
  electronics: 'electronics',
  manufacturing: 'manufacturing',
  environment: 'environment',
  materials: 'materials',
};

function demoCandidates(): SetCandidate[] {
  return NIST_RESULTS.flatMap((r, i) => {
    const group = GROUP_OF_FIELD[(r.fieldCodes?.[0] ?? '').split('.')[0]!] ?? 'other';
    const hand = DEMO_TOPICS[r.titleEn];
    const base = {
      kind: 'technology' as const,
      group,
      topic: hand?.topic ?? null,
      fixedGrade: hand?.fixedGrade,
    };
    const join = (...xs: (string | null | undefined)[]) => xs.filter(Boolean).join('\n');
    return [
      {
        ...base,
        id: `nist-${i}-zh`,
        lang: 'zh' as const,
        text: join(r.titleZh, r.summaryZh, r.problemZh, r.applicationsZh),
      },
      {
        ...base,
        id: `nist-${i}-en`,
        lang: 'en' as const,
        text: join(r.titleEn, r.summaryEn, r.problemEn, r.applicationsEn),
      },
    ];
  });
}

export function buildSet() {
  const candidates = [...TOPICS.flatMap(candidatesOf), ...demoCandidates()];
  const needs = TOPICS.flatMap(needsOf);
  const labels: Array<[needId: string, candidateId: string, grade: number]> = [];
  for (const n of needs)
    for (const c of candidates) {
      const g = grade(n, c);
      if (g > 0) labels.push([n.id, c.id, g]);
    }
  return { needs, candidates, labels };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'labelled.json');
  const set = buildSet();
  writeFileSync(out, `${JSON.stringify(set, null, 1)}\n`);
  console.log(
    `${set.needs.length} needs, ${set.candidates.length} candidates, ${set.labels.length} graded pairs > 0 → ${out}`,
  );
}
