import { describe, expect, it } from 'vitest';
import { queryTerms, stem, termsOf, weightedTerms } from './results.terms.js';

describe('results search terms', () => {
  it('segments Chinese into words, so 中国 is not a term of 发展中国家', () => {
    expect(termsOf('发展中国家的计量体系')).toEqual(['发展', '中', '国家', '计量', '体系']);
    expect(queryTerms('中国')).toEqual(['中国']);
    expect(termsOf('面向中国的计量')).toContain('中国');
  });

  it('indexes a run of lone characters ICU split (芯|片) by its pairs too; a query of two asks for the pair', () => {
    expect(termsOf('新型芯片设计')).toEqual(['新型', '芯', '片', '芯片', '设计']);
    expect(termsOf('三轴谱仪')).toEqual(['三', '轴', '谱', '仪', '三轴', '轴谱', '谱仪']);
    expect(queryTerms('芯片')).toEqual(['芯片']);
    expect(queryTerms('芯片 电池')).toEqual(['芯片', '电池']);
    // A longer run is words ICU does not know (中子 + 谱仪): asked for by its characters, as before.
    expect(queryTerms('中子谱仪')).toEqual(['中', '子', '谱', '仪']);
    // Punctuation between two characters ends the run.
    expect(queryTerms('芯、片')).toEqual(['芯', '片']);
    // A lone character beside ICU words gives no pair: 中国 is still not a term of 发展|中|国家.
    expect(termsOf('发展中国家')).not.toContain('中国');
    expect(queryTerms('中')).toEqual(['中']);
  });

  it('lower-cases and stems English lightly, drops stop words', () => {
    expect(termsOf('Laser-based Calibrations of Optical Fibres')).toEqual([
      'laser',
      'based',
      'calibration',
      'optical',
      'fibre',
    ]);
    expect(stem('batteries')).toBe('battery');
    expect(stem('processes')).toBe('process');
    expect(stem('glass')).toBe('glass');
  });

  it('indexes mixed text and full-width forms the same way as queries', () => {
    expect(termsOf('ＳＲＭ 2806 标准物质')).toEqual(['srm', '2806', '标准', '物质']);
    expect(queryTerms('标准物质 标准')).toEqual(['标准', '物质']);
  });

  it('weights titles above summaries and saturates repeats', () => {
    const w = new Map(
      weightedTerms([
        { text: '电压 基准', boost: 3 },
        { text: '电压 电压 电压 电压 测量', boost: 1 },
      ]).map((x) => [x.term, x.weight]),
    );
    expect(w.get('基准')).toBe(300);
    expect(w.get('测量')).toBe(100);
    // 3 (title) + 1 × saturated tf of 4 (≈ 1.69) — four repeats count less than one title mention twice
    expect(w.get('电压')).toBe(469);
  });
});
