import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import { chineseBigrams, chineseWords } from './chinese.js';
import { foldSpelling, stem } from './english.js';
import { DEFAULT_GLOSSARY } from './glossary/index.js';
import { createBilingualModel } from './lexical-model.js';

const words = (text: string) => [...analyze(text, { glossary: null, bigramWeight: 0 }).words.keys()];
const concepts = (text: string) => [
  ...analyze(text, { glossary: DEFAULT_GLOSSARY, bigramWeight: 0 }).concepts.keys(),
];

describe('Chinese tokenisation', () => {
  it('segments words with ICU (Node ships full ICU), not characters or fixed n-grams', () => {
    expect(chineseWords('研究生培养质量')).toEqual(['研究生', '培养', '质量']);
    expect(chineseWords('研究生命起源')).toEqual(['研究', '生命', '起源']);
    // Function words are dropped, content words stay.
    expect(chineseWords('材料的强度与韧性')).toEqual(['材料', '强度', '韧性']);
  });

  it('adds character bigrams as a recall net for words ICU splits', () => {
    expect(chineseBigrams('海上风电')).toEqual(['海上', '上风', '风电']);
    expect(chineseBigrams('风')).toEqual([]);
  });

  it('matches a query word where the text has it as a word, not where it is only a substring', () => {
    expect(words('研究生培养质量')).toContain('w:研究生');
    expect(words('研究生命起源')).not.toContain('w:研究生');
    const model = createBilingualModel({ glossary: null, fieldBonus: 0 });
    const expert = { id: 'q', expertise: '研究生', outputs: [] };
    model.prepare([expert, { id: 'o', expertise: '物理 化学', outputs: [] }]);
    const asWord = model.score(expert, { id: 'a', title: '研究生培养质量', summary: '' });
    const asSubstring = model.score(expert, { id: 'b', title: '研究生命起源', summary: '' });
    expect(asWord).toBeGreaterThan(asSubstring);
    // The bigrams still give the substring text some credit: recall is not lost entirely.
    expect(asSubstring).toBeGreaterThan(0);
  });

  it('reads mixed Chinese–English text as both languages', () => {
    const a = analyze('大规模MIMO天线阵列', { glossary: DEFAULT_GLOSSARY, bigramWeight: 0.5 });
    expect([...a.words.keys()]).toEqual(expect.arrayContaining(['w:mimo', 'w:天线', 'b:阵列', 'b:天线']));
    expect(a.concepts.has('massive_mimo')).toBe(true);
    expect(a.zhWords).toBeGreaterThan(0);
    expect(a.enWords).toBe(1);
  });
});

describe('English tokenisation', () => {
  it('lower-cases, drops stop words and numbers, and merges inflections', () => {
    expect(words('The Coatings of 550 Batteries were coated')).toEqual(['w:coat', 'w:battery']);
    expect(stem('printing')).toBe(stem('printed'));
    expect(stem('alloys')).toBe('alloy');
    expect(stem('processes')).toBe('process');
  });

  it('folds British spellings to American ones', () => {
    expect(foldSpelling('optimisation')).toBe('optimization');
    expect(stem('fibre')).toBe(stem('fiber'));
    expect(stem('aluminium')).toBe(stem('aluminum'));
    expect(stem('vapour')).toBe(stem('vapor'));
  });
});

describe('bilingual glossary', () => {
  it('maps Chinese and English terms to the same concept', () => {
    expect(concepts('海上风电')).toContain('offshore_wind');
    expect(concepts('Offshore wind farms')).toContain('offshore_wind');
    expect(concepts('激光选区熔化')).toContain('lpbf');
    expect(concepts('selective laser melting of Ti-6Al-4V')).toEqual(
      expect.arrayContaining(['lpbf', 'titanium_alloy']),
    );
  });

  it('prefers the longest term, so a solar cell is not a battery', () => {
    expect(concepts('钙钛矿太阳能电池')).toEqual(
      expect.arrayContaining(['perovskite', 'solar_cell', 'photovoltaic']),
    );
    expect(concepts('钙钛矿太阳能电池')).not.toContain('battery');
    expect(concepts('perovskite solar cells')).not.toContain('battery');
  });

  it('keeps same-word terms of different fields apart (hard negatives)', () => {
    expect(concepts('recycling of tissue paper sludge')).toContain('paper_pulp');
    expect(concepts('recycling of tissue paper sludge')).not.toContain('tissue_engineering');
    expect(concepts('柔性制造系统调度')).toContain('fms');
    expect(concepts('柔性制造系统调度')).not.toContain('flexible_electronics');
    expect(concepts('3D生物打印血管化支架')).toContain('bioprinting');
    expect(concepts('3D生物打印血管化支架')).not.toContain('additive_manufacturing');
  });

  it('does not match a phrase across punctuation', () => {
    expect(concepts('solar cell')).toContain('solar_cell');
    expect(concepts('solar, cell')).not.toContain('solar_cell');
  });

  it('holds a few hundred concepts, covering every seeded field and sub-technology', () => {
    expect(DEFAULT_GLOSSARY.size).toBeGreaterThanOrEqual(300);
    for (const zh of [
      '太阳能热发电',
      '海上风电设计',
      '复合材料',
      '轻量化材料',
      '再制造',
      '3D打印',
      '轻金属',
      '5G通信',
      '柔性电子',
      '人脑研究',
      '生物组织制造',
    ]) {
      expect(concepts(zh).length, zh).toBeGreaterThan(0);
    }
  });
});
