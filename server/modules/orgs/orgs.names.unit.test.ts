import { describe, expect, it } from 'vitest';
import { diceSimilarity, nameKey } from './orgs.names.js';
import { findDuplicatePairs, groupPairs } from './orgs.similar.js';

describe('nameKey', () => {
  it.each([
    ['北京中科新材料有限公司', '北京中科新材料'],
    ['北京中科新材料股份有限公司', '北京中科新材料'],
    ['北京中科新材料有限责任公司', '北京中科新材料'],
    ['海尔集团股份有限公司', '海尔'],
    ['华为技术（北京）有限公司', '华为技术北京'],
    ['Acme Co., Ltd.', 'acme'],
    ['ACME Co Ltd', 'acme'],
    ['Acme, Inc.', 'acme'],
    ['Siemens AG', 'siemens'],
    ['Robert Bosch GmbH', 'robertbosch'],
    ['ＡＣＭＥ　有限公司', 'acme'],
    ['National Institute of Standards and Technology', 'nationalinstituteofstandardsandtechnology'],
  ])('%s → %s', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it('keeps a name that is nothing but a legal form rather than emptying it', () => {
    expect(nameKey('公司')).toBe('公司');
    expect(nameKey('Ltd.')).toBe('ltd');
    expect(nameKey('Co. Ltd.')).toBe('co');
    expect(nameKey('!!!')).toBe('');
  });
});

describe('diceSimilarity', () => {
  it('is 1 for equal keys, high for one changed character, low for different names', () => {
    expect(diceSimilarity('acme', 'acme')).toBe(1);
    expect(diceSimilarity('苏州纳米技术与纳米仿生研究所', '苏州纳米技术和纳米仿生研究所')).toBeCloseTo(
      20 / 24,
      5,
    ); // bigram sets: 纳米 counts once
    expect(diceSimilarity('清华大学', '北京大学')).toBeCloseTo(2 / 6, 5);
    expect(diceSimilarity('', '')).toBe(0);
    expect(diceSimilarity('a', 'a')).toBe(1);
  });
});

describe('findDuplicatePairs and groupPairs', () => {
  const org = (
    id: string,
    nameKey: string,
    extra: Partial<{ nameEn: string; registryId: string; country: string }> = {},
  ) => ({
    id,
    nameKey,
    nameEn: extra.nameEn ?? null,
    registryId: extra.registryId ?? null,
    country: extra.country ?? 'CN',
  });

  it('reports each pair once with its strongest reason and joins chains into one group', () => {
    const pairs = findDuplicatePairs([
      org('1', '北京中科新材料', { nameEn: 'ZK' }),
      org('2', '北京中科新材料', { nameEn: 'ZK' }),
      org('3', '北京中科新材料科技'),
      org('4', '清华大学'),
      org('5', '北京大学'),
    ]);
    expect(pairs.find((p) => p.a === '1' && p.b === '2')).toMatchObject({ reason: 'same_name' });
    expect(pairs.filter((p) => p.a === '1' && p.b === '2')).toHaveLength(1);
    expect(pairs.find((p) => p.a === '1' && p.b === '3')).toMatchObject({
      reason: 'similar_name',
      similarity: 0.857,
    });
    expect(pairs.some((p) => p.a === '4' || p.b === '4')).toBe(false);
    expect(groupPairs(pairs)).toEqual([['1', '2', '3']]);
  });

  it('treats registry ids per country', () => {
    const pairs = findDuplicatePairs([
      org('a', 'x', { registryId: 'HRB 1', country: 'DE' }),
      org('b', 'y', { registryId: 'hrb 1', country: 'DE' }),
      org('c', 'z', { registryId: 'HRB 1', country: 'AT' }),
    ]);
    expect(pairs).toEqual([{ a: 'a', b: 'b', reason: 'same_registry_id', similarity: 1 }]);
  });
});
