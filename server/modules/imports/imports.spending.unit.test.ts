import { describe, expect, it } from 'vitest';
import { costCategory, fenToYuan, yuanToFen } from './kinds/spending.js';

describe('spending import cells', () => {
  it('reads yuan with at most two decimals as integer fen, exactly', () => {
    const cases: [string, number][] = [
      ['1', 100],
      ['0.01', 1],
      ['1000.5', 100_050],
      ['1,000.50', 100_050],
      ['¥1 234.56', 123_456],
      ['￥0.1', 10],
      // 0.29 * 100 is 28.999999999999996 in floating point: the digits are read, not multiplied.
      ['0.29', 29],
      ['1234567890123.99', 123_456_789_012_399],
    ];
    for (const [text, fen] of cases) expect(yuanToFen(text), text).toEqual({ value: fen });
  });

  it('refuses amounts that are not positive, have more than two decimals or are not numbers', () => {
    for (const t of ['0', '0.00', '-5', '-0.01'])
      expect(yuanToFen(t), t).toEqual({ error: 'imports.amount_not_positive' });
    for (const t of ['12.345', '1e3', 'abc', '1.2.3', '12345678901234', '.5', '5.'])
      expect(yuanToFen(t), t).toEqual({ error: 'imports.invalid_amount' });
  });

  it('writes fen back as the yuan text the file carries', () => {
    expect([fenToYuan(100_050), fenToYuan(1), fenToYuan(29), fenToYuan(100)]).toEqual([
      '1000.50',
      '0.01',
      '0.29',
      '1.00',
    ]);
  });

  it('takes the categories in Chinese or English, in any case', () => {
    const read = (t: string) => costCategory.parse(t);
    expect(['设备费', 'Equipment', '业务费', 'labor', '劳务费', '间接费用'].map(read)).toEqual(
      ['equipment', 'equipment', 'operations', 'labour', 'labour', 'indirect'].map((value) => ({ value })),
    );
    expect(read('差旅费')).toEqual({ error: 'imports.invalid_value' });
  });
});
