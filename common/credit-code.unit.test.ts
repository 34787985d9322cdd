import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  checkCreditCode,
  creditCodeCheckCharacter,
  organisationCodeCheck,
} from './credit-code.js';

// Published codes (each also found, with its holder, in public invoices and registries).
const REAL = {
  '91350100M000100Y43': 'the worked example of GB 32100-2015 itself',
  '914403001922038216': 'Huawei Technologies Co., Ltd.',
  '91440300708461136T': 'Shenzhen Tencent Computer Systems Co., Ltd.',
  '91110108551385082Q': 'Xiaomi Technology Co., Ltd.',
  '91330100716105852F': 'Alibaba (China) Co., Ltd.',
  '12100000400000624D': 'Tsinghua University (a public institution, 事业单位)',
  '911100006000650192': 'Beijing Yoshinoya Fast Food Co., Ltd. (registered at province level 110000)',
};

describe('checkCreditCode', () => {
  it.each(Object.entries(REAL))('accepts %s (%s)', (code) => {
    expect(checkCreditCode(code)).toEqual({ ok: true, code });
  });

  it("reproduces the standard's worked example: 91350100M000100Y4 has check character 3", () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    // The standard's counter-example ends in Z, which is not even in the alphabet.
    expect(checkCreditCode('91350100M000100Y4Z')).toMatchObject({ ok: false, reason: 'charset' });
    expect(checkCreditCode('91350100M000100Y4A')).toMatchObject({ ok: false, reason: 'check_character' });
  });

  it('computes the GB 11714 organisation-code check with letters worth 10–35, X for 10 and 0 for 11', () => {
    expect(organisationCodeCheck('M000100Y')).toBe('4');
    expect(organisationCodeCheck('60006501')).toBe('9');
    expect(organisationCodeCheck('19220382')).toBe('1');
    expect(organisationCodeCheck('21000000')).toBe('9'); // 11 - (3*2 + 7*1) mod 11
    expect(organisationCodeCheck('40000000')).toBe('X'); // 3*4 = 12 ≡ 1, so 11 - 1 = 10
    expect(organisationCodeCheck('00000000')).toBe('0'); // 11 - 0 = 11
    expect(organisationCodeCheck('A0000000')).toBe('3'); // A is 10: 30 ≡ 8, so 11 - 8
  });

  it('normalises: trims, upper-cases and folds full-width characters', () => {
    expect(checkCreditCode('  91110108551385082q ')).toEqual({ ok: true, code: '91110108551385082Q' });
    expect(checkCreditCode('９１１１０１０８５５１３８５０８２Ｑ')).toEqual({
      ok: true,
      code: '91110108551385082Q',
    });
  });

  it('names the broken rule', () => {
    expect(checkCreditCode('')).toMatchObject({ reason: 'length' });
    expect(checkCreditCode('91110108551385082')).toMatchObject({ reason: 'length' });
    expect(checkCreditCode('91110108551385082QQ')).toMatchObject({ reason: 'length' });
    for (const bad of ['I', 'O', 'Z', 'S', 'V', '-', '中']) {
      expect(checkCreditCode(`9111010855138508${bad}Q`), bad).toMatchObject({ reason: 'charset' });
    }
    expect(checkCreditCode('94110108551385082Q')).toMatchObject({ reason: 'registration_authority' });
    expect(checkCreditCode('B1110108551385082Q')).toMatchObject({ reason: 'registration_authority' });
    expect(checkCreditCode('9199010855138508XQ')).toMatchObject({ reason: 'division_code' });
    expect(checkCreditCode('911A0108551385082Q')).toMatchObject({ reason: 'division_code' });
    expect(checkCreditCode('91110108551385083Q')).toMatchObject({ reason: 'organisation_code_check' });
    // An early pilot-region code that does not follow the standard (kept invalid by other validators too).
    expect(checkCreditCode('91350211M00013FA1N')).toMatchObject({ reason: 'check_character' });
  });

  it('detects every single-character substitution of a valid code', () => {
    for (const code of Object.keys(REAL)) {
      for (let i = 0; i < 18; i++) {
        for (const ch of CREDIT_CODE_ALPHABET) {
          if (ch === code[i]) continue;
          const mutated = code.slice(0, i) + ch + code.slice(i + 1);
          const result = checkCreditCode(mutated);
          expect(result.ok, `${mutated} (position ${i + 1})`).toBe(false);
          if (i === 17) expect(result).toMatchObject({ reason: 'check_character' });
        }
      }
    }
  });

  it('detects swapping two different neighbouring characters of the organisation code', () => {
    const code = '91440300708461136T';
    for (let i = 8; i < 16; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expect(checkCreditCode(swapped).ok, swapped).toBe(false);
    }
  });
});
