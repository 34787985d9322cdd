import { describe, expect, it } from 'vitest';
import * as common from '../../common/platforms.js';
import * as web from './labels.js';

describe('web labels of platforms, units and the committee', () => {
  it('are the English labels of common/platforms.ts, so the server and the UI name things alike', () => {
    expect(web.RATING_LABELS).toEqual(common.RATING_LABELS);
    expect(web.FUNDING_SOURCE_LABELS).toEqual(common.FUNDING_SOURCE_LABELS);
    expect(web.UNIT_KIND_LABELS).toEqual(common.UNIT_KIND_LABELS);
    expect(web.STAFF_POSITION_LABELS).toEqual(common.STAFF_POSITION_LABELS);
    expect(web.COMMITTEE_CATEGORY_LABELS).toEqual(common.COMMITTEE_CATEGORY_LABELS);
  });

  it('give every source and category a colour', () => {
    expect(Object.keys(web.SOURCE_COLORS)).toEqual([...common.FUNDING_SOURCES]);
    expect(Object.keys(web.CATEGORY_COLORS)).toEqual([...common.COMMITTEE_CATEGORIES]);
  });

  it('shorten only long English names in charts', () => {
    const nist = {
      code: 'NIST',
      nameZh: '美国国家标准与技术研究院',
      nameEn: 'National Institute of Standards and Technology',
    };
    expect(web.chartName(nist, 'zh-CN')).toBe('美国国家标准与技术研究院');
    expect(web.chartName(nist, 'en-US')).toBe('NIST');
    expect(web.chartName({ ...nist, nameEn: 'Manufacturing USA' }, 'en-US')).toBe('Manufacturing USA');
  });

  it('fall back to the other language when a name is missing', () => {
    expect(web.localName({ nameZh: '张三', nameEn: null }, 'en-US')).toBe('张三');
    expect(web.localName({ nameZh: '张三', nameEn: 'Zhang San' }, 'en-US')).toBe('Zhang San');
    expect(web.localName(null, 'zh-CN')).toBe('—');
  });
});
