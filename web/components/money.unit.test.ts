import { describe, expect, it } from 'vitest';
import { formatCompact, formatMoney, toMajor, toMinor } from './money.js';

describe('money in the UI', () => {
  it('turns typed major units into exact integer minor units', () => {
    expect(toMinor(857_000_000, 2)).toBe(85_700_000_000);
    // 0.29 * 100 is 28.999999999999996 in binary floating point.
    expect(toMinor(0.29, 2)).toBe(29);
    expect(toMinor(1234.5, 2)).toBe(123_450);
    expect(toMinor(1500, 0)).toBe(1500);
    expect(toMinor(0, 2)).toBe(0);
  });

  it('reads minor units back as major units', () => {
    expect(toMajor(85_700_000_000, 2)).toBe(857_000_000);
    expect(toMajor(1500, 0)).toBe(1500);
  });

  it('formats amounts in the viewer language with the currency', () => {
    expect(formatMoney(123_450, 'USD', 2, 'en-US')).toBe('$1,234.50');
    expect(formatMoney(1500, 'JPY', 0, 'en-US')).toBe('¥1,500');
    expect(formatCompact(96_400_000_000, 'USD', 2, 'en-US')).toBe('$964M');
    expect(formatCompact(96_400_000_000, 'USD', 2, 'zh-CN')).toBe('US$9.64亿');
  });
});
